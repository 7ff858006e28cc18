import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { imporBundel } from '../../main/services/sinkron/bundle';
import { TANPA_PELINDUNG } from '../../main/services/sinkron/kunci';
import { SCHEMA_VERSION } from '../migrations';
import { main } from '../../main/cli/utama';
import { dunia } from '../../test/bundel';
import { pindahKePostgres } from './pindah';
import { bukaServer, migrasiServer } from './server';
import { basisDataBaru } from './uji-server';

// The province on a real PostgreSQL server (scripts/test.mjs starts one from Debian's postgresql and names it in
// BERMANTRA_UJI_PG; CI installs the package). Each test works in a database of its own, dropped at the end.

async function satu<T>(url: string, fn: (k: pg.PoolClient) => Promise<T>): Promise<T> {
  const s = bukaServer(url, { maks: 1 });
  const k = await s.pool.connect();
  try {
    return await fn(k);
  } finally {
    k.release();
    await s.tutup();
  }
}

test('PostgreSQL: every migration runs on the server, and the schema keeps its rules there', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  await satu(url, async (k) => {
    assert.equal(await migrasiServer(k), SCHEMA_VERSION);
    assert.equal(await migrasiServer(k), 0, 'a second connection migrates nothing');
    await k.query(`INSERT INTO kelompok (id, kabupaten_kode, created_at, updated_at, nama, kecamatan_kode, desa_kode, sektor) VALUES ('k1', '35.07', 'a', 'a', 'Kelompok', '35.07.01', '35.07.01.2001', 'kuliner')`);
    const lapor = (id: string, periode: string, nilai: string, konfirmasi: string | null = null) =>
      k.query(`INSERT INTO laporan_bulanan (id, kabupaten_kode, created_at, updated_at, kelompok_id, periode, status, katalog_versi, nilai, konfirmasi) VALUES ($1, '35.07', 'a', 'a', 'k1', $2, 'diajukan', 1, $3, $4)`, [id, periode, nilai, konfirmasi]);
    await lapor('l1', '2026-10', '{"omzet": 9007199254740991, "biaya": 1250000.5, "catatan": "x"}');
    // The generated figures read the report's JSON as the dashboard does: a number, or nothing for text.
    const r = (await k.query("SELECT omzet_angka, biaya_angka, offtaker_angka FROM laporan_bulanan WHERE id = 'l1'")).rows[0];
    assert.deepEqual(r, { omzet_angka: 9007199254740991, biaya_angka: 1250000.5, offtaker_angka: null });
    // int8 arrives as an exact number; beyond 2^53 it is refused, never rounded.
    assert.equal((await k.query('SELECT sum(9007199254740990::int8) AS s')).rows[0].s, 9007199254740990);
    assert.equal((await k.query('SELECT 1250000.5::numeric AS s')).rows[0].s, 1250000.5);
    await assert.rejects(k.query('SELECT 9007199254740993::int8 AS s'), /tidak dapat dibaca dengan tepat/);
    // The CHECKs SQLite states with GLOB and json_valid hold on the server too.
    await assert.rejects(lapor('l2', '2026-1x', '{}'), /periode_check|check constraint/);
    await assert.rejects(lapor('l3', '2026-11', '{}', '{bukan json'), /check constraint/);
    await lapor('l4', '2026-11', '{}', '{"omzet": "sudah dicek"}');
  });
});

test('pindah-ke-postgres: a province file copied whole, every table counted and checksummed; a non-empty target refused', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  const w = dunia(6);
  t.after(() => w.cleanup());
  imporBundel(w.prov.db, TANPA_PELINDUNG, w.ekspor());
  const hitung = (tabel: string) => (w.prov.db.sqlite.prepare(`SELECT count(*) FROM ${tabel}`).pluck().get() as number);
  const h = await pindahKePostgres(w.prov.db, url, { mode: 'provinsi' });
  assert.equal(h.cocok, true);
  assert.equal(h.skema, SCHEMA_VERSION);
  assert.ok(!h.ke.includes('@127.0.0.1') || !/:[^/@]*@/.test(h.ke), 'no password in the result');
  for (const baris of h.tabel) assert.equal(baris.baris_tujuan, hitung(baris.tabel), baris.tabel);
  for (const tabel of ['kelompok', 'anggota', 'laporan_bulanan', 'bundle_masuk', 'pengaturan', 'laporan_rekap_kabupaten', 'pihak_sinkron']) {
    assert.ok(h.tabel.find((x) => x.tabel === tabel)!.baris_tujuan > 0, `${tabel} has rows`);
  }
  // One figure, one definition: the dashboard's sums read the same on the server.
  const sqlite = w.prov.db.sqlite.prepare("SELECT sum(omzet_angka) AS o, count(*) AS n FROM laporan_bulanan WHERE deleted_at IS NULL AND status <> 'draft'").get() as { o: number; n: number };
  const server = await satu(url, async (k) => (await k.query("SELECT sum(omzet_angka) AS o, count(*) AS n FROM laporan_bulanan WHERE deleted_at IS NULL AND status <> 'draft'")).rows[0]);
  assert.deepEqual(server, sqlite);
  // Identity keys continue after the copied rows.
  const seq = await satu(url, async (k) => (await k.query("INSERT INTO change_log (tabel, row_id, hlc, op) VALUES ('x', 'y', 'z', 'upsert') RETURNING seq")).rows[0].seq);
  assert.equal(seq, (w.prov.db.sqlite.prepare('SELECT max(seq) FROM change_log').pluck().get() as number) + 1);
  await satu(url, (k) => k.query("DELETE FROM change_log WHERE tabel = 'x'"));
  // Again into the same database: refused, nothing on the server changed.
  const sebelum = await satu(url, async (k) => (await k.query('SELECT count(*) AS n FROM laporan_bulanan')).rows[0].n);
  await assert.rejects(pindahKePostgres(w.prov.db, url, { mode: 'provinsi' }), /tidak kosong \(memuat tabel/);
  assert.equal(await satu(url, async (k) => (await k.query('SELECT count(*) AS n FROM laporan_bulanan')).rows[0].n), sebelum);
  // A district's file is not the province's.
  await assert.rejects(pindahKePostgres(w.kab.db, url, { mode: 'kabupaten' }), /Hanya basis data provinsi/);
});

test('pindah-ke-postgres on the CLI: the JSON fields, the exit code, no password printed; a wrong server said plainly', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  const w = dunia(2);
  t.after(() => w.cleanup());
  imporBundel(w.prov.db, TANPA_PELINDUNG, w.ekspor());
  const jalankan = async (...args: string[]) => {
    let out = '';
    let err = '';
    const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
    return { code, out, err };
  };
  const denganSandi = url.replace('postgres@', 'postgres:rahasia-uji@');
  const r = await jalankan('pindah-ke-postgres', '--db', w.prov.db.file, '--ke', denganSandi, '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual(Object.keys(j), ['ke', 'skema', 'tabel', 'cocok']);
  assert.deepEqual(Object.keys(j.tabel[0]), ['tabel', 'baris_sumber', 'baris_tujuan', 'checksum_sumber', 'checksum_tujuan', 'cocok']);
  assert.doesNotMatch(r.out, /rahasia-uji/);
  const salah = await jalankan('pindah-ke-postgres', '--db', w.prov.db.file, '--ke', 'postgres://postgres@127.0.0.1:1/tidak_ada');
  assert.equal(salah.code, 1);
  assert.match(salah.err, /tidak dapat dihubungi .*Periksa alamat, port/);
  const bukanUrl = await jalankan('pindah-ke-postgres', '--db', w.prov.db.file, '--ke', 'mysql://x@y/z');
  assert.match(bukanUrl.err, /harus diawali postgres:\/\//);
});
