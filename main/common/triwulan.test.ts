import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { bagiTarget, kategoriCapaian, keadaanSampai, PITA_CAPAIAN, realisasiKumulatif, salahBagian, salahPita, tingkatCapaian, triwulanTerakhirTutup, type Triwulan } from './triwulan';

test('achievement categories by the regulation\'s bands, boundaries inclusive as written: 50|51, 65|66, 75|76, 90|91', () => {
  const k = (p: number | null) => kategoriCapaian(p)?.kode ?? null;
  assert.equal(k(50), 'sangat_rendah');
  assert.equal(k(50.5), 'sangat_rendah');
  assert.equal(k(51), 'rendah');
  assert.equal(k(65), 'rendah');
  assert.equal(k(66), 'sedang');
  assert.equal(k(75), 'sedang');
  assert.equal(k(76), 'tinggi');
  assert.equal(k(90), 'tinggi');
  assert.equal(k(90.9), 'tinggi');
  assert.equal(k(91), 'sangat_tinggi');
  assert.equal(k(250), 'sangat_tinggi');
  assert.equal(k(0), 'sangat_rendah');
  assert.equal(k(null), null, 'no target or no realisation: no category');
  assert.equal(salahPita(PITA_CAPAIAN), null);
});

test('a band set that overlaps, leaves a gap, or does not start at 0 is refused with what is wrong', () => {
  const ubah = (i: number, patch: object) => PITA_CAPAIAN.map((p, j) => (j === i ? { ...p, ...patch } : p));
  assert.match(salahPita(ubah(1, { maks: 91 })) ?? '', /bertumpang/);
  assert.match(salahPita(ubah(2, { min: 67 })) ?? '', /celah .* capaian 66%/);
  assert.match(salahPita(ubah(4, { min: 10 })) ?? '', /harus mulai dari 0/);
  assert.match(salahPita(ubah(0, { maks: 100 })) ?? '', /tidak boleh punya batas atas/);
});

test('an annual target splits into four quarters that add up (flows) or repeat (stocks); a typed split that does not add up names the difference', () => {
  assert.deepEqual(bagiTarget(1_000_000, 'SUM'), [250_000, 250_000, 250_000, 250_000]);
  assert.deepEqual(bagiTarget(10, 'SUM'), [2, 2, 3, 3]);
  assert.deepEqual(bagiTarget(25, 'LAST'), [25, 25, 25, 25]);
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => assert.equal(bagiTarget(n, 'SUM').reduce((a, b) => a + b, 0), n)));
  assert.equal(salahBagian(1_000, [250, 250, 250, 250], 'SUM'), null);
  assert.match(salahBagian(1_000, [250, 250, 250, 200], 'SUM') ?? '', /kurang 50 dari target tahunan \(1\.000\)/);
  assert.match(salahBagian(1_000, [300, 250, 250, 250], 'SUM') ?? '', /lebih 50/);
  assert.equal(salahBagian(25, [20, 22, 25, 25], 'LAST'), null, 'a stock target may grow through the year');
});

test('realisation to a quarter: flows summed, stocks the latest quarter with a value, averages over the quarters reported', () => {
  const per = [100, null, 300, 400];
  assert.equal(realisasiKumulatif(per, 'SUM', 1), 100);
  assert.equal(realisasiKumulatif(per, 'SUM', 3), 400);
  assert.equal(realisasiKumulatif(per, 'SUM', 4), 800);
  assert.equal(realisasiKumulatif(per, 'LAST', 2), 100);
  assert.equal(realisasiKumulatif(per, 'LAST', 4), 400);
  assert.equal(realisasiKumulatif(per, 'AVERAGE', 3), 200);
  assert.equal(realisasiKumulatif([null, null, null, null], 'SUM', 4), null, 'nothing reported: no realisation, not zero');
  assert.equal(tingkatCapaian(400, 1_000), 40);
  assert.equal(tingkatCapaian(2, 3), 66.7);
  assert.equal(tingkatCapaian(5, 0), null);
});

test('the latest closed quarter and the cut-off a printed table states', () => {
  const t = (d: string) => triwulanTerakhirTutup(d);
  assert.deepEqual(t('2026-12-06'), { tahun: 2026, triwulan: 3 });
  assert.deepEqual(t('2026-10-01'), { tahun: 2026, triwulan: 3 });
  assert.deepEqual(t('2026-09-30'), { tahun: 2026, triwulan: 2 });
  assert.deepEqual(t('2026-02-10'), { tahun: 2025, triwulan: 4 });
  assert.equal(keadaanSampai(2026, 3 as Triwulan), 'keadaan s.d. 30 September 2026');
});

test('a newer catalogue with overlapping achievement bands is refused and the old one stays', async () => {
  const { tempDb } = await import('../../test/db');
  const { katalogAktif, pasangKatalog } = await import('../services/laporan/laporan');
  const { KATALOG_AWAL } = await import('./laporan');
  const t = tempDb();
  try {
    const tumpang = PITA_CAPAIAN.map((p) => (p.kode === 'tinggi' ? { ...p, maks: 92 } : p));
    assert.throws(() => pasangKatalog(t.db, { ...KATALOG_AWAL, versi: 2, pita_capaian: tumpang }), /ditolak: Kategori Tinggi \(76–92\) bertumpang/);
    assert.equal(katalogAktif(t.db).versi, 1);
    const lain = PITA_CAPAIAN.map((p) => (p.kode === 'sangat_tinggi' ? { ...p, min: 95 } : p.kode === 'tinggi' ? { ...p, maks: 94 } : p));
    assert.equal(pasangKatalog(t.db, { ...KATALOG_AWAL, versi: 2, pita_capaian: lain }), true);
    assert.equal(katalogAktif(t.db).pita_capaian?.[0]?.min, 95);
  } finally {
    t.cleanup();
  }
});
