import { expect, test, webDemo } from './fixtures';

test('an officer writes a proposal with a RAB, sees the total in words and feasibility, saves and prints it', async ({ page }) => {
  const { url, tutup } = await webDemo({ kelompok: 3, bulan: 3, seed: 2, kabupaten: '35.07' });
  try {
    await page.goto(url);
    await page.getByRole('link', { name: 'Proposal usaha' }).click();
    await page.getByRole('button', { name: 'Buat proposal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Buat proposal' });
    await dialog.getByLabel('Kelompok pengusul').selectOption({ index: 1 });
    await dialog.getByLabel('Judul proposal').fill('Proposal Pengadaan Alat Produksi');
    await dialog.getByLabel('Kepala Dinas yang dituju (c.q.)').selectOption('Dinas Sosial');
    await dialog.getByLabel('Latar belakang').fill('Permintaan terus naik.');
    await dialog.getByLabel('Biaya tetap per bulan (Rp)').fill('600000');
    await dialog.getByLabel('Biaya variabel per unit (Rp)').fill('6000');
    await dialog.getByLabel('Harga jual per unit (Rp)').fill('10000');
    await dialog.getByLabel('Penjualan per bulan (unit)').fill('500');
    await expect(dialog.getByRole('status', { name: 'Kelayakan usaha' })).toContainText('BEP 150 unit');
    await dialog.getByRole('button', { name: 'Tambah baris RAB' }).click();
    await dialog.getByLabel('Uraian baris 1').fill('Wajan besar');
    await dialog.getByLabel('Volume baris 1').fill('2');
    await dialog.getByLabel('Harga satuan baris 1').fill('1250000');
    await dialog.getByRole('button', { name: 'Tambah baris RAB' }).click();
    await dialog.getByLabel('Uraian baris 2').fill('Kompor');
    await dialog.getByLabel('Harga satuan baris 2').fill('500000');
    await expect(dialog.getByLabel('Total RAB')).toHaveText('Rp3.000.000');
    await expect(dialog).toContainText('Terbilang: tiga juta rupiah');
    await dialog.getByRole('button', { name: 'Turunkan baris 1' }).click();
    await expect(dialog.getByLabel('Uraian baris 1')).toHaveValue('Kompor');
    await dialog.getByRole('button', { name: 'Simpan proposal' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'disimpan' })).toContainText('Rp3.000.000');
    const row = page.getByRole('row', { name: /Proposal Pengadaan Alat Produksi/ });
    await expect(row).toContainText('Rp3.000.000');
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: /^PDF / }).click();
    // Named so the officer recognises it: Proposal-<kelompok>-<tahun-bulan>.pdf.
    expect((await download).suggestedFilename()).toMatch(/^Proposal-KUBE-[A-Za-z0-9-]+-\d{4}-\d{2}\.pdf$/);
  } finally {
    await tutup();
  }
});

test('RAB lines pasted from Excel keep their spending group; choosing the group fills the title', async ({ page }) => {
  const { url, tutup } = await webDemo({ kelompok: 2, bulan: 1, seed: 3, kabupaten: '35.07' });
  try {
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Proposal usaha' }).click();
    await page.getByRole('button', { name: 'Buat proposal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Buat proposal' });
    await dialog.getByLabel('Kelompok pengusul').selectOption({ index: 1 });
    await expect(dialog.getByLabel('Judul proposal')).toHaveValue(/^Proposal Pengembangan Usaha .+ KUBE /);
    await dialog.getByRole('button', { name: 'Tambah baris RAB' }).click();
    // Three lines as copied from Excel: No, group, description, volume, unit, price, total; the third has no group.
    const lines = ['1\tPeralatan\tWajan besar\t2\tbuah\t1.250.000\t2.500.000', '2\tBahan baku\tTepung terigu\t10\tkg\t12.000\t120.000', 'Gula pasir\t5\tkg\t15.000'].join('\n');
    await dialog.getByLabel('Uraian baris 1').evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, lines);
    await expect(dialog.getByLabel('Kelompok belanja baris 1')).toHaveValue('Peralatan');
    await expect(dialog.getByLabel('Kelompok belanja baris 2')).toHaveValue('Bahan baku');
    await expect(dialog.getByLabel('Kelompok belanja baris 3')).toHaveValue('Bahan baku');
    await expect(dialog.getByLabel('Uraian baris 3')).toHaveValue('Gula pasir');
    await expect(dialog.getByLabel('Total RAB')).toHaveText('Rp2.695.000');
  } finally {
    await tutup();
  }
});
