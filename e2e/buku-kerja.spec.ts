import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { BARIS_DATA, KOLOM_NILAI_PERTAMA, LEMBAR_LAPORAN } from '../main/common/buku-kerja';
import { expect, pilihBulan, test, webDemo } from './fixtures';

test('a facilitator\'s workbook goes out, comes back filled, and becomes the month\'s reports without retyping', async ({ page }, info) => {
  const { url, tutup } = await webDemo({ kelompok: 14, bulan: 2, seed: 4, kabupaten: '35.07' });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url);
    await page.getByRole('link', { name: 'Laporan bulanan' }).click();
    await page.getByRole('tab', { name: 'Buku kerja fasilitator' }).click();
    // This month: no report yet.
    const now = new Date();
    const periode = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    await pilihBulan(page, 'Bulan laporan', periode);
    const tabel = page.getByRole('table', { name: 'Buku kerja per fasilitator' });
    const baris = tabel.getByRole('row').nth(1);
    await expect(baris).toContainText('belum');
    const nama = (await baris.getByRole('rowheader').textContent())!;
    const unduh = page.waitForEvent('download');
    await baris.getByRole('button', { name: `Unduh buku kerja ${nama}` }).click();
    const dl = await unduh;
    expect(dl.suggestedFilename()).toMatch(new RegExp(`^Laporan-${periode}-.+\\.xlsx$`));

    // The facilitator fills it in another program (here SheetJS): omzet typed with dots, the rest as numbers.
    const wb = XLSX.read(readFileSync((await dl.path())!), { type: 'buffer' });
    const ws = wb.Sheets[LEMBAR_LAPORAN]!;
    const range = XLSX.utils.decode_range(ws['!ref']!);
    const isi: Record<string, unknown> = { omzet: '2.500.000', biaya: 1_000_000, anggota_aktif: 9 };
    for (let c = KOLOM_NILAI_PERTAMA - 1; c <= range.e.c; c++) {
      const kode = ws[XLSX.utils.encode_cell({ r: 0, c })]?.v as string | undefined;
      if (!kode || !(kode in isi)) continue;
      for (let r = BARIS_DATA - 1; r <= range.e.r; r++) ws[XLSX.utils.encode_cell({ r, c })] = typeof isi[kode] === 'number' ? { t: 'n', v: isi[kode] } : { t: 's', v: isi[kode] };
    }
    const terisi = info.outputPath('terisi.xlsx');
    writeFileSync(terisi, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const jumlah = range.e.r - BARIS_DATA + 2;

    // A photo of the first group's meeting, named by its number in the workbook.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await page.getByLabel(/^Foto kegiatan/).setInputFiles({ name: '1 pertemuan.png', mimeType: 'image/png', buffer: png });
    await page.getByLabel('Buku kerja terisi').setInputFiles(terisi);
    await page.getByRole('button', { name: 'Baca buku kerja terisi' }).click();
    const pratinjau = page.getByRole('region', { name: 'Pratinjau impor buku kerja' });
    await expect(pratinjau).toContainText(`${jumlah} baru`);
    await expect(pratinjau.getByRole('table', { name: 'Rincian impor per kelompok' }).getByRole('row').nth(1)).toContainText('foto: 1 pertemuan.png');
    await expect(pratinjau.getByRole('table', { name: 'Rincian impor per kelompok' })).toContainText('Omzet penjualan: – → 2.500.000');
    await pratinjau.getByRole('button', { name: `Impor ${jumlah} laporan` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Diimpor' })).toContainText(`${jumlah} laporan baru, 0 diubah, 1 foto`);
    await expect(baris).not.toContainText('belum');
    await expect(baris.getByRole('cell').nth(1)).toHaveText(String(jumlah));

    // The same file again: nothing to import.
    await page.getByLabel(/^Foto kegiatan/).setInputFiles([]);
    await page.getByLabel('Buku kerja terisi').setInputFiles(terisi);
    await page.getByRole('button', { name: 'Baca buku kerja terisi' }).click();
    await expect(pratinjau).toContainText(`0 baru, 0 diubah, ${jumlah} tetap`);
    await expect(pratinjau.getByRole('button', { name: /^Impor / })).toBeDisabled();

    // The other facilitators still owe this month: a reminder to copy.
    await expect(page.getByLabel(/^Pengingat untuk /).first()).toHaveValue(/laporan bulanan .* belum masuk/);
  } finally {
    await tutup();
  }
});
