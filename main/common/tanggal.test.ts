import assert from 'node:assert/strict';
import test from 'node:test';
import { bacaTanggalKetik, tampilTanggal } from './tanggal';

test('dates are read day first, as Indonesians type them, and shown dd/mm/yyyy', () => {
  for (const [ketik, hasil] of [
    ['05011990', '1990-01-05'],
    ['05/01/1990', '1990-01-05'],
    ['5-1-1990', '1990-01-05'],
    ['5.1.1990', '1990-01-05'],
    ['1990-01-05', '1990-01-05'],
    ['31/12/2025', '2025-12-31'],
    ['', ''],
    ['31/02/2025', null],
    ['13131990', null],
    ['0501199', null],
    ['kemarin', null],
  ] as const) {
    assert.equal(bacaTanggalKetik(ketik), hasil, ketik);
  }
  assert.equal(tampilTanggal('1990-01-05'), '05/01/1990');
  assert.equal(tampilTanggal(''), '');
});
