import { formatMb } from '../../common/format';
import { KOLOM_AUDIT, kolomLengkap, REGISTER, SYNCED_TABLES, type KolomSpec, type SyncedTable } from '../../common/register';
import { ANGGOTA_KELOMPOK_MAKS, besok, PERIODE_AWAL, periodeTerakhir, TANGGAL_MAKS, TANGGAL_MIN } from '../../common/batas';
import { TEKS_INDIKATOR_MAKS } from '../../common/laporan';
import { periksaNik } from '../wilayah';
import { adaWilayah } from '../wilayah';
import type { Db } from '../../../db/connection';

// What a district may write, from the record register: every row of a payload table is held against its
// columns' limits, formats and references before anything is applied. SQL does the work (one pass per
// table, in C); only NIKs go through the same check as the UI, in JavaScript.

/** How far ahead of the receiver's clock a sender's timestamps may run (clocks of office PCs drift). */
export const SELISIH_JAM_MAKS_MS = 24 * 60 * 60 * 1000;

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const DIGIT = (n: number) => '[0-9]'.repeat(n);

/** GLOB patterns a text column's format must match (SQLite GLOB: whole string, case-sensitive). */
const POLA: Partial<Record<NonNullable<KolomSpec['format']>, string>> = {
  sha256: '[0-9a-f]'.repeat(64),
  tanggal: `${DIGIT(4)}-[01][0-9]-[0-3][0-9]`,
  periode: `${DIGIT(4)}-[01][0-9]`,
  kabupaten: `${DIGIT(2)}.${DIGIT(2)}`,
  kecamatan: `${DIGIT(2)}.${DIGIT(2)}.${DIGIT(2)}`,
  desa: `${DIGIT(2)}.${DIGIT(2)}.${DIGIT(2)}.${DIGIT(4)}`,
  no_kk: DIGIT(16),
  nik: DIGIT(16),
};

/** The conditions (SQL) under which a value of column c breaks its spec, each with the rule said in Indonesian. */
function aturanKolom(c: string, k: KolomSpec, now: Date): [string, string][] {
  const r: [string, string][] = [];
  const batasWaktu = new Date(now.getTime() + SELISIH_JAM_MAKS_MS).toISOString();
  if (k.tipe === 'teks' && k.maks) r.push([`length(${c}) > ${k.maks}`, `${c}: lebih dari ${k.maks} huruf`]);
  if (k.opsi) r.push([`${c} NOT IN (${k.opsi.map(q).join(', ')})`, `${c}: nilai tidak dikenal`]);
  const pola = k.format ? POLA[k.format] : undefined;
  if (pola) r.push([`${c} NOT GLOB ${q(pola)}`, `${c}: bentuk tidak sah`]);
  if (k.format === 'json') r.push([`NOT json_valid(${c})`, `${c}: bukan JSON yang sah`]);
  if (k.format === 'hlc' || k.format === 'waktu') r.push([`${c} > ${q(batasWaktu)}`, `${c}: waktu di masa depan`]);
  // A real calendar date inside the window (no month 19, no 30 February, no year 9999); a past event not after tomorrow.
  if (k.format === 'tanggal') r.push([`date(${c}) IS NOT ${c} OR ${c} < ${q(TANGGAL_MIN)} OR ${c} > ${q(TANGGAL_MAKS)}`, `${c}: bukan tanggal yang sah`]);
  if (k.format === 'tanggal' && k.lampau) r.push([`${c} > ${q(besok(now))}`, `${c}: tanggal di masa depan`]);
  // A real month of the programme: from its first month to the month after the receiver's current one.
  if (k.format === 'periode') r.push([`substr(${c}, 6, 2) NOT BETWEEN '01' AND '12' OR ${c} < ${q(PERIODE_AWAL)} OR ${c} > ${q(periodeTerakhir(now))}`, `${c}: bulan di luar masa program`]);
  // Region codes of the sender's own district (that they exist is checked against the Kemendagri list below).
  if (k.format === 'kecamatan' || k.format === 'desa') r.push([`substr(${c}, 1, 5) IS NOT kabupaten_kode`, `${c}: wilayah di luar kabupaten/kota pengirim`]);
  // NaN arrives as NULL (SQLite), ±Infinity as a REAL beyond any bound.
  if (k.min !== undefined) r.push([`${c} < ${k.min}`, `${c}: kurang dari ${k.min}`]);
  if (k.max !== undefined) r.push([`${c} > ${k.max}`, `${c}: lebih dari ${k.max}`]);
  return r;
}

/** An indicator code and the bounds of its values, from the receiver's catalogues. */
export type BatasNilai = Map<string, { teks: true } | { teks: false; min: number; max: number }>;

const PESAN_NILAI = {
  json: 'nilai: bukan JSON yang sah',
  objek: 'nilai: bukan daftar nilai indikator',
  dikenal: 'nilai: memuat indikator yang tidak dikenal',
  angka: 'nilai: angka indikator tidak sah (bukan angka, negatif, tak hingga atau di atas batasnya)',
} as const;

/**
 * What is wrong with a report's `nilai` (null when nothing): an object of known indicators, each value of its type
 * within its bounds; an unknown indicator is named before a wrong value. Parsed once, in JavaScript: SQLite's JSON
 * functions parse the text again for each test (json_valid, json_type, json_each), four times the work here.
 */
function salahNilai(teks: string, batas: BatasNilai): string | null {
  let isi: unknown;
  try {
    isi = JSON.parse(teks);
  } catch {
    return PESAN_NILAI.json;
  }
  if (typeof isi !== 'object' || isi === null || Array.isArray(isi)) return PESAN_NILAI.objek;
  let angkaSalah = false;
  for (const kode in isi) {
    const b = batas.get(kode);
    const v = (isi as Record<string, unknown>)[kode];
    if (!b) return PESAN_NILAI.dikenal;
    if (v === null) continue;
    // Text is counted in characters, as SQLite's length() and the form count it; ±Infinity (1e999) is beyond any bound.
    if (b.teks ? typeof v !== 'string' || (v.length > TEKS_INDIKATOR_MAKS && [...v].length > TEKS_INDIKATOR_MAKS) : typeof v !== 'number' || !(v >= b.min && v <= b.max)) angkaSalah = true;
  }
  return angkaSalah ? PESAN_NILAI.angka : null;
}

/** The first report of the payload before row `sebelum` whose `nilai` breaks `salahNilai`. */
function nilaiPertamaSalah(db: Db, batas: BatasNilai, sebelum: number): { baris: number; salah: string } | undefined {
  const baris = db.sqlite.prepare('SELECT rowid, nilai FROM muatan.laporan_bulanan WHERE rowid < ? ORDER BY rowid').raw().iterate(sebelum) as IterableIterator<[number, string]>;
  for (const [rowid, teks] of baris) {
    const salah = salahNilai(teks, batas);
    if (salah) {
      baris.return?.();
      return { baris: rowid, salah };
    }
  }
  return undefined;
}

/** A condition (SQL) under which a row breaks a rule, and the rule said in Indonesian. */
type Kasus = [kondisi: string, pesan: string];

/** The cases (SQL) naming the first rule a row of synced table t breaks. */
function kasusTabel(t: SyncedTable, cols: string[], now: Date): Kasus[] {
  const kolom = Object.fromEntries(Object.entries(kolomLengkap(t)).filter(([c]) => cols.includes(c)));
  // A report's values are read in JavaScript (nilaiPertamaSalah), whole JSON included; their length stays here.
  if (t === 'laporan_bulanan' && kolom.nilai) kolom.nilai = { ...kolom.nilai, format: undefined };
  return sqlKasus(kolom, now);
}

function sqlKasus(kolom: Record<string, KolomSpec>, now: Date): Kasus[] {
  return Object.entries(kolom).flatMap(([c, k]) => aturanKolom(c, k, now).map(([kondisi, pesan]): Kasus => [`${c} IS NOT NULL AND (${kondisi})`, pesan]));
}

/**
 * The first row breaking any case, and the first case it breaks: one pass over the table tests the cases joined by
 * OR (SQLite stops at the first that holds), and only the row found is asked which rule it was.
 */
function pertamaSalah(db: Db, tabel: string, kasus: Kasus[]): { baris: number; salah: string } | undefined {
  if (!kasus.length) return undefined;
  const baris = db.sqlite.prepare(`SELECT rowid FROM muatan.${tabel} WHERE ${kasus.map(([k]) => `(${k})`).join(' OR ')} LIMIT 1`).pluck().get() as number | undefined;
  if (baris === undefined) return undefined;
  const salah = kasus.map(([k, pesan]) => `WHEN ${k} THEN ${q(pesan)}`).join(' ');
  return { baris, salah: db.sqlite.prepare(`SELECT CASE ${salah} END FROM muatan.${tabel} WHERE rowid = ?`).pluck().get(baris) as string };
}

export interface BarisDitolak {
  tabel: SyncedTable | 'audit' | 'dtsen_ringkasan';
  baris: number;
  aturan: string;
}

/**
 * The first row of the attached payload ("muatan") that breaks what its sender may write: a column's limit or
 * format, a NIK the UI would refuse, or a reference to a row that belongs to another district.
 */
export function cariBarisDitolak(db: Db, ada: Map<string, string[]>, owner: string, batas: BatasNilai, now = new Date()): BarisDitolak | null {
  for (const t of SYNCED_TABLES) {
    const cols = ada.get(t);
    if (!cols) continue;
    let bad = pertamaSalah(db, t, kasusTabel(t, cols, now));
    if (t === 'laporan_bulanan' && cols.includes('nilai')) bad = nilaiPertamaSalah(db, batas, bad?.baris ?? Number.MAX_SAFE_INTEGER) ?? bad;
    if (bad) return { tabel: t, baris: bad.baris, aturan: bad.salah };
    for (const [c, k] of Object.entries(REGISTER[t].kolom).filter(([c]) => cols.includes(c))) {
      if (k.format === 'kecamatan' || k.format === 'desa') {
        // Codes the Kemendagri list does not hold (99.99.99) are refused: the province's maps and tables name regions by them.
        for (const row of db.sqlite.prepare(`SELECT min(rowid) AS baris, ${c} AS kode FROM muatan.${t} WHERE ${c} IS NOT NULL GROUP BY ${c}`).iterate() as Iterable<{ baris: number; kode: string }>) {
          if (!adaWilayah(row.kode)) return { tabel: t, baris: row.baris, aturan: `${c}: kode wilayah ${row.kode} tidak ada di daftar Kemendagri` };
        }
      }
      if (k.format === 'nik') {
        for (const row of db.sqlite.prepare(`SELECT rowid AS baris, ${c} AS nik FROM muatan.${t} WHERE ${c} IS NOT NULL`).iterate() as Iterable<{ baris: number; nik: string }>) {
          const info = periksaNik(row.nik);
          if (!info.valid) return { tabel: t, baris: row.baris, aturan: `${c}: ${info.errors[0] ?? 'NIK tidak sah'}` };
        }
      }
      if (k.ref) {
        // A reference to a row the province already holds for another district (in the payload, the owner CHECK holds).
        // Each referenced id is looked up once (a report's group is referenced by every month of it), the payload first.
        const diMuatan = ada.has(k.ref) ? ` AND NOT EXISTS (SELECT 1 FROM muatan.${k.ref} m WHERE m.id = d.v)` : '';
        const asing = db.sqlite
          .prepare(`SELECT d.v FROM (SELECT DISTINCT ${c} AS v FROM muatan.${t} WHERE ${c} IS NOT NULL) d CROSS JOIN main.${k.ref} r ON r.id = d.v WHERE r.kabupaten_kode <> ?${diMuatan} LIMIT 1`)
          .pluck()
          .get(owner) as string | undefined;
        if (asing !== undefined) {
          const baris = db.sqlite.prepare(`SELECT min(rowid) FROM muatan.${t} WHERE ${c} = ?`).pluck().get(asing) as number;
          return { tabel: t, baris, aturan: `${c}: merujuk ${REGISTER[k.ref].label} milik kabupaten/kota lain` };
        }
      }
    }
  }
  if (ada.has('dtsen_ringkasan')) {
    const bad = pertamaSalah(db, 'dtsen_ringkasan', [...sqlKasus(KOLOM_DTSEN, now), ...KASUS_DTSEN]);
    if (bad) return { tabel: 'dtsen_ringkasan', baris: bad.baris, aturan: bad.salah };
  }
  if (!ada.has('audit')) return null;
  const audit = pertamaSalah(db, 'audit', sqlKasus(KOLOM_AUDIT, now));
  if (audit) return { tabel: 'audit', baris: audit.baris, aturan: audit.salah };
  // Quotas: a bundle cannot fill the province's disk with history.
  const total = db.sqlite.prepare('SELECT coalesce(sum(length(perubahan) + coalesce(length(alasan), 0)), 0) AS b FROM muatan.audit').get() as { b: number };
  if (total.b > KUOTA_AUDIT.byteBundel) return { tabel: 'audit', baris: 0, aturan: `riwayat perubahan ${formatMb(total.b)} melebihi batas ${formatMb(KUOTA_AUDIT.byteBundel)} per bundel` };
  const rekaman = db.sqlite
    .prepare('SELECT min(rowid) AS baris, count(*) AS n, sum(length(perubahan) + coalesce(length(alasan), 0)) AS b FROM muatan.audit GROUP BY tabel, row_id HAVING n > ? OR b > ? LIMIT 1')
    .get(KUOTA_AUDIT.entriRekaman, KUOTA_AUDIT.byteRekaman) as { baris: number; n: number; b: number } | undefined;
  if (rekaman) return { tabel: 'audit', baris: rekaman.baris, aturan: `satu data memiliki ${rekaman.n} entri riwayat (${formatMb(rekaman.b)}); batasnya ${KUOTA_AUDIT.entriRekaman} entri dan ${formatMb(KUOTA_AUDIT.byteRekaman)} per data` };
  return null;
}


/** How much history one bundle may carry: per entry (KOLOM_AUDIT), per record, and in all. */
export const KUOTA_AUDIT = { entriRekaman: 2000, byteRekaman: 8 * 1024 * 1024, byteBundel: 128 * 1024 * 1024 } as const;

/** The DT-SEN counts per kelompok: counts of members, never negative, never more than the kelompok can hold. */
const jumlahAnggota = { tipe: 'bulat', wajib: true, min: 0, max: ANGGOTA_KELOMPOK_MAKS } as const;
const KOLOM_DTSEN: Record<string, KolomSpec> = {
  kelompok_id: { tipe: 'teks', wajib: true, maks: 64 },
  sumber: { tipe: 'teks', wajib: true, maks: 200 },
  tanggal_data: { tipe: 'teks', wajib: true, maks: 10, format: 'tanggal', lampau: true },
  anggota: jumlahAnggota,
  cocok: jumlahAnggota,
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`desil_${i + 1}`, jumlahAnggota])),
};
const KASUS_DTSEN: Kasus[] = [
  ['cocok > anggota', 'cocok: lebih banyak dari anggota'],
  [`${Array.from({ length: 10 }, (_, i) => `desil_${i + 1}`).join(' + ')} > cocok`, 'desil: jumlah per desil lebih banyak dari anggota yang cocok'],
];
