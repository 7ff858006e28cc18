import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { openDatabase, type Db } from '../../../db/connection';
import { jalankanServer } from '../../../db/postgres/kueri';
import { kolomTersimpan, kutip, PengirimBaris } from '../../../db/postgres/kirim';
import type { HasilImporBundel } from '../../common/api/sinkron';
import { REGISTER, SYNCED_TABLES } from '../../common/register';
import { bulanSebelumnya } from '../../common/laporan';
import { RIWAYAT_PETUNJUK } from '../../common/mutu';
import { rekapLaporanKabupatenK } from '../dasbor';
import { bacaLampiranBerkas, folderLampiran } from '../../../db/lampiran';
import { imporBundelDari } from './berkas';
import { isiTanpaPeriksa } from './impor';
import type { Pelindung } from './kunci';

// A district's bundle imported into the province's PostgreSQL server, by the same import that runs on a SQLite file
// (impor.ts): every check, rule and message is that one. Inside one server transaction that holds the district's
// lock (a second import of the same district waits; other districts' go on at once):
//   1. the district's rows on the server (of its reports, the payload's months and the 12 before them), the rows its
//      payload names, and the province's settings, keys and catalogues are brought into a private SQLite file beside
//      the payload ("bayangan");
//   2. the bundle is imported into that file exactly as into a province file;
//   3. what the import wrote there goes to the server: the payload's rows (newest change wins, as in the file; never
//      over another district's row), the audit entries, the DT-SEN counts, the receipt of the bundle, the
//      attachments' bytes, the signatures verified; the dashboard's sums of the district recomputed on the server.
// Nothing reaches the server unless all of it does: a refusal, an error or a dry run rolls the transaction back.

/** The lock class of a district's import (pg_advisory_xact_lock(class, hashtext(code))). */
const KUNCI_IMPOR = 3578;

/** The province-wide tables the import reads whole: settings, keys, partners, catalogues, trust roots and verdicts. */
const TABEL_PROVINSI = ['pengaturan', 'kunci', 'pihak_sinkron', 'katalog_indikator', 'tte_akar', 'tte_periksa'] as const;

/**
 * The ids a payload carries per synced table, and the ids its rows refer to in each (its audit's ids too); and the
 * months its reports cover (null when it carries none, or none of a month's form).
 */
function idMuatan(isi: Buffer, folder: string): { ids: Map<string, Set<string>>; bulan: { dari: string; sampai: string } | null } {
  const out = new Map<string, Set<string>>();
  let bulan: { dari: string; sampai: string } | null = null;
  const file = join(folder, 'muatan-id.sqlite');
  writeFileSync(file, isi, { mode: 0o600 });
  const tambah = (t: string, ids: unknown[]) => {
    const set = out.get(t) ?? new Set<string>();
    for (const v of ids) if (typeof v === 'string') set.add(v);
    out.set(t, set);
  };
  let m: Database.Database | null = null;
  try {
    m = new Database(file, { readonly: true, fileMustExist: true });
    const ada = new Set(m.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    for (const t of [...SYNCED_TABLES, 'audit']) {
      if (!ada.has(t)) continue;
      tambah(t, m.prepare(`SELECT id FROM ${kutip(t)}`).pluck().all());
      if (t === 'audit') continue;
      for (const [c, k] of Object.entries(REGISTER[t as (typeof SYNCED_TABLES)[number]].kolom)) {
        if (k.ref) tambah(k.ref, m.prepare(`SELECT DISTINCT ${kutip(c)} FROM ${kutip(t)}`).pluck().all());
      }
    }
    if (ada.has('laporan_bulanan')) {
      // Untrusted: only a month's form counts here (the import refuses any other), and a wrong one copies everything.
      const r = m.prepare('SELECT min(periode) AS dari, max(periode) AS sampai FROM laporan_bulanan').get() as { dari: unknown; sampai: unknown };
      if ([r.dari, r.sampai].every((p) => typeof p === 'string' && BULAN.test(p))) bulan = { dari: r.dari as string, sampai: r.sampai as string };
    }
  } catch {
    // A payload that does not read is refused by the import itself, with its message.
  } finally {
    m?.close();
    rmSync(file, { force: true });
  }
  return { ids: out, bulan };
}

const BULAN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Rows of a server table (where …) copied into the private file. */
async function bawa(klien: pg.ClientBase, db: Db, tabel: string, where = 'true', params: unknown[] = []): Promise<void> {
  const kolom = kolomTersimpan(db, tabel);
  const r = await klien.query({ text: `SELECT ${kolom.map(kutip).join(', ')} FROM ${kutip(tabel)} WHERE ${where}`, values: params, rowMode: 'array' });
  const tulis = db.sqlite.prepare(`INSERT OR REPLACE INTO ${kutip(tabel)} (${kolom.map(kutip).join(', ')}) VALUES (${kolom.map(() => '?').join(', ')})`);
  db.tx(() => {
    for (const baris of r.rows as unknown[][]) tulis.run(...baris);
  });
}

/** Rows of the private file sent to the server table; `konflik`: what a row already there does. */
async function kirim(klien: pg.ClientBase, db: Db, tabel: string, where: string, params: unknown[], konflik: string): Promise<number> {
  const kolom = kolomTersimpan(db, tabel).filter((c) => !(tabel === 'bundle_masuk' && c === 'id'));
  const pengirim = new PengirimBaris(klien, tabel, kolom, konflik);
  for (const baris of db.sqlite.prepare(`SELECT ${kolom.map(kutip).join(', ')} FROM ${kutip(tabel)} WHERE ${where}`).raw().safeIntegers(true).iterate(...params) as Iterable<unknown[]>) await pengirim.tambah(baris);
  return pengirim.selesai();
}

/**
 * Imports a bundle file into the province's server on `klien`, inside the caller's transaction (which commits only
 * when this returns). Same result, same refusals as imporBundelDari on a province file.
 */
export async function imporBundelServer(klien: pg.ClientBase, pelindung: Pelindung, path: string, opsi: { nama: string; dryRun?: boolean; percayai?: string | null; operator?: string | null }): Promise<HasilImporBundel> {
  const folder = mkdtempSync(join(tmpdir(), `bermantra-${process.pid}-`));
  let bayangan: Db | null = null;
  try {
    bayangan = openDatabase(join(folder, 'provinsi.sqlite'), { backupBeforeMigrate: false });
    const db = bayangan;
    // Settings and keys first: they open the payload (to know which rows to bring) before anything is checked.
    for (const t of TABEL_PROVINSI) await bawa(klien, db, t);
    const bytes = readFileSync(path);
    const isi = isiTanpaPeriksa(db, pelindung, bytes);
    const pemilik = isi?.pengirim ?? '';
    // One import of a district at a time; the lock is the transaction's, released at its commit or rollback.
    await klien.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [KUNCI_IMPOR, pemilik]);
    const { ids, bulan } = isi ? idMuatan(isi.isi, folder) : { ids: new Map<string, Set<string>>(), bulan: null };
    db.sqlite.pragma('foreign_keys = OFF');
    for (const t of SYNCED_TABLES) {
      const milik = [pemilik, [...(ids.get(t) ?? [])]];
      // Of the district's reports, those the import reads: the payload's months and the 12 before them (the quality
      // checks' history and peers). A monthly bundle no longer copies the district's whole history beside it.
      if (t === 'laporan_bulanan' && bulan) await bawa(klien, db, t, '(kabupaten_kode = $1 AND periode BETWEEN $3 AND $4) OR id = ANY($2)', [...milik, bulanSebelumnya(bulan.dari, RIWAYAT_PETUNJUK), bulan.sampai]);
      else await bawa(klien, db, t, 'kabupaten_kode = $1 OR id = ANY($2)', milik);
    }
    await bawa(klien, db, 'bundle_masuk', 'pengirim = $1', [pemilik]);
    await bawa(klien, db, 'dtsen_ringkasan', 'kabupaten_kode = $1', [pemilik]);
    await bawa(klien, db, 'keputusan_laporan', 'kabupaten_kode = $1', [pemilik]);
    db.sqlite.pragma('foreign_keys = ON');
    const bundelSebelum = db.sqlite.prepare('SELECT coalesce(max(id), 0) FROM bundle_masuk').pluck().get() as number;

    const hasil = await imporBundelDari(db, pelindung, path, opsi);
    if (hasil.dryRun || hasil.jenis !== 'data') return hasil;

    await klien.query('SET CONSTRAINTS ALL DEFERRED');
    const json = (t: string) => JSON.stringify([...(ids.get(t) ?? [])]);
    for (const t of SYNCED_TABLES) {
      if (!ids.get(t)?.size) continue;
      const set = kolomTersimpan(db, t).filter((c) => c !== 'id').map((c) => `${kutip(c)} = excluded.${kutip(c)}`).join(', ');
      // Newest change wins, as in the file; a row of another district is never written over (the import refused
      // a payload naming one, since the row was brought beside it).
      await kirim(klien, db, t, 'id IN (SELECT value FROM json_each(?))', [json(t)], `ON CONFLICT (id) DO UPDATE SET ${set} WHERE excluded.updated_at > lama.updated_at AND lama.kabupaten_kode = excluded.kabupaten_kode`);
    }
    if (ids.get('audit')?.size) await kirim(klien, db, 'audit', 'id IN (SELECT value FROM json_each(?))', [json('audit')], 'ON CONFLICT (id) DO NOTHING');
    if (ids.has('kelompok') || ids.has('laporan_bulanan')) await jalankanServer(klien, rekapLaporanKabupatenK(pemilik));
    // The DT-SEN counts: the file now holds the district's (replaced, or kept when the bundle was older).
    await klien.query('DELETE FROM dtsen_ringkasan WHERE kabupaten_kode = $1', [pemilik]);
    await kirim(klien, db, 'dtsen_ringkasan', 'kabupaten_kode = ?', [pemilik], '');
    await kirim(klien, db, 'bundle_masuk', 'id > ?', [bundelSebelum], '');
    await kirim(klien, db, 'pihak_sinkron', 'kode = ?', [pemilik], 'ON CONFLICT (kode) DO NOTHING');
    await kirim(klien, db, 'tte_periksa', 'true', [], 'ON CONFLICT (hash) DO NOTHING');
    // The attachments' bytes, kept on the server (migration 23) where every officer reads them.
    let lampiran = 0;
    for (const hash of readdirSafe(folderLampiran(db))) {
      // Only what names an attachment (a hex SHA-256), read as every reader of attachments reads it.
      const data = bacaLampiranBerkas(db, hash);
      if (!data) continue;
      const r = await klien.query('INSERT INTO lampiran_isi (hash, data, disimpan_pada) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING', [hash, data, new Date().toISOString()]);
      lampiran += r.rowCount ?? 0;
    }
    return { ...hasil, lampiran };
  } finally {
    bayangan?.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
