// Data quality at province scale (22 districts × 300 kelompok × 36 months): the validation rules and outlier checks
// over every report of one month, and over all 36 months (target ≤ 2 s), and at a district the check of one typed
// cell as the grid saves it (target ≤ 50 ms). BENCH_KABUPATEN sets fewer districts for a quick run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { bulanSebelumnya } from '../main/common/laporan';
import { buatDemoProvinsi } from '../main/services/demo/provinsi';
import { simpanLaporan } from '../main/services/laporan/laporan';
import { periksaBulan, periksaRentang } from '../main/services/laporan/mutu';
import { TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { kabupatenJatim } from '../main/services/wilayah/wilayah';

export async function benchPeriksa(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  const count = Number(process.env.BENCH_KABUPATEN ?? 22);
  try {
    let t = performance.now();
    const kode = kabupatenJatim().slice(0, count).map((k) => k.kode);
    const provPath = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: kode, demo: { kelompok: 300, bulan: 36 } });
    const prov = openDatabase(provPath);
    const n = (prov.sqlite.prepare('SELECT count(*) AS n FROM laporan_bulanan').get() as { n: number }).n;
    console.log(`provinsi: ${count} kabupaten × 300 kelompok × 36 bulan, ${n.toLocaleString('id-ID')} laporan (disiapkan dalam ${((performance.now() - t) / 1000).toFixed(0)} s)`);
    const terakhir = (prov.sqlite.prepare('SELECT max(periode) AS p FROM laporan_bulanan').get() as { p: string }).p;
    const times: number[] = [];
    let temuan = 0;
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      temuan = periksaBulan(prov, terakhir).length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`periksa satu bulan seluruh provinsi: median ${times[2]!.toFixed(0)} ms, ${temuan} temuan`);
    t = performance.now();
    const semua = periksaRentang(prov, { dari: bulanSebelumnya(terakhir, 35), sampai: terakhir }).length;
    console.log(`periksa 36 bulan seluruh provinsi (satu kali baca): ${((performance.now() - t) / 1000).toFixed(2)} s, ${semua} temuan  (target ≤ 2 s)`);
    prov.close();

    // A district's grid: one typed cell saved and checked (rules, outliers against 12 months and peers).
    const kab = openDatabase(join(dir, `${kode[0]}.sqlite`));
    const k = kab.sqlite.prepare("SELECT id FROM kelompok WHERE status = 'aktif' LIMIT 1").get() as { id: string };
    const bulan = bulanSebelumnya(terakhir, -1);
    const sel: number[] = [];
    for (let i = 0; i < 21; i++) {
      t = performance.now();
      simpanLaporan(kab, { kelompok_id: k.id, periode: bulan, nilai: { omzet: 1_000_000 + i * 1000 } });
      sel.push(performance.now() - t);
    }
    sel.sort((a, b) => a - b);
    console.log(`satu sel diketik (simpan + periksa): median ${sel[10]!.toFixed(1)} ms, terlama ${sel[20]!.toFixed(1)} ms  (target ≤ 50 ms)`);
    kab.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
