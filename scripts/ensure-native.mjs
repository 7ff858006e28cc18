// better-sqlite3 is a native module built for one runtime at a time. `npm start` rebuilds it for
// Electron (electron-builder install-app-deps); the CLI, the web shell and the tests run on Node.
// This check rebuilds it for Node when the build on disk belongs to Electron. Silent when all is well.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node.js version|invalid ELF|not a valid Win32/i.test(String(error))) throw error;
  console.error('better-sqlite3 dibangun untuk Electron; membangun ulang untuk Node (sekali, ±1 menit)…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}
