import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dunia } from '../../../test/bundel';
import { tempDb } from '../../../test/db';
import { buatKelompok } from '../../../test/rekaman';
import { contract } from '../../common/api';
import { ajukanLaporan, simpanLaporan } from '../laporan/laporan';
import { imporBundel } from '../sinkron/impor';
import { TANPA_PELINDUNG } from '../sinkron/kunci';
import { simpanTarget } from './dashboard';
import { hitungEvaluasi, simpanPenjelasan } from './evaluasi';

const akhirTahun = new Date('2026-12-06T08:00:00Z');

function kabupaten() {
  const t = tempDb();
  const k = buatKelompok(t.db, { nama: 'KUBE A' }).id;
  t.db.sqlite.prepare("UPDATE kelompok SET created_at = '2025-12-20T02:00:00.000Z'").run();
  // Omzet reported January–August 2026: Rp1 juta a month, except nothing in May.
  for (const m of ['01', '02', '03', '04', '06', '07', '08']) {
    const id = simpanLaporan(t.db, { kelompok_id: k, periode: `2026-${m}`, nilai: { omzet: 1_000_000, biaya: 500_000, anggota_aktif: 10 + Number(m) } }).laporan.id;
    ajukanLaporan(t.db, [id], new Date(`2026-${m}-28T00:00:00Z`));
  }
  return t;
}

test('the evaluation table: quarter targets, realisation per quarter and to date from the same figures, achievement and its category', () => {
  const t = kabupaten();
  try {
    simpanTarget(t.db, contract['monev.simpanTarget'].input.parse({ tahun: 2026, indikator: 'omzet', nilai: 12_000_000 }));
    simpanTarget(t.db, contract['monev.simpanTarget'].input.parse({ tahun: 2026, indikator: 'anggota_aktif', nilai: 20 }));
    const e = hitungEvaluasi(t.db, 2026, 3, akhirTahun);
    assert.equal(e.keadaan, 'keadaan s.d. 30 September 2026');
    const omzet = e.baris.find((b) => b.indikator === 'omzet')!;
    assert.deepEqual(omzet.target_triwulan, [3_000_000, 3_000_000, 3_000_000, 3_000_000], 'a flow splits evenly');
    assert.deepEqual(omzet.realisasi_triwulan, [3_000_000, 2_000_000, 2_000_000, null], 'Triwulan IV is after the chosen quarter');
    assert.equal(omzet.target_kumulatif, 9_000_000);
    assert.equal(omzet.realisasi_kumulatif, 7_000_000);
    assert.equal(omzet.capaian, 77.8);
    assert.equal(omzet.kategori?.label, 'Tinggi');
    const anggota = e.baris.find((b) => b.indikator === 'anggota_aktif')!;
    assert.deepEqual(anggota.target_triwulan, [20, 20, 20, 20], 'a stock keeps its annual value');
    assert.equal(anggota.realisasi_kumulatif, 18, 'a stock is its latest value (August)');
    assert.equal(anggota.capaian, 90);
    assert.equal(anggota.kategori?.label, 'Tinggi');
    // No explanation yet: both rows need attention; an explanation takes one off the list and is shown.
    assert.equal(e.perlu_perhatian.length, 2);
    simpanPenjelasan(t.db, contract['monev.simpanPenjelasan'].input.parse({ tahun: 2026, triwulan: 3, indikator: 'omzet', faktor_pendorong: 'Pesanan SPPG', faktor_penghambat: 'Mei tidak berproduksi', tindak_lanjut: 'Cadangan bahan baku', penanggung_jawab: 'Fasilitator' }));
    const e2 = hitungEvaluasi(t.db, 2026, 3, akhirTahun);
    assert.equal(e2.baris.find((b) => b.indikator === 'omzet')!.penjelasan?.faktor_penghambat, 'Mei tidak berproduksi');
    assert.deepEqual(e2.perlu_perhatian.map((p) => p.nama), ['Anggota aktif']);
    // A typed quarter split is used as typed.
    simpanTarget(t.db, contract['monev.simpanTarget'].input.parse({ tahun: 2026, indikator: 'omzet', nilai: 12_000_000, target_t1: 2_000_000, target_t2: 2_000_000, target_t3: 4_000_000, target_t4: 4_000_000 }));
    assert.equal(hitungEvaluasi(t.db, 2026, 3, akhirTahun).baris.find((b) => b.indikator === 'omzet')!.target_kumulatif, 8_000_000);
  } finally {
    t.cleanup();
  }
});

test('a quarter split that does not add up, a split half filled in, or an explanation over 2.000 characters is refused and nothing changes', () => {
  const t = kabupaten();
  try {
    const simpan = (x: object) => simpanTarget(t.db, contract['monev.simpanTarget'].input.parse({ tahun: 2026, indikator: 'omzet', nilai: 12_000_000, ...x }));
    assert.throws(() => simpan({ target_t1: 3_000_000, target_t2: 3_000_000, target_t3: 3_000_000, target_t4: 2_000_000 }), /kurang Rp1\.000\.000 dari target tahunan/);
    assert.throws(() => simpan({ target_t1: 3_000_000 }), /keempat triwulan/);
    assert.equal((t.db.sqlite.prepare('SELECT count(*) AS n FROM target_indikator').get() as { n: number }).n, 0);
    assert.equal(contract['monev.simpanPenjelasan'].input.safeParse({ tahun: 2026, triwulan: 3, indikator: 'omzet', faktor_pendorong: 'x'.repeat(2001) }).success, false);
    assert.equal(contract['monev.simpanPenjelasan'].input.safeParse({ tahun: 2026, triwulan: 5, indikator: 'omzet' }).success, false);
  } finally {
    t.cleanup();
  }
});

test('the explanation travels to the province in the bundle and appears in its consolidated table', () => {
  const w = dunia();
  try {
    simpanTarget(w.kab.db, contract['monev.simpanTarget'].input.parse({ tahun: 2026, indikator: 'omzet', nilai: 12_000_000 }));
    simpanPenjelasan(w.kab.db, contract['monev.simpanPenjelasan'].input.parse({ tahun: 2026, triwulan: 3, indikator: 'omzet', faktor_penghambat: 'Hujan panjang' }));
    imporBundel(w.prov.db, TANPA_PELINDUNG, w.ekspor());
    const e = hitungEvaluasi(w.prov.db, 2026, 3, akhirTahun);
    const baris = e.baris.find((b) => b.kabupaten_kode === '35.07' && b.indikator === 'omzet')!;
    assert.equal(baris.kabupaten_nama, 'Kabupaten Malang');
    assert.equal(baris.penjelasan?.faktor_penghambat, 'Hujan panjang');
  } finally {
    w.cleanup();
  }
});

test('the province adds a total per indicator where summing is meaningful, over each district\'s own row', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openDatabase } = await import('../../../db/connection');
  const { buatDemoProvinsi } = await import('../demo/provinsi');
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-evaluasi-'));
  const db = openDatabase(buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: ['35.07', '35.09'], demo: { kelompok: 4, bulan: 12 } }));
  try {
    const e = hitungEvaluasi(db, 2026, 3, akhirTahun);
    const omzet = e.baris.filter((b) => b.indikator === 'omzet' && !b.kecamatan_kode);
    const total = omzet.find((b) => b.sumber === 'jumlah')!;
    const kab = omzet.filter((b) => b.sumber !== 'jumlah');
    assert.equal(total.wilayah, 'Jumlah 2 kabupaten/kota');
    assert.equal(total.target_tahunan, kab.reduce((a, b) => a + b.target_tahunan, 0));
    assert.equal(total.realisasi_kumulatif, kab.reduce((a, b) => a + (b.realisasi_kumulatif ?? 0), 0));
    // Averages and percentages are not summed.
    assert.ok(!e.baris.some((b) => b.sumber === 'jumlah' && b.indikator === 'kehadiran'));
    assert.ok(!e.perlu_perhatian.some((p) => p.kabupaten_nama === 'Provinsi Jawa Timur'), 'the total needs no explanation of its own');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a quarter split the province sets for a district reaches it in the reference bundle and its evaluation table', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { buatBundelReferensi } = await import('../sinkron/referensi');
  const w = dunia(1);
  try {
    const split = { target_t1: 100_000_000, target_t2: 200_000_000, target_t3: 300_000_000, target_t4: 300_000_000 };
    assert.throws(() => simpanTarget(w.prov.db, contract['monev.simpanTarget'].input.parse({ tahun: 2026, indikator: 'omzet', nilai: 800_000_000, kabupaten: '35.07', ...split })), /lebih Rp100\.000\.000/);
    simpanTarget(w.prov.db, contract['monev.simpanTarget'].input.parse({ tahun: 2026, indikator: 'omzet', nilai: 900_000_000, kabupaten: '35.07', ...split }));
    const path = join(w.prov.dir, 'referensi.bmb');
    buatBundelReferensi(w.prov.db, TANPA_PELINDUNG, path);
    imporBundel(w.kab.db, TANPA_PELINDUNG, readFileSync(path));
    const e = hitungEvaluasi(w.kab.db, 2026, 2, akhirTahun);
    const omzet = e.baris.find((b) => b.indikator === 'omzet' && b.sumber === 'provinsi')!;
    assert.deepEqual(omzet.target_triwulan, [100_000_000, 200_000_000, 300_000_000, 300_000_000]);
    assert.equal(omzet.target_kumulatif, 300_000_000);
    assert.deepEqual(hitungEvaluasi(w.prov.db, 2026, 2, akhirTahun).baris.find((b) => b.kabupaten_kode === '35.07' && b.indikator === 'omzet' && b.sumber === 'provinsi')?.target_triwulan, [100_000_000, 200_000_000, 300_000_000, 300_000_000]);
  } finally {
    w.cleanup();
  }
});
