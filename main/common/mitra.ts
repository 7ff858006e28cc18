import { labelVariabelRiset } from './riset';

// Offtakers and purchase agreements, cart aid, university MoUs, strategic issues and best practices.
// Each record type is described once here; the services validate against it and the UI builds its
// forms and tables from it.

export type TipeField = 'teks' | 'panjang' | 'angka' | 'rupiah' | 'tanggal' | 'pilihan' | 'pilihan_ganda' | 'ya_tidak' | 'kelompok' | 'offtaker' | 'mou' | 'isu' | 'pelatihan' | 'fasilitator' | 'kecamatan' | 'desa' | 'tahun';

export interface FieldSpec {
  kode: string;
  label: string;
  tipe: TipeField;
  wajib?: boolean;
  opsi?: readonly string[];
  /** Shown in the list table. */
  kolom?: boolean;
  desimal?: boolean;
  /** How each choice reads (pilihan_ganda), where the stored code is not what people read. */
  labelOpsi?: Readonly<Record<string, string>>;
}

export const ENTITAS_KODE = ['offtaker', 'perjanjian', 'gerobak_diterima', 'mou', 'mou_kegiatan', 'isu', 'tindak_lanjut', 'praktik_baik', 'pelatihan', 'pelatihan_peserta'] as const;
export type EntitasKode = (typeof ENTITAS_KODE)[number];

export interface EntitasSpec {
  tabel: EntitasKode;
  judul: string;
  tunggal: string;
  fields: FieldSpec[];
  /** Field used as the record's display name. */
  nama: string;
  /** Sub-records belong to a parent (kegiatan → MoU, tindak lanjut → isu). */
  induk?: { field: string; entitas: EntitasKode };
}

export const JENIS_OFFTAKER = ['SPPG', 'Koperasi', 'Ritel/toko modern', 'Hotel/restoran/katering', 'Pasar/pengepul', 'Lainnya'] as const;
export const STATUS_PERJANJIAN = ['draf', 'aktif', 'selesai', 'batal'] as const;
export const RUANG_LINGKUP_MOU = ['pelatihan', 'pendampingan', 'riset', 'KKN', 'sertifikasi', 'pemasaran', 'lainnya'] as const;
export const KATEGORI_ISU = ['data', 'pendanaan', 'pemasaran', 'kelembagaan', 'SDM', 'regulasi', 'produksi', 'lainnya'] as const;
export const SUMBER_ISU = ['monitoring', 'rapat', 'forum', 'laporan bulanan', 'lainnya'] as const;
export const STATUS_TINDAK_LANJUT = ['rencana', 'berjalan', 'selesai', 'tertunda'] as const;
/**
 * The variables a research extract may carry (riset.ts describes each): the dictionary's figures per group-month,
 * the group's and the member's attributes. Names, NIK, KK, address, phone, photo and coordinates are never variables.
 */
export const KODE_VARIABEL_RISET = ['omzet', 'biaya', 'laba', 'penjualan_offtaker', 'anggota_aktif', 'tenaga_kerja', 'aset', 'kas', 'bantuan', 'pertemuan', 'kehadiran', 'kepatuhan_lapor', 'fasilitator_dilatih', 'sektor', 'kecamatan', 'tahun_berdiri', 'usia', 'jenis_kelamin', 'jabatan', 'desil'] as const;
export type KodeVariabelRiset = (typeof KODE_VARIABEL_RISET)[number];
/** Training topics: the province's coverage is counted per topic. */
export const TOPIK_PELATIHAN = ['pendampingan kelompok', 'pengelolaan keuangan', 'pemasaran dan offtaker', 'mutu dan kemasan produk', 'pendataan dan pelaporan', 'pemasaran digital', 'lainnya'] as const;
export const PENYELENGGARA_PELATIHAN = ['perguruan tinggi (MoU)', 'provinsi', 'kabupaten/kota', 'lainnya'] as const;
export const KONDISI_GEROBAK = ['baik', 'rusak ringan', 'rusak berat', 'hilang'] as const;

export const ENTITAS: Record<EntitasKode, EntitasSpec> = {
  offtaker: {
    tabel: 'offtaker',
    judul: 'Offtaker',
    tunggal: 'offtaker',
    nama: 'nama',
    fields: [
      { kode: 'nama', label: 'Nama offtaker', tipe: 'teks', wajib: true, kolom: true },
      { kode: 'jenis', label: 'Jenis', tipe: 'pilihan', opsi: JENIS_OFFTAKER, wajib: true, kolom: true },
      { kode: 'kecamatan_kode', label: 'Kecamatan', tipe: 'kecamatan', kolom: true },
      { kode: 'desa_kode', label: 'Desa/Kelurahan', tipe: 'desa' },
      { kode: 'alamat', label: 'Alamat', tipe: 'teks' },
      { kode: 'kontak', label: 'Kontak (nama, no. HP)', tipe: 'teks', kolom: true },
      { kode: 'produk_dibutuhkan', label: 'Produk yang dibutuhkan', tipe: 'teks', kolom: true },
      { kode: 'kapasitas_bulan', label: 'Kebutuhan per bulan (Rp)', tipe: 'rupiah', kolom: true },
      { kode: 'catatan', label: 'Catatan', tipe: 'panjang' },
    ],
  },
  perjanjian: {
    tabel: 'perjanjian',
    judul: 'Perjanjian pembelian',
    tunggal: 'perjanjian',
    nama: 'nomor',
    fields: [
      { kode: 'nomor', label: 'Nomor perjanjian', tipe: 'teks', wajib: true, kolom: true },
      { kode: 'tanggal', label: 'Tanggal', tipe: 'tanggal', wajib: true },
      { kode: 'kelompok_id', label: 'Kelompok', tipe: 'kelompok', wajib: true, kolom: true },
      { kode: 'offtaker_id', label: 'Offtaker', tipe: 'offtaker', wajib: true, kolom: true },
      { kode: 'wakil_pembeli', label: 'Nama wakil pembeli (penanda tangan)', tipe: 'teks' },
      { kode: 'jabatan_wakil', label: 'Jabatan wakil pembeli', tipe: 'teks' },
      { kode: 'produk', label: 'Produk', tipe: 'teks', wajib: true, kolom: true },
      { kode: 'volume', label: 'Volume per bulan', tipe: 'angka', wajib: true, desimal: true },
      { kode: 'satuan', label: 'Satuan', tipe: 'teks', wajib: true },
      { kode: 'harga_satuan', label: 'Harga satuan (Rp)', tipe: 'rupiah', wajib: true },
      { kode: 'mulai', label: 'Berlaku mulai', tipe: 'tanggal', wajib: true },
      { kode: 'selesai', label: 'Berlaku sampai', tipe: 'tanggal', wajib: true, kolom: true },
      { kode: 'status', label: 'Status', tipe: 'pilihan', opsi: STATUS_PERJANJIAN, wajib: true, kolom: true },
      { kode: 'catatan', label: 'Ketentuan lain', tipe: 'panjang' },
    ],
  },
  gerobak_diterima: {
    tabel: 'gerobak_diterima',
    judul: 'Gerobak yang sudah diterima',
    tunggal: 'penerimaan gerobak',
    nama: 'tahun',
    fields: [
      { kode: 'kelompok_id', label: 'Kelompok', tipe: 'kelompok', wajib: true, kolom: true },
      { kode: 'tahun', label: 'Tahun', tipe: 'tahun', wajib: true, kolom: true },
      { kode: 'jumlah', label: 'Jumlah gerobak', tipe: 'angka', wajib: true, kolom: true },
      { kode: 'kondisi', label: 'Kondisi', tipe: 'pilihan', opsi: KONDISI_GEROBAK, wajib: true, kolom: true },
      { kode: 'catatan', label: 'Catatan', tipe: 'panjang' },
    ],
  },
  mou: {
    tabel: 'mou',
    judul: 'MoU perguruan tinggi',
    tunggal: 'MoU',
    nama: 'perguruan_tinggi',
    fields: [
      { kode: 'perguruan_tinggi', label: 'Perguruan tinggi', tipe: 'teks', wajib: true, kolom: true },
      { kode: 'nomor', label: 'Nomor MoU', tipe: 'teks', wajib: true, kolom: true },
      { kode: 'tanggal', label: 'Tanggal', tipe: 'tanggal', wajib: true },
      { kode: 'berlaku_sampai', label: 'Berlaku sampai', tipe: 'tanggal', wajib: true, kolom: true },
      { kode: 'ruang_lingkup', label: 'Ruang lingkup', tipe: 'pilihan', opsi: RUANG_LINGKUP_MOU, wajib: true, kolom: true },
      { kode: 'kontak', label: 'Narahubung', tipe: 'teks', kolom: true },
      { kode: 'status', label: 'Status', tipe: 'pilihan', opsi: ['aktif', 'berakhir', 'diperpanjang'], wajib: true, kolom: true },
      { kode: 'catatan', label: 'Catatan', tipe: 'panjang' },
      // Data sharing for evidence-based research (UU 27/2022): the terms the research extract follows.
      { kode: 'berbagi_data', label: 'Mengizinkan berbagi data riset', tipe: 'ya_tidak', kolom: true },
      { kode: 'tujuan_riset', label: 'Tujuan riset', tipe: 'panjang' },
      { kode: 'peneliti', label: 'Peneliti penanggung jawab (nama, jabatan)', tipe: 'teks' },
      {
        kode: 'variabel_riset',
        label: 'Variabel yang disetujui',
        tipe: 'pilihan_ganda',
        opsi: KODE_VARIABEL_RISET,
        // Read when used (common/riset.ts reads the dictionary's labels, which is not loaded yet while this module is).
        get labelOpsi() {
          return labelVariabelRiset();
        },
      },
    ],
  },
  mou_kegiatan: {
    tabel: 'mou_kegiatan',
    judul: 'Kegiatan MoU',
    tunggal: 'kegiatan',
    nama: 'kegiatan',
    induk: { field: 'mou_id', entitas: 'mou' },
    fields: [
      { kode: 'mou_id', label: 'MoU', tipe: 'mou', wajib: true, kolom: true },
      { kode: 'tanggal', label: 'Tanggal', tipe: 'tanggal', wajib: true, kolom: true },
      { kode: 'kegiatan', label: 'Kegiatan', tipe: 'teks', wajib: true, kolom: true },
      { kode: 'kelompok_id', label: 'Kelompok yang terlibat', tipe: 'kelompok', kolom: true },
      { kode: 'peserta', label: 'Jumlah peserta', tipe: 'angka', kolom: true },
      { kode: 'hasil', label: 'Hasil', tipe: 'panjang' },
    ],
  },
  isu: {
    tabel: 'isu',
    judul: 'Isu strategis dan kendala',
    tunggal: 'isu',
    nama: 'uraian',
    fields: [
      { kode: 'kategori', label: 'Kategori', tipe: 'pilihan', opsi: KATEGORI_ISU, wajib: true, kolom: true },
      { kode: 'uraian', label: 'Uraian isu', tipe: 'panjang', wajib: true, kolom: true },
      { kode: 'kecamatan_kode', label: 'Kecamatan', tipe: 'kecamatan', kolom: true },
      { kode: 'kelompok_id', label: 'Kelompok', tipe: 'kelompok' },
      { kode: 'tanggal', label: 'Tanggal', tipe: 'tanggal', wajib: true, kolom: true },
      { kode: 'sumber', label: 'Sumber', tipe: 'pilihan', opsi: SUMBER_ISU, wajib: true, kolom: true },
    ],
  },
  tindak_lanjut: {
    tabel: 'tindak_lanjut',
    judul: 'Tindak lanjut',
    tunggal: 'tindak lanjut',
    nama: 'uraian',
    induk: { field: 'isu_id', entitas: 'isu' },
    fields: [
      { kode: 'isu_id', label: 'Isu', tipe: 'isu', wajib: true, kolom: true },
      { kode: 'uraian', label: 'Tindak lanjut', tipe: 'teks', wajib: true, kolom: true },
      { kode: 'penanggung_jawab', label: 'Penanggung jawab', tipe: 'teks', wajib: true, kolom: true },
      { kode: 'target', label: 'Target selesai', tipe: 'tanggal', kolom: true },
      { kode: 'status', label: 'Status', tipe: 'pilihan', opsi: STATUS_TINDAK_LANJUT, wajib: true, kolom: true },
    ],
  },
  praktik_baik: {
    tabel: 'praktik_baik',
    judul: 'Praktik baik',
    tunggal: 'praktik baik',
    nama: 'judul',
    fields: [
      { kode: 'judul', label: 'Judul', tipe: 'teks', wajib: true, kolom: true },
      { kode: 'tanggal', label: 'Tanggal', tipe: 'tanggal', wajib: true, kolom: true },
      { kode: 'kelompok_id', label: 'Kelompok yang terlibat', tipe: 'kelompok', kolom: true },
      { kode: 'cerita', label: 'Cerita singkat', tipe: 'panjang', wajib: true },
    ],
  },
  pelatihan: {
    tabel: 'pelatihan',
    judul: 'Pelatihan fasilitator',
    tunggal: 'pelatihan',
    nama: 'judul',
    fields: [
      { kode: 'tanggal', label: 'Tanggal', tipe: 'tanggal', wajib: true, kolom: true },
      { kode: 'judul', label: 'Judul pelatihan', tipe: 'teks', wajib: true, kolom: true },
      { kode: 'topik', label: 'Topik', tipe: 'pilihan', opsi: TOPIK_PELATIHAN, wajib: true, kolom: true },
      { kode: 'penyelenggara', label: 'Penyelenggara', tipe: 'pilihan', opsi: PENYELENGGARA_PELATIHAN, wajib: true, kolom: true },
      { kode: 'mou_id', label: 'MoU perguruan tinggi', tipe: 'mou' },
      { kode: 'jam', label: 'Lama (jam pelajaran)', tipe: 'angka', desimal: true, kolom: true },
      { kode: 'tempat', label: 'Tempat', tipe: 'teks' },
      { kode: 'catatan', label: 'Catatan', tipe: 'panjang' },
    ],
  },
  pelatihan_peserta: {
    tabel: 'pelatihan_peserta',
    judul: 'Peserta pelatihan',
    tunggal: 'peserta',
    nama: 'fasilitator_id',
    induk: { field: 'pelatihan_id', entitas: 'pelatihan' },
    fields: [
      { kode: 'pelatihan_id', label: 'Pelatihan', tipe: 'pelatihan', wajib: true, kolom: true },
      { kode: 'fasilitator_id', label: 'Fasilitator', tipe: 'fasilitator', wajib: true, kolom: true },
      { kode: 'nilai_pre', label: 'Nilai pre-test (0–100)', tipe: 'angka', desimal: true, kolom: true },
      { kode: 'nilai_post', label: 'Nilai post-test (0–100)', tipe: 'angka', desimal: true, kolom: true },
      { kode: 'nomor_sertifikat', label: 'Nomor sertifikat', tipe: 'teks', kolom: true },
    ],
  },
};


export type Catatan = Record<string, string | number | null> & { id: string; updated_at: string };

export interface BarisCatatan {
  data: Catatan;
  /** Display names of referenced records and regions, by field. */
  nama: Record<string, string>;
}

// ------------------------------------------------------------------------------------------ purchase agreements

/** An agreement's value per month: volume × unit price, in whole Rupiah (the dictionary's nilai_perjanjian_bulan, per agreement). */
export function nilaiBulanPerjanjian(volume: number, hargaSatuan: number): number {
  return Math.round(volume * hargaSatuan);
}

/** The months of delivery an agreement covers: every calendar month from its start to its end, both counted (nilai_perjanjian_seluruh). */
export function bulanPerjanjian(mulai: string, selesai: string): number {
  const [y1, m1] = mulai.split('-').map(Number) as [number, number];
  const [y2, m2] = selesai.split('-').map(Number) as [number, number];
  return Math.max(1, (y2 - y1) * 12 + (m2 - m1) + 1);
}

/** What an agreement still lacks to be printed as final (not a draft): the names that would be blank lines. */
export function kekuranganPerjanjian(r: { ketua: string | null; wakil_pembeli: string | null; jabatan_wakil: string | null; penandatangan: string }): string[] {
  const kurang: string[] = [];
  if (!r.ketua?.trim()) kurang.push('ketua kelompok (anggota berjabatan Ketua)');
  if (!r.wakil_pembeli?.trim()) kurang.push('nama wakil pembeli');
  if (!r.jabatan_wakil?.trim()) kurang.push('jabatan wakil pembeli');
  if (!r.penandatangan.trim()) kurang.push('nama Kepala atau penanda tangan di Pengaturan');
  return kurang;
}

/**
 * What the officer is told while editing a record, without refusing it: an agreement that starts before it is
 * signed, or one marked aktif whose buyer's representative is not named (it prints as a draft).
 */
export function peringatanCatatan(entitas: EntitasKode, v: Record<string, string | null | undefined>): string[] {
  const hasil: string[] = [];
  if (entitas === 'perjanjian') {
    if (v.mulai && v.tanggal && v.mulai < v.tanggal) hasil.push('Perjanjian berlaku sebelum tanggal penandatanganannya. Periksa tanggalnya; bila memang berlaku surut, tulis alasannya di "Ketentuan lain".');
    if (v.status && v.status !== 'draf' && (!v.wakil_pembeli?.trim() || !v.jabatan_wakil?.trim())) hasil.push('Nama dan jabatan wakil pembeli belum diisi: perjanjian akan dicetak sebagai DRAF dengan titik-titik untuk diisi tangan.');
  }
  return hasil;
}
