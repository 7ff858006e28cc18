import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pindahKePostgres } from '../db/postgres/pindah';
import { basisDataServer, expect, imporBeberapaBundel, provinsiDanBundel, startWeb, test } from './fixtures';

// The province's month on its PostgreSQL server, through the window: the officer imports several districts' bundles
// at once (one sender's fingerprint confirmed by telephone first, a damaged file refused by name, the others applied),
// the districts' status follows, and the month's submitted reports are accepted there.

test('province on the server: several bundles imported through the window, a damaged one refused by name, the new sender after its fingerprint; the status follows and the month is accepted on the server', async ({ page }) => {
  const db = await basisDataServer('e2e_impor');
  if (!db) return;
  const server = db.url;
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-pg-impor-'));
  let child: Awaited<ReturnType<typeof startWeb>>['child'] | null = null;
  try {
    // Jember's identity has not reached the province yet: its fingerprint is confirmed at import.
    const { prov, bundel } = provinsiDanBundel(dir, { kelompok: 6, bulan: 3 });
    await pindahKePostgres(prov, server.toString(), { mode: 'provinsi' });
    prov.close();

    const web = await startWeb(server.toString(), { BERMANTRA_FOLDER_DATA: join(dir, 'data') });
    child = web.child;
    await page.goto(web.url);
    await imporBeberapaBundel(page, bundel);

    // On the server: one receipt per district, each naming the login that imported it; nothing of the damaged file.
    const c = new pg.Client(server.toString());
    await c.connect();
    try {
      const masuk = (await c.query('SELECT pengirim, diimpor_oleh FROM bundle_masuk ORDER BY pengirim')).rows;
      expect(masuk).toEqual([
        { pengirim: '35.07', diimpor_oleh: server.username },
        { pengirim: '35.09', diimpor_oleh: server.username },
      ]);
      expect(Number((await c.query("SELECT count(*) AS n FROM laporan_bulanan WHERE kabupaten_kode = '35.09'")).rows[0].n)).toBeGreaterThan(0);
    } finally {
      await c.end();
    }
    // The next step of the month, on the server: Jember's submitted reports accepted at once, each decision kept there.
    await page.getByRole('link', { name: 'Laporan bulanan' }).click();
    await page.getByRole('tab', { name: 'Persetujuan' }).click();
    await page.getByLabel('Kabupaten/Kota').selectOption('35.09');
    const tabel = page.getByRole('table', { name: /untuk persetujuan/ });
    await expect(tabel.getByRole('row').filter({ hasText: 'Diajukan' }).first()).toBeVisible();
    await page.getByRole('button', { name: /Terima semua laporan/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'laporan diterima' })).toContainText(/\d+ laporan diterima/);
    await expect(tabel.getByRole('row').filter({ hasText: 'Diterima provinsi' }).first()).toBeVisible();
    const c2 = new pg.Client(server.toString());
    await c2.connect();
    try {
      expect(Number((await c2.query("SELECT count(*) AS n FROM keputusan_laporan WHERE kabupaten_kode = '35.09' AND keputusan = 'diterima'")).rows[0].n)).toBeGreaterThan(0);
    } finally {
      await c2.end();
    }
    await expect(page.getByText(/tidak dijalankan pada server|belum dapat dijalankan/)).toHaveCount(0);
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
    await db.hapus();
    rmSync(dir, { recursive: true, force: true });
  }
});
