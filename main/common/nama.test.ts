import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jaroWinkler, normalisasiNama } from './nama';

test('names are compared without case, punctuation or titles', () => {
  assert.equal(normalisasiNama('Hj. Siti  Aminah, S.Pd.'), 'SITI AMINAH');
  assert.equal(normalisasiNama('Drs. H. Moh. Slamet'), 'MOH SLAMET');
  assert.equal(normalisasiNama("Nur'aini"), 'NUR AINI');
});

test('Jaro–Winkler scores close spellings high and different names low', () => {
  assert.equal(jaroWinkler('MARTHA', 'MARTHA'), 1);
  assert.ok(Math.abs(jaroWinkler('MARTHA', 'MARHTA') - 0.961) < 0.001);
  assert.ok(jaroWinkler('SITI AMINAH', 'SITI AMINA') > 0.95);
  assert.ok(jaroWinkler('SUGENG RIYADI', 'SUGENG RIADI') > 0.95);
  assert.ok(jaroWinkler('SITI AMINAH', 'BUDI SANTOSO') < 0.6);
});
