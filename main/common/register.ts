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
export type FormatKolom = 'nik' | 'no_kk' | 'sha256' | 'mime' | 'tanggal' | 'periode' | 'hlc' | 'waktu' | 'json' | 'kecamatan' | 'desa' | 'kabupaten';

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
const bulat = <A extends number, B extends number>(min: A, max: B) => ({ tipe: 'bulat', wajib: true, min, max }) as const;
const bulatOpsional = <A extends number, B extends number>(min: A, max: B) => ({ tipe: 'bulat', wajib: false, min, max }) as const;
const desimal = <A extends number, B extends number>(min: A, max: B) => ({ tipe: 'desimal', wajib: true, min, max }) as const;
const rupiah = bulat(0, RUPIAH_MAKS);
const rupiahOpsional = bulatOpsional(0, RUPIAH_MAKS);
const yaTidak = bulat(0, 1);
const yaTidakOpsional = bulatOpsional(0, 1);
const tahun = bulat(TAHUN_MIN, TAHUN_MAKS);
const ref = <T extends TabelSinkron>(tabel: T) => ({ tipe: 'teks', wajib: true, maks: 64, ref: tabel }) as const;
const refOpsional = <T extends TabelSinkron>(tabel: T) => ({ tipe: 'teks', wajib: false, maks: 64, ref: tabel }) as const;
const pilihan = <O extends readonly string[]>(opsi: O) => ({ tipe: 'teks', wajib: true, maks: 40, opsi }) as const;
const pilihanOpsional = <O extends readonly string[]>(opsi: O) => ({ tipe: 'teks', wajib: false, maks: 40, opsi }) as const;

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
/** Photos of a month's activity: only these image types are kept or accepted from a bundle. */
export const MIME_FOTO = ['image/jpeg', 'image/png'] as const;

/** The tables described by hand; the partner records follow from their form specs in mitra.ts. */
const KOLOM_INTI = {
  fasilitator: {
    nama: teks(200),
    nik: teksOpsional(16, { format: 'nik' }),
    no_hp: teksOpsional(30),
    kecamatan_kode: teksOpsional(8, { format: 'kecamatan' }),
    desa_kode: teksOpsional(13, { format: 'desa' }),
    status: pilihan(STATUS_FASILITATOR),
  },
  kelompok: {
    nama: teks(200),
    kecamatan_kode: teks(8, { format: 'kecamatan' }),
    desa_kode: teks(13, { format: 'desa' }),
    sektor: teks(100),
    produk_utama: teksOpsional(200),
    tahun_berdiri: bulatOpsional(TAHUN_MIN, TAHUN_MAKS),
    status: pilihan(STATUS_KELOMPOK),
    fasilitator_id: refOpsional('fasilitator'),
    catatan: teksOpsional(2000),
    /** 1: the public website may show this kelompok's name; otherwise it is only counted. */
    tampil_publik: yaTidakOpsional,
  },
  anggota: {
    kelompok_id: ref('kelompok'),
    nik: teks(16, { format: 'nik' }),
    no_kk: teksOpsional(16, { format: 'no_kk' }),
    nama: teks(200),
    jenis_kelamin: pilihan(JENIS_KELAMIN),
    tanggal_lahir: teksOpsional(10, { format: 'tanggal', lampau: true }),
    alamat: teksOpsional(300),
    desa_kode: teksOpsional(13, { format: 'desa' }),
    jabatan: pilihan(JABATAN),
  },
  laporan_bulanan: {
    kelompok_id: ref('kelompok'),
    fasilitator_id: refOpsional('fasilitator'),
    periode: teks(7, { format: 'periode' }),
    status: pilihan(STATUS_LAPORAN),
    katalog_versi: bulat(1, 10_000),
    nilai: teks(20_000, { format: 'json' }),
    diajukan_pada: teksOpsional(40, { format: 'waktu' }),
    diverifikasi_pada: teksOpsional(40, { format: 'waktu' }),
    diverifikasi_oleh: teksOpsional(200),
    /** Notes confirming flagged values, per indicator (common/mutu.ts). */
    konfirmasi: teksOpsional(20_000, { format: 'json' }),
    /** The province's decision, as the district applied it from an acknowledgement bundle. */
    keputusan_provinsi: pilihanOpsional(KEPUTUSAN_PROVINSI),
    alasan_provinsi: teksOpsional(500),
    diputuskan_pada: teksOpsional(40, { format: 'waktu' }),
  },
  foto_laporan: {
    laporan_id: ref('laporan_bulanan'),
    hash: teks(64, { format: 'sha256' }),
    mime: teks(40, { format: 'mime', opsi: MIME_FOTO }),
    lebar: bulat(1, 20_000),
    tinggi: bulat(1, 20_000),
    ukuran: bulat(1, LAMPIRAN_MAKS_BYTE),
    keterangan: teksOpsional(200),
  },
  proposal: {
    kelompok_id: ref('kelompok'),
    judul: teks(200),
    status: pilihan(STATUS_PROPOSAL),
    nilai_disetujui: rupiahOpsional,
    nomor_surat: teksOpsional(100),
    tempat: teksOpsional(100),
    tanggal: teksOpsional(10, { format: 'tanggal' }),
    lampiran: teksOpsional(100),
    perihal: teksOpsional(200),
    dinas: teksOpsional(200),
    isi: teks(100_000, { format: 'json' }),
    proyeksi: teks(2_000, { format: 'json' }),
    kepala_desa: teksOpsional(100),
    sertakan_omzet: yaTidak,
  },
  rab_item: {
    proposal_id: ref('proposal'),
    kelompok_belanja: teks(100),
    urutan: bulat(0, 100_000),
    uraian: teks(300),
    volume: desimal(0, VOLUME_MAKS),
    satuan: teks(30),
    harga_satuan: rupiah,
  },
  gerobak_penilaian: {
    kelompok_id: ref('kelompok'),
    tahun,
    usaha_keliling: yaTidak,
    keputusan: pilihanOpsional(KEPUTUSAN_GEROBAK),
    catatan: teksOpsional(500),
  },
  target_indikator: {
    tahun,
    indikator: teks(60),
    kecamatan_kode: teksOpsional(8, { format: 'kecamatan' }),
    nilai: desimal(0, RUPIAH_MAKS),
    sumber: pilihan(SUMBER_TARGET),
  },
} as const satisfies Record<string, Record<string, KolomSpec>>;

type TabelInti = keyof typeof KOLOM_INTI;

/** Tables whose rows travel to the province in bundles, with the sync columns, in the bundle's order. */
export const SYNCED_TABLES = ['fasilitator', 'kelompok', 'anggota', 'laporan_bulanan', 'foto_laporan', 'proposal', 'rab_item', 'offtaker', 'perjanjian', 'gerobak_diterima', 'gerobak_penilaian', 'mou', 'mou_kegiatan', 'isu', 'tindak_lanjut', 'praktik_baik', 'target_indikator'] as const;
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
      return { tipe: 'teks', wajib, maks: 64, ref: f.tipe };
    case 'pilihan':
      return { tipe: 'teks', wajib, maks: 300, ...(f.opsi ? { opsi: f.opsi } : {}) };
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

/** All columns of a synced table, sync columns first: the bundle payload's column order. */
export function kolomLengkap(tabel: TabelSinkron): Record<string, KolomSpec> {
  return { ...KOLOM_SINKRON, ...REGISTER[tabel].kolom };
}

/** Tables whose history the UI shows (audit.list). */
export const TABEL_RIWAYAT = SYNCED_TABLES.filter((t) => REGISTER[t].riwayat) as [TabelSinkron, ...TabelSinkron[]];

// ------------------------------------------------------------------------------------------ row types

type Nilai<K> = K extends { opsi: readonly (infer O)[] } ? O : K extends { tipe: 'teks' } ? string : number;
type Kolom<K> = K extends { wajib: true } ? Nilai<K> : Nilai<K> | null;
/** The row type a register entry describes (without the sync columns). */
export type Baris<T extends TabelInti> = { -readonly [P in keyof (typeof KOLOM_INTI)[T]]: Kolom<(typeof KOLOM_INTI)[T][P]> };
export type BarisSinkron = { -readonly [P in keyof typeof KOLOM_SINKRON]: Kolom<(typeof KOLOM_SINKRON)[P]> };
