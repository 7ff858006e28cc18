// The shapes of the programme's records, as stored and as the API returns them.
// They live here (not in db/) because the renderer needs them and may not import db/.

/** Columns every synced row carries (DESIGN.md, Data). */
export interface SyncFields {
  /** UUIDv7 */
  id: string;
  /** Owner installation, e.g. "35.07". */
  kabupaten_kode: string;
  /** Hybrid logical clock string, sortable. */
  created_at: string;
  updated_at: string;
  /** Tombstone: set instead of deleting the row. */
  deleted_at: string | null;
}

export const STATUS_FASILITATOR = ['aktif', 'nonaktif'] as const;
export type StatusFasilitator = (typeof STATUS_FASILITATOR)[number];

export interface FasilitatorFields {
  nama: string;
  nik: string | null;
  no_hp: string | null;
  kecamatan_kode: string | null;
  desa_kode: string | null;
  status: StatusFasilitator;
}

export const STATUS_KELOMPOK = ['aktif', 'tidak_aktif'] as const;
export type StatusKelompok = (typeof STATUS_KELOMPOK)[number];

export const SEKTOR_USAHA = [
  'Kuliner dan olahan pangan',
  'Perdagangan (toko, warung, dagang keliling)',
  'Pertanian',
  'Peternakan',
  'Perikanan',
  'Kerajinan',
  'Konveksi dan jahit',
  'Jasa',
  'Lainnya',
] as const;

export interface KelompokFields {
  nama: string;
  kecamatan_kode: string;
  desa_kode: string;
  sektor: string;
  produk_utama: string | null;
  tahun_berdiri: number | null;
  status: StatusKelompok;
  fasilitator_id: string | null;
  catatan: string | null;
}

export const JABATAN = ['ketua', 'sekretaris', 'bendahara', 'anggota'] as const;
export type Jabatan = (typeof JABATAN)[number];
export type JenisKelamin = 'L' | 'P';

export interface AnggotaFields {
  kelompok_id: string;
  nik: string;
  no_kk: string | null;
  nama: string;
  jenis_kelamin: JenisKelamin;
  tanggal_lahir: string | null;
  alamat: string | null;
  desa_kode: string | null;
  jabatan: Jabatan;
}

export type Fasilitator = SyncFields & FasilitatorFields;
export type Kelompok = SyncFields & KelompokFields;
export type Anggota = SyncFields & AnggotaFields;

/** What the audit trail keeps for one write. */
export interface AuditEntry {
  id: string;
  waktu: string;
  operator: string;
  tabel: string;
  row_id: string;
  aksi: 'buat' | 'ubah' | 'hapus' | 'pulihkan' | 'impor';
  /** field → [before, after] */
  perubahan: Record<string, [unknown, unknown]>;
  alasan: string | null;
}

export type Mode = 'kabupaten' | 'provinsi';

export interface Pengaturan {
  mode: Mode | null;
  kabupaten_kode: string | null;
  kabupaten_nama: string | null;
  operator: string;
  nama_instansi: string;
  alamat_instansi: string;
  kota_surat: string;
  telepon: string;
  email: string;
  kepala_nama: string;
  kepala_nip: string;
  kepala_jabatan: string;
}
