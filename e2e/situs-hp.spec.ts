import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { openDatabase } from '../db/connection';
import { buatDemoProvinsi } from '../main/services/demo/provinsi';
import { TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { expect, test } from './fixtures';

// The public website on a 360 px phone: charts drawn for the phone, readable text, the districts as links under the
// map, a hint on tables wider than the screen, months without reports as gaps, the office's emblem and contact.
test('the public website reads on a 360 px phone', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-situs-hp-'));
  try {
    const dbPath = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: ['35.07', '35.09', '35.78'], demo: { kelompok: 6, bulan: 4 } });
    // The office's letterhead settings and emblem, then the site exported with the CLI.
    const png = new PNG({ width: 8, height: 8 });
    png.data.fill(200);
    const db = openDatabase(dbPath);
    const atur = db.sqlite.prepare('INSERT OR REPLACE INTO pengaturan (kunci, nilai) VALUES (?, ?)');
    for (const [k, v] of Object.entries({ alamat_instansi: 'Jl. Pahlawan No. 102, Surabaya', telepon: '(031) 3524001', email: 'bappeda@jatimprov.go.id', website: 'bappeda.jatimprov.go.id', lambang: `data:image/png;base64,${PNG.sync.write(png).toString('base64')}` })) atur.run(k, v);
    db.close();
    execFileSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'situs', 'export', '--db', dbPath, '-o', join(dir, 'situs')], { stdio: 'pipe' });
    const hp = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await hp.newPage();
    await page.goto(pathToFileURL(join(dir, 'situs', 'index.html')).href);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Nothing wider than the screen: the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Every chart shown is the phone drawing, at a size where its 12 px text stays at least 10 px.
    const skala = await page.locator('figure svg').evaluateAll((svgs) =>
      svgs.filter((s) => (s as SVGSVGElement).getBoundingClientRect().width > 0 && !(s.closest('#peta'))).map((s) => {
        const svg = s as SVGSVGElement;
        const lebarAsli = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
        return { kelas: svg.getAttribute('class'), skala: svg.getBoundingClientRect().width / lebarAsli };
      }),
    );
    expect(skala.length).toBeGreaterThanOrEqual(3);
    for (const s of skala) {
      expect(s.kelas).toBe('g-hp');
      expect(s.skala * 12).toBeGreaterThanOrEqual(10);
    }
    // The districts as links under the map; the emblem and the office's contact.
    const daftar = page.getByRole('navigation', { name: 'Halaman kabupaten/kota program' });
    await expect(daftar.getByRole('link')).toHaveCount(3);
    expect(await page.locator('header img.lambang').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await expect(page.locator('footer')).toContainText('(031) 3524001');
    await expect(page.locator('footer').getByRole('link', { name: 'bappeda@jatimprov.go.id' })).toBeVisible();
    // The ranking table is wider than a phone: it says it scrolls.
    const peringkat = page.locator('.tabel', { has: page.getByRole('table', { name: 'Peringkat kabupaten/kota' }) });
    await expect(peringkat).toHaveClass(/lebih/);
    expect(await peringkat.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('Geser tabel');
    // Months before the programme's first reports are gaps, said so in the numbers.
    const omzet = page.locator('figure', { hasText: 'Omzet dan laba per bulan' }).first();
    await omzet.getByText('Lihat angka').click();
    await expect(omzet.getByRole('table')).toContainText('belum ada laporan');
    await page.screenshot({ path: test.info().outputPath('situs-hp.png'), fullPage: true });
    await hp.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
