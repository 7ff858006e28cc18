import { z } from 'zod';
import { method, type FileRef, type Page } from '../contract-kit';
import { JABATAN, type Anggota } from '../records';
import type { StatusDtsenAnggota } from './dtsen';
import { fileRef, halaman, hapusInput, id, terhapus, type Disimpan } from './isian';
import { skemaRekaman } from './rekaman';

export type AnggotaRow = Anggota & {
  kelompok_nama: string;
  desa_nama: string | null;
  kecamatan_kode: string;
  /** The same NIK belongs to another live anggota row in this kabupaten. */
  ganda: boolean;
  /** Latest snapshot's matching result (null: no snapshot matched yet, or at the province). */
  dtsen: StatusDtsenAnggota | null;
};

export const MAPPING_FIELDS = ['nik', 'no_kk', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'alamat', 'desa', 'jabatan', 'kelompok'] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];
export const MappingSchema = z.partialRecord(z.enum(MAPPING_FIELDS), z.string().min(1));
export type Mapping = z.infer<typeof MappingSchema>;

export interface PratinjauImpor {
  berkas: FileRef;
  sheets: string[];
  sheet: string;
  headers: string[];
  mapping: Mapping;
  sampel: string[][];
  totalBaris: number;
}

export interface BarisPesan {
  baris: number;
  pesan: string;
}

/** DHIS2-style import summary: what a file did (or would do, in a dry run). */
export interface RingkasanImpor {
  dryRun: boolean;
  totalBaris: number;
  baru: number;
  diperbarui: number;
  dilewati: number;
  /** The first 1,000 of each; the counts below cover them all. */
  galat: BarisPesan[];
  peringatan: BarisPesan[];
  jumlahGalat: number;
  jumlahPeringatan: number;
}

/** From the register (register.ts), with the officer's confirmation of a NIK that is in another group too. */
export const anggotaInput = skemaRekaman('anggota').extend({
  konfirmasiGanda: z.boolean().default(false),
});

export const anggotaFilter = {
  kabupaten: z.string().nullish(),
  cari: z.string().trim().default(''),
  kelompok: z.string().nullish(),
  kecamatan: z.string().nullish(),
  desa: z.string().nullish(),
  fasilitator: z.string().nullish(),
  jabatan: z.enum(JABATAN).nullish(),
  ganda: z.boolean().default(false),
};

export const anggotaApi = {
  'anggota.list': method(z.object({ ...anggotaFilter, terhapus, ...halaman })).reads<Page<AnggotaRow>>(),
  'anggota.get': method(z.object({ id })).reads<AnggotaRow>(),
  'anggota.simpan': method(anggotaInput).writes<Disimpan>(),
  'anggota.hapus': method(hapusInput).writes<void>(),
  'anggota.pulihkan': method(z.object({ id })).writes<void>(),
  'anggota.imporPratinjau': method(z.object({ berkas: fileRef, sheet: z.string().nullish() })).reads<PratinjauImpor>(),
  'anggota.impor': method(
    z.object({
      berkas: fileRef,
      sheet: z.string().nullish(),
      mapping: MappingSchema,
      kelompokId: z.string().nullish(),
      dryRun: z.boolean().default(true),
    }),
  ).writes<RingkasanImpor>(),
  'anggota.ekspor': method(z.object({ ...anggotaFilter, format: z.enum(['xlsx', 'csv']).default('xlsx') })).reads<FileRef>(),
};
