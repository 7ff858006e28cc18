import { readFileSync } from 'node:fs';
import { expect, test, webDemo } from './fixtures';

test('the home screen shows the headline figures and charts with their numbers; e-monev sets a target and prints the recap', async ({ page }) => {
  const { url, tutup } = await webDemo({ kelompok: 6, bulan: 14, seed: 21, kabupaten: '35.07' });
  try {
    await page.goto(url);
    const cards = page.getByRole('list', { name: 'Angka utama' });
    await expect(cards).toContainText('Kelompok aktif');
    await expect(cards).toContainText('Omzet tahun berjalan');
    await expect(cards).toContainText('Kepatuhan pelaporan');
    // ECharts draws in SVG: the omzet line has Indonesian month names and Rupiah on its axis.
    const omzet = page.getByRole('img', { name: 'Omzet dan laba per bulan (24 bulan)' });
    await expect(omzet).toBeVisible();
    await expect(omzet.locator('svg')).toContainText(/(Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d\d/);
    expect(await omzet.locator('svg').textContent()).not.toMatch(/May|Aug|Oct|Dec/);
    await expect(omzet.locator('svg')).toContainText(/Rp\d+(,\d)? (rb|jt|M)/);
    await page.getByRole('figure').filter({ hasText: 'Kelompok aktif per sektor' }).getByText('Lihat angka').click();
    await expect(page.getByRole('table', { name: 'Angka kelompok aktif per sektor' })).toBeVisible();
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh PNG Kelompok aktif per sektor' }).click();
    expect((await png).suggestedFilename()).toBe('Grafik-Kelompok-aktif-per-sektor.png');
    const svg = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh SVG Kelompok aktif per sektor' }).click();
    const svgFile = await svg;
    expect(svgFile.suggestedFilename()).toBe('Grafik-Kelompok-aktif-per-sektor.svg');
    expect(readFileSync((await svgFile.path())!, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
    // No DT-SEN match yet: the desil chart says so instead of drawing an empty box.
    await expect(page.getByRole('figure').filter({ hasText: 'Sebaran desil anggota' })).toContainText('Belum ada data');

    // One compliance figure: the Kepatuhan tab's total for last month is the home screen's.
    const kartu = (await cards.getByRole('listitem').filter({ hasText: 'Kepatuhan pelaporan' }).textContent())!;
    const persen = /(\d+(,\d)?)%/.exec(kartu)![1]!;
    await page.getByRole('link', { name: 'Laporan bulanan' }).click();
    await page.getByRole('tab', { name: 'Kepatuhan pelaporan' }).click();
    const total = page.getByRole('table', { name: 'Kepatuhan per fasilitator' }).getByRole('row', { name: /^Jumlah/ });
    await expect(total.getByRole('cell').nth(2)).toHaveText(`${persen}%`);

    await page.getByRole('link', { name: 'E-monev' }).click();
    await page.getByLabel('Indikator target').selectOption({ label: 'Bantuan diterima' });
    await page.getByLabel(/^Target tahun/).fill('5000000');
    await page.getByRole('button', { name: 'Simpan target' }).click();
    await expect(page.getByRole('table', { name: 'Target dan realisasi' })).toContainText('Bantuan diterima');
    // A target for one kecamatan sits beside the kabupaten's own.
    await page.getByLabel('Wilayah target').selectOption({ index: 1 });
    const kecamatan = (await page.getByLabel('Wilayah target').locator('option:checked').textContent())!.replace('Kecamatan ', '');
    await page.getByLabel(/^Target tahun/).fill('1000000');
    await page.getByRole('button', { name: 'Simpan target' }).click();
    await expect(page.getByRole('table', { name: 'Target dan realisasi' }).getByRole('row', { name: new RegExp(kecamatan) })).toContainText('Bantuan diterima');
    const pdf = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Rekap e-monev (PDF)' }).click();
    expect((await pdf).suggestedFilename()).toMatch(/^emonev-35\.07-\d{4}\.pdf$/);
  } finally {
    await tutup();
  }
});
