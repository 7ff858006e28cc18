import type { Pengaturan } from '../../common/records';
import { builder, type Db } from '../../../db/connection';
import { barisQ, jalankan, type Kerja } from '../../../db/kueri';
import { AppError } from '../../common/errors';
import { formatDesimal, formatPeriode, hariIni } from '../../common/format';
import { STATUS_DIHITUNG } from '../../common/kamus';
import { bulanDalam, lengkapiTurunan, POLA_PERIODE, type BarisRekap, type Katalog, type Kepatuhan, type LaporanHilang, type LaporanRow, type NilaiLaporan, type Rekap, type StatusLaporan, type TingkatRekap, wajibLapor } from '../../common/laporan';
import { daftarLaporanK, katalogAktifK } from './laporan';
import { pengaturanK } from '../pengaturan';
import { bulanBerakhir, pelaporanK, pelaporanPer, ringkasPelaporan, type RingkasanPelaporan } from '../angka';
import { namaWilayah } from '../wilayah';

// Semester and annual reports are computed from the months, never typed: each indicator rolls up by
// its rule (SUM flows, LAST stocks, AVERAGE rates); higher levels add up their groups.





interface KelompokInfo {
  id: string;
  kabupaten_kode: string;
  nama: string;
  status: string;
  kecamatan_kode: string;
  fasilitator_id: string | null;
  fasilitator_nama: string | null;
  created_at: string;
}

export function periksaPeriode(periode: string): string[] {
  const months = bulanDalam(periode);
  if (!POLA_PERIODE.test(periode) || months.length === 0) {
    throw new AppError('PERIODE_TIDAK_SAH', `Periode "${periode}" tidak dikenal. Tulis 2025-01 (bulan), 2025-T1 sampai 2025-T4 (triwulan), 2025-S1 atau 2025-S2 (semester), atau 2025 (tahun).`);
  }
  return months;
}

type BulanNilai = Pick<LaporanRow, 'periode' | 'nilai'>;

/** Rolls the months of one group up by each indicator's rule. */
export function rekapKelompok(katalog: Katalog, reports: BulanNilai[]): NilaiLaporan {
  const sorted = [...reports].sort((a, b) => a.periode.localeCompare(b.periode));
  const out: NilaiLaporan = {};
  for (const i of katalog.indikator) {
    if (i.turunan) continue;
    const values = sorted.map((r) => r.nilai[i.kode]).filter((v) => v !== null && v !== undefined && v !== '');
    if (values.length === 0) {
      out[i.kode] = null;
      continue;
    }
    const numbers = values.filter((v): v is number => typeof v === 'number');
    switch (i.agregasi) {
      case 'SUM':
        out[i.kode] = numbers.reduce((a, b) => a + b, 0);
        break;
      case 'LAST':
      case 'TEKS':
        out[i.kode] = values[values.length - 1]!;
        break;
      case 'AVERAGE':
        out[i.kode] = numbers.length ? Math.round((numbers.reduce((a, b) => a + b, 0) / numbers.length) * 100) / 100 : null;
        break;
    }
  }
  return lengkapiTurunan(katalog, out);
}

/** Adds group recaps into one: flows and stocks add up across groups, rates average. Texts are not combined. */
export function gabungRekap(katalog: Katalog, parts: NilaiLaporan[]): NilaiLaporan {
  const out: NilaiLaporan = {};
  for (const i of katalog.indikator) {
    if (i.turunan || i.tipe === 'teks') continue;
    if (i.kode === VOLUME && katalog.indikator.some((x) => x.kode === SATUAN_VOLUME)) {
      Object.assign(out, volumePerSatuan(parts));
      continue;
    }
    const numbers = parts.map((p) => p[i.kode]).filter((v): v is number => typeof v === 'number');
    if (numbers.length === 0) out[i.kode] = null;
    else if (i.agregasi === 'AVERAGE') out[i.kode] = Math.round((numbers.reduce((a, b) => a + b, 0) / numbers.length) * 100) / 100;
    else out[i.kode] = numbers.reduce((a, b) => a + b, 0);
  }
  return lengkapiTurunan(katalog, out);
}

const DIHITUNG: StatusLaporan[] = [...STATUS_DIHITUNG];

const VOLUME = 'volume_produksi';
const SATUAN_VOLUME = 'satuan_produksi';

/**
 * Volumes are typed in each group's own unit (bungkus, pak, kg): the dictionary forbids one total across units.
 * One unit: its sum and the unit. Several: the sum per unit in words ("1.200 bungkus; 300 kg"), never a number.
 */
function volumePerSatuan(parts: NilaiLaporan[]): NilaiLaporan {
  const perSatuan = new Map<string, number>();
  for (const p of parts) {
    const v = p[VOLUME];
    if (typeof v !== 'number') continue;
    const satuan = String(p[SATUAN_VOLUME] ?? '').trim().toLowerCase() || 'satuan produk';
    perSatuan.set(satuan, (perSatuan.get(satuan) ?? 0) + v);
  }
  if (perSatuan.size === 0) return { [VOLUME]: null };
  if (perSatuan.size === 1) {
    const [[satuan, v]] = [...perSatuan] as [[string, number]];
    return { [VOLUME]: Math.round(v * 100) / 100, [SATUAN_VOLUME]: satuan };
  }
  return { [VOLUME]: [...perSatuan].sort((a, b) => b[1] - a[1]).map(([u, v]) => `${formatDesimal(Math.round(v * 100) / 100)} ${u}`).join('; ') };
}

export function hitungRekap(
  db: Db,
  periode: string,
  per: TingkatRekap = 'kabupaten',
  today = new Date(),
  kabupaten: string | null = null,
  /** Already read by the caller (a document): not read again. */
  dibaca?: { katalog: Katalog; pengaturan: Pengaturan },
): Rekap {
  return jalankan(db, hitungRekapK(periode, per, today, kabupaten, dibaca));
}

/** The recap as a piece of work (db/kueri.ts): the same on the district's file, the province's file or server. */
export function* hitungRekapK(
  periode: string,
  per: TingkatRekap = 'kabupaten',
  today = new Date(),
  kabupaten: string | null = null,
  dibaca?: { katalog: Katalog; pengaturan: Pengaturan },
): Kerja<Rekap> {
  const months = periksaPeriode(periode);
  const katalog = dibaca?.katalog ?? (yield* katalogAktifK());
  const now = hariIni(today).slice(0, 7);
  // A month is expected once it is over (its report is due by the 10th of the next month).
  const expectedMonths = months.filter((m) => m < now);
  const groups = (yield* barisQ(
    builder
      .selectFrom('kelompok as k')
      .leftJoin('fasilitator as f', 'f.id', 'k.fasilitator_id')
      .select(['k.id', 'k.kabupaten_kode', 'k.nama', 'k.status', 'k.kecamatan_kode', 'k.fasilitator_id', 'f.nama as fasilitator_nama', 'k.created_at'])
      .where('k.deleted_at', 'is', null)
      .$if(!!kabupaten, (q) => q.where('k.kabupaten_kode', '=', kabupaten!))
      .orderBy('k.nama')
      .orderBy('k.id'),
  )) as KelompokInfo[];
  // Lean read (no joins, no sort, three columns): this is the hot path of every recap and dashboard.
  const byGroup = new Map<string, BulanNilai[]>();
  for (const r of yield* barisQ(
    builder
      .selectFrom('laporan_bulanan')
      .select(['kelompok_id', 'periode', 'nilai'])
      .where('deleted_at', 'is', null)
      .where('periode', '>=', months[0]!)
      .where('periode', '<=', months[months.length - 1]!)
      .where('status', 'in', DIHITUNG),
  )) {
    const list = byGroup.get(r.kelompok_id);
    const row = { periode: r.periode, nilai: JSON.parse(r.nilai) as NilaiLaporan };
    if (list) list.push(row);
    else byGroup.set(r.kelompok_id, [row]);
  }

  interface Unit {
    kunci: string;
    nama: string;
    groups: { info: KelompokInfo; nilai: NilaiLaporan; masuk: number; diharapkan: number; hilang: LaporanHilang[] }[];
  }
  const units = new Map<string, Unit>();
  const pengaturan = dibaca?.pengaturan ?? (yield* pengaturanK());
  // Expected and received reports by the dictionary's one rule (services/angka): the same numbers as every page.
  const lapor = new Map((yield* pelaporanK(months, { kabupaten }, hariIni(today))).map((r) => [r.kelompok_id, r]));
  for (const g of groups) {
    const own = byGroup.get(g.id) ?? [];
    const pl = lapor.get(g.id);
    const expected = pl?.diharapkan ?? [];
    if (own.length === 0 && expected.length === 0) continue;
    const masuk = new Set(pl?.masuk ?? []);
    const hilang = expected.filter((m) => !masuk.has(m)).map((m) => ({ kelompok_id: g.id, kelompok_nama: g.nama, periode: m, kabupaten_kode: g.kabupaten_kode }));
    const [kunci, nama] =
      per === 'kelompok'
        ? [g.id, g.nama]
        : per === 'fasilitator'
          ? [g.fasilitator_id ?? '-', g.fasilitator_nama ?? '(tanpa fasilitator)']
          : per === 'kecamatan'
            ? [g.kecamatan_kode, namaWilayah(g.kecamatan_kode) ?? g.kecamatan_kode]
            : [g.kabupaten_kode, namaWilayah(g.kabupaten_kode) ?? g.kabupaten_kode];
    const unit = units.get(kunci) ?? { kunci, nama, groups: [] };
    unit.groups.push({ info: g, nilai: rekapKelompok(katalog, own), masuk: masuk.size, diharapkan: expected.length, hilang });
    units.set(kunci, unit);
  }

  const toBaris = (u: Unit): BarisRekap => {
    const masuk = u.groups.reduce((a, g) => a + g.masuk, 0);
    const diharapkan = u.groups.reduce((a, g) => a + g.diharapkan, 0);
    const single = per === 'kelompok' && u.groups.length === 1;
    return {
      kunci: u.kunci,
      nama: u.nama,
      jumlah_kelompok: u.groups.length,
      nilai: single ? u.groups[0]!.nilai : gabungRekap(katalog, u.groups.map((g) => g.nilai)),
      laporan_masuk: masuk,
      laporan_diharapkan: diharapkan,
      kelengkapan: single ? `${masuk} dari ${diharapkan} bulan` : `${masuk} dari ${diharapkan} laporan`,
      hilang: u.groups.flatMap((g) => g.hilang),
    };
  };
  const baris = [...units.values()].map(toBaris).sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  const all: Unit = { kunci: 'total', nama: pengaturan.kabupaten_nama ?? 'Total', groups: [...units.values()].flatMap((u) => u.groups) };
  const total = { ...toBaris(all), kelengkapan: `${toBaris(all).laporan_masuk} dari ${toBaris(all).laporan_diharapkan} laporan` };
  // "Rekap Semester I 2025", "Rekap Tahunan 2025": the period's own words, never doubled.
  const judul = months.length === 1 ? `Laporan Bulanan ${formatPeriode(periode)}` : months.length === 6 ? `Rekap ${formatPeriode(periode)}` : `Rekap Tahunan ${periode}`;
  return {
    periode,
    judul,
    per,
    katalog_versi: katalog.versi,
    bulan: months,
    bulan_diharapkan: expectedMonths,
    baris,
    total,
  };
}


/** Which groups lack a report for which month, and each facilitator's compliance and on-time rate (services/angka). */
export function hitungKepatuhan(db: Db, periode: string, today = new Date()): Kepatuhan {
  return jalankan(db, hitungKepatuhanK(periode, today));
}

export function* hitungKepatuhanK(periode: string, today = new Date()): Kerja<Kepatuhan> {
  const hari = hariIni(today);
  const months = bulanBerakhir(periksaPeriode(periode), hari);
  const rows = (yield* pelaporanK(months, {}, hari)).filter((r) => r.aktif);
  const statusOf = new Map(months.length ? (yield* daftarLaporanK({ dari: months[0], sampai: months[months.length - 1] })).map((r) => [`${r.kelompok_id}|${r.periode}`, r.status]) : []);
  const kelompok = rows.map((g) => ({
    id: g.kelompok_id,
    nama: g.nama,
    kabupaten_kode: g.kabupaten_kode,
    fasilitator_nama: g.fasilitator_nama,
    status: months.map((m) => statusOf.get(`${g.kelompok_id}|${m}`) ?? (wajibLapor(g.created_at, m) ? null : 'belum_wajib')),
  }));
  const angka = (r: RingkasanPelaporan) => ({ diharapkan: r.diharapkan, masuk: r.masuk, persen: r.kepatuhan ?? 0, tepat_waktu: r.tepat_waktu, persen_tepat_waktu: r.kepatuhan_tepat_waktu ?? 0 });
  const fasilitator = [...pelaporanPer(rows, (r) => r.fasilitator_id ?? '-')]
    .map(([id, x]) => ({ id, nama: x.rows[0]!.fasilitator_nama ?? '(tanpa fasilitator)', kabupaten_kode: x.rows[0]!.kabupaten_kode, ...angka(x.ringkasan) }))
    .sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  return { periode, bulan: months, kelompok, fasilitator, total: angka(ringkasPelaporan(rows)) };
}
