import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { bulanDari } from '../main/common/batas';
import { buatTandaTerima, eksporBundel, imporBundel } from '../main/services/sinkron/bundle';
import { TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import type { Page } from '@playwright/test';
import { duaKantor, expect, pilihBulan, startWeb, test } from './fixtures';

/** Opens Laporan bulanan for one facilitator: waits for the page itself, since Beranda also has a "Fasilitator" filter and chart. */
async function bukaEntri(page: Page, fasilitator: string): Promise<void> {
  await page.getByRole('link', { name: 'Laporan bulanan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Laporan bulanan');
  await page.getByRole('region', { name: 'Entri laporan bulanan' }).getByLabel('Fasilitator').selectOption(fasilitator);
}

// One figure, one definition (quality and approval): an officer types an outlier, sees the flag and the group's
// history, confirms it with a note and submits; the province returns the report with a reason; the district sees the
// reason, corrects and submits again; the province accepts it, and the district sees it accepted and locked.
// Bundles and receipts travel between the two databases as the files would (the sync screens have their own test).

test('outlier flagged and confirmed with a note; the province returns the report, the district corrects it, the province accepts it', async ({ browser }) => {
  test.setTimeout(120_000);
  const { dir, kabDb: kabDb, provDb: provDb, kab, prov } = duaKantor({ kelompok: 3, bulan: 10, seed: 6, kabupaten: '35.07' });
  const fas = kab.sqlite.prepare("SELECT f.id, f.nama FROM fasilitator f JOIN kelompok k ON k.fasilitator_id = f.id WHERE k.status = 'aktif' GROUP BY f.id ORDER BY f.nama LIMIT 1").get() as { id: string; nama: string };
  const { id: kelompokId, nama: kelompok } = kab.sqlite.prepare("SELECT id, nama FROM kelompok WHERE fasilitator_id = ? AND status = 'aktif' ORDER BY nama LIMIT 1").get(fas.id) as { id: string; nama: string };
  // The group's usual omzet: the correction is a value near it.
  const omzet = (kab.sqlite.prepare("SELECT json_extract(nilai, '$.omzet') AS o FROM laporan_bulanan WHERE kelompok_id = ? AND status <> 'draft' ORDER BY 1").all(kelompokId) as { o: number }[]).map((r) => r.o);
  const median = omzet[Math.floor(omzet.length / 2)]!;
  kab.close();
  prov.close();
  const bulan = bulanDari(new Date());
  const kirimBundel = () => {
    const k = openDatabase(kabDb);
    const p = openDatabase(provDb);
    try {
      imporBundel(p, TANPA_PELINDUNG, readFileSync(eksporBundel(k, TANPA_PELINDUNG, { folder: dir }).berkas));
    } finally {
      k.close();
      p.close();
    }
  };
  const kirimTandaTerima = () => {
    const k = openDatabase(kabDb);
    const p = openDatabase(provDb);
    try {
      imporBundel(k, TANPA_PELINDUNG, readFileSync(buatTandaTerima(p, TANPA_PELINDUNG, '35.07', join(dir, 'tanda-terima.bmb')).berkas));
    } finally {
      k.close();
      p.close();
    }
  };
  const webKab = await startWeb(kabDb);
  const webProv = await startWeb(provDb);
  try {
    // District: the month's figures, one far above the group's usual omzet.
    const kabPage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await kabPage.goto(webKab.url);
    await bukaEntri(kabPage, fas.id);
    await pilihBulan(kabPage, 'Bulan laporan', bulan);
    const grid = kabPage.getByRole('table', { name: 'Lembar entri laporan' });
    await grid.getByLabel(`Omzet penjualan ${kelompok}`).fill('95000000');
    await grid.getByLabel(`Biaya produksi ${kelompok}`).fill('0');
    await grid.getByLabel(`Anggota aktif ${kelompok}`).fill('5');
    await expect(kabPage.getByRole('status').filter({ hasText: 'Semua perubahan tersimpan' })).toBeVisible();
    const baris = grid.getByRole('row', { name: new RegExp(kelompok) });
    await expect(baris).toContainText('Omzet penjualan Rp95.000.000 jauh dari biasanya');

    // The flag, the group's history, and the note that confirms the value.
    await baris.getByRole('button', { name: `Periksa dan konfirmasi omzet penjualan ${kelompok}` }).click();
    const dialog = kabPage.getByRole('dialog', { name: `Periksa omzet penjualan ${kelompok}` });
    const riwayat = dialog.getByRole('table', { name: `Omzet penjualan ${kelompok} 12 bulan terakhir` });
    await expect(riwayat.getByRole('row')).toHaveCount(11); // the header and ten months of the demo
    await dialog.getByLabel('Catatan konfirmasi').fill('pesanan SPPG naik');
    await dialog.getByRole('button', { name: 'Konfirmasi angka ini benar' }).click();
    await expect(baris).toContainText('Dikonfirmasi: “pesanan SPPG naik”');
    await baris.getByRole('checkbox', { name: `Pilih ${kelompok}` }).check();
    await kabPage.getByRole('button', { name: 'Ajukan yang dipilih' }).click();
    await expect(kabPage.getByRole('status').filter({ hasText: 'laporan diajukan' })).toContainText('1 laporan diajukan');

    // Province: the report arrives; it is returned with a reason.
    kirimBundel();
    const provPage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await provPage.goto(webProv.url);
    await provPage.getByRole('link', { name: 'Laporan bulanan' }).click();
    await provPage.getByRole('tab', { name: 'Persetujuan' }).click();
    await provPage.getByLabel('Kabupaten/Kota').selectOption('35.07');
    await pilihBulan(provPage, 'Bulan laporan', bulan);
    const tabel = provPage.getByRole('table', { name: /untuk persetujuan/ });
    await expect(tabel.getByRole('row', { name: new RegExp(kelompok) })).toContainText('Diajukan');
    await tabel.getByRole('button', { name: `Kembalikan ${kelompok}` }).click();
    await provPage.getByRole('dialog').getByLabel('Alasan mengembalikan').fill('Omzet belum didukung nota penjualan');
    await provPage.getByRole('dialog').getByRole('button', { name: 'Kembalikan' }).click();
    await expect(tabel.getByRole('row', { name: new RegExp(kelompok) })).toContainText('Dikembalikan provinsi: Omzet belum didukung nota penjualan');

    // District: the reason is shown, the report is open again; corrected and submitted.
    kirimTandaTerima();
    await kabPage.reload();
    await bukaEntri(kabPage, fas.id);
    await pilihBulan(kabPage, 'Bulan laporan', bulan);
    await expect(baris).toContainText('Dikembalikan provinsi');
    await expect(baris).toContainText('Alasan provinsi: Omzet belum didukung nota penjualan');
    const biasa = String(Math.round(median * 1.05));
    await grid.getByLabel(`Omzet penjualan ${kelompok}`).fill(biasa);
    await expect(kabPage.getByRole('status').filter({ hasText: 'Semua perubahan tersimpan' })).toBeVisible();
    await baris.getByRole('checkbox', { name: `Pilih ${kelompok}` }).check();
    await kabPage.getByRole('button', { name: 'Ajukan yang dipilih' }).click();
    await expect(kabPage.getByRole('status').filter({ hasText: 'laporan diajukan' })).toContainText('1 laporan diajukan');
    await expect(baris).toContainText('Diajukan');

    // Province: the corrected version is accepted with the month.
    kirimBundel();
    await provPage.reload();
    await provPage.getByRole('link', { name: 'Laporan bulanan' }).click();
    await provPage.getByRole('tab', { name: 'Persetujuan' }).click();
    await provPage.getByLabel('Kabupaten/Kota').selectOption('35.07');
    await pilihBulan(provPage, 'Bulan laporan', bulan);
    await provPage.getByRole('button', { name: /Terima semua laporan/ }).click();
    await expect(provPage.getByRole('status').filter({ hasText: 'laporan diterima' })).toContainText('1 laporan diterima');
    await expect(tabel.getByRole('row', { name: new RegExp(kelompok) })).toContainText('Diterima provinsi');

    // District: accepted and locked.
    kirimTandaTerima();
    await kabPage.reload();
    await bukaEntri(kabPage, fas.id);
    await pilihBulan(kabPage, 'Bulan laporan', bulan);
    await expect(baris).toContainText('Diterima provinsi');
    await expect(baris.getByRole('button', { name: `Buka kembali laporan ${kelompok}` })).toHaveCount(0);
    await expect(grid.getByLabel(`Omzet penjualan ${kelompok}`)).toHaveAttribute('readonly', '');
  } finally {
    webKab.child.kill('SIGTERM');
    webProv.child.kill('SIGTERM');
    await Promise.all([new Promise((r) => webKab.child.once('exit', r)), new Promise((r) => webProv.child.once('exit', r))]);
    rmSync(dir, { recursive: true, force: true });
  }
});
