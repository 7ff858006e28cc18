import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/connection';
import { setup } from '../main/services/pengaturan/pengaturan';

/** A real SQLite file in a fresh temp folder, set up for Kabupaten Malang (35.07). For tests only. */
export function tempDb(kabupaten: string | null = '35.07'): { db: Db; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-test-'));
  const db = openDatabase(join(dir, 'bermantra.sqlite'));
  if (kabupaten) {
    setup(db, {
      mode: kabupaten === '35' ? 'provinsi' : 'kabupaten',
      kabupaten_kode: kabupaten === '35' ? null : kabupaten,
      operator: 'Penguji',
      nama_instansi: '',
      alamat_instansi: '',
      kota_surat: '',
      telepon: '',
      email: '',
      kepala_nama: '',
      kepala_nip: '',
      kepala_jabatan: '',
    });
  }
  return {
    db,
    dir,
    cleanup: () => {
      try {
        db.close();
      } catch {
        /* already closed */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Row counts of every table: "nothing changed" in one comparison. */
export function snapshotCounts(db: Db): Record<string, number> {
  const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  return Object.fromEntries(tables.map((t) => [t.name, (db.sqlite.prepare(`SELECT count(*) AS n FROM ${t.name}`).get() as { n: number }).n]));
}
