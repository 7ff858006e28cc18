import { z } from 'zod';
import { method, type Page } from '../contract-kit';
import { STATUS_FASILITATOR, type Fasilitator } from '../records';
import { halaman, hapusInput, id, terhapus, type Disimpan } from './isian';
import { skemaRekaman } from './rekaman';

export type FasilitatorRow = Fasilitator & { kecamatan_nama: string | null; desa_nama: string | null; jumlah_kelompok: number };

/** From the register (register.ts); the phone number's pattern is said here. */
export const fasilitatorInput = skemaRekaman('fasilitator', {
  no_hp: z
    .string()
    .trim()
    .regex(/^(\+62|0)[0-9 -]{8,15}$/, 'Nomor HP harus diawali 0 atau +62 dan berisi 9–16 angka, misalnya 081234567890.')
    .nullish()
    .or(z.literal('').transform(() => null)),
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
