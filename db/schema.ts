import type { Generated } from 'kysely';
import type { AnggotaFields, FasilitatorFields, KelompokFields, SyncFields } from '../main/common/records';
import type { Baris } from '../main/common/register';
import type { SuratKeluar } from '../main/common/api/aplikasi';

// The single source of the table types. Synced tables take their columns from the record register
// (main/common/register.ts), which the renderer may see without importing db/.

export type FasilitatorTable = SyncFields & FasilitatorFields;
export type KelompokTable = SyncFields & KelompokFields;
export type AnggotaTable = SyncFields & AnggotaFields;

export type LaporanBulananTable = SyncFields & Baris<'laporan_bulanan'>;

export type FotoLaporanTable = SyncFields & Baris<'foto_laporan'>;

export interface KatalogIndikatorTable {
  versi: number;
  nama: string;
  regulasi: string;
  berlaku_mulai: string;
  /** JSON of Katalog */
  isi: string;
  diterapkan_pada: string;
}

export type ProposalTable = SyncFields & Baris<'proposal'>;

export type RabItemTable = SyncFields & Baris<'rab_item'>;

export interface KunciTable {
  jenis: 'tanda_tangan' | 'penerimaan';
  /** base64 raw 32-byte public key */
  publik: string;
  /** base64 PKCS#8 DER, wrapped by `pelindung` */
  privat: string;
  pelindung: string;
  dibuat_pada: string;
}

export interface PihakSinkronTable {
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
  /** Who imported it (migration 23): the settings' operator on a file, the officer's login on the server. */
  diimpor_oleh: string | null;
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

export type GerobakPenilaianTable = SyncFields & Baris<'gerobak_penilaian'>;

export type TargetIndikatorTable = SyncFields & Baris<'target_indikator'>;
export type PenjelasanMonevTable = SyncFields & Baris<'penjelasan_monev'>;

/** One row per write to a synced table; a bundle is "the changes since seq N". */
export interface ChangeLogTable {
  seq: number;
  tabel: string;
  row_id: string;
  hlc: string;
  op: 'upsert' | 'delete';
}

/** Province: every decision it took on a district's report, with the version of the report it was taken on. */
export interface KeputusanLaporanTable {
  id: Generated<number>;
  laporan_id: string;
  kabupaten_kode: string;
  periode: string;
  keputusan: 'diterima' | 'dikembalikan';
  alasan: string | null;
  versi: string;
  operator: string;
  waktu: string;
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

/** The register of outgoing letters (local, not synced): one row per printed letter with a typed number. */
export type SuratKeluarTable = { id: string } & SuratKeluar;

/** The log of research extracts (local, not synced). */
export interface RisetEkstrakTable {
  id: string;
  mou_id: string;
  waktu: string;
  operator: string;
  /** The variables written, comma-separated. */
  variabel: string;
  baris: number;
  /** SHA-256 of the extract's manifest. */
  hash: string;
}

/** The trust store of electronic-signature roots (local; the province's arrive in the reference bundle). */
export interface TteAkarTable {
  sidik_jari: string;
  pem: string;
  nama: string;
  penerbit: string;
  berlaku_sampai: string;
  sumber: 'kantor' | 'provinsi';
  ditambahkan_pada: string;
}

/** This office's verification of a signed PDF, by the PDF's SHA-256. */
export interface TtePeriksaTable {
  hash: string;
  hasil: string;
  diperiksa_pada: string;
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
  pihak_sinkron: PihakSinkronTable;
  bundle_keluar: BundleKeluarTable;
  lampiran_terkirim: LampiranTerkirimTable;
  bundle_masuk: BundleMasukTable;
  keputusan_laporan: KeputusanLaporanTable;
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
  pelatihan: CatatanTable;
  pelatihan_peserta: CatatanTable;
  target_indikator: TargetIndikatorTable;
  penjelasan_monev: PenjelasanMonevTable;
  pengaturan: PengaturanTable;
  surat_keluar: SuratKeluarTable;
  riset_ekstrak: RisetEkstrakTable;
  tte_akar: TteAkarTable;
  tte_periksa: TtePeriksaTable;
  migrasi: MigrasiTable;
}

/** Tables whose rows travel to the province in bundles: described in the record register. */
export { SYNCED_TABLES, type SyncedTable } from '../main/common/register';
