import { z } from 'zod';
import { besok } from '../batas';
import { KOLOM_INTI, PENGATURAN_KANTOR, type KolomMasukan, type KolomSpec, type Nilai, type TabelInti } from '../register';
import { id, kodeDesa, kodeKecamatan, tanggal } from './isian';

// A core record's input schema, derived from its register entry (register.ts): the columns, their limits,
// their labels for the messages. A record's API keeps only what the register cannot say (a phone number's
// pattern, a nested JSON object) in `ganti`. A nullable column is optional in the input: a caller that does
// not know a new column (an older form, a test, the demo) leaves it as it is.

type Spec<T extends TabelInti> = (typeof KOLOM_INTI)[T];

/** A yes/no column (a whole number 0–1) is a checkbox in the input; the write map stores 1 or 0. */
type Masuk<K> = K extends { tipe: 'bulat'; min: 0; max: 1 } ? boolean : Nilai<K>;
type SkemaKolom<K> = K extends { bawaan: unknown }
  ? z.ZodDefault<z.ZodType<Masuk<K>, Masuk<K>>>
  : K extends { wajib: true }
    ? z.ZodType<Masuk<K>, Masuk<K>>
    : z.ZodOptional<z.ZodType<Masuk<K> | null, Masuk<K> | null>>;

type Bentuk<T extends TabelInti, G> = { id: z.ZodOptional<z.ZodString> } & { [K in Exclude<KolomMasukan<T>, keyof G>]: SkemaKolom<Spec<T>[K]> } & G;

const yaTidak = (k: KolomSpec) => k.tipe === 'bulat' && k.min === 0 && k.max === 1;
const angkaBesar = (max: number) => max >= 1_000_000;
const labelDari = (kode: string, k: KolomSpec) => k.label ?? kode.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
/** Only the digits count in a NIK or KK number typed as printed ("3507 1345 0190 0009") or with dots. */
const hanyaAngka = (v: string) => v.replace(/[\s.\-]/g, '');

/** Text formats with a pattern the officer is told of (empty is allowed; "required" is said separately). */
const POLA: Record<string, [RegExp, string]> = {
  nip: [/^(\d{18})?$/, 'terdiri dari 18 angka, misalnya 19700101 200003 1 001.'],
  kode_pos: [/^(\d{5})?$/, 'terdiri dari 5 angka.'],
  bulan: [/^([1-9]\d{0,2})?$/, 'bilangan bulat 1 sampai 999 (bulan), misalnya 36.'],
};

/** The schema of one column, from its register entry. Exported for the test that holds the two together. */
export function skemaKolom(kode: string, k: KolomSpec): z.ZodType {
  const label = labelDari(kode, k);
  let s: z.ZodType;
  if (k.tipe === 'teks') {
    if (k.opsi) s = z.enum(k.opsi as [string, ...string[]], { error: `Pilih ${label.toLowerCase()} dari daftar.` });
    else if (k.format === 'desa') s = kodeDesa;
    else if (k.format === 'kecamatan') s = kodeKecamatan;
    else if (k.format === 'tanggal') {
      const t = tanggal.refine((v) => !k.lampau || !v || v <= besok(), `${label} tidak boleh di masa depan.`);
      return k.wajib ? t.refine((v) => v !== null, `${label} wajib diisi.`) : t.optional();
    } else if (k.ref) s = z.string({ error: `Pilih ${label.toLowerCase()}.` }).min(1, `Pilih ${label.toLowerCase()}.`).max(k.maks ?? 64);
    else {
      const maks = k.maks ?? 200;
      const dasar = z.string({ error: `${label} wajib diisi.` }).trim();
      const bersih = k.format === 'nik' || k.format === 'no_kk' ? dasar.transform(hanyaAngka) : k.format === 'nip' ? dasar.transform((v) => v.replace(/\s/g, '')) : dasar;
      const pola = POLA[k.format ?? ''];
      const batas = bersih.pipe(pola ? z.string().regex(pola[0], `${label}: ${pola[1]}`) : z.string()).pipe(z.string().max(maks, `${label} terlalu panjang (paling banyak ${maks} huruf).`));
      s = k.wajib ? batas.pipe(z.string().min(1, `${label} wajib diisi.`)) : batas.transform((v) => v || null);
    }
  } else {
    const min = k.min ?? 0;
    const max = k.max ?? Number.MAX_SAFE_INTEGER;
    let n = z.number({ error: `${label} harus berupa angka.` });
    if (k.tipe === 'bulat') n = n.int(`${label} harus bilangan bulat.`);
    n = n.min(min, min === 0 ? `${label} tidak boleh negatif.` : `${label} paling kecil ${min}.`);
    n = n.max(max, angkaBesar(max) ? `${label} terlalu besar; periksa jumlah angka nolnya.` : `${label} paling besar ${max}.`);
    s = yaTidak(k) ? z.boolean({ error: `${label}: pilih ya atau tidak.` }) : n;
  }
  if (k.bawaan !== undefined) return s.default((yaTidak(k) ? k.bawaan === 1 : k.bawaan) as never);
  return k.wajib ? s : s.nullish();
}

type Kantor = typeof PENGATURAN_KANTOR;
type SkemaKantor = { [K in keyof Kantor]: Kantor[K] extends { wajib: true } ? z.ZodType<string, string> : Kantor[K] extends { opsi: unknown } ? z.ZodOptional<z.ZodType<Nilai<Kantor[K]> | undefined, Nilai<Kantor[K]> | null>> : z.ZodOptional<z.ZodType<string, string | null>> };

/**
 * The office's settings input (register.ts, PENGATURAN_KANTOR): each key may be left out (kept as it is);
 * an emptied one is stored as '' (a choice emptied stays as it is).
 */
export function skemaPengaturan() {
  const bentuk = Object.fromEntries(
    (Object.entries(PENGATURAN_KANTOR) as [string, KolomSpec][]).map(([kode, k]) => [kode, k.wajib ? skemaKolom(kode, k) : skemaKolom(kode, k).transform((v) => v ?? (k.opsi ? undefined : '')).optional()]),
  );
  return z.object(bentuk) as unknown as z.ZodObject<SkemaKantor>;
}

/**
 * The input schema of a core record: `id` (absent for a new one) and every typed column of the register,
 * each replaced by `ganti` where the register's rule is not enough. Add what is not a column with `.extend`.
 */
export function skemaRekaman<T extends TabelInti, G extends Partial<Record<KolomMasukan<T>, z.ZodType>> = {}>(tabel: T, ganti?: G) {
  const bentuk: Record<string, z.ZodType> = { id: id.optional() };
  for (const [kode, k] of Object.entries(KOLOM_INTI[tabel]) as [string, KolomSpec][]) {
    if (k.turunan) continue;
    bentuk[kode] = (ganti as Record<string, z.ZodType> | undefined)?.[kode] ?? skemaKolom(kode, k);
  }
  return z.object(bentuk) as unknown as z.ZodObject<Bentuk<T, G>>;
}
