import { z } from 'zod';
import { method, type Page } from '../contract-kit';
import { STATUS_KELOMPOK, type Kelompok } from '../records';
import { halaman, hapusInput, id, kodeDesa, teks, teksOpsional, terhapus, type Disimpan } from './isian';

export type KelompokRow = Kelompok & {
  kecamatan_nama: string;
  desa_nama: string;
  fasilitator_nama: string | null;
  jumlah_anggota: number;
  ketua_nama: string | null;
};

export const kelompokInput = z.object({
  id: id.optional(),
  nama: teks('Nama kelompok'),
  desa_kode: kodeDesa,
  sektor: teks('Sektor/jenis usaha', 100),
  produk_utama: teksOpsional(200),
  tahun_berdiri: z
    .number({ error: 'Tahun berdiri harus berupa angka tahun.' })
    .int()
    .min(1950, 'Tahun berdiri tidak masuk akal (sebelum 1950).')
    .max(2100)
    .nullish()
    .transform((v) => v ?? null),
  status: z.enum(STATUS_KELOMPOK).default('aktif'),
  fasilitator_id: id.nullish().transform((v) => v ?? null),
  catatan: teksOpsional(2000),
  /** The public website may show the name (default: counts only). Left out: unchanged. */
  tampil_publik: z.boolean().optional(),
});

export const kelompokApi = {
  'kelompok.list': method(
    z.object({
      kabupaten: z.string().nullish(),
      cari: z.string().trim().default(''),
      kecamatan: z.string().nullish(),
      desa: z.string().nullish(),
      fasilitator: z.string().nullish(),
      status: z.enum(STATUS_KELOMPOK).nullish(),
      sektor: z.string().nullish(),
      terhapus,
      ...halaman,
    }),
  ).reads<Page<KelompokRow>>(),
  'kelompok.get': method(z.object({ id })).reads<KelompokRow>(),
  'kelompok.simpan': method(kelompokInput).writes<Disimpan>(),
  'kelompok.hapus': method(hapusInput).writes<void>(),
  'kelompok.pulihkan': method(z.object({ id })).writes<void>(),
  'kelompok.sektor': method(z.object({})).reads<string[]>(),
};
