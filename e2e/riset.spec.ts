import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { expect, test, webDemo } from './fixtures';

test('an officer allows data sharing on an MoU, chooses the variables and downloads the research extract', async ({ page }) => {
  const { url, tutup } = await webDemo({ kelompok: 60, bulan: 8, seed: 21, kabupaten: '35.07' });
  try {
    await page.goto(url);
    await page.getByRole('link', { name: 'Mitra & offtaker' }).click();
    await page.getByRole('tab', { name: 'MoU perguruan tinggi' }).click();
    const tabel = page.getByRole('table', { name: 'Daftar mou perguruan tinggi' });
    // The demo's MoU with Universitas Negeri Malang allows sharing: its row offers the extract; narrow its variables first.
    await tabel.getByRole('row', { name: /Universitas Negeri Malang/ }).getByRole('button', { name: /^Ubah/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Ubah MoU' });
    await expect(dialog.getByLabel('Mengizinkan berbagi data riset')).toBeChecked();
    const variabel = dialog.getByRole('group', { name: /Variabel yang disetujui/ });
    await variabel.getByLabel('Biaya produksi').uncheck();
    await variabel.getByLabel('Jabatan dalam kelompok').uncheck();
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();

    const unduh = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekstrak data riset Universitas Negeri Malang' }).click();
    const berkas = await unduh;
    await expect(page.getByRole('status').filter({ hasText: 'Ekstrak riset untuk Universitas Negeri Malang dibuat' })).toContainText('k = ');
    const isi = unzipSync(readFileSync((await berkas.path())!));
    const nama = Object.keys(isi).map((n) => n.split('/').at(-1));
    expect(nama).toEqual(expect.arrayContaining(['kelompok_bulan.csv', 'anggota.csv', 'MANIFEST.sha256', 'PENILAIAN_DAMPAK_PDP.pdf', 'README_PENELITI.md']));
    const kb = Buffer.from(Object.entries(isi).find(([n]) => n.endsWith('kelompok_bulan.csv'))![1]).toString('utf8');
    expect(kb.split('\n')[0]).toBe('id_kelompok,periode,kecamatan,omzet,anggota_aktif,kehadiran');
    // The ended MoU offers no extract.
    await expect(page.getByRole('button', { name: 'Ekstrak data riset Universitas Muhammadiyah Malang' })).toHaveCount(0);
  } finally {
    await tutup();
  }
});
