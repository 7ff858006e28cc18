import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAngka, formatDesimal, formatPeriode, formatPersen, formatRupiah, formatTanggal } from './format';

test('Rupiah is written the PUEBI way, with dots and no space', () => {
  assert.equal(formatRupiah(1234567), 'Rp1.234.567');
  assert.equal(formatRupiah(0), 'Rp0');
  assert.equal(formatRupiah(999), 'Rp999');
  assert.equal(formatRupiah(-2500), '-Rp2.500');
});

test('dates and periods read as Indonesians write them', () => {
  assert.equal(formatTanggal('2025-11-05'), '5 November 2025');
  assert.equal(formatPeriode('2025-01'), 'Januari 2025');
  assert.equal(formatPeriode('2025-S2'), 'Semester II 2025');
  assert.equal(formatDesimal(12.5), '12,5');
  assert.equal(formatDesimal(1234.25), '1.234,25');
});

test('a number that is not finite never prints as "Infinity" or "NaN": under the test runner it is a bug that fails', () => {
  for (const f of [formatRupiah, formatDesimal, formatAngka, formatPersen]) {
    assert.throws(() => f(Infinity), /tak hingga/);
    assert.throws(() => f(Number.NaN), /tak hingga/);
  }
});
