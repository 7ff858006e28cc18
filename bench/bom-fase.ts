// One step of bench/bom.ts in a process of its own: one JSON line with time, peak memory and the message.
import { openDatabase } from '../db/connection';
import { AppError } from '../main/common/errors';
import { imporAnggota, pratinjauImpor } from '../main/services/anggota/impor';
import { imporEkstrak } from '../main/services/dtsen/dtsen';
import { bukaKiriman, imporBukuKerja } from '../main/services/laporan/buku-kerja-impor';

const [jenis, file, berkas] = process.argv.slice(2) as ['anggota' | 'anggota-simpan' | 'dtsen' | 'buku-kerja', string, string];
const db = openDatabase(file);
const nama = berkas.split('/').at(-1)!;
const ref = { ref: 'bench', nama };
const t = performance.now();
const puncakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
try {
  let baris = 0;
  if (jenis === 'anggota' || jenis === 'anggota-simpan') {
    const p = await pratinjauImpor(berkas, ref);
    baris = (await imporAnggota(db, berkas, ref, { mapping: p.mapping, dryRun: jenis === 'anggota' })).totalBaris;
  } else if (jenis === 'dtsen') {
    baris = (await imporEkstrak(db, berkas, nama, { sumber: 'DTSEN', tanggal: '2026-10-01' })).dibaca;
  } else {
    const k = bukaKiriman(berkas, nama, []);
    try {
      baris = imporBukuKerja(db, { path: k.xlsx.path, nama: k.xlsx.nama, dryRun: true, status: 'draft', foto: k.foto }).baris.length;
    } finally {
      k.bersihkan();
    }
  }
  console.log(JSON.stringify({ detik: (performance.now() - t) / 1000, baris, puncakMb: puncakMb() }));
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.log(JSON.stringify({ detik: (performance.now() - t) / 1000, baris: 0, puncakMb: puncakMb(), pesan: error.message }));
} finally {
  db.close();
}
