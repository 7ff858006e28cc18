// The facilitator's monthly workbook: its machine-readable layout is a stable interface (README "Buku kerja
// fasilitator"), read back by `laporan impor`. Pure: shared by the service, the API contract and the UI.

/** Sheet `Laporan`: row 1 the indicator codes (hidden), row 2 the headers, a kelompok per row from row 3. */
export const LEMBAR_LAPORAN = 'Laporan';
/** Hidden sheet of key/value rows (column A key, column B value). */
export const LEMBAR_INFO = '_info';
export const LEMBAR_PETUNJUK = 'Petunjuk';
export const FORMAT_BUKU_KERJA = 'bermantra-laporan-bulanan';
export const VERSI_FORMAT = 1;
export const BARIS_KODE = 1;
export const BARIS_JUDUL = 2;
export const BARIS_DATA = 3;
/** Column A: kelompok id (hidden); B: the number shown (photos may be named by it); C: kelompok; D: desa. */
export const KOLOM_ID = 1;
export const KOLOM_NOMOR = 2;
export const KOLOM_NAMA = 3;
export const KOLOM_DESA = 4;
export const KOLOM_NILAI_PERTAMA = 5;

/** What `_info` holds; `checksum` is SHA-256 (hex, first 16) of the JSON of the other fields in this order. */
export interface InfoBukuKerja {
  format: string;
  versi_format: number;
  kabupaten_kode: string;
  fasilitator_id: string;
  fasilitator_nama: string;
  periode: string;
  katalog_versi: number;
  /** Indicator codes of the value columns, left to right. */
  kolom: string[];
  /** Kelompok ids of the data rows, top to bottom. */
  kelompok: string[];
  checksum: string;
}

export const KUNCI_INFO = ['format', 'versi_format', 'kabupaten_kode', 'fasilitator_id', 'fasilitator_nama', 'periode', 'katalog_versi', 'kolom', 'kelompok'] as const;

export type NasibBaris = 'baru' | 'diubah' | 'tetap' | 'ditolak';

export interface BarisImporBukuKerja {
  kelompok_id: string;
  kelompok_nama: string;
  /** Row number in the sheet, as the spreadsheet program shows it. */
  baris: number;
  nasib: NasibBaris;
  /** Values that will be written (new report) or that change (existing draft), before → after. */
  nilai: { kode: string; nama: string; sebelum: number | string | null; sesudah: number | string | null }[];
  /** Why the row is refused, or what to look at (a report that stays a draft because a rule is broken). */
  pesan: string[];
  status_akhir: 'draft' | 'diajukan' | 'diverifikasi' | null;
  foto: string[];
}

export interface HasilImporBukuKerja {
  dryRun: boolean;
  berkas: string;
  periode: string;
  fasilitator: { id: string; nama: string };
  katalog_versi: number;
  /** Messages about the whole file (an older catalogue, columns ignored). */
  catatan: string[];
  baris: BarisImporBukuKerja[];
  jumlah: { baru: number; diubah: number; tetap: number; ditolak: number; foto: number };
  /** True when nothing would change (the same file imported again). */
  tanpaPerubahan: boolean;
}

export interface StatusBukuKerja {
  periode: string;
  fasilitator: {
    id: string;
    nama: string;
    no_hp: string | null;
    kelompok: number;
    terisi: number;
    /** Names of the groups without a report this month. */
    kosong: string[];
    /** When a workbook of this month was last imported for this facilitator (ISO), or null. */
    dikembalikan_pada: string | null;
    /** A reminder to copy into WhatsApp (no network needed). */
    pengingat: string;
  }[];
}
