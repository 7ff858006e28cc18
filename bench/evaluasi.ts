// The e-monev evaluation table at province scale (22 districts × 300 kelompok × 36 months): every district's targets
// through the quarters, with realisation per quarter from the rekap (target: a few seconds, read by people).
// BENCH_DB=FILE uses a copy of an existing province database instead of building one (building takes minutes).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { hitungEvaluasi } from '../main/services/dasbor/evaluasi';
import { buatDemoProvinsi } from '../main/services/demo/provinsi';
import { TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { kabupatenJatim } from '../main/services/wilayah/wilayah';

export async function benchEvaluasi(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  try {
    let path: string;
    if (process.env.BENCH_DB) {
      path = join(dir, 'provinsi.sqlite');
      copyFileSync(process.env.BENCH_DB, path);
    } else {
      const count = Number(process.env.BENCH_KABUPATEN ?? 22);
      path = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: kabupatenJatim().slice(0, count).map((k) => k.kode), demo: { kelompok: 300, bulan: 36 } });
    }
    const db = openDatabase(path, { backupBeforeMigrate: false });
    const laporan = (db.sqlite.prepare('SELECT count(*) AS n FROM laporan_bulanan').get() as { n: number }).n;
    const tahun = Number((db.sqlite.prepare('SELECT max(periode) AS p FROM laporan_bulanan').get() as { p: string }).p.slice(0, 4));
    console.log(`provinsi: ${laporan.toLocaleString('id-ID')} laporan, tahun ${tahun}`);
    for (const tw of [1, 3] as const) {
      const t = performance.now();
      const e = hitungEvaluasi(db, tahun, tw);
      console.log(`evaluasi s.d. triwulan ${tw}: ${((performance.now() - t) / 1000).toFixed(2)} s, ${e.baris.length} baris, ${e.perlu_perhatian.length} perlu perhatian`);
    }
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
