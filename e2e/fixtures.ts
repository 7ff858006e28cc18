import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';
import { buatDemoProvinsi } from '../main/services/demo/provinsi';
import { TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { bacaIdentitas, buatKunci, daftarkanPihak, identitas } from '../main/services/sinkron';
import { setup } from '../main/services/pengaturan/pengaturan';

// The office is in WIB: the demo data made here, the web shell and the browser (playwright.config.ts) all reckon
// "today" and "last month" in Asia/Jakarta, whatever the machine running the tests is set to.
process.env.TZ = 'Asia/Jakarta';

export interface WebApp {
  url: string;
  dir: string;
  dbPath: string;
}

/**
 * Starts `tsx main/web/index.ts --db <fresh file>` (what `npm run web` runs after building) and waits for its address.
 * dbPath null: no --db, as an officer starts it (the database chosen from the environment and the data folder).
 */
export async function startWeb(dbPath: string | null, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/index.ts', ...(dbPath ? ['--db', dbPath] : [])], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web shell did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web shell exited (${code}):\n${out}`)));
  });
  return { url, child };
}

export const test = base.extend<{ web: WebApp }>({
  web: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-'));
    const dbPath = join(dir, 'bermantra.sqlite');
    const { url, child } = await startWeb(dbPath);
    await use({ url, dir, dbPath });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/** Chooses a month in the app's month picker (Indonesian month names and a year), as an officer would. */
export async function pilihBulan(page: import('@playwright/test').Page, label: string, periode: string): Promise<void> {
  await page.getByLabel(`${label}: tahun`).selectOption(periode.slice(0, 4));
  await page.getByLabel(`${label}: bulan`).selectOption(periode.slice(5, 7));
}

/** Serves `dbPath` with the web shell; `tutup` stops it and removes `dir`. */
async function layani(dir: string, dbPath: string): Promise<{ url: string; dbPath: string; dir: string; tutup: () => Promise<void> }> {
  const { url, child } = await startWeb(dbPath);
  return {
    url,
    dbPath,
    dir,
    tutup: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A demo kabupaten (services/demo) in a fresh database, served by the web shell; `tutup` stops it and removes the folder. */
export async function webDemo(demo: Parameters<typeof buatDemo>[1]) {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-'));
  const dbPath = join(dir, 'bermantra.sqlite');
  const db = openDatabase(dbPath);
  buatDemo(db, demo);
  db.close();
  return layani(dir, dbPath);
}

/** A province database fed by one demo bundle from each of `kabupaten`, served by the web shell. */
export async function webProvinsi(kabupaten: string[], demo: { kelompok: number; bulan: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-'));
  return layani(dir, buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten, demo }));
}

/**
 * A district (demo data) and the province in two fresh databases, each with its keys and the other's identity
 * registered, as after the first exchange of identity files (the sync screen's own test does that by hand). The
 * databases stay open for the test's setup; close them before starting the web shells.
 */
export function duaKantor(demo: Parameters<typeof buatDemo>[1]) {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-e2e-'));
  const kabDb = join(dir, 'kab.sqlite');
  const provDb = join(dir, 'prov.sqlite');
  const kab = openDatabase(kabDb);
  buatDemo(kab, demo);
  const prov = openDatabase(provDb);
  setup(prov, { mode: 'provinsi', kabupaten_kode: null, operator: 'Admin Provinsi', nama_instansi: '', alamat_instansi: '', kota_surat: '', telepon: '', email: '', kepala_nama: '', kepala_nip: '', kepala_jabatan: '' });
  buatKunci(prov, TANPA_PELINDUNG);
  buatKunci(kab, TANPA_PELINDUNG);
  daftarkanPihak(kab, bacaIdentitas(JSON.stringify(identitas(prov, TANPA_PELINDUNG))));
  daftarkanPihak(prov, bacaIdentitas(JSON.stringify(identitas(kab, TANPA_PELINDUNG))));
  return { dir, kabDb, provDb, kab, prov };
}
