import type { Db } from '../../../db/connection';
import { RecordWriter } from '../../../db/write';
import { AppError } from '../../common/errors';
import { STATUS_DIHITUNG, STATUS_DIHITUNG_SQL } from '../../common/kamus';
import { bulanSebelumnya, type LaporanRow, type NilaiLaporan } from '../../common/laporan';
import { diperiksaPencilan, periksaMutu, RIWAYAT_PETUNJUK, type DaftarKonfirmasi, type TemuanLaporan } from '../../common/mutu';
import { ambilLaporan, katalogAktif, terkunci } from './laporan';

// Data quality of monthly reports (common/mutu.ts): a flagged value confirmed with a note, the hint beside a cell,
// and the checks over a month or a range of months (laporan periksa, the province's bundle import).

/**
 * Confirms a flagged value with a note ("pesanan SPPG naik"): the flag clears while the value stays as confirmed, and
 * the note travels with the report. Only while the report is a draft; the value must be there.
 */
export function konfirmasiNilai(db: Db, input: { id: string; indikator: string; catatan: string }, now = new Date()): LaporanRow {
  const catatan = input.catatan.trim();
  if (catatan.length < 5) throw new AppError('CATATAN_WAJIB', 'Tulis catatan mengapa angka itu benar (paling sedikit 5 huruf), misalnya "pesanan SPPG naik".', [{ field: 'catatan', message: 'Catatan wajib diisi.' }]);
  const r = ambilLaporan(db, input.id);
  const row = db.get(db.q.selectFrom('laporan_bulanan').select(['status', 'konfirmasi']).where('id', '=', input.id));
  if (row?.status !== 'draft') throw terkunci(r);
  const v = r.nilai[input.indikator];
  if (v === undefined || v === null || v === '') throw new AppError('TIDAK_ADA_NILAI', 'Indikator itu belum diisi; tidak ada yang dikonfirmasi.');
  const writer = RecordWriter.forDb(db);
  const daftar: DaftarKonfirmasi = { ...(row.konfirmasi ? (JSON.parse(row.konfirmasi) as DaftarKonfirmasi) : {}), [input.indikator]: { nilai: v, catatan: catatan.slice(0, 500), oleh: writer.operator, pada: now.toISOString() } };
  writer.update('laporan_bulanan', input.id, { konfirmasi: JSON.stringify(daftar) }, 'ubah', `Konfirmasi ${input.indikator}: ${catatan.slice(0, 200)}`);
  return ambilLaporan(db, input.id);
}

/** The hint beside a cell: the group's counted values of one indicator over the past 12 months. */
export function riwayatIndikator(db: Db, input: { kelompok_id: string; indikator: string; periode: string }): { periode: string; nilai: number | null }[] {
  const rows = db
    .prepare(`SELECT periode, json_extract(nilai, '$.' || ?) AS v FROM laporan_bulanan WHERE kelompok_id = ? AND deleted_at IS NULL AND status IN (${STATUS_DIHITUNG_SQL}) AND periode >= ? AND periode < ? ORDER BY periode`)
    .all(input.indikator, input.kelompok_id, bulanSebelumnya(input.periode, RIWAYAT_PETUNJUK), input.periode) as { periode: string; v: unknown }[];
  return rows.map((r) => ({ periode: r.periode, nilai: typeof r.v === 'number' ? r.v : null }));
}


/** Every report of a month (drafts included: what is still to fix) through the quality rules and outlier checks. */
export function periksaBulan(db: Db, periode: string, f: { kabupaten?: string | null; laporanIds?: readonly string[] } = {}): TemuanLaporan[] {
  return periksaRentang(db, { dari: periode, sampai: periode, ...f });
}

/**
 * The quality checks over a range of months in one pass: every report (and the 12 months before the range) is read and
 * parsed once, each group's history is the counted reports before each month, and a month's peers are the district's
 * same-sector groups; so 22 districts × 300 groups × 36 months check in about a second.
 */
export function periksaRentang(db: Db, f: { dari: string; sampai: string; kabupaten?: string | null; laporanIds?: readonly string[] }): TemuanLaporan[] {
  const katalog = katalogAktif(db);
  const saring = f.kabupaten ? ' AND k.kabupaten_kode = @kabupaten' : '';
  const pk = f.kabupaten ? { kabupaten: f.kabupaten } : {};
  const kelompok = new Map(
    (db.prepare(`SELECT k.id, k.nama, k.kabupaten_kode, k.sektor, (SELECT count(*) FROM anggota a WHERE a.kelompok_id = k.id AND a.deleted_at IS NULL) AS anggota FROM kelompok k WHERE k.deleted_at IS NULL${saring}`).all(pk) as { id: string; nama: string; kabupaten_kode: string; sektor: string; anggota: number }[]).map((k) => [k.id, k]),
  );
  // Lean rows (no join): this read and its JSON are most of the work at the province.
  const rows = (
    db.sqlite
      // The whole province: the table read in its own order and sorted here (a third faster than through the index);
      // one district: its rows through the index.
      .prepare(`SELECT l.id, l.kelompok_id, l.periode, l.status, l.nilai, l.konfirmasi FROM laporan_bulanan l${f.kabupaten ? '' : ' NOT INDEXED'} WHERE l.periode BETWEEN @dari AND @sampai AND l.deleted_at IS NULL${f.kabupaten ? ' AND l.kabupaten_kode = @kabupaten' : ''}`)
      .raw(true)
      .all({ dari: bulanSebelumnya(f.dari, RIWAYAT_PETUNJUK), sampai: f.sampai, ...pk }) as [string, string, string, string, string, string | null][]
  ).sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  // Rows stay SQLite's arrays (no object per report): [id, kelompok_id, periode, status, nilai, konfirmasi].
  const ID = 0, KELOMPOK = 1, PERIODE = 2, STATUS = 3, NILAI = 4, KONFIRMASI = 5;
  const dihitungStatus = new Set<string>(STATUS_DIHITUNG);
  const n = rows.length;
  const angka: NilaiLaporan[] = new Array(n);
  const dihitung = new Uint8Array(n);
  const sejawat = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    angka[i] = JSON.parse(r[NILAI]!) as NilaiLaporan;
    dihitung[i] = dihitungStatus.has(r[STATUS]!) ? 1 : 0;
    const k = kelompok.get(r[KELOMPOK]!);
    if (dihitung[i] && k) {
      const kunci = `${k.kabupaten_kode}|${k.sektor}|${r[PERIODE]}`;
      (sejawat.get(kunci) ?? sejawat.set(kunci, []).get(kunci)!).push(i);
    }
  }
  // Only the indicators the outlier check reads are gathered; a month's peers (the district's same-sector groups,
  // the group itself among them, as aggregate-reporting systems measure a unit against its whole distribution) once.
  const diperiksa = katalog.indikator.filter(diperiksaPencilan).map((i) => i.kode);
  const cacheSejawat = new Map<string, number[]>();
  const nilaiSejawat = (kunci: string, kode: string): number[] => {
    const c = cacheSejawat.get(`${kunci}|${kode}`);
    if (c) return c;
    const vs: number[] = [];
    for (const j of sejawat.get(kunci) ?? []) {
      const v = angka[j]![kode];
      if (typeof v === 'number') vs.push(v);
    }
    cacheSejawat.set(`${kunci}|${kode}`, vs);
    return vs;
  };
  const hanya = f.laporanIds ? new Set(f.laporanIds) : null;
  const awalRiwayat = new Map<string, string>();
  // One function per district, sector and month that answers "the peers' values of this indicator".
  const penanya = new Map<string, (kode: string) => number[]>();
  // One set of history arrays, emptied for each report (periksaMutu keeps none of them): no garbage per report.
  const riwayat: Record<string, number[]> = Object.fromEntries(diperiksa.map((kode) => [kode, []]));
  const out: TemuanLaporan[] = [];
  for (let i = 0; i < n; i++) {
    const l = rows[i]!;
    const k = kelompok.get(l[KELOMPOK]!);
    if (!k || l[PERIODE]! < f.dari || (hanya && !hanya.has(l[ID]!))) continue;
    // The group's counted months before this one, within 12 months (rows are ordered by group, then month).
    const awal = awalRiwayat.get(l[PERIODE]!) ?? awalRiwayat.set(l[PERIODE]!, bulanSebelumnya(l[PERIODE]!, RIWAYAT_PETUNJUK)).get(l[PERIODE]!)!;
    for (const kode of diperiksa) riwayat[kode]!.length = 0;
    for (let j = i - 1; j >= 0 && rows[j]![KELOMPOK] === l[KELOMPOK]! && rows[j]![PERIODE] >= awal; j--) {
      if (!dihitung[j]) continue;
      for (const kode of diperiksa) {
        const v = angka[j]![kode];
        if (typeof v === 'number') riwayat[kode]!.push(v);
      }
    }
    const kunci = `${k.kabupaten_kode}|${k.sektor}|${l[PERIODE]!}`;
    let tanya = penanya.get(kunci);
    if (!tanya) penanya.set(kunci, (tanya = (kode: string) => nilaiSejawat(kunci, kode)));
    const { temuan } = periksaMutu(katalog, angka[i]!, {
      riwayat,
      sejawat: tanya,
      anggotaTerdaftar: k.anggota,
      konfirmasi: l[KONFIRMASI] ? (JSON.parse(l[KONFIRMASI]) as DaftarKonfirmasi) : null,
    });
    for (const t of temuan) out.push({ laporan_id: l[ID]!, kelompok_id: l[KELOMPOK]!, kelompok_nama: k.nama, kabupaten_kode: k.kabupaten_kode, status: l[STATUS]!, indikator: t.indikator, aturan: t.aturan, nilai: t.nilai, pembanding: t.pembanding, tingkat: t.tingkat, catatan: t.catatan, pesan: t.pesan });
  }
  // One collator for the sort: localeCompare with a locale builds one per comparison (seconds for 24.000 findings).
  const urut = new Intl.Collator('id');
  return out.sort((a, b) => (a.kabupaten_kode < b.kabupaten_kode ? -1 : a.kabupaten_kode > b.kabupaten_kode ? 1 : urut.compare(a.kelompok_nama, b.kelompok_nama)));
}
