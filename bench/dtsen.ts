// Import a 1,000,000-row CSV extract and match 10,000 members: wall time and peak memory (targets
// under 10 s and 500 MB), beside the raw insert rate of the same rows into SQLite in the same run.
// Then the same kind of extract as .xlsx at two sizes (BENCH_XLSX_ROWS, default 200,000, and a quarter
// of it) for time and memory, which should stay flat as the file grows.
// Each measured step runs in its own process, so its peak memory (maxRSS) is its own.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';
import { tulisEkstrakDemo } from '../main/services/demo/ekstrak';

interface Hasil {
  detik: number;
  cocokDetik?: number;
  baris: number;
  puncakMb: number;
  jumlah?: Record<string, number>;
}

function langkah(...args: string[]): Hasil {
  const fase = join(fileURLToPath(new URL('.', import.meta.url)), 'dtsen-fase.ts');
  const r = spawnSync(process.execPath, [...process.execArgv, fase, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`langkah ${args[0]} gagal:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Hasil;
}

export async function benchDtsen(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  try {
    const base = join(dir, 'kab.sqlite');
    const db = openDatabase(base);
    buatDemo(db, { kelompok: 910, bulan: 0, seed: 2, kabupaten: '35.07' });
    const csv = join(dir, 'ekstrak.csv');
    const t = performance.now();
    const w = await tulisEkstrakDemo(db, csv, rows, 3);
    db.close();
    console.log(`ekstrak contoh: ${w.baris} baris, ${Math.round(statSync(csv).size / 1048576)} MB, ditulis dalam ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const raw = langkah('mentah', csv, join(dir, 'mentah.sqlite'));
    console.log(`batas fisik (parse + insert mentah, tanpa pemeriksaan): ${raw.detik.toFixed(2)} s = ${Math.round(raw.baris / raw.detik).toLocaleString('id-ID')} baris/detik, puncak memori ${raw.puncakMb} MB`);

    const kerja = join(dir, 'kerja.sqlite');
    copyFileSync(base, kerja);
    const r = langkah('impor', kerja, csv);
    console.log(
      `impor ${r.baris.toLocaleString('id-ID')} baris: ${r.detik.toFixed(2)} s; cocokkan ${w.anggota} anggota: ${r.cocokDetik!.toFixed(2)} s; total ${(r.detik + r.cocokDetik!).toFixed(2)} s (target < 10 s); puncak memori ${r.puncakMb} MB (target < 500 MB)`,
    );
    console.log(`  hasil: ${JSON.stringify(r.jumlah)}`);

    const xrows = Number(process.env.BENCH_XLSX_ROWS ?? 200_000);
    for (const n of [xrows / 4, xrows]) {
      const xlsx = join(dir, `ekstrak-${n}.xlsx`);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: false });
      const ws = wb.addWorksheet('DTSEN');
      ws.addRow(['NIK', 'NAMA', 'TGL_LAHIR', 'DESIL']).commit();
      for (let i = 0; i < n; i++) ws.addRow([`3507015203${String(i).padStart(6, '0')}`, `ORANG NOMOR ${i}`, '12-03-1985', (i % 10) + 1]).commit();
      await wb.commit();
      copyFileSync(base, kerja);
      const rx = langkah('impor', kerja, xlsx);
      console.log(`xlsx ${rx.baris.toLocaleString('id-ID')} baris (${Math.round(statSync(xlsx).size / 1048576)} MB): ${rx.detik.toFixed(2)} s, puncak memori ${rx.puncakMb} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
