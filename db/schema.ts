import type { Generated } from 'kysely';
import type { StatusLaporan } from '../main/common/laporan';
import type { AnggotaFields, FasilitatorFields, KelompokFields, SyncFields } from '../main/common/records';

// The single source of the table types. Record field shapes come from main/common/records.ts
// so that the renderer can see them without importing db/.

export type FasilitatorTable = SyncFields & FasilitatorFields;
export type KelompokTable = SyncFields & KelompokFields;
export type AnggotaTable = SyncFields & AnggotaFields;

export interface LaporanBulananTable extends SyncFields {
  kelompok_id: string;
  fasilitator_id: string | null;
  /** YYYY-MM */
  periode: string;
  status: StatusLaporan;
  katalog_versi: number;
  /** JSON: indicator code → value (typed indicators only; derived ones are computed). */
  nilai: string;
  diajukan_pada: string | null;
  diverifikasi_pada: string | null;
  diverifikasi_oleh: string | null;
}

export interface FotoLaporanTable extends SyncFields {
  laporan_id: string;
  /** SHA-256 of the file in the lampiran/ folder beside the database. */
  hash: string;
  mime: string;
  lebar: number;
  tinggi: number;
  ukuran: number;
  keterangan: string | null;
}

export interface KatalogIndikatorTable {
  versi: number;
  nama: string;
  regulasi: string;
  berlaku_mulai: string;
  /** JSON of Katalog */
  isi: string;
  diterapkan_pada: string;
}

export interface ProposalTable extends SyncFields {
  kelompok_id: string;
  judul: string;
  status: 'draft' | 'diajukan' | 'disetujui' | 'ditolak';
  nilai_disetujui: number | null;
  nomor_surat: string | null;
  tempat: string | null;
  tanggal: string | null;
  lampiran: string | null;
  perihal: string | null;
  dinas: string | null;
  /** JSON of IsiProposal */
  isi: string;
  /** JSON of Proyeksi */
  proyeksi: string;
  kepala_desa: string | null;
  sertakan_omzet: number;
}

export interface RabItemTable extends SyncFields {
  proposal_id: string;
  kelompok_belanja: string;
  urutan: number;
  uraian: string;
  volume: number;
  satuan: string;
  harga_satuan: number;
}

export interface KunciTable {
  jenis: 'tanda_tangan' | 'penerimaan';
  /** base64 raw 32-byte public key */
  publik: string;
  /** base64 PKCS#8 DER, wrapped by `pelindung` */
  privat: string;
  pelindung: string;
  dibuat_pada: string;
}

export interface MitraTable {
  kode: string;
  peran: 'kabupaten' | 'provinsi';
  nama: string;
  kunci_tanda_tangan: string;
  kunci_penerimaan: string | null;
  sidik_jari: string;
  didaftarkan_pada: string;
}

export interface BundleKeluarTable {
  seq: number;
  jenis: string;
  penuh: number;
  dari_cl: number;
  sampai_cl: number;
  audit_sampai: string | null;
  ukuran: number;
  nama_berkas: string;
  dibuat_pada: string;
}

export interface LampiranTerkirimTable {
  hash: string;
  bundle_seq: number;
}

export interface BundleMasukTable {
  id: Generated<number>;
  pengirim: string;
  jenis: string;
  seq: number;
  penuh: number;
  dari_cl: number;
  sampai_cl: number;
  audit_sampai: string | null;
  dibuat_pada: string;
  diterima_pada: string;
  sha256: string;
  ringkasan: string;
}

export interface DtsenSnapshotTable {
  id: string;
  sumber: 'DTKS' | 'DTSEN';
  tanggal_data: string;
  nama_berkas: string;
  sha256: string;
  jumlah_baris: number;
  jumlah_ditolak: number;
  diimpor_pada: string;
  operator: string;
  /** Names the snapshot's own table, dtsen_ekstrak_<nomor>. */
  nomor: number;
}

export interface DtsenHasilTable {
  anggota_id: string;
  snapshot_id: string;
  status: string;
  desil: number | null;
  skor: number | null;
  nama_dtsen: string | null;
  ganda: number;
  dikonfirmasi: number | null;
  diperbarui_pada: string;
}

/** Records described by main/common/mitra.ts: columns follow its field specs. */
export type CatatanTable = SyncFields & Record<string, string | number | null>;

export interface GerobakPenilaianTable extends SyncFields {
  kelompok_id: string;
  tahun: number;
  usaha_keliling: number;
  keputusan: 'diusulkan' | 'tidak' | null;
  catatan: string | null;
}

export interface TargetIndikatorTable extends SyncFields {
  tahun: number;
  indikator: string;
  kecamatan_kode: string | null;
  nilai: number;
  sumber: 'kabupaten' | 'provinsi';
}

/** One row per write to a synced table; a bundle is "the changes since seq N". */
export interface ChangeLogTable {
  seq: number;
  tabel: string;
  row_id: string;
  hlc: string;
  op: 'upsert' | 'delete';
}

export interface AuditTable {
  id: string;
  kabupaten_kode: string;
  waktu: string;
  operator: string;
  tabel: string;
  row_id: string;
  aksi: string;
  /** JSON: field → [before, after] */
  perubahan: string;
  alasan: string | null;
}

/** Local key/value settings of this installation (not synced). */
export interface PengaturanTable {
  kunci: string;
  nilai: string;
}

export interface MigrasiTable {
  versi: number;
  nama: string;
  diterapkan_pada: string;
}

export interface Schema {
  fasilitator: FasilitatorTable;
  kelompok: KelompokTable;
  anggota: AnggotaTable;
  change_log: ChangeLogTable;
  audit: AuditTable;
  laporan_bulanan: LaporanBulananTable;
  foto_laporan: FotoLaporanTable;
  katalog_indikator: KatalogIndikatorTable;
  proposal: ProposalTable;
  rab_item: RabItemTable;
  kunci: KunciTable;
  mitra: MitraTable;
  bundle_keluar: BundleKeluarTable;
  lampiran_terkirim: LampiranTerkirimTable;
  bundle_masuk: BundleMasukTable;
  dtsen_snapshot: DtsenSnapshotTable;
  dtsen_hasil: DtsenHasilTable;
  offtaker: CatatanTable;
  perjanjian: CatatanTable;
  gerobak_diterima: CatatanTable;
  gerobak_penilaian: GerobakPenilaianTable;
  mou: CatatanTable;
  mou_kegiatan: CatatanTable;
  isu: CatatanTable;
  tindak_lanjut: CatatanTable;
  praktik_baik: CatatanTable;
  target_indikator: TargetIndikatorTable;
  pengaturan: PengaturanTable;
  migrasi: MigrasiTable;
}

/** Tables whose rows travel to the province in bundles, with the sync columns. */
export const SYNCED_TABLES = ['fasilitator', 'kelompok', 'anggota', 'laporan_bulanan', 'foto_laporan', 'proposal', 'rab_item', 'offtaker', 'perjanjian', 'gerobak_diterima', 'gerobak_penilaian', 'mou', 'mou_kegiatan', 'isu', 'tindak_lanjut', 'praktik_baik', 'target_indikator'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];
