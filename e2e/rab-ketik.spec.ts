import { expect, test, webDemo } from './fixtures';

const tempel = (text: string) => (el: Element, t: string) => {
  const data = new DataTransfer();
  data.setData('text/plain', t);
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
};

// What offices really type into a RAB: units after the volume, "Rp" before the price, a sheet with a header and
// No/Jumlah columns. None of it blanks the app; what cannot be read is marked on its cell and nothing is lost.
test('a RAB typed and pasted the way offices do: read, marked where it cannot be, categories proposed, never blank, kept as a draft', async ({ page }) => {
  const galat: string[] = [];
  page.on('pageerror', (e) => galat.push(e.message));
  const { url, tutup } = await webDemo({ kelompok: 2, bulan: 1, seed: 3, kabupaten: '35.07' });
  try {
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Proposal usaha' }).click();
    await page.getByRole('button', { name: 'Buat proposal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Buat proposal' });
    await dialog.getByLabel('Kelompok pengusul').selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Tambah baris RAB' }).click();
    await dialog.getByLabel('Uraian baris 1').fill('Wajan besar');
    await dialog.getByLabel('Volume baris 1').fill('2 bh');
    await dialog.getByLabel('Harga satuan baris 1').fill('Rp850.000');
    await dialog.getByLabel('Uraian baris 1').click();
    await expect(dialog.getByLabel('Satuan baris 1', { exact: true })).toHaveValue('bh');
    await expect(dialog.getByLabel('Volume baris 1')).toHaveValue('2');
    await expect(dialog.getByLabel('Harga satuan baris 1')).toHaveValue('Rp850.000');
    await expect(dialog.getByLabel('Total RAB')).toHaveText('Rp1.700.000');
    await expect(dialog).toContainText('satu juta tujuh ratus ribu rupiah');

    // "1,5 juta" is refused on its cell, the line leaves the total, the rest stays on screen.
    await dialog.getByLabel('Harga satuan baris 1').fill('1,5 juta');
    await expect(dialog.getByLabel('Harga satuan baris 1')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText('tulis angkanya lengkap');
    await expect(dialog.getByLabel('Total RAB')).toHaveText('Rp0');
    await dialog.getByRole('button', { name: 'Simpan proposal' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'Baris RAB 1' })).toBeVisible();
    await expect(dialog.getByLabel('Uraian baris 1')).toHaveValue('Wajan besar');
    await dialog.getByLabel('Harga satuan baris 1').fill('850000');

    // The usual sheet: a header row, No and Jumlah columns; the categories come from the words, marked to check.
    await dialog.getByRole('button', { name: 'Tambah baris RAB' }).click();
    await dialog.getByLabel('Uraian baris 2').evaluate(tempel(''), 'No\tUraian\tVol\tSat\tHarga\tJumlah\n1\tTepung terigu\t10\tkg\t12.000\t120.000\n2\tPlastik kemasan\t100\tlembar\t500\t60.000');
    await expect(dialog.getByLabel('Uraian baris 2')).toHaveValue('Tepung terigu');
    await expect(dialog.getByLabel('Volume baris 2')).toHaveValue('10');
    await expect(dialog.getByLabel('Satuan baris 2', { exact: true })).toHaveValue('kg');
    await expect(dialog.getByLabel('Kelompok belanja baris 2')).toHaveValue('Bahan baku');
    await expect(dialog.getByLabel('Kelompok belanja baris 3')).toHaveValue('Kemasan');
    await expect(dialog.getByText('periksa kategori', { exact: true })).toHaveCount(2);
    await expect(dialog).toContainText('Jumlah di tempelan Rp60.000 berbeda dari volume × harga satuan (Rp50.000)');
    await expect(dialog.getByLabel('Total RAB')).toHaveText('Rp1.870.000');

    // Only equipment: the feasibility section says working capital is zero.
    await dialog.getByLabel('Kelompok belanja baris 2').fill('Peralatan');
    await dialog.getByLabel('Kelompok belanja baris 3').fill('Peralatan');
    await expect(dialog.getByRole('alert').filter({ hasText: 'modal kerja Rp0' })).toBeVisible();

    // Closed by mistake and confirmed: the typing comes back when the form is opened again.
    page.once('dialog', (d) => void d.accept());
    await dialog.getByRole('button', { name: 'Tutup', exact: true }).last().click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Buat proposal' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'dipulihkan dari draf' })).toBeVisible();
    await expect(dialog.getByLabel('Uraian baris 3')).toHaveValue('Plastik kemasan');
    expect(galat).toEqual([]);
  } finally {
    await tutup();
  }
});
