import type { Db } from '../../../db/connection';
import { baris, jalankan, type Kerja } from '../../../db/kueri';
import { hariIni } from '../../common/format';
import { saringKelompokSql, STATUS_DIHITUNG_SQL, type SaringKelompok } from '../../common/kamus';
import { batasPengajuan, wajibLapor } from '../../common/laporan';

// One query for the reporting figures of the dictionary (common/kamus.ts): laporan diharapkan, masuk, tepat waktu,
// diverifikasi, kepatuhan, kelompok dikunjungi. Every page, document, e-monev table, the province's ranking and the
// website count them here, parameterised by months and region filters, so they cannot disagree.


/** One kelompok's reporting over the months asked: which were expected, which came in, on time, verified. */
export interface PelaporanKelompok {
  kelompok_id: string;
  nama: string;
  kabupaten_kode: string;
  kecamatan_kode: string;
  fasilitator_id: string | null;
  fasilitator_nama: string | null;
  aktif: boolean;
  created_at: string;
  diharapkan: string[];
  masuk: string[];
  tepat_waktu: string[];
  diverifikasi: string[];
  /** Months of the period with a counted report (expected or not): what the indicator figures read. */
  dilaporkan: string[];
}

export interface RingkasanPelaporan {
  diharapkan: number;
  masuk: number;
  tepat_waktu: number;
  diverifikasi: number;
  /** Masuk ÷ diharapkan × 100 (one decimal); null while no report was expected. */
  kepatuhan: number | null;
  kepatuhan_tepat_waktu: number | null;
  /** Active kelompok, and those with at least one expected report that came in. */
  kelompok: number;
  kelompok_dikunjungi: number;
}

/** A month is expected once it is over: its report is due by the 10th of the next. */
export function bulanBerakhir(months: string[], today: string): string[] {
  const ini = today.slice(0, 7);
  return months.filter((m) => m < ini);
}

/**
 * The reporting of every kelompok that passes the filter over `months` (the dictionary's rule: an active kelompok is
 * expected to report every month after the one it was registered in, once the month is over; a report counts once
 * submitted or verified, never as a draft).
 */

export function pelaporan(db: Db, months: string[], f: SaringKelompok = {}, today = hariIni()): PelaporanKelompok[] {
  return jalankan(db, pelaporanK(months, f, today));
}

export function* pelaporanK(months: string[], f: SaringKelompok = {}, today = hariIni()): Kerja<PelaporanKelompok[]> {
  const { where, p } = saringKelompokSql(f);
  // Ordered by name in the C collation on both databases (SQLite's BINARY): the same list in the same order.
  const groups = yield* baris<{ id: string; nama: string; kabupaten_kode: string; kecamatan_kode: string; fasilitator_id: string | null; fasilitator_nama: string | null; aktif: number | boolean; created_at: string }>(
    `SELECT k.id, k.nama, k.kabupaten_kode, k.kecamatan_kode, k.fasilitator_id, fa.nama AS fasilitator_nama, k.status = 'aktif' AS aktif, k.created_at
     FROM kelompok k LEFT JOIN fasilitator fa ON fa.id = k.fasilitator_id WHERE ${where} ORDER BY k.nama, k.id`,
    p,
  );
  const laporan = new Map<string, { periode: string; status: string; diajukan_pada: string | null }[]>();
  if (months.length) {
    const rows = yield* baris<{ kelompok_id: string; periode: string; status: string; diajukan_pada: string | null }>(
      `SELECT l.kelompok_id, l.periode, l.status, l.diajukan_pada FROM laporan_bulanan l JOIN kelompok k ON k.id = l.kelompok_id
       WHERE l.deleted_at IS NULL AND l.status IN (${STATUS_DIHITUNG_SQL}) AND l.periode BETWEEN @dari AND @sampai AND ${where}`,
      { ...p, dari: months[0], sampai: months[months.length - 1] },
    );
    for (const r of rows) {
      const list = laporan.get(r.kelompok_id);
      if (list) list.push(r);
      else laporan.set(r.kelompok_id, [r]);
    }
  }
  const berakhir = bulanBerakhir(months, today);
  const diminta = new Set(months);
  return groups.map((g) => {
    const own = (laporan.get(g.id) ?? []).filter((r) => diminta.has(r.periode));
    const byBulan = new Map(own.map((r) => [r.periode, r]));
    const diharapkan = g.aktif ? berakhir.filter((m) => wajibLapor(g.created_at, m)) : [];
    const masuk = diharapkan.filter((m) => byBulan.has(m));
    return {
      kelompok_id: g.id,
      nama: g.nama,
      kabupaten_kode: g.kabupaten_kode,
      kecamatan_kode: g.kecamatan_kode,
      fasilitator_id: g.fasilitator_id,
      fasilitator_nama: g.fasilitator_nama,
      aktif: !!g.aktif,
      created_at: g.created_at,
      diharapkan,
      masuk,
      tepat_waktu: masuk.filter((m) => {
        const d = byBulan.get(m)!.diajukan_pada;
        return !!d && d.slice(0, 10) <= batasPengajuan(m);
      }),
      diverifikasi: masuk.filter((m) => byBulan.get(m)!.status === 'diverifikasi'),
      dilaporkan: own.map((r) => r.periode).sort(),
    };
  });
}

/** The same rows narrowed to one of their months (the dashboard reads this month and the one before in one query). */
export function hanyaBulan(rows: PelaporanKelompok[], bulan: string): PelaporanKelompok[] {
  const satu = new Set([bulan]);
  return rows.map((r) => dalamBulan(r, satu));
}

/** One kelompok's reporting narrowed to some of its months (a window before or after a date). */
export function dalamBulan(r: PelaporanKelompok, bulan: ReadonlySet<string>): PelaporanKelompok {
  const di = (xs: string[]) => xs.filter((m) => bulan.has(m));
  return { ...r, diharapkan: di(r.diharapkan), masuk: di(r.masuk), tepat_waktu: di(r.tepat_waktu), diverifikasi: di(r.diverifikasi), dilaporkan: di(r.dilaporkan) };
}

/** A share as a percentage with one decimal (the dictionary's rule for kepatuhan and cakupan); null when nothing to share. */
export const persenBagian = (n: number, dari: number) => (dari ? Math.round((n / dari) * 1000) / 10 : null);

/** The dictionary's reporting figures over a set of kelompok (a facilitator, a kecamatan, a district, the province). */
export function ringkasPelaporan(rows: PelaporanKelompok[]): RingkasanPelaporan {
  let diharapkan = 0;
  let masuk = 0;
  let tepat = 0;
  let verif = 0;
  let kelompok = 0;
  let dikunjungi = 0;
  for (const r of rows) {
    diharapkan += r.diharapkan.length;
    masuk += r.masuk.length;
    tepat += r.tepat_waktu.length;
    verif += r.diverifikasi.length;
    if (r.aktif) kelompok++;
    if (r.masuk.length) dikunjungi++;
  }
  return { diharapkan, masuk, tepat_waktu: tepat, diverifikasi: verif, kepatuhan: persenBagian(masuk, diharapkan), kepatuhan_tepat_waktu: persenBagian(tepat, diharapkan), kelompok, kelompok_dikunjungi: dikunjungi };
}

/** Rows grouped by a key (fasilitator, kecamatan, kabupaten), each with its summary. */
export function pelaporanPer<K extends string>(rows: PelaporanKelompok[], kunci: (r: PelaporanKelompok) => K): Map<K, { rows: PelaporanKelompok[]; ringkasan: RingkasanPelaporan }> {
  const groups = new Map<K, PelaporanKelompok[]>();
  for (const r of rows) {
    const k = kunci(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return new Map([...groups].map(([k, rs]) => [k, { rows: rs, ringkasan: ringkasPelaporan(rs) }]));
}
