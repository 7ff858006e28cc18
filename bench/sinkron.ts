// 22 district databases from demo (300 kelompok, ~3,000 anggota, 24 months of reports each) exported
// and imported into one province database: total import time (target under 5 s), bundle sizes, and
// an incremental bundle after one month of new reports. Set BENCH_KABUPATEN to use fewer districts, BENCH_BULAN
// for more months (issue 28's figure: BENCH_KABUPATEN=38 BENCH_BULAN=60). The row checks' share of the import is
// read from the import's diagnostics channel (target: the import ≤ 1,1× the import without them).
// The province database is opened as the app opens it: WAL checkpoints on their own thread.
// With --pg URL the same bundles are also imported into the province's PostgreSQL server (databases made and dropped
// on that server): one officer after another, four officers at once, and the incremental bundle; each against SQLite.
import { execFileSync } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/connection';
import { buatTandaTerima, eksporBundel, imporBundel } from '../main/services/sinkron/bundle';
import { buatDemo } from '../main/services/demo/demo';
import { bacaIdentitas, buatKunci, daftarkanPihak, identitas , TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { simpanLaporan } from '../main/services/laporan/laporan';
import { setup } from '../main/services/pengaturan/pengaturan';
import { kabupatenJatim } from '../main/services/wilayah/wilayah';
import { ServerProvinsi } from '../main/api/server-provinsi';
import { pindahKePostgres } from '../db/postgres/pindah';
import { imporBundelServer } from '../main/services/sinkron/impor-server';
import { basisDataBench, urlPg } from './pg';

export async function benchSinkron(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  const count = Number(process.env.BENCH_KABUPATEN ?? 22);
  const bulan = Number(process.env.BENCH_BULAN ?? 24);
  let periksaMs = 0;
  const catatPeriksa = (pesan: unknown) => {
    periksaMs += (pesan as { ms: number }).ms;
  };
  try {
    const prov = openDatabase(join(dir, 'provinsi.sqlite'), { checkpointLatar: true });
    setup(prov, { mode: 'provinsi', kabupaten_kode: null, operator: 'Bench', nama_instansi: '', alamat_instansi: '', kota_surat: '', telepon: '', email: '', kepala_nama: '', kepala_nip: '', kepala_jabatan: '' });
    buatKunci(prov, TANPA_PELINDUNG);
    const provId = JSON.stringify(identitas(prov, TANPA_PELINDUNG));
    const districts: { kode: string; db: Db; bundle: Buffer }[] = [];
    let t = performance.now();
    for (const k of kabupatenJatim().slice(0, count)) {
      const db = openDatabase(join(dir, `${k.kode}.sqlite`));
      buatDemo(db, { kelompok: 300, bulan, seed: districts.length + 1, kabupaten: k.kode });
      buatKunci(db, TANPA_PELINDUNG);
      daftarkanPihak(db, bacaIdentitas(provId));
      daftarkanPihak(prov, bacaIdentitas(JSON.stringify(identitas(db, TANPA_PELINDUNG))));
      districts.push({ kode: k.kode, db, bundle: Buffer.alloc(0) });
    }
    console.log(`${count} basis data kabupaten dibuat dalam ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    for (const d of districts) d.bundle = readFileSync(eksporBundel(d.db, TANPA_PELINDUNG, { folder: dir }).berkas);
    const sizes = districts.map((d) => d.bundle.length / 1024);
    console.log(`ekspor ${count} bundel: ${(performance.now() - t).toFixed(0)} ms; ukuran bundel ${Math.min(...sizes).toFixed(0)}–${Math.max(...sizes).toFixed(0)} KB (rata-rata ${(sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(0)} KB)`);
    // The province has none of the district files: close them and let the OS write out what setting
    // them up left in its cache, so the import is not measured against that writeback.
    for (const d of districts) d.db.close();
    try {
      execFileSync('sync');
    } catch {
      /* no sync command (Windows): measured as is */
    }
    // The province before any bundle, copied to two empty databases on the server (one officer; four at once).
    const pgUrl = urlPg();
    const pgDb = pgUrl ? [await basisDataBench(pgUrl), await basisDataBench(pgUrl)] : [];
    for (const b of pgDb) await pindahKePostgres(prov, b.url, { mode: 'provinsi' });
    subscribe('bermantra:impor:periksa-baris', catatPeriksa);
    t = performance.now();
    for (const d of districts) imporBundel(prov, TANPA_PELINDUNG, d.bundle);
    const imporMs = performance.now() - t;
    unsubscribe('bermantra:impor:periksa-baris', catatPeriksa);
    console.log(`impor ${count} bundel ke provinsi (${bulan} bulan): ${imporMs.toFixed(0)} ms  (target < 5000 ms; 38 × 60 bulan: ≤ 3000 ms)`);
    console.log(`  pemeriksaan baris: ${periksaMs.toFixed(0)} ms; impor ÷ impor tanpa pemeriksaan = ${(imporMs / (imporMs - periksaMs)).toFixed(2)}× (target ≤ 1,10×)`);
    // The same full bundle sent again (a district asked for a full bundle, or sent one twice): nothing changes.
    t = performance.now();
    const ulang = imporBundel(prov, TANPA_PELINDUNG, districts[0]!.bundle);
    console.log(`  bundel lengkap yang sama diimpor lagi (${bulan} bulan, satu kabupaten/kota): ${(performance.now() - t).toFixed(0)} ms, ${ulang.temuan?.jumlah ?? 0} temuan baru`);
    t = performance.now();
    prov.sqlite.pragma('wal_checkpoint(PASSIVE)');
    console.log(`  sisa checkpoint yang dikerjakan thread latar sesudahnya: ${(performance.now() - t).toFixed(0)} ms (pengguna tidak menunggunya)`);
    t = performance.now();
    prov.tx(() => prov.sqlite.prepare("INSERT OR REPLACE INTO pengaturan (kunci, nilai) VALUES ('bench', '1')").run());
    console.log(`  tulisan pertama sesudahnya (memangkas -wal impor besar ke 64 MB, sekali): ${(performance.now() - t).toFixed(0)} ms`);
    const rows = prov.sqlite.prepare('SELECT (SELECT count(*) FROM kelompok) k, (SELECT count(*) FROM anggota) a, (SELECT count(*) FROM laporan_bulanan) l').get() as { k: number; a: number; l: number };
    console.log(`provinsi: ${rows.k} kelompok, ${rows.a} anggota, ${rows.l} laporan`);
    const berkas = districts.map((d) => {
      const f = join(dir, `${d.kode}.bmb`);
      writeFileSync(f, d.bundle);
      return f;
    });
    const imporPg = (p: ServerProvinsi, f: string) => p.tulisDengan((k) => imporBundelServer(k, TANPA_PELINDUNG, f, { nama: f }));
    const petugas: ServerProvinsi[] = [];
    if (pgDb.length) {
      const satu = new ServerProvinsi(pgDb[0]!.url);
      petugas.push(satu);
      t = performance.now();
      for (const f of berkas) await imporPg(satu, f);
      const pgMs = performance.now() - t;
      console.log(`PostgreSQL: impor ${count} bundel oleh satu petugas: ${pgMs.toFixed(0)} ms = ${(pgMs / imporMs).toFixed(2)}× SQLite (target ≤ 1,5×)`);
      const empat = Array.from({ length: 4 }, () => new ServerProvinsi(pgDb[1]!.url));
      petugas.push(...empat);
      t = performance.now();
      const antrian = [...berkas];
      await Promise.all(empat.map(async (p) => {
        for (let f = antrian.shift(); f; f = antrian.shift()) await imporPg(p, f);
      }));
      console.log(`PostgreSQL: impor ${count} bundel oleh empat petugas bersamaan: ${(performance.now() - t).toFixed(0)} ms`);
    }

    // One month later: acknowledgement, then a month of new reports, then the incremental bundle.
    const d = districts[0]!;
    d.db = openDatabase(join(dir, `${d.kode}.sqlite`));
    buatTandaTerima(prov, TANPA_PELINDUNG, d.kode, join(dir, 'ack.bmb'));
    imporBundel(d.db, TANPA_PELINDUNG, readFileSync(join(dir, 'ack.bmb')));
    const groups = d.db.sqlite.prepare("SELECT id FROM kelompok WHERE status = 'aktif' AND deleted_at IS NULL").all() as { id: string }[];
    const month = `${new Date().getFullYear()}-${String(new Date().getMonth() + 1).padStart(2, '0')}`;
    for (const g of groups) simpanLaporan(d.db, { kelompok_id: g.id, periode: month, nilai: { omzet: 2_500_000, biaya: 1_600_000, anggota_aktif: 10 } });
    t = performance.now();
    const inc = eksporBundel(d.db, TANPA_PELINDUNG, { folder: dir });
    const exportMs = performance.now() - t;
    t = performance.now();
    imporBundel(prov, TANPA_PELINDUNG, readFileSync(inc.berkas));
    console.log(`bundel perubahan satu bulan (${groups.length} laporan): ${(inc.ukuran / 1024).toFixed(0)} KB, ekspor ${exportMs.toFixed(0)} ms, impor ${(performance.now() - t).toFixed(0)} ms`);
    if (petugas[0]) {
      t = performance.now();
      await imporPg(petugas[0], inc.berkas);
      console.log(`PostgreSQL: bundel perubahan satu bulan diimpor dalam ${(performance.now() - t).toFixed(0)} ms (membawa bulan-bulan bundel dan 12 bulan sebelumnya ke samping impor)`);
    }
    for (const p of petugas) await p.tutup();
    for (const b of pgDb) await b.hapus();
    d.db.close();
    prov.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
