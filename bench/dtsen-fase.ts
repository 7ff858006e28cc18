// One measured step of bench/dtsen.ts, in a process of its own: prints one JSON line with its time and
// its peak resident memory (maxRSS, the kernel's figure, not a sample).
import Database from 'better-sqlite3';
import { createReadStream } from 'node:fs';
import { openDatabase } from '../db/connection';
import { CsvStream } from '../main/services/dokumen/csv';
import { cocokkan, imporEkstrak } from '../main/services/dtsen/dtsen';

const [fase, a, b] = process.argv.slice(2) as [string, string, string];
const puncakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (fase === 'mentah') {
  // The physical limit: the same rows, parsed and inserted with one prepared statement, no checks.
  const raw = new Database(b);
  raw.pragma('journal_mode = WAL');
  raw.exec('CREATE TABLE r (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f TEXT, g TEXT, h TEXT)');
  const ins = raw.prepare('INSERT INTO r VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const t = performance.now();
  raw.exec('BEGIN');
  const parser = new CsvStream(',');
  const decoder = new TextDecoder();
  let baris = 0;
  for await (const chunk of createReadStream(a)) for (const r of parser.push(decoder.decode(chunk as Buffer, { stream: true }))) (ins.run(r.slice(0, 8)), baris++);
  raw.exec('COMMIT');
  console.log(JSON.stringify({ detik: (performance.now() - t) / 1000, baris, puncakMb: puncakMb() }));
  raw.close();
} else {
  const db = openDatabase(a);
  let t = performance.now();
  const xlsx = b.endsWith('.xlsx');
  const r = await imporEkstrak(db, b, b.split('/').at(-1)!, { sumber: xlsx ? 'DTKS' : 'DTSEN', tanggal: '2025-10-01' });
  const detik = (performance.now() - t) / 1000;
  t = performance.now();
  const m = xlsx ? null : cocokkan(db);
  console.log(JSON.stringify({ detik, cocokDetik: (performance.now() - t) / 1000, baris: r.disimpan, puncakMb: puncakMb(), jumlah: m?.jumlah }));
  db.close();
}
