import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { RecordWriter } from '../db/write';
import { buatDemo } from '../main/services/demo/demo';
import { expect, startWeb, test } from './fixtures';

// Deleting only moves a record to the deleted list; restoring brings it back. A restore that can no
// longer happen (another window restored it first) says so instead of doing nothing.
test('a deleted facilitator is restored from the deleted list; a restore done elsewhere first is reported, not silent', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-'));
  const dbPath = join(dir, 'bermantra.sqlite');
  const db = openDatabase(dbPath);
  buatDemo(db, { kelompok: 1, bulan: 0, seed: 5, kabupaten: '35.07' });
  // Two facilitators without groups (one with groups cannot be deleted).
  const writer = RecordWriter.forDb(db);
  const [a, b] = ['Ahmad Fauzi', 'Bayu Prakoso'].map((nama) => ({ nama, id: writer.insert('fasilitator', { nama, nik: null, no_hp: null, kecamatan_kode: null, desa_kode: null, status: 'aktif' }) }));
  db.close();
  const { url, child } = await startWeb(dbPath);
  try {
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Fasilitator' }).click();
    const tabel = page.getByRole('table', { name: 'Daftar fasilitator' });
    for (const x of [a!, b!]) {
      await tabel.getByRole('button', { name: `Hapus ${x.nama}` }).click();
      await page.getByRole('dialog', { name: 'Hapus fasilitator' }).getByRole('button', { name: 'Hapus' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'dihapus' })).toContainText(`${x.nama} dihapus`);
    }
    await page.getByLabel('Tampilkan yang terhapus').check();
    await tabel.getByRole('button', { name: `Pulihkan ${a!.nama}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'dipulihkan' })).toContainText(`${a!.nama} dipulihkan`);
    await expect(tabel.getByRole('button', { name: `Pulihkan ${a!.nama}` })).toHaveCount(0);

    // Another window restores b first; this list still shows it as deleted.
    const lain = openDatabase(dbPath);
    RecordWriter.forDb(lain).restore('fasilitator', b!.id);
    lain.close();
    await tabel.getByRole('button', { name: `Pulihkan ${b!.nama}` }).click();
    await expect(page.getByRole('alert')).toContainText('tidak ditemukan di daftar terhapus');
    await page.getByLabel('Tampilkan yang terhapus').uncheck();
    await expect(tabel.getByRole('button', { name: `Hapus ${b!.nama}` })).toBeVisible();
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
