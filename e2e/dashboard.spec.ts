import { expect, test, webDemo } from './fixtures';

test('the home screen shows the headline figures and charts with their numbers; e-monev sets a target and prints the recap', async ({ page }) => {
  const { url, tutup } = await webDemo({ kelompok: 6, bulan: 14, seed: 21, kabupaten: '35.07' });
  try {
    await page.goto(url);
    const cards = page.getByRole('list', { name: 'Angka utama' });
    await expect(cards).toContainText('Kelompok aktif');
    await expect(cards).toContainText('Omzet tahun berjalan');
    await expect(cards).toContainText('Kepatuhan pelaporan');
    await expect(page.getByRole('img', { name: 'Omzet per bulan (24 bulan)' })).toBeVisible();
    await page.getByRole('figure').filter({ hasText: 'Kelompok per sektor' }).getByText('Lihat angka').click();
    await expect(page.getByRole('table', { name: 'Angka kelompok per sektor' })).toBeVisible();
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh PNG Kelompok per sektor' }).click();
    expect((await png).suggestedFilename()).toBe('kelompok-per-sektor.png');

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
