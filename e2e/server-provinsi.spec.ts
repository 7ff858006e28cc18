import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { pindahKePostgres } from '../db/postgres/pindah';
import { buatDemoProvinsi } from '../main/services/demo/provinsi';
import { hitungDashboard } from '../main/services/dasbor/dashboard';
import { TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { formatAngka } from '../main/common/format';
import { basisDataServer, expect, startWeb, test } from './fixtures';

// An officer at the province points the app at the office's PostgreSQL server (Pengaturan → Server basis data
// provinsi): a wrong address is said plainly, the right one is tested and kept without its password in the clear, and
// the app opened again works on the server, showing the figures the province file showed.

test('province: the server is tested, kept with its password wrapped, and the app opened again reads the dashboard from it', async ({ page }) => {
  const db = await basisDataServer('e2e');
  if (!db) return;
  const server = db.url;
  const nama = server.pathname.slice(1);
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-pg-'));
  const folderData = join(dir, 'data');
  const hentikan: (() => Promise<void>)[] = [];
  try {
    const provPath = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: ['35.07', '35.73'], demo: { kelompok: 12, bulan: 6 } });
    const prov = openDatabase(provPath);
    const diBerkas = hitungDashboard(prov, {});
    await pindahKePostgres(prov, server.toString(), { mode: 'provinsi' });
    prov.close();

    const buka = async (db: string | null) => {
      const { url, child } = await startWeb(db, { BERMANTRA_FOLDER_DATA: folderData });
      hentikan.push(async () => {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          await new Promise((r) => child.once('exit', r));
        }
      });
      return url;
    };
    await page.goto(`${await buka(provPath)}#/pengaturan`);
    const bagian = page.getByRole('region', { name: 'Server basis data provinsi' });
    await expect(bagian).toContainText('Sekarang bekerja pada berkas basis data di komputer ini');
    // A server nobody listens on: said as what to check, nothing kept.
    await bagian.getByLabel('Alamat server').fill(`postgres://petugas@127.0.0.1:1/${nama}`);
    await bagian.getByRole('button', { name: 'Uji sambungan' }).click();
    await expect(bagian.getByRole('alert')).toContainText('tidak dapat dihubungi');
    await bagian.getByRole('button', { name: 'Simpan server' }).click();
    await expect(bagian.getByRole('alert')).toContainText('tidak dapat dihubungi');
    await expect(bagian).toContainText('Belum ada server yang disimpan');
    // The real one, with a password: tested, then kept.
    await bagian.getByLabel('Alamat server').fill(server.toString());
    await bagian.getByLabel('Kata sandi server').fill('sandi-rahasia-uji');
    await bagian.getByRole('button', { name: 'Uji sambungan' }).click();
    await expect(bagian.getByRole('status')).toContainText(/Tersambung ke postgres:\/\/postgres@127\.0\.0\.1:\d+\/e2e_\w+: basis data provinsi, skema \d+/);
    await bagian.getByRole('button', { name: 'Simpan server' }).click();
    await expect(bagian.getByRole('status')).toContainText('disimpan (kata sandinya terbungkus kunci perangkat ini)');
    await expect(bagian).toContainText(`Tersimpan untuk dibuka berikutnya: postgres://postgres@127.0.0.1:${server.port}/${nama}`);
    const berkas = readFileSync(join(folderData, 'server-provinsi.json'), 'utf8');
    expect(berkas).not.toContain('sandi-rahasia-uji');
    expect(JSON.parse(berkas).sandi).toBeTruthy();
    await bagian.screenshot({ path: test.info().outputPath('pengaturan-server.png') });

    // Opened again without naming a database: the stored server, and the same figures.
    await hentikan.pop()!();
    await page.goto(await buka(null));
    const kartu = page.getByRole('list', { name: 'Angka utama' });
    await expect(kartu.getByRole('listitem').filter({ hasText: 'Kelompok aktif' })).toContainText(formatAngka(diBerkas.kelompok_aktif.nilai));
    await expect(kartu.getByRole('listitem').filter({ hasText: 'Anggota' }).first()).toContainText(formatAngka(diBerkas.anggota.nilai));
    // Every page of the menu, and every tab of the pages with tabs, opens on the server without a refusal: what the
    // province does runs there (what it does not run is district work, and its buttons are not shown here).
    const asal = page.url().replace(/#.*$/, '');
    const tolakan = page.getByText(/tidak dijalankan pada server|belum dapat dijalankan/);
    for (const halaman of ['beranda', 'fasilitator', 'kelompok', 'anggota', 'laporan', 'monev', 'proposal', 'dtsen', 'mitra', 'sinkron', 'situs', 'definisi', 'panduan']) {
      await page.goto(`${asal}#/${halaman}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      const tab = page.getByRole('tab');
      for (let i = 0; i < (await tab.count()); i++) {
        await tab.nth(i).click();
        await page.waitForLoadState('networkidle');
        await expect(tolakan, `${halaman}, tab ${i + 1}`).toHaveCount(0);
      }
      await expect(tolakan, halaman).toHaveCount(0);
    }
    await page.goto(page.url().replace(/#.*$/, '') + '#/pengaturan');
    await expect(page.getByRole('region', { name: 'Server basis data provinsi' })).toContainText(`Sekarang bekerja pada server postgres://postgres@127.0.0.1:${server.port}/${nama}`);
    // Forgotten: the next start opens the file again.
    await page.getByRole('region', { name: 'Server basis data provinsi' }).getByRole('button', { name: 'Lupakan server' }).click();
    await expect(page.getByRole('region', { name: 'Server basis data provinsi' }).getByRole('status')).toContainText('kembali memakai berkas basis data');
    expect(() => readFileSync(join(folderData, 'server-provinsi.json'))).toThrow();
  } finally {
    for (const h of hentikan) await h();
    await db.hapus();
    rmSync(dir, { recursive: true, force: true });
  }
});
