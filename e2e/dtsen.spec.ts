import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';
import { tulisEkstrakDemo } from '../main/services/demo/ekstrak';
import { expect, startWeb, test } from './fixtures';

test('an officer imports a DT-SEN extract, matches the members, reviews a name match and exports those not found', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-'));
  const dbPath = join(dir, 'bermantra.sqlite');
  const db = openDatabase(dbPath);
  buatDemo(db, { kelompok: 8, bulan: 0, seed: 6, kabupaten: '35.07' });
  const extract = join(dir, 'ekstrak-dtsen.csv');
  await tulisEkstrakDemo(db, extract, 3000, 6);
  db.close();
  const { url, child } = await startWeb(dbPath);
  try {
    await page.goto(url);
    await page.getByRole('link', { name: 'DTKS / DT-SEN' }).click();
    await page.getByText('Impor ekstrak dari Dinas Sosial').click();
    await page.getByLabel('Berkas ekstrak').setInputFiles(extract);
    await page.getByRole('button', { name: 'Baca berkas ekstrak' }).click();
    await expect(page.getByLabel('Kolom NIK')).toHaveValue('NIK');
    await expect(page.getByLabel('Kolom nama')).toHaveValue('NAMA_LENGKAP');
    await expect(page.getByLabel('Kolom desil')).toHaveValue('DESIL');
    await page.getByLabel('Tanggal data').fill('2025-10-01');
    await page.getByRole('button', { name: 'Impor ekstrak' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Ekstrak DTSEN diimpor' })).toContainText('disimpan');
    await expect(page.getByRole('table', { name: 'Ekstrak yang diimpor' })).toContainText('ekstrak-dtsen.csv');
    await page.getByRole('button', { name: 'Cocokkan anggota dengan snapshot terbaru' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Pencocokan selesai' })).toContainText('Cocok NIK');
    const summary = page.getByLabel('Ringkasan pencocokan');
    await expect(summary).toContainText('Tidak ditemukan');
    await expect(page.getByRole('table', { name: 'Angka sebaran desil' })).toBeVisible();
    const review = page.getByRole('table', { name: 'Kecocokan nama' });
    const first = review.getByRole('row').nth(1);
    const name = (await first.getByRole('rowheader').textContent())!.replace(/\s*\(.*$/, '').trim();
    await first.getByRole('button', { name: `Terima ${name}` }).click();
    await expect(review.getByRole('rowheader', { name: new RegExp(`^${name}`) })).toHaveCount(0);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor anggota tidak ditemukan (untuk Dinas Sosial)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^hasil-dtsen-TIDAK_DITEMUKAN-.*\.xlsx$/);
    // The member's own record shows the confirmed match, its desil and the snapshot it came from.
    await page.getByRole('link', { name: 'Anggota' }).click();
    await page.getByLabel('Cari anggota').fill(name);
    await expect(page.getByRole('table', { name: 'Daftar anggota' }).getByRole('row', { name: new RegExp(name) }).first()).toContainText(/Cocok nama \(dikonfirmasi\)(, desil \d+)? \(DTSEN 1 Oktober 2025\)/);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
