import { kolomLengkap, REGISTER, SYNCED_TABLES, type KolomSpec, type SyncedTable } from '../../common/register';
import { periksaNik } from '../wilayah/nik';
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
function aturanKolom(c: string, k: KolomSpec, batasWaktu: string): [string, string][] {
  const r: [string, string][] = [];
  if (k.tipe === 'teks' && k.maks) r.push([`length(${c}) > ${k.maks}`, `${c}: lebih dari ${k.maks} huruf`]);
  if (k.opsi) r.push([`${c} NOT IN (${k.opsi.map(q).join(', ')})`, `${c}: nilai tidak dikenal`]);
  const pola = k.format ? POLA[k.format] : undefined;
  if (pola) r.push([`${c} NOT GLOB ${q(pola)}`, `${c}: bentuk tidak sah`]);
  if (k.format === 'json') r.push([`NOT json_valid(${c})`, `${c}: bukan JSON yang sah`]);
  if (k.format === 'hlc' || k.format === 'waktu') r.push([`${c} > ${q(batasWaktu)}`, `${c}: waktu di masa depan`]);
  if (k.min !== undefined) r.push([`${c} < ${k.min}`, `${c}: kurang dari ${k.min}`]);
  if (k.max !== undefined) r.push([`${c} > ${k.max}`, `${c}: lebih dari ${k.max}`]);
  return r;
}

/** The cases (SQL) naming the first rule a row of synced table t breaks. */
function kasusTabel(t: SyncedTable, cols: string[], now: Date): string[] {
  const when = sqlKasus(Object.fromEntries(Object.entries(kolomLengkap(t)).filter(([c]) => cols.includes(c))), now);
  if (t === 'laporan_bulanan') when.push(`WHEN json_valid(nilai) AND json_type(nilai) <> 'object' THEN 'nilai: bukan daftar nilai indikator'`);
  return when;
}

/** The audit entries that travel with a bundle: not a synced table, but held to limits as well. */
const KOLOM_AUDIT: Record<string, KolomSpec> = {
  id: { tipe: 'teks', wajib: true, maks: 64 },
  waktu: { tipe: 'teks', wajib: true, maks: 40, format: 'waktu' },
  operator: { tipe: 'teks', wajib: true, maks: 200 },
  tabel: { tipe: 'teks', wajib: true, maks: 40, opsi: SYNCED_TABLES },
  row_id: { tipe: 'teks', wajib: true, maks: 64 },
  aksi: { tipe: 'teks', wajib: true, maks: 20, opsi: ['buat', 'ubah', 'hapus', 'pulihkan', 'impor'] },
  perubahan: { tipe: 'teks', wajib: true, maks: 200_000, format: 'json' },
  alasan: { tipe: 'teks', wajib: false, maks: 2000 },
};

function sqlKasus(kolom: Record<string, KolomSpec>, now: Date): string[] {
  const batas = new Date(now.getTime() + SELISIH_JAM_MAKS_MS).toISOString();
  return Object.entries(kolom).flatMap(([c, k]) => aturanKolom(c, k, batas).map(([kondisi, pesan]) => `WHEN ${c} IS NOT NULL AND (${kondisi}) THEN ${q(pesan)}`));
}

function pertamaSalah(db: Db, tabel: string, kasus: string[]): { baris: number; salah: string } | undefined {
  if (!kasus.length) return undefined;
  return db.sqlite.prepare(`SELECT baris, salah FROM (SELECT rowid AS baris, CASE ${kasus.join(' ')} END AS salah FROM muatan.${tabel}) WHERE salah IS NOT NULL LIMIT 1`).get() as { baris: number; salah: string } | undefined;
}

export interface BarisDitolak {
  tabel: SyncedTable | 'audit';
  baris: number;
  aturan: string;
}

/**
 * The first row of the attached payload ("muatan") that breaks what its sender may write: a column's limit or
 * format, a NIK the UI would refuse, or a reference to a row that belongs to another district.
 */
export function cariBarisDitolak(db: Db, ada: Map<string, string[]>, owner: string, now = new Date()): BarisDitolak | null {
  for (const t of SYNCED_TABLES) {
    const cols = ada.get(t);
    if (!cols) continue;
    const bad = pertamaSalah(db, t, kasusTabel(t, cols, now));
    if (bad) return { tabel: t, baris: bad.baris, aturan: bad.salah };
    for (const [c, k] of Object.entries(REGISTER[t].kolom).filter(([c]) => cols.includes(c))) {
      if (k.format === 'nik') {
        for (const row of db.sqlite.prepare(`SELECT rowid AS baris, ${c} AS nik FROM muatan.${t} WHERE ${c} IS NOT NULL`).iterate() as Iterable<{ baris: number; nik: string }>) {
          const info = periksaNik(row.nik);
          if (!info.valid) return { tabel: t, baris: row.baris, aturan: `${c}: ${info.errors[0] ?? 'NIK tidak sah'}` };
        }
      }
      if (k.ref) {
        // A reference to a row the province already holds for another district (in the payload, the owner CHECK holds).
        const diMuatan = ada.has(k.ref) ? ` AND NOT EXISTS (SELECT 1 FROM muatan.${k.ref} m WHERE m.id = x.${c})` : '';
        const asing = db.sqlite
          .prepare(`SELECT x.rowid AS baris FROM muatan.${t} x JOIN main.${k.ref} r ON r.id = x.${c} WHERE r.kabupaten_kode <> ?${diMuatan} LIMIT 1`)
          .get(owner) as { baris: number } | undefined;
        if (asing) return { tabel: t, baris: asing.baris, aturan: `${c}: merujuk ${REGISTER[k.ref].label} milik kabupaten/kota lain` };
      }
    }
  }
  const audit = ada.has('audit') ? pertamaSalah(db, 'audit', sqlKasus(KOLOM_AUDIT, now)) : undefined;
  return audit ? { tabel: 'audit', baris: audit.baris, aturan: audit.salah } : null;
}
