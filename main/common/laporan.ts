import type { PitaCapaian } from './triwulan';
// Monthly reports: the indicator catalogue and periods. Pure: used by the UI, the services and the documents.

export type TipeIndikator = 'rupiah' | 'angka' | 'persen' | 'teks';
/** How months roll up: flows add up, stocks take the last month, rates average. */
export type Agregasi = 'SUM' | 'LAST' | 'AVERAGE' | 'TEKS';

export interface Indikator {
  kode: string;
  nama: string;
  satuan: string;
  tipe: TipeIndikator;
  agregasi: Agregasi;
  /** Derived indicators are computed, never typed: value = a − b. */
  turunan?: { selisih: [string, string] };
  wajib: boolean;
  /** Decimals allowed (volumes); money and counts are whole numbers. */
  desimal?: boolean;
}

export interface Katalog {
  versi: number;
  nama: string;
  /** The regulation the catalogue (and so the dashboard) follows. */
  regulasi: string;
  berlaku_mulai: string;
  indikator: Indikator[];
  /** The achievement bands of the evaluation table (common/triwulan.ts); absent: the regulation's defaults. */
  pita_capaian?: PitaCapaian[];
}

/** The first catalogue, shipped with the app; the province ships newer versions in reference bundles. */
export const KATALOG_AWAL: Katalog = {
  versi: 1,
  nama: 'Katalog indikator Peti Koin Bermantra 2025',
  regulasi: 'Petunjuk teknis pemberdayaan ekonomi kelompok binaan Peti Koin Bermantra (kesepakatan forum provinsi dan 22 kabupaten/kota, 2025)',
  berlaku_mulai: '2025-01',
  indikator: [
    { kode: 'omzet', nama: 'Omzet penjualan', satuan: 'Rp', tipe: 'rupiah', agregasi: 'SUM', wajib: true },
    { kode: 'biaya', nama: 'Biaya produksi', satuan: 'Rp', tipe: 'rupiah', agregasi: 'SUM', wajib: true },
    { kode: 'laba', nama: 'Laba', satuan: 'Rp', tipe: 'rupiah', agregasi: 'SUM', turunan: { selisih: ['omzet', 'biaya'] }, wajib: false },
    { kode: 'volume_produksi', nama: 'Volume produksi', satuan: 'satuan produk', tipe: 'angka', agregasi: 'SUM', wajib: false, desimal: true },
    { kode: 'satuan_produksi', nama: 'Satuan volume produksi', satuan: '', tipe: 'teks', agregasi: 'TEKS', wajib: false },
    { kode: 'penjualan_offtaker', nama: 'Penjualan ke offtaker/SPPG', satuan: 'Rp', tipe: 'rupiah', agregasi: 'SUM', wajib: false },
    { kode: 'anggota_aktif', nama: 'Anggota aktif', satuan: 'orang', tipe: 'angka', agregasi: 'LAST', wajib: true },
    { kode: 'tenaga_kerja', nama: 'Tenaga kerja', satuan: 'orang', tipe: 'angka', agregasi: 'LAST', wajib: false },
    { kode: 'aset', nama: 'Nilai aset usaha', satuan: 'Rp', tipe: 'rupiah', agregasi: 'LAST', wajib: false },
    { kode: 'kas', nama: 'Kas/tabungan kelompok', satuan: 'Rp', tipe: 'rupiah', agregasi: 'LAST', wajib: false },
    { kode: 'bantuan', nama: 'Bantuan diterima', satuan: 'Rp', tipe: 'rupiah', agregasi: 'SUM', wajib: false },
    { kode: 'pertemuan', nama: 'Pertemuan kelompok', satuan: 'kali', tipe: 'angka', agregasi: 'SUM', wajib: false },
    { kode: 'kehadiran', nama: 'Kehadiran pertemuan', satuan: '%', tipe: 'persen', agregasi: 'AVERAGE', wajib: false, desimal: true },
    { kode: 'kendala', nama: 'Kendala', satuan: '', tipe: 'teks', agregasi: 'TEKS', wajib: false },
    { kode: 'rencana_tindak_lanjut', nama: 'Rencana tindak lanjut', satuan: '', tipe: 'teks', agregasi: 'TEKS', wajib: false },
  ],
};

export type NilaiLaporan = Record<string, number | string | null>;

/** The longest text an indicator of type teks holds. */
export const TEKS_INDIKATOR_MAKS = 2000;

/** What a typed indicator value may be, from its type (common/batas.ts): never negative, never beyond its ceiling. */
export function batasIndikator(i: Pick<Indikator, 'tipe' | 'desimal'>): { min: number; max: number; bulat: boolean } {
  if (i.tipe === 'rupiah') return { min: 0, max: RUPIAH_MAKS, bulat: true };
  if (i.tipe === 'persen') return { min: 0, max: 100, bulat: false };
  return i.desimal ? { min: 0, max: VOLUME_MAKS, bulat: false } : { min: 0, max: JUMLAH_MAKS, bulat: true };
}

import { JUMLAH_MAKS, RUPIAH_MAKS, VOLUME_MAKS } from './batas';
import { formatPeriode } from './format';
import type { DaftarKonfirmasi } from './mutu';
import { STATUS_LAPORAN } from './register';
export { STATUS_LAPORAN };
export type StatusLaporan = (typeof STATUS_LAPORAN)[number];
/** The approval chain's status: the stored status, or the province's decision on it. */
export type StatusEfektif = StatusLaporan | 'diterima' | 'dikembalikan';
/** How the chain's statuses read in the window and in print. */
export const LABEL_STATUS: Record<StatusEfektif, string> = { draft: 'Draf', diajukan: 'Diajukan', diverifikasi: 'Diverifikasi', diterima: 'Diterima provinsi', dikembalikan: 'Dikembalikan provinsi' };

export interface Masalah {
  kode: string;
  tingkat: 'galat' | 'peringatan';
  pesan: string;
  /** The quality rule it comes from (common/mutu.ts: a validation rule's id, 'pencilan'); absent for required/bounds. */
  aturan?: string;
  /** The officer's note confirming a flagged value; a confirmed warning no longer stands in the way. */
  catatan?: string | null;
}

/** Computes derived indicators from typed ones. */
export function lengkapiTurunan(katalog: Katalog, nilai: NilaiLaporan): NilaiLaporan {
  const out: NilaiLaporan = { ...nilai };
  for (const i of katalog.indikator) {
    if (!i.turunan) continue;
    const [a, b] = i.turunan.selisih;
    const va = nilai[a];
    const vb = nilai[b];
    out[i.kode] = typeof va === 'number' && typeof vb === 'number' ? va - vb : null;
  }
  return out;
}

// Periods: "2025-01" month, "2025-T1".."2025-T4" quarter (triwulan), "2025-S1"/"2025-S2" semester, "2025" year.
export const POLA_PERIODE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-S([12])|-T([1-4]))?$/;

/** The months of a period, in order. */
export function bulanDalam(periode: string): string[] {
  const m = POLA_PERIODE.exec(periode);
  if (!m) return [];
  const year = m[1]!;
  if (m[2]) return [`${year}-${m[2]}`];
  const [from, to] = m[4] ? [(Number(m[4]) - 1) * 3 + 1, Number(m[4]) * 3] : m[3] === '1' ? [1, 6] : m[3] === '2' ? [7, 12] : [1, 12];
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(`${year}-${String(i).padStart(2, '0')}`);
  return out;
}

/**
 * The cut-off a period's figures state while the period is still running: "keadaan s.d. November 2026" on
 * 6 December 2026 for the year 2026 (the last month that has ended); empty once the whole period has ended.
 */
export function batasKeadaan(periode: string, hariIni: string): string {
  const bulan = bulanDalam(periode);
  const sekarang = hariIni.slice(0, 7);
  const lewat = bulan.filter((b) => b < sekarang);
  if (lewat.length === bulan.length) return '';
  if (!lewat.length) return 'belum ada bulan yang berakhir';
  return `keadaan s.d. ${formatPeriode(lewat.at(-1)!)}`;
}

export function bulanSebelumnya(bulan: string, n = 1): string {
  const [y, m] = bulan.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Reporting compliance, one definition for every page: an active kelompok must report every month after the month it
 * was registered in the app (its created_at); a report counts once it is submitted (diajukan or diverifikasi).
 * Compliance = counted reports of the months a kelompok must report / those months. On time is a separate measure.
 */
export function wajibLapor(terdaftarPada: string, bulan: string): boolean {
  return bulan > terdaftarPada.slice(0, 7);
}


/** A report for month M is on time when submitted by the 10th of month M+1. */
export function batasPengajuan(bulan: string): string {
  return `${bulanSebelumnya(bulan, -1)}-10`;
}

// ---------------------------------------------------------------- API shapes

export interface LaporanRow {
  id: string;
  kelompok_id: string;
  kelompok_nama: string;
  kecamatan_kode: string;
  desa_kode: string;
  fasilitator_id: string | null;
  fasilitator_nama: string | null;
  periode: string;
  status: StatusLaporan;
  katalog_versi: number;
  /** Typed values plus derived ones. */
  nilai: NilaiLaporan;
  diajukan_pada: string | null;
  diverifikasi_pada: string | null;
  diverifikasi_oleh: string | null;
  /** Submitted by the 10th of the next month; null while not submitted. */
  tepat_waktu: boolean | null;
  /** Notes confirming flagged values, per indicator (common/mutu.ts). */
  konfirmasi: DaftarKonfirmasi | null;
  /** The approval chain: draft, diajukan, diverifikasi, diterima or dikembalikan (with the province's reason). */
  status_efektif: StatusEfektif;
  alasan_provinsi: string | null;
  updated_at: string;
}

export interface BarisLembar {
  kelompok: { id: string; nama: string; desa_kode: string; jumlah_anggota: number };
  laporan: LaporanRow | null;
  masalah: Masalah[];
}

export interface HasilStatus {
  berhasil: number;
  ditolak: { id: string; kelompok: string; pesan: string }[];
}

export const TINGKAT_REKAP = ['kelompok', 'fasilitator', 'kecamatan', 'kabupaten'] as const;
export type TingkatRekap = (typeof TINGKAT_REKAP)[number];

export interface LaporanHilang {
  kelompok_id: string;
  kelompok_nama: string;
  periode: string;
  /** The province lists 22 districts' groups: each names its kabupaten/kota. */
  kabupaten_kode: string;
}

export interface BarisRekap {
  kunci: string;
  nama: string;
  jumlah_kelompok: number;
  nilai: NilaiLaporan;
  laporan_masuk: number;
  laporan_diharapkan: number;
  /** "5 dari 6 bulan" (kelompok) or "28 dari 30 laporan". */
  kelengkapan: string;
  hilang: LaporanHilang[];
}

export interface Rekap {
  periode: string;
  judul: string;
  per: TingkatRekap;
  katalog_versi: number;
  bulan: string[];
  bulan_diharapkan: string[];
  baris: BarisRekap[];
  total: BarisRekap;
}

export interface Kepatuhan {
  periode: string;
  bulan: string[];
  /** Per month: the report's status, null when missing, 'belum_wajib' before the kelompok had to report. */
  kelompok: { id: string; nama: string; kabupaten_kode: string; fasilitator_nama: string | null; status: (StatusLaporan | 'belum_wajib' | null)[] }[];
  fasilitator: { id: string; nama: string; kabupaten_kode: string; diharapkan: number; masuk: number; persen: number; tepat_waktu: number; persen_tepat_waktu: number }[];
  /** The whole period, as the home screen counts it. */
  total: { diharapkan: number; masuk: number; persen: number; tepat_waktu: number; persen_tepat_waktu: number };
}
