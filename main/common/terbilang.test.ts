import { test } from 'node:test';
import assert from 'node:assert/strict';
import { terbilang, terbilangRupiah } from './terbilang';

test('terbilang writes correct Indonesian up to triliun', () => {
  const cases: [number, string][] = [
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [111, 'seratus sebelas'],
    [250, 'dua ratus lima puluh'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [10_000, 'sepuluh ribu'],
    [11_000, 'sebelas ribu'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [1_000_000, 'satu juta'],
    [2_500_000, 'dua juta lima ratus ribu'],
    [2_000_000_000, 'dua miliar'],
    [1_000_000_000_000, 'satu triliun'],
    [999_999_999_999_999, 'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
  ];
  for (const [n, words] of cases) assert.equal(terbilang(n), words, String(n));
  assert.equal(terbilangRupiah(2_500_000), 'dua juta lima ratus ribu rupiah');
  assert.throws(() => terbilang(1_000_000_000_000_000n), /999 triliun/);
});
