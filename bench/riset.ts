// The research extract at district scale: ~100.000 members in 9.100 groups × 24 months, DT-SEN matched (target: ≤ 10 s
// for the extract, memory flat). Each extract runs in a process of its own and prints its time and peak memory
// (maxRSS); a district a quarter that size is run too, so "flat" can be read from the two peaks.
// BENCH_DB=FILE uses a copy of an existing district database instead of building one.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { buatDemo, tulisEkstrakDemo } from '../main/services/demo';
import { cocokkan, imporEkstrak } from '../main/services/dtsen';

async function siapkan(dir: string, kelompok: number): Promise<{ path: string; mou: string }> {
  const path = join(dir, `kabupaten-${kelompok}.sqlite`);
  const t0 = performance.now();
  if (process.env.BENCH_DB) copyFileSync(process.env.BENCH_DB, path);
  const db = openDatabase(path, { backupBeforeMigrate: false });
  if (!process.env.BENCH_DB) {
    buatDemo(db, { kelompok, bulan: 26, seed: 3, kabupaten: '35.07' });
    const csv = join(dir, 'dtsen.csv');
    await tulisEkstrakDemo(db, csv, Math.round(kelompok * 16), 3);
    await imporEkstrak(db, csv, 'dtsen.csv', { sumber: 'DTSEN', tanggal: '2026-10-01' });
    cocokkan(db);
  }
  const anggota = (db.sqlite.prepare('SELECT count(*) AS n FROM anggota WHERE deleted_at IS NULL').get() as { n: number }).n;
  const laporan = (db.sqlite.prepare('SELECT count(*) AS n FROM laporan_bulanan').get() as { n: number }).n;
  const mou = (db.sqlite.prepare("SELECT id FROM mou WHERE perguruan_tinggi = 'Universitas Brawijaya'").get() as { id: string }).id;
  db.close();
  console.log(`kabupaten: ${anggota.toLocaleString('id-ID')} anggota, ${laporan.toLocaleString('id-ID')} laporan (disiapkan dalam ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return { path, mou };
}

export async function benchRiset(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  try {
    const ukuran = process.env.BENCH_DB ? [0] : [Math.round(Number(process.env.BENCH_KELOMPOK ?? 9100) / 4), Number(process.env.BENCH_KELOMPOK ?? 9100)];
    for (const kelompok of ukuran) {
      const { path, mou } = await siapkan(dir, kelompok);
      for (const zip of [false, true]) {
        const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/riset-anak.ts', path, mou, join(dir, `ekstrak-${kelompok}-${zip}`), zip ? 'zip' : 'folder'], { encoding: 'utf8' });
        const r = JSON.parse(out.trim().split('\n').at(-1)!) as { detik: number; maxRssMb: number; awalMb: number; tabel: { nama: string; baris: number; k: number; l: number | null; disupresi: number; unit: string }[] };
        console.log(`  ekstrak riset${zip ? ' (zip)' : ''}: ${r.detik.toFixed(2)} s, puncak memori proses ${r.maxRssMb.toFixed(0)} MB (sesudah membuka basis data ${r.awalMb.toFixed(0)} MB); ${r.tabel.map((x) => `${x.nama} ${x.baris.toLocaleString('id-ID')} baris, k ${x.k}${x.l === null ? '' : `, l ${x.l}`}, ${x.disupresi} ${x.unit} disupresi`).join('; ')}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
