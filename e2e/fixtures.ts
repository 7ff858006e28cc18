import { test as base, expect, type Page } from '@playwright/test';
import pg from 'pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';
import { buatDemoProvinsi } from '../main/services/demo/provinsi';
import { TANPA_PELINDUNG } from '../main/services/sinkron/kunci';
import { bacaIdentitas, buatKunci, daftarkanPihak, eksporBundel, identitas } from '../main/services/sinkron';
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

/**
 * A fresh database on the test PostgreSQL server (BERMANTRA_UJI_PG, which scripts/test.mjs starts in CI), and how to
 * drop it. Without a server the test is skipped here, never in CI.
 */
export async function basisDataServer(awalan: string): Promise<{ url: URL; hapus: () => Promise<void> } | null> {
  const URL_UJI = process.env.BERMANTRA_UJI_PG;
  if (!URL_UJI) {
    expect(process.env.CI, 'CI starts a PostgreSQL server for this test (scripts/test.mjs)').toBeFalsy();
    test.skip(true, 'tidak ada server PostgreSQL (BERMANTRA_UJI_PG)');
    return null;
  }
  const nama = `${awalan}_${Date.now().toString(36)}`;
  const admin = new pg.Client(URL_UJI);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${nama}`);
  const url = new URL(URL_UJI);
  url.pathname = `/${nama}`;
  return {
    url,
    hapus: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${nama} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** What `imporBeberapaBundel` imports: a registered sender's bundle, a new sender's, and a damaged copy of the latter. */
export interface BundelBeberapa {
  siap: string;
  kodeSiap: string;
  namaSiap: string;
  baru: string;
  kodeBaru: string;
  namaBaru: string;
  rusak: string;
}

/**
 * A province file in `dir` (kept open, for the test to move or close) and two districts' bundles: Malang's identity
 * registered there, Jember's not yet (its fingerprint is confirmed at import), and Jember's bundle damaged as a third.
 */
export function provinsiDanBundel(dir: string, demo: { kelompok: number; bulan: number }): { prov: Db; provDb: string; bundel: BundelBeberapa } {
  const provDb = join(dir, 'prov.sqlite');
  const prov = openDatabase(provDb);
  setup(prov, { mode: 'provinsi', kabupaten_kode: null, operator: 'Admin Provinsi', nama_instansi: '', alamat_instansi: '', kota_surat: '', telepon: '', email: '', kepala_nama: '', kepala_nip: '', kepala_jabatan: '' });
  buatKunci(prov, TANPA_PELINDUNG);
  const files: string[] = [];
  for (const kode of ['35.07', '35.09']) {
    const db = openDatabase(join(dir, kode, `${kode}.sqlite`));
    buatDemo(db, { ...demo, seed: 3, kabupaten: kode });
    buatKunci(db, TANPA_PELINDUNG);
    daftarkanPihak(db, bacaIdentitas(JSON.stringify(identitas(prov, TANPA_PELINDUNG))));
    if (kode === '35.07') daftarkanPihak(prov, bacaIdentitas(JSON.stringify(identitas(db, TANPA_PELINDUNG))));
    files.push(eksporBundel(db, TANPA_PELINDUNG, { folder: dir }).berkas);
    db.close();
  }
  const rusak = join(dir, 'rusak.bmb');
  const bytes = readFileSync(files[1]!);
  bytes[bytes.length - 100]! ^= 0xff;
  writeFileSync(rusak, bytes);
  return { prov, provDb, bundel: { siap: files[0]!, kodeSiap: '35.07', namaSiap: 'Kabupaten Malang', baru: files[1]!, kodeBaru: '35.09', namaBaru: 'Kabupaten Jember', rusak } };
}

/**
 * The province's Sinkronisasi page importing several bundles at once: `siap` (registered senders), a damaged file and
 * `baru` (a sender not registered yet). The damaged one is refused by name, the new one waits for its fingerprint to
 * be confirmed, then applies; the districts' status says today for both.
 */
export async function imporBeberapaBundel(page: Page, f: BundelBeberapa): Promise<void> {
  await page.getByRole('link', { name: 'Sinkronisasi' }).click();
  await page.getByText('Impor beberapa bundel sekaligus').click();
  await page.getByLabel('Bundel dari beberapa kabupaten/kota (pilih sekaligus)').setInputFiles([f.siap, f.rusak, f.baru]);
  await page.getByRole('button', { name: 'Periksa 3 bundel' }).click();
  const hasil = page.getByRole('table', { name: 'Hasil impor beberapa bundel' });
  // A file's row, by the file's name (the sender's code is in the rows of its copies too).
  const baris = (nama: string) => hasil.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(nama.replace(/\./g, '\\.')) }) });
  await expect(hasil.getByRole('row')).toHaveCount(4);
  await expect(baris(f.kodeBaru)).toContainText('menunggu sidik jari dicocokkan');
  await page.getByRole('button', { name: 'Impor 1 bundel yang siap' }).click();
  await expect(baris(f.kodeSiap)).toContainText(`Berhasil: Bundel ke-1 dari ${f.namaSiap} diimpor`);
  await expect(baris(f.kodeBaru)).toContainText('menunggu sidik jari dicocokkan');
  for (const centang of await hasil.getByLabel(`Sidik jari ${f.kodeBaru} sudah dicocokkan lewat telepon`).all()) await centang.check();
  await page.getByRole('button', { name: 'Impor 2 bundel yang siap' }).click();
  await expect(baris(f.rusak.split('/').at(-1)!)).toContainText('Ditolak:');
  await expect(baris(f.kodeSiap)).toContainText(`Berhasil: Bundel ke-1 dari ${f.namaSiap} diimpor`);
  await expect(baris(f.kodeBaru)).toContainText(`Berhasil: Bundel ke-1 dari ${f.namaBaru} diimpor`);
  const status = page.getByRole('table', { name: 'Status kabupaten/kota' });
  await expect(status.getByRole('row', { name: new RegExp(f.namaSiap) })).toContainText('hari ini');
  await expect(status.getByRole('row', { name: new RegExp(f.namaBaru) })).toContainText('hari ini');
}
