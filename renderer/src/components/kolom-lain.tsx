import { useState } from 'react';
import { KOLOM_INTI, kolomMasukan, type KolomMasukan, type KolomSpec, type TabelInti } from '../../../main/common/register';
import { Field, SelectField, TextField } from './ui';

// A form lays out the columns it knows; every other typed column of its record (register.ts) appears here
// with the register's label, so a column added to the register reaches the form without editing the page.

type Nilai = string | boolean;
const spec = (tabel: TabelInti, kode: string) => (KOLOM_INTI[tabel] as Record<string, KolomSpec>)[kode]!;
const yaTidak = (k: KolomSpec) => k.tipe === 'bulat' && k.min === 0 && k.max === 1;

/** The columns of `tabel` the page does not lay out itself. */
export function kolomLain(tabel: TabelInti, tampil: readonly string[]): string[] {
  return kolomMasukan(tabel).filter((k) => !tampil.includes(k));
}

/** The form's starting values of those columns, from the record being edited (or empty for a new one). */
export function awalKolomLain(tabel: TabelInti, tampil: readonly string[], row: object | null): Record<string, Nilai> {
  return Object.fromEntries(
    kolomLain(tabel, tampil).map((kode) => {
      const v = row ? (row as Record<string, unknown>)[kode] : null;
      return [kode, yaTidak(spec(tabel, kode)) ? v === 1 : v === null || v === undefined ? '' : String(v).replace('.', ',')];
    }),
  );
}

/** What the API takes for those columns: numbers typed the Indonesian way ("1.250,5"), empty as null. */
export function kirimKolomLain(tabel: TabelInti, nilai: Record<string, Nilai>): Record<string, string | number | boolean | null> {
  return Object.fromEntries(
    Object.entries(nilai).map(([kode, v]) => {
      const k = spec(tabel, kode);
      if (typeof v === 'boolean') return [kode, v];
      const t = v.trim();
      if (!t) return [kode, null];
      return [kode, k.tipe === 'teks' ? t : Number(t.replace(/\./g, '').replace(',', '.'))];
    }),
  );
}

export function KolomLain(props: { tabel: TabelInti; nilai: Record<string, Nilai>; onChange: (patch: Record<string, Nilai>) => void; errors: Record<string, string> }) {
  return (
    <>
      {Object.entries(props.nilai).map(([kode, v]) => {
        const k = spec(props.tabel, kode);
        const label = k.label ?? kode.replace(/_/g, ' ');
        if (typeof v === 'boolean')
          return (
            <label key={kode} className="cek">
              <input type="checkbox" checked={v} onChange={(e) => props.onChange({ [kode]: e.target.checked })} /> {label}
            </label>
          );
        if (k.opsi) return <SelectField key={kode} label={label} value={v} onChange={(x) => props.onChange({ [kode]: x })} empty="—" options={k.opsi.map((o) => ({ value: o, label: o }))} error={props.errors[kode]} />;
        if ((k.maks ?? 0) > 300)
          return (
            <Field key={kode} label={label} error={props.errors[kode]}>
              {(id, describedBy) => <textarea id={id} rows={3} value={v} maxLength={k.maks} aria-describedby={describedBy} onChange={(e) => props.onChange({ [kode]: e.target.value })} />}
            </Field>
          );
        return (
          <TextField
            key={kode}
            label={label}
            value={v}
            onChange={(x) => props.onChange({ [kode]: x })}
            error={props.errors[kode]}
            type={k.format === 'tanggal' ? 'date' : 'text'}
            inputMode={k.tipe === 'teks' ? 'text' : 'numeric'}
            {...(k.tipe === 'teks' && k.maks ? { maxLength: k.maks } : {})}
          />
        );
      })}
    </>
  );
}

/**
 * The record's columns beyond the page's layout (`tampil`): their values, the fields to render, and what to
 * send with the form. `onUbah` marks the form changed (the "close without saving?" question).
 */
export function useKolomLain<T extends TabelInti>(tabel: T, tampil: readonly KolomMasukan<T>[], row: object | null, errors: Record<string, string>, onUbah: () => void) {
  const [nilai, setNilai] = useState(() => awalKolomLain(tabel, tampil, row));
  const isian = <KolomLain tabel={tabel} nilai={nilai} errors={errors} onChange={(patch) => (setNilai((n) => ({ ...n, ...patch })), onUbah())} />;
  return { isian, kirim: () => kirimKolomLain(tabel, nilai) };
}
