import { z } from 'zod';
import { method, type FileRef } from '../contract-kit';
import type { AuditEntry, Pengaturan } from '../records';
import { TABEL_RIWAYAT } from '../register';
import { fileRef, id, kodeKabupaten } from './isian';
import { skemaPengaturan } from './rekaman';

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

/** The office's settings: each field may be left out (kept as it is), except the operator's name (register.ts). */
export const pengaturanInput = skemaPengaturan();

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

/** One letter in the register of outgoing letters. */
export interface SuratKeluar {
  nomor: string;
  tanggal: string;
  hal: string;
  tujuan: string;
  jenis: 'proposal' | 'gerobak';
  /** The letter's subject record: the proposal's id, or the cart-aid year. */
  rujukan: string;
  dicatat_pada: string;
  operator: string;
}

export const pengaturanApi = {
  'pengaturan.setup': method(
    pengaturanInput.extend({
      mode: z.enum(['kabupaten', 'provinsi'], { error: 'Pilih mode: kabupaten/kota atau provinsi.' }),
      kabupaten_kode: kodeKabupaten.nullish().transform((v) => v ?? null),
    }),
  ).writes<Pengaturan>(),
  'pengaturan.simpan': method(pengaturanInput).writes<Pengaturan>(),
  /** The register of outgoing letters (buku agenda surat keluar), newest first; a year's only when given. */
  'suratKeluar.list': method(z.object({ tahun: z.number().int().min(2000).max(2100).nullish() })).reads<SuratKeluar[]>(),
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

/** One table copied to the province's server: rows and an order-free checksum on each side. */
export interface TabelPindah {
  tabel: string;
  baris_sumber: number;
  baris_tujuan: number;
  checksum_sumber: string;
  checksum_tujuan: string;
  cocok: boolean;
}

/** `pindah-ke-postgres`: the server (without its password), its schema version, every table, all equal. */
export interface HasilPindah {
  ke: string;
  skema: number;
  tabel: TabelPindah[];
  cocok: boolean;
}

const alamatServer = z.string().trim().regex(/^postgres(ql)?:\/\//i, 'Alamat server harus diawali postgres://, misalnya postgres://petugas@192.168.1.10:5432/bermantra');
const sandiServer = z.string().max(200, 'Kata sandi paling panjang 200 huruf.').nullable().optional();
const frasaKunci = z.string().max(500, 'Frasa kunci paling panjang 500 huruf.').nullable().optional();
const sambunganServer = z.object({ alamat: alamatServer, sandi: sandiServer, frasa: frasaKunci });

export const serverApi = {
  'server.pindah': method(z.object({ ke: alamatServer, sandi: sandiServer })).reads<HasilPindah>(),
  /** The server the window opens at its next start (Pengaturan), and the one it works on now; never a password. */
  'server.tersimpan': method(z.object({})).reads<{ alamat: string | null; aktif: string | null }>(),
  'server.uji': method(sambunganServer).reads<{ alamat: string; skema: number; pesan: string }>(),
  'server.simpan': method(sambunganServer).writes<{ alamat: string; pesan: string }>(),
  'server.lupakan': method(z.object({})).writes<{ pesan: string }>(),
  /** On the server, from the PC that made the province's keys: wrap them by the key phrase every officer enters. */
  'server.bungkusKunci': method(z.object({ frasa: z.string().min(12, 'Frasa kunci provinsi paling sedikit 12 huruf.').max(500) })).writes<{ dibungkus: number; sudah: number; pesan: string }>(),
};

export const cadanganApi = {
  'cadangan.list': method(z.object({})).reads<Cadangan[]>(),
  'cadangan.buat': method(z.object({})).writes<Cadangan>(),
  'cadangan.pulihkan': method(z.object({ nama: z.string().min(1, 'Pilih cadangan yang akan dipulihkan.') })).writes<{ sebelumnya: Cadangan }>(),
};
