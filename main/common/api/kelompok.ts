import { z } from 'zod';
import { method, type Page } from '../contract-kit';
import { STATUS_KELOMPOK, type Kelompok } from '../records';
import { halaman, hapusInput, id, terhapus, type Disimpan } from './isian';
import { skemaRekaman } from './rekaman';

export type KelompokRow = Kelompok & {
  kecamatan_nama: string;
  desa_nama: string;
  fasilitator_nama: string | null;
  jumlah_anggota: number;
  ketua_nama: string | null;
};

/** From the register (register.ts). The website flag left out stays as it is (default: counts only). */
export const kelompokInput = skemaRekaman('kelompok');

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
