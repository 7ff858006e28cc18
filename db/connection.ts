import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely';
import { AppError } from '../main/common/errors';
import { HybridClock, UrutanId } from './ids';
import { checkpointLatar, type PenulisLatar } from './checkpoint';
import { MIGRATIONS, type Migration } from './migrations';
import type { Schema } from './schema';
import { makeBackup } from './backup';
import { apakahUrlServer } from '../main/common/alamat-server';

/**
 * The database handle services receive. Kysely builds typed SQL; better-sqlite3 runs it synchronously,
 * so a transaction is a plain function call and nothing can interleave with it.
 */
export interface Db {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly q: Kysely<Schema>;
  readonly clock: HybridClock;
  /** Ids of audit entries: strictly increasing, so the trail reads in the order it was written. */
  readonly idAudit: UrutanId;
  all<R>(query: Compilable<R>): R[];
  get<R>(query: Compilable<R>): R | undefined;
  run(query: Compilable<unknown>): Database.RunResult;
  /** A prepared statement, cached by its SQL. */
  prepare(sql: string): Database.Statement;
  /** Runs fn in a transaction (a savepoint when nested); a throw rolls everything back. */
  tx<T>(fn: () => T): T;
  /**
   * Undo for a file written beside the database during the current transaction: runs when the outermost
   * transaction rolls back (a photo written before its row, then the import refused), never after a commit.
   * Outside a transaction it does nothing: the caller's own write is the whole unit.
   */
  saatBatal(fn: () => void): void;
  /**
   * A value read once and kept while nothing could have changed it: no write on this connection (SQLite's
   * total_changes) and no commit by another (PRAGMA data_version) since. Inside a transaction it is read
   * afresh (a rollback may undo what it saw). For the settings and the active catalogue, which most calls
   * need and helpers read again: one read per change instead of one per helper.
   */
  ingat<T>(kunci: string, baca: () => T): T;
  close(): void;
}

/** Kysely's typed SQL, compiled for SQLite (db.q); the server compiles the same query nodes for PostgreSQL (db/postgres/kueri.ts). */
export const builder = new Kysely<Schema>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export interface OpenOptions {
  /** Back the file up before migrating an existing database (default true). */
  backupBeforeMigrate?: boolean;
  readonly?: boolean;
  /** For tests of the migration machinery; the app always uses MIGRATIONS. */
  migrations?: readonly Migration[];
  /** WAL checkpoints on a thread of their own (db/checkpoint.ts): the app's doors turn this on. */
  checkpointLatar?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  // A server's URL is not a file name (it would become a folder "postgres:"): said plainly, nothing created.
  if (apakahUrlServer(file)) {
    throw new AppError(
      'DB_SERVER_BELUM',
      'Alamat server PostgreSQL belum dapat dibuka langsung sebagai berkas basis data: bagian ini memerlukan berkas (--db data/provinsi.sqlite). Server provinsi dibuka oleh aplikasi dengan --db postgres://… setelah diisi dari berkas provinsi dengan "pindah-ke-postgres --db provinsi.sqlite --ke postgres://…".',
    );
  }
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const existed = path !== ':memory:' && existsSync(path);
  // A new database holds personal data: owner-only from its first byte (SQLite gives its -wal and -shm the same mode).
  if (!existed && path !== ':memory:' && !options.readonly) writeFileSync(path, '', { mode: 0o600, flag: 'wx' });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // Any read fails here when the file is not a database at all.
    sqlite.pragma('user_version', { simple: true });
  } catch (error) {
    throw new AppError(
      'DB_TIDAK_TERBACA',
      `Berkas ${path} bukan basis data Bermantra atau rusak (${(error as Error).message}). Pilih berkas lain atau pulihkan dari cadangan.`,
    );
  }
  try {
    migrate(sqlite, path, existed && options.backupBeforeMigrate !== false, options.readonly ?? false, options.migrations ?? MIGRATIONS);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const node = ensureNodeId(sqlite, options.readonly ?? false);
  let latar: PenulisLatar | null = null;
  if (options.checkpointLatar && path !== ':memory:' && !options.readonly) {
    sqlite.pragma('wal_autocheckpoint = 0');
    // After a big import the -wal file is cut back to 64 MB once its frames are in the database.
    sqlite.pragma('journal_size_limit = 67108864');
    latar = checkpointLatar(path, (error) => {
      console.error('Checkpoint latar berhenti; kembali ke checkpoint otomatis:', error);
      if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
    });
  }
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const batal: (() => void)[] = [];
  const ingatan = new Map<string, { cap: string; nilai: unknown }>();
  const versiData = sqlite.prepare('PRAGMA data_version').pluck();
  const jumlahUbah = sqlite.prepare('SELECT total_changes()').pluck();
  return {
    file: path,
    sqlite,
    q: builder,
    clock: new HybridClock(node),
    idAudit: new UrutanId(idAuditTerakhir(sqlite)),
    prepare,
    all<R>(query: Compilable<R>): R[] {
      const c = query.compile();
      return prepare(c.sql).all(...(c.parameters as unknown[])) as R[];
    },
    get<R>(query: Compilable<R>): R | undefined {
      const c = query.compile();
      return prepare(c.sql).get(...(c.parameters as unknown[])) as R | undefined;
    },
    run(query: Compilable<unknown>) {
      const c = query.compile();
      return prepare(c.sql).run(...(c.parameters as unknown[]));
    },
    tx<T>(fn: () => T): T {
      const terluar = !sqlite.inTransaction;
      try {
        const hasil = sqlite.transaction(fn)();
        if (terluar) batal.length = 0;
        return hasil;
      } catch (error) {
        if (terluar) for (const f of batal.splice(0).reverse()) f();
        throw error;
      }
    },
    saatBatal(fn: () => void) {
      if (sqlite.inTransaction) batal.push(fn);
    },
    ingat<T>(kunci: string, baca: () => T): T {
      if (sqlite.inTransaction) return baca();
      const cap = `${versiData.get()}:${jumlahUbah.get()}`;
      const ada = ingatan.get(kunci);
      if (ada && ada.cap === cap) return ada.nilai as T;
      const nilai = baca();
      ingatan.set(kunci, { cap, nilai });
      return nilai;
    },
    close() {
      latar?.tutup();
      sqlite.close();
    },
  };
}

function migrate(sqlite: Database.Database, path: string, backupFirst: boolean, readonly: boolean, migrations: readonly Migration[]): void {
  const latest = migrations.length;
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new AppError(
      'DB_LEBIH_BARU',
      `Basis data ini ditulis oleh versi Bermantra yang lebih baru (skema ${current}, aplikasi ini mengenal sampai skema ${latest}). Perbarui aplikasi Bermantra lebih dulu; basis data tidak diubah.`,
    );
  }
  if (current === latest) return;
  if (readonly) {
    throw new AppError('DB_PERLU_MIGRASI', `Basis data ${path} perlu diperbarui ke skema ${latest}; buka tanpa mode baca-saja.`);
  }
  if (backupFirst && current > 0) makeBackup(sqlite, path, 'sebelum-migrasi');
  sqlite.exec('CREATE TABLE IF NOT EXISTS migrasi (versi INTEGER PRIMARY KEY, nama TEXT NOT NULL, diterapkan_pada TEXT NOT NULL)');
  for (const migration of migrations.slice(current)) {
    sqlite.transaction(() => {
      sqlite.exec(migration.up);
      migration.setelah?.(sqlite);
      sqlite
        .prepare('INSERT INTO migrasi (versi, nama, diterapkan_pada) VALUES (?, ?, ?)')
        .run(migration.versi, migration.nama, new Date().toISOString());
      sqlite.pragma(`user_version = ${migration.versi}`);
    })();
  }
}

/** The newest audit id already written (by this or an earlier run), so new ones follow it. */
function idAuditTerakhir(sqlite: Database.Database): string {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'").get()) return '';
  return (sqlite.prepare('SELECT max(id) AS m FROM audit').get() as { m: string | null }).m ?? '';
}

/** A short random id of this installation, the node part of its clock. */
function ensureNodeId(sqlite: Database.Database, readonly: boolean): string {
  const row = sqlite.prepare("SELECT nilai FROM pengaturan WHERE kunci = 'node_id'").get() as { nilai: string } | undefined;
  if (row) return row.nilai;
  const node = randomBytes(4).toString('hex');
  if (readonly) return node;
  sqlite.prepare("INSERT INTO pengaturan (kunci, nilai) VALUES ('node_id', ?)").run(node);
  return node;
}
