// Time to print a proposal with a 150-line RAB (about 15 pages with the other sections; target under 1 s), and with 1,000 lines.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';
import { simpanRab } from '../main/services/proposal/proposal';
import { pdfProposal } from '../main/services/proposal/dokumen';

export async function benchProposal(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  try {
    buatDemo(db, { kelompok: 10, bulan: 12, seed: 9, kabupaten: '35.07' });
    const { id } = db.sqlite.prepare("SELECT id FROM proposal WHERE status = 'draft' LIMIT 1").get() as { id: string };
    if (!id) db.sqlite.prepare("UPDATE proposal SET status = 'draft'").run();
    const target = id ?? (db.sqlite.prepare('SELECT id FROM proposal LIMIT 1').get() as { id: string }).id;
    await pdfProposal(db, target, join(dir, 'warmup.pdf')); // loads pdfmake and the fonts once
    for (const lines of [150, 1000]) {
      simpanRab(db, target, Array.from({ length: lines }, (_, i) => ({ kelompok_belanja: ['Peralatan', 'Bahan baku', 'Operasional', 'Pelatihan', 'Pemasaran'][Math.floor((i / lines) * 5)]!, uraian: `Barang kebutuhan usaha nomor ${i + 1}`, volume: 1 + (i % 9), satuan: 'unit', harga_satuan: 15_000 + i * 250 })));
      const path = join(dir, `proposal-${lines}.pdf`);
      const t = performance.now();
      await pdfProposal(db, target, path);
      const ms = performance.now() - t;
      const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1];
      console.log(`proposal dengan RAB ${String(lines).padStart(4)} baris: ${ms.toFixed(0).padStart(5)} ms, ${pages} halaman, ${Math.round(statSync(path).size / 1024)} KB${lines === 150 ? '  (target < 1000 ms)' : ''}`);
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
