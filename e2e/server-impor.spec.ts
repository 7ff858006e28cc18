import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/connection';
import { pindahKePostgres } from '../db/postgres/pindah';
import { eksporBundel } from '../main/services/sinkron/bundle';
import { buatDemo } from '../main/services/demo/demo';
import { bacaIdentitas, buatKunci, daftarkanPihak, identitas, TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { setup } from '../main/services/pengaturan/pengaturan';
import { basisDataServer, expect, imporBeberapaBundel, startWeb, test } from './fixtures';

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
    const prov = openDatabase(join(dir, 'prov.sqlite'));
    setup(prov, { mode: 'provinsi', kabupaten_kode: null, operator: 'Admin Provinsi', nama_instansi: '', alamat_instansi: '', kota_surat: '', telepon: '', email: '', kepala_nama: '', kepala_nip: '', kepala_jabatan: '' });
    buatKunci(prov, TANPA_PELINDUNG);
    const files: string[] = [];
    for (const kode of ['35.07', '35.09']) {
      const db = openDatabase(join(dir, kode, `${kode}.sqlite`));
      buatDemo(db, { kelompok: 6, bulan: 3, seed: 3, kabupaten: kode });
      buatKunci(db, TANPA_PELINDUNG);
      daftarkanPihak(db, bacaIdentitas(JSON.stringify(identitas(prov, TANPA_PELINDUNG))));
      // Jember's identity has not reached the province yet: its fingerprint is confirmed at import.
      if (kode === '35.07') daftarkanPihak(prov, bacaIdentitas(JSON.stringify(identitas(db, TANPA_PELINDUNG))));
      files.push(eksporBundel(db, TANPA_PELINDUNG, { folder: dir }).berkas);
      db.close();
    }
    await pindahKePostgres(prov, server.toString(), { mode: 'provinsi' });
    prov.close();
    const rusak = join(dir, 'rusak.bmb');
    const bytes = readFileSync(files[1]!);
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(rusak, bytes);

    const web = await startWeb(server.toString(), { BERMANTRA_FOLDER_DATA: join(dir, 'data') });
    child = web.child;
    await page.goto(web.url);
    await imporBeberapaBundel(page, { siap: files[0]!, kodeSiap: '35.07', namaSiap: 'Kabupaten Malang', baru: files[1]!, kodeBaru: '35.09', namaBaru: 'Kabupaten Jember', rusak });

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
