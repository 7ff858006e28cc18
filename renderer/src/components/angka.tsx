import { useState } from 'react';
import { bacaIsianAngka, type JenisAngka } from '../../../main/common/angka-isian';
import { formatDesimal, formatRupiah } from '../../../main/common/format';
import { Field } from './ui';

// Numbers as the officer reads them: money shows "Rp2.500.000" when the field is not being typed in, the digits
// as typed while it is. What cannot be read stays as typed, marked, with the reason beside it; nothing throws.

/** What a field shows when it is not focused: the number formatted, or the text as typed when it is not one. */
export function tampilAngka(teks: string, jenis: JenisAngka): string {
  const r = bacaIsianAngka(teks, jenis);
  if (r.nilai === null || r.pesan) return teks;
  return (jenis === 'rupiah' ? formatRupiah(r.nilai) : formatDesimal(r.nilai, 4)) + (r.satuan ? ` ${r.satuan}` : '');
}

type Atribut = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

/** An input for a number: formatted when left, raw while typed; `aria-invalid` and a title say what is wrong. */
export function InputAngka(props: Atribut & { value: string; onChange: (v: string) => void; jenis: JenisAngka }) {
  const { value, onChange, jenis, ...rest } = props;
  const [fokus, setFokus] = useState(false);
  const pesan = bacaIsianAngka(value, jenis).pesan;
  return (
    <input
      {...rest}
      inputMode={jenis === 'desimal' ? 'decimal' : 'numeric'}
      value={fokus ? value : tampilAngka(value, jenis)}
      aria-invalid={pesan ? true : rest['aria-invalid']}
      title={pesan ?? rest.title}
      onFocus={(e) => (setFokus(true), rest.onFocus?.(e))}
      onBlur={(e) => (setFokus(false), rest.onBlur?.(e))}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A labelled number field (forms): the reason a value cannot be read shows under it, like a refused save. */
export function AngkaField(props: { label: string; value: string; onChange: (v: string) => void; jenis: JenisAngka; error?: string | undefined }) {
  const pesan = props.error ?? bacaIsianAngka(props.value, props.jenis).pesan;
  return (
    <Field label={props.label} error={pesan}>
      {(id, describedBy) => <InputAngka id={id} value={props.value} onChange={props.onChange} jenis={props.jenis} aria-describedby={describedBy} />}
    </Field>
  );
}
