import { expect, test, webDemo } from './fixtures';

test('an officer records an SPPG and an agreement, sees it in the overview, decides on cart aid and prints the proposal letter', async ({ page }) => {
  const { url, tutup } = await webDemo({ kelompok: 4, bulan: 4, seed: 12, kabupaten: '35.07' });
  try {
    await page.goto(url);
    await page.getByRole('link', { name: 'Mitra & offtaker' }).click();
    await page.getByRole('tab', { name: 'Offtaker' }).click();
    await page.getByRole('button', { name: 'Tambah offtaker' }).click();
    let dialog = page.getByRole('dialog', { name: 'Tambah offtaker' });
    await dialog.getByLabel('Nama offtaker').fill('SPPG Uji Coba Kepanjen');
    await dialog.getByLabel('Jenis').selectOption('SPPG');
    await dialog.getByLabel('Kecamatan (boleh kosong)').selectOption({ label: 'Kepanjen' });
    await dialog.getByLabel('Kebutuhan per bulan (Rp) (boleh kosong)').fill('30000000');
    // Batal by mistake: the form asks before throwing typed work away; "no" keeps it as typed.
    let ditanya = '';
    page.once('dialog', (d) => ((ditanya = d.message()), void d.dismiss()));
    await dialog.getByRole('button', { name: 'Batal' }).click();
    expect(ditanya).toContain('Perubahan belum disimpan');
    await expect(dialog.getByLabel('Nama offtaker')).toHaveValue('SPPG Uji Coba Kepanjen');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('table', { name: 'Daftar offtaker' })).toContainText('SPPG Uji Coba Kepanjen');

    await page.getByRole('tab', { name: 'Perjanjian pembelian' }).click();
    await page.getByRole('button', { name: 'Tambah perjanjian' }).click();
    dialog = page.getByRole('dialog', { name: 'Tambah perjanjian' });
    await dialog.getByLabel('Nomor perjanjian').fill('PKS/UJI/01');
    await dialog.getByLabel('Tanggal', { exact: true }).fill('2026-11-01');
    await dialog.getByLabel('Kelompok', { exact: true }).selectOption({ index: 1 });
    await dialog.getByLabel('Offtaker', { exact: true }).selectOption({ label: 'SPPG Uji Coba Kepanjen' });
    await dialog.getByLabel('Produk', { exact: true }).fill('tempe');
    await dialog.getByLabel('Volume per bulan').fill('100');
    await dialog.getByLabel('Satuan', { exact: true }).fill('kg');
    await dialog.getByLabel('Harga satuan (Rp)').fill('12000');
    await dialog.getByLabel('Berlaku mulai').fill('2026-11-01');
    await dialog.getByLabel('Berlaku sampai').fill('2026-12-15');
    await dialog.getByLabel('Status', { exact: true }).selectOption('aktif');
    // Active but the buyer's representative unnamed: said in the form, and the PDF is a draft that says what it lacks.
    await expect(dialog.getByRole('status').filter({ hasText: 'wakil pembeli belum diisi' })).toBeVisible();
    await dialog.getByLabel('Berlaku mulai').fill('2026-10-01');
    await expect(dialog.getByRole('status').filter({ hasText: 'berlaku sebelum tanggal penandatanganannya' })).toBeVisible();
    await dialog.getByLabel('Berlaku mulai').fill('2026-11-01');
    await expect(dialog.getByRole('status').filter({ hasText: 'berlaku sebelum' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF PKS/UJI/01' }).click();
    expect((await download).suggestedFilename()).toBe('Perjanjian-PKS-UJI-01.pdf');
    await expect(page.getByRole('status').filter({ hasText: 'dicetak sebagai DRAF' })).toContainText('nama wakil pembeli');

    await page.getByRole('tab', { name: 'Ringkasan' }).click();
    await expect(page.getByRole('table', { name: 'SPPG per kecamatan' })).toContainText('Kepanjen');
    await expect(page.getByRole('table', { name: 'Perjanjian berakhir dalam 60 hari' })).toContainText('PKS/UJI/01');

    await page.getByRole('tab', { name: 'Bantuan gerobak' }).click();
    const table = page.getByRole('table', { name: 'Penilaian gerobak' });
    const first = table.getByRole('row').nth(1);
    const keputusan = first.getByRole('combobox', { name: /^Keputusan / });
    const nama = (await keputusan.getAttribute('aria-label'))!.replace(/^Keputusan /, '');
    await keputusan.selectOption('diusulkan');
    await expect(page.getByRole('status').filter({ hasText: 'disimpan' })).toContainText(nama);
    await page.getByLabel('Nomor surat usulan').fill('500/88/35.07.301/2026');
    const letter = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Surat usulan (PDF)' }).click();
    expect((await letter).suggestedFilename()).toMatch(/^usulan-gerobak-35\.07-\d{4}\.pdf$/);
    await expect(page.getByRole('status').filter({ hasText: 'dicatat di buku surat keluar' })).toContainText('500/88/35.07.301/2026');
    // The register of outgoing letters in Pengaturan lists it with its subject.
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await expect(page.getByRole('table', { name: 'Buku surat keluar' })).toContainText('500/88/35.07.301/2026');
    await expect(page.getByRole('table', { name: 'Buku surat keluar' })).toContainText('Usulan Penerima Bantuan Gerobak Tahun');
  } finally {
    await tutup();
  }
});

test('the cart-aid list comes in pages of 25 that fit the screen, and can show only the proposed groups', async ({ page }) => {
  const { url, tutup } = await webDemo({ kelompok: 30, bulan: 3, seed: 5, kabupaten: '35.07' });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url);
    await page.getByRole('link', { name: 'Mitra & offtaker' }).click();
    await page.getByRole('tab', { name: 'Bantuan gerobak' }).click();
    const table = page.getByRole('table', { name: 'Penilaian gerobak' });
    await expect(table.getByRole('row')).toHaveCount(26);
    const pager = page.getByRole('navigation', { name: 'Halaman kelompok' });
    await expect(pager).toContainText(/\d+ kelompok · halaman 1 dari 2/);
    const total = Number(/(\d+) kelompok/.exec((await pager.textContent())!)![1]);
    await pager.getByRole('button', { name: /Berikut/ }).click();
    await expect(table.getByRole('row')).toHaveCount(total - 25 + 1);
    const keputusan = table.getByRole('row').nth(1).getByRole('combobox', { name: /^Keputusan / });
    const nama = (await keputusan.getAttribute('aria-label'))!.replace(/^Keputusan /, '');
    await keputusan.selectOption('diusulkan');
    await expect(page.getByRole('status').filter({ hasText: 'disimpan' })).toContainText(nama);
    await page.getByLabel('Tampilkan kelompok').selectOption({ label: 'Diusulkan' });
    await expect(table.getByRole('row', { name: new RegExp(nama) })).toHaveCount(1);
    for (const pilihan of await table.getByRole('combobox', { name: /^Keputusan / }).all()) await expect(pilihan).toHaveValue('diusulkan');
    await expect(page.getByRole('navigation', { name: 'Halaman kelompok' })).toContainText('halaman 1 dari 1');
  } finally {
    await tutup();
  }
});
