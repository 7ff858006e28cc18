import type { Compilable } from 'kysely';
import type { Db } from './connection';
import { bacaLampiranBerkas } from './lampiran';

// A service written once, run on both databases. A piece of work ("kerja") is a generator that yields the queries it
// needs and receives their rows; it holds no connection. On a district's (or the province's) SQLite file `jalankan`
// answers each query synchronously through better-sqlite3, as every service did before; on the province's PostgreSQL
// server `jalankanServer` (db/postgres/kueri.ts) answers it over the network. The figures are computed by the same
// lines either way: only the runner and, in one place (db/postgres/dialek.ts), the SQL text differ.

/** Named (`@nama`) or positional (`?`) parameters of a query, as better-sqlite3 takes them. */
export type Parameter = Readonly<Record<string, unknown>> | readonly unknown[];

export type Permintaan =
  | { jenis: 'all' | 'get' | 'run'; sql: string; p: Parameter }
  | { jenis: 'all' | 'get' | 'run'; kysely: Compilable<unknown> }
  /** A value kept while nothing changed it (Db.ingat on SQLite; read afresh on a server another officer writes to). */
  | { jenis: 'ingat'; kunci: string; baca: () => Kerja<unknown> }
  /** The bytes of an attachment by its SHA-256 (beside the SQLite file; in `lampiran_isi` on the server), or null. */
  | { jenis: 'lampiran'; hash: string };

/** A piece of work that yields queries and returns T. */
export type Kerja<T> = Generator<Permintaan, T, unknown>;

export interface HasilUbah {
  changes: number;
}

/** The rows of a query. */
export function* baris<R>(sql: string, p: Parameter = {}): Kerja<R[]> {
  return (yield { jenis: 'all', sql, p }) as R[];
}

/** The first row of a query, if any. */
export function* satu<R>(sql: string, p: Parameter = {}): Kerja<R | undefined> {
  return (yield { jenis: 'get', sql, p }) as R | undefined;
}

/** A statement that writes. */
export function* ubah(sql: string, p: Parameter = {}): Kerja<HasilUbah> {
  return (yield { jenis: 'run', sql, p }) as HasilUbah;
}

/** The rows of a Kysely query (compiled for the database that runs it). */
export function* barisQ<R>(query: Compilable<R>): Kerja<R[]> {
  return (yield { jenis: 'all', kysely: query }) as R[];
}

/** The first row of a Kysely query, if any. */
export function* satuQ<R>(query: Compilable<R>): Kerja<R | undefined> {
  return (yield { jenis: 'get', kysely: query }) as R | undefined;
}

/** A Kysely statement that writes. */
export function* ubahQ(query: Compilable<unknown>): Kerja<HasilUbah> {
  return (yield { jenis: 'run', kysely: query }) as HasilUbah;
}

/** The bytes of an attachment (a report's photo, a signed letter), or null when the database has none. */
export function* isiLampiran(hash: string): Kerja<Buffer | null> {
  return (yield { jenis: 'lampiran', hash }) as Buffer | null;
}

/** A value read by `baca` and kept while the database did not change (see Db.ingat). */
export function* ingat<T>(kunci: string, baca: () => Kerja<T>): Kerja<T> {
  return (yield { jenis: 'ingat', kunci, baca }) as T;
}

/**
 * Drives a piece of work, answering each query it yields with `layani`: a failing query is thrown into the work
 * (its try/finally runs), and whatever the work throws comes out here.
 */
export function jalankanDengan<T>(kerja: Kerja<T>, layani: (p: Permintaan) => unknown): T {
  let masuk: { ok: true; v: unknown } | { ok: false; e: unknown } = { ok: true, v: undefined };
  for (;;) {
    const r: IteratorResult<Permintaan, T> = masuk.ok ? kerja.next(masuk.v) : kerja.throw(masuk.e);
    if (r.done) return r.value;
    try {
      masuk = { ok: true, v: layani(r.value) };
    } catch (e) {
      masuk = { ok: false, e };
    }
  }
}

/** The same, for a database that answers with promises. */
export async function jalankanAsinkron<T>(kerja: Kerja<T>, layani: (p: Permintaan) => Promise<unknown>): Promise<T> {
  let masuk: { ok: true; v: unknown } | { ok: false; e: unknown } = { ok: true, v: undefined };
  for (;;) {
    const r: IteratorResult<Permintaan, T> = masuk.ok ? kerja.next(masuk.v) : kerja.throw(masuk.e);
    if (r.done) return r.value;
    try {
      masuk = { ok: true, v: await layani(r.value) };
    } catch (e) {
      masuk = { ok: false, e };
    }
  }
}

/** Whatever runs pieces of work for the office: its SQLite file, or the province's server (the app's context). */
export interface Pelaksana {
  baca<T>(kerja: Kerja<T>): Promise<T>;
  /** A write in one transaction; `buat` gets the officer the server knows (null on a file). */
  tulis<T>(buat: (petugas: string | null) => Kerja<T>): Promise<T>;
}

/** A SQLite file as a Pelaksana (as the app's context runs a file): reads as they are, each write in a transaction. */
export function pelaksanaBerkas(db: Db): Pelaksana {
  return {
    baca: async (kerja) => jalankan(db, kerja),
    tulis: async (buat) => db.tx(() => jalankan(db, buat(null))),
  };
}

/** Runs a piece of work on a SQLite database, synchronously. */
export function jalankan<T>(db: Db, kerja: Kerja<T>): T {
  const layani = (p: Permintaan): unknown => {
    if (p.jenis === 'ingat') return db.ingat(p.kunci, () => jalankanDengan(p.baca(), layani));
    if (p.jenis === 'lampiran') return bacaLampiranBerkas(db, p.hash);
    const { sql, parameter } = 'kysely' in p ? sqlKysely(p.kysely) : { sql: p.sql, parameter: p.p };
    const s = db.prepare(sql);
    const args = Array.isArray(parameter) ? parameter : [parameter];
    if (p.jenis === 'all') return s.all(...args);
    if (p.jenis === 'get') return s.get(...args);
    const r = s.run(...args);
    return { changes: r.changes } satisfies HasilUbah;
  };
  return jalankanDengan(kerja, layani);
}

function sqlKysely(q: Compilable<unknown>): { sql: string; parameter: readonly unknown[] } {
  const c = q.compile();
  return { sql: c.sql, parameter: c.parameters };
}
