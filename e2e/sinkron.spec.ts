import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';
import { setup } from '../main/services/pengaturan/pengaturan';
import { expect, startWeb, test } from './fixtures';

// The exchange as two offices do it: the district imports the province's identity and saves a
// bundle; the province confirms the district's fingerprint, imports, and sees the district.

test('a district sends a bundle, the province confirms the fingerprint, imports it and sees the district', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-'));
  const kabDb = join(dir, 'kab.sqlite');
  const provDb = join(dir, 'prov.sqlite');
  const db = openDatabase(kabDb);
  buatDemo(db, { kelompok: 3, bulan: 2, seed: 8, kabupaten: '35.07' });
  db.close();
  const p = openDatabase(provDb);
  setup(p, { mode: 'provinsi', kabupaten_kode: null, operator: 'Admin Provinsi', nama_instansi: '', alamat_instansi: '', kota_surat: '', telepon: '', email: '', kepala_nama: '', kepala_nip: '', kepala_jabatan: '' });
  p.close();
  const kab = await startWeb(kabDb);
  const prov = await startWeb(provDb);
  try {
    // Province: keys and identity file
    const provPage = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await provPage.goto(prov.url);
    await provPage.getByRole('link', { name: 'Sinkronisasi' }).click();
    await provPage.getByRole('button', { name: 'Buat kunci instalasi' }).click();
    const identitas = provPage.waitForEvent('download');
    await provPage.getByRole('button', { name: 'Simpan berkas identitas' }).click();
    const idPath = join(dir, 'identitas-35.bmid');
    writeFileSync(idPath, readFileSync(await (await identitas).path()));
    // The province saves its keys behind a passphrase; a wrong passphrase restores nothing, the right one the same keys.
    const sidikProv = (await provPage.locator('strong.mono').textContent())!.trim();
    await provPage.getByText('Cadangan kunci (wajib di provinsi)').click();
    await provPage.getByLabel('Frasa sandi cadangan (paling sedikit 12 huruf)').fill('kopi tubruk pagi hari');
    const cadangan = provPage.waitForEvent('download');
    await provPage.getByRole('button', { name: 'Simpan cadangan kunci' }).click();
    const cadanganPath = join(dir, (await cadangan).suggestedFilename());
    expect(cadanganPath).toMatch(/cadangan-kunci-35\.bmkey$/);
    writeFileSync(cadanganPath, readFileSync(await (await cadangan).path()));
    expect(readFileSync(cadanganPath, 'utf8')).not.toContain('PRIVATE');
    await provPage.getByLabel('Frasa sandi cadangan yang dipulihkan').fill('kopi tubruk sore hari');
    await provPage.getByLabel('Berkas cadangan kunci').setInputFiles(cadanganPath);
    await provPage.getByRole('button', { name: 'Baca berkas cadangan kunci' }).click();
    await expect(provPage.getByRole('alert')).toContainText('Frasa sandi salah');
    await provPage.getByLabel('Frasa sandi cadangan yang dipulihkan').fill('kopi tubruk pagi hari');
    await provPage.getByRole('button', { name: 'Baca berkas cadangan kunci' }).click();
    await expect(provPage.getByRole('status').filter({ hasText: 'Kunci dipulihkan' })).toContainText(sidikProv);
    // The province writes the covering letter of proposals; an unknown {isian} is named at the field.
    await provPage.getByRole('link', { name: 'Pengaturan' }).click();
    const pembuka = provPage.getByLabel('Paragraf pembuka');
    await pembuka.fill('Dengan hormat, kami mengusulkan {nama_kelompok} dari {kabupaten}.');
    await provPage.getByRole('button', { name: 'Simpan templat surat' }).click();
    await expect(provPage.getByRole('region', { name: 'Templat surat pengantar proposal' })).toContainText('{nama_kelompok} tidak dikenal');
    await pembuka.fill('Dengan hormat, kami mengusulkan {kelompok} dari {kabupaten}.');
    await provPage.getByRole('button', { name: 'Simpan templat surat' }).click();
    await expect(provPage.getByRole('status').filter({ hasText: 'Templat surat' })).toContainText('versi 2 disimpan');
    await provPage.getByRole('link', { name: 'Sinkronisasi' }).click();

    // District: keys, province identity, bundle
    const kabPage = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await kabPage.goto(kab.url);
    await kabPage.getByRole('link', { name: 'Sinkronisasi' }).click();
    await kabPage.getByRole('button', { name: 'Buat kunci instalasi' }).click();
    const sidik = (await kabPage.locator('strong.mono').textContent())!.trim();
    await kabPage.getByText('Impor berkas identitas provinsi').click();
    await kabPage.getByLabel('Berkas identitas').setInputFiles(idPath);
    await kabPage.getByRole('button', { name: 'Baca berkas identitas' }).click();
    await expect(kabPage.getByRole('status').filter({ hasText: 'didaftarkan' })).toContainText('Provinsi Jawa Timur didaftarkan');
    // The steps say what is done; one click makes the bundle and saves it.
    const langkah = kabPage.getByRole('list', { name: 'Langkah sinkronisasi' });
    await expect(langkah.getByRole('listitem').filter({ hasText: 'Daftarkan provinsi' })).toContainText('selesai');
    await expect(langkah.getByRole('listitem').filter({ hasText: 'Kirim bundel data ke provinsi' })).toContainText('Belum pernah mengirim bundel');
    const bundel = kabPage.waitForEvent('download');
    await kabPage.getByRole('button', { name: 'Buat dan simpan bundel perubahan' }).click();
    await expect(kabPage.getByRole('region', { name: 'Bundel tersimpan' })).toContainText(/KB[\s\S]*Disimpan: bermantra-35\.07/);
    await expect(langkah.getByRole('listitem').filter({ hasText: 'Kirim bundel data ke provinsi' })).toContainText('Bundel terakhir ke-1');
    const bundlePath = join(dir, (await bundel).suggestedFilename());
    expect(bundlePath).toMatch(/bermantra-35\.07-\d{8}-0001\.bmb$/);
    writeFileSync(bundlePath, readFileSync(await (await bundel).path()));

    // Province: inspect, refuse without fingerprint, confirm, dry run, import
    await provPage.getByLabel('Berkas bundel').setInputFiles(bundlePath);
    await provPage.getByRole('button', { name: 'Baca berkas bundel' }).click();
    await expect(provPage.getByText(/Bundel data dari Kabupaten Malang/)).toBeVisible();
    await provPage.getByRole('button', { name: 'Impor bundel' }).click();
    await expect(provPage.getByRole('alert')).toContainText('belum terdaftar');
    await provPage.getByLabel('Konfirmasi sidik jari pengirim').fill(sidik);
    await provPage.getByRole('button', { name: 'Periksa dulu (uji coba)' }).click();
    await expect(provPage.getByRole('region', { name: 'Hasil uji coba bundel' })).toContainText('Belum ada yang disimpan');
    await provPage.getByRole('button', { name: 'Impor bundel' }).click();
    await expect(provPage.getByRole('region', { name: 'Hasil impor bundel' })).toContainText('Bundel ke-1 dari Kabupaten Malang diimpor');
    const status = provPage.getByRole('table', { name: 'Status kabupaten/kota' });
    await expect(status.getByRole('row', { name: /Kabupaten Malang/ })).toContainText('hari ini');
    // Read-only browsing with a kabupaten filter
    await provPage.getByRole('link', { name: 'Kelompok binaan' }).click();
    await provPage.getByLabel('Kabupaten/Kota', { exact: true }).selectOption({ label: 'Kabupaten Malang' });
    await expect(provPage.getByRole('navigation', { name: 'Halaman kelompok' })).toContainText('3 kelompok');
    await expect(provPage.getByRole('button', { name: 'Tambah kelompok' })).toHaveCount(0);
  } finally {
    kab.child.kill('SIGTERM');
    prov.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
