// The shapes of the programme's records, as stored and as the API returns them.
// They live here (not in db/) because the renderer needs them and may not import db/.
import { JABATAN, STATUS_FASILITATOR, STATUS_KELOMPOK, type Baris, type BarisSinkron, type JENIS_KELAMIN } from './register';

/** Columns every synced row carries (DESIGN.md, Data), as described in the register. */
export type SyncFields = BarisSinkron;

export { JABATAN, STATUS_FASILITATOR, STATUS_KELOMPOK };
export type StatusFasilitator = (typeof STATUS_FASILITATOR)[number];
export type StatusKelompok = (typeof STATUS_KELOMPOK)[number];
export type Jabatan = (typeof JABATAN)[number];
export type JenisKelamin = (typeof JENIS_KELAMIN)[number];

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

/** Field shapes follow the register (register.ts): a column added there appears here. */
export type FasilitatorFields = Baris<'fasilitator'>;
export type KelompokFields = Baris<'kelompok'>;
export type AnggotaFields = Baris<'anggota'>;

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
  website: string;
  kode_pos: string;
  kepala_nama: string;
  kepala_nip: string;
  kepala_pangkat: string;
  kepala_jabatan: string;
  /** How letters are signed: by the head, or a.n./Plt./Plh. by the signer below (Tata Naskah Dinas). */
  ttd_mode: ModeTandaTangan;
  ttd_nama: string;
  ttd_nip: string;
  ttd_pangkat: string;
  ttd_jabatan: string;
  /** Copies of letters go to these offices, one per line. */
  tembusan: string;
  /** The regional emblem for the letterhead, as a data: URL (PNG or JPEG the office uploaded); '' when none. */
  lambang: string;
}

export const MODE_TANDA_TANGAN = ['langsung', 'a.n.', 'Plt.', 'Plh.'] as const;
export type ModeTandaTangan = (typeof MODE_TANDA_TANGAN)[number];
