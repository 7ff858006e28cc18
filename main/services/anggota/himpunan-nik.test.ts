import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { HimpunanNik } from './himpunan-nik';

test('the NIK set answers like a Map, through growth and collisions', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[0-9]{16}$/), { maxLength: 3000 }), (niks) => {
      const h = new HimpunanNik();
      const m = new Map<string, number>();
      niks.forEach((nik, i) => {
        assert.equal(h.get(nik), m.get(nik));
        h.set(nik, i + 2);
        if (!m.has(nik)) m.set(nik, i + 2);
      });
      for (const [nik, baris] of m) assert.equal(h.get(nik), baris);
      assert.equal(h.has('0000000000000001'), m.has('0000000000000001'));
    }),
    { numRuns: 30, seed: 7 },
  );
});
