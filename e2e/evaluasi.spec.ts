import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';
import { setup } from '../main/services/pengaturan/pengaturan';
import { eksporBundel } from '../main/services/sinkron/bundle';
import { imporBundel } from '../main/services/sinkron/impor';
import { bacaIdentitas, buatKunci, daftarkanPihak, identitas, TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { readFileSync } from 'node:fs';
import { expect, startWeb, test } from './fixtures';

// E-monev as the regulation's evaluation table: a district sets a target split by quarter and explains a quarter's
// achievement; the explanation goes to the province in the bundle, and the province's table shows the district's row.
test('a district sets quarter targets and explains a quarter; the province sees the district\'s row and explanation', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-'));
  const kabPath = join(dir, 'kab.sqlite');
  const provPath = join(dir, 'prov.sqlite');
  const kab = openDatabase(kabPath);
  buatDemo(kab, { kelompok: 4, bulan: 14, seed: 8, kabupaten: '35.07' });
  kab.close();
  const tahun = new Date().getFullYear();
  let web = await startWeb(kabPath);
  try {
    await page.goto(web.url);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'E-monev' }).click();
    const form = page.getByRole('form', { name: 'Tetapkan target' });
    await form.getByLabel('Indikator target').selectOption('omzet');
    await form.getByLabel(`Target tahun ${tahun}`).fill('120.000.000');
    // A split that does not add up is refused with the difference named.
    for (const [i, r] of ['I', 'II', 'III', 'IV'].entries()) await form.getByLabel(`Target Triwulan ${r} (boleh kosong)`).fill(['20.000.000', '30.000.000', '30.000.000', '30.000.000'][i]!);
    await form.getByRole('button', { name: 'Simpan target' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'kurang' })).toContainText('dari target tahunan');
    await form.getByLabel('Target Triwulan IV (boleh kosong)').fill('40.000.000');
    await form.getByRole('button', { name: 'Simpan target' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Target disimpan' })).toBeVisible();

    const tabel = page.getByRole('table', { name: 'Tabel evaluasi triwulan' });
    const baris = tabel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Omzet penjualan' }) }).first();
    await expect(baris).toContainText('Rp120.000.000');
    await expect(baris.locator('.kategori')).toHaveText(/Sangat tinggi|Tinggi|Sedang|Rendah|Sangat rendah/);
    await expect(page.getByRole('list', { name: /Perlu perhatian/ })).toContainText('belum ada penjelasan');
    await baris.getByRole('button', { name: /^Penjelasan Omzet penjualan/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Faktor penghambat').fill('Harga bahan baku naik');
    await dialog.getByLabel('Tindak lanjut / rekomendasi').fill('Pembelian bersama lewat koperasi');
    await dialog.getByLabel('Penanggung jawab').fill('Bidang Ekonomi Bappeda');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(baris).toContainText('Harga bahan baku naik');
    // Printed as the regulation's table.
    const unduh = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tabel evaluasi (PDF)' }).click();
    expect((await unduh).suggestedFilename()).toMatch(/^Evaluasi-e-monev-35-07-\d{4}-TW[1-4]\.pdf$/);
  } finally {
    web.child.kill('SIGTERM');
  }
  // The bundle to the province.
  const prov = openDatabase(provPath);
  setup(prov, { mode: 'provinsi', kabupaten_kode: null, operator: 'Admin Provinsi', nama_instansi: '', alamat_instansi: '', kota_surat: '', telepon: '', email: '', kepala_nama: '', kepala_nip: '', kepala_jabatan: '' });
  const kab2 = openDatabase(kabPath);
  buatKunci(prov, TANPA_PELINDUNG);
  buatKunci(kab2, TANPA_PELINDUNG);
  daftarkanPihak(kab2, bacaIdentitas(JSON.stringify(identitas(prov, TANPA_PELINDUNG))));
  daftarkanPihak(prov, bacaIdentitas(JSON.stringify(identitas(kab2, TANPA_PELINDUNG))));
  imporBundel(prov, TANPA_PELINDUNG, readFileSync(eksporBundel(kab2, TANPA_PELINDUNG, { folder: dir }).berkas));
  kab2.close();
  prov.close();
  web = await startWeb(provPath);
  try {
    await page.goto(web.url);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'E-monev' }).click();
    const tabel = page.getByRole('table', { name: 'Tabel evaluasi triwulan' });
    const baris = tabel.getByRole('row').filter({ hasText: 'Kabupaten Malang' }).filter({ has: page.getByRole('rowheader', { name: 'Omzet penjualan' }) }).first();
    await expect(baris).toContainText('Harga bahan baku naik');
    await expect(tabel.getByRole('columnheader', { name: 'Kabupaten/kota' })).toBeVisible();
  } finally {
    web.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
