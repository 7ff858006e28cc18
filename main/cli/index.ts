import { berkasHanyaPemilik } from '../api/platform';
import { parseArgs } from '../common/args';
import { AppError } from '../common/errors';
import { Cli, UsageError, type Perintah } from './konteks';
import { PERINTAH_DATA } from './perintah-data';
import { PERINTAH_SINKRON } from './perintah-sinkron';

// The headless door: `npm run cli --silent -- <command>`. A table of commands, each a thin mapping from
// flags to API calls through dispatch (konteks.ts); no service and no SQL here. Commands, flags and JSON
// fields are a stable interface for IT staff and scripts. With --json, stdout holds exactly one JSON document.

const PERINTAH: Perintah[] = [...PERINTAH_DATA, ...PERINTAH_SINKRON];
const PER_NAMA = new Map(PERINTAH.map((p) => [p.nama, p]));

const USAGE = `Bermantra CLI

${PERINTAH.filter((p) => p.bantuan)
  .map((p) => `  ${p.bantuan}`)
  .join('\n')}

Semua perintah menerima --json: satu dokumen JSON di stdout; galat ke stderr dengan kode keluar bukan nol.`;

/** The command for the first one or two words; a known group with an unknown subcommand lists its subcommands. */
function cari(positional: string[]): Perintah {
  const [kata, sub] = positional;
  const perintah = PER_NAMA.get(`${kata} ${sub}`) ?? PER_NAMA.get(String(kata));
  if (perintah) return perintah;
  const subs = PERINTAH.filter((p) => p.nama.startsWith(`${kata} `)).map((p) => p.nama.split(' ')[1]);
  if (subs.length) throw new UsageError(`Perintah ${kata}: ${subs.slice(0, -1).join(', ')}${subs.length > 1 ? ' atau ' : ''}${subs.at(-1)}.`);
  throw new UsageError(kata ? `Perintah "${kata}" tidak dikenal.` : 'Tulis perintah yang dijalankan.');
}

async function main(): Promise<number> {
  // `npm run cli` runs in the package folder; relative paths are meant from where the user typed.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  berkasHanyaPemilik();
  const args = parseArgs(process.argv.slice(2));
  const json = args.flags.get('json') === true;
  if (args.flags.get('help') || args.positional.length === 0) {
    process.stdout.write(USAGE + '\n');
    return args.positional.length === 0 && !args.flags.get('help') ? 2 : 0;
  }
  let cli: Cli | null = null;
  try {
    const perintah = cari(args.positional);
    cli = new Cli(args, perintah.db);
    const result = await perintah.jalankan(cli);
    process.stdout.write((json ? JSON.stringify(result.json, null, 2) : result.text) + '\n');
    return result.exitCode ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    const data = error instanceof AppError ? error.toData() : { code: 'GALAT_INTERNAL', message: String((error as Error).message ?? error) };
    process.stderr.write(json ? JSON.stringify({ error: data }) + '\n' : `Galat: ${data.message}\n`);
    return 1;
  } finally {
    cli?.close();
  }
}

main().then((code) => {
  process.exitCode = code;
});
