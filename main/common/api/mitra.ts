import { z } from 'zod';
import { skemaRekaman } from './rekaman';
import { method, type FileRef, type Page } from '../contract-kit';
import { ENTITAS_KODE, type BarisCatatan } from '../mitra';
import { halaman, id, teksOpsional } from './isian';

// Offtakers and agreements, cart aid, MoUs, strategic issues and best practices.

export const entitas = z.enum(ENTITAS_KODE);

export interface PenilaianGerobak {
  kelompok_id: string;
  kelompok: string;
  /** The group's district (the province lists every district's groups). */
  kabupaten_kode: string;
  desa: string;
  kecamatan: string;
  ketua: string | null;
  jumlah_anggota: number;
  sektor: string;
  produk: string | null;
  usaha_keliling: boolean;
  laporan_aktif: number;
  sudah_menerima: number | null;
  persen_desil_1_4: number | null;
  layak: boolean;
  alasan: string[];
  keputusan: 'diusulkan' | 'tidak' | null;
  catatan: string | null;
}

export interface RingkasanMitra {
  sppg_per_kecamatan: { kecamatan_kode: string; kecamatan: string; jumlah: number; kebutuhan_bulan: number }[];
  perjanjian_berakhir: { id: string; nomor: string; kelompok: string; offtaker: string; selesai: string; sisa_hari: number }[];
  nilai_per_kecamatan: { kecamatan_kode: string; kecamatan: string; perjanjian: number; nilai_bulan: number }[];
  nilai_per_jenis: { jenis: string; perjanjian: number; nilai_bulan: number }[];
  kelompok_tanpa_offtaker: { id: string; nama: string; desa: string }[];
  mou_berakhir: { id: string; perguruan_tinggi: string; nomor: string; berlaku_sampai: string; sisa_hari: number }[];
  tindak_lanjut_terbuka: number;
}

/** A district's best practice as the province shares it (and, marked, publishes it). */
export interface PraktikBersama {
  id: string;
  kabupaten_kode: string;
  kabupaten_nama: string;
  judul: string;
  tanggal: string;
  cerita: string;
  /** Only where the district ticked "Tampilkan di situs web publik" for the group. */
  kelompok_nama: string | null;
  bagikan: boolean;
  terbitkan: boolean;
}

/** What a research extract wrote: per table its rows, quasi-identifiers, the k and l achieved, what was suppressed. */
export interface RingkasanEkstrakRiset {
  keluaran: string;
  mou_id: string;
  variabel: string[];
  tabel: { nama: string; baris: number; kuasi_identifikator: string[]; k: number; l: number | null; disupresi: number; unit: string; generalisasi: string[] }[];
  hash: string;
}

/** A facilitator's trainings: how many, topics, hours this year, average scores, certificates, the list. */
export interface ProfilKapasitas {
  fasilitator_id: string;
  nama: string;
  kabupaten_kode: string;
  kabupaten_nama: string;
  pelatihan: number;
  topik: string[];
  jam_tahun: number;
  nilai_pre: number | null;
  nilai_post: number | null;
  sertifikat: number;
  /** Date of the first training (null: not yet trained). */
  pertama: string | null;
  riwayat: { tanggal: string; judul: string; topik: string; penyelenggara: string; jam: number | null; nilai_pre: number | null; nilai_post: number | null; nomor_sertifikat: string | null }[];
}

/** Per district, the share of facilitators trained (cakupan_pelatihan), in all and per topic. */
export interface CakupanPelatihan {
  kabupaten_kode: string;
  kabupaten_nama: string;
  fasilitator: number;
  dilatih: number;
  persen: number | null;
  per_topik: { topik: string; dilatih: number; persen: number | null }[];
}

/** One side of the evidence view: its groups' reports and figures before and after. */
export interface SisiBukti {
  fasilitator: number;
  kelompok: number;
  laporan_sebelum: number;
  laporan_sesudah: number;
  omzet_sebelum: number | null;
  omzet_sesudah: number | null;
  pertumbuhan_omzet: number | null;
  kepatuhan_sebelum: number | null;
  kepatuhan_sesudah: number | null;
}

export interface BuktiPelatihan {
  /** Months in each window. */
  bulan: number;
  dilatih: SisiBukti | null;
  belum: SisiBukti | null;
  /** The month the untrained facilitators' windows are set around (the trained ones' median first training). */
  acuan_belum: string | null;
  catatan: string;
}

export const mitraApi = {
  'praktik.bersama': method(z.object({})).reads<PraktikBersama[]>(),
  'praktik.tandai': method(z.object({ id, bagikan: z.boolean(), terbitkan: z.boolean() })).writes<void>(),
  'catatan.list': method(
    z.object({ entitas, cari: z.string().nullish(), filter: z.record(z.string(), z.string()).nullish(), terhapus: z.boolean().default(false), kabupaten: z.string().nullish(), ...halaman }),
  ).reads<Page<BarisCatatan>>(),
  'catatan.get': method(z.object({ entitas, id })).reads<BarisCatatan>(),
  'catatan.simpan': method(z.object({ entitas, nilai: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])) })).writes<{ id: string }>(),
  'catatan.hapus': method(z.object({ entitas, id, alasan: teksOpsional(500) })).writes<void>(),
  'catatan.pulihkan': method(z.object({ entitas, id })).writes<void>(),
  'mitra.ringkasan': method(z.object({})).reads<RingkasanMitra>(),
  /** The agreement's PDF, and whether it was printed as a DRAF (with what it lacks to be final). */
  'perjanjian.pdf': method(z.object({ id, siapTte: z.boolean().default(false) })).reads<{ berkas: FileRef; draf: boolean; kekurangan: string[] }>(),
  /** A research extract for an MoU that allows data sharing, as one zip; logged. Refused (nothing written) otherwise. */
  'pelatihan.profil': method(z.object({ tahun: z.number().int().min(2000).max(2100).nullish() })).reads<ProfilKapasitas[]>(),
  'pelatihan.cakupan': method(z.object({})).reads<CakupanPelatihan[]>(),
  'pelatihan.bukti': method(z.object({ bulan: z.number().int().min(1).max(24).default(6) })).reads<BuktiPelatihan>(),
  'riset.ekstrak': method(z.object({ mou_id: id, variabel: z.array(z.string().max(40)).max(40).nullish(), bulan: z.number().int().min(1).max(60).nullish() })).writes<{ berkas: FileRef; ringkasan: RingkasanEkstrakRiset }>(),
  'gerobak.list': method(z.object({ tahun: z.number().int().min(2000).max(2100) })).reads<PenilaianGerobak[]>(),
  'gerobak.simpan': method(
    skemaRekaman('gerobak_penilaian'),
  ).writes<void>(),
  /** The letter (PDF) or list (xlsx); the letter's number, when typed, goes into the register of outgoing letters. */
  'gerobak.usulan': method(z.object({ tahun: z.number().int().min(2000).max(2100), format: z.enum(['pdf', 'xlsx']), nomor: z.string().trim().max(100).nullish(), siapTte: z.boolean().default(false) })).writes<FileRef>(),
};
