import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';

/**
 * LibreOffice for a test that opens our files in it, or null (the test is skipped). Such tests belong to
 * `npm run test:integration` (scripts/test.mjs sets BERMANTRA_UJI_LIBREOFFICE and picks them by the word "LibreOffice"
 * in their names); the unit run skips them. Under CI the integration run requires it (.ci/run installs it).
 */
export function libreOffice(c: TestContext): string | null {
  if (!process.env.BERMANTRA_UJI_LIBREOFFICE) {
    c.skip('LibreOffice diperiksa di npm run test:integration');
    return null;
  }
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
  if (!soffice) {
    assert.ok(!process.env.CI, 'CI installs libreoffice-calc-nogui (.ci/run)');
    c.skip('LibreOffice tidak terpasang');
    return null;
  }
  return soffice;
}
