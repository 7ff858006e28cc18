// One dry run of bench/anggota-impor.ts, in a process of its own: one JSON line with time and peak memory.
import { openDatabase } from '../db/connection';
import { AppError } from '../main/common/errors';
import { imporAnggota, pratinjauImpor } from '../main/services/anggota/impor';

const [file, berkas] = process.argv.slice(2) as [string, string];
const db = openDatabase(file);
const ref = { ref: 'bench', nama: berkas.split('/').at(-1)! };
const t = performance.now();
const puncakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
try {
  const p = await pratinjauImpor(berkas, ref);
  const r = await imporAnggota(db, berkas, ref, { mapping: p.mapping, dryRun: true });
  console.log(JSON.stringify({ detik: (performance.now() - t) / 1000, baris: r.totalBaris, galat: r.jumlahGalat, puncakMb: puncakMb() }));
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.log(JSON.stringify({ detik: (performance.now() - t) / 1000, baris: 0, galat: 0, puncakMb: puncakMb(), pesan: error.message }));
} finally {
  db.close();
}
