import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { formatAngka } from '../../../main/common/format';
import { bacaTanggalKetik, PILIHAN_BULAN, tampilTanggal } from '../../../main/common/tanggal';
import { ApiError, pesanGalat } from '../api';

/** A labelled form control; `error` is announced and tied to the control. */
export function Field(props: { label: string; error?: string | undefined; hint?: ReactNode; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-galat`;
  const hintId = `${id}-hint`;
  const describedBy = [props.error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' field-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, describedBy)}
      {props.hint && (
        <div id={hintId} className="hint">
          {props.hint}
        </div>
      )}
      {props.error && (
        <div id={errorId} className="error-text">
          {props.error}
        </div>
      )}
    </div>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  type?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
  maxLength?: number;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(id, describedBy) => (
        <input
          id={id}
          type={props.type ?? 'text'}
          value={props.value}
          required={props.required}
          inputMode={props.inputMode}
          maxLength={props.maxLength}
          placeholder={props.placeholder}
          autoFocus={props.autoFocus}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  empty?: string;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(id, describedBy) => (
        <select
          id={id}
          value={props.value}
          required={props.required}
          disabled={props.disabled}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.empty !== undefined && <option value="">{props.empty}</option>}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Modal dialog on the native <dialog> (focus trap, Esc, role=dialog for screen readers). */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={props.wide ? 'wide' : undefined}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" className="icon" aria-label="Tutup" onClick={props.onClose}>
          ×
        </button>
      </div>
      {props.children}
    </dialog>
  );
}

export function Notice(props: { kind: 'error' | 'ok' | 'warn'; children: ReactNode }) {
  if (!props.children) return null;
  return (
    <div className={`notice notice-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

export function Pager(props: { halaman: number; per: number; total: number; onPage: (halaman: number) => void; label: string }) {
  const pages = Math.max(1, Math.ceil(props.total / props.per));
  return (
    <nav className="pager" aria-label={`Halaman ${props.label}`}>
      <span>
        {formatAngka(props.total)} {props.label} · halaman {props.halaman} dari {pages}
      </span>
      <button type="button" disabled={props.halaman <= 1} onClick={() => props.onPage(props.halaman - 1)}>
        ‹ Sebelumnya
      </button>
      <button type="button" disabled={props.halaman >= pages} onClick={() => props.onPage(props.halaman + 1)}>
        Berikutnya ›
      </button>
    </nav>
  );
}

/** Field errors from an ApiError, by field name; the message for the rest. */
export function fieldErrors(error: unknown): { fields: Record<string, string>; message: string } {
  const fields: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const d of error.details ?? []) if (d.field && !fields[d.field]) fields[d.field] = d.message;
    return { fields, message: error.message };
  }
  return { fields, message: error instanceof Error ? error.message : String(error) };
}

/** Re-runs a loader whenever its deps change; keeps the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: string; reload: () => void; loading: boolean } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError('');
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { data, error, loading, reload: () => setTick((t) => t + 1) };
}

/** Debounced value, for search boxes that query as the user types. */
export function useDebounced<T>(value: T, ms = 150): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/**
 * A date as Indonesians write it, whatever the browser's locale: shown and typed dd/mm/yyyy (also "05011990" or
 * "5-1-1990"); the form receives YYYY-MM-DD, or '' while the field is empty or not a date yet.
 */
export function DateField(props: { label: string; value: string; onChange: (value: string) => void; error?: string | undefined; hint?: ReactNode; required?: boolean }) {
  const [teks, setTeks] = useState(tampilTanggal(props.value));
  const [salah, setSalah] = useState('');
  // The value this field itself last reported: its echo must not replace what is being typed.
  const dilapor = useRef<string | null>(null);
  // A value set from outside (a record loaded, a date read from the NIK) replaces what is shown. Typing over a
  // date reports '' while the new one is incomplete; that echo leaves the half-typed text alone.
  useEffect(() => {
    if (props.value === dilapor.current) return;
    if (bacaTanggalKetik(teks) !== props.value) setTeks(tampilTanggal(props.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);
  const ubah = (t: string) => {
    setTeks(t);
    const iso = bacaTanggalKetik(t);
    if (iso !== null) {
      setSalah('');
      dilapor.current = iso;
      props.onChange(iso);
    } else if (props.value) {
      dilapor.current = '';
      props.onChange('');
    }
  };
  return (
    <Field label={props.label} error={props.error || salah} hint={props.hint ?? 'hh/bb/tttt, misalnya 05/01/1990'}>
      {(id, describedBy) => (
        <input
          id={id}
          type="text"
          inputMode="numeric"
          placeholder="hh/bb/tttt"
          value={teks}
          required={props.required}
          aria-invalid={props.error || salah ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => ubah(e.target.value)}
          onBlur={() => {
            const iso = bacaTanggalKetik(teks);
            if (iso === null) setSalah(`"${teks}" bukan tanggal. Tulis hari/bulan/tahun, misalnya 05/01/1990.`);
            else setTeks(tampilTanggal(iso));
          }}
        />
      )}
    </Field>
  );
}

/**
 * A month by its Indonesian name and a year (value YYYY-MM), never the browser's "October 2026". `kosong`: an option
 * for no month chosen (value '').
 */
export function MonthField(props: { label: string; value: string; onChange: (value: string) => void; tahunAwal?: number; kosong?: string }) {
  const [tahun = '', bulan = ''] = props.value ? props.value.split('-') : [];
  const sekarang = new Date().getFullYear();
  const tahunList = Array.from({ length: sekarang + 2 - (props.tahunAwal ?? sekarang - 6) }, (_, i) => String(sekarang + 1 - i));
  if (tahun && !tahunList.includes(tahun)) tahunList.push(tahun);
  const pilihBulan = (b: string) => props.onChange(b ? `${tahun || sekarang}-${b}` : '');
  const pilihTahun = (t: string) => props.onChange(t ? `${t}-${bulan || String(new Date().getMonth() + 1).padStart(2, '0')}` : '');
  return (
    <fieldset className="month-field">
      <legend>{props.label}</legend>
      <select aria-label={`${props.label}: bulan`} value={bulan} onChange={(e) => pilihBulan(e.target.value)}>
        {props.kosong !== undefined && <option value="">{props.kosong}</option>}
        {PILIHAN_BULAN.map((b) => (
          <option key={b.value} value={b.value}>
            {b.label}
          </option>
        ))}
      </select>
      <select aria-label={`${props.label}: tahun`} value={tahun} onChange={(e) => pilihTahun(e.target.value)}>
        {props.kosong !== undefined && <option value="">–</option>}
        {tahunList.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

/** A button's work: busy while it runs, the previous message cleared, its error shown in Indonesian. */
export function useJalankan() {
  const [busy, setBusy] = useState(false);
  const [galat, setGalat] = useState('');
  const [pesan, setPesan] = useState('');
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setGalat('');
    setPesan('');
    try {
      await fn();
    } catch (e) {
      setGalat(pesanGalat(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, galat, setGalat, pesan, setPesan, run };
}

/**
 * A button whose work takes a while (a PDF, a site, a bundle, an import): while it runs it is disabled, says what
 * it is doing (`sibuk`) and is marked busy for screen readers, so nobody presses twice or wonders whether it works.
 */
export function TombolKerja(props: { kerja: () => Promise<unknown>; sibuk: string; children: ReactNode; className?: string; 'aria-label'?: string; disabled?: boolean }) {
  const [jalan, setJalan] = useState(false);
  return (
    <button
      type="button"
      className={props.className}
      aria-label={jalan ? props.sibuk : props['aria-label']}
      aria-busy={jalan || undefined}
      disabled={jalan || props.disabled}
      onClick={async () => {
        setJalan(true);
        try {
          await props.kerja();
        } finally {
          setJalan(false);
        }
      }}
    >
      {jalan ? props.sibuk : props.children}
    </button>
  );
}
