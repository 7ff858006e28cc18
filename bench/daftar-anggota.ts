// How fast the member list answers with 10,000 anggota: each figure is the median of 30 calls through
// dispatch (validation included), as the UI makes them. Target: "instant", i.e. well under 50 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { platformNode } from '../main/api/platform';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppContext } from '../main/api/context';
import { dispatch } from '../main/api/dispatch';

export async function benchDaftarAnggota(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  const ctx = new AppContext(join(dir, 'bench.sqlite'), platformNode('uji'));
  try {
    let t = performance.now();
    const demo = await dispatch(ctx, 'demo.buat', { kelompok: 910, seed: 11, kabupaten: '35.07' });
    if (!demo.ok) throw new Error(demo.error.message);
    const made = demo.data as { anggota: number; kelompok: number };
    console.log(`data demo: ${made.kelompok} kelompok, ${made.anggota} anggota dibuat dalam ${(performance.now() - t).toFixed(0)} ms`);

    const kecamatan = (ctx.db.sqlite.prepare('SELECT kecamatan_kode FROM kelompok LIMIT 1').get() as { kecamatan_kode: string }).kecamatan_kode;
    const cases: [string, string, unknown][] = [
      ['anggota.list halaman 1', 'anggota.list', {}],
      ['anggota.list halaman 100', 'anggota.list', { halaman: 100 }],
      ['anggota.list cari nama "sri"', 'anggota.list', { cari: 'sri' }],
      ['anggota.list cari NIK "350701"', 'anggota.list', { cari: '350701' }],
      ['anggota.list filter kecamatan', 'anggota.list', { kecamatan }],
      ['anggota.list hanya NIK ganda', 'anggota.list', { ganda: true }],
      ['kelompok.list halaman 1', 'kelompok.list', {}],
      ['kelompok.list cari "makmur"', 'kelompok.list', { cari: 'makmur' }],
    ];
    for (const [label, method, input] of cases) {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        t = performance.now();
        const r = await dispatch(ctx, method, input);
        times.push(performance.now() - t);
        if (!r.ok) throw new Error(r.error.message);
      }
      times.sort((a, b) => a - b);
      console.log(`${label.padEnd(36)} median ${times[15]!.toFixed(2).padStart(7)} ms   maks ${times[29]!.toFixed(2).padStart(7)} ms`);
    }
  } finally {
    ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
