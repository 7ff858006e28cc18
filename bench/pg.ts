import { randomBytes } from 'node:crypto';
import pg from 'pg';

// The benches' PostgreSQL: `--pg URL` names a server the bench may create databases on (each run makes its own and
// drops it). Start one with PostgreSQL's default durability: bash scripts/pg-uji.sh start /tmp/pgbench 55433 bench

/** The URL after --pg on the command line (npm run bench -- sinkron --pg postgres://…), or null. */
export function urlPg(): string | null {
  const i = process.argv.indexOf('--pg');
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

/** A fresh database on the server at url: its URL, and a function that drops it. */
export async function basisDataBench(url: string): Promise<{ url: string; hapus: () => Promise<void> }> {
  const nama = `bermantra_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(url);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${nama}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${nama}`;
  return {
    url: u.toString(),
    hapus: async () => {
      const a = new pg.Client(url);
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${nama} WITH (FORCE)`);
      await a.end();
    },
  };
}
