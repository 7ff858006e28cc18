// Data quality of a monthly report, as the best aggregate-reporting systems do it (DHIS2's validation rules and
// outlier detection): rules between indicators, each with an importance (galat blocks submitting, peringatan needs
// a note), and outliers against the group's own history (modified z-score on the median and MAD). Pure: the grid,
// the workbook import, the province's bundle import and `laporan periksa` all run these same functions.

import { formatAngka, formatRupiah } from './format';
import type { Indikator, Katalog, NilaiLaporan } from './laporan';

export type TingkatTemuan = 'galat' | 'peringatan';

/** One finding on one report: which indicator, which rule, the value, what it was compared with. */
export interface Temuan {
  indikator: string;
  /** Rule id: a validation rule's id, or 'pencilan' (outlier) or 'batas' (bounds). */
  aturan: string;
  tingkat: TingkatTemuan;
  nilai: number | string | null;
  /** The other side: a bound, another indicator's value, or the median the outlier was measured from. */
  pembanding: number | null;
  pesan: string;
  /** The officer's note confirming the value (clears a peringatan); null while unconfirmed. */
  catatan: string | null;
}

/** A confirmed value: the note travels with the report (laporan_bulanan.konfirmasi, JSON per indicator). */
export interface Konfirmasi {
  nilai: number | string | null;
  catatan: string;
  oleh: string;
  pada: string;
}
export type DaftarKonfirmasi = Record<string, Konfirmasi>;

/** A validation rule: left side, operator, right side (an indicator, a number, or a fact of the group), importance. */
export interface AturanValidasi {
  id: string;
  /** What the rule says, in plain Indonesian (shown in the definitions page and findings). */
  uraian: string;
  kiri: string;
  operator: '<=' | '>=';
  /** An indicator code, a fixed number, or '@anggota_terdaftar' (members registered in the group). */
  kanan: string | number;
  /** The right side is multiplied by this (e.g. at most 5 × registered members). */
  faktor?: number;
  tingkat: TingkatTemuan;
}

export const ATURAN_VALIDASI: readonly AturanValidasi[] = [
  { id: 'offtaker_le_omzet', uraian: 'Penjualan ke offtaker/SPPG tidak lebih dari omzet penjualan.', kiri: 'penjualan_offtaker', operator: '<=', kanan: 'omzet', tingkat: 'galat' },
  { id: 'kehadiran_le_100', uraian: 'Kehadiran pertemuan paling besar 100%.', kiri: 'kehadiran', operator: '<=', kanan: 100, tingkat: 'galat' },
  { id: 'aktif_le_terdaftar', uraian: 'Anggota aktif tidak lebih dari anggota yang terdaftar di kelompok.', kiri: 'anggota_aktif', operator: '<=', kanan: '@anggota_terdaftar', tingkat: 'peringatan' },
  { id: 'tenaga_kerja_wajar', uraian: 'Tenaga kerja paling banyak 5 kali anggota terdaftar.', kiri: 'tenaga_kerja', operator: '<=', kanan: '@anggota_terdaftar', faktor: 5, tingkat: 'peringatan' },
  { id: 'pertemuan_wajar', uraian: 'Pertemuan kelompok paling banyak 31 kali sebulan.', kiri: 'pertemuan', operator: '<=', kanan: 31, tingkat: 'peringatan' },
];

/** Outliers: the modified z-score (0,6745 × (x − median) ÷ MAD) beyond this flags a value. */
export const AMBANG_PENCILAN = 3.5;
/** …and differs from the median by more than this share of it (steady groups otherwise flag every small change). */
export const SELISIH_MINIMAL = 0.5;
/** Months of the group's own history an outlier check needs; with fewer, the district's same-sector values are used. */
export const RIWAYAT_MINIMAL = 6;
/** How many past months the hint beside a cell shows. */
export const RIWAYAT_PETUNJUK = 12;

/** Indicators checked for outliers: flows in Rupiah and counts of meetings (volumes have units of their own). */
export function diperiksaPencilan(i: Indikator): boolean {
  return i.agregasi === 'SUM' && !i.turunan && i.tipe !== 'teks' && i.kode !== 'volume_produksi';
}

function tampil(i: Indikator | undefined, v: number): string {
  return i?.tipe === 'rupiah' ? formatRupiah(v) : formatAngka(v);
}

const papan = new Float64Array(64);
const simpangan = new Float64Array(64);

/**
 * The median of a short series (≤ 12 months, or a sector's groups): insertion sort in a reused buffer; this runs
 * hundreds of thousands of times at the province. Longer series sort a copy.
 */
function median(xs: ArrayLike<number>): number {
  const n = xs.length;
  const s = n <= papan.length ? papan : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = xs[i]!;
    let j = i - 1;
    while (j >= 0 && s[j]! > v) {
      s[j + 1] = s[j]!;
      j--;
    }
    s[j + 1] = v;
  }
  const m = n >> 1;
  return n % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The modified z-score of v against a series (Iglewicz and Hoaglin): 0,6745 × (v − median) ÷ MAD. Where the MAD is 0
 * (most months equal), the mean absolute deviation stands in (× 1,2533), as IBM SPSS does; where both are 0, any value
 * other than the median is an outlier. Null when the series is shorter than RIWAYAT_MINIMAL.
 */
export function skorPencilan(seri: number[], v: number): { z: number; median: number } | null {
  if (seri.length < RIWAYAT_MINIMAL) return null;
  const med = median(seri);
  const dev = seri.length <= simpangan.length ? simpangan.subarray(0, seri.length) : new Float64Array(seri.length);
  for (let i = 0; i < seri.length; i++) dev[i] = Math.abs(seri[i]! - med);
  const mad = median(dev);
  if (mad > 0) return { z: (0.6745 * (v - med)) / mad, median: med };
  const meanAd = seri.reduce((a, x) => a + Math.abs(x - med), 0) / seri.length;
  if (meanAd > 0) return { z: (v - med) / (1.253314 * meanAd), median: med };
  return { z: v === med ? 0 : Infinity * Math.sign(v - med), median: med };
}

/**
 * A lumpy flow (aid received, sales to a new offtaker) is mostly zero: against a median of 0 every real month would be
 * an outlier. Such a series is measured by its non-zero months only (and skipped while it has fewer than six).
 */
function seriBerarti(seri: number[]): number[] {
  let nol = 0;
  for (const x of seri) if (x === 0) nol++;
  return nol * 2 >= seri.length && nol > 0 ? seri.filter((x) => x !== 0) : seri;
}

export interface KonteksMutu {
  anggotaTerdaftar: number;
  /** Past months' values of this group, per indicator (oldest first). */
  riwayat: Record<string, number[]>;
  /** The same month's values of the district's groups of the same sector, per indicator (for a short history); a
   * function is asked only when a history is short. */
  sejawat?: Record<string, number[]> | ((kode: string) => number[]);
  konfirmasi?: DaftarKonfirmasi | null;
}

/** The validation rules and outlier checks of one report. Rules whose values are missing are listed as skipped. */
const petaKatalog = new WeakMap<Katalog, Map<string, Indikator>>();
const pencilanKatalog = new WeakMap<Katalog, Indikator[]>();

/** The catalogue's indicators checked for outliers, listed once per catalogue. */
function diperiksaDari(katalog: Katalog): Indikator[] {
  let xs = pencilanKatalog.get(katalog);
  if (!xs) pencilanKatalog.set(katalog, (xs = katalog.indikator.filter(diperiksaPencilan)));
  return xs;
}

export function periksaMutu(katalog: Katalog, nilai: NilaiLaporan, k: KonteksMutu): { temuan: Temuan[]; dilewati: string[] } {
  // The catalogue's indicators by code, made once per catalogue (this runs for every report at the province).
  let ind = petaKatalog.get(katalog);
  if (!ind) petaKatalog.set(katalog, (ind = new Map(katalog.indikator.map((i) => [i.kode, i]))));
  const temuan: Temuan[] = [];
  const dilewati: string[] = [];

  for (const a of ATURAN_VALIDASI) {
    if (!ind.has(a.kiri)) continue;
    const kiri = nilai[a.kiri];
    const kananMentah = typeof a.kanan === 'number' ? a.kanan : a.kanan === '@anggota_terdaftar' ? (k.anggotaTerdaftar > 0 ? k.anggotaTerdaftar : null) : nilai[a.kanan];
    if (typeof kiri !== 'number' || typeof kananMentah !== 'number') {
      dilewati.push(a.id);
      continue;
    }
    const kanan = kananMentah * (a.faktor ?? 1);
    const langgar = a.operator === '<=' ? kiri > kanan : kiri < kanan;
    if (!langgar) continue;
    const i = ind.get(a.kiri);
    temuan.push({
      indikator: a.kiri,
      aturan: a.id,
      tingkat: a.tingkat,
      nilai: kiri,
      pembanding: kanan,
      pesan: `${a.uraian} Tertulis ${tampil(i, kiri)}, pembanding ${tampil(typeof a.kanan === 'string' && ind.has(a.kanan) ? ind.get(a.kanan) : i, kanan)}.`,
      catatan: a.tingkat === 'peringatan' ? catatanKonfirmasi(k.konfirmasi, a.kiri, kiri) : null,
    });
  }
  for (const i of diperiksaDari(katalog)) {
    const v = nilai[i.kode];
    if (typeof v !== 'number') continue;
    // Six months of its own: measured against them (a lumpy flow by its non-zero months, skipped if fewer than six);
    // a newer group against the district's same-sector groups of the month.
    const mentah = k.riwayat[i.kode] ?? [];
    const dariSendiri = mentah.length >= RIWAYAT_MINIMAL;
    const sendiri = seriBerarti(mentah);
    const seri = dariSendiri ? sendiri : seriBerarti(typeof k.sejawat === 'function' ? k.sejawat(i.kode) : (k.sejawat?.[i.kode] ?? []));
    // A very steady history makes the MAD tiny: a change of a few percent is not worth a flag. Checked first, from the
    // median alone (most values pass here, and the deviations are never sorted).
    if (seri.length < RIWAYAT_MINIMAL) continue;
    const med = median(seri);
    if (Math.abs(v - med) <= SELISIH_MINIMAL * Math.abs(med)) continue;
    const s = skorPencilan(seri, v);
    if (!s || Math.abs(s.z) <= AMBANG_PENCILAN) continue;
    temuan.push({
      indikator: i.kode,
      aturan: 'pencilan',
      tingkat: 'peringatan',
      nilai: v,
      pembanding: s.median,
      pesan: `${i.nama} ${tampil(i, v)} jauh dari biasanya (median ${dariSendiri ? `${sendiri.length} bulan kelompok ini` : 'kelompok sesektor bulan ini'} ${tampil(i, s.median)}). Periksa, atau konfirmasi dengan catatan bila memang benar.`,
      catatan: catatanKonfirmasi(k.konfirmasi, i.kode, v),
    });
  }
  return { temuan, dilewati };
}

/** The note confirming this very value of an indicator, or null (a changed value is unconfirmed again). */
function catatanKonfirmasi(daftar: DaftarKonfirmasi | null | undefined, kode: string, v: number | string | null): string | null {
  const c = daftar?.[kode];
  return c && c.nilai === v ? c.catatan : null;
}

/**
 * What still stands in the way of submitting a report — errors, and warnings nobody confirmed with a note — said in one
 * line; null when nothing does. The grid's submit and the workbook import both ask this.
 */
export function penghalang(masalah: readonly { tingkat: TingkatTemuan; pesan: string; catatan?: string | null }[]): string | null {
  const sisa = masalah.filter((m) => m.tingkat === 'galat' || !m.catatan);
  return sisa.length ? sisa.map((m) => (m.tingkat === 'galat' ? m.pesan : `${m.pesan} (perlu konfirmasi dengan catatan)`)).join(' ') : null;
}

/** A finding of `laporan periksa`: the stable fields of the CLI's JSON. */
export interface TemuanLaporan {
  laporan_id: string;
  kelompok_id: string;
  kelompok_nama: string;
  kabupaten_kode: string;
  status: string;
  indikator: string;
  aturan: string;
  nilai: number | string | null;
  pembanding: number | null;
  tingkat: 'galat' | 'peringatan';
  catatan: string | null;
  pesan: string;
}

/** How outliers are found, in plain Indonesian (the definitions page, the website, the README). */
export const URAIAN_PENCILAN =
  'Angka arus (omzet, biaya, penjualan ke offtaker, bantuan, pertemuan) ditandai bila skor-z termodifikasi terhadap median 12 bulan laporan kelompok itu sendiri lebih dari 3,5 dan selisihnya lebih dari separuh median (paling sedikit 6 bulan; arus yang kebanyakan nol diukur dari bulan yang tidak nol; bila riwayatnya kurang, dibandingkan dengan kelompok sesektor di kabupaten/kota yang sama pada bulan itu). Angka yang ditandai dapat dikonfirmasi dengan catatan; catatannya ikut ke provinsi.';
export const URAIAN_PERSETUJUAN =
  'Draf → Diajukan (fasilitator/petugas) → Diverifikasi (kabupaten/kota) → Diterima atau Dikembalikan (provinsi, dengan alasan). Keputusan provinsi dikirim bersama tanda terima; laporan yang dikembalikan menjadi draf lagi dengan alasannya, diperbaiki dan diajukan ulang; yang diterima terkunci di kedua pihak.';
