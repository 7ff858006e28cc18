// Bundles the Electron main process and the preload with esbuild into out/electron/.
// Dependencies stay external (electron-builder ships node_modules; better-sqlite3 is native).
import { build } from 'esbuild';

// pdf.ts picks __filename under CJS, import.meta.url under ESM (tsx): the empty import.meta here is never read.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, packages: 'external', logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' } };
await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'out/electron/main.cjs' });
// A sandboxed preload can only require "electron": bundle everything else into it.
await build({ ...common, packages: undefined, external: ['electron'], entryPoints: ['preload/index.ts'], outfile: 'out/electron/preload.cjs' });
console.log('out/electron/main.cjs dan preload.cjs dibangun.');
