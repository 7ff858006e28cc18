import { BULAN, formatAngka } from './format';
import type { Agregasi } from './laporan';

// The quarters of the regulation's evaluation table (Permendagri 86/2017; quarterly monitoring as in Permen PPN/
// Bappenas 1/2023): a year's target split into Triwulan I–IV, realisation per quarter and to date, and the
// achievement category by band. Pure functions, shared by the window, the documents, the CLI and the website.

export type Triwulan = 1 | 2 | 3 | 4;
export const TRIWULAN: readonly Triwulan[] = [1, 2, 3, 4];
export const ROMAWI: Record<Triwulan, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };
/** The last day of each quarter, as the printed table states its cut-off ("keadaan s.d. 30 September"). */
export const AKHIR_TRIWULAN: Record<Triwulan, string> = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' };

/** The months of a quarter (TTTT-BB). */
export function bulanTriwulan(tahun: number, t: Triwulan): string[] {
  return [1, 2, 3].map((i) => `${tahun}-${String((t - 1) * 3 + i).padStart(2, '0')}`);
}

/** The latest quarter that has ended on `hariIni` (TTTT-BB-HH), with its year; in January, Triwulan IV of last year. */
export function triwulanTerakhirTutup(hariIni: string): { tahun: number; triwulan: Triwulan } {
  const tahun = Number(hariIni.slice(0, 4));
  const bulan = Number(hariIni.slice(5, 7));
  const t = Math.floor((bulan - 1) / 3) as 0 | 1 | 2 | 3;
  return t === 0 ? { tahun: tahun - 1, triwulan: 4 } : { tahun, triwulan: t as Triwulan };
}

/**
 * The default split of an annual target: flows (SUM) evenly, whole numbers, the remainder in the last quarters so the
 * four add up exactly; stocks and averages (LAST, AVERAGE) the annual value in every quarter.
 */
export function bagiTarget(tahunan: number, agregasi: Agregasi, desimal = false): [number, number, number, number] {
  if (agregasi !== 'SUM') return [tahunan, tahunan, tahunan, tahunan];
  if (desimal) {
    const q = Math.round((tahunan / 4) * 100) / 100;
    return [q, q, q, Math.round((tahunan - 3 * q) * 100) / 100];
  }
  const dasar = Math.floor(tahunan / 4);
  const sisa = Math.round(tahunan - dasar * 4);
  return TRIWULAN.map((t) => dasar + (t > 4 - sisa ? 1 : 0)) as [number, number, number, number];
}

/** Null when a typed split is acceptable; otherwise what is wrong, naming the difference. */
export function salahBagian(tahunan: number, bagian: readonly number[], agregasi: Agregasi, format = formatAngka): string | null {
  if (bagian.length !== 4 || bagian.some((b) => !Number.isFinite(b) || b < 0)) return 'Isi target keempat triwulan dengan angka tidak negatif.';
  if (agregasi !== 'SUM') return null;
  const jumlah = bagian.reduce((a, b) => a + b, 0);
  const selisih = Math.round((jumlah - tahunan) * 100) / 100;
  if (Math.abs(selisih) < 0.005) return null;
  return `Jumlah target Triwulan I–IV (${format(jumlah)}) ${selisih > 0 ? 'lebih' : 'kurang'} ${format(Math.abs(selisih))} dari target tahunan (${format(tahunan)}). Sesuaikan salah satu triwulan.`;
}

/**
 * Realisation to the end of quarter `sampai` from the quarters' values (null: no report counted): flows summed,
 * stocks the latest quarter that has a value, averages the mean of the quarters that have one.
 */
export function realisasiKumulatif(perTriwulan: readonly (number | null)[], agregasi: Agregasi, sampai: Triwulan): number | null {
  const ada = perTriwulan.slice(0, sampai).filter((v): v is number => v !== null);
  if (!ada.length) return null;
  if (agregasi === 'SUM') return ada.reduce((a, b) => a + b, 0);
  if (agregasi === 'AVERAGE') return Math.round((ada.reduce((a, b) => a + b, 0) / ada.length) * 10) / 10;
  return ada.at(-1)!;
}

/** One band of the achievement category: from `min` to `maks` percent, both inclusive (`maks` null: no upper end). */
export interface PitaCapaian {
  kode: string;
  label: string;
  min: number;
  maks: number | null;
}

/** The regulation's bands (Permendagri 86/2017, Lampiran): ≥ 91, 76–90, 66–75, 51–65, ≤ 50. */
export const PITA_CAPAIAN: readonly PitaCapaian[] = [
  { kode: 'sangat_tinggi', label: 'Sangat tinggi', min: 91, maks: null },
  { kode: 'tinggi', label: 'Tinggi', min: 76, maks: 90 },
  { kode: 'sedang', label: 'Sedang', min: 66, maks: 75 },
  { kode: 'rendah', label: 'Rendah', min: 51, maks: 65 },
  { kode: 'sangat_rendah', label: 'Sangat rendah', min: 0, maks: 50 },
];

/**
 * Null when a band set covers 0 % and up without overlap or gap (whole percents: each band starts one above the
 * next one's end, the lowest at 0, only the highest open); otherwise what is wrong.
 */
export function salahPita(pita: readonly PitaCapaian[]): string | null {
  if (!pita.length) return 'Tetapkan paling sedikit satu kategori capaian.';
  const urut = [...pita].sort((a, b) => b.min - a.min);
  if (urut[0]!.maks !== null) return `Kategori tertinggi (${urut[0]!.label}) tidak boleh punya batas atas.`;
  for (const [i, p] of urut.entries()) {
    if (!Number.isInteger(p.min) || (p.maks !== null && !Number.isInteger(p.maks))) return `Batas kategori ${p.label} ditulis dengan bilangan bulat.`;
    if (p.maks !== null && p.maks < p.min) return `Kategori ${p.label}: batas atas ${p.maks} di bawah batas bawah ${p.min}.`;
    const bawah = urut[i + 1];
    if (bawah) {
      if (bawah.maks === null) return `Hanya kategori tertinggi yang boleh tanpa batas atas (${bawah.label} juga).`;
      if (bawah.maks >= p.min) return `Kategori ${bawah.label} (${bawah.min}–${bawah.maks}) bertumpang dengan ${p.label} (mulai ${p.min}).`;
      if (bawah.maks + 1 < p.min) return `Ada celah antara ${bawah.label} (sampai ${bawah.maks}) dan ${p.label} (mulai ${p.min}): capaian ${bawah.maks + 1}% tidak masuk kategori mana pun.`;
    }
  }
  if (urut.at(-1)!.min !== 0) return `Kategori terendah (${urut.at(-1)!.label}) harus mulai dari 0.`;
  return null;
}

/**
 * The category of an achievement (percent, one decimal) by whole-percent bands: 90 and 90,5 are below 91, so
 * "tinggi"; 91 is "sangat tinggi". Null when there is no achievement to judge (no target or no realisation).
 */
export function kategoriCapaian(persen: number | null, pita: readonly PitaCapaian[] = PITA_CAPAIAN): PitaCapaian | null {
  if (persen === null || !Number.isFinite(persen)) return null;
  const urut = [...pita].sort((a, b) => b.min - a.min);
  return urut.find((p) => persen >= p.min) ?? urut.at(-1) ?? null;
}

/** Achievement in percent, one decimal, as the dictionary defines it ('capaian' in common/kamus.ts); null without a positive target. The e-monev table and the evaluation table both call this. */
export function tingkatCapaian(realisasi: number | null, target: number | null): number | null {
  if (realisasi === null || !target || target <= 0) return null;
  return Math.round((realisasi / target) * 1000) / 10;
}

/** "keadaan s.d. 30 September 2026", the cut-off a printed table states. */
export function keadaanSampai(tahun: number, t: Triwulan): string {
  const [b, h] = AKHIR_TRIWULAN[t].split('-');
  return `keadaan s.d. ${Number(h)} ${BULAN[Number(b) - 1]} ${tahun}`;
}

/** A band as words for print: "Tinggi (76–90%)". */
export const tulisPita = (p: PitaCapaian) => `${p.label} (${p.maks === null ? `≥ ${p.min}` : p.min === 0 ? `≤ ${p.maks}` : `${p.min}–${p.maks}`}%)`;
