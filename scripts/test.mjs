// npm test: unit tests, then integration tests, then end-to-end tests; `--unit`, `--integration` or `--e2e` runs one.
//  - unit: node:test, *.test.ts beside the code, in-process (the CLI's main() is called, nothing spawned but SQLite's
//    crash test), with Electron's security scan of the code;
//  - integration: what needs real processes and programs: *.integrasi.test.ts (the CLI as a process, packaging, the
//    province on a real PostgreSQL server) and
//    the tests named "LibreOffice" (our workbooks and CSVs opened in LibreOffice headless);
//  - e2e: Playwright in Debian's Chromium against `npm run web`.
// Prints each part's time and "N passed, N failed" last, for CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const only = process.argv[2];
const bagian = { unit: !only || only === '--unit', integrasi: !only || only === '--integration', e2e: !only || only === '--e2e' };
let passed = 0;
let failed = 0;
const waktu = [];

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'out', '.git', 'e2e', 'release'].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out.sort();
}

// The device key (main/api/platform.ts) and anything else of the per-user data folder: a folder of this run,
// never the tester's own ~/.config/Bermantra.
const folderData = mkdtempSync(join(tmpdir(), 'bermantra-uji-data-'));
process.on('exit', () => rmSync(folderData, { recursive: true, force: true }));

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, BERMANTRA_FOLDER_DATA: folderData, ...env }, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  return result;
}

/** node:test's summary of one run added to the totals (a crashed run with no failure counted is one failure). */
function hitungNodeTest(result) {
  const pass = Number(/ℹ pass (\d+)/.exec(result.stdout)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(result.stdout)?.[1] ?? 0);
  passed += pass;
  failed += fail + (result.status !== 0 && fail === 0 ? 1 : 0);
}

function ukur(nama, fn) {
  const t = performance.now();
  fn();
  waktu.push(`${nama} ${((performance.now() - t) / 1000).toFixed(0)} s`);
  console.log(`\n== ${waktu.at(-1)}`);
}

const native = spawnSync('node', ['scripts/ensure-native.mjs'], { stdio: 'inherit' });
if (native.status !== 0) process.exit(1);

const semua = findTests('.');
const integrasi = semua.filter((f) => f.endsWith('.integrasi.test.ts'));
const denganLibreOffice = semua.filter((f) => !integrasi.includes(f) && readFileSync(f, 'utf8').includes('libreOffice(c)'));
const NODE_TEST = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2'];

if (bagian.unit) {
  ukur('unit', () => {
    hitungNodeTest(run('node', [...NODE_TEST, ...semua.filter((f) => !integrasi.includes(f))]));
    // Electron's security checks, on the code since the binary cannot run here (scripts/electronegativity.mjs).
    const scan = spawnSync('node', ['scripts/electronegativity.mjs'], { stdio: 'inherit' });
    if (scan.status === 0) passed++;
    else failed++;
  });
}

/**
 * A throwaway PostgreSQL server for the province's tests (scripts/pg-uji.sh: Debian's postgresql, as the unprivileged
 * user postgres, in a temporary folder, on a random local port), stopped when the run ends. BERMANTRA_UJI_PG, when
 * set, names a server to use instead; without either the PostgreSQL tests skip (and fail under CI).
 */
let pgBerjalan = null;
function serverPostgres() {
  pgBerjalan ??= mulaiPostgres();
  return pgBerjalan;
}
function mulaiPostgres() {
  if (process.env.BERMANTRA_UJI_PG) return {};
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-pg-'));
  const port = String(40000 + Math.floor(Math.random() * 10000));
  const mulai = spawnSync('bash', ['scripts/pg-uji.sh', 'start', dir, port], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (mulai.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    console.log('PostgreSQL tidak dapat dijalankan: uji server provinsi dilewati.');
    return {};
  }
  process.on('exit', () => {
    spawnSync('bash', ['scripts/pg-uji.sh', 'stop', dir], { stdio: 'inherit' });
    rmSync(dir, { recursive: true, force: true });
  });
  return { BERMANTRA_UJI_PG: mulai.stdout.trim() };
}

if (bagian.integrasi) {
  ukur('integrasi', () => {
    hitungNodeTest(run('node', [...NODE_TEST, ...integrasi], serverPostgres()));
    hitungNodeTest(run('node', [...NODE_TEST, '--test-name-pattern=LibreOffice', ...denganLibreOffice], { BERMANTRA_UJI_LIBREOFFICE: '1' }));
  });
}

if (bagian.e2e) {
  ukur('e2e', () => {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) {
      failed++;
      return;
    }
    // The province on its server is tried on a real one too (e2e/server-provinsi.spec.ts, e2e/server-impor.spec.ts).
    const result = run('npx', ['playwright', 'test', '--reporter=list'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...serverPostgres() });
    const pass = Number(/(\d+) passed/.exec(result.stdout)?.[1] ?? 0);
    const fail = Number(/(\d+) failed/.exec(result.stdout)?.[1] ?? 0);
    passed += pass;
    failed += fail + (result.status !== 0 && fail === 0 ? 1 : 0);
  });
}

console.log(`\nWaktu: ${waktu.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
