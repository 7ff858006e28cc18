import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { extractFile, listPackage } from '@electron/asar';

// The installer's contents, checked here since Electron's binary cannot run: electron-builder packs the app
// (Linux "dir" target, stand-in Electron) and the archive must hold everything the app loads at run time.

test('the packed app.asar holds main, preload, renderer, fonts and region data, and better-sqlite3 is unpacked', () => {
  const out = mkdtempSync(join(tmpdir(), 'bermantra-paket-'));
  try {
    const r = spawnSync(process.execPath, ['scripts/package-dir.mjs', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const resources = join(out, 'linux-unpacked', 'resources');
    const asar = join(resources, 'app.asar');
    const isi = new Set(listPackage(asar, { isPack: false }).map((p) => p.replace(/\\/g, '/')));
    for (const f of [
      '/package.json',
      '/out/electron/main.cjs',
      '/out/electron/preload.cjs',
      '/out/renderer/index.html',
      '/node_modules/pdfmake/fonts/Roboto/Roboto-Regular.ttf',
      '/node_modules/pdfmake/fonts/Roboto/Roboto-Medium.ttf',
      '/node_modules/pdfmake/fonts/Roboto/Roboto-Italic.ttf',
      '/node_modules/pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf',
      '/node_modules/better-sqlite3/package.json',
      '/node_modules/exceljs/package.json',
      '/node_modules/kysely/package.json',
    ]) {
      assert.ok(isi.has(f), `${f} ada di app.asar`);
    }
    assert.ok([...isi].some((f) => /^\/out\/renderer\/assets\/index-.*\.js$/.test(f)), 'the renderer bundle');
    assert.equal([...isi].filter((f) => /\.(sqlite|test\.ts|map)$|\/\.env$/.test(f) && !f.startsWith('/node_modules/')).length, 0, 'no data, tests or source maps of ours');
    // Native code cannot load from inside the archive: it is unpacked beside it.
    assert.ok(existsSync(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')));
    const pkg = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
    assert.equal(pkg.main, 'out/electron/main.cjs');
    // Region codes and the migrations are bundled into the main process code, not read from a path.
    const main = extractFile(asar, 'out/electron/main.cjs').toString('utf8');
    assert.match(main, /Kabupaten Malang/);
    assert.match(main, /CREATE TABLE kelompok/);
    assert.doesNotMatch(readFileSync(join(out, 'linux-unpacked', 'version'), 'utf8'), /^$/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
