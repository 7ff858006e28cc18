import { JUMLAH_MAKS, RUPIAH_MAKS, VOLUME_MAKS } from './batas';

// One reader for every number a person types or pastes: form fields, grid cells, RAB lines, workbook cells,
// partner records. It reads the Indonesian way ("Rp850.000", "1.250,5") and what Excel copies ("1,250,000",
// "1.5"), never throws, and says in Indonesian what is wrong with what it cannot read.

/** "Rp 1.500.000" → 1500000, "12,5" → 12.5, "１２３" → 123, "" → null; NaN when it is not a number. */
export function bacaAngka(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  let text = String(value).normalize('NFKC').trim().replace(/^(Rp|IDR)\.?\s*/i, '').replace(/\s+/g, '').replace(/%$/, '');
  if (text === '' || text === '-') return null;
  if (text.length > 40) return NaN;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

export type JenisAngka = 'rupiah' | 'desimal' | 'bulat';

export interface AngkaTerbaca {
  /** The number, or null when the field is empty or unreadable (then `pesan` says why). */
  nilai: number | null;
  /** A unit typed after the number ("2 bh" → "bh"), offered to a unit field. */
  satuan?: string;
  /** What is wrong, for the cell or field: the value is not used. */
  pesan?: string;
}

const KELIPATAN = /^(juta|jt|ribu|rb|rbu|ratus|miliar|milyar|m|k|triliun|t)\.?$/i;
const MAKS: Record<JenisAngka, number> = { rupiah: RUPIAH_MAKS, desimal: VOLUME_MAKS, bulat: JUMLAH_MAKS };

/** A typed number as a field needs it: bounds and whole-ness by `jenis`, a trailing unit kept apart. */
export function bacaIsianAngka(teks: string | null | undefined, jenis: JenisAngka, maks = MAKS[jenis]): AngkaTerbaca {
  const t = String(teks ?? '').normalize('NFKC').trim();
  if (!t) return { nilai: null };
  const contoh = jenis === 'rupiah' ? '850.000' : jenis === 'desimal' ? '2,5' : '12';
  const potong = t.length > 24 ? `${t.slice(0, 24)}…` : t;
  const m = /^(.*?\d)\s*([A-Za-z][A-Za-z./]{0,14})$/.exec(t);
  let angka = t;
  let satuan: string | undefined;
  if (m && !/^(Rp|IDR)/i.test(m[2]!)) {
    if (jenis === 'rupiah' || KELIPATAN.test(m[2]!)) return { nilai: null, pesan: `"${potong}": tulis angkanya lengkap tanpa kata, misalnya ${jenis === 'rupiah' ? '1.500.000 (bukan "1,5 juta")' : contoh}.` };
    angka = m[1]!;
    satuan = m[2]!.replace(/\.$/, '');
  }
  const n = bacaAngka(angka);
  if (n === null) return { nilai: null, pesan: `"${potong}" bukan angka. Tulis angka saja, misalnya ${contoh}.` };
  if (Number.isNaN(n)) return { nilai: null, pesan: `"${potong}" bukan angka. Tulis angka saja, misalnya ${contoh}.` };
  if (n < 0) return { nilai: null, pesan: `"${potong}": angka tidak boleh negatif.` };
  if (jenis !== 'desimal' && !Number.isInteger(n)) return { nilai: null, pesan: jenis === 'rupiah' ? `"${potong}": Rupiah ditulis tanpa sen, misalnya ${contoh}.` : `"${potong}": tulis bilangan bulat, misalnya ${contoh}.` };
  if (n > maks) return { nilai: null, pesan: `"${potong}" terlalu besar; periksa jumlah angka nolnya.` };
  return satuan ? { nilai: n, satuan } : { nilai: n };
}
