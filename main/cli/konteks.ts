import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import { simpanKeluaran, type Terlindung } from '../api/folder';
import { platformNode } from '../api/platform';
import type { Input, MethodName, Output } from '../common/api';
import { flag, type Args } from '../common/args';
import type { FileRef } from '../common/contract-kit';
import { apakahUrlServer } from '../common/alamat-server';
import { AppError } from '../common/errors';

// What every CLI command works with: its arguments, the app context, one way to call the API, and the
// way a file the app produced reaches the path the user named. No command touches a service or SQL.

export class UsageError extends Error {}

/** exitCode: a result that is a "no" (an invalid NIK) exits 1 while still printing the result. */
export interface Printable {
  json: unknown;
  text: string;
  exitCode?: number;
}

export class Cli {
  private ctxAktif: AppContext | null = null;

  /** `db`: what the command needs of --db, opened at its first API call (so usage errors create no file). */
  constructor(
    readonly args: Args,
    private readonly db: Perintah['db'] = 'ada',
  ) {}

  flag(name: string): string | undefined {
    return flag(this.args, name);
  }

  on(name: string): boolean {
    return this.args.flags.get(name) === true;
  }

  need(name: string, hint: string): string {
    const value = this.flag(name);
    if (!value) throw new UsageError(`Argumen --${name} wajib diisi (${hint}).`);
    return value;
  }

  /** The file named after the subcommand (e.g. `bundle import --db F FILE`): it must exist. */
  berkas(contoh: string): string {
    const path = this.args.positional[2];
    if (!path) throw new UsageError(`Tulis berkasnya: ${contoh}`);
    if (!existsSync(path)) throw new AppError('BERKAS_HILANG', `Berkas ${path} tidak ditemukan.`);
    return resolve(path);
  }

  /**
   * The app context on --db. `baru`: the file may not exist yet (init, demo); `tanpa`: the command needs no
   * data of its own (nik, terbilang, bundle inspect), so it runs against an empty database in memory.
   */
  ctx(): AppContext {
    const db = this.db === 'pilihan' ? (this.flag('db') ? 'ada' : 'tanpa') : this.db;
    if (this.ctxAktif) return this.ctxAktif;
    if (db === 'tanpa') return (this.ctxAktif = new AppContext(':memory:', platformNode('cli')));
    // The province's server may be named once for the session (BERMANTRA_DB_URL) instead of on every command.
    const file = this.flag('db') ?? process.env.BERMANTRA_DB_URL ?? this.need('db', 'berkas basis data, misalnya data/bermantra.sqlite, atau alamat server provinsi postgres://…');
    if (db === 'ada' && !apakahUrlServer(file) && !existsSync(file)) throw new AppError('DB_TIDAK_ADA', `Basis data ${file} tidak ada. Buat dulu dengan: init --db ${file} --kabupaten 35.07`);
    return (this.ctxAktif = new AppContext(file, platformNode('cli')));
  }

  /** One API call through dispatch, like the window's; an error result becomes a thrown AppError. */
  async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await dispatch(this.ctx(), method, input);
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
    return result.data as Output<M>;
  }

  /** A path the user gave, as a file ref the API accepts. */
  daftarkan(path: string): FileRef {
    return this.ctx().files.register(path);
  }

  /** Copies a file the app produced to where the user asked; returns the absolute path. */
  simpan(file: FileRef, out: string): string {
    return simpanKeluaran(this.ctx().files.resolve(file), out, this.terlindung());
  }

  /** What an output may never replace: this database's files and folders, and the user data folder. */
  terlindung(): Terlindung {
    const ctx = this.ctx();
    return { dbPath: ctx.dbPath, folderData: ctx.platform.folderData };
  }

  close(): void {
    this.ctxAktif?.close();
    this.ctxAktif = null;
  }
}

/** One CLI command: a thin mapping from flags to one (or a few) API calls and the printed result. */
export interface Perintah {
  /** "anggota import", or a single word ("stats"). */
  nama: string;
  /** The usage line(s) shown by --help. */
  bantuan: string;
  /** 'pilihan': --db may be given (then as 'ada'), or left out (then as 'tanpa'). */
  db: 'ada' | 'baru' | 'tanpa' | 'pilihan';
  /** The flags it takes besides --json and --help (and --db unless db is 'tanpa'); any other is refused. */
  flag: readonly string[];
  jalankan(cli: Cli): Promise<Printable>;
}
