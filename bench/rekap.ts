// Recap of 500 kelompok × 36 months for the kabupaten (target under 200 ms), and the time to write
// the annual PDF and xlsx from it.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';
import { tulisDokumenLaporan } from '../main/services/laporan/dokumen';
import { hitungRekap } from '../main/services/laporan/rekap';

export async function benchRekap(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  try {
    let t = performance.now();
    const demo = buatDemo(db, { kelompok: 500, bulan: 36, seed: 3, kabupaten: '35.07' });
    console.log(`data demo: ${demo.kelompok} kelompok, ${demo.laporan} laporan bulanan dibuat dalam ${(performance.now() - t).toFixed(0)} ms`);
    const year = String(new Date().getFullYear() - 1);
    for (const [periode, per] of [[year, 'kabupaten'], [`${year}-S1`, 'kabupaten'], [year, 'kecamatan'], [year, 'kelompok']] as const) {
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        t = performance.now();
        hitungRekap(db, periode, per);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`rekap ${periode.padEnd(8)} per ${per.padEnd(10)} median ${times[5]!.toFixed(1).padStart(7)} ms  (target < 200 ms)`);
    }
    for (const [format, per] of [['pdf', 'kecamatan'], ['xlsx', 'kecamatan'], ['pdf', 'kelompok'], ['xlsx', 'kelompok']] as const) {
      const path = join(dir, `rekap-${per}.${format}`);
      t = performance.now();
      await tulisDokumenLaporan(db, { periode: year, format, per }, path);
      console.log(`rekap tahunan ${format.padEnd(4)} per ${per.padEnd(10)} ${(performance.now() - t).toFixed(0).padStart(6)} ms, ${Math.round(statSync(path).size / 1024)} KB`);
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
