import { z } from 'zod';
import type { FileRef } from '../contract-kit';
import { tanggalSah } from '../batas';
import { POLA_PERIODE } from '../laporan';

// Pieces of input schemas that several domains share. Messages are for the officer, in Indonesian.

export const teks = (label: string, max = 200) => z.string({ error: `${label} wajib diisi.` }).trim().min(1, `${label} wajib diisi.`).max(max, `${label} terlalu panjang (paling banyak ${max} huruf).`);
export const teksOpsional = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, `Isian terlalu panjang (paling banyak ${max} huruf).`)
    .nullish()
    .transform((v) => (v ? v : null));
/** A region picked from a list: empty says "Pilih …", a code that is not one says it is unknown. */
export const kodeWilayah = (pola: RegExp, wilayah: string) =>
  z
    .string({ error: `Pilih ${wilayah} dari daftar.` })
    .min(1, `Pilih ${wilayah} dari daftar.`)
    .regex(pola, `Kode ${wilayah} tidak dikenal. Pilih ${wilayah} dari daftar.`);
export const kodeKabupaten = kodeWilayah(/^\d{2}\.\d{2}$/, 'kabupaten/kota');
export const kodeKecamatan = kodeWilayah(/^\d{2}\.\d{2}\.\d{2}$/, 'kecamatan');
export const kodeDesa = kodeWilayah(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'desa/kelurahan');
export const id = z.string().min(1, 'ID data tidak boleh kosong.');
export const tanggal = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH, misalnya 1980-03-12.')
  .refine(tanggalSah, 'Tanggal itu tidak ada di kalender (periksa hari dan bulannya).')
  .nullish()
  .transform((v) => v ?? null);
export const halaman = {
  halaman: z.number().int().min(1).default(1),
  per: z.number().int().min(1).max(500).default(50),
};
export const terhapus = z.boolean().default(false);
export const hapusInput = z.object({ id, alasan: teksOpsional(500) });
export const fileRef = z.object({ ref: z.string().min(1), nama: z.string(), ukuran: z.number().optional() }, { error: 'Pilih berkas lebih dulu.' });
export const bulan = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan ditulis TTTT-BB, misalnya 2025-01.');
export const periode = z.string().regex(POLA_PERIODE, 'Periode ditulis 2025-01 (bulan), 2025-T1 sampai 2025-T4 (triwulan), 2025-S1/2025-S2 (semester) atau 2025 (tahun).');
export const ids = z.array(id).min(1, 'Pilih paling sedikit satu laporan.').max(5000);

export interface Disimpan {
  id: string;
  peringatan: string[];
}

export type { FileRef };
