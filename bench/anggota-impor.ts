// The member import's dry run on big and hostile files: a CSV and an .xlsx of 1,000,000 rows (BENCH_ROWS), and a
// quarter of each, for time and peak memory, which should stay flat as the file grows (each run in a process
// of its own, so maxRSS is its own). Then a small .xlsx that declares gigabytes inside: refused, and how fast.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';

const nik = (i: number) => `3507${String(10 + (i % 30)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(80 + (i % 20))}${String(1 + (i % 9999)).padStart(4, '0')}`;

function langkah(db: string, berkas: string): { detik: number; baris: number; galat: number; puncakMb: number; pesan?: string } {
  const fase = join(fileURLToPath(new URL('.', import.meta.url)), 'anggota-impor-fase.ts');
  const r = spawnSync(process.execPath, [...process.execArgv, fase, db, berkas], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`impor ${berkas} gagal:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

export async function benchAnggotaImpor(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  try {
    const file = join(dir, 'kab.sqlite');
    const db = openDatabase(file);
    buatDemo(db, { kelompok: 300, bulan: 0, seed: 2, kabupaten: '35.07' });
    const kelompok = (db.sqlite.prepare('SELECT nama FROM kelompok LIMIT 1').get() as { nama: string }).nama;
    db.close();
    for (const n of [rows / 4, rows]) {
      const csv = join(dir, `anggota-${n}.csv`);
      const lines = ['NIK;NAMA;KELOMPOK'];
      for (let i = 0; i < n; i++) lines.push(`${nik(i)};Warga Nomor ${i};${kelompok}`);
      writeFileSync(csv, lines.join('\n'));
      const r = langkah(file, csv);
      console.log(`csv ${r.baris.toLocaleString('id-ID')} baris (${Math.round(statSync(csv).size / 1048576)} MB): uji coba ${r.detik.toFixed(2)} s, puncak memori ${r.puncakMb} MB`);
    }
    for (const n of [rows / 4, rows]) {
      const xlsx = join(dir, `anggota-${n}.xlsx`);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: false });
      const ws = wb.addWorksheet('Anggota');
      ws.addRow(['NIK', 'NAMA', 'KELOMPOK']).commit();
      for (let i = 0; i < n; i++) ws.addRow([nik(i), `Warga Nomor ${i}`, kelompok]).commit();
      await wb.commit();
      const r = langkah(file, xlsx);
      console.log(`xlsx ${r.baris.toLocaleString('id-ID')} baris (${Math.round(statSync(xlsx).size / 1048576)} MB): uji coba ${r.detik.toFixed(2)} s, puncak memori ${r.puncakMb} MB`);
    }
    // A workbook whose archive declares 3.75 GB per part: refused before inflating anything.
    const bom = join(dir, 'bom.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['NIK', 'NAMA']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    for (let i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) bytes.writeUInt32LE(0xf0000000, i + 24);
    writeFileSync(bom, bytes);
    const r = langkah(file, bom);
    console.log(`xlsx bom (${statSync(bom).size} byte): ditolak dalam ${r.detik.toFixed(3)} s, puncak memori ${r.puncakMb} MB — ${r.pesan}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
