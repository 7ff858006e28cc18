import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { eksporBundel } from '../main/services/sinkron/bundle';
import { buatDemo } from '../main/services/demo/demo';
import { bacaIdentitas, buatKunci, daftarkanPihak, identitas , TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { setup } from '../main/services/pengaturan/pengaturan';
import { expect, startWeb, test } from './fixtures';

// The province receives the month's bundles of several districts and imports them in one go; a damaged
// file is refused on its own and does not stop the others.
test('the province imports several district bundles at once; a damaged one is refused by name, the others apply', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-'));
  const provDb = join(dir, 'prov.sqlite');
  const prov = openDatabase(provDb);
  setup(prov, { mode: 'provinsi', kabupaten_kode: null, operator: 'Admin Provinsi', nama_instansi: '', alamat_instansi: '', kota_surat: '', telepon: '', email: '', kepala_nama: '', kepala_nip: '', kepala_jabatan: '' });
  buatKunci(prov, TANPA_PELINDUNG);
  const files: string[] = [];
  for (const kode of ['35.07', '35.09']) {
    const db = openDatabase(join(dir, `${kode}.sqlite`));
    buatDemo(db, { kelompok: 2, bulan: 1, seed: 3, kabupaten: kode });
    buatKunci(db, TANPA_PELINDUNG);
    daftarkanPihak(db, bacaIdentitas(JSON.stringify(identitas(prov, TANPA_PELINDUNG))));
    daftarkanPihak(prov, bacaIdentitas(JSON.stringify(identitas(db, TANPA_PELINDUNG))));
    files.push(eksporBundel(db, TANPA_PELINDUNG, { folder: dir }).berkas);
    db.close();
  }
  prov.close();
  const rusak = join(dir, 'rusak.bmb');
  const bytes = readFileSync(files[1]!);
  bytes[bytes.length - 100]! ^= 0xff;
  writeFileSync(rusak, bytes);

  const { url, child } = await startWeb(provDb);
  try {
    await page.goto(url);
    await page.getByRole('link', { name: 'Sinkronisasi' }).click();
    await page.getByText('Impor beberapa bundel sekaligus').click();
    await page.getByLabel('Bundel dari beberapa kabupaten/kota (pilih sekaligus)').setInputFiles([files[0]!, rusak, files[1]!]);
    await page.getByRole('button', { name: 'Impor 3 bundel' }).click();
    const hasil = page.getByRole('table', { name: 'Hasil impor beberapa bundel' });
    await expect(hasil.getByRole('row')).toHaveCount(4);
    await expect(hasil.getByRole('row', { name: /rusak\.bmb/ })).toContainText('Ditolak:');
    await expect(hasil.getByRole('row', { name: /35\.07/ })).toContainText('Berhasil: Bundel ke-1 dari Kabupaten Malang diimpor');
    await expect(hasil.getByRole('row', { name: /35\.09/ })).toContainText('Berhasil: Bundel ke-1 dari Kabupaten Jember diimpor');
    const status = page.getByRole('table', { name: 'Status kabupaten/kota' });
    await expect(status.getByRole('row', { name: /Kabupaten Malang/ })).toContainText('hari ini');
    await expect(status.getByRole('row', { name: /Kabupaten Jember/ })).toContainText('hari ini');
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
