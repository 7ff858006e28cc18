import { z } from 'zod';
import { defineContract, method, type FileRef, type Page } from './contract-kit';
import type { NikInfo } from './nik-info';
import { ENTITAS_KODE, type BarisCatatan } from './mitra';
import { STATUS_PROPOSAL, type ProposalDetail, type ProposalRow, type RabItem, type TemplatSurat } from './proposal';
import {
  POLA_PERIODE,
  STATUS_LAPORAN,
  TINGKAT_REKAP,
  type BarisLembar,
  type HasilStatus,
  type Katalog,
  type Kepatuhan,
  type LaporanRow,
  type Masalah,
  type Rekap,
} from './laporan';
import {
  JABATAN,
  STATUS_FASILITATOR,
  STATUS_KELOMPOK,
  type Anggota,
  type AuditEntry,
  type Fasilitator,
  type Kelompok,
  type Pengaturan,
} from './records';

// The one contract behind the three doors (Electron IPC, web shell, CLI). Inputs are checked here;
// results are types only. Messages are for the officer, in Indonesian.

const teks = (label: string, max = 200) => z.string({ error: `${label} wajib diisi.` }).trim().min(1, `${label} wajib diisi.`).max(max, `${label} terlalu panjang (paling banyak ${max} huruf).`);
const teksOpsional = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, `Isian terlalu panjang (paling banyak ${max} huruf).`)
    .nullish()
    .transform((v) => (v ? v : null));
const kodeWilayah = (pola: RegExp, label: string) => z.string().regex(pola, `${label} tidak dikenal. Pilih dari daftar.`);
const kodeKabupaten = kodeWilayah(/^\d{2}\.\d{2}$/, 'Kode kabupaten/kota');
const kodeKecamatan = kodeWilayah(/^\d{2}\.\d{2}\.\d{2}$/, 'Kode kecamatan');
const kodeDesa = kodeWilayah(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'Kode desa/kelurahan');
const id = z.string().min(1, 'ID data tidak boleh kosong.');
const tanggal = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH, misalnya 1980-03-12.')
  .nullish()
  .transform((v) => v ?? null);
const halaman = {
  halaman: z.number().int().min(1).default(1),
  per: z.number().int().min(1).max(500).default(50),
};
const terhapus = z.boolean().default(false);

export interface Wilayah {
  kode: string;
  nama: string;
}

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
  waktu: string;
  ukuran: number;
}

export interface Disimpan {
  id: string;
  peringatan: string[];
}

export type FasilitatorRow = Fasilitator & { kecamatan_nama: string | null; desa_nama: string | null; jumlah_kelompok: number };
export type KelompokRow = Kelompok & {
  kecamatan_nama: string;
  desa_nama: string;
  fasilitator_nama: string | null;
  jumlah_anggota: number;
  ketua_nama: string | null;
};
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
  galat: BarisPesan[];
  peringatan: BarisPesan[];
}

export interface Statistik {
  kabupaten_kode: string | null;
  tabel: Record<string, number>;
  /** Province mode: live rows per table for each kabupaten. */
  per_kabupaten?: Record<string, Record<string, number>>;
}

const fasilitatorInput = z.object({
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

const kelompokInput = z.object({
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
});

const anggotaInput = z.object({
  id: id.optional(),
  kelompok_id: z.string({ error: 'Pilih kelompok.' }).min(1, 'Pilih kelompok.'),
  nik: z.string({ error: 'NIK wajib diisi.' }).trim().min(1, 'NIK wajib diisi.'),
  no_kk: teksOpsional(16),
  nama: teks('Nama anggota'),
  jenis_kelamin: z.enum(['L', 'P'], { error: 'Pilih jenis kelamin (L atau P).' }),
  tanggal_lahir: tanggal,
  alamat: teksOpsional(300),
  desa_kode: kodeDesa.nullish().transform((v) => v ?? null),
  jabatan: z.enum(JABATAN).default('anggota'),
  /** The officer confirmed that this NIK really belongs to a member of another group too. */
  konfirmasiGanda: z.boolean().default(false),
});

const hapusInput = z.object({ id, alasan: teksOpsional(500) });
const fileRef = z.object({ ref: z.string().min(1), nama: z.string(), ukuran: z.number().optional() }, { error: 'Pilih berkas lebih dulu.' });

const pengaturanInput = z.object({
  operator: teks('Nama operator', 100),
  nama_instansi: teksOpsional(200).transform((v) => v ?? ''),
  alamat_instansi: teksOpsional(300).transform((v) => v ?? ''),
  kota_surat: teksOpsional(100).transform((v) => v ?? ''),
  telepon: teksOpsional(50).transform((v) => v ?? ''),
  email: teksOpsional(100).transform((v) => v ?? ''),
  kepala_nama: teksOpsional(100).transform((v) => v ?? ''),
  kepala_nip: z
    .string()
    .trim()
    .regex(/^(\d{18}|\d{8} \d{6} \d \d{3})?$/, 'NIP terdiri dari 18 angka, misalnya 197001012000031001.')
    .nullish()
    .transform((v) => v ?? ''),
  kepala_jabatan: teksOpsional(100).transform((v) => v ?? ''),
});

const appApi = {
  'app.status': method(z.object({})).returns<StatusAplikasi>(),
  'app.statistik': method(z.object({})).returns<Statistik>(),
};

const pengaturanApi = {
  'pengaturan.setup': method(
    pengaturanInput.extend({
      mode: z.enum(['kabupaten', 'provinsi'], { error: 'Pilih mode: kabupaten/kota atau provinsi.' }),
      kabupaten_kode: kodeKabupaten.nullish().transform((v) => v ?? null),
    }),
  ).returns<Pengaturan>(),
  'pengaturan.simpan': method(pengaturanInput).returns<Pengaturan>(),
};

export interface RingkasanDemo {
  kabupaten_kode: string;
  fasilitator: number;
  kelompok: number;
  anggota: number;
  laporan: number;
  proposal: number;
}

const demoApi = {
  'demo.buat': method(
    z.object({
      kelompok: z.number().int().min(1).max(5000).default(30),
      seed: z.number().int().default(1),
      bulan: z.number().int().min(0).max(60).default(24),
      kabupaten: kodeKabupaten.nullish(),
    }),
  ).returns<RingkasanDemo>(),
};

const wilayahApi = {
  'wilayah.kabupaten': method(z.object({})).returns<Wilayah[]>(),
  'wilayah.kecamatan': method(z.object({ kabupaten: kodeKabupaten })).returns<Wilayah[]>(),
  'wilayah.desa': method(z.object({ kecamatan: kodeKecamatan })).returns<Wilayah[]>(),
};

const nikApi = {
  'nik.periksa': method(
    z.object({ nik: z.string(), jenisKelamin: z.enum(['L', 'P']).nullish(), tanggalLahir: z.string().nullish() }),
  ).returns<NikInfo>(),
};

const fasilitatorApi = {
  'fasilitator.list': method(
    z.object({ kabupaten: z.string().nullish(), cari: z.string().trim().default(''), kecamatan: z.string().nullish(), status: z.enum(STATUS_FASILITATOR).nullish(), terhapus, ...halaman }),
  ).returns<Page<FasilitatorRow>>(),
  'fasilitator.get': method(z.object({ id })).returns<FasilitatorRow>(),
  'fasilitator.simpan': method(fasilitatorInput).returns<Disimpan>(),
  'fasilitator.hapus': method(hapusInput).returns<void>(),
  'fasilitator.pulihkan': method(z.object({ id })).returns<void>(),
};

const kelompokApi = {
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
  ).returns<Page<KelompokRow>>(),
  'kelompok.get': method(z.object({ id })).returns<KelompokRow>(),
  'kelompok.simpan': method(kelompokInput).returns<Disimpan>(),
  'kelompok.hapus': method(hapusInput).returns<void>(),
  'kelompok.pulihkan': method(z.object({ id })).returns<void>(),
  'kelompok.sektor': method(z.object({})).returns<string[]>(),
};

const anggotaFilter = {
  kabupaten: z.string().nullish(),
  cari: z.string().trim().default(''),
  kelompok: z.string().nullish(),
  kecamatan: z.string().nullish(),
  desa: z.string().nullish(),
  fasilitator: z.string().nullish(),
  jabatan: z.enum(JABATAN).nullish(),
  ganda: z.boolean().default(false),
};

const anggotaApi = {
  'anggota.list': method(z.object({ ...anggotaFilter, terhapus, ...halaman })).returns<Page<AnggotaRow>>(),
  'anggota.get': method(z.object({ id })).returns<AnggotaRow>(),
  'anggota.simpan': method(anggotaInput).returns<Disimpan>(),
  'anggota.hapus': method(hapusInput).returns<void>(),
  'anggota.pulihkan': method(z.object({ id })).returns<void>(),
  'anggota.imporPratinjau': method(z.object({ berkas: fileRef, sheet: z.string().nullish() })).returns<PratinjauImpor>(),
  'anggota.impor': method(
    z.object({
      berkas: fileRef,
      sheet: z.string().nullish(),
      mapping: MappingSchema,
      kelompokId: z.string().nullish(),
      dryRun: z.boolean().default(true),
    }),
  ).returns<RingkasanImpor>(),
  'anggota.ekspor': method(z.object(anggotaFilter)).returns<FileRef>(),
};

const bulan = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan ditulis TTTT-BB, misalnya 2025-01.');
const periode = z.string().regex(POLA_PERIODE, 'Periode ditulis 2025-01 (bulan), 2025-S1/2025-S2 (semester) atau 2025 (tahun).');
const ids = z.array(id).min(1, 'Pilih paling sedikit satu laporan.').max(5000);

export interface Foto {
  id: string;
  hash: string;
  mime: string;
  lebar: number;
  tinggi: number;
  ukuran: number;
  keterangan: string | null;
}

const laporanApi = {
  'laporan.katalog': method(z.object({})).returns<Katalog>(),
  'laporan.lembar': method(z.object({ fasilitator_id: z.string().nullable(), periode: bulan })).returns<{ katalog: Katalog; periode: string; baris: BarisLembar[] }>(),
  'laporan.simpan': method(z.object({ kelompok_id: id, periode: bulan, nilai: z.record(z.string(), z.union([z.number(), z.string(), z.null()])) })).returns<{ laporan: LaporanRow; masalah: Masalah[] }>(),
  'laporan.ajukan': method(z.object({ ids })).returns<HasilStatus>(),
  'laporan.verifikasi': method(z.object({ ids })).returns<HasilStatus>(),
  'laporan.bukaKembali': method(z.object({ id, alasan: z.string().trim().min(5, 'Tulis alasan membuka kembali laporan (paling sedikit 5 huruf).') })).returns<LaporanRow>(),
  'laporan.list': method(
    z.object({ periode: bulan, fasilitator: z.string().nullish(), kecamatan: z.string().nullish(), status: z.array(z.enum(STATUS_LAPORAN)).nullish() }),
  ).returns<LaporanRow[]>(),
  'laporan.rekap': method(z.object({ periode, per: z.enum(TINGKAT_REKAP).default('kabupaten'), kabupaten: z.string().nullish() })).returns<Rekap>(),
  'laporan.kepatuhan': method(z.object({ periode })).returns<Kepatuhan>(),
  'laporan.dokumen': method(
    z.object({ periode, format: z.enum(['pdf', 'xlsx']), per: z.enum(TINGKAT_REKAP).default('kabupaten'), fasilitator_id: z.string().nullish() }),
  ).returns<FileRef>(),
  'laporan.foto': method(z.object({ laporan_id: id })).returns<Foto[]>(),
  'laporan.fotoTambah': method(z.object({ laporan_id: id, berkas: fileRef, keterangan: teksOpsional(200) })).returns<{ id: string }>(),
  'laporan.fotoHapus': method(z.object({ id })).returns<void>(),
  'laporan.fotoData': method(z.object({ id })).returns<{ dataUrl: string }>(),
};

const rabItem = z.object({
  id: z.string().optional(),
  kelompok_belanja: teks('Kelompok belanja', 100),
  uraian: teks('Uraian', 300),
  volume: z.number({ error: 'Volume harus angka.' }).min(0, 'Volume tidak boleh negatif.'),
  satuan: teks('Satuan', 30),
  harga_satuan: z.number({ error: 'Harga satuan harus angka.' }).int('Harga satuan dalam Rupiah bulat.').min(0, 'Harga satuan tidak boleh negatif.'),
});
const angkaOpsional = z.number().min(0).optional();

const proposalApi = {
  'proposal.list': method(z.object({ kelompok: z.string().nullish(), status: z.enum(STATUS_PROPOSAL).nullish() })).returns<ProposalRow[]>(),
  'proposal.get': method(z.object({ id })).returns<ProposalDetail>(),
  'proposal.simpan': method(
    z.object({
      id: id.optional(),
      kelompok_id: z.string({ error: 'Pilih kelompok pengusul.' }).min(1, 'Pilih kelompok pengusul.'),
      judul: teks('Judul proposal', 200),
      nomor_surat: teksOpsional(100),
      tempat: teksOpsional(100),
      tanggal: tanggal,
      lampiran: teksOpsional(100),
      perihal: teksOpsional(200),
      dinas: teksOpsional(200),
      kepala_desa: teksOpsional(100),
      sertakan_omzet: z.boolean().default(true),
      isi: z.object({
        latar_belakang: z.string().max(20000).optional(),
        target_pasar: z.string().max(5000).optional(),
        pesaing: z.string().max(5000).optional(),
        offtaker: z.string().max(5000).optional(),
        produk: z.string().max(5000).optional(),
        kapasitas_produksi: z.string().max(5000).optional(),
        pemasaran: z.string().max(5000).optional(),
        penutup: z.string().max(5000).optional(),
      }),
      proyeksi: z.object({
        modal_investasi: angkaOpsional,
        biaya_tetap_bulan: angkaOpsional,
        biaya_variabel_unit: angkaOpsional,
        harga_jual_unit: angkaOpsional,
        penjualan_bulan: angkaOpsional,
      }),
    }),
  ).returns<{ id: string }>(),
  'proposal.simpanRab': method(z.object({ id, items: z.array(rabItem).max(5000) })).returns<{ total: number }>(),
  'proposal.status': method(z.object({ id, status: z.enum(STATUS_PROPOSAL), nilai_disetujui: z.number().int().min(0).nullish() })).returns<void>(),
  'proposal.hapus': method(hapusInput).returns<void>(),
  'proposal.pdf': method(z.object({ id, nikLengkap: z.boolean().default(false) })).returns<FileRef>(),
  'proposal.rabXlsx': method(z.object({ id })).returns<FileRef>(),
  'proposal.imporRab': method(z.object({ berkas: fileRef })).returns<RabItem[]>(),
  'proposal.dinas': method(z.object({})).returns<string[]>(),
  'proposal.templatSurat': method(z.object({})).returns<{ templat: TemplatSurat; isian: string[]; bolehUbah: boolean }>(),
  'proposal.simpanTemplatSurat': method(z.object({ kepada: z.string().max(1000), pembuka: z.string().max(3000) })).returns<TemplatSurat>(),
  'proposal.simpanDinas': method(z.object({ daftar: z.array(z.string().trim().min(3).max(200)).min(1, 'Daftar dinas tidak boleh kosong.').max(100) })).returns<string[]>(),
  'proposal.terbilang': method(z.object({ n: z.number().int().min(0).max(999_999_999_999_999) })).returns<string>(),
};

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
  mitra: { kode: string; nama: string; sidik_jari: string; didaftarkan_pada: string }[];
  ack_cl: number;
  perubahan_belum_dikirim: number;
  bundel_keluar: { seq: number; penuh: boolean; ukuran: number; nama_berkas: string; dibuat_pada: string }[];
}

const sinkronApi = {
  'sinkron.info': method(z.object({})).returns<InfoSinkron>(),
  'sinkron.buatKunci': method(z.object({})).returns<{ sidik_jari: string }>(),
  'sinkron.eksporIdentitas': method(z.object({})).returns<FileRef>(),
  'sinkron.cadangkanKunci': method(z.object({ frasa: z.string().min(12, 'Frasa sandi paling sedikit 12 huruf.') })).returns<FileRef>(),
  'sinkron.pulihkanKunci': method(z.object({ berkas: fileRef, frasa: z.string().min(1, 'Tulis frasa sandi cadangan.') })).returns<{ sidik_jari: string }>(),
  'sinkron.imporIdentitas': method(z.object({ berkas: fileRef, gantiKunci: z.boolean().default(false) })).returns<{ kode: string; sidik_jari: string; baru: boolean }>(),
  'sinkron.eksporBundel': method(z.object({ penuh: z.boolean().default(false) })).returns<{ berkas: FileRef; ukuran: number; jumlah: Record<string, number>; seq: number }>(),
  'sinkron.periksaBundel': method(z.object({ berkas: fileRef })).returns<{ jenis: string; pengirim: string; penerima: string; sidik_jari_pengirim: string; tanda_tangan_utuh: boolean; ukuran: number; manifest: Record<string, unknown> }>(),
  'sinkron.imporBundel': method(z.object({ berkas: fileRef, dryRun: z.boolean().default(false), percayai: z.string().nullish() })).returns<HasilImporBundel>(),
  'sinkron.tandaTerima': method(z.object({ kabupaten: kodeKabupaten })).returns<FileRef>(),
  'sinkron.bundelReferensi': method(z.object({})).returns<FileRef>(),
  'sinkron.statusKabupaten': method(z.object({})).returns<StatusKabupaten[]>(),
};

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

export const STATUS_COCOK = ['COCOK_NIK', 'COCOK_NAMA', 'TIDAK_DITEMUKAN', 'NIK_TIDAK_VALID', 'NIK_RUSAK_EXCEL'] as const;
export type StatusCocok = (typeof STATUS_COCOK)[number];
export const LABEL_STATUS_COCOK: Record<StatusCocok, string> = {
  COCOK_NIK: 'Cocok NIK',
  COCOK_NAMA: 'Cocok nama (perlu konfirmasi)',
  TIDAK_DITEMUKAN: 'Tidak ditemukan',
  NIK_TIDAK_VALID: 'NIK tidak valid',
  NIK_RUSAK_EXCEL: 'NIK rusak oleh Excel',
};
/** A member's result in the latest DTKS/DT-SEN snapshot matched. */
export interface StatusDtsenAnggota {
  status: StatusCocok;
  desil: number | null;
  /** For a name match: 1 confirmed, 0 rejected, null waiting. */
  dikonfirmasi: number | null;
  sumber: string;
  tanggal_data: string;
}
export const FIELD_EKSTRAK = ['nik', 'no_kk', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'kode_wilayah', 'desil', 'id_dtks'] as const;

export interface RingkasanEkstrak {
  snapshot_id: string;
  sumber: 'DTKS' | 'DTSEN';
  tanggal_data: string;
  dibaca: number;
  disimpan: number;
  ditolak: number;
  contoh_ditolak: { baris: number; pesan: string }[];
  alasan_ditolak: Record<string, number>;
  sha256: string;
}

export interface RingkasanDtsen {
  snapshot: { id: string; sumber: string; tanggal_data: string; nama_berkas: string; jumlah_baris: number } | null;
  total: number;
  jumlah: Record<StatusCocok, number>;
  desil: number[];
  di_atas_desil_4: number;
  menunggu_konfirmasi: number;
  per_kelompok: { kelompok_id: string; kelompok: string; anggota: number; cocok: number; desil_1_4: number; di_atas_4: number; tidak_ditemukan: number }[];
}

export interface BarisHasil {
  anggota_id: string;
  nik: string;
  nama: string;
  kelompok: string;
  kelompok_id: string;
  status: StatusCocok;
  desil: number | null;
  skor: number | null;
  nama_dtsen: string | null;
  ganda: boolean;
  dikonfirmasi: number | null;
}

const tugasApi = {
  'tugas.status': method(z.object({ id })).returns<StatusTugas>(),
  'tugas.batal': method(z.object({ id })).returns<StatusTugas>(),
};

const dtsenApi = {
  'dtsen.pratinjau': method(z.object({ berkas: fileRef })).returns<{ format: string; encoding: string; headers: string[]; mapping: Partial<Record<(typeof FIELD_EKSTRAK)[number], string>>; sampel: string[][]; ukuran: number }>(),
  'dtsen.impor': method(
    z.object({
      berkas: fileRef,
      sumber: z.enum(['DTKS', 'DTSEN'], { error: 'Pilih sumber: DTKS atau DTSEN.' }),
      tanggal: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal data ditulis TTTT-BB-HH.'),
      mapping: z.partialRecord(z.enum(FIELD_EKSTRAK), z.string().min(1)).nullish(),
    }),
  ).returns<StatusTugas>(),
  'dtsen.snapshot': method(z.object({})).returns<{ id: string; sumber: string; tanggal_data: string; nama_berkas: string; sha256: string; jumlah_baris: number; jumlah_ditolak: number; diimpor_pada: string }[]>(),
  'dtsen.hapusSnapshot': method(z.object({ id })).returns<void>(),
  'dtsen.cocokkan': method(z.object({ snapshot_id: z.string().nullish() })).returns<{ snapshot_id: string; jumlah: Record<StatusCocok, number>; ganda: number }>(),
  'dtsen.ringkasan': method(z.object({})).returns<RingkasanDtsen>(),
  'dtsen.hasil': method(z.object({ status: z.enum(STATUS_COCOK).nullish(), kelompok: z.string().nullish() })).returns<BarisHasil[]>(),
  'dtsen.konfirmasi': method(z.object({ anggota_id: id, terima: z.boolean() })).returns<void>(),
  'dtsen.ekspor': method(z.object({ status: z.enum(STATUS_COCOK).nullish(), format: z.enum(['xlsx', 'csv']).default('xlsx') })).returns<FileRef>(),
};

const entitas = z.enum(ENTITAS_KODE);

export interface PenilaianGerobak {
  kelompok_id: string;
  kelompok: string;
  desa: string;
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

const mitraApi = {
  'catatan.list': method(
    z.object({ entitas, cari: z.string().nullish(), filter: z.record(z.string(), z.string()).nullish(), terhapus: z.boolean().default(false), kabupaten: z.string().nullish(), ...halaman }),
  ).returns<Page<BarisCatatan>>(),
  'catatan.get': method(z.object({ entitas, id })).returns<BarisCatatan>(),
  'catatan.simpan': method(z.object({ entitas, nilai: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])) })).returns<{ id: string }>(),
  'catatan.hapus': method(z.object({ entitas, id, alasan: teksOpsional(500) })).returns<void>(),
  'catatan.pulihkan': method(z.object({ entitas, id })).returns<void>(),
  'mitra.ringkasan': method(z.object({})).returns<RingkasanMitra>(),
  'perjanjian.pdf': method(z.object({ id })).returns<FileRef>(),
  'gerobak.list': method(z.object({ tahun: z.number().int().min(2000).max(2100) })).returns<PenilaianGerobak[]>(),
  'gerobak.simpan': method(
    z.object({ kelompok_id: id, tahun: z.number().int().min(2000).max(2100), usaha_keliling: z.boolean(), keputusan: z.enum(['diusulkan', 'tidak']).nullable(), catatan: teksOpsional(500) }),
  ).returns<void>(),
  'gerobak.usulan': method(z.object({ tahun: z.number().int().min(2000).max(2100), format: z.enum(['pdf', 'xlsx']) })).returns<FileRef>(),
};

export interface Angka {
  nilai: number;
  sebelumnya: number | null;
}

export interface Dashboard {
  bulan: string;
  regulasi: { versi: number; nama: string; regulasi: string };
  kelompok_aktif: Angka;
  anggota: Angka;
  persen_cocok_dtsen: number | null;
  persen_desil_1_4: number | null;
  omzet_bulan: Angka;
  omzet_tahun_berjalan: Angka;
  penjualan_offtaker_bulan: Angka;
  perjanjian_aktif: Angka;
  nilai_perjanjian_bulan: number;
  nilai_perjanjian_sppg_bulan: number;
  kepatuhan_bulan: Angka;
  seri_omzet: { periode: string; omzet: number; laba: number }[];
  desil: number[];
  kepatuhan_fasilitator: { nama: string; diharapkan: number; masuk: number; persen: number }[];
  perjanjian_per_jenis: { jenis: string; jumlah: number; nilai_bulan: number }[];
  kelompok_per_sektor: { sektor: string; jumlah: number }[];
  peringkat: { kode: string; nama: string; kelompok: number; anggota: number; omzet_tahun: number; kepatuhan: number; nilai_perjanjian: number }[] | null;
}

export interface Monev {
  periode: string;
  regulasi: string;
  katalog_versi: number;
  baris: { indikator: string; nama: string; satuan: string; tipe: string; kecamatan_kode: string | null; wilayah: string; target: number; realisasi: number | null; persen: number | null; sumber: string }[];
}

export interface MonitoringFasilitator {
  id: string;
  nama: string;
  kelompok: number;
  laporan_diharapkan: number;
  diajukan_tepat_waktu: number;
  diverifikasi: number;
  kelompok_dikunjungi: number;
  tindak_lanjut_terbuka: number;
}

const dashboardApi = {
  'dashboard.get': method(
    z.object({ bulan: z.string().regex(/^\d{4}-\d{2}$/).nullish(), kabupaten: z.string().nullish(), kecamatan: z.string().nullish(), fasilitator: z.string().nullish(), sektor: z.string().nullish() }),
  ).returns<Dashboard>(),
  'monev.get': method(z.object({ periode })).returns<Monev>(),
  'monev.fasilitator': method(z.object({ periode })).returns<MonitoringFasilitator[]>(),
  'monev.simpanTarget': method(
    z.object({ tahun: z.number().int().min(2000).max(2100), indikator: z.string().min(1), kecamatan_kode: z.string().nullish(), kabupaten: z.string().nullish(), nilai: z.number({ error: 'Target harus angka.' }).min(0, 'Target tidak boleh negatif.') }),
  ).returns<void>(),
  'monev.dokumen': method(z.object({ periode, format: z.enum(['pdf', 'xlsx']) })).returns<FileRef>(),
};

const auditApi = {
  'audit.list': method(z.object({ tabel: z.enum(['fasilitator', 'kelompok', 'anggota', 'laporan_bulanan', 'proposal', ...ENTITAS_KODE]), id })).returns<AuditEntry[]>(),
};

const cadanganApi = {
  'cadangan.list': method(z.object({})).returns<Cadangan[]>(),
  'cadangan.buat': method(z.object({})).returns<Cadangan>(),
  'cadangan.pulihkan': method(z.object({ nama: z.string().min(1, 'Pilih cadangan yang akan dipulihkan.') })).returns<{ sebelumnya: Cadangan }>(),
};

export const contract = defineContract(appApi, pengaturanApi, demoApi, wilayahApi, nikApi, fasilitatorApi, kelompokApi, anggotaApi, laporanApi, proposalApi, sinkronApi, tugasApi, dtsenApi, mitraApi, dashboardApi, auditApi, cadanganApi);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** What a caller sends (before defaults are applied). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = Contract[M] extends { output?: infer O } ? O : never;
