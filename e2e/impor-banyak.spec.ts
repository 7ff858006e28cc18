import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { eksporBundel } from '../main/services/sinkron/bundle';
import { buatDemo } from '../main/services/demo/demo';
import { bacaIdentitas, buatKunci, daftarkanPihak, identitas , TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { setup } from '../main/services/pengaturan/pengaturan';
import { imporBeberapaBundel, startWeb, test } from './fixtures';

// The province receives the month's bundles of several districts and imports them in one go; a damaged
// file is refused on its own and does not stop the others; a district not registered yet waits until its
// fingerprint is confirmed.
test('the province imports several district bundles at once; an unregistered sender waits for its fingerprint, a damaged one is refused by name, the others apply', async ({ page }) => {
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
    // Jember's identity has not reached the province yet: its fingerprint is confirmed at import.
    if (kode === '35.07') daftarkanPihak(prov, bacaIdentitas(JSON.stringify(identitas(db, TANPA_PELINDUNG))));
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
    await imporBeberapaBundel(page, { siap: files[0]!, kodeSiap: '35.07', namaSiap: 'Kabupaten Malang', baru: files[1]!, kodeBaru: '35.09', namaBaru: 'Kabupaten Jember', rusak });
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
