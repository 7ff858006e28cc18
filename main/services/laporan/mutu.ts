import type { Db } from '../../../db/connection';
import { RecordWriter } from '../../../db/write';
import { AppError } from '../../common/errors';
import { STATUS_DIHITUNG, STATUS_DIHITUNG_SQL } from '../../common/kamus';
import { bulanSebelumnya, type Katalog, type LaporanRow, type NilaiLaporan } from '../../common/laporan';
import { ATURAN_VALIDASI, diperiksaPencilan, periksaMutu, RIWAYAT_PETUNJUK, type DaftarKonfirmasi, type Temuan, type TemuanLaporan } from '../../common/mutu';
import { ambilLaporan, katalogAktif, katalogAktifK, terkunci } from './laporan';
import { baris, jalankan, type Kerja } from '../../../db/kueri';

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
  return jalankan(db, riwayatIndikatorK(input));
}

export function* riwayatIndikatorK(input: { kelompok_id: string; indikator: string; periode: string }): Kerja<{ periode: string; nilai: number | null }[]> {
  const rows = yield* baris<{ periode: string; nilai: string }>(
    `SELECT periode, nilai FROM laporan_bulanan WHERE kelompok_id = ? AND deleted_at IS NULL AND status IN (${STATUS_DIHITUNG_SQL}) AND periode >= ? AND periode < ? ORDER BY periode`,
    [input.kelompok_id, bulanSebelumnya(input.periode, RIWAYAT_PETUNJUK), input.periode],
  );
  return rows.map((r) => {
    const v = (JSON.parse(r.nilai) as NilaiLaporan)[input.indikator];
    return { periode: r.periode, nilai: typeof v === 'number' ? v : null };
  });
}


/** Every report of a month (drafts included: what is still to fix) through the quality rules and outlier checks. */
export function periksaBulan(db: Db, periode: string, f: { kabupaten?: string | null; laporanIds?: readonly string[] } = {}): TemuanLaporan[] {
  return periksaRentang(db, { dari: periode, sampai: periode, ...f });
}

/** The same on whichever database (the province's server): the month's findings of one district or all. */
export function periksaBulanK(periode: string, f: { kabupaten?: string | null } = {}): Kerja<TemuanLaporan[]> {
  return periksaRentangK({ dari: periode, sampai: periode, ...f });
}

/** A month's report as the checks read it: [key (SQLite's rowid, the id on the server), group, month, status, values, confirmations]. */
type BarisPeriksa = [number | string, string, string, string, string, string | null];

interface KelompokPeriksa {
  id: string;
  nama: string;
  kabupaten_kode: string;
  sektor: string;
  anggota: number;
}

/** The groups the checks compare, with their registered members (by id: two groups of one name list alike everywhere). */
function sqlKelompokPeriksa(kabupaten: boolean): string {
  return `SELECT k.id, k.nama, k.kabupaten_kode, k.sektor, (SELECT count(*) FROM anggota a WHERE a.kelompok_id = k.id AND a.deleted_at IS NULL) AS anggota FROM kelompok k WHERE k.deleted_at IS NULL${kabupaten ? ' AND k.kabupaten_kode = @kabupaten' : ''} ORDER BY k.id`;
}

/** The reports of the range and of the 12 months before it (the history), in the order of BarisPeriksa. */
function sqlLaporanPeriksa(kunci: 'rowid' | 'id', kabupaten: boolean, tanpaIndeks: boolean): string {
  return `SELECT l.${kunci}, l.kelompok_id, l.periode, l.status, l.nilai, l.konfirmasi FROM laporan_bulanan l${tanpaIndeks ? ' NOT INDEXED' : ''} WHERE l.periode BETWEEN @dari AND @sampai AND l.deleted_at IS NULL${kabupaten ? ' AND l.kabupaten_kode = @kabupaten' : ''}`;
}

/**
 * The quality checks over a range of months in one pass: every report (and the 12 months before the range) is read and
 * parsed once, each group's history is the counted reports before each month, and a month's peers are the district's
 * same-sector groups; 22 districts × 300 groups × 36 months check in under two seconds (`npm run bench -- periksa`).
 * On the province's server the same checks run on the rows of one snapshot (`periksaRentangK`).
 */
export function periksaRentang(db: Db, f: { dari: string; sampai: string; kabupaten?: string | null; laporanIds?: readonly string[] }): TemuanLaporan[] {
  const pk = f.kabupaten ? { kabupaten: f.kabupaten } : {};
  const katalog = katalogAktif(db);
  const kelompok = db.prepare(sqlKelompokPeriksa(!!f.kabupaten)).all(pk) as KelompokPeriksa[];
  let hanya: Set<number | string> | null = null;
  if (f.laporanIds) {
    // One statement for all of them (a bundle's 17.000 reports: one lookup each in C, not one call each from here).
    hanya = new Set(db.sqlite.prepare('SELECT rowid FROM laporan_bulanan WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(f.laporanIds)) as number[]);
  }
  const ambilId = db.sqlite.prepare('SELECT id FROM laporan_bulanan WHERE rowid = ?').pluck();
  // The whole province: the table read in its own order (faster than through the index); one district: its index.
  const baca = db.sqlite.prepare(sqlLaporanPeriksa('rowid', !!f.kabupaten, !f.kabupaten)).raw(true);
  const laporan = baca.iterate({ dari: bulanSebelumnya(f.dari, RIWAYAT_PETUNJUK), sampai: f.sampai, ...pk }) as IterableIterator<BarisPeriksa>;
  return temuanRentang(katalog, kelompok, laporan, f, { hanya, idDari: (rowid) => ambilId.get(rowid) as string });
}

/** `laporan periksa` on whichever database: a month (or a range) of one district or the whole province. */
export function* periksaRentangK(f: { dari: string; sampai: string; kabupaten?: string | null }): Kerja<TemuanLaporan[]> {
  const pk = f.kabupaten ? { kabupaten: f.kabupaten } : {};
  const katalog = yield* katalogAktifK();
  const kelompok = yield* baris<KelompokPeriksa>(sqlKelompokPeriksa(!!f.kabupaten), pk);
  const laporan = yield* baris<{ id: string; kelompok_id: string; periode: string; status: string; nilai: string; konfirmasi: string | null }>(sqlLaporanPeriksa('id', !!f.kabupaten, false), { dari: bulanSebelumnya(f.dari, RIWAYAT_PETUNJUK), sampai: f.sampai, ...pk });
  return temuanRentang(katalog, kelompok, laporan.map((r): BarisPeriksa => [r.id, r.kelompok_id, r.periode, r.status, r.nilai, r.konfirmasi]), f, { hanya: null, idDari: (id) => String(id) });
}

/**
 * The checks themselves, on reports from either reader. At the province's size the garbage collector is the cost, so
 * the reports are kept as columns, not objects: each report's JSON is parsed once, the numbers the checks read go into
 * one array per indicator (NaN where not a number), and only a report's key, group, month and status stay; ids are
 * asked for the reports with findings only (`idDari`). `hanya`: the keys of the reports to report on (the rest are history).
 */
function temuanRentang(katalog: Katalog, kelompok: KelompokPeriksa[], laporan: Iterable<BarisPeriksa>, f: { dari: string }, o: { hanya: Set<number | string> | null; idDari: (kunci: number | string) => string }): TemuanLaporan[] {
  const nomorKelompok = new Map(kelompok.map((k, g) => [k.id, g]));
  // A group's peers are its district's groups of the same sector: one number per district and sector.
  const nomorSejawat = new Map<string, number>();
  const sejawatKelompok = kelompok.map((k) => {
    const kunci = `${k.kabupaten_kode}|${k.sektor}`;
    return nomorSejawat.get(kunci) ?? nomorSejawat.set(kunci, nomorSejawat.size).get(kunci)!;
  });
  // The numbers the checks read: the outlier indicators and both sides of the rules.
  const kodeAda = new Set(katalog.indikator.map((i) => i.kode));
  const diperiksa = katalog.indikator.filter(diperiksaPencilan).map((i) => i.kode);
  const kode = [...new Set([...diperiksa, ...ATURAN_VALIDASI.flatMap((a) => [a.kiri, ...(typeof a.kanan === 'string' ? [a.kanan] : [])])])].filter((k) => kodeAda.has(k));
  const kolom = new Map<string, number[]>(kode.map((k) => [k, []]));
  const kolomDiperiksa = diperiksa.map((k) => kolom.get(k)!);
  const bulanKe = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
  const awalBaca = bulanSebelumnya(f.dari, RIWAYAT_PETUNJUK);
  const bulanDari = bulanKe(f.dari);
  const dihitungStatus = new Set<string>(STATUS_DIHITUNG);
  // Statuses as small numbers: their names, and whether each counts.
  const daftarStatus: string[] = [];
  const statusDihitung: boolean[] = [];
  const nomorStatus = new Map<string, number>();
  const kunciLaporan: (number | string)[] = [];
  const grup: number[] = [];
  const bulan: number[] = [];
  const status: number[] = [];
  const konfirmasi = new Map<number, string>();
  for (const r of laporan) {
    const g = nomorKelompok.get(r[1]);
    if (g === undefined) continue;
    const i = kunciLaporan.length;
    kunciLaporan.push(r[0]);
    grup.push(g);
    bulan.push(bulanKe(r[2]));
    let s = nomorStatus.get(r[3]);
    if (s === undefined) {
      nomorStatus.set(r[3], (s = daftarStatus.push(r[3]) - 1));
      statusDihitung.push(dihitungStatus.has(r[3]));
    }
    status.push(s);
    if (r[5]) konfirmasi.set(i, r[5]);
    const nilai = JSON.parse(r[4]) as NilaiLaporan;
    for (const [k, xs] of kolom) {
      const v = nilai[k];
      xs.push(typeof v === 'number' ? v : NaN);
    }
  }
  const n = kunciLaporan.length;
  // Ordered by group, then month: one numeric sort of keys that carry the report's place in their low bits.
  const TEMPAT = 2 ** 22;
  if (n >= TEMPAT) throw new AppError('TERLALU_BANYAK', 'Terlalu banyak laporan untuk diperiksa sekaligus; periksa per kabupaten/kota atau rentang bulan yang lebih pendek.');
  const bulanAwal = bulanKe(awalBaca);
  const urutan = new Float64Array(n);
  for (let i = 0; i < n; i++) urutan[i] = (grup[i]! * 4096 + (bulan[i]! - bulanAwal)) * TEMPAT + i;
  urutan.sort();
  const urut = new Int32Array(n);
  for (let p = 0; p < n; p++) urut[p] = urutan[p]! % TEMPAT;
  // The counted reports of each district, sector and month, for a group with a short history.
  const sejawat = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!statusDihitung[status[i]!]) continue;
    const kunci = sejawatKelompok[grup[i]!]! * 4096 + (bulan[i]! - bulanAwal);
    (sejawat.get(kunci) ?? sejawat.set(kunci, []).get(kunci)!).push(i);
  }
  const cacheSejawat = new Map<number, Map<string, number[]>>();
  const nilaiSejawat = (kunci: number, k: string): number[] => {
    let perKode = cacheSejawat.get(kunci);
    if (!perKode) cacheSejawat.set(kunci, (perKode = new Map()));
    let vs = perKode.get(k);
    if (!vs) {
      vs = [];
      const xs = kolom.get(k)!;
      for (const j of sejawat.get(kunci) ?? []) if (!Number.isNaN(xs[j]!)) vs.push(xs[j]!);
      perKode.set(k, vs);
    }
    return vs;
  };
  const penanya = new Map<number, (k: string) => number[]>();
  // One set of history arrays, emptied for each report (periksaMutu keeps none of them): no garbage per report.
  const riwayat: Record<string, number[]> = Object.fromEntries(diperiksa.map((k) => [k, []]));
  const riwayatDiperiksa = diperiksa.map((k) => riwayat[k]!);
  const ditemukan: { i: number; t: Temuan }[] = [];
  for (let p = 0; p < n; p++) {
    const i = urut[p]!;
    if (bulan[i]! < bulanDari || (o.hanya && !o.hanya.has(kunciLaporan[i]!))) continue;
    const g = grup[i]!;
    // The group's counted months before this one, within 12 months.
    const awal = bulan[i]! - RIWAYAT_PETUNJUK;
    for (const xs of riwayatDiperiksa) xs.length = 0;
    for (let q = p - 1; q >= 0; q--) {
      const j = urut[q]!;
      if (grup[j] !== g || bulan[j]! < awal) break;
      if (!statusDihitung[status[j]!]) continue;
      for (let c = 0; c < kolomDiperiksa.length; c++) {
        const v = kolomDiperiksa[c]![j]!;
        if (!Number.isNaN(v)) riwayatDiperiksa[c]!.push(v);
      }
    }
    const kunci = sejawatKelompok[g]! * 4096 + (bulan[i]! - bulanAwal);
    let tanya = penanya.get(kunci);
    if (!tanya) penanya.set(kunci, (tanya = (k: string) => nilaiSejawat(kunci, k)));
    // The report's numbers, as the checks read them (a value that is not a number is absent, as in the JSON).
    const nilai: NilaiLaporan = {};
    for (const [k, xs] of kolom) if (!Number.isNaN(xs[i]!)) nilai[k] = xs[i]!;
    const kf = konfirmasi.get(i);
    const { temuan } = periksaMutu(katalog, nilai, { riwayat, sejawat: tanya, anggotaTerdaftar: kelompok[g]!.anggota, konfirmasi: kf ? (JSON.parse(kf) as DaftarKonfirmasi) : null });
    for (const t of temuan) ditemukan.push({ i, t });
  }
  // The ids of the reports with findings, read back by row number.
  const idLaporan = new Map<number, string>();
  for (const { i } of ditemukan) if (!idLaporan.has(i)) idLaporan.set(i, o.idDari(kunciLaporan[i]!));
  const out: TemuanLaporan[] = ditemukan.map(({ i, t }) => {
    const k = kelompok[grup[i]!]!;
    return { laporan_id: idLaporan.get(i)!, kelompok_id: k.id, kelompok_nama: k.nama, kabupaten_kode: k.kabupaten_kode, status: daftarStatus[status[i]!]!, indikator: t.indikator, aturan: t.aturan, nilai: t.nilai, pembanding: t.pembanding, tingkat: t.tingkat, catatan: t.catatan, pesan: t.pesan };
  });
  // One collator for the sort: localeCompare with a locale builds one per comparison (seconds for 24.000 findings).
  const urutNama = new Intl.Collator('id');
  return out.sort((a, b) => (a.kabupaten_kode < b.kabupaten_kode ? -1 : a.kabupaten_kode > b.kabupaten_kode ? 1 : urutNama.compare(a.kelompok_nama, b.kelompok_nama)));
}
