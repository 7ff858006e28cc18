// Electron security scan of the app's own code (main/, preload/, renderer/ together, so app-wide checks see the
// whole app), for the Electron version in package.json. Electronegativity exits 0 whatever it finds: this
// script reads its CSV and exits 1 on any HIGH or MEDIUM finding except the manual-review notice for the preload.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIIZINKAN = new Set(['PRELOAD_JS_CHECK']);
const versi = JSON.parse(readFileSync('package.json', 'utf8')).devDependencies.electron;
const dir = mkdtempSync(join(tmpdir(), 'bermantra-eneg-'));
try {
  for (const d of ['main', 'preload', 'renderer']) cpSync(d, join(dir, d), { recursive: true, filter: (p) => !/\.test\.ts$/.test(p) });
  const csv = join(dir, 'hasil.csv');
  const r = spawnSync(process.execPath, ['node_modules/@doyensec/electronegativity/dist/index.js', '-i', dir, '-e', versi, '-r', '-o', csv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(2);
  }
  const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const temuan = rows.filter(([issue, severity]) => /HIGH|MEDIUM/.test(severity ?? '') && !DIIZINKAN.has(issue ?? ''));
  for (const t of rows) console.log(`${t[0]} ${t[1]} ${t[3]}:${t[4]}`);
  if (temuan.length) {
    console.error(`Electronegativity: ${temuan.length} temuan HIGH/MEDIUM di luar yang diizinkan.`);
    process.exit(1);
  }
  console.log(`Electronegativity (Electron ${versi}): tidak ada temuan HIGH/MEDIUM selain ${[...DIIZINKAN].join(', ')}.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
