import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../connection';
import { hitungDashboardK } from '../../main/services/dasbor/dashboard';
import { jalankan } from '../kueri';
import { buatDemoProvinsi } from '../../main/services/demo/provinsi';
import { buatDemo } from '../../main/services/demo';
import { TANPA_PELINDUNG } from '../../main/services/sinkron/kunci';
import { basisDataBaru } from './uji-server';
import { pindahKePostgres } from './pindah';
import { bukaServer } from './server';
import { cadangkanServer, cariPgDump } from './cadangan';
import { bacaAlamatServer } from '../../main/common/alamat-server';
import { dalamTransaksi, jalankanServer } from './kueri';
import { main } from '../../main/cli/utama';

// The same services on the province's server: a piece of work (db/kueri.ts) gives the same answer from the SQLite
// file and from PostgreSQL holding the same rows. One figure, one definition, whichever database the province runs.

test('dashboard on PostgreSQL: every figure equal to the SQLite file it was copied from, filters and ranking included', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-pg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: ['35.07', '35.73', '35.15'], demo: { kelompok: 12, bulan: 14 } });
  const db = openDatabase(path);
  t.after(() => db.close());
  await pindahKePostgres(db, url, { mode: 'provinsi' });
  const server = bukaServer(url, { maks: 2 });
  t.after(() => server.tutup());
  const hari = new Date().toISOString().slice(0, 10);
  const sektor = (db.sqlite.prepare("SELECT sektor FROM kelompok WHERE status = 'aktif' GROUP BY sektor ORDER BY count(*) DESC LIMIT 1").pluck().get() as string);
  const fasilitator = db.sqlite.prepare("SELECT fasilitator_id FROM kelompok WHERE kabupaten_kode = '35.73' AND fasilitator_id IS NOT NULL LIMIT 1").pluck().get() as string;
  for (const filter of [{}, { kabupaten: '35.73' }, { sektor }, { kabupaten: '35.73', fasilitator }, { bulan: '2026-01' }]) {
    const diBerkas = jalankan(db, hitungDashboardK(filter, hari));
    const diServer = await dalamTransaksi(server.pool, (k) => jalankanServer(k, hitungDashboardK(filter, hari)), { baca: true });
    assert.deepEqual(diServer, diBerkas, JSON.stringify(filter));
  }
  // The comparison compares something: the province's ranking names every district with its figures.
  const semua = jalankan(db, hitungDashboardK({}, hari));
  assert.equal(semua.peringkat?.length, 3);
  assert.ok(semua.anggota.nilai > 0 && semua.seri_omzet.some((s) => s.omzet > 0) && semua.kepatuhan_fasilitator.length > 0);

  // The CLI on the server: --db takes the URL, BERMANTRA_DB_URL stands for it; what has not moved there says so.
  const cli = async (...args: string[]) => {
    let out = '';
    let err = '';
    const code = await main(args, { out: (x) => void (out += x), err: (x) => void (err += x) });
    return { code, out, err };
  };
  const lewatUrl = await cli('dashboard', '--db', url, '--json');
  assert.equal(lewatUrl.code, 0, lewatUrl.err);
  assert.deepEqual(JSON.parse(lewatUrl.out), JSON.parse((await cli('dashboard', '--db', db.file, '--json')).out));
  process.env.BERMANTRA_DB_URL = url;
  try {
    const teks = await cli('dashboard', '--kabupaten', '35.73');
    assert.equal(teks.code, 0, teks.err);
    assert.match(teks.out, /Kelompok aktif\s+\d+/);
    const belum = await cli('stats');
    assert.equal(belum.code, 1);
    assert.match(belum.err, /belum dapat dijalankan pada server PostgreSQL .*pakai berkas basis data provinsi/);
    assert.doesNotMatch(belum.err, /rahasia/);
  } finally {
    delete process.env.BERMANTRA_DB_URL;
  }

  // The backup action on the server: pg_dump into the data folder, a dump pg_restore reads; without pg_dump, the command.
  const folderData = join(dir, 'data-petugas');
  process.env.BERMANTRA_FOLDER_DATA = folderData;
  try {
    const c = await cli('cadangan', 'buat', '--db', url, '--json');
    assert.equal(c.code, 0, c.err);
    const dump = JSON.parse(c.out) as { nama: string; jenis: string; ukuran: number };
    assert.equal(dump.jenis, 'server');
    const file = join(folderData, 'cadangan-server', dump.nama);
    assert.equal(statSync(file).size, dump.ukuran);
    const isi = execFileSync(join(dirname(cariPgDump()!), 'pg_restore'), ['-l', file], { encoding: 'utf8' });
    assert.match(isi, /TABLE DATA public laporan_bulanan/);
    assert.deepEqual(JSON.parse((await cli('cadangan', 'list', '--db', url, '--json')).out).map((x: { nama: string }) => x.nama), [dump.nama]);
  } finally {
    delete process.env.BERMANTRA_FOLDER_DATA;
  }
  const tanpa = bacaAlamatServer(url.replace('postgres@', 'postgres:rahasia@'));
  await assert.rejects(cadangkanServer(tanpa, 'rahasia', join(dir, 'x'), new Date(), null), (e: Error) => /pg_dump tidak ditemukan di komputer ini.*pg_dump -Fc -d "postgres:\/\/postgres@/.test(e.message) && !e.message.includes('rahasia'));
});

test('a server that holds no province: an empty one sends the officer to pindah-ke-postgres (and stays empty), a district is refused', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  let err = '';
  const code = await main(['dashboard', '--db', url], { out: () => undefined, err: (x) => void (err += x) });
  assert.equal(code, 1);
  assert.match(err, /belum berisi data Bermantra\. Pindahkan basis data provinsi ke sana lebih dulu: pindah-ke-postgres/);
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-pg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const kab = openDatabase(join(dir, 'kab.sqlite'));
  buatDemo(kab, { kelompok: 2, bulan: 1, kabupaten: '35.07' });
  // pindah refuses a district itself; a district's data put there another way is refused at the door.
  await assert.rejects(pindahKePostgres(kab, url, { mode: 'kabupaten' }), /Hanya basis data provinsi/);
  await pindahKePostgres(kab, url, { mode: 'provinsi' });
  kab.close();
  err = '';
  assert.equal(await main(['dashboard', '--db', url], { out: () => undefined, err: (x) => void (err += x) }), 1);
  assert.match(err, /tidak memuat basis data provinsi\. Server PostgreSQL hanya untuk provinsi/);
});
