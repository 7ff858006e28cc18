import { baris, satu, type Kerja } from '../../../db/kueri';
import { SYNCED_TABLES } from '../../../db/schema';
import type { Statistik } from '../../common/api';
import { pengaturanK } from '../pengaturan';

/** Live (not deleted) rows per synced table, plus the change log and audit sizes (per district at the province). */
export function* statistikK(): Kerja<Statistik> {
  const tabel: Record<string, number> = {};
  for (const t of SYNCED_TABLES) tabel[t] = (yield* satu<{ n: number }>(`SELECT count(*) AS n FROM ${t} WHERE deleted_at IS NULL`))!.n;
  for (const t of ['change_log', 'audit']) tabel[t] = (yield* satu<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))!.n;
  const p = yield* pengaturanK();
  if (p.mode !== 'provinsi') return { kabupaten_kode: p.kabupaten_kode, tabel };
  const per_kabupaten: Record<string, Record<string, number>> = {};
  for (const t of SYNCED_TABLES) {
    for (const r of yield* baris<{ k: string; n: number }>(`SELECT kabupaten_kode AS k, count(*) AS n FROM ${t} WHERE deleted_at IS NULL GROUP BY kabupaten_kode ORDER BY 1`)) {
      (per_kabupaten[r.k] ??= {})[t] = r.n;
    }
  }
  return { kabupaten_kode: p.kabupaten_kode, tabel, per_kabupaten };
}
