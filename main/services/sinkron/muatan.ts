import type { Db } from '../../../db/connection';
import { berkasSementara as berkasSementaraDb } from '../../../db/sementara';
import { KOLOM_AUDIT, kolomLengkap, SYNCED_TABLES, type KolomSpec, type SyncedTable } from '../../common/register';


// The payload of a data bundle: a small SQLite file with one STRICT table per synced table (columns from the
// record register), the audit entries, the attachments and the DT-SEN counts per kelompok.

export type Kolom = 't' | 't?' | 'i' | 'i?' | 'r' | 'r?' | 'b';

/** A payload column from the register's description: its SQLite type, and '?' where it may be NULL. */
function kolomBundel(cols: Record<string, KolomSpec>): Record<string, Kolom> {
  return Object.fromEntries(Object.entries(cols).map(([c, k]) => [c, `${k.tipe === 'teks' ? 't' : k.tipe === 'bulat' ? 'i' : 'r'}${k.wajib ? '' : '?'}` as Kolom]));
}

/** The columns a bundle carries per synced table: exactly the register's, sync columns first. */
export const KOLOM = Object.fromEntries(SYNCED_TABLES.map((t) => [t, kolomBundel(kolomLengkap(t))])) as Record<SyncedTable, Record<string, Kolom>>;

/** The audit entries a bundle carries: the register's description (KOLOM_AUDIT). */
export const AUDIT_KOLOM = kolomBundel(KOLOM_AUDIT);

/** Counts of the DT-SEN matching per kelompok (main/services/dtsen/dtsen.ts): replaced whole at each bundle. */
export const RINGKASAN_DTSEN_KOLOM: Record<string, Kolom> = {
  kelompok_id: 't',
  kabupaten_kode: 't',
  sumber: 't',
  tanggal_data: 't',
  anggota: 'i',
  cocok: 'i',
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`desil_${i + 1}`, 'i' as Kolom])),
};

/** The payload's tables: the synced tables, the audit entries, the attachments, the DT-SEN counts. */
export const MUATAN: Record<string, Record<string, Kolom>> = { ...KOLOM, audit: AUDIT_KOLOM, lampiran: { hash: 't', data: 'b' }, dtsen_ringkasan: RINGKASAN_DTSEN_KOLOM };

const TIPE: Record<string, string> = { t: 'TEXT', i: 'INTEGER', r: 'REAL', b: 'BLOB' };

/**
 * A payload table: STRICT, typed, NOT NULL where required, and every row owned by the sender. The
 * receiver requires exactly this text in the payload's schema, so PRAGMA quick_check then proves every
 * value against the spec in one pass of C (a hand-written check per value costs five times as much).
 * `hanya`: the columns an older sender's table has (columns added since, all nullable, are left out).
 */
export function ddlMuatan(tabel: string, pengirim: string, skema = '', hanya?: readonly string[]): string {
  const cols = Object.entries(MUATAN[tabel]!)
    .filter(([c]) => !hanya || hanya.includes(c))
    .map(([c, k]) => `${c} ${TIPE[k[0]!]}${k.endsWith('?') ? '' : ' NOT NULL'}`);
  if ('kabupaten_kode' in MUATAN[tabel]!) cols.push(`CHECK (kabupaten_kode = '${pengirim.replace(/[^0-9.]/g, '')}')`);
  return `CREATE TABLE ${skema}${tabel} (${cols.join(', ')}) STRICT`;
}

/**
 * SQL naming the first column of a row that breaks its spec (NULL when the row is sound): only to point
 * at the row once quick_check has refused the payload.
 */
export function kolomSalah(cols: Record<string, Kolom>): string {
  const when = Object.entries(cols).flatMap(([c, k]) => {
    const jenis = `typeof(${c}) NOT IN (${k.startsWith('r') ? "'integer', 'real'" : `'${TIPE[k[0]!]!.toLowerCase()}'`})`;
    return k.endsWith('?') ? [`WHEN ${c} IS NOT NULL AND ${jenis} THEN '${c}: jenis data salah'`] : [`WHEN ${c} IS NULL THEN '${c}: wajib ada'`, `WHEN ${jenis} THEN '${c}: jenis data salah'`];
  });
  return `CASE ${when.join(' ')} END`;
}

/** A temporary file for a payload, in the database's private folder (db/sementara.ts). */
export function berkasSementara(db: Db, jenis: string): string {
  return berkasSementaraDb(db.file, jenis);
}

/** Runs fn with the payload file attached as schema "muatan"; always detaches (ATTACH cannot happen inside a transaction). */
export function denganMuatan<T>(db: Db, path: string, fn: () => T): T {
  db.sqlite.prepare("ATTACH ? AS muatan").run(path);
  try {
    return fn();
  } finally {
    db.sqlite.exec('DETACH muatan');
  }
}
