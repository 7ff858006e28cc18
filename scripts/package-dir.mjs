// npm run package:dir: what the installer would ship, checked here where Electron cannot be downloaded.
// Builds the app, then runs electron-builder for the Linux "dir" target against a stand-in Electron folder
// (electronDist: a placeholder executable; the real binary comes from the internet on a build machine) and
// without native rebuild. The result: release/uji-dir/linux-unpacked with resources/app.asar as shipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'release/uji-dir');
const versi = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const dist = mkdtempSync(join(tmpdir(), 'bermantra-electron-dist-'));
try {
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "Pengganti Electron untuk pemeriksaan isi paket."\n');
  chmodSync(join(dist, 'electron'), 0o755);
  writeFileSync(join(dist, 'version'), versi);
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const r = spawnSync('npx', ['electron-builder', '--config', 'electron.config.ts', '--linux', 'dir', `-c.electronDist=${dist}`, '-c.npmRebuild=false', `-c.directories.output=${out}`], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    process.exit(1);
  }
  console.log(`Paket (tanpa Electron asli) di ${join(out, 'linux-unpacked')}`);
} finally {
  rmSync(dist, { recursive: true, force: true });
}
