import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imporBeberapaBundel, provinsiDanBundel, startWeb, test } from './fixtures';

// The province receives the month's bundles of several districts and imports them in one go; a damaged
// file is refused on its own and does not stop the others; a district not registered yet waits until its
// fingerprint is confirmed.
test('the province imports several district bundles at once; an unregistered sender waits for its fingerprint, a damaged one is refused by name, the others apply', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-'));
  // Jember's identity has not reached the province yet: its fingerprint is confirmed at import.
  const { prov, provDb, bundel } = provinsiDanBundel(dir, { kelompok: 2, bulan: 1 });
  prov.close();

  const { url, child } = await startWeb(provDb);
  try {
    await page.goto(url);
    await imporBeberapaBundel(page, bundel);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
