// Import a 1,000,000-row CSV extract and match 10,000 members: wall time and peak memory (targets
// under 10 s and 500 MB), beside the raw insert rate of the same rows into SQLite in the same run.
// Then the same extract as .xlsx (smaller: BENCH_XLSX_ROWS, default 200,000) for time and memory.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { buatDemo } from '../main/services/demo';
import { cocokkan, imporEkstrak, tulisEkstrakDemo } from '../main/services/dtsen';
import { CsvStream } from '../main/services/csv';

function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1048576);
}

export async function benchDtsen(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  let peak = rssMb();
  const watch = setInterval(() => (peak = Math.max(peak, rssMb())), 50);
  try {
    const db = openDatabase(join(dir, 'kab.sqlite'));
    buatDemo(db, { kelompok: 910, bulan: 0, seed: 2, kabupaten: '35.07' });
    const csv = join(dir, 'ekstrak.csv');
    let t = performance.now();
    const w = await tulisEkstrakDemo(db, csv, rows, 3);
    console.log(`ekstrak contoh: ${w.baris} baris, ${Math.round(statSync(csv).size / 1048576)} MB, ditulis dalam ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // The physical limit: the same rows, parsed and inserted with one prepared statement, no checks.
    const raw = new Database(join(dir, 'raw.sqlite'));
    raw.pragma('journal_mode = WAL');
    raw.exec('CREATE TABLE r (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f TEXT, g TEXT, h TEXT)');
    const ins = raw.prepare('INSERT INTO r VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    t = performance.now();
    raw.exec('BEGIN');
    const parser = new CsvStream(',');
    const decoder = new TextDecoder();
    for await (const chunk of createReadStream(csv)) for (const r of parser.push(decoder.decode(chunk as Buffer, { stream: true }))) ins.run(r.slice(0, 8));
    raw.exec('COMMIT');
    const rawS = (performance.now() - t) / 1000;
    console.log(`batas fisik (parse + insert mentah): ${rawS.toFixed(2)} s = ${Math.round(w.baris / rawS).toLocaleString('id-ID')} baris/detik`);
    raw.close();

    peak = rssMb();
    t = performance.now();
    const r = await imporEkstrak(db, csv, 'ekstrak.csv', { sumber: 'DTSEN', tanggal: '2025-10-01' });
    const importS = (performance.now() - t) / 1000;
    t = performance.now();
    const m = cocokkan(db);
    const matchS = (performance.now() - t) / 1000;
    console.log(`impor ${r.disimpan.toLocaleString('id-ID')} baris: ${importS.toFixed(2)} s; cocokkan ${w.anggota} anggota: ${matchS.toFixed(2)} s; total ${(importS + matchS).toFixed(2)} s (target < 10 s); puncak memori ${peak} MB (target < 500 MB)`);
    console.log(`  hasil: ${JSON.stringify(m.jumlah)}`);

    const xrows = Number(process.env.BENCH_XLSX_ROWS ?? 200_000);
    for (const n of [xrows / 4, xrows]) {
      const xlsx = join(dir, `ekstrak-${n}.xlsx`);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: false });
      const ws = wb.addWorksheet('DTSEN');
      ws.addRow(['NIK', 'NAMA', 'TGL_LAHIR', 'DESIL']).commit();
      for (let i = 0; i < n; i++) ws.addRow([`35070152038${String(i).padStart(5, '0')}`, `ORANG NOMOR ${i}`, '12-03-1985', (i % 10) + 1]).commit();
      await wb.commit();
      peak = rssMb();
      t = performance.now();
      const rx = await imporEkstrak(db, xlsx, `ekstrak-${n}.xlsx`, { sumber: 'DTKS', tanggal: `2024-0${n === xrows ? 2 : 1}-01` });
      console.log(`xlsx ${rx.disimpan.toLocaleString('id-ID')} baris (${Math.round(statSync(xlsx).size / 1048576)} MB): ${((performance.now() - t) / 1000).toFixed(2)} s, puncak memori ${peak} MB`);
    }
    db.close();
  } finally {
    clearInterval(watch);
    rmSync(dir, { recursive: true, force: true });
  }
}
