// The dashboard at province scale (22 districts × 300 kelompok × ~3,000 anggota × 36 months):
// time to compute the whole dashboard (target under 150 ms) and the renderer's time to first full
// paint in Chromium (target under 1 s). BENCH_KABUPATEN sets fewer districts for a quick run.
import { chromium } from '@playwright/test';
import { platformNode } from '../main/api/platform';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppContext } from '../main/api/context';
import { openDatabase } from '../db/connection';
import { hitungDashboard } from '../main/services/dasbor/dashboard';
import { TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { buatDemoProvinsi } from '../main/services/demo/provinsi';
import { kabupatenJatim } from '../main/services/wilayah/wilayah';
import { startWebServer } from '../main/web/server';

export async function benchDashboard(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  const count = Number(process.env.BENCH_KABUPATEN ?? 22);
  try {
    let t = performance.now();
    const provPath = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: kabupatenJatim().slice(0, count).map((k) => k.kode), demo: { kelompok: 300, bulan: 36 } });
    const prov = openDatabase(provPath);
    const rows = prov.sqlite.prepare('SELECT (SELECT count(*) FROM kelompok) k, (SELECT count(*) FROM anggota) a, (SELECT count(*) FROM laporan_bulanan) l').get() as { k: number; a: number; l: number };
    console.log(`provinsi: ${count} kabupaten, ${rows.k} kelompok, ${rows.a} anggota, ${rows.l} laporan (disiapkan dalam ${((performance.now() - t) / 1000).toFixed(0)} s)`);
    for (const [label, filter] of [['seluruh provinsi (dengan peringkat)', {}], ['satu kabupaten', { kabupaten: '35.01' }]] as const) {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        t = performance.now();
        hitungDashboard(prov, filter);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`dasbor ${label}: median ${times[3]!.toFixed(0)} ms  (target < 150 ms)`);
    }
    prov.close();
    const ctx = new AppContext(provPath, platformNode('uji'));
    const server = await startWebServer(ctx, { staticDir: join(import.meta.dirname, '..', 'out', 'renderer') });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('list', { name: 'Angka utama' }).waitFor();
    await page.reload();
    t = performance.now();
    await page.getByRole('img', { name: 'Kelompok aktif per sektor' }).waitFor();
    console.log(`tampilan pertama beranda lengkap di Chromium: ${(performance.now() - t).toFixed(0)} ms  (target < 1000 ms; perlu out/renderer dari npm run build:renderer)`);
    await browser.close();
    await server.close();
    ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
