import type { Db } from '../../../db/connection';
import { baris, jalankan, satu, type Kerja } from '../../../db/kueri';
import { saringKelompokSql, type SaringKelompok } from '../../common/kamus';

// The matching's figures, read by other domains through functions (the SQL of "latest snapshot" and "registered"
// stays here): a member's latest result, the counts per kelompok the province receives, the cart-aid targets and the
// dashboard's desil shares.

/** The snapshot results are read from: the newest data, then the latest imported. */
const SNAPSHOT_TERBARU_SQL = '(SELECT id FROM dtsen_snapshot ORDER BY tanggal_data DESC, diimpor_pada DESC LIMIT 1)';

/** A member (dtsen_hasil h) counts as registered when matched by NIK, or by name once an officer confirmed it. */
const COCOK_SQL = "(h.status = 'COCOK_NIK' OR (h.status = 'COCOK_NAMA' AND h.dikonfirmasi = 1))";

/**
 * Per kelompok, the latest snapshot's counts: members with a result, registered, registered per desil.
 * What the province receives of the matching (no NIK, no name, no person's desil).
 */
const RINGKASAN_PER_KELOMPOK_SQL = `SELECT a.kelompok_id, a.kabupaten_kode, s.sumber, s.tanggal_data, count(*) AS anggota, coalesce(sum(${COCOK_SQL}), 0) AS cocok,
  ${Array.from({ length: 10 }, (_, i) => `coalesce(sum(${COCOK_SQL} AND h.desil = ${i + 1}), 0) AS desil_${i + 1}`).join(', ')}
  FROM anggota a JOIN dtsen_hasil h ON h.anggota_id = a.id JOIN dtsen_snapshot s ON s.id = h.snapshot_id
  WHERE h.snapshot_id = ${SNAPSHOT_TERBARU_SQL} AND a.deleted_at IS NULL GROUP BY a.kelompok_id`;

/** The snapshot results are read from (newest data, then latest imported), or null before any import. */
export function snapshotTerbaru(db: Db): string | null {
  return jalankan(db, snapshotTerbaruK());
}

export function* snapshotTerbaruK(): Kerja<string | null> {
  return (yield* satu<{ id: string | null }>(`SELECT ${SNAPSHOT_TERBARU_SQL} AS id`))!.id;
}

/** A kelompok's row of the counts per kelompok the province receives (no NIK, no name, no person's desil). */
export interface RingkasanDtsenKelompok {
  kelompok_id: string;
  kabupaten_kode: string;
  sumber: string;
  tanggal_data: string;
  anggota: number;
  cocok: number;
  [desil: `desil_${number}`]: number;
}

/** The latest snapshot's counts per kelompok: members with a result, registered, registered per desil. */
export function ringkasanPerKelompok(db: Db): RingkasanDtsenKelompok[] {
  return db.sqlite.prepare(RINGKASAN_PER_KELOMPOK_SQL).all() as RingkasanDtsenKelompok[];
}

/**
 * Registered members per kelompok in the latest snapshot with a desil, and those in desil 1–4 (the cart-aid list):
 * a district from its own matching results, the province from the counts per kelompok each district sends.
 */
export function* sasaranPerKelompokK(provinsi: boolean): Kerja<Map<string, { cocok: number; sasaran: number }>> {
  const rows = yield* baris<{ k: string; cocok: number; sasaran: number }>(
    provinsi
      ? `SELECT kelompok_id AS k, ${Array.from({ length: 10 }, (_, i) => `desil_${i + 1}`).join(' + ')} AS cocok, desil_1 + desil_2 + desil_3 + desil_4 AS sasaran FROM dtsen_ringkasan WHERE ${Array.from({ length: 10 }, (_, i) => `desil_${i + 1}`).join(' + ')} > 0`
      : `SELECT a.kelompok_id AS k, count(*) AS cocok, sum(CASE WHEN h.desil BETWEEN 1 AND 4 THEN 1 ELSE 0 END) AS sasaran FROM dtsen_hasil h JOIN anggota a ON a.id = h.anggota_id WHERE h.snapshot_id = ${SNAPSHOT_TERBARU_SQL} AND a.deleted_at IS NULL AND ${COCOK_SQL} AND h.desil IS NOT NULL GROUP BY a.kelompok_id`,
  );
  return new Map(rows.map((r) => [r.k, { cocok: r.cocok, sasaran: r.sasaran }]));
}

/**
 * Registered members of the kelompok that pass the filter, and per desil: a district from its own matching results,
 * the province from the counts per kelompok each district sends (no person's result travels). cocok is null while
 * nothing was matched.
 */
export function desilDtsen(db: Db, f: SaringKelompok, provinsi: boolean): { cocok: number | null; desil: number[] } {
  return jalankan(db, desilDtsenK(f, provinsi));
}

export function* desilDtsenK(f: SaringKelompok, provinsi: boolean): Kerja<{ cocok: number | null; desil: number[] }> {
  const { where: W, p } = saringKelompokSql(f);
  const desil = Array.from({ length: 10 }, () => 0);
  const baris = (yield* satu<Record<string, number>>(
    provinsi
      ? `SELECT coalesce(sum(r.cocok), 0) AS cocok, count(*) AS n, ${desil.map((_, i) => `coalesce(sum(r.desil_${i + 1}), 0) AS d${i + 1}`).join(', ')} FROM dtsen_ringkasan r JOIN kelompok k ON k.id = r.kelompok_id WHERE ${W}`
      : `SELECT coalesce(sum(${COCOK_SQL}), 0) AS cocok, count(*) AS n, ${desil.map((_, i) => `coalesce(sum(${COCOK_SQL} AND h.desil = ${i + 1}), 0) AS d${i + 1}`).join(', ')}
         FROM dtsen_hasil h JOIN anggota a ON a.id = h.anggota_id JOIN kelompok k ON k.id = a.kelompok_id WHERE h.snapshot_id = ${SNAPSHOT_TERBARU_SQL} AND a.deleted_at IS NULL AND ${W}`,
    p,
  ))!;
  if (!(baris.n! > 0)) return { cocok: null, desil };
  return { cocok: baris.cocok!, desil: desil.map((_, i) => baris[`d${i + 1}`]!) };
}

/** Each registered member's desil in the latest snapshot (a district's own results; the research extract reads it). */
export function desilPerAnggota(db: Db): Map<string, number> {
  const rows = db.sqlite
    .prepare(`SELECT h.anggota_id AS a, h.desil AS d FROM dtsen_hasil h WHERE h.snapshot_id = ${SNAPSHOT_TERBARU_SQL} AND ${COCOK_SQL} AND h.desil IS NOT NULL`)
    .raw()
    .all() as [string, number][];
  return new Map(rows);
}
