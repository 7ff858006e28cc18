import { z } from 'zod';
import { method, type FileRef } from '../contract-kit';
import type { StatusTugas } from './aplikasi';
import { fileRef, id } from './isian';

/** The data sources as people write them (the stored code DTSEN is written DT-SEN). */
export const NAMA_SUMBER = { DTKS: 'DTKS', DTSEN: 'DT-SEN' } as const;

// Matching members against DTKS/DT-SEN extracts from Dinas Sosial.

export const STATUS_COCOK = ['COCOK_NIK', 'COCOK_NAMA', 'TIDAK_DITEMUKAN', 'NIK_TIDAK_VALID', 'NIK_RUSAK_EXCEL'] as const;
export type StatusCocok = (typeof STATUS_COCOK)[number];
export const LABEL_STATUS_COCOK: Record<StatusCocok, string> = {
  COCOK_NIK: 'Cocok NIK',
  COCOK_NAMA: 'Cocok nama (perlu konfirmasi)',
  TIDAK_DITEMUKAN: 'Tidak ditemukan',
  NIK_TIDAK_VALID: 'NIK tidak valid',
  NIK_RUSAK_EXCEL: 'NIK rusak oleh Excel',
};
/** A member's result in the latest DTKS/DT-SEN snapshot matched. */
export interface StatusDtsenAnggota {
  status: StatusCocok;
  desil: number | null;
  /** For a name match: 1 confirmed, 0 rejected, null waiting. */
  dikonfirmasi: number | null;
  sumber: string;
  tanggal_data: string;
}
export const FIELD_EKSTRAK = ['nik', 'no_kk', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'kode_wilayah', 'desil', 'id_dtks'] as const;

export interface RingkasanEkstrak {
  snapshot_id: string;
  sumber: 'DTKS' | 'DTSEN';
  tanggal_data: string;
  dibaca: number;
  disimpan: number;
  ditolak: number;
  contoh_ditolak: { baris: number; pesan: string }[];
  alasan_ditolak: Record<string, number>;
  sha256: string;
}

export interface RingkasanDtsen {
  snapshot: { id: string; sumber: string; tanggal_data: string; nama_berkas: string; jumlah_baris: number } | null;
  total: number;
  jumlah: Record<StatusCocok, number>;
  desil: number[];
  di_atas_desil_4: number;
  menunggu_konfirmasi: number;
  per_kelompok: { kelompok_id: string; kelompok: string; anggota: number; cocok: number; desil_1_4: number; di_atas_4: number; tidak_ditemukan: number }[];
}

export interface BarisHasil {
  anggota_id: string;
  nik: string;
  nama: string;
  kelompok: string;
  kelompok_id: string;
  status: StatusCocok;
  desil: number | null;
  skor: number | null;
  nama_dtsen: string | null;
  ganda: boolean;
  dikonfirmasi: number | null;
}

export const dtsenApi = {
  'dtsen.pratinjau': method(z.object({ berkas: fileRef })).reads<{ format: string; encoding: string; headers: string[]; mapping: Partial<Record<(typeof FIELD_EKSTRAK)[number], string>>; sampel: string[][]; ukuran: number }>(),
  'dtsen.impor': method(
    z.object({
      berkas: fileRef,
      sumber: z.enum(['DTKS', 'DTSEN'], { error: 'Pilih sumber: DTKS atau DT-SEN.' }),
      tanggal: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal data ditulis TTTT-BB-HH.'),
      mapping: z.partialRecord(z.enum(FIELD_EKSTRAK), z.string().min(1)).nullish(),
    }),
  ).writes<StatusTugas>(),
  'dtsen.snapshot': method(z.object({})).reads<{ id: string; sumber: string; tanggal_data: string; nama_berkas: string; sha256: string; jumlah_baris: number; jumlah_ditolak: number; diimpor_pada: string }[]>(),
  'dtsen.hapusSnapshot': method(z.object({ id })).writes<void>(),
  'dtsen.cocokkan': method(z.object({ snapshot_id: z.string().nullish() })).writes<{ snapshot_id: string; jumlah: Record<StatusCocok, number>; ganda: number }>(),
  'dtsen.ringkasan': method(z.object({})).reads<RingkasanDtsen>(),
  'dtsen.hasil': method(z.object({ status: z.enum(STATUS_COCOK).nullish(), kelompok: z.string().nullish() })).reads<BarisHasil[]>(),
  'dtsen.konfirmasi': method(z.object({ anggota_id: id, terima: z.boolean() })).writes<void>(),
  'dtsen.ekspor': method(z.object({ status: z.enum(STATUS_COCOK).nullish(), format: z.enum(['xlsx', 'csv']).default('xlsx') })).reads<FileRef>(),
};
