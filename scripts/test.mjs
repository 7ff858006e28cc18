// npm test: unit tests (node:test, *.test.ts beside the code) then end-to-end tests (Playwright in
// Debian's Chromium against `npm run web`). Prints "N passed, N failed" last, for CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const only = process.argv[2];
const runUnit = only !== '--e2e';
const runE2e = only !== '--unit';
let passed = 0;
let failed = 0;

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'out', '.git', 'e2e', 'release'].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
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

const native = spawnSync('node', ['scripts/ensure-native.mjs'], { stdio: 'inherit' });
if (native.status !== 0) process.exit(1);

if (runUnit) {
  const files = findTests('.').sort();
  const result = run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
  const pass = Number(/ℹ pass (\d+)/.exec(result.stdout)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(result.stdout)?.[1] ?? 0);
  passed += pass;
  failed += fail + (result.status !== 0 && fail === 0 ? 1 : 0);
}

if (runUnit) {
  // Electron's security checks, on the code since the binary cannot run here (scripts/electronegativity.mjs).
  const scan = spawnSync('node', ['scripts/electronegativity.mjs'], { stdio: 'inherit' });
  if (scan.status === 0) passed++;
  else failed++;
}

if (runE2e) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) {
    failed++;
  } else {
    const result = run('npx', ['playwright', 'test', '--reporter=list'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
    const pass = Number(/(\d+) passed/.exec(result.stdout)?.[1] ?? 0);
    const fail = Number(/(\d+) failed/.exec(result.stdout)?.[1] ?? 0);
    passed += pass;
    failed += fail + (result.status !== 0 && fail === 0 ? 1 : 0);
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
