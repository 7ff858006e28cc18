import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPdf } from '../main/services/dokumen';
import { buatBundelReferensi, imporBundel } from '../main/services/sinkron';
import { TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { tambahAkar } from '../main/services/tte';
import { buatCaUji, tandatangani } from '../test/tte';
import { duaKantor, expect, startWeb, test } from './fixtures';

// The signed letter's way: the province trusts a (test) BSrE root and sends it in the reference bundle; the district
// exports the letter ready for TTE, attaches the PDF the signing application returned, reads the verdict and sends its
// bundle; the province imports it and sees the same verdict, verified again by itself.

test('a signed covering letter is attached at the district, verified, sent, and the province sees the same verdict', async ({ browser }) => {
  const { dir, kabDb, provDb, kab, prov } = duaKantor({ kelompok: 3, bulan: 2, seed: 9, kabupaten: '35.07' });
  const ca = buatCaUji(join(dir, 'ca'));
  tambahAkar(prov, Buffer.from(ca.akar));
  const ref = join(dir, 'referensi.bmb');
  buatBundelReferensi(prov, TANPA_PELINDUNG, ref);
  imporBundel(kab, TANPA_PELINDUNG, readFileSync(ref));
  const judul = (kab.sqlite.prepare('SELECT judul FROM proposal WHERE deleted_at IS NULL ORDER BY judul LIMIT 1').get() as { judul: string }).judul;
  kab.close();
  prov.close();
  // What the Kepala's signing application returns: a letter signed with a certificate under the trusted root.
  const ditandatangani = join(dir, 'surat-ditandatangani.pdf');
  writeFileSync(ditandatangani, await tandatangani(await renderPdf({ content: [{ text: 'Surat pengantar proposal' }] }), ca.p12.sah));
  const kabWeb = await startWeb(kabDb);
  const provWeb = await startWeb(provDb);
  try {
    const kabPage = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await kabPage.goto(kabWeb.url);
    await kabPage.getByRole('link', { name: 'Proposal usaha' }).click();
    await kabPage.getByRole('button', { name: `Buka ${judul}` }).click();
    const panel = kabPage.getByRole('group', { name: 'Tanda tangan elektronik (TTE)' });
    const unduh = kabPage.waitForEvent('download');
    await panel.getByRole('button', { name: 'Unduh PDF siap TTE' }).click();
    await unduh;
    await expect(panel).toContainText('Menunggu TTE');
    await panel.getByLabel('PDF surat yang sudah ditandatangani').setInputFiles(ditandatangani);
    await panel.getByRole('button', { name: 'Lampirkan PDF bertanda tangan' }).click();
    await expect(panel.getByRole('status', { name: 'Hasil verifikasi' })).toContainText('1 tanda tangan elektronik sah dan tepercaya');
    await expect(panel.getByRole('table', { name: 'Hasil verifikasi, per tanda tangan' })).toContainText('Dr. Ir. Budi Santoso, M.T.');
    await expect(panel.getByRole('table', { name: 'Hasil verifikasi, per tanda tangan' })).toContainText('NIP 197001012000031001');
    await expect(panel).toContainText('Ditandatangani secara elektronik (sah)');

    await kabPage.keyboard.press('Escape');
    await kabPage.getByRole('link', { name: 'Sinkronisasi' }).click();
    const bundel = kabPage.waitForEvent('download');
    await kabPage.getByRole('button', { name: 'Buat dan simpan bundel perubahan' }).click();
    const bundlePath = join(dir, (await bundel).suggestedFilename());
    writeFileSync(bundlePath, readFileSync(await (await bundel).path()));

    const provPage = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await provPage.goto(provWeb.url);
    await provPage.getByRole('link', { name: 'Sinkronisasi' }).click();
    await provPage.getByLabel('Berkas bundel').setInputFiles(bundlePath);
    await provPage.getByRole('button', { name: 'Baca berkas bundel' }).click();
    await provPage.getByRole('button', { name: 'Impor bundel' }).click();
    await expect(provPage.getByRole('region', { name: 'Hasil impor bundel' })).toContainText('1 surat bertanda tangan elektronik diverifikasi ulang di sini');
    await provPage.getByRole('link', { name: 'Proposal usaha' }).click();
    await provPage.getByRole('button', { name: `Buka ${judul}` }).click();
    const provPanel = provPage.getByRole('group', { name: 'Tanda tangan elektronik (TTE)' });
    await expect(provPanel.getByRole('status', { name: 'Verifikasi di kabupaten/kota' })).toContainText('sah dan tepercaya');
    await expect(provPanel.getByRole('status', { name: 'Verifikasi ulang di provinsi' })).toContainText('sah dan tepercaya');
    await expect(provPanel.getByRole('table', { name: 'Verifikasi ulang di provinsi, per tanda tangan' })).toContainText('Dr. Ir. Budi Santoso, M.T.');
  } finally {
    kabWeb.child.kill('SIGTERM');
    provWeb.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
