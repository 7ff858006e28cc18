import { z } from 'zod';
import { method, type FileRef } from '../contract-kit';
import { MODE_TANDA_TANGAN, type AuditEntry, type Pengaturan } from '../records';
import { TABEL_RIWAYAT } from '../register';
import { fileRef, id, kodeKabupaten, teks, teksOpsional } from './isian';

// The installation itself: status, setup and settings, demo data, backups, the audit trail, long jobs.

export interface StatusAplikasi {
  versi: string;
  skema: number;
  dbFile: string;
  siap: boolean;
  pengaturan: Pengaturan;
  integritas: { ok: boolean; pesan: string[] };
}

export interface Cadangan {
  nama: string;
  jenis: string;
  /** ISO time the backup was made (from the file name, local time). */
  waktu: string;
  ukuran: number;
}

export interface Statistik {
  kabupaten_kode: string | null;
  tabel: Record<string, number>;
  /** Province mode: live rows per table for each kabupaten. */
  per_kabupaten?: Record<string, Record<string, number>>;
}

export interface StatusTugas {
  id: string;
  jenis: string;
  status: 'berjalan' | 'selesai' | 'gagal' | 'dibatalkan';
  progres: { baris: number; byte: number; total: number } | null;
  hasil: unknown;
  galat: { code: string; message: string } | null;
  mulai: string;
  selesai: string | null;
}

const nip = z
  .string()
  .trim()
  .regex(/^(\d{18}|\d{8} \d{6} \d \d{3})?$/, 'NIP terdiri dari 18 angka, misalnya 19700101 200003 1 001.')
  .nullish()
  .transform((v) => (v ?? '').replace(/\s/g, ''));
const teksKosong = (max: number) => teksOpsional(max).transform((v) => v ?? '');

/** The office's settings: each field may be left out (kept as it is), except the operator's name. */
export const pengaturanInput = z.object({
  operator: teks('Nama operator', 100),
  nama_instansi: teksKosong(200).optional(),
  alamat_instansi: teksKosong(300).optional(),
  kota_surat: teksKosong(100).optional(),
  telepon: teksKosong(50).optional(),
  email: teksKosong(100).optional(),
  website: teksKosong(100).optional(),
  kode_pos: z.string().trim().regex(/^(\d{5})?$/, 'Kode pos terdiri dari 5 angka.').optional(),
  kepala_nama: teksKosong(100).optional(),
  kepala_nip: nip.optional(),
  kepala_pangkat: teksKosong(100).optional(),
  kepala_jabatan: teksKosong(150).optional(),
  ttd_mode: z.enum(MODE_TANDA_TANGAN, { error: 'Cara tanda tangan: langsung, a.n., Plt. atau Plh.' }).optional(),
  ttd_nama: teksKosong(100).optional(),
  ttd_nip: nip.optional(),
  ttd_pangkat: teksKosong(100).optional(),
  ttd_jabatan: teksKosong(150).optional(),
  tembusan: teksKosong(2000).optional(),
});

export interface RingkasanDemo {
  kabupaten_kode: string;
  fasilitator: number;
  kelompok: number;
  anggota: number;
  laporan: number;
  proposal: number;
}

export const appApi = {
  'app.status': method(z.object({})).reads<StatusAplikasi>(),
  'app.statistik': method(z.object({})).reads<Statistik>(),
};

export const pengaturanApi = {
  'pengaturan.setup': method(
    pengaturanInput.extend({
      mode: z.enum(['kabupaten', 'provinsi'], { error: 'Pilih mode: kabupaten/kota atau provinsi.' }),
      kabupaten_kode: kodeKabupaten.nullish().transform((v) => v ?? null),
    }),
  ).writes<Pengaturan>(),
  'pengaturan.simpan': method(pengaturanInput).writes<Pengaturan>(),
  /** The letterhead's emblem (PNG/JPEG); without a file it is removed. */
  'pengaturan.lambang': method(z.object({ berkas: fileRef.nullish() })).writes<Pengaturan>(),
};

export const demoApi = {
  'demo.buat': method(
    z.object({
      kelompok: z.number().int().min(1).max(5000).default(30),
      seed: z.number().int().default(1),
      bulan: z.number().int().min(0).max(60).default(24),
      kabupaten: kodeKabupaten.nullish(),
    }),
  ).writes<RingkasanDemo>(),
  'demo.ekstrakDtsen': method(z.object({ baris: z.number().int().min(0).max(5_000_000).default(1000), seed: z.number().int().default(1) })).reads<{ berkas: FileRef; baris: number; anggota: number }>(),
};

export const tugasApi = {
  'tugas.status': method(z.object({ id })).reads<StatusTugas>(),
  'tugas.batal': method(z.object({ id })).reads<StatusTugas>(),
};

export const auditApi = {
  'audit.list': method(z.object({ tabel: z.enum(TABEL_RIWAYAT), id })).reads<AuditEntry[]>(),
};

export const cadanganApi = {
  'cadangan.list': method(z.object({})).reads<Cadangan[]>(),
  'cadangan.buat': method(z.object({})).writes<Cadangan>(),
  'cadangan.pulihkan': method(z.object({ nama: z.string().min(1, 'Pilih cadangan yang akan dipulihkan.') })).writes<{ sebelumnya: Cadangan }>(),
};
