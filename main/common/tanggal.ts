// Dates the Indonesian way, whatever the OS or browser locale: shown dd/mm/yyyy, typed as an officer types them
// ("05/01/1990", "5-1-1990", "05011990", "1990-01-05"), months by their Indonesian names.

import { BULAN, NAMA_BULAN } from './format';

const valid = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * What an officer typed, as YYYY-MM-DD: day first, as Indonesians write it. '' for an empty field, null for text that
 * is not (yet) a date. Eight digits are ddmmyyyy (05011990 is 5 January 1990, never 1 May).
 */
export function bacaTanggalKetik(text: string): string | null {
  const t = text.trim();
  if (!t) return '';
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!) ? iso(+m[1]!, +m[2]!, +m[3]!) : null;
  m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return valid(+m[3]!, +m[2]!, +m[1]!) ? iso(+m[3]!, +m[2]!, +m[1]!) : null;
  return null;
}

/** YYYY-MM-DD → "05/01/1990"; anything else unchanged. */
export function tampilTanggal(value: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (value ?? '');
}

/** The months for a picker: value "01".."12" and the Indonesian name. */
export const PILIHAN_BULAN = BULAN.map((nama, i) => ({ value: String(i + 1).padStart(2, '0'), label: nama }));

const BULAN_KEY = NAMA_BULAN.map((b) => b.toLowerCase());
const BULAN_SINGKAT = ['jan', 'feb', 'mar', 'apr', 'mei', 'jun', 'jul', 'agu', 'sep', 'okt', 'nov', 'des'];

/** A date as extracts and spreadsheets write it: "1980-03-12", "12/03/1980", "12-03-1980", "12.03.1980", "12 Maret 1980", "12 Agt 1980" → "1980-03-12". */
export function parseTanggal(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  if (match) [y, m, d] = [+match[1]!, +match[2]!, +match[3]!];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) [d, m, y] = [+match[1]!, +match[2]!, +match[3]!];
  else if ((match = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(t))) {
    const name = match[2]!.toLowerCase();
    const index = BULAN_KEY.indexOf(name) >= 0 ? BULAN_KEY.indexOf(name) : BULAN_SINGKAT.indexOf(name.slice(0, 3).replace('agt', 'agu'));
    if (index < 0) return null;
    [d, m, y] = [+match[1]!, index + 1, +match[3]!];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
