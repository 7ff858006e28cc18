import { parseArgs, sakelar, type Args } from '../common/args';
import { AppError } from '../common/errors';
import { Cli, UsageError, type Perintah } from './konteks';
import { PERINTAH_DATA } from './perintah-data';
import { PERINTAH_SINKRON } from './perintah-sinkron';
import { PERINTAH_TTE } from './perintah-tte';
import { PERINTAH_MITRA } from './perintah-mitra';
import { PERINTAH_SERVER } from './perintah-server';

// The headless door: `npm run cli --silent -- <command>`. A table of commands, each a thin mapping from
// flags to API calls through dispatch (konteks.ts); no service and no SQL here. Commands, flags and JSON
// fields are a stable interface for IT staff and scripts. With --json, stdout holds exactly one JSON document.

const PERINTAH: Perintah[] = [...PERINTAH_DATA, ...PERINTAH_MITRA, ...PERINTAH_SINKRON, ...PERINTAH_TTE, ...PERINTAH_SERVER];
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

/** A command's usage line: its own, or its group's line (`proposal show` is on `proposal list`'s, `monev xlsx` on `monev pdf`'s). */
function pemakaian(perintah: Perintah): string {
  const kata = perintah.nama.split(' ')[0];
  return perintah.bantuan || (PERINTAH.find((p) => p.bantuan.includes(perintah.nama)) ?? PERINTAH.find((p) => p.bantuan && p.nama.split(' ')[0] === kata))?.bantuan || perintah.nama;
}

/**
 * Refuses a flag the command does not take (`monev xlsx --triwulan 5` would otherwise write the yearly table as if it
 * were not there) and a flag without its value (`--period --json`), before anything runs.
 */
function periksaFlag(perintah: Perintah, args: Args): void {
  const boleh = new Set(['json', 'help', ...(perintah.db === 'tanpa' ? [] : ['db']), ...perintah.flag]);
  for (const [nama, nilai] of args.flags) {
    const tulis = nama === 'o' ? '-o' : `--${nama}`;
    if (!boleh.has(nama)) throw new UsageError(`${tulis} tidak dikenal untuk perintah "${perintah.nama}". Periksa ejaannya, atau hapus.`);
    if (!sakelar(nama) && (nilai === true || nilai === '')) throw new UsageError(`${tulis} perlu nilai sesudahnya (perintah "${perintah.nama}").`);
  }
}

/** Where a run prints: the process's stdout and stderr, or a test's buffers. */
export interface Keluaran {
  out(teks: string): void;
  err(teks: string): void;
}

const PROSES: Keluaran = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

/** One CLI run: argv without node and script; returns the exit code. Tests call it in-process. */
export async function main(argv: string[], io: Keluaran = PROSES): Promise<number> {
  const args = parseArgs(argv);
  const json = args.flags.get('json') === true;
  if (args.flags.get('help') || args.positional.length === 0) {
    io.out(USAGE + '\n');
    return args.positional.length === 0 && !args.flags.get('help') ? 2 : 0;
  }
  let cli: Cli | null = null;
  let perintah: Perintah | null = null;
  try {
    perintah = cari(args.positional);
    periksaFlag(perintah, args);
    cli = new Cli(args, perintah.db);
    const result = await perintah.jalankan(cli);
    io.out((json ? JSON.stringify(result.json, null, 2) : result.text) + '\n');
    return result.exitCode ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${perintah ? `Pemakaian: ${pemakaian(perintah)}` : USAGE}\n`);
      return 2;
    }
    const data = error instanceof AppError ? error.toData() : { code: 'GALAT_INTERNAL', message: String((error as Error).message ?? error) };
    io.err(json ? JSON.stringify({ error: data }) + '\n' : `Galat: ${data.message}\n`);
    return 1;
  } finally {
    cli?.close();
  }
}

