import type { Db } from '../../../db/connection';
import { SYNCED_TABLES } from '../../../db/schema';
import type { Statistik } from '../../common/api';
import { bacaPengaturan } from '../pengaturan';

/** Live (not deleted) rows per synced table, plus the change log and audit sizes. */
export function statistik(db: Db): Statistik {
  const tabel: Record<string, number> = {};
  for (const t of SYNCED_TABLES) {
    tabel[t] = (db.sqlite.prepare(`SELECT count(*) AS n FROM ${t} WHERE deleted_at IS NULL`).get() as { n: number }).n;
  }
  for (const t of ['change_log', 'audit']) {
    tabel[t] = (db.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  const p = bacaPengaturan(db);
  if (p.mode !== 'provinsi') return { kabupaten_kode: p.kabupaten_kode, tabel };
  const per_kabupaten: Record<string, Record<string, number>> = {};
  for (const t of SYNCED_TABLES) {
    for (const r of db.sqlite.prepare(`SELECT kabupaten_kode AS k, count(*) AS n FROM ${t} WHERE deleted_at IS NULL GROUP BY kabupaten_kode`).all() as { k: string; n: number }[]) {
      (per_kabupaten[r.k] ??= {})[t] = r.n;
    }
  }
  return { kabupaten_kode: p.kabupaten_kode, tabel, per_kabupaten };
}
