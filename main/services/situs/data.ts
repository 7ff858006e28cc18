import { daftarPraktikBersamaK } from '../mitra';
import { kamusAngka, type DefinisiAngka } from '../../common/kamus';
import { katalogAktifK } from '../laporan';
import type { Db } from '../../../db/connection';
import { baris, jalankan, satu, type Kerja } from '../../../db/kueri';
import type { Dashboard } from '../../common/api';
import { hariIni } from '../../common/format';
import { batasPengajuan, bulanSebelumnya } from '../../common/laporan';
import { hitungDashboardK, hitungEvaluasiK, hitungMonevK } from '../dasbor';
import { triwulanTerakhirTutup } from '../../common/triwulan';
import { pengaturanK } from '../pengaturan';
import type { Pengaturan } from '../../common/records';
import { statusKabupatenK } from '../sinkron';
import { kecamatanDi, namaWilayah } from '../wilayah';
import { sensorPersen, sensorRincian, sensorSatu, type Cacah } from './sensor';

// What the public website shows, computed once from the same services as the in-app dashboard, then reduced to
// aggregates: no person, no kelompok name, counts of people of 1–4 suppressed (sensor.ts).

export interface RingkasanPublik {
  kelompok_aktif: number;
  anggota: Cacah;
  persen_dtsen: number | null;
  persen_desil_1_4: number | null;
  omzet_bulan: number;
  omzet_tahun: number;
  penjualan_offtaker_bulan: number;
  perjanjian_aktif: number;
  nilai_perjanjian_bulan: number;
  nilai_perjanjian_sppg_bulan: number;
  kepatuhan: number | null;
}

export interface WilayahPublik {
  kode: string;
  nama: string;
  ringkasan: RingkasanPublik;
  seri_omzet: Dashboard['seri_omzet'];
  sektor: { sektor: string; jumlah: number }[];
  /** Matched members per desil 1–10 (null: fewer than 5, or hidden to protect one that is). */
  desil: Cacah[];
  kecamatan: { kode: string; nama: string; kelompok_aktif: number; anggota: Cacah; omzet_tahun: number }[];
  /** Kelompok the office marked as publishable (name, sector, kecamatan); the others are only counted. */
  kelompok_publik: { nama: string; sektor: string; kecamatan: string }[];
  /** `kategori`: the achievement category to the end of the latest closed quarter (evaluation table), or null. */
  monev: { kode_wilayah: string; wilayah: string; indikator: string; nama: string; satuan: string; target: number; realisasi: number | null; persen: number | null; kategori: string | null }[];
  /** Date (YYYY-MM-DD) the district's last bundle was made (province), or its last change (district). */
  data_per: string | null;
}

export interface DataSitus {
  mode: 'provinsi' | 'kabupaten';
  produsen: string;
  /** Districts' best practices the province marked to publish (province site only; the group named only if allowed). */
  praktik: { judul: string; kabupaten_nama: string; tanggal: string; cerita: string; kelompok_nama: string | null }[];
  /** How to reach the office that publishes the site, and its emblem (a data: URL, '' when none). */
  kontak: { alamat: string; telepon: string; email: string; website: string; lambang: string };
  /** The last complete month the figures cover, YYYY-MM. */
  bulan: string;
  /** The one date stated on the site: when its newest data was made (not when the site was exported). */
  tanggal_pembaruan: string;
  regulasi: Dashboard['regulasi'];
  /** The dictionary of figures (common/kamus.ts): every figure's definition, as the app and the documents say it. */
  kamus: DefinisiAngka[];
  /** The whole province (province mode) or the district itself (district mode). */
  utama: WilayahPublik;
  /** Province: every programme district; district: itself. */
  kabupaten: WilayahPublik[];
}

function ringkasan(d: Dashboard): RingkasanPublik {
  const anggota = d.anggota.nilai;
  const cocok = d.persen_cocok_dtsen === null ? null : Math.round((d.persen_cocok_dtsen * anggota) / 100);
  const desil14 = d.desil.slice(0, 4).reduce((a, b) => a + b, 0);
  return {
    kelompok_aktif: d.kelompok_aktif.nilai,
    anggota: sensorSatu(anggota),
    persen_dtsen: cocok === null ? null : sensorPersen(cocok, anggota),
    persen_desil_1_4: cocok === null ? null : sensorPersen(desil14, anggota),
    omzet_bulan: d.omzet_bulan.nilai,
    omzet_tahun: d.omzet_tahun_berjalan.nilai,
    penjualan_offtaker_bulan: d.penjualan_offtaker_bulan.nilai,
    perjanjian_aktif: d.perjanjian_aktif.nilai,
    nilai_perjanjian_bulan: d.nilai_perjanjian_bulan,
    nilai_perjanjian_sppg_bulan: d.nilai_perjanjian_sppg_bulan,
    kepatuhan: d.kepatuhan_bulan.nilai,
  };
}

/** A breakdown of people whose total is published: suppressed, and wholly hidden if one hidden cell stays recoverable. */
function rincianAman(nilai: number[]): Cacah[] {
  const s = sensorRincian(nilai);
  return s.totalTersembunyi ? nilai.map(() => null) : s.nilai;
}

function* kecamatanKabupaten(kabupaten: string, bulan: string): Kerja<WilayahPublik['kecamatan']> {
  const per = function* <T extends { k: string }>(sql: string, p: Record<string, unknown> = {}): Kerja<Map<string, T>> {
    return new Map((yield* baris<T>(sql, { kab: kabupaten, ...p })).map((r) => [r.k, r]));
  };
  const kelompok = yield* per<{ k: string; n: number }>("SELECT kecamatan_kode AS k, count(*) AS n FROM kelompok WHERE deleted_at IS NULL AND status = 'aktif' AND kabupaten_kode = @kab GROUP BY 1");
  const anggota = yield* per<{ k: string; n: number }>('SELECT k.kecamatan_kode AS k, count(*) AS n FROM anggota a JOIN kelompok k ON k.id = a.kelompok_id WHERE a.deleted_at IS NULL AND k.deleted_at IS NULL AND k.kabupaten_kode = @kab GROUP BY 1');
  const omzet = yield* per<{ k: string; n: number }>(
    "SELECT k.kecamatan_kode AS k, coalesce(sum(l.omzet_angka), 0) AS n FROM kelompok k JOIN laporan_bulanan l ON l.kelompok_id = k.id WHERE k.deleted_at IS NULL AND l.deleted_at IS NULL AND l.status != 'draft' AND k.kabupaten_kode = @kab AND l.periode BETWEEN @awal AND @bulan GROUP BY 1",
    { awal: `${bulan.slice(0, 4)}-01`, bulan },
  );
  const kodes = kecamatanDi(kabupaten)
    .map((k) => k.kode)
    .filter((k) => kelompok.has(k) || anggota.has(k));
  const orang = rincianAman(kodes.map((k) => anggota.get(k)?.n ?? 0));
  return kodes.map((kode, i) => ({ kode, nama: namaWilayah(kode) ?? kode, kelompok_aktif: kelompok.get(kode)?.n ?? 0, anggota: orang[i]!, omzet_tahun: omzet.get(kode)?.n ?? 0 }));
}

function* wilayah(kode: string, nama: string, d: Dashboard, bulan: string, monev: WilayahPublik['monev'], dataPer: string | null, kecamatan: boolean): Kerja<WilayahPublik> {
  return {
    kode,
    nama,
    ringkasan: ringkasan(d),
    seri_omzet: d.seri_omzet,
    sektor: d.kelompok_per_sektor,
    desil: rincianAman(d.desil),
    kecamatan: kecamatan ? yield* kecamatanKabupaten(kode, bulan) : [],
    kelompok_publik: kecamatan ? yield* kelompokPublik(kode) : [],
    monev,
    data_per: dataPer,
  };
}

function* kelompokPublik(kabupaten: string): Kerja<WilayahPublik['kelompok_publik']> {
  const rows = yield* baris<{ nama: string; sektor: string; kecamatan_kode: string }>("SELECT nama, sektor, kecamatan_kode FROM kelompok WHERE deleted_at IS NULL AND status = 'aktif' AND tampil_publik = 1 AND kabupaten_kode = ? ORDER BY nama, id", [kabupaten]);
  return rows.map((r) => ({ nama: r.nama, sektor: r.sektor, kecamatan: namaWilayah(r.kecamatan_kode) ?? r.kecamatan_kode }));
}

/** The newest change in a district's own database, as a date. */
function* perubahanTerakhir(): Kerja<string | null> {
  const r = (yield* satu<{ t: string | null }>('SELECT max(t) AS t FROM (SELECT max(updated_at) AS t FROM kelompok UNION ALL SELECT max(updated_at) FROM anggota UNION ALL SELECT max(updated_at) FROM laporan_bulanan) x'))!;
  return r.t ? r.t.slice(0, 10) : null;
}

/** The office's published contact: what its letterhead carries (settings), never a person's own number. */
function kontakDari(p: Pengaturan): DataSitus['kontak'] {
  return { alamat: p.alamat_instansi, telepon: p.telepon, email: p.email, website: p.website, lambang: p.lambang };
}

export function kumpulkanDataSitus(db: Db, today = hariIni()): DataSitus {
  return jalankan(db, kumpulkanDataSitusK(today));
}

/** The website's data as a piece of work (db/kueri.ts): published from the file or from the province's server. */
export function* kumpulkanDataSitusK(today = hariIni()): Kerja<DataSitus> {
  const p = yield* pengaturanK();
  const provinsi = p.mode === 'provinsi';
  // The last month whose reports were due (by the 10th of the month after): early in a month, the month just ended
  // would show as empty while its reports are still coming in.
  const lalu = bulanSebelumnya(today.slice(0, 7), 1);
  const bulan = today >= batasPengajuan(lalu) ? lalu : bulanSebelumnya(lalu, 1);
  const semua = yield* hitungDashboardK({ bulan }, today);
  const kamus = kamusAngka(yield* katalogAktifK());
  const tahun = bulan.slice(0, 4);
  // The evaluation table's category to the latest closed quarter of the site's year, beside each target.
  const tutup = triwulanTerakhirTutup(today);
  const evaluasi = tutup.tahun === Number(tahun) ? yield* hitungEvaluasiK(tutup.tahun, tutup.triwulan, new Date(`${today}T12:00:00`)) : null;
  const kategori = new Map((evaluasi?.baris ?? []).map((b) => [`${b.kode_wilayah}|${b.indikator}|${b.sumber}`, b.kategori?.label ?? null]));
  const monev = (yield* hitungMonevK(tahun, new Date(`${today}T12:00:00`))).baris.map((b) => ({ kode_wilayah: b.kode_wilayah, wilayah: b.wilayah, indikator: b.indikator, nama: b.nama, satuan: b.satuan, target: b.target, realisasi: b.realisasi, persen: b.persen, kategori: kategori.get(`${b.kode_wilayah}|${b.indikator}|${b.sumber}`) ?? null }));
  if (!provinsi) {
    const kode = p.kabupaten_kode ?? '';
    const sendiri = yield* wilayah(kode, p.kabupaten_nama ?? namaWilayah(kode) ?? kode, semua, bulan, monev, yield* perubahanTerakhir(), true);
    return { mode: 'kabupaten', produsen: p.nama_instansi || `Bappeda ${sendiri.nama}`, kontak: kontakDari(p), praktik: [], bulan, tanggal_pembaruan: sendiri.data_per ?? today, regulasi: semua.regulasi, kamus, utama: sendiri, kabupaten: [sendiri] };
  }
  const status = (yield* statusKabupatenK(new Date(`${today}T12:00:00`))).filter((s) => s.kelompok > 0 || s.dibuat_pada);
  const dasbor: Dashboard[] = [];
  const kabupaten: WilayahPublik[] = [];
  for (const s of status) {
    const d = yield* hitungDashboardK({ bulan, kabupaten: s.kode }, today);
    dasbor.push(d);
    kabupaten.push(yield* wilayah(s.kode, s.nama, d, bulan, monev.filter((m) => m.kode_wilayah === s.kode), s.dibuat_pada?.slice(0, 10) ?? null, true));
  }
  // The districts' member counts are a breakdown of the province's: protected together.
  const orang = rincianAman(dasbor.map((d) => d.anggota.nilai));
  kabupaten.forEach((k, i) => (k.ringkasan.anggota = orang[i]!));
  const utama = yield* wilayah('35', 'Provinsi Jawa Timur', semua, bulan, monev, null, false);
  const terbaru = kabupaten.map((k) => k.data_per).filter((x): x is string => !!x).sort().at(-1) ?? null;
  const praktik = (yield* daftarPraktikBersamaK()).filter((x) => x.terbitkan).map(({ judul, kabupaten_nama, tanggal, cerita, kelompok_nama }) => ({ judul, kabupaten_nama, tanggal, cerita, kelompok_nama }));
  return { mode: 'provinsi', produsen: p.nama_instansi || 'Bappeda Provinsi Jawa Timur', kontak: kontakDari(p), praktik, bulan, tanggal_pembaruan: terbaru ?? today, regulasi: semua.regulasi, kamus, utama, kabupaten };
}
