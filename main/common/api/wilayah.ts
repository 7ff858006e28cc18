import { z } from 'zod';
import { method } from '../contract-kit';
import type { NikInfo } from '../nik-info';
import { kodeKabupaten, kodeKecamatan } from './isian';

// Region codes (Kemendagri) and the NIK check.

export interface Wilayah {
  kode: string;
  nama: string;
}

export const wilayahApi = {
  'wilayah.kabupaten': method(z.object({})).reads<Wilayah[]>(),
  'wilayah.kecamatan': method(z.object({ kabupaten: kodeKabupaten })).reads<Wilayah[]>(),
  'wilayah.desa': method(z.object({ kecamatan: kodeKecamatan })).reads<Wilayah[]>(),
};

export const nikApi = {
  'nik.periksa': method(
    z.object({ nik: z.string(), jenisKelamin: z.enum(['L', 'P']).nullish(), tanggalLahir: z.string().nullish() }),
  ).reads<NikInfo>(),
};
