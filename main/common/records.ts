// The shapes of the programme's records, as stored and as the API returns them.
// They live here (not in db/) because the renderer needs them and may not import db/.
import { JABATAN, MODE_TANDA_TANGAN, STATUS_FASILITATOR, STATUS_KELOMPOK, type Baris, type BarisSinkron, type JENIS_KELAMIN, type KunciKantor } from './register';

/** Columns every synced row carries (DESIGN.md, Data), as described in the register. */
export type SyncFields = BarisSinkron;

export { JABATAN, MODE_TANDA_TANGAN, STATUS_FASILITATOR, STATUS_KELOMPOK };
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

/**
 * The office's settings as the app reads them: the typed keys of the register (PENGATURAN_KANTOR) as text,
 * the installation's identity, and the letterhead's emblem as a data: URL (PNG or JPEG; '' when none).
 */
export type Pengaturan = { [K in Exclude<KunciKantor, 'ttd_mode'>]: string } & {
  mode: Mode | null;
  kabupaten_kode: string | null;
  kabupaten_nama: string | null;
  ttd_mode: ModeTandaTangan;
  lambang: string;
};

export type ModeTandaTangan = (typeof MODE_TANDA_TANGAN)[number];
