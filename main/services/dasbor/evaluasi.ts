import { builder, type Db } from '../../../db/connection';
import { barisQ, jalankan, type Kerja } from '../../../db/kueri';
import { RecordWriter } from '../../../db/write';
import type { BarisEvaluasi, EvaluasiMonev, ParsedInput } from '../../common/api';
import { AppError } from '../../common/errors';
import { isianDari } from '../../common/register';
import type { Indikator } from '../../common/laporan';
import { bagiTarget, kategoriCapaian, ROMAWI, keadaanSampai, PITA_CAPAIAN, realisasiKumulatif, tingkatCapaian, TRIWULAN, triwulanTerakhirTutup, type PitaCapaian, type Triwulan } from '../../common/triwulan';
import { pengaturanK } from '../pengaturan';
import { katalogAktif, katalogAktifK } from '../laporan';
import { hitungMonevK, targetProvinsiK } from './dashboard';

// The regulation's evaluation table (Permendagri 86/2017; quarterly as in Permen PPN/Bappenas 1/2023): each target
// through Triwulan I–IV, realisation per quarter and to date from the same figures as every other page (hitungMonev
// per quarter, which reads the dictionary), the achievement and its category, and the district's explanation.

const kunci = (kab: string, kec: string | null, indikator: string) => `${kab}|${kec ?? ''}|${indikator}`;

/** The district's explanation of a quarter's achievement of an indicator: one per region, indicator and quarter. */
export function simpanPenjelasan(db: Db, input: ParsedInput<'monev.simpanPenjelasan'>): void {
  const writer = RecordWriter.forDb(db);
  const katalog = katalogAktif(db);
  if (!katalog.indikator.some((i) => i.kode === input.indikator)) throw new AppError('INDIKATOR_TIDAK_DIKENAL', `Indikator "${input.indikator}" tidak ada di katalog. Pilih dari daftar.`);
  const ada = db.get(
    db.q
      .selectFrom('penjelasan_monev')
      .select('id')
      .where('tahun', '=', input.tahun)
      .where('triwulan', '=', input.triwulan)
      .where('indikator', '=', input.indikator)
      .where('deleted_at', 'is', null)
      .where((eb) => (input.kecamatan_kode ? eb('kecamatan_kode', '=', input.kecamatan_kode) : eb('kecamatan_kode', 'is', null))),
  );
  const values = { ...isianDari('penjelasan_monev', input), kecamatan_kode: input.kecamatan_kode ?? null };
  if (ada) writer.update('penjelasan_monev', ada.id, values);
  else writer.insert('penjelasan_monev', values);
}

/** The evaluation table to the end of quarter `triwulan` of `tahun` (default: the latest closed quarter). */
export function hitungEvaluasi(db: Db, tahun: number, triwulan: Triwulan | null = null, today = new Date()): EvaluasiMonev {
  return jalankan(db, hitungEvaluasiK(tahun, triwulan, today));
}

/** The evaluation table as a piece of work (db/kueri.ts): the file's or the province's server's. */
export function* hitungEvaluasiK(tahun: number, triwulan: Triwulan | null = null, today = new Date()): Kerja<EvaluasiMonev> {
  const tutup = triwulanTerakhirTutup(today.toISOString().slice(0, 10));
  const tw = triwulan ?? (tahun === tutup.tahun ? tutup.triwulan : 4);
  const katalog = yield* katalogAktifK();
  const pita = katalog.pita_capaian ?? [...PITA_CAPAIAN];
  const tahunan = yield* hitungMonevK(String(tahun), today);
  const perTriwulan: (Map<string, number | null> | null)[] = [];
  for (const q of TRIWULAN) perTriwulan.push(q <= tw ? new Map((yield* hitungMonevK(`${tahun}-T${q}`, today)).baris.map((b) => [`${b.kode_wilayah}|${b.indikator}|${b.sumber}`, b.realisasi])) : null);
  const bagian = new Map(
    (yield* barisQ(builder.selectFrom('target_indikator').select(['kabupaten_kode', 'kecamatan_kode', 'indikator', 'target_t1', 'target_t2', 'target_t3', 'target_t4']).where('tahun', '=', tahun).where('deleted_at', 'is', null)))
      .filter((t) => [t.target_t1, t.target_t2, t.target_t3, t.target_t4].every((v) => v !== null))
      .map((t) => [kunci(t.kabupaten_kode, t.kecamatan_kode, t.indikator), [t.target_t1, t.target_t2, t.target_t3, t.target_t4] as [number, number, number, number]]),
  );
  // The province's own targets carry their split in its settings; they take the place of a copy sent back.
  const provinsi = (yield* pengaturanK()).mode === 'provinsi';
  if (provinsi) {
    for (const t of (yield* targetProvinsiK()).filter((x) => x.tahun === tahun)) {
      const q = [t.target_t1, t.target_t2, t.target_t3, t.target_t4];
      if (q.every((v) => typeof v === 'number')) bagian.set(kunci(t.kabupaten_kode, null, t.indikator), q as [number, number, number, number]);
    }
  }
  const penjelasan = new Map(
    (yield* barisQ(builder.selectFrom('penjelasan_monev').selectAll().where('tahun', '=', tahun).where('triwulan', '=', tw).where('deleted_at', 'is', null).orderBy('id')))
      .map((p) => [kunci(p.kabupaten_kode, p.kecamatan_kode, p.indikator), p]),
  );
  const baris: BarisEvaluasi[] = tahunan.baris.map((b) => {
    const ind = katalog.indikator.find((i) => i.kode === b.indikator)!;
    const target_triwulan = bagian.get(kunci(b.kabupaten_kode, b.kecamatan_kode, b.indikator)) ?? bagiTarget(b.target, ind.agregasi, !!ind.desimal);
    const realisasi_triwulan = perTriwulan.map((m) => (m ? (m.get(`${b.kode_wilayah}|${b.indikator}|${b.sumber}`) ?? null) : null));
    const target_kumulatif = ind.agregasi === 'SUM' ? target_triwulan.slice(0, tw).reduce((a, x) => a + x, 0) : target_triwulan[tw - 1]!;
    const realisasi_kumulatif = realisasiKumulatif(realisasi_triwulan, ind.agregasi, tw);
    const p = penjelasan.get(kunci(b.kabupaten_kode, b.kecamatan_kode, b.indikator));
    return {
      indikator: b.indikator,
      nama: b.nama,
      satuan: b.satuan,
      tipe: b.tipe,
      kode_wilayah: b.kode_wilayah,
      wilayah: b.wilayah,
      kecamatan_kode: b.kecamatan_kode,
      kabupaten_kode: b.kabupaten_kode,
      kabupaten_nama: b.kabupaten_nama,
      sumber: b.sumber,
      target_tahunan: b.target,
      target_triwulan,
      realisasi_triwulan,
      ...sampaiTriwulan(target_kumulatif, realisasi_kumulatif, pita),
      penjelasan: p ? { faktor_pendorong: p.faktor_pendorong, faktor_penghambat: p.faktor_penghambat, tindak_lanjut: p.tindak_lanjut, penanggung_jawab: p.penanggung_jawab } : null,
    };
  });
  // The province adds a total per indicator where summing is meaningful (flows and counts, not averages or
  // percentages): over each district's own row (its district-wide target; the province's when both exist).
  if (provinsi) baris.push(...jumlahProvinsi(baris, katalog.indikator, tw, pita));
  const perlu_perhatian = baris.filter((b) => b.kabupaten_kode !== '35').flatMap((b) => {
    const alasan = [b.kategori && (b.kategori.kode === 'rendah' || b.kategori.kode === 'sangat_rendah') ? `capaian ${b.kategori.label.toLowerCase()}` : '', b.penjelasan ? '' : `belum ada penjelasan Triwulan ${ROMAWI[tw]}`].filter(Boolean);
    return alasan.length ? [{ kabupaten_nama: b.kabupaten_nama, wilayah: b.wilayah, nama: b.nama, alasan: alasan.join('; ') }] : [];
  });
  return { tahun, triwulan: tw, keadaan: keadaanSampai(tahun, tw), regulasi: katalog.regulasi, pita, baris, perlu_perhatian };
}

function jumlahProvinsi(baris: BarisEvaluasi[], indikator: Indikator[], tw: Triwulan, pita: PitaCapaian[]): BarisEvaluasi[] {
  const out: BarisEvaluasi[] = [];
  for (const ind of indikator) {
    if (ind.agregasi === 'AVERAGE' || ind.tipe === 'persen' || ind.tipe === 'teks') continue;
    const perKab = new Map<string, BarisEvaluasi>();
    for (const b of baris) {
      if (b.indikator !== ind.kode || b.kecamatan_kode) continue;
      const ada = perKab.get(b.kabupaten_kode);
      if (!ada || (ada.sumber !== 'provinsi' && b.sumber === 'provinsi')) perKab.set(b.kabupaten_kode, b);
    }
    const rows = [...perKab.values()];
    if (rows.length < 2) continue;
    const jumlah = (xs: (number | null)[]) => (xs.every((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0));
    const target_triwulan = TRIWULAN.map((q) => rows.reduce((a, r) => a + r.target_triwulan[q - 1]!, 0)) as [number, number, number, number];
    const realisasi_triwulan = TRIWULAN.map((q) => (q <= tw ? jumlah(rows.map((r) => r.realisasi_triwulan[q - 1] ?? null)) : null));
    const target_kumulatif = rows.reduce((a, r) => a + r.target_kumulatif, 0);
    const realisasi_kumulatif = jumlah(rows.map((r) => r.realisasi_kumulatif));
    out.push({
      ...rows[0]!,
      kode_wilayah: '35',
      wilayah: `Jumlah ${rows.length} kabupaten/kota`,
      kabupaten_kode: '35',
      kabupaten_nama: 'Provinsi Jawa Timur',
      sumber: 'jumlah',
      target_tahunan: rows.reduce((a, r) => a + r.target_tahunan, 0),
      target_triwulan,
      realisasi_triwulan,
      ...sampaiTriwulan(target_kumulatif, realisasi_kumulatif, pita),
      penjelasan: null,
    });
  }
  return out;
}

/** Target and realisation to date, the achievement and its category: one computation for district rows and totals. */
function sampaiTriwulan(target_kumulatif: number, realisasi_kumulatif: number | null, pita: PitaCapaian[]) {
  const capaian = tingkatCapaian(realisasi_kumulatif, target_kumulatif);
  const k = kategoriCapaian(capaian, pita);
  return { target_kumulatif, realisasi_kumulatif, capaian, kategori: k ? { kode: k.kode, label: k.label } : null };
}
