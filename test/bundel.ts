import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';
import { tempDb } from './db';
import { AppError } from '../main/common/errors';
import { eksporBundel, imporBundel } from '../main/services/sinkron/bundle';
import { buatMuatan, segelBundel } from '../main/services/sinkron/ekspor';
import { bacaIdentitas, buatKunci, daftarkanPihak, identitas, TANPA_PELINDUNG } from '../main/services/sinkron/kunci';

// Test helpers for the sync domain (never imported by the app): a district and the province that know each
// other, a digest of a whole database, and a sender that alters its payload before sealing it.

/** Plays a hostile or broken sender: the payload is altered after the app wrote it, then sealed as usual. */
export function eksporDiubah(db: Db, folder: string, ubah: (file: string) => void) {
  const muatan = buatMuatan(db, {});
  const file = join(folder, 'muatan-diubah.sqlite');
  writeFileSync(file, muatan.plain);
  ubah(file);
  return segelBundel(db, TANPA_PELINDUNG, { ...muatan, plain: readFileSync(file) }, { folder });
}

/** A digest of every row of every table: "byte-for-byte unchanged in content". */
export function isi(db: Db): string {
  const tables = (db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const h = createHash('sha256');
  for (const t of tables) h.update(t + JSON.stringify(db.sqlite.prepare(`SELECT * FROM ${t}`).all().map((r) => JSON.stringify(r)).sort()));
  return h.digest('hex');
}

export function dunia(kelompok = 4) {
  const prov = tempDb('35');
  const kab = tempDb(null);
  buatDemo(kab.db, { kelompok, bulan: 2, seed: 4, kabupaten: '35.07' });
  buatKunci(prov.db, TANPA_PELINDUNG);
  buatKunci(kab.db, TANPA_PELINDUNG);
  daftarkanPihak(kab.db, bacaIdentitas(JSON.stringify(identitas(prov.db, TANPA_PELINDUNG))));
  daftarkanPihak(prov.db, bacaIdentitas(JSON.stringify(identitas(kab.db, TANPA_PELINDUNG))));
  const ekspor = (opsi: { penuh?: boolean } = {}) => readFileSync(eksporBundel(kab.db, TANPA_PELINDUNG, { ...opsi, folder: kab.dir }).berkas);
  return { prov, kab, ekspor, cleanup: () => (prov.cleanup(), kab.cleanup()) };
}


/**
 * Changes a payload file past its own rules (STRICT types, NOT NULL, the owner CHECK), as a hostile sender could:
 * the tables are loosened, fn runs, then the original schema text (or `skema` of it) is put back.
 */
export function ubahLonggar(file: string, fn: (db: Database.Database) => void, skema?: (ddl: string) => string): void {
  const x = new Database(file);
  x.unsafeMode(true);
  x.pragma('writable_schema = ON');
  const ddl = new Map((x.prepare('SELECT name, sql FROM sqlite_master').all() as { name: string; sql: string }[]).map((r) => [r.name, r.sql]));
  for (const [name] of ddl) x.prepare('UPDATE sqlite_master SET sql = ? WHERE name = ?').run(`CREATE TABLE ${name} (${(x.prepare(`SELECT group_concat(name) AS c FROM pragma_table_info('${name}')`).get() as { c: string }).c})`, name);
  x.close();
  const y = new Database(file);
  fn(y);
  y.unsafeMode(true);
  y.pragma('writable_schema = ON');
  for (const [name, text] of ddl) y.prepare('UPDATE sqlite_master SET sql = ? WHERE name = ?').run(skema ? skema(text) : text, name);
  y.close();
}

/**
 * Each case alters a fresh district's payload (then sealed as usual); the province must refuse the bundle with a
 * message matching the case and saying nothing changed, and its database must be unchanged. `siapkan` prepares the
 * province first (e.g. a row of another district).
 */
export function semuaDitolak(kasus: [string, (file: string) => void, RegExp][], siapkan?: (w: ReturnType<typeof dunia>) => void): void {
  for (const [label, rusakkan, pesan] of kasus) {
    const w = dunia(2);
    try {
      siapkan?.(w);
      const before = isi(w.prov.db);
      const bytes = readFileSync(eksporDiubah(w.kab.db, w.kab.dir, rusakkan).berkas);
      assert.throws(() => imporBundel(w.prov.db, TANPA_PELINDUNG, bytes), (e: AppError) => e instanceof AppError && pesan.test(e.message) && /tidak ada yang diubah/i.test(e.message), label);
      assert.equal(isi(w.prov.db), before, label);
    } finally {
      w.cleanup();
    }
  }
}
