// The register of synced records: every table whose rows a district owns and sends to the province is
// described here once — its columns with their types and limits, its owner, its references to other synced
// tables, how people call it. From this one description come the bundle's columns, the row checks on
// import, the row types (records.ts), and the columns of the partner forms (mitra.ts). A test holds the
// register against PRAGMA table_info of a freshly migrated database, so a column added to a table but not
// here (or the reverse) fails the suite with its table and column named.
//
// Adding a nullable field to a synced table: a migration (ALTER TABLE … ADD COLUMN), one line here, the
// API input schema and the form. The bundle carries it and the province checks it without another change.

import { JUMLAH_MAKS, RUPIAH_MAKS, TAHUN_MAKS, TAHUN_MIN, VOLUME_MAKS } from './batas';
import { ENTITAS, ENTITAS_KODE, type EntitasKode, type FieldSpec } from './mitra';

/** The largest attachment (photo) a bundle may carry, per file. */
export const LAMPIRAN_MAKS_BYTE = 10 * 1024 * 1024;

/** How a column holds its value: text, a whole number, or a decimal number. */
export type TipeKolom = 'teks' | 'bulat' | 'desimal';

/** What a text column holds, where the register can check it (bundle rows from a district, imports). */
export type FormatKolom = 'nik' | 'no_kk' | 'sha256' | 'mime' | 'tanggal' | 'periode' | 'hlc' | 'waktu' | 'json' | 'kecamatan' | 'desa' | 'kabupaten' | 'nip' | 'kode_pos' | 'bulan';

export interface KolomSpec {
  readonly tipe: TipeKolom;
  /** NOT NULL in the table; a bundle row without it is refused. */
  readonly wajib: boolean;
  /** Longest text accepted (characters); JSON counts as text. */
  readonly maks?: number;
  readonly format?: FormatKolom;
  /** Allowed values (enumerations). */
  readonly opsi?: readonly string[];
  /** A reference to a row of another synced table, which must belong to the same owner. */
  readonly ref?: TabelSinkron;
  /** Smallest and largest number accepted (every number column has both: register.test.ts). */
  readonly min?: number;
  readonly max?: number;
  /** A date of something that happened (a birth, a data date): not after tomorrow. */
  readonly lampau?: boolean;
  /** How the form and its messages name the column ("Nama kelompok"). */
  readonly label?: string;
  /** The value a new record takes when the input leaves it out. */
  readonly bawaan?: string | number;
  /** Filled by the service (from another column, the catalogue, the clock), never typed: not in the input schema. */
  readonly turunan?: boolean;
}

export interface RekamanSpec {
  readonly tabel: TabelSinkron;
  /** How people call one record and the list, for summaries and the audit trail ("kelompok", "laporan bulanan"). */
  readonly label: string;
  readonly labelJamak: string;
  /** The columns a district writes, in the order of the bundle's payload table (after the sync columns). */
  readonly kolom: Readonly<Record<string, KolomSpec>>;
  /** Travels to the province in data bundles. Every synced table does today. */
  readonly keProvinsi: boolean;
  /** The UI shows this record's change history (audit.list). */
  readonly riwayat: boolean;
}

type Tambahan = Omit<Partial<KolomSpec>, 'tipe' | 'wajib' | 'maks'>;
const teks = <E extends Tambahan = {}>(maks: number, extra?: E) => ({ ...(extra as E), tipe: 'teks', wajib: true, maks }) as const;
const teksOpsional = <E extends Tambahan = {}>(maks: number, extra?: E) => ({ ...(extra as E), tipe: 'teks', wajib: false, maks }) as const;
// Every number carries its bounds (common/batas.ts): the province refuses a bundle row outside them.
const bulat = <A extends number, B extends number, E extends Tambahan = {}>(min: A, max: B, extra?: E) => ({ ...(extra as E), tipe: 'bulat', wajib: true, min, max }) as const;
const bulatOpsional = <A extends number, B extends number, E extends Tambahan = {}>(min: A, max: B, extra?: E) => ({ ...(extra as E), tipe: 'bulat', wajib: false, min, max }) as const;
const desimal = <A extends number, B extends number, E extends Tambahan = {}>(min: A, max: B, extra?: E) => ({ ...(extra as E), tipe: 'desimal', wajib: true, min, max }) as const;
const desimalOpsional = <A extends number, B extends number, E extends Tambahan = {}>(min: A, max: B, extra?: E) => ({ ...(extra as E), tipe: 'desimal', wajib: false, min, max }) as const;
const rupiah = <E extends Tambahan = {}>(extra?: E) => bulat(0, RUPIAH_MAKS, extra);
const rupiahOpsional = <E extends Tambahan = {}>(extra?: E) => bulatOpsional(0, RUPIAH_MAKS, extra);
const yaTidak = <E extends Tambahan = {}>(extra?: E) => bulat(0, 1, extra);
const yaTidakOpsional = <E extends Tambahan = {}>(extra?: E) => bulatOpsional(0, 1, extra);
const tahun = <E extends Tambahan = {}>(extra?: E) => bulat(TAHUN_MIN, TAHUN_MAKS, extra);
const ref = <T extends TabelSinkron, E extends Tambahan = {}>(tabel: T, extra?: E) => ({ ...(extra as E), tipe: 'teks', wajib: true, maks: 64, ref: tabel }) as const;
const refOpsional = <T extends TabelSinkron, E extends Tambahan = {}>(tabel: T, extra?: E) => ({ ...(extra as E), tipe: 'teks', wajib: false, maks: 64, ref: tabel }) as const;
const pilihan = <O extends readonly string[], E extends Tambahan = {}>(opsi: O, extra?: E) => ({ ...(extra as E), tipe: 'teks', wajib: true, maks: 40, opsi }) as const;
const pilihanOpsional = <O extends readonly string[], E extends Tambahan = {}>(opsi: O, extra?: E) => ({ ...(extra as E), tipe: 'teks', wajib: false, maks: 40, opsi }) as const;
/** Filled by the service, never typed. */
const T = { turunan: true } as const;

/** Columns every synced row carries (see the design note, "Data"): stamped by db/write.ts, never by a caller. */
export const KOLOM_SINKRON = {
  id: { tipe: 'teks', wajib: true, maks: 64 },
  kabupaten_kode: { tipe: 'teks', wajib: true, maks: 5, format: 'kabupaten' },
  created_at: { tipe: 'teks', wajib: true, maks: 40, format: 'hlc' },
  updated_at: { tipe: 'teks', wajib: true, maks: 40, format: 'hlc' },
  deleted_at: { tipe: 'teks', wajib: false, maks: 40, format: 'hlc' },
} as const satisfies Record<string, KolomSpec>;

export const STATUS_FASILITATOR = ['aktif', 'nonaktif'] as const;
export const STATUS_KELOMPOK = ['aktif', 'tidak_aktif'] as const;
export const JABATAN = ['ketua', 'sekretaris', 'bendahara', 'anggota'] as const;
export const JENIS_KELAMIN = ['L', 'P'] as const;
export const STATUS_LAPORAN = ['draft', 'diajukan', 'diverifikasi'] as const;
/** The province's decision on a submitted report (approval up the chain). */
export const KEPUTUSAN_PROVINSI = ['diterima', 'dikembalikan'] as const;
export const STATUS_PROPOSAL = ['draft', 'diajukan', 'disetujui', 'ditolak'] as const;
export const KEPUTUSAN_GEROBAK = ['diusulkan', 'tidak'] as const;
export const SUMBER_TARGET = ['kabupaten', 'provinsi'] as const;
/** How letters are signed: by the head, or a.n./Plt./Plh. by the signer below (Tata Naskah Dinas). */
export const MODE_TANDA_TANGAN = ['langsung', 'a.n.', 'Plt.', 'Plh.'] as const;
/** Photos of a month's activity: only these image types are kept or accepted from a bundle. */
export const MIME_FOTO = ['image/jpeg', 'image/png'] as const;

/**
 * The tables described by hand; the partner records follow from their form specs in mitra.ts. Each typed
 * column carries its label; from this block come the input schemas (common/api/rekaman.ts), the services'
 * write maps (`isianDari`), the extra fields of the forms (renderer's KolomLain) and the test fixtures.
 */
export const KOLOM_INTI = {
  fasilitator: {
    nama: teks(200, { label: 'Nama fasilitator' }),
    nik: teksOpsional(16, { format: 'nik', label: 'NIK' }),
    no_hp: teksOpsional(30, { label: 'Nomor HP' }),
    kecamatan_kode: teksOpsional(8, { format: 'kecamatan', label: 'Kecamatan' }),
    desa_kode: teksOpsional(13, { format: 'desa', label: 'Desa/kelurahan' }),
    status: pilihan(STATUS_FASILITATOR, { label: 'Status', bawaan: 'aktif' }),
  },
  kelompok: {
    nama: teks(200, { label: 'Nama kelompok' }),
    kecamatan_kode: teks(8, { format: 'kecamatan', ...T }),
    desa_kode: teks(13, { format: 'desa', label: 'Desa/kelurahan' }),
    sektor: teks(100, { label: 'Sektor/jenis usaha' }),
    produk_utama: teksOpsional(200, { label: 'Produk utama' }),
    tahun_berdiri: bulatOpsional(TAHUN_MIN, TAHUN_MAKS, { label: 'Tahun berdiri' }),
    status: pilihan(STATUS_KELOMPOK, { label: 'Status kelompok', bawaan: 'aktif' }),
    fasilitator_id: refOpsional('fasilitator', { label: 'Fasilitator pendamping' }),
    catatan: teksOpsional(2000, { label: 'Catatan' }),
    /** 1: the public website may show this kelompok's name; otherwise it is only counted. */
    tampil_publik: yaTidakOpsional({ label: 'Tampilkan di situs web publik' }),
  },
  anggota: {
    kelompok_id: ref('kelompok', { label: 'Kelompok' }),
    nik: teks(16, { format: 'nik', label: 'NIK' }),
    no_kk: teksOpsional(16, { format: 'no_kk', label: 'Nomor KK' }),
    nama: teks(200, { label: 'Nama anggota' }),
    jenis_kelamin: pilihan(JENIS_KELAMIN, { label: 'Jenis kelamin' }),
    tanggal_lahir: teksOpsional(10, { format: 'tanggal', lampau: true, label: 'Tanggal lahir' }),
    alamat: teksOpsional(300, { label: 'Alamat' }),
    desa_kode: teksOpsional(13, { format: 'desa', label: 'Desa/kelurahan' }),
    jabatan: pilihan(JABATAN, { label: 'Jabatan', bawaan: 'anggota' }),
  },
  // A month's report and its photos are built by their services from the catalogue and the file: no typed columns.
  laporan_bulanan: {
    kelompok_id: ref('kelompok', T),
    fasilitator_id: refOpsional('fasilitator', T),
    periode: teks(7, { format: 'periode', ...T }),
    status: pilihan(STATUS_LAPORAN, T),
    katalog_versi: bulat(1, 10_000, T),
    nilai: teks(20_000, { format: 'json', ...T }),
    diajukan_pada: teksOpsional(40, { format: 'waktu', ...T }),
    diverifikasi_pada: teksOpsional(40, { format: 'waktu', ...T }),
    diverifikasi_oleh: teksOpsional(200, T),
    /** Notes confirming flagged values, per indicator (common/mutu.ts). */
    konfirmasi: teksOpsional(20_000, { format: 'json', ...T }),
    /** The province's decision, as the district applied it from an acknowledgement bundle. */
    keputusan_provinsi: pilihanOpsional(KEPUTUSAN_PROVINSI, T),
    alasan_provinsi: teksOpsional(500, T),
    diputuskan_pada: teksOpsional(40, { format: 'waktu', ...T }),
  },
  foto_laporan: {
    laporan_id: ref('laporan_bulanan', T),
    hash: teks(64, { format: 'sha256', ...T }),
    mime: teks(40, { format: 'mime', opsi: MIME_FOTO, ...T }),
    lebar: bulat(1, 20_000, T),
    tinggi: bulat(1, 20_000, T),
    ukuran: bulat(1, LAMPIRAN_MAKS_BYTE, T),
    keterangan: teksOpsional(200, { label: 'Keterangan' }),
  },
  proposal: {
    kelompok_id: ref('kelompok', { label: 'Kelompok pengusul' }),
    judul: teks(200, { label: 'Judul proposal' }),
    status: pilihan(STATUS_PROPOSAL, { bawaan: 'draft', ...T }),
    nilai_disetujui: rupiahOpsional(T),
    nomor_surat: teksOpsional(100, { label: 'Nomor surat' }),
    tempat: teksOpsional(100, { label: 'Tempat' }),
    tanggal: teksOpsional(10, { format: 'tanggal', label: 'Tanggal surat' }),
    lampiran: teksOpsional(100, { label: 'Lampiran' }),
    perihal: teksOpsional(200, { label: 'Perihal' }),
    dinas: teksOpsional(200, { label: 'Dinas terkait' }),
    isi: teks(100_000, { format: 'json', label: 'Isi proposal' }),
    proyeksi: teks(2_000, { format: 'json', label: 'Proyeksi usaha' }),
    kepala_desa: teksOpsional(100, { label: 'Kepala desa' }),
    sertakan_omzet: yaTidak({ label: 'Sertakan omzet', bawaan: 1 }),
    // Electronic signature of the covering letter: waiting, signed (the PDF kept by its hash), the verdict as JSON.
    tte_status: pilihanOpsional(['menunggu', 'ditandatangani', 'tidak_sah'] as const, T),
    tte_hash: teksOpsional(64, { format: 'sha256', ...T }),
    tte_hasil: teksOpsional(50_000, { format: 'json', ...T }),
  },
  rab_item: {
    proposal_id: ref('proposal', T),
    kelompok_belanja: teks(100, { label: 'Kelompok belanja' }),
    urutan: bulat(0, 100_000, T),
    uraian: teks(300, { label: 'Uraian' }),
    volume: desimal(0, VOLUME_MAKS, { label: 'Volume' }),
    satuan: teks(30, { label: 'Satuan' }),
    harga_satuan: rupiah({ label: 'Harga satuan' }),
  },
  gerobak_penilaian: {
    kelompok_id: ref('kelompok', { label: 'Kelompok' }),
    tahun: tahun({ label: 'Tahun' }),
    usaha_keliling: yaTidak({ label: 'Usaha keliling' }),
    keputusan: pilihanOpsional(KEPUTUSAN_GEROBAK, { label: 'Keputusan' }),
    catatan: teksOpsional(500, { label: 'Catatan' }),
  },
  target_indikator: {
    tahun: tahun({ label: 'Tahun' }),
    indikator: teks(60, { label: 'Indikator' }),
    kecamatan_kode: teksOpsional(8, { format: 'kecamatan', label: 'Kecamatan' }),
    nilai: desimal(0, RUPIAH_MAKS, { label: 'Target' }),
    sumber: pilihan(SUMBER_TARGET, T),
    /** The year's target per quarter (common/triwulan.ts); empty: split by default. */
    target_t1: desimalOpsional(0, RUPIAH_MAKS, { label: 'Target Triwulan I' }),
    target_t2: desimalOpsional(0, RUPIAH_MAKS, { label: 'Target Triwulan II' }),
    target_t3: desimalOpsional(0, RUPIAH_MAKS, { label: 'Target Triwulan III' }),
    target_t4: desimalOpsional(0, RUPIAH_MAKS, { label: 'Target Triwulan IV' }),
  },
  /** The district's explanation of one quarter's achievement of one indicator (evaluation table, Permendagri 86/2017). */
  penjelasan_monev: {
    tahun: tahun({ label: 'Tahun' }),
    triwulan: bulat(1, 4, { label: 'Triwulan' }),
    indikator: teks(60, { label: 'Indikator' }),
    kecamatan_kode: teksOpsional(8, { format: 'kecamatan', label: 'Kecamatan' }),
    faktor_pendorong: teksOpsional(2000, { label: 'Faktor pendorong' }),
    faktor_penghambat: teksOpsional(2000, { label: 'Faktor penghambat' }),
    tindak_lanjut: teksOpsional(2000, { label: 'Tindak lanjut / rekomendasi' }),
    penanggung_jawab: teksOpsional(200, { label: 'Penanggung jawab' }),
  },
} as const satisfies Record<string, Record<string, KolomSpec>>;

/** The tables described by hand (not the partner records). */
export type TabelInti = keyof typeof KOLOM_INTI;

/** Tables whose rows travel to the province in bundles, with the sync columns, in the bundle's order. */
export const SYNCED_TABLES = ['fasilitator', 'kelompok', 'anggota', 'laporan_bulanan', 'foto_laporan', 'proposal', 'rab_item', 'offtaker', 'perjanjian', 'gerobak_diterima', 'gerobak_penilaian', 'mou', 'mou_kegiatan', 'isu', 'tindak_lanjut', 'praktik_baik', 'target_indikator', 'penjelasan_monev', 'pelatihan', 'pelatihan_peserta'] as const;
export type TabelSinkron = (typeof SYNCED_TABLES)[number];
export type SyncedTable = TabelSinkron;

/** A partner form field's column: its type, limit and reference follow from the field's kind. */
function kolomDariField(f: FieldSpec): KolomSpec {
  const wajib = !!f.wajib;
  switch (f.tipe) {
    case 'angka':
      return f.desimal ? { tipe: 'desimal', wajib, min: 0, max: VOLUME_MAKS } : { tipe: 'desimal', wajib, min: 0, max: JUMLAH_MAKS };
    case 'rupiah':
      return { tipe: 'bulat', wajib, min: 0, max: RUPIAH_MAKS };
    case 'tahun':
      return { tipe: 'bulat', wajib, min: 2000, max: TAHUN_MAKS };
    case 'ya_tidak':
      return { tipe: 'bulat', wajib, min: 0, max: 1 };
    case 'tanggal':
      return { tipe: 'teks', wajib, maks: 10, format: 'tanggal' };
    case 'kecamatan':
      return { tipe: 'teks', wajib, maks: 8, format: 'kecamatan' };
    case 'desa':
      return { tipe: 'teks', wajib, maks: 13, format: 'desa' };
    case 'kelompok':
    case 'offtaker':
    case 'mou':
    case 'isu':
    case 'pelatihan':
    case 'fasilitator':
      return { tipe: 'teks', wajib, maks: 64, ref: f.tipe };
    case 'pilihan':
      return { tipe: 'teks', wajib, maks: 300, ...(f.opsi ? { opsi: f.opsi } : {}) };
    case 'pilihan_ganda':
      // Several of the choices, comma-separated (checked against the choices where typed and imported).
      return { tipe: 'teks', wajib, maks: 2000 };
    case 'panjang':
      return { tipe: 'teks', wajib, maks: 5000 };
    case 'teks':
      return { tipe: 'teks', wajib, maks: 300 };
  }
}

const LABEL: Record<TabelInti, [string, string]> = {
  fasilitator: ['fasilitator', 'fasilitator'],
  kelompok: ['kelompok', 'kelompok'],
  anggota: ['anggota', 'anggota'],
  laporan_bulanan: ['laporan bulanan', 'laporan bulanan'],
  foto_laporan: ['foto laporan', 'foto laporan'],
  proposal: ['proposal', 'proposal'],
  rab_item: ['baris RAB', 'baris RAB'],
  gerobak_penilaian: ['penilaian gerobak', 'penilaian gerobak'],
  target_indikator: ['target indikator', 'target indikator'],
  penjelasan_monev: ['penjelasan e-monev', 'penjelasan e-monev'],
};

const RIWAYAT = new Set<string>(['fasilitator', 'kelompok', 'anggota', 'laporan_bulanan', 'proposal', ...ENTITAS_KODE]);

function spec(tabel: TabelSinkron): RekamanSpec {
  if (tabel in KOLOM_INTI) {
    const t = tabel as TabelInti;
    return { tabel, label: LABEL[t][0], labelJamak: LABEL[t][1], kolom: KOLOM_INTI[t], keProvinsi: true, riwayat: RIWAYAT.has(tabel) };
  }
  const e = ENTITAS[tabel as EntitasKode];
  return { tabel, label: e.tunggal, labelJamak: e.judul, kolom: Object.fromEntries(e.fields.map((f) => [f.kode, kolomDariField(f)])), keProvinsi: true, riwayat: RIWAYAT.has(tabel) };
}

/** The register: one description per synced table. */
export const REGISTER: Readonly<Record<TabelSinkron, RekamanSpec>> = Object.fromEntries(SYNCED_TABLES.map((t) => [t, spec(t)])) as Record<TabelSinkron, RekamanSpec>;

/**
 * The office's settings the officer types (table pengaturan, one row per key): the letterhead and the signer.
 * The settings API's input, `bacaPengaturan`, the CLI's `pengaturan set` and the Pengaturan type follow it;
 * the settings page lays them out. The app's own keys (mode, kabupaten_kode, lambang, sync state) are not here.
 */
export const PENGATURAN_KANTOR = {
  operator: teks(100, { label: 'Nama operator' }),
  nama_instansi: teksOpsional(200, { label: 'Nama instansi' }),
  alamat_instansi: teksOpsional(300, { label: 'Alamat kantor' }),
  kota_surat: teksOpsional(100, { label: 'Kota pada surat' }),
  telepon: teksOpsional(50, { label: 'Telepon' }),
  email: teksOpsional(100, { label: 'Email' }),
  website: teksOpsional(100, { label: 'Situs web' }),
  kode_pos: teksOpsional(5, { format: 'kode_pos', label: 'Kode pos' }),
  kepala_nama: teksOpsional(100, { label: 'Nama kepala' }),
  kepala_nip: teksOpsional(18, { format: 'nip', label: 'NIP kepala' }),
  kepala_pangkat: teksOpsional(100, { label: 'Pangkat/golongan kepala' }),
  kepala_jabatan: teksOpsional(150, { label: 'Jabatan kepala' }),
  /** How letters are signed: by the head, or a.n./Plt./Plh. by the signer below (Tata Naskah Dinas). */
  ttd_mode: pilihanOpsional(MODE_TANDA_TANGAN, { label: 'Cara tanda tangan' }),
  ttd_nama: teksOpsional(100, { label: 'Nama penanda tangan' }),
  ttd_nip: teksOpsional(18, { format: 'nip', label: 'NIP penanda tangan' }),
  ttd_pangkat: teksOpsional(100, { label: 'Pangkat penanda tangan' }),
  ttd_jabatan: teksOpsional(150, { label: 'Jabatan penanda tangan' }),
  /** Copies of letters go to these offices, one per line. */
  tembusan: teksOpsional(2000, { label: 'Tembusan' }),
  /** Proposals are judged feasible only when they pay back within this many months (empty: 36). */
  batas_pengembalian_bulan: teksOpsional(3, { format: 'bulan', label: 'Batas masa pengembalian proposal (bulan)' }),
} as const satisfies Record<string, KolomSpec>;
export type KunciKantor = keyof typeof PENGATURAN_KANTOR;

/**
 * The audit trail's entries (db/write.ts writes them), which travel with data bundles after the record they
 * describe: not a synced table, but described and checked the same way. The order is the bundle's.
 */
export const KOLOM_AUDIT = {
  id: { tipe: 'teks', wajib: true, maks: 64 },
  kabupaten_kode: { tipe: 'teks', wajib: true, maks: 5, format: 'kabupaten' },
  waktu: { tipe: 'teks', wajib: true, maks: 40, format: 'waktu' },
  operator: { tipe: 'teks', wajib: true, maks: 200 },
  tabel: { tipe: 'teks', wajib: true, maks: 40, opsi: SYNCED_TABLES },
  row_id: { tipe: 'teks', wajib: true, maks: 64 },
  aksi: { tipe: 'teks', wajib: true, maks: 20, opsi: ['buat', 'ubah', 'hapus', 'pulihkan', 'impor'] },
  perubahan: { tipe: 'teks', wajib: true, maks: 250_000, format: 'json' },
  alasan: { tipe: 'teks', wajib: false, maks: 2000 },
} as const satisfies Record<string, KolomSpec>;

/** All columns of a synced table, sync columns first: the bundle payload's column order. */
export function kolomLengkap(tabel: TabelSinkron): Record<string, KolomSpec> {
  return { ...KOLOM_SINKRON, ...REGISTER[tabel].kolom };
}

/** Tables whose history the UI shows (audit.list). */
export const TABEL_RIWAYAT = SYNCED_TABLES.filter((t) => REGISTER[t].riwayat) as [TabelSinkron, ...TabelSinkron[]];

// ------------------------------------------------------------------------------------------ row types

export type Nilai<K> = K extends { opsi: readonly (infer O)[] } ? O : K extends { tipe: 'teks' } ? string : number;
export type Kolom<K> = K extends { wajib: true } ? Nilai<K> : Nilai<K> | null;
/** The row type a register entry describes (without the sync columns). */
export type Baris<T extends TabelInti> = { -readonly [P in keyof (typeof KOLOM_INTI)[T]]: Kolom<(typeof KOLOM_INTI)[T][P]> };
export type BarisSinkron = { -readonly [P in keyof typeof KOLOM_SINKRON]: Kolom<(typeof KOLOM_SINKRON)[P]> };

/** A checkbox (true/false) is stored as 1/0. */
type Disimpan<V> = V extends boolean ? number : V;

/**
 * A core record's write map: the typed columns its input carries, as the register lists them. A column the
 * input leaves out (undefined) stays as it is on an update and starts empty on a new record, so a caller
 * that does not know a newer column never blanks it; an empty field the officer cleared arrives as null.
 */
export function isianDari<T extends TabelInti, I extends object>(tabel: T, input: I): { [K in keyof I as K extends keyof (typeof KOLOM_INTI)[T] ? K : never]: Disimpan<I[K]> } {
  const out: Record<string, unknown> = {};
  for (const [kode, k] of Object.entries(KOLOM_INTI[tabel]) as [string, KolomSpec][]) {
    const v = (input as Record<string, unknown>)[kode];
    if (!k.turunan && v !== undefined) out[kode] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  return out as never;
}

/** The columns a person types: all but the ones the service fills (`turunan`). */
export type KolomMasukan<T extends TabelInti> = { [K in keyof (typeof KOLOM_INTI)[T]]: (typeof KOLOM_INTI)[T][K] extends { turunan: true } ? never : K }[keyof (typeof KOLOM_INTI)[T]] & string;

/** The typed columns of a core record, in the register's order: what its form shows. */
export function kolomMasukan<T extends TabelInti>(tabel: T): KolomMasukan<T>[] {
  return (Object.entries(KOLOM_INTI[tabel]) as [KolomMasukan<T>, KolomSpec][]).filter(([, k]) => !k.turunan).map(([kode]) => kode);
}
