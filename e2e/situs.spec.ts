import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../db/connection';
import { pasangZipKeFolder } from '../main/api/folder';
import { formatAngka, formatRupiah, hariIni } from '../main/common/format';
import { batasPengajuan, bulanSebelumnya } from '../main/common/laporan';
import { hitungDashboard } from '../main/services/dasbor/dashboard';
import { expect, test, webProvinsi } from './fixtures';

test('the province publishes the website: opened from file:// with the network blocked, it shows the 38-region map, the dashboard figures, district pages and open data', async ({ page, browser }) => {
  const { url, dbPath, tutup } = await webProvinsi(['35.07', '35.09', '35.78'], { kelompok: 5, bulan: 4 });
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-situs-e2e-'));
  try {
    await page.goto(url);
    await page.getByRole('link', { name: 'Situs web' }).click();
    await expect(page.getByRole('heading', { name: 'Terbitkan situs web' })).toBeVisible();
    await expect(page.frameLocator('iframe[title="Pratinjau situs web"]').getByRole('heading', { name: 'Program Peti Koin Bermantra Jawa Timur' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Kesegaran data per kabupaten/kota' })).toContainText('Kota Surabaya');
    const unduh = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh situs web (.zip)' }).click();
    const zip = join(dir, (await unduh).suggestedFilename());
    expect(zip).toMatch(/Situs-Bermantra-Jawa-Timur-\d{4}-\d{2}\.zip$/);
    writeFileSync(zip, readFileSync((await (await unduh).path())!));
    pasangZipKeFolder(zip, join(dir, 'situs'), 'situs', { dbPath: ':memory:', folderData: join(dir, 'data-pengguna') });

    // A citizen's browser, offline: any request that is not a file of the folder is refused and recorded.
    const warga = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const luar: string[] = [];
    await warga.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(pathToFileURL(join(dir, 'situs')).href)) return route.continue();
      luar.push(u);
      return route.abort();
    });
    const situs = await warga.newPage();
    await situs.goto(pathToFileURL(join(dir, 'situs', 'index.html')).href);
    await expect(situs.getByRole('heading', { level: 1 })).toHaveText('Program Peti Koin Bermantra Jawa Timur');
    const kode = await situs.locator('#peta path[data-kode]').evaluateAll((ps) => new Set(ps.map((p) => p.getAttribute('data-kode'))).size);
    expect(kode).toBe(38);
    await expect(situs.locator('#peta a path')).not.toHaveCount(0);

    // The headline figures are the province dashboard's for the month the site states.
    const today = hariIni();
    const lalu = bulanSebelumnya(today.slice(0, 7), 1);
    const bulan = today >= batasPengajuan(lalu) ? lalu : bulanSebelumnya(lalu, 1);
    const db = openDatabase(dbPath);
    const d = hitungDashboard(db, { bulan }, today);
    db.close();
    await expect(situs.locator('dl.kartu div').filter({ hasText: 'Kelompok aktif' }).getByRole('definition')).toHaveText(formatAngka(d.kelompok_aktif.nilai));
    await expect(situs.locator('dl.kartu div').filter({ hasText: /^Omzet tahun/ }).getByRole('definition')).toHaveText(formatRupiah(d.omzet_tahun_berjalan.nilai));

    // The map recolours for another indicator (the only script), and a district page opens from the ranking.
    await situs.getByLabel('Warna peta menurut').selectOption({ label: 'Omzet tahun berjalan' });
    await expect(situs.locator('#peta-judul')).toHaveText('Omzet tahun berjalan');
    await situs.getByRole('table', { name: 'Peringkat kabupaten/kota' }).getByRole('link', { name: 'Kabupaten Jember' }).click();
    await expect(situs.getByRole('heading', { level: 1 })).toHaveText('Kabupaten Jember');
    await expect(situs.getByRole('table', { name: /Rincian per kecamatan/ })).toBeVisible();

    // Open data: the CSV behind the headline figures parses, with region codes beside names.
    await situs.getByRole('link', { name: 'Data terbuka' }).click();
    const csvLink = situs.getByRole('link', { name: 'Unduh CSV Angka utama per wilayah' });
    const csv = readFileSync(new URL(await csvLink.evaluate((a) => (a as HTMLAnchorElement).href)), 'utf8').trim().split('\r\n').map((l) => l.split(','));
    expect(csv[0]!.slice(0, 3)).toEqual(['kode_wilayah', 'nama_wilayah', 'kelompok_aktif']);
    expect(csv.slice(1).map((r) => r[0])).toEqual(['35', '35.07', '35.09', '35.78']);
    expect(Number(csv[2]![2]) + Number(csv[3]![2]) + Number(csv[4]![2])).toBe(Number(csv[1]![2]));

    // A phone: nothing wider than its 360 px screen.
    await situs.setViewportSize({ width: 360, height: 740 });
    await situs.goto(pathToFileURL(join(dir, 'situs', 'index.html')).href);
    expect(await situs.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(luar).toEqual([]);
    await warga.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await tutup();
  }
});
