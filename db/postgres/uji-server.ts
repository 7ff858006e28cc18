import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import pg from 'pg';

// For the tests on a real PostgreSQL server (scripts/test.mjs starts one from Debian's postgresql and names it in
// BERMANTRA_UJI_PG; CI installs the package): each test works in a database of its own, dropped at the end.

const URL_UJI = process.env.BERMANTRA_UJI_PG;

/** A fresh database on the test server (its URL), or null after skipping the test where no server runs (never under CI). */
export async function basisDataBaru(t: TestContext): Promise<string | null> {
  if (!URL_UJI) {
    assert.ok(!process.env.CI, 'CI installs postgresql (.ci/run) and scripts/test.mjs starts it');
    t.skip('tidak ada server PostgreSQL (BERMANTRA_UJI_PG)');
    return null;
  }
  const nama = `uji_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(URL_UJI);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${nama}`);
  await admin.end();
  t.after(async () => {
    const a = new pg.Client(URL_UJI);
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${nama} WITH (FORCE)`);
    await a.end();
  });
  const u = new URL(URL_UJI);
  u.pathname = `/${nama}`;
  return u.toString();
}

