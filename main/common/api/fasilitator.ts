import { z } from 'zod';
import { method, type Page } from '../contract-kit';
import { STATUS_FASILITATOR, type Fasilitator } from '../records';
import { halaman, hapusInput, id, kodeDesa, kodeKecamatan, teks, teksOpsional, terhapus, type Disimpan } from './isian';

export type FasilitatorRow = Fasilitator & { kecamatan_nama: string | null; desa_nama: string | null; jumlah_kelompok: number };

export const fasilitatorInput = z.object({
  id: id.optional(),
  nama: teks('Nama fasilitator'),
  nik: teksOpsional(16),
  no_hp: z
    .string()
    .trim()
    .regex(/^(\+62|0)[0-9 -]{8,15}$/, 'Nomor HP harus diawali 0 atau +62 dan berisi 9–16 angka, misalnya 081234567890.')
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
  kecamatan_kode: kodeKecamatan.nullish().transform((v) => v ?? null),
  desa_kode: kodeDesa.nullish().transform((v) => v ?? null),
  status: z.enum(STATUS_FASILITATOR).default('aktif'),
});

export const fasilitatorApi = {
  'fasilitator.list': method(
    z.object({ kabupaten: z.string().nullish(), cari: z.string().trim().default(''), kecamatan: z.string().nullish(), status: z.enum(STATUS_FASILITATOR).nullish(), terhapus, ...halaman }),
  ).reads<Page<FasilitatorRow>>(),
  'fasilitator.get': method(z.object({ id })).reads<FasilitatorRow>(),
  'fasilitator.simpan': method(fasilitatorInput).writes<Disimpan>(),
  'fasilitator.hapus': method(hapusInput).writes<void>(),
  'fasilitator.pulihkan': method(z.object({ id })).writes<void>(),
};
