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

test('a new member starts in the only group; typing over a birth date keeps every digit and a late NIK lookup never overwrites it; the NIK warning writes dates as typed', async ({ page }) => {
  const { url, tutup } = await webDemo({ kelompok: 1, bulan: 0, seed: 9, kabupaten: '35.07' });
  try {
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Anggota', exact: true }).click();
    await page.getByRole('button', { name: 'Tambah anggota' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah anggota' });
    // One group in this district: it is already chosen.
    await expect(dialog.getByLabel('Kelompok', { exact: true })).not.toHaveValue('');

    await dialog.getByLabel('NIK').fill('3507015203850003');
    await expect(dialog.getByLabel('Tanggal lahir')).toHaveValue('12/03/1985');
    // The officer retypes the birth date on a slow office PC: NIK lookups answer while the date is half typed.
    await page.route('**/api/**', async (route) => {
      if (route.request().url().includes('nik.periksa')) await new Promise((r) => setTimeout(r, 300));
      await route.continue();
    });
    await dialog.getByLabel('Tanggal lahir').selectText();
    await dialog.getByLabel('Tanggal lahir').pressSequentially('23/03/1978', { delay: 150 });
    await page.waitForTimeout(1000);
    await expect(dialog.getByLabel('Tanggal lahir')).toHaveValue('23/03/1978');
    await page.unroute('**/api/**');
    // The warning compares dates in the way the field shows them.
    await expect(dialog.getByTestId('nik-keterangan')).toContainText('tanggal lahirnya 12/03/1985, tetapi yang diisi 23/03/1978');
  } finally {
    await tutup();
  }
});
