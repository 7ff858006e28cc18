import type { TemuanLaporan } from '../mutu';
import { z } from 'zod';
import { method, type FileRef } from '../contract-kit';
import { fileRef, kodeKabupaten } from './isian';

// Bundles between the districts and the province, keys and identities.

export interface HasilImporBundel {
  jenis: 'data' | 'tanda-terima' | 'referensi';
  pengirim: string;
  seq: number;
  penuh: boolean;
  dryRun: boolean;
  sudahPernah: boolean;
  tabel: Record<string, { baru: number; diperbarui: number; dihapus: number; diabaikan: number }>;
  lampiran: number;
  pesan: string;
  /** Province: the quality findings on the district's reports in this bundle (common/mutu.ts), never silently dropped. */
  temuan?: { jumlah: number; galat: number; peringatan: number; contoh: TemuanLaporan[] };
}

export interface StatusKabupaten {
  kode: string;
  nama: string;
  sidik_jari: string | null;
  terdaftar: boolean;
  bundel_terakhir: number | null;
  dibuat_pada: string | null;
  diterima_pada: string | null;
  hari_sejak: number | null;
  kelompok: number;
  anggota: number;
  laporan: number;
}

export interface InfoSinkron {
  mode: 'kabupaten' | 'provinsi' | null;
  punyaKunci: boolean;
  sidik_jari: string | null;
  /** The other side registered here: at a district the province, at the province every district. */
  pihak: { kode: string; nama: string; sidik_jari: string; didaftarkan_pada: string }[];
  ack_cl: number;
  /** When this installation's identity file was last saved to be sent to the other side. */
  identitas_disimpan_pada: string | null;
  perubahan_belum_dikirim: number;
  bundel_keluar: { seq: number; penuh: boolean; ukuran: number; nama_berkas: string; dibuat_pada: string }[];
}

export const sinkronApi = {
  'sinkron.info': method(z.object({})).reads<InfoSinkron>(),
  'sinkron.buatKunci': method(z.object({})).writes<{ sidik_jari: string }>(),
  'sinkron.eksporIdentitas': method(z.object({})).writes<FileRef>(),
  'sinkron.cadangkanKunci': method(z.object({ frasa: z.string().min(12, 'Frasa sandi paling sedikit 12 huruf.') })).reads<FileRef>(),
  'sinkron.pulihkanKunci': method(z.object({ berkas: fileRef, frasa: z.string().min(1, 'Tulis frasa sandi cadangan.') })).writes<{ sidik_jari: string }>(),
  'sinkron.imporIdentitas': method(z.object({ berkas: fileRef, gantiKunci: z.boolean().default(false) })).writes<{ kode: string; nama: string; sidik_jari: string; baru: boolean }>(),
  'sinkron.eksporBundel': method(z.object({ penuh: z.boolean().default(false) })).writes<{ berkas: FileRef; ukuran: number; jumlah: Record<string, number>; seq: number }>(),
  'sinkron.periksaBundel': method(z.object({ berkas: fileRef })).reads<{ jenis: string; pengirim: string; penerima: string; sidik_jari_pengirim: string; tanda_tangan_utuh: boolean; ukuran: number; manifest: Record<string, unknown> }>(),
  'sinkron.imporBundel': method(z.object({ berkas: fileRef, dryRun: z.boolean().default(false), percayai: z.string().nullish() })).writes<HasilImporBundel>(),
  'sinkron.tandaTerima': method(z.object({ kabupaten: kodeKabupaten })).reads<FileRef>(),
  'sinkron.bundelReferensi': method(z.object({})).reads<FileRef>(),
  'sinkron.statusKabupaten': method(z.object({})).reads<StatusKabupaten[]>(),
};
