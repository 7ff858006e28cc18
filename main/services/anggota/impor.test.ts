import { test } from 'node:test';
import { buatKelompok, buatAnggota } from '../../../test/rekaman';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { AppError } from '../../common/errors';

import { eksporAnggota } from './ekspor';
import { imporAnggota, pratinjauImpor } from './impor';
import { parseTanggal } from '../../common/tanggal';
import { buatDemo } from '../demo/demo';

import { snapshotCounts, tempDb } from '../../../test/db';

function kelompok(db: Parameters<typeof buatKelompok>[0], nama = 'KUBE Melati') {
  return buatKelompok(db, { nama, desa_kode: '35.07.01.2001', sektor: 'Jasa' }).id;
}

function xlsx(dir: string, name: string, rows: unknown[][]): string {
  const path = join(dir, name);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Data');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  return path;
}

const ref = (path: string) => ({ ref: 'x', nama: path.split('/').pop()! });
const guess = async (path: string) => (await pratinjauImpor(path, ref(path))).mapping;
const run = async (db: Parameters<typeof imporAnggota>[0], path: string, opts: { dryRun: boolean; kelompokId?: string }) =>
  imporAnggota(db, path, ref(path), { mapping: await guess(path), kelompokId: opts.kelompokId ?? null, dryRun: opts.dryRun });

test('the dry run reports new, updated, skipped and failed rows by row number and writes nothing; the import then writes them', async () => {
  const t = tempDb();
  try {
    const k = kelompok(t.db);
    buatAnggota(t.db, { kelompok_id: k, nik: '3507015203850003', nama: 'Siti Rahayu', jenis_kelamin: 'P', tanggal_lahir: '1985-03-12', jabatan: 'ketua' });
    buatAnggota(t.db, { kelompok_id: k, nik: '3507011204900004', nama: 'Agus', jenis_kelamin: 'L', tanggal_lahir: '1990-04-12' });
    const path = xlsx(t.dir, 'daftar.xlsx', [
      ['No', 'NIK', 'Nama Lengkap', 'Tgl Lahir', 'L/P', 'Alamat'],
      [1, '3507015203850003', 'Siti Rahayu', '12/03/1985', 'P', ''], // unchanged → dilewati
      [2, '3507011204900004', 'Agus Santoso', '12-04-1990', 'L', ''], // name changed → diperbarui
      [3, '3507015708790006', 'Endang Lestari', '17 Agustus 1979', 'Perempuan', 'Dusun Krajan'], // baru
      [4, '3507015708790006', 'Endang Lagi', '', '', ''], // same NIK twice in the file
      [5, '3507013102850009', 'Tanggal Salah', '', 'L', ''], // 31 Feb
      [6, '', 'Tanpa NIK', '', '', ''],
    ]);
    const before = snapshotCounts(t.db);
    const dry = await run(t.db, path, { dryRun: true, kelompokId: k });
    assert.deepEqual([dry.totalBaris, dry.baru, dry.diperbarui, dry.dilewati], [6, 1, 1, 1]);
    assert.deepEqual(dry.galat.map((g) => g.baris), [5, 6, 7]);
    assert.match(dry.galat[0]!.pesan, /sudah muncul di baris 4/);
    assert.deepEqual(snapshotCounts(t.db), before);

    const done = await run(t.db, path, { dryRun: false, kelompokId: k });
    assert.deepEqual([done.baru, done.diperbarui, done.dilewati, done.galat.length], [1, 1, 1, 3]);
    const names = (t.db.sqlite.prepare('SELECT nama FROM anggota ORDER BY nama').all() as { nama: string }[]).map((r) => r.nama);
    assert.deepEqual(names, ['Agus Santoso', 'Endang Lestari', 'Siti Rahayu']);
    const endang = t.db.sqlite.prepare("SELECT jenis_kelamin, tanggal_lahir, desa_kode FROM anggota WHERE nama = 'Endang Lestari'").get();
    assert.deepEqual(endang, { jenis_kelamin: 'P', tanggal_lahir: '1979-08-17', desa_kode: '35.07.01.2001' });
    // the audit trail says the rows came from an import
    assert.equal((t.db.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE aksi = 'impor'").get() as { n: number }).n, 2);
  } finally {
    t.cleanup();
  }
});

test('Excel damage: a NIK stored as a number ending in 0 is a warning, scientific notation is an error', async () => {
  const t = tempDb();
  try {
    const k = kelompok(t.db);
    const path = xlsx(t.dir, 'angka.xlsx', [
      ['NIK', 'NAMA', 'JENIS_KELAMIN'],
      [3507015203850010, 'Angka Berakhir Nol', 'P'],
      ['3.50701E+15', 'Notasi Ilmiah', 'L'],
    ]);
    const dry = await run(t.db, path, { dryRun: true, kelompokId: k });
    assert.equal(dry.baru, 1);
    assert.match(dry.peringatan.find((p) => p.baris === 2)!.pesan, /kemungkinan rusak oleh Excel/);
    assert.equal(dry.galat[0]!.baris, 3);
    assert.match(dry.galat[0]!.pesan, /notasi ilmiah/);
  } finally {
    t.cleanup();
  }
});

test('a semicolon CSV in Windows-1252 with a KELOMPOK column is read, names intact', async () => {
  const t = tempDb();
  try {
    kelompok(t.db, 'KUBE Melati');
    const text = 'NIK;NAMA;KELOMPOK;DESA\r\n"3507015203850003";"Siti Nur\u00e9";KUBE Melati;Tlogosari\r\n3507011204900004;Agus;KUBE Mawar;\r\n';
    const path = join(t.dir, 'daftar.csv');
    writeFileSync(path, Buffer.from(text, 'latin1'));
    const result = await run(t.db, path, { dryRun: false });
    assert.equal(result.baru, 1);
    assert.match(result.galat[0]!.pesan, /Kelompok "KUBE Mawar" belum terdaftar/);
    const row = t.db.sqlite.prepare('SELECT nama, desa_kode FROM anggota').get() as { nama: string; desa_kode: string };
    assert.equal(row.nama, 'Siti Nur\u00e9');
  } finally {
    t.cleanup();
  }
});

test('bad files get a clear message and change nothing', async () => {
  const t = tempDb();
  try {
    const k = kelompok(t.db);
    const before = snapshotCounts(t.db);
    const cases: [string, Buffer | string, string][] = [
      ['kosong.xlsx', '', 'BERKAS_KOSONG'],
      ['acak.xlsx', randomBytes(4096), 'BUKAN_SPREADSHEET'],
      ['rusak.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(2000)]), 'BERKAS_RUSAK'],
      ['besar.csv', '', 'BERKAS_TERLALU_BESAR'], // made 600 MB (sparse) below
      ['judul.csv', 'NIK,NAMA\n', 'BERKAS_KOSONG'],
      ['tanpa-nik.csv', 'NAMA,ALAMAT\nSiti,Dusun Krajan\n', 'KOLOM_NIK_TIDAK_ADA'],
    ];
    for (const [name, content, code] of cases) {
      const path = join(t.dir, name);
      writeFileSync(path, content);
      if (name === 'besar.csv') truncateSync(path, 600 * 1024 * 1024);
      await assert.rejects(
        () => run(t.db, path, { dryRun: false, kelompokId: k }),
        (e: AppError) => e instanceof AppError && e.code === code && /[a-z]/.test(e.message),
        name,
      );
    }
    assert.deepEqual(snapshotCounts(t.db), before);
  } finally {
    t.cleanup();
  }
});

test('export then import of the same file changes nothing: NIKs survive as text', async () => {
  const t = tempDb();
  try {
    buatDemo(t.db, { kelompok: 5, seed: 7 });
    const path = join(t.dir, 'ekspor.xlsx');
    const { jumlah } = await eksporAnggota(t.db, { cari: '', ganda: false }, path);
    const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
    // Title rows, then the column names on row 4 and the first NIK, as text, on row 5.
    assert.match(String(wb.Sheets.Anggota!.A1!.v), /^Daftar anggota kelompok binaan/);
    assert.equal(wb.Sheets.Anggota!.A4!.v, 'NIK');
    const a5 = wb.Sheets.Anggota!.A5!;
    assert.equal(a5.t, 's');
    assert.equal(String(a5.v).length, 16);
    const result = await run(t.db, path, { dryRun: true });
    assert.deepEqual([result.baru, result.diperbarui, result.dilewati, result.galat.length], [0, 0, jumlah, 0]);
  } finally {
    t.cleanup();
  }
});

test('dates are read in the ways officers write them', async () => {
  assert.equal(parseTanggal('1980-03-12'), '1980-03-12');
  assert.equal(parseTanggal('12/03/1980'), '1980-03-12');
  assert.equal(parseTanggal('2.3.1980'), '1980-03-02');
  assert.equal(parseTanggal('12 Maret 1980'), '1980-03-12');
  assert.equal(parseTanggal('12 Agt 1980'), '1980-08-12');
  assert.equal(parseTanggal('31/02/1980'), null);
  assert.equal(parseTanggal('kemarin'), null);
});

test('a plain CSV of 130,000 rows gives its dry-run summary (once a stack overflow), with the first 1,000 messages and the full counts', async () => {
  const t = tempDb();
  try {
    const k = kelompok(t.db);
    const lines = ['NIK;NAMA'];
    // Valid NIKs of Kab. Malang born 1980–1999, and every tenth row without a name.
    for (let i = 0; i < 130_000; i++) lines.push(`3507${String(10 + (i % 30)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(80 + (i % 20))}${String(1 + (i % 9999)).padStart(4, '0')};${i % 10 === 0 ? '' : `Warga ${i}`}`);
    const path = join(t.dir, 'besar.csv');
    writeFileSync(path, lines.join('\n'));
    const before = snapshotCounts(t.db);
    const dry = await run(t.db, path, { dryRun: true, kelompokId: k });
    assert.equal(dry.totalBaris, 130_000);
    assert.equal(dry.jumlahGalat, dry.totalBaris - dry.baru - dry.dilewati - dry.diperbarui);
    assert.ok(dry.jumlahGalat >= 13_000, `${dry.jumlahGalat} rows without a name or repeated`);
    assert.equal(dry.galat.length, 1000);
    assert.deepEqual(snapshotCounts(t.db), before);
  } finally {
    t.cleanup();
  }
});

test('an .xlsx whose archive declares gigabytes of content is refused before anything is inflated', async () => {
  const t = tempDb();
  try {
    const k = kelompok(t.db);
    const path = xlsx(t.dir, 'bom.xlsx', [['NIK', 'NAMA'], ['3507015203850003', 'Siti']]);
    const bytes = readFileSync(path);
    // Every central directory entry now claims an uncompressed size of 3.75 GB.
    for (let i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) bytes.writeUInt32LE(0xf0000000, i + 24);
    writeFileSync(path, bytes);
    await assert.rejects(() => run(t.db, path, { dryRun: true, kelompokId: k }), (e: AppError) => e.code === 'BERKAS_TIDAK_WAJAR' && /menyatakan isi (lebih dari )?[\d.]+ MB/.test(e.message));
  } finally {
    t.cleanup();
  }
});
