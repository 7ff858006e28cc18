import { z } from 'zod';
import { skemaRekaman } from './rekaman';
import { method, type FileRef } from '../contract-kit';
import { periode } from './isian';

// The dashboard and e-monev.

export interface Angka {
  nilai: number;
  sebelumnya: number | null;
}

export interface Dashboard {
  bulan: string;
  regulasi: { versi: number; nama: string; regulasi: string };
  kelompok_aktif: Angka;
  anggota: Angka;
  persen_cocok_dtsen: number | null;
  persen_desil_1_4: number | null;
  omzet_bulan: Angka;
  omzet_tahun_berjalan: Angka;
  penjualan_offtaker_bulan: Angka;
  perjanjian_aktif: Angka;
  nilai_perjanjian_bulan: number;
  nilai_perjanjian_sppg_bulan: number;
  /** Null while no report was expected (common/kamus.ts, "kepatuhan"). */
  kepatuhan_bulan: { nilai: number | null; sebelumnya: number | null };
  /** `ada_laporan`: some report of the month was counted; a month without is a gap in the chart, not a zero. */
  seri_omzet: { periode: string; omzet: number; laba: number; ada_laporan: boolean }[];
  desil: number[];
  kepatuhan_fasilitator: { nama: string; kabupaten_nama: string; diharapkan: number; masuk: number; persen: number }[];
  perjanjian_per_jenis: { jenis: string; jumlah: number; nilai_bulan: number }[];
  kelompok_per_sektor: { sektor: string; jumlah: number }[];
  peringkat: { kode: string; nama: string; kelompok: number; anggota: number; omzet_tahun: number; kepatuhan: number | null; nilai_perjanjian: number }[] | null;
}

export interface Monev {
  periode: string;
  regulasi: string;
  katalog_versi: number;
  baris: { indikator: string; nama: string; satuan: string; tipe: string; kecamatan_kode: string | null; /** Kemendagri code of the region the target is for. */ kode_wilayah: string; wilayah: string; kabupaten_kode: string; kabupaten_nama: string; target: number; realisasi: number | null; persen: number | null; sumber: string }[];
}

/** One row of the regulation's evaluation table: a target of one region and indicator, through the year's quarters. */
export interface BarisEvaluasi {
  indikator: string;
  nama: string;
  satuan: string;
  tipe: string;
  kode_wilayah: string;
  wilayah: string;
  kecamatan_kode: string | null;
  kabupaten_kode: string;
  kabupaten_nama: string;
  sumber: string;
  target_tahunan: number;
  /** Triwulan I–IV: as set, or split by default (flows evenly, stocks repeated). */
  target_triwulan: [number, number, number, number];
  /** Null: the quarter is after the chosen one, or nothing was reported in it. */
  realisasi_triwulan: (number | null)[];
  target_kumulatif: number;
  realisasi_kumulatif: number | null;
  capaian: number | null;
  kategori: { kode: string; label: string } | null;
  penjelasan: { faktor_pendorong: string | null; faktor_penghambat: string | null; tindak_lanjut: string | null; penanggung_jawab: string | null } | null;
}

export interface EvaluasiMonev {
  tahun: number;
  triwulan: 1 | 2 | 3 | 4;
  /** "keadaan s.d. 30 September 2026". */
  keadaan: string;
  regulasi: string;
  pita: { kode: string; label: string; min: number; maks: number | null }[];
  baris: BarisEvaluasi[];
  /** Rows in "rendah"/"sangat rendah", or with no explanation for the chosen quarter, with why. */
  perlu_perhatian: { kabupaten_nama: string; wilayah: string; nama: string; alasan: string }[];
}

export interface MonitoringFasilitator {
  id: string;
  nama: string;
  kabupaten_kode: string;
  kabupaten_nama: string;
  kelompok: number;
  laporan_diharapkan: number;
  laporan_masuk: number;
  diajukan_tepat_waktu: number;
  diverifikasi: number;
  kelompok_dikunjungi: number;
  tindak_lanjut_terbuka: number;
}

export const dashboardApi = {
  'dashboard.get': method(
    z.object({ bulan: z.string().regex(/^\d{4}-\d{2}$/).nullish(), kabupaten: z.string().nullish(), kecamatan: z.string().nullish(), fasilitator: z.string().nullish(), sektor: z.string().nullish() }),
  ).reads<Dashboard>(),
  'monev.get': method(z.object({ periode })).reads<Monev>(),
  'monev.fasilitator': method(z.object({ periode })).reads<MonitoringFasilitator[]>(),
  'monev.simpanTarget': method(
    skemaRekaman('target_indikator').extend({ kabupaten: z.string().nullish() }),
  ).writes<void>(),
  'monev.dokumen': method(z.object({ periode, format: z.enum(['pdf', 'xlsx']) })).reads<FileRef>(),
  /** The evaluation table to the end of a quarter (without `triwulan`: the latest closed one). */
  'monev.evaluasi': method(z.object({ tahun: z.number().int().min(2000).max(2100), triwulan: z.number().int().min(1).max(4).nullish() })).reads<EvaluasiMonev>(),
  'monev.simpanPenjelasan': method(skemaRekaman('penjelasan_monev')).writes<void>(),
  /** The evaluation table printed (PDF, A4 landscape) or as a workbook. */
  'monev.dokumenEvaluasi': method(z.object({ tahun: z.number().int().min(2000).max(2100), triwulan: z.number().int().min(1, 'Triwulan 1 sampai 4.').max(4, 'Triwulan 1 sampai 4.').nullish(), format: z.enum(['pdf', 'xlsx']), kertas: z.enum(['A4', 'F4']).default('A4') })).reads<FileRef>(),
};
