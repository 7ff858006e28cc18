// The research extract at district scale: ~100.000 members in 9.100 groups × 24 months, DT-SEN matched (target:
// ≤ 10 s for the extract, memory flat). BENCH_DB=FILE uses a copy of an existing district database.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { buatDemo, tulisEkstrakDemo } from '../main/services/demo';
import { cocokkan, imporEkstrak } from '../main/services/dtsen';
import { buatEkstrakRiset } from '../main/services/mitra';

export async function benchRiset(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  try {
    const path = join(dir, 'kabupaten.sqlite');
    const t0 = performance.now();
    if (process.env.BENCH_DB) copyFileSync(process.env.BENCH_DB, path);
    const db = openDatabase(path, { backupBeforeMigrate: false });
    if (!process.env.BENCH_DB) {
      buatDemo(db, { kelompok: Number(process.env.BENCH_KELOMPOK ?? 9100), bulan: 26, seed: 3, kabupaten: '35.07' });
      const csv = join(dir, 'dtsen.csv');
      await tulisEkstrakDemo(db, csv, 150_000, 3);
      await imporEkstrak(db, csv, 'dtsen.csv', { sumber: 'DTSEN', tanggal: '2026-10-01' });
      cocokkan(db);
    }
    const anggota = (db.sqlite.prepare('SELECT count(*) AS n FROM anggota WHERE deleted_at IS NULL').get() as { n: number }).n;
    const laporan = (db.sqlite.prepare('SELECT count(*) AS n FROM laporan_bulanan').get() as { n: number }).n;
    console.log(`kabupaten: ${anggota.toLocaleString('id-ID')} anggota, ${laporan.toLocaleString('id-ID')} laporan (disiapkan dalam ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const mou = (db.sqlite.prepare("SELECT id FROM mou WHERE perguruan_tinggi = 'Universitas Brawijaya'").get() as { id: string }).id;
    for (const zip of [false, true]) {
      const rssAwal = process.memoryUsage().rss;
      const t = performance.now();
      const r = await buatEkstrakRiset(db, mou, join(dir, `ekstrak-${zip}`), { zip });
      const detik = (performance.now() - t) / 1000;
      const rss = (process.memoryUsage().rss - rssAwal) / 1048576;
      console.log(`ekstrak riset${zip ? ' (zip)' : ''}: ${detik.toFixed(2)} s, RSS +${rss.toFixed(0)} MB; ${r.tabel.map((x) => `${x.nama} ${x.baris.toLocaleString('id-ID')} baris, k ${x.k}${x.l === null ? '' : `, l ${x.l}`}, ${x.disupresi} ${x.unit} disupresi`).join('; ')}`);
    }
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
