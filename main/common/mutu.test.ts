import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KATALOG_AWAL } from './laporan';
import { AMBANG_PENCILAN, periksaMutu, skorPencilan } from './mutu';

test('the modified z-score follows Iglewicz and Hoaglin, falls back to the mean absolute deviation, and needs six months', () => {
  const seri = [10, 12, 11, 13, 12, 11];
  const s = skorPencilan(seri, 40)!;
  assert.equal(s.median, 11.5);
  // MAD of [10, 12, 11, 13, 12, 11] around 11,5 is 0,5: z = 0,6745 × 28,5 ÷ 0,5.
  assert.ok(Math.abs(s.z - (0.6745 * 28.5) / 0.5) < 1e-9 && s.z > AMBANG_PENCILAN);
  assert.equal(skorPencilan(seri.slice(0, 5), 40), null, 'five months are not enough');
  assert.ok(skorPencilan([5, 5, 5, 5, 5, 9], 20)!.z > AMBANG_PENCILAN, 'MAD 0: the mean absolute deviation stands in');
  assert.equal(skorPencilan([5, 5, 5, 5, 5, 5], 5)!.z, 0);
});

test('rules are skipped where a value is missing; lumpy flows are measured by their non-zero months; peers stand in for a short history', () => {
  const { temuan, dilewati } = periksaMutu(KATALOG_AWAL, { omzet: 1000 }, { anggotaTerdaftar: 0, riwayat: {} });
  assert.deepEqual(temuan, []);
  assert.ok(dilewati.includes('offtaker_le_omzet') && dilewati.includes('aktif_le_terdaftar'));
  // Aid received once in a while: a month of aid against eleven without is not an outlier.
  const bantuan = periksaMutu(KATALOG_AWAL, { bantuan: 5_000_000 }, { anggotaTerdaftar: 10, riwayat: { bantuan: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2_000_000] } });
  assert.equal(bantuan.temuan.length, 0);
  // Three months of its own: the district's same-sector groups this month are the yardstick.
  const sejawat = periksaMutu(KATALOG_AWAL, { omzet: 90_000_000 }, { anggotaTerdaftar: 10, riwayat: { omzet: [1, 2, 3] }, sejawat: { omzet: [1_000_000, 1_200_000, 900_000, 1_100_000, 950_000, 1_050_000] } });
  assert.equal(sejawat.temuan[0]?.aturan, 'pencilan');
  assert.match(sejawat.temuan[0]!.pesan, /median kelompok sesektor bulan ini/);
  // A steady group changing by a fifth is not flagged, however small its MAD.
  assert.equal(periksaMutu(KATALOG_AWAL, { omzet: 800_000 }, { anggotaTerdaftar: 10, riwayat: { omzet: [1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_001_000] } }).temuan.length, 0);
});
