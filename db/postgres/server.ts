import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { AppError } from '../../main/common/errors';
import { MIGRATIONS, type Migration } from '../migrations';
import type { Schema } from '../schema';
import { bacaAlamatServer, opsiTls, tampilAlamat, type AlamatServer } from '../../main/common/alamat-server';
import { ddlPostgres, FUNGSI_PG } from './dialek';

// The province's PostgreSQL server: a pool of connections, int8 read exactly, the schema migrated once by whoever
// connects first (an advisory lock makes a second officer wait rather than migrate twice).

/** Any fixed number: the lock every Bermantra client takes while it migrates the server's schema. */
const KUNCI_MIGRASI = 3_578_2026;

/** int8 (count(*), sums of whole rupiah, BIGINT columns) as a number, or refused when it cannot be one exactly. */
function bacaInt8(teks: string): number {
  const n = Number(teks);
  if (!Number.isSafeInteger(n)) throw new AppError('ANGKA_TERLALU_BESAR', `Server mengembalikan bilangan ${teks} yang tidak dapat dibaca dengan tepat (di atas 2^53). Hubungi pengembang; tidak ada yang diubah.`);
  return n;
}

/** numeric (PostgreSQL's sum of int8): a whole number exactly as bacaInt8; a fraction as the double SQLite's sum gives. */
function bacaNumeric(teks: string): number {
  return /^-?\d+$/.test(teks) ? bacaInt8(teks) : Number(teks);
}

const TIPE: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8 ? bacaInt8 : oid === pg.types.builtins.NUMERIC ? bacaNumeric : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

export interface Server {
  readonly alamat: AlamatServer;
  readonly pool: pg.Pool;
  readonly q: Kysely<Schema>;
  tutup(): Promise<void>;
}

/** A pool on the server named by url; the password comes from the URL or `sandi` (unwrapped by the caller). */
export function bukaServer(url: string, opsi: { sandi?: string | null; maks?: number } = {}): Server {
  const alamat = bacaAlamatServer(url);
  const pool = new pg.Pool({
    host: alamat.host,
    port: alamat.port,
    database: alamat.database,
    user: alamat.user,
    password: opsi.sandi ?? alamat.password ?? undefined,
    ssl: opsiTls(alamat),
    max: opsi.maks ?? 10,
    types: TIPE,
    application_name: 'Bermantra',
    connectionTimeoutMillis: 10_000,
    // A CLI command ends when its work is done, without waiting for idle connections to time out.
    allowExitOnIdle: true,
  });
  // An idle connection the server drops (restart, network) is replaced at the next query, not a crash.
  pool.on('error', () => undefined);
  return { alamat, pool, q: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), tutup: () => pool.end() };
}

/** A connection error said as what the officer can check. */
export function pesanKoneksi(error: unknown, alamat: AlamatServer): AppError {
  const e = error as { code?: string; message?: string };
  const di = tampilAlamat(alamat);
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'ETIMEDOUT' || e.code === 'EHOSTUNREACH') return new AppError('SERVER_TIDAK_TERJANGKAU', `Server basis data ${di} tidak dapat dihubungi (${e.code}). Periksa alamat, port dan jaringan kantor, atau apakah layanan PostgreSQL berjalan.`);
  if (e.code === '28P01' || e.code === '28000') return new AppError('SERVER_MENOLAK', `Server ${di} menolak masuk sebagai ${alamat.user}: kata sandi atau hak akses salah. Periksa dengan pengelola server.`);
  if (e.code === '3D000') return new AppError('SERVER_TANPA_DB', `Basis data ${alamat.database} belum ada di server. Buat dulu: createdb ${alamat.database}`);
  return new AppError('SERVER_GALAT', `Server basis data ${di}: ${e.message ?? String(error)}`);
}

/** The schema version the server holds (0: nothing of Bermantra's yet). */
export async function versiSkema(klien: pg.ClientBase): Promise<number> {
  const ada = await klien.query<{ ada: boolean }>("SELECT to_regclass('migrasi') IS NOT NULL AS ada");
  if (!ada.rows[0]!.ada) return 0;
  return (await klien.query<{ v: number | null }>('SELECT max(versi) AS v FROM migrasi')).rows[0]!.v ?? 0;
}

/**
 * Brings the server's schema to the app's, inside the caller's transaction (or its own): DDL is transactional in
 * PostgreSQL, so a migration that fails leaves the schema as it was. Refuses a server newer than the app.
 */
export async function migrasiServer(klien: pg.ClientBase, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  await klien.query('SELECT pg_advisory_xact_lock($1)', [KUNCI_MIGRASI]);
  const sekarang = await versiSkema(klien);
  if (sekarang > migrations.length) {
    throw new AppError('DB_LEBIH_BARU', `Server memuat skema ${sekarang}, lebih baru dari aplikasi ini (skema ${migrations.length}). Perbarui Bermantra lebih dulu; server tidak diubah.`);
  }
  if (sekarang === migrations.length) return 0;
  // The functions are replaced whenever a migration runs (CREATE OR REPLACE), so a server made by an older Bermantra
  // gains the ones changed since; only then, since only the schema's owner may replace them, not every officer.
  await klien.query(FUNGSI_PG);
  if (sekarang === 0) {
    await klien.query('CREATE TABLE migrasi (versi BIGINT PRIMARY KEY, nama TEXT NOT NULL, diterapkan_pada TEXT NOT NULL)');
  }
  for (const m of migrations.slice(sekarang)) {
    await klien.query(m.pg ?? ddlPostgres(m.up));
    await klien.query('INSERT INTO migrasi (versi, nama, diterapkan_pada) VALUES ($1, $2, $3)', [m.versi, m.nama, new Date().toISOString()]);
  }
  return migrations.length - sekarang;
}
