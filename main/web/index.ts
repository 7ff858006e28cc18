import { join } from 'node:path';
import { berkasHanyaPemilik, platformNode } from '../api/platform';
import { AppContext, pilihBasisData } from '../api/context';
import { defaultDbPath } from '../api/paths';
import { flag, parseArgs } from '../common/args';
import { AppError } from '../common/errors';
import { startWebServer } from './server';

// npm run web -- [--db FILE|postgres://…] [--port N]: prints the address (with its token) on stdout. Without --db:
// BERMANTRA_DB_URL, else the province's server stored in Pengaturan, else the file in the data folder.

const args = parseArgs(process.argv.slice(2));
const port = flag(args, 'port');

berkasHanyaPemilik();
let ctx: AppContext;
try {
  const platform = platformNode('web');
  const { dbPath, sandi, frasa } = pilihBasisData(platform, flag(args, 'db'), defaultDbPath());
  ctx = new AppContext(dbPath, platform, sandi, frasa);
  ctx.startMaintenance();
  // The province's server: reachable, a province's data, schema current — said now rather than at the first page
  // (the page says it too, and offers to go back to the file).
  await ctx.server?.siap().catch((e: unknown) => console.error(`Galat: ${e instanceof AppError ? e.message : String(e)}`));
} catch (error) {
  console.error(error instanceof AppError ? `Galat: ${error.message}` : error);
  process.exit(1);
}

const server = await startWebServer(ctx, { port: port ? Number(port) : 0, staticDir: join(import.meta.dirname, '..', '..', 'out', 'renderer') });
console.log(`Bermantra berjalan di ${server.url}`);
console.log(`Basis data: ${ctx.lokasiData}`);
console.log('Buka alamat di atas di peramban. Tekan Ctrl+C untuk berhenti.');

const stop = async () => {
  await server.close();
  ctx.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
