import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../db/connection';
import { eksporBundel, imporBundel } from '../sinkron';
import { bacaIdentitas, buatKunci, daftarkanPihak, identitas, type Pelindung } from '../sinkron';
import { setup } from '../pengaturan';
import { buatDemo, type DemoOptions } from './demo';

/**
 * A province database fed the way the real one is: one demo district per code, each with its own keys, registered
 * with the province both ways, sending one full bundle that the province imports. For benches, tests and demos.
 */
export function buatDemoProvinsi(
  folder: string,
  pelindung: Pelindung,
  opsi: { kabupaten: string[]; demo?: Omit<DemoOptions, 'kabupaten'> },
): string {
  const provPath = join(folder, 'provinsi.sqlite');
  const prov = openDatabase(provPath);
  try {
    setup(prov, { mode: 'provinsi', kabupaten_kode: null, operator: 'Admin Provinsi', nama_instansi: '', alamat_instansi: '', kota_surat: '', telepon: '', email: '', kepala_nama: '', kepala_nip: '', kepala_jabatan: '' });
    buatKunci(prov, pelindung);
    for (const [i, kode] of opsi.kabupaten.entries()) {
      const kabPath = join(folder, `${kode}.sqlite`);
      const db = openDatabase(kabPath);
      try {
        buatDemo(db, { seed: i + 1, ...opsi.demo, kabupaten: kode });
        buatKunci(db, pelindung);
        daftarkanPihak(db, bacaIdentitas(JSON.stringify(identitas(prov, pelindung))));
        daftarkanPihak(prov, bacaIdentitas(JSON.stringify(identitas(db, pelindung))));
        const { berkas } = eksporBundel(db, pelindung, { folder });
        imporBundel(prov, pelindung, readFileSync(berkas));
        rmSync(berkas, { force: true });
      } finally {
        db.close();
      }
    }
  } finally {
    prov.close();
  }
  return provPath;
}
