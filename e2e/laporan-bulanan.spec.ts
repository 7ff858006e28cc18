import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';
import { expect, pilihBulan, startWeb, test } from './fixtures';

// A facilitator's month: type the figures like a spreadsheet, paste a block from Excel, see the
// rules, submit, verify (locked), reopen with a reason, then read the recap.

test('monthly entry: typing, paste from Excel, autosave, submit, verify, reopen, recap', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-'));
  const dbPath = join(dir, 'bermantra.sqlite');
  const db = openDatabase(dbPath);
  buatDemo(db, { kelompok: 3, bulan: 0, seed: 5, kabupaten: '35.07' });
  const groups = (db.sqlite.prepare('SELECT nama FROM kelompok ORDER BY nama').all() as { nama: string }[]).map((g) => g.nama);
  db.close();
  const { url, child } = await startWeb(dbPath);
  try {
    await page.goto(url);
    await page.getByRole('link', { name: 'Laporan bulanan' }).click();
    await pilihBulan(page, 'Bulan laporan', '2025-03');
    const grid = page.getByRole('table', { name: 'Lembar entri laporan' });
    await expect(grid.getByRole('rowheader', { name: new RegExp(groups[0]!) })).toBeVisible();

    // Type the first group's figures; Enter moves down like Excel
    await grid.getByLabel(`Omzet penjualan ${groups[0]}`).fill('1.500.000');
    await grid.getByLabel(`Biaya produksi ${groups[0]}`).fill('900000');
    await grid.getByLabel(`Anggota aktif ${groups[0]}`).fill('9');
    await grid.getByLabel(`Anggota aktif ${groups[0]}`).press('Enter');
    await expect(grid.getByLabel(`Anggota aktif ${groups[1]}`)).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Semua perubahan tersimpan' })).toBeVisible();
    await expect(grid.getByRole('row', { name: new RegExp(groups[0]!) })).toContainText('Rp600.000');

    // Paste two rows × two columns (omzet, biaya) copied from Excel into the second group's omzet
    await grid.getByLabel(`Omzet penjualan ${groups[1]}`).focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '2000000\t1200000\r\n3000000\t-5\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    // Money reads the Indonesian way once the cell is left; the digits come back while typing in it.
    await expect(grid.getByLabel(`Biaya produksi ${groups[1]}`)).toHaveValue('Rp1.200.000');
    await expect(grid.getByLabel(`Omzet penjualan ${groups[2]}`)).toHaveValue('Rp3.000.000');
    await grid.getByLabel(`Biaya produksi ${groups[1]}`).focus();
    await expect(grid.getByLabel(`Biaya produksi ${groups[1]}`)).toHaveValue('1200000');
    const third = grid.getByRole('row', { name: new RegExp(groups[2]!) });
    await expect(third).toContainText('Biaya produksi tidak boleh negatif');

    // Reload: what was typed and pasted is still there (saved as drafts)
    await page.reload();
    await pilihBulan(page, 'Bulan laporan', '2025-03');
    await expect(grid.getByLabel(`Omzet penjualan ${groups[1]}`)).toHaveValue('Rp2.000.000');
    // A negative cost is never stored (it would travel to the province): the cell stays empty until corrected.
    await expect(grid.getByLabel(`Biaya produksi ${groups[2]}`)).toHaveValue('');

    // Submit all: the complete one goes, the others are refused with their reasons
    await page.getByLabel('Pilih semua kelompok').check();
    await page.getByRole('button', { name: 'Ajukan yang dipilih' }).click();
    const status = page.getByRole('status').filter({ hasText: 'laporan diajukan' });
    await expect(status).toContainText('1 laporan diajukan. 2 tidak');
    await expect(status).toContainText('Biaya produksi wajib diisi');
    await grid.getByLabel(`Anggota aktif ${groups[1]}`).fill('8');
    await grid.getByLabel(`Biaya produksi ${groups[2]}`).fill('1800000');
    await grid.getByLabel(`Anggota aktif ${groups[2]}`).fill('7');
    await expect(page.getByRole('status').filter({ hasText: 'Semua perubahan tersimpan' })).toBeVisible();
    await page.getByLabel('Pilih semua kelompok').check();
    await page.getByRole('button', { name: 'Ajukan yang dipilih' }).click();
    await expect(status).toContainText('2 laporan diajukan');

    // Verify: locked
    await page.getByLabel('Pilih semua kelompok').check();
    await page.getByRole('button', { name: 'Verifikasi yang dipilih' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'diverifikasi' })).toContainText('3 laporan diverifikasi');
    await expect(grid.getByLabel(`Omzet penjualan ${groups[0]}`)).toHaveAttribute('readonly', '');

    // Reopen with a reason
    await page.getByRole('button', { name: `Buka kembali laporan ${groups[0]}` }).click();
    const dialog = page.getByRole('dialog', { name: `Buka kembali laporan ${groups[0]}` });
    await dialog.getByLabel('Alasan membuka kembali').fill('Omzet salah ketik');
    await dialog.getByRole('button', { name: 'Buka kembali' }).click();
    await expect(grid.getByLabel(`Omzet penjualan ${groups[0]}`)).not.toHaveAttribute('readonly', '');

    // The recap adds the months up
    await page.getByRole('tab', { name: 'Rekap' }).click();
    await page.getByLabel('Periode').selectOption({ label: 'Semester I 2025' });
    await page.getByLabel('Rekap per').selectOption({ label: 'Kabupaten/kota' });
    const recap = page.getByRole('table', { name: 'Tabel rekap' });
    // group 1 reopened to draft: only groups 2 and 3 count (2 jt + 3 jt)
    await expect(recap.getByRole('row', { name: /Jumlah/ })).toContainText('Rp5.000.000');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh PDF' }).click();
    expect((await download).suggestedFilename()).toBe('rekap-35.07-2025-S1-per-kabupaten.pdf');
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
