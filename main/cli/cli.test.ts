import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bulanDari } from '../common/batas';
import { tempDb } from '../../test/db';
import { main } from './utama';

// The CLI is a stable interface: these tests pin its commands, flags, exit codes and JSON fields.
// In-process: main() with buffers for stdout and stderr (cli.integrasi.test.ts spawns the real process once).
async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

/** A folder with a demo district database made through the CLI itself (`demo`, 6 kelompok). */
async function demoLewatCli() {
  const t = tempDb(null);
  t.db.close();
  const db = join(t.dir, 'cli.sqlite');
  assert.equal((await cli('demo', '--db', db, '--kabupaten', '35.07', '--kelompok', '6', '--seed', '2')).code, 0);
  return { t, db };
}

test('init, demo, stats, export and a dry-run import through the CLI', async () => {
  const t = tempDb(null);
  t.db.close();
  const db = join(t.dir, 'cli.sqlite');
  try {
    const init = await cli('init', '--db', db, '--kabupaten', '35.07', '--operator', 'Rina', '--json');
    assert.equal(init.code, 0, init.stderr);
    assert.equal(init.json().kabupaten_kode, '35.07');
    assert.equal(init.json().operator, 'Rina');

    const demo = await cli('demo', '--db', db, '--kelompok', '6', '--seed', '3', '--json');
    assert.equal(demo.code, 0, demo.stderr);
    assert.equal(demo.json().kelompok, 6);

    const stats = (await cli('stats', '--db', db, '--json')).json();
    assert.equal(stats.tabel.kelompok, 6);
    assert.equal(stats.tabel.anggota, demo.json().anggota);

    const out = join(t.dir, 'anggota.xlsx');
    assert.equal((await cli('anggota', 'export', '--db', db, '-o', out)).code, 0);
    assert.ok(existsSync(out));
    const dry = await cli('anggota', 'import', '--db', db, out, '--dry-run', '--json');
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual(
      (({ dryRun, baru, diperbarui, dilewati }) => ({ dryRun, baru, diperbarui, dilewati }))(dry.json()),
      { dryRun: true, baru: 0, diperbarui: 0, dilewati: stats.tabel.anggota },
    );
  } finally {
    t.cleanup();
  }
});

test('nik --json prints the documented fields; an invalid NIK exits 1', async () => {
  const ok = await cli('nik', '3507015203850003', '--json');
  assert.equal(ok.code, 0);
  const info = ok.json();
  for (const key of ['valid', 'errors', 'warnings', 'provinsi', 'kabupaten', 'kecamatan', 'tanggalLahir', 'jenisKelamin']) assert.ok(key in info, key);
  assert.deepEqual([info.provinsi, info.kabupaten, info.kecamatan, info.tanggalLahir, info.jenisKelamin], ['35', '35.07', '35.07.01', '1985-03-12', 'P']);
  const bad = await cli('nik', '3507015203850000', '--json');
  assert.equal(bad.code, 1);
  assert.equal(bad.json().valid, false);
});

test('errors go to stderr with a non-zero exit code and nothing on stdout', async () => {
  const missing = await cli('stats', '--db', '/tmp/tidak-ada-bermantra.sqlite', '--json');
  assert.equal(missing.code, 1);
  assert.equal(missing.stdout, '');
  assert.match(JSON.parse(missing.stderr).error.message, /tidak ada/);
  const usage = await cli('terbang');
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /tidak dikenal/);
});

test('situs export writes the public website as a folder, again in place, or as one zip', async () => {
  const { t, db } = await demoLewatCli();
  try {
    const folder = join(t.dir, 'situs');
    const r = await cli('situs', 'export', '--db', db, '-o', folder, '--json');
    assert.equal(r.code, 0, r.stderr);
    const j = r.json();
    assert.equal(j.mode, 'kabupaten');
    assert.equal(j.folder, folder);
    assert.equal(j.zip, null);
    assert.ok(j.halaman >= 2 && j.dataset >= 6 && j.byte > 0);
    assert.match(j.bulan, /^\d{4}-\d{2}$/);
    for (const f of ['index.html', 'data.html', 'aset/situs.css', 'data/katalog.json', 'data/kecamatan.csv']) assert.ok(existsSync(join(folder, f)), f);
    // A second export replaces the folder whole: a stray file of the old one goes.
    writeFileSync(join(folder, 'lama.html'), 'x');
    assert.equal((await cli('situs', 'export', '--db', db, '-o', folder)).code, 0);
    assert.ok(!existsSync(join(folder, 'lama.html')));
    const zip = await cli('situs', 'export', '--db', db, '-o', folder, '--zip', '--json');
    assert.equal(zip.code, 0, zip.stderr);
    assert.equal(zip.json().zip, `${folder}.zip`);
    assert.ok(existsSync(`${folder}.zip`));
    assert.equal((await cli('situs', 'export', '--db', db)).code, 2, 'without -o: a usage error');
    // Never over the database's own folder (it held the database, its backups and attachments), nor over the file.
    const ditolak = await cli('situs', 'export', '--db', db, '-o', t.dir, '--json');
    assert.equal(ditolak.code, 1);
    assert.equal(JSON.parse(ditolak.stderr).error.code, 'KELUARAN_DITOLAK');
    assert.equal((await cli('laporan', 'recap', '--db', db, '--period', '2026', '--format', 'pdf', '-o', db)).code, 1);
    assert.equal((await cli('stats', '--db', db, '--json')).json().tabel.kelompok, 6, 'the database is intact');
  } finally {
    t.cleanup();
  }
});

test('laporan templat writes a facilitator\'s workbook; laporan impor checks it (dry run) and refuses a plain spreadsheet', async () => {
  const { t, db } = await demoLewatCli();
  const bulanIni = bulanDari(new Date()); // the demo's reports end last month
  try {
    const out = join(t.dir, 'buku.xlsx');
    const tanpaFasilitator = await cli('laporan', 'templat', '--db', db, '--period', bulanIni, '-o', out);
    assert.equal(tanpaFasilitator.code, 2, 'without --fasilitator: a usage error');
    const fas = new Database(db, { readonly: true }).prepare('SELECT id FROM fasilitator LIMIT 1').get() as { id: string };
    const r = await cli('laporan', 'templat', '--db', db, '--fasilitator', fas.id, '--period', bulanIni, '-o', out, '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json().berkas, out);
    const coba = await cli('laporan', 'impor', '--db', db, out, '--dry-run', '--json');
    assert.equal(coba.code, 0, coba.stderr);
    const j = coba.json();
    assert.equal(j.dryRun, true);
    assert.equal(j.periode, bulanIni);
    // A month outside the programme's window gets no workbook.
    assert.equal((await cli('laporan', 'templat', '--db', db, '--fasilitator', fas.id, '--period', '2030-01', '-o', join(t.dir, 'jauh.xlsx'))).code, 1);
    assert.equal(j.fasilitator.id, fas.id);
    assert.deepEqual(Object.keys(j.jumlah).sort(), ['baru', 'ditolak', 'diubah', 'foto', 'tetap']);
    assert.match(j.catatan.join(' '), /belum diisi/);
    const biasa = join(t.dir, 'biasa.xlsx');
    assert.equal((await cli('anggota', 'export', '--db', db, '-o', biasa)).code, 0);
    const salah = await cli('laporan', 'impor', '--db', db, biasa, '--json');
    assert.equal(salah.code, 1, salah.stderr);
    assert.match(JSON.parse(salah.stderr).error.message, /bukan buku kerja laporan bulanan Bermantra/);
  } finally {
    t.cleanup();
  }
});

test('laporan periksa lists findings with their stable fields; laporan terima and kembalikan are the province\'s and say so at a district', async () => {
  const { t, db } = await demoLewatCli();
  try {
    const bulan = (new Database(db, { readonly: true }).prepare("SELECT max(periode) AS p FROM laporan_bulanan").get() as { p: string }).p;
    const r = await cli('laporan', 'periksa', '--db', db, '--period', bulan, '--json');
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const temuan = r.json() as Record<string, unknown>[];
    assert.ok(Array.isArray(temuan));
    for (const x of temuan) assert.deepEqual(Object.keys(x).sort(), ['aturan', 'catatan', 'indikator', 'kabupaten_kode', 'kelompok_id', 'kelompok_nama', 'nilai', 'pembanding', 'pesan', 'status', 'tingkat']);
    const list = (await cli('laporan', 'list', '--db', db, '--period', bulan, '--json')).json() as { status: string; status_efektif: string; alasan_provinsi: string | null }[];
    assert.ok(list.length > 0 && list.every((x) => 'status_efektif' in x && 'alasan_provinsi' in x && 'status' in x));
    const terima = await cli('laporan', 'terima', '--db', db, '--kabupaten', '35.07', '--period', bulan, '--json');
    assert.equal(terima.code, 1);
    assert.equal(JSON.parse(terima.stderr).error.code, 'MODE_SALAH');
    assert.equal((await cli('laporan', 'kembalikan', '--db', db, '--id', 'x')).code, 2, 'without --alasan: a usage error');
    assert.equal((await cli('laporan', 'terima', '--db', db, '--period', bulan)).code, 2, 'without --kabupaten: a usage error');
  } finally {
    t.cleanup();
  }
});

test('an unknown flag, or a flag without its value, is refused with the command\'s usage before anything runs', async () => {
  const { t, db } = await demoLewatCli();
  try {
    const out = join(t.dir, 'monev.xlsx');
    const salahEja = await cli('monev', 'xlsx', '--db', db, '--tahun', '2026', '--kuartal', '3', '-o', out);
    assert.equal(salahEja.code, 2);
    assert.match(salahEja.stderr, /--kuartal tidak dikenal untuk perintah "monev xlsx"/);
    assert.match(salahEja.stderr, /Pemakaian: monev pdf\|xlsx --db FILE --tahun 2026/);
    assert.ok(!existsSync(out), 'the table is not written as if the flag were not there');
    const triwulan5 = await cli('monev', 'xlsx', '--db', db, '--tahun', '2026', '--triwulan', '5', '-o', out);
    assert.equal(triwulan5.code, 2);
    assert.match(triwulan5.stderr, /--triwulan 5 tidak sah: tulis 1, 2, 3 atau 4/);
    assert.ok(!existsSync(out));
    const tanpaNilai = await cli('laporan', 'list', '--db', db, '--period', '--json');
    assert.equal(tanpaNilai.code, 2);
    assert.match(tanpaNilai.stderr, /--period perlu nilai/);
    assert.equal(tanpaNilai.stdout, '');
    assert.match((await cli('anggota', 'export', '--db', db, '-o')).stderr, /-o perlu nilai/);
    // A switch never swallows the file after it; every documented flag still works.
    const buku = join(t.dir, 'buku.xlsx');
    const fas = new Database(db, { readonly: true }).prepare('SELECT id FROM fasilitator LIMIT 1').get() as { id: string };
    assert.equal((await cli('laporan', 'templat', '--db', db, '--fasilitator', fas.id, '--period', bulanDari(new Date()), '-o', buku)).code, 0);
    const draf = await cli('laporan', 'impor', '--db', db, '--draft', buku, '--dry-run', '--json');
    assert.equal(draf.code, 0, draf.stderr);
    assert.equal((await cli('monev', 'xlsx', '--db', db, '--tahun', '2026', '-o', out)).code, 0);
    // The regulation's evaluation table to a chosen quarter, and the period recap with --periode.
    const pdf = join(t.dir, 'evaluasi.pdf');
    assert.equal((await cli('monev', 'pdf', '--db', db, '--tahun', '2026', '--triwulan', '3', '-o', pdf)).code, 0);
    assert.ok(readFileSync(pdf).subarray(0, 5).toString() === '%PDF-');
    // Folio paper, as many regional offices print: the page is 215 × 330 mm, landscape.
    assert.equal((await cli('monev', 'pdf', '--db', db, '--tahun', '2026', '--triwulan', '3', '--kertas', 'F4', '-o', pdf)).code, 0);
    assert.match(readFileSync(pdf, 'latin1'), /\/MediaBox \[0 0 935\.43 609\.45\]/);
    assert.match((await cli('monev', 'pdf', '--db', db, '--tahun', '2026', '--kertas', 'B5', '-o', pdf)).stderr, /--kertas B5 tidak dikenal: tulis A4 atau F4/);
    assert.equal((await cli('monev', 'xlsx', '--db', db, '--periode', '2026-S1', '-o', join(t.dir, 'rekap.xlsx'))).code, 0);
  } finally {
    t.cleanup();
  }
});
