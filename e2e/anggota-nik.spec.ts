import { expect, test, webDemo } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('a NIK pasted with spaces keeps its digits, fills birth date and sex, and asks before overwriting them; the old message goes', async ({ page }) => {
  const { url, tutup } = await webDemo({ kelompok: 1, bulan: 0, seed: 9, kabupaten: '35.07' });
  try {
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Anggota', exact: true }).click();
    await page.getByRole('button', { name: 'Tambah anggota' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah anggota' });
    await dialog.getByLabel('Kelompok', { exact: true }).selectOption({ index: 1 });
    // As printed on a KTP.
    await dialog.getByLabel('NIK').fill('3507 0152 0385 0003');
    await expect(dialog.getByLabel('NIK')).toHaveValue('3507015203850003');
    await expect(dialog.getByLabel('Tanggal lahir')).toHaveValue('12/03/1985');
    await expect(dialog.getByLabel('Jenis kelamin')).toHaveValue('P');
    // A different date typed by hand is not overwritten: the NIK's is offered.
    await dialog.getByLabel('Tanggal lahir').fill('01/01/1990');
    await dialog.getByRole('button', { name: 'Pakai jenis kelamin dan tanggal lahir dari NIK' }).click();
    await expect(dialog.getByLabel('Tanggal lahir')).toHaveValue('12/03/1985');
    // A refused save's message under the field goes when the field changes.
    await dialog.getByLabel('NIK').fill('12345');
    await dialog.getByLabel('Nama lengkap').fill('Uji Coba');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog.getByText(/NIK harus 16 angka \(tertulis 5 angka\)/).first()).toBeVisible();
    await dialog.getByLabel('NIK').fill('3507015203850003');
    await expect(dialog.getByText(/tertulis 5 angka/)).toHaveCount(0);
  } finally {
    await tutup();
  }
});
