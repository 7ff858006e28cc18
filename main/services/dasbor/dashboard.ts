import { salahBagian, tingkatCapaian } from '../../common/triwulan';
import { builder, type Db } from '../../../db/connection';
import { baris, barisQ, jalankan, satuQ, ubah, type Kerja } from '../../../db/kueri';
import { RecordWriter } from '../../../db/write';
import { AppError } from '../../common/errors';
import { bulanDalam, bulanSebelumnya, type Katalog } from '../../common/laporan';
import { bulanBerakhir, hanyaBulan, pelaporanK, pelaporanPer, ringkasPelaporan, type RingkasanPelaporan } from '../angka';
import { saringKelompokSql } from '../../common/kamus';
import { formatAngka, formatRupiah, hariIni } from '../../common/format';
import { katalogAktifK } from '../laporan';
import { bacaPengaturan, pengaturanK, simpanNilaiK } from '../pengaturan';
import { desilDtsenK } from '../dtsen';
import { hitungRekapK } from '../laporan';
import { namaWilayah } from '../wilayah';
import type { Dashboard, MonitoringFasilitator, Monev, ParsedInput } from '../../common/api';
import { isianDari } from '../../common/register';

type BarisMonev = Monev['baris'][number];

// The home screen: headline figures with their change, the series and breakdowns behind the charts,
// and (province) the ranking of districts, all from the same records, filtered the same way.

export interface FilterDashboard {
  /** Last complete month shown, YYYY-MM (default: last month). */
  bulan?: string | null;
  kabupaten?: string | null;
  kecamatan?: string | null;
  fasilitator?: string | null;
  sektor?: string | null;
}



function bulanLaluDari(today: string): string {
  return bulanSebelumnya(today.slice(0, 7), 1);
}

export function hitungDashboard(db: Db, f: FilterDashboard = {}, today = hariIni()): Dashboard {
  return jalankan(db, hitungDashboardK(f, today));
}

/** The dashboard as a piece of work (db/kueri.ts): the same figures from the district's file or the province's server. */
export function* hitungDashboardK(f: FilterDashboard = {}, today = hariIni()): Kerja<Dashboard> {
  const bulan = f.bulan ?? bulanLaluDari(today);
  const prev = bulanSebelumnya(bulan, 1);
  const year = bulan.slice(0, 4);
  const lastYear = String(Number(year) - 1);
  const { where: W, p } = saringKelompokSql(f);
  const all = <T>(sql: string, extra: Record<string, unknown> = {}) => baris<T>(sql, { ...p, ...extra });

  const window = Array.from({ length: 24 }, (_, i) => bulanSebelumnya(bulan, 23 - i));
  const provinsi = (yield* pengaturanK()).mode === 'provinsi';
  // The province without filters on kelompok reads the sums per kabupaten and month that each bundle
  // import keeps (laporan_rekap_kabupaten); a district and any filter on kelompok (kecamatan,
  // fasilitator, sektor) walk the kelompok that pass and read each one's months from the
  // kelompok-first index.
  const perKabupaten = !f.kecamatan && !f.fasilitator && !f.sektor;

  // Reporting figures by the dictionary's one rule (services/angka): the same as the recap, e-monev and the website.
  const lapDua = yield* pelaporanK([prev, bulan], f, today);
  const lapIni = hanyaBulan(lapDua, bulan);
  const lapLalu = hanyaBulan(lapDua, prev);
  const jumlah = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((acc, r) => acc + Number(pick(r) ?? 0), 0);
  const aktif = lapIni.filter((r) => r.aktif).length;
  const aktifLalu = lapIni.filter((r) => r.aktif && r.created_at < `${bulan}-01`).length;
  const kepatuhanIni = ringkasPelaporan(lapIni);
  const kepatuhanLalu = ringkasPelaporan(lapLalu);

  const mulai = `${bulan}-01`;
  const anggotaRows = perKabupaten
    ? yield* all<{ k: string; n: number; lama: number }>(
        `SELECT kabupaten_kode AS k, count(*) AS n, count(*) FILTER (WHERE created_at < @mulai) AS lama FROM anggota INDEXED BY anggota_kabupaten
         WHERE deleted_at IS NULL${f.kabupaten ? ' AND kabupaten_kode = @kabupaten' : ''} GROUP BY 1`,
        { mulai },
      )
    : yield* all<{ k: string; n: number; lama: number }>(
        `SELECT k.kabupaten_kode AS k, count(*) AS n, count(*) FILTER (WHERE a.created_at < @mulai) AS lama FROM kelompok k CROSS JOIN anggota a ON a.kelompok_id = k.id WHERE a.deleted_at IS NULL AND ${W} GROUP BY 1`,
        { mulai },
      );
  const anggota = { n: jumlah(anggotaRows, (x) => x.n), lama: jumlah(anggotaRows, (x) => x.lama) };

  // Sums of 24 months of reports per month (and per kabupaten, for the ranking): the hot path.
  const bulanan = provinsi && perKabupaten ? yield* rekapTersimpan(window, f.kabupaten ?? null) : yield* sumPerKelompok(W, p, window);
  const seri = window.map((periode) => {
    const rows = bulanan.filter((x) => x.periode === periode);
    return { periode, laporan: rows.length, omzet: jumlah(rows, (x) => x.omzet), biaya: jumlah(rows, (x) => x.biaya), offtaker: jumlah(rows, (x) => x.offtaker) };
  });
  const di = (m: string) => seri.find((x) => x.periode === m);
  const omzetDi = (m: string) => di(m)?.omzet ?? 0;
  const ytd = (y: string, upTo: string) => seri.filter((x) => x.periode >= `${y}-01` && x.periode <= `${y}-${upTo.slice(5, 7)}`).reduce((a, x) => a + x.omzet, 0);
  const offtaker = (m: string) => di(m)?.offtaker ?? 0;
  // Registered members and their desil: a district from its own matching results, the province from the
  // counts per kelompok each district sends (no person's result travels).
  const { cocok, desil } = yield* desilDtsenK(f, provinsi);
  const desil14 = desil.slice(0, 4).reduce((a, b) => a + b, 0);
  // Agreements in force today and on the first day of last month, per kind of buyer, in one pass.
  const berlaku = (t: string) => `(pj.mulai <= ${t} AND pj.selesai >= ${t})`;
  const jenisRows = yield* all<{ jenis: string; n: number; n_lalu: number; nilai: number }>(
    `SELECT o.jenis, count(*) FILTER (WHERE ${berlaku('@t')}) AS n, count(*) FILTER (WHERE ${berlaku('@tp')}) AS n_lalu, coalesce(sum(CASE WHEN ${berlaku('@t')} THEN round(pj.volume * pj.harga_satuan) ELSE 0 END), 0) AS nilai
     FROM perjanjian pj JOIN kelompok k ON k.id = pj.kelompok_id JOIN offtaker o ON o.id = pj.offtaker_id
     WHERE pj.deleted_at IS NULL AND pj.status = 'aktif' AND ${W} GROUP BY o.jenis ORDER BY o.jenis`,
    { t: today, tp: `${prev}-01` },
  );
  const jenis = jenisRows.filter((j) => j.n > 0).sort((x, y) => y.nilai - x.nilai);
  const pjNow = { n: jumlah(jenisRows, (x) => x.n), nilai: jumlah(jenisRows, (x) => x.nilai), sppg: jumlah(jenisRows.filter((x) => x.jenis === 'SPPG'), (x) => x.nilai) };
  const pjPrev = { n: jumlah(jenisRows, (x) => x.n_lalu) };
  const sektor = yield* all<{ sektor: string; n: number }>(`SELECT k.sektor, count(*) AS n FROM kelompok k WHERE ${W} AND k.status = 'aktif' GROUP BY k.sektor ORDER BY n DESC, k.sektor`);
  const katalog: Katalog = yield* katalogAktifK();
  let peringkat: Dashboard['peringkat'] = null;
  if (provinsi && !f.kabupaten) {
    peringkat = yield* peringkatKabupaten(bulan, today, perKabupaten ? bulanan : yield* rekapTersimpan(window, null), perKabupaten ? anggotaRows : null, pelaporanPer(lapIni, (r) => r.kabupaten_kode));
  }
  return {
    bulan,
    regulasi: { versi: katalog.versi, nama: katalog.nama, regulasi: katalog.regulasi },
    kelompok_aktif: { nilai: aktif, sebelumnya: aktifLalu || null },
    anggota: { nilai: anggota.n, sebelumnya: Number(anggota.lama ?? 0) },
    persen_cocok_dtsen: cocok === null || !anggota.n ? null : Math.round((cocok / anggota.n) * 1000) / 10,
    persen_desil_1_4: cocok ? Math.round((desil14 / anggota.n) * 1000) / 10 : null,
    omzet_bulan: { nilai: omzetDi(bulan), sebelumnya: omzetDi(prev) },
    omzet_tahun_berjalan: { nilai: ytd(year, bulan), sebelumnya: ytd(lastYear, bulan) },
    penjualan_offtaker_bulan: { nilai: offtaker(bulan), sebelumnya: offtaker(prev) },
    perjanjian_aktif: { nilai: pjNow.n, sebelumnya: pjPrev.n },
    nilai_perjanjian_bulan: pjNow.nilai,
    nilai_perjanjian_sppg_bulan: pjNow.sppg,
    kepatuhan_bulan: { nilai: kepatuhanIni.kepatuhan, sebelumnya: kepatuhanLalu.kepatuhan },
    seri_omzet: seri.map((s) => ({ periode: s.periode, omzet: s.omzet, laba: s.omzet - s.biaya, ada_laporan: s.laporan > 0 })),
    desil,
    kepatuhan_fasilitator: [...pelaporanPer(lapIni.filter((r) => r.aktif), (r) => r.fasilitator_id ?? '-')]
      .filter(([, x]) => x.ringkasan.diharapkan > 0)
      .map(([, x]) => ({ nama: x.rows[0]!.fasilitator_nama ?? '(tanpa fasilitator)', kabupaten_nama: namaWilayah(x.rows[0]!.kabupaten_kode) ?? x.rows[0]!.kabupaten_kode, diharapkan: x.ringkasan.diharapkan, masuk: x.ringkasan.masuk, persen: x.ringkasan.kepatuhan ?? 0 }))
      .sort((a, b) => a.kabupaten_nama.localeCompare(b.kabupaten_nama, 'id') || a.nama.localeCompare(b.nama, 'id')),
    perjanjian_per_jenis: jenis.map((j) => ({ jenis: j.jenis, jumlah: j.n, nilai_bulan: j.nilai })),
    kelompok_per_sektor: sektor.map((s) => ({ sektor: s.sektor, jumlah: s.n })),
    peringkat,
  };
}

interface BulanKabupaten {
  periode: string;
  kab: string;
  omzet: number;
  biaya: number;
  offtaker: number;
  n: number;
}

/** Submitted reports of the kelompok passing `where` (on kelompok k and report l), summed per month and kabupaten. */
const sqlSumPerKelompok = (where: string) =>
  `SELECT l.periode, k.kabupaten_kode AS kab, coalesce(sum(l.omzet_angka), 0) AS omzet, coalesce(sum(l.biaya_angka), 0) AS biaya, coalesce(sum(l.offtaker_angka), 0) AS offtaker, count(*) AS n
   FROM kelompok k CROSS JOIN laporan_bulanan l INDEXED BY laporan_kelompok_dasbor ON l.kelompok_id = k.id
   WHERE l.deleted_at IS NULL AND l.status != 'draft' AND ${where} GROUP BY 1, 2`;

function sumPerKelompok(where: string, p: Record<string, unknown>, months: string[]): Kerja<BulanKabupaten[]> {
  return baris<BulanKabupaten>(sqlSumPerKelompok(`l.periode BETWEEN @dari AND @sampai AND ${where}`), { ...p, dari: months[0], sampai: months[months.length - 1] });
}

/** Province: the sums per kabupaten and month kept by the bundle import. */
function rekapTersimpan(months: string[], kabupaten: string | null): Kerja<BulanKabupaten[]> {
  return baris<BulanKabupaten>(
    `SELECT periode, kabupaten_kode AS kab, omzet, biaya, offtaker, n FROM laporan_rekap_kabupaten WHERE periode BETWEEN @dari AND @sampai${kabupaten ? ' AND kabupaten_kode = @kabupaten' : ''}`,
    { dari: months[0], sampai: months[months.length - 1], ...(kabupaten ? { kabupaten } : {}) },
  );
}

/**
 * Province, inside a bundle import's transaction: recomputes one kabupaten's sums per month from its
 * reports, as the dashboard counts them (submitted, not deleted, of kelompok not deleted).
 */
export function rekapLaporanKabupaten(db: Db, kabupaten: string): void {
  jalankan(db, rekapLaporanKabupatenK(kabupaten));
}

export function* rekapLaporanKabupatenK(kabupaten: string): Kerja<void> {
  yield* ubah('DELETE FROM laporan_rekap_kabupaten WHERE kabupaten_kode = ?', [kabupaten]);
  yield* ubah(`INSERT INTO laporan_rekap_kabupaten (periode, kabupaten_kode, omzet, biaya, offtaker, n) ${sqlSumPerKelompok('k.kabupaten_kode = @kabupaten AND k.deleted_at IS NULL')}`, { kabupaten });
}

/** The district ranking: the same figures per kabupaten, from the province-wide sums already read. */
function* peringkatKabupaten(bulan: string, today: string, bulanan: BulanKabupaten[], anggotaRows: { k: string; n: number }[] | null, lapor: Map<string, { ringkasan: RingkasanPelaporan }>): Kerja<NonNullable<Dashboard['peringkat']>> {
  const map = function* <T extends { k: string }>(sql: string, p: Record<string, unknown> = {}): Kerja<Map<string, T>> {
    return new Map((yield* baris<T>(sql, p)).map((r) => [r.k, r]));
  };
  const kelompok = yield* map<{ k: string; n: number }>(`SELECT kabupaten_kode AS k, count(*) AS n FROM kelompok WHERE deleted_at IS NULL AND status = 'aktif' GROUP BY 1 ORDER BY 1`);
  const anggota = anggotaRows ? new Map(anggotaRows.map((r) => [r.k, r])) : yield* map<{ k: string; n: number }>('SELECT kabupaten_kode AS k, count(*) AS n FROM anggota INDEXED BY anggota_kabupaten WHERE deleted_at IS NULL GROUP BY 1');
  const awalTahun = `${bulan.slice(0, 4)}-01`;
  const laporan = new Map<string, { omzet: number }>();
  for (const r of bulanan) {
    if (r.periode < awalTahun || r.periode > bulan) continue;
    const x = laporan.get(r.kab) ?? { omzet: 0 };
    x.omzet += r.omzet;
    laporan.set(r.kab, x);
  }
  const nilai = yield* map<{ k: string; n: number }>("SELECT kabupaten_kode AS k, sum(round(volume * harga_satuan)) AS n FROM perjanjian WHERE deleted_at IS NULL AND status = 'aktif' AND mulai <= @t AND selesai >= @t GROUP BY 1", { t: today });
  return [...kelompok.keys()]
    .filter((k) => k !== '35')
    .map((kode) => {
      const n = kelompok.get(kode)?.n ?? 0;
      const l = laporan.get(kode);
      return { kode, nama: namaWilayah(kode) ?? kode, kelompok: n, anggota: anggota.get(kode)?.n ?? 0, omzet_tahun: l?.omzet ?? 0, kepatuhan: lapor.get(kode)?.ringkasan.kepatuhan ?? null, nilai_perjanjian: nilai.get(kode)?.n ?? 0 };
    })
    .sort((a, b) => b.omzet_tahun - a.omzet_tahun);
}

// ---------------------------------------------------------------- e-monev


export interface TargetProvinsi {
  kabupaten_kode: string;
  tahun: number;
  indikator: string;
  nilai: number;
  /** The year split per quarter, when the province set one (else split by default where it is used). */
  target_t1?: number | null;
  target_t2?: number | null;
  target_t3?: number | null;
  target_t4?: number | null;
}

type Bagian = Pick<ParsedInput<'monev.simpanTarget'>, 'nilai' | 'indikator' | 'target_t1' | 'target_t2' | 'target_t3' | 'target_t4'>;

/** A quarter split is all four quarters or none (then split by default), and a flow's four add up to the year's. */
function periksaBagian(db: Db, input: Bagian): void {
  jalankan(db, periksaBagianK(input));
}

function* periksaBagianK(input: Bagian): Kerja<void> {
  const bagian = [input.target_t1, input.target_t2, input.target_t3, input.target_t4];
  if (!bagian.some((v) => v !== null && v !== undefined)) return;
  if (bagian.some((v) => v === null || v === undefined || !Number.isFinite(v) || v < 0)) throw new AppError('TARGET_TRIWULAN', 'Isi target keempat triwulan, atau kosongkan semuanya agar dibagi otomatis.', [{ field: 'target_t1', message: 'Isi keempat triwulan.' }]);
  const ind = (yield* katalogAktifK()).indikator.find((i) => i.kode === input.indikator);
  const salah = salahBagian(input.nilai, bagian as number[], ind?.agregasi ?? 'SUM', ind?.tipe === 'rupiah' ? formatRupiah : formatAngka);
  if (salah) throw new AppError('TARGET_TRIWULAN', salah, [{ field: 'target_t4', message: salah }]);
}

/** Province: the targets it sets per kabupaten, sent to the districts in the reference bundle. */
export function targetProvinsi(db: Db): TargetProvinsi[] {
  return jalankan(db, targetProvinsiK());
}

export function* targetProvinsiK(): Kerja<TargetProvinsi[]> {
  const row = yield* satuQ(builder.selectFrom('pengaturan').select('nilai').where('kunci', '=', 'target_provinsi'));
  return row ? (JSON.parse(row.nilai) as TargetProvinsi[]) : [];
}

function* periksaIndikatorK(kode: string) {
  const katalog = yield* katalogAktifK();
  const ind = katalog.indikator.find((i) => i.kode === kode);
  if (!ind || ind.tipe === 'teks') throw new AppError('INDIKATOR_TIDAK_DIKENAL', `Indikator "${kode}" tidak ada di katalog versi ${katalog.versi} atau tidak berupa angka.`);
  return ind;
}

export function simpanTarget(db: Db, input: ParsedInput<'monev.simpanTarget'>): void {
  if (bacaPengaturan(db).mode === 'provinsi') return db.tx(() => jalankan(db, simpanTargetProvinsiK(input)));
  jalankan(db, periksaIndikatorK(input.indikator));
  simpanTargetKabupaten(db, { ...input, sumber: 'kabupaten' });
}

/** Province: a target for a kabupaten, kept in its settings and sent in the reference bundle (the file or the server). */
export function* simpanTargetProvinsiK(input: ParsedInput<'monev.simpanTarget'>): Kerja<void> {
  yield* periksaIndikatorK(input.indikator);
  if ((yield* pengaturanK()).mode !== 'provinsi') throw new AppError('MODE_SALAH', 'Target per kabupaten/kota ditetapkan provinsi.');
  if (!input.kabupaten || !namaWilayah(input.kabupaten)) throw new AppError('PILIH_KABUPATEN', 'Pilih kabupaten/kota yang diberi target.', [{ field: 'kabupaten', message: 'Pilih kabupaten/kota.' }]);
  yield* periksaBagianK(input);
  const list = (yield* targetProvinsiK()).filter((t) => !(t.kabupaten_kode === input.kabupaten && t.tahun === input.tahun && t.indikator === input.indikator));
  list.push({ kabupaten_kode: input.kabupaten, tahun: input.tahun, indikator: input.indikator, nilai: input.nilai, target_t1: input.target_t1 ?? null, target_t2: input.target_t2 ?? null, target_t3: input.target_t3 ?? null, target_t4: input.target_t4 ?? null });
  yield* simpanNilaiK('target_provinsi', JSON.stringify(list));
}

/** A district's own target, or one the province sent (sumber 'provinsi'), for the kabupaten or a kecamatan. */
export function simpanTargetKabupaten(db: Db, input: ParsedInput<'monev.simpanTarget'> & { sumber: 'kabupaten' | 'provinsi' }): void {
  const writer = RecordWriter.forDb(db);
  const existing = db.get(
    db.q
      .selectFrom('target_indikator')
      .select('id')
      .where('tahun', '=', input.tahun)
      .where('indikator', '=', input.indikator)
      .where('deleted_at', 'is', null)
      .$if(input.kecamatan_kode === null, (q) => q.where('kecamatan_kode', 'is', null))
      .$if(input.kecamatan_kode !== null, (q) => q.where('kecamatan_kode', '=', input.kecamatan_kode!)),
  );
  periksaBagian(db, input);
  const values = { ...isianDari('target_indikator', input), kecamatan_kode: input.kecamatan_kode ?? null, sumber: input.sumber };
  if (existing) writer.update('target_indikator', existing.id, values);
  else writer.insert('target_indikator', values);
}

/**
 * Targets against realisation for a month, semester or year. A year's target of a flow (SUM) is
 * pro-rated to the period's months; stocks and rates compare as they are.
 */
export function hitungMonev(db: Db, periode: string, today = new Date()): Monev {
  return jalankan(db, hitungMonevK(periode, today));
}

/** e-monev as a piece of work (db/kueri.ts): the same table from the file or the province's server. */
export function* hitungMonevK(periode: string, today = new Date()): Kerja<Monev> {
  const tahun = Number(periode.slice(0, 4));
  const katalog = yield* katalogAktifK();
  const months = bulanDalam(periode).length;
  const pengaturan = yield* pengaturanK();
  const targetTahun = builder.selectFrom('target_indikator').selectAll().where('tahun', '=', tahun).where('deleted_at', 'is', null).orderBy('id');
  if (pengaturan.mode === 'provinsi') {
    // Province: its own targets per kabupaten, and the targets each district set (or was sent) for itself and its
    // kecamatan, which arrive in its bundles; each against the same realisation, each row naming its kabupaten/kota.
    const perKab = yield* hitungRekapK(periode, 'kabupaten', today);
    const dariKabupaten = yield* barisQ(targetTahun);
    const perKec = dariKabupaten.some((t) => t.kecamatan_kode) ? yield* hitungRekapK(periode, 'kecamatan', today) : null;
    const milikProvinsi = (yield* targetProvinsiK()).filter((t) => t.tahun === tahun);
    const sudah = new Set(milikProvinsi.map((t) => `${t.kabupaten_kode}|${t.indikator}`));
    const baris = [
      ...milikProvinsi.map((t) => ({ kabupaten: t.kabupaten_kode, kecamatan: null, indikator: t.indikator, nilai: t.nilai, sumber: 'provinsi' })),
      // A province target a district received and sent back is the same target: listed once.
      ...dariKabupaten.filter((t) => !(t.sumber === 'provinsi' && !t.kecamatan_kode && sudah.has(`${t.kabupaten_kode}|${t.indikator}`))).map((t) => ({ kabupaten: t.kabupaten_kode, kecamatan: t.kecamatan_kode, indikator: t.indikator, nilai: t.nilai, sumber: t.sumber })),
    ]
      .flatMap((t) => {
        const ind = katalog.indikator.find((i) => i.kode === t.indikator);
        if (!ind) return [];
        const target = ind.agregasi === 'SUM' ? Math.round((t.nilai * months) / 12) : t.nilai;
        const v = (t.kecamatan ? perKec?.baris.find((b) => b.kunci === t.kecamatan) : perKab.baris.find((b) => b.kunci === t.kabupaten))?.nilai[ind.kode];
        const realisasi = typeof v === 'number' ? v : null;
        const kodeWilayah = t.kecamatan ?? t.kabupaten;
        return [{ indikator: ind.kode, nama: ind.nama, satuan: ind.satuan, tipe: ind.tipe, kecamatan_kode: t.kecamatan, kode_wilayah: kodeWilayah, wilayah: namaWilayah(kodeWilayah) ?? kodeWilayah, kabupaten_kode: t.kabupaten, kabupaten_nama: namaWilayah(t.kabupaten) ?? t.kabupaten, target, realisasi, persen: tingkatCapaian(realisasi, target), sumber: t.sumber }];
      })
      .sort((a, b) => a.kabupaten_nama.localeCompare(b.kabupaten_nama, 'id') || (a.kecamatan_kode ?? '').localeCompare(b.kecamatan_kode ?? '') || a.indikator.localeCompare(b.indikator) || a.sumber.localeCompare(b.sumber));
    return { periode, regulasi: katalog.regulasi, katalog_versi: katalog.versi, baris };
  }
  const targets = yield* barisQ(targetTahun);
  const kab = yield* hitungRekapK(periode, 'kabupaten', today);
  const kec = targets.some((t) => t.kecamatan_kode) ? yield* hitungRekapK(periode, 'kecamatan', today) : null;
  const baris: BarisMonev[] = [];
  for (const t of targets) {
    const ind = katalog.indikator.find((i) => i.kode === t.indikator);
    if (!ind) continue;
    const target = ind.agregasi === 'SUM' ? Math.round((t.nilai * months) / 12) : t.nilai;
    const src = t.kecamatan_kode ? kec?.baris.find((b) => b.kunci === t.kecamatan_kode)?.nilai : kab.total.nilai;
    const realisasi = typeof src?.[ind.kode] === 'number' ? (src[ind.kode] as number) : null;
    baris.push({
      indikator: ind.kode,
      nama: ind.nama,
      satuan: ind.satuan,
      tipe: ind.tipe,
      kecamatan_kode: t.kecamatan_kode,
      kode_wilayah: t.kecamatan_kode ?? pengaturan.kabupaten_kode ?? '',
      wilayah: t.kecamatan_kode ? (namaWilayah(t.kecamatan_kode) ?? t.kecamatan_kode) : (pengaturan.kabupaten_nama ?? ''),
      kabupaten_kode: t.kabupaten_kode,
      kabupaten_nama: namaWilayah(t.kabupaten_kode) ?? t.kabupaten_kode,
      target,
      realisasi,
      persen: tingkatCapaian(realisasi, target),
      sumber: t.sumber,
    });
  }
  baris.sort((a, b) => (a.kecamatan_kode ?? '').localeCompare(b.kecamatan_kode ?? '') || a.indikator.localeCompare(b.indikator));
  return { periode, regulasi: katalog.regulasi, katalog_versi: katalog.versi, baris };
}


/**
 * Per facilitator over a period, by the dictionary's reporting figures (services/angka): active groups, reports
 * expected, in, on time and verified (never more than expected), groups visited (never more than groups), and the
 * open follow-ups in their groups. Each row names its kabupaten/kota (the province lists 22 districts' facilitators).
 */
export function monitoringFasilitator(db: Db, periode: string, today = hariIni()): MonitoringFasilitator[] {
  return jalankan(db, monitoringFasilitatorK(periode, today));
}

export function* monitoringFasilitatorK(periode: string, today = hariIni()): Kerja<MonitoringFasilitator[]> {
  const rows = (yield* pelaporanK(bulanBerakhir(bulanDalam(periode), today), {}, today)).filter((r) => r.aktif);
  const per = pelaporanPer(rows, (r) => r.fasilitator_id ?? '-');
  const fas = yield* barisQ(builder.selectFrom('fasilitator').select(['id', 'nama', 'kabupaten_kode']).where('deleted_at', 'is', null).orderBy('id'));
  const terbuka = new Map(
    (yield* baris<{ f: string; n: number }>(`SELECT k.fasilitator_id AS f, count(*) AS n FROM tindak_lanjut t JOIN isu i ON i.id = t.isu_id JOIN kelompok k ON k.id = i.kelompok_id WHERE t.deleted_at IS NULL AND t.status != 'selesai' GROUP BY 1`)).map((r) => [r.f, r.n]),
  );
  return fas
    .map((f) => {
      const x = per.get(f.id)?.ringkasan ?? ringkasPelaporan([]);
      return {
        id: f.id,
        nama: f.nama,
        kabupaten_kode: f.kabupaten_kode,
        kabupaten_nama: namaWilayah(f.kabupaten_kode) ?? f.kabupaten_kode,
        kelompok: x.kelompok,
        laporan_diharapkan: x.diharapkan,
        laporan_masuk: x.masuk,
        diajukan_tepat_waktu: x.tepat_waktu,
        diverifikasi: x.diverifikasi,
        kelompok_dikunjungi: x.kelompok_dikunjungi,
        tindak_lanjut_terbuka: terbuka.get(f.id) ?? 0,
      };
    })
    .sort((a, b) => a.kabupaten_nama.localeCompare(b.kabupaten_nama, 'id') || a.nama.localeCompare(b.nama, 'id'));
}
