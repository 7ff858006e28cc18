import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { eksporBundel } from '../main/services/sinkron/bundle';
import { imporBundel } from '../main/services/sinkron/impor';
import { TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { buatBundelReferensi } from '../main/services/sinkron/referensi';
import { duaKantor, expect, startWeb, test } from './fixtures';

// Best practices shared between districts: the province marks a district's practice to share; after the reference
// bundle, the district sees it read-only with the district it came from.
test('the province shares a district\'s best practice; after the reference bundle the district sees it with its source', async ({ page }) => {
  const { dir, kabDb: kabPath, provDb: provPath, kab, prov } = duaKantor({ kelompok: 3, bulan: 2, seed: 8, kabupaten: '35.07' });
  imporBundel(prov, TANPA_PELINDUNG, readFileSync(eksporBundel(kab, TANPA_PELINDUNG, { folder: dir }).berkas));
  kab.close();
  prov.close();
  const judul = 'Kelompok keripik memasok SPPG setiap pekan';
  let web = await startWeb(provPath);
  try {
    await page.goto(web.url);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Mitra & offtaker' }).click();
    await page.getByRole('tab', { name: 'Praktik baik' }).click();
    const tabel = page.getByRole('table', { name: 'Bagikan praktik baik kabupaten/kota' });
    await expect(tabel).toContainText('Kabupaten Malang');
    await tabel.getByLabel(`Bagikan ${judul}`).click();
    await expect(tabel.getByLabel(`Bagikan ${judul}`)).toBeChecked();
  } finally {
    web.child.kill('SIGTERM');
  }
  const p2 = openDatabase(provPath);
  const ref = join(dir, 'referensi.bmb');
  buatBundelReferensi(p2, TANPA_PELINDUNG, ref);
  p2.close();
  const k2 = openDatabase(kabPath);
  imporBundel(k2, TANPA_PELINDUNG, readFileSync(ref));
  k2.close();
  web = await startWeb(kabPath);
  try {
    await page.goto(web.url);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Mitra & offtaker' }).click();
    await page.getByRole('tab', { name: 'Praktik baik' }).click();
    const dibagikan = page.getByRole('table', { name: 'Praktik baik dari kabupaten/kota lain' });
    await expect(dibagikan.getByRole('row', { name: new RegExp(judul) })).toContainText('Kabupaten Malang');
    await expect(dibagikan.getByRole('checkbox')).toHaveCount(0);
  } finally {
    web.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
