// The public website of a province fed by 22 districts × 300 kelompok × 36 months (target: export under 3 s), its
// size (the first page with its script and style under 600 KB gzip) and that a second export is byte-identical.
// BENCH_KABUPATEN sets fewer districts for a quick run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase } from '../db/connection';
import { buatDemoProvinsi } from '../main/services/demo/provinsi';
import { TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { bangunSitus, zipSitus } from '../main/services/situs/situs';
import { kabupatenJatim } from '../main/services/wilayah/wilayah';

export async function benchSitus(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  const count = Number(process.env.BENCH_KABUPATEN ?? 22);
  try {
    let t = performance.now();
    const provPath = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: kabupatenJatim().slice(0, count).map((k) => k.kode), demo: { kelompok: 300, bulan: 36 } });
    console.log(`provinsi: ${count} kabupaten × 300 kelompok × 36 bulan (disiapkan dalam ${((performance.now() - t) / 1000).toFixed(0)} s)`);
    const db = openDatabase(provPath);
    const times: number[] = [];
    let hasil = bangunSitus(db);
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      hasil = bangunSitus(db);
      const zip = zipSitus(hasil.berkas, hasil.data.tanggal_pembaruan);
      times.push(performance.now() - t);
      if (i === 0) console.log(`zip: ${(zip.length / 1024).toFixed(0)} KB`);
    }
    times.sort((a, b) => a - b);
    console.log(`ekspor situs (bangun + zip): median ${times[1]!.toFixed(0)} ms  (target < 3000 ms)`);
    const byte = hasil.berkas.reduce((a, b) => a + Buffer.byteLength(b.isi), 0);
    console.log(`${hasil.berkas.length} berkas, ${(byte / 1024).toFixed(0)} KB`);
    const pertama = ['index.html', 'aset/situs.css', 'aset/situs.js'].map((p) => hasil.berkas.find((b) => b.path === p)!.isi);
    const gz = pertama.reduce((a, isi) => a + gzipSync(isi).length, 0);
    console.log(`halaman depan + skrip + gaya: ${(pertama.reduce((a, i) => a + Buffer.byteLength(i), 0) / 1024).toFixed(0)} KB, gzip ${(gz / 1024).toFixed(0)} KB  (target < 600 KB gzip)`);
    const lagi = bangunSitus(db);
    console.log(`ekspor kedua sama persis: ${JSON.stringify(lagi.berkas) === JSON.stringify(hasil.berkas) ? 'ya' : 'TIDAK'}`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
