import { test } from 'node:test';
import { buatKelompok, buatAnggota } from '../../../test/rekaman';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../common/errors';
import { ambilAnggota } from '../anggota/anggota';
import { openDatabase } from '../../../db/connection';
import { MIGRATIONS } from '../../../db/migrations';
import { cocokkan, daftarSnapshot, eksporHasil, hapusSnapshot, hasilPencocokan, imporEkstrak, konfirmasiNama, pratinjauEkstrak, ringkasanDtsen } from './dtsen';

import { penilaianGerobak } from '../mitra/mitra';
import { setup as setupPengaturan } from '../pengaturan/pengaturan';
import { snapshotCounts, tempDb } from '../../../test/db';

function setup() {
  const t = tempDb();
  const k = buatKelompok(t.db, { nama: 'KUBE Melati', desa_kode: '35.07.01.2001', sektor: 'Jasa' }).id;
  const add = (nik: string, nama: string, jk: 'L' | 'P', lahir: string, konfirmasiGanda = false, kelompok = k) =>
    buatAnggota(t.db, { kelompok_id: kelompok, nik, nama, jenis_kelamin: jk, tanggal_lahir: lahir, konfirmasiGanda }).id;
  return { t, k, add };
}

const CSV = [
  'NIK;NAMA_LENGKAP;TGL_LAHIR;JENIS_KELAMIN;KDKAB;PERINGKAT_DESIL',
  '3507015203850003;SITI RAHAYU;12-03-1985;P;3507;2',
  '3507019999999999;HJ. ENDANG LESTARI, S.PD;17/08/1979;P;3507;3', // registered under another NIK, name spelt with titles
  '3507011204900014;AGUS SANTOSO;12-04-1990;L;3507;7', // the member's NIK (…0010) lost this 16th digit in Excel
  '3.50701E+15;RUSAK;01-01-1980;L;3507;1',
  '35070112;PENDEK;01-01-1980;L;3507;1',
  ';;;;;',
  '3507010101700007;SLAMET;01-01-1970;L;3507;11',
  ';TANPA NIK;;L;3507;3',
  '3507016212950008;YULI KARTIKA;22-12-1995;P;3507;5',
].join('\r\n');

test('an extract is read with its usual headers, kept as a snapshot, and rejected rows are counted with reasons and row numbers', async () => {
  const { t } = setup();
  try {
    const path = join(t.dir, 'ekstrak.csv');
    writeFileSync(path, Buffer.from(CSV.replace('RAHAYU', 'RAHAYU\u00c9'), 'latin1')); // Windows-1252, semicolons
    const p = await pratinjauEkstrak(path, 'ekstrak.csv');
    assert.equal(p.encoding, 'windows-1252');
    assert.deepEqual(p.mapping, { nik: 'NIK', nama: 'NAMA_LENGKAP', tanggal_lahir: 'TGL_LAHIR', jenis_kelamin: 'JENIS_KELAMIN', kode_wilayah: 'KDKAB', desil: 'PERINGKAT_DESIL' });
    const r = await imporEkstrak(t.db, path, 'ekstrak.csv', { sumber: 'DTSEN', tanggal: '2025-10-01' });
    assert.deepEqual([r.dibaca, r.disimpan, r.ditolak], [8, 4, 4]);
    assert.deepEqual(r.contoh_ditolak.map((c) => c.baris), [5, 6, 8, 9]);
    assert.match(r.contoh_ditolak[0]!.pesan, /notasi ilmiah/);
    assert.match(r.contoh_ditolak[2]!.pesan, /Desil "11"/);
    const nama = t.db.sqlite.prepare("SELECT nama FROM dtsen_ekstrak_1 WHERE nik = '3507015203850003'").get() as { nama: string };
    assert.equal(nama.nama, 'SITI RAHAYU\u00c9');
    await assert.rejects(imporEkstrak(t.db, path, 'ekstrak.csv', { sumber: 'DTSEN', tanggal: '2025-10-01' }), (e: AppError) => e.code === 'EKSTRAK_SUDAH_ADA');
  } finally {
    t.cleanup();
  }
});

test('a cancelled import leaves nothing behind', async () => {
  const { t } = setup();
  try {
    const path = join(t.dir, 'besar.csv');
    const lines = ['NIK,NAMA,TGL_LAHIR,DESIL'];
    for (let i = 0; i < 30000; i++) lines.push(`35070152038${String(50000 + i).slice(-5)},ORANG ${i},12-03-1985,3`);
    writeFileSync(path, lines.join('\n'));
    const before = snapshotCounts(t.db);
    const controller = new AbortController();
    await assert.rejects(
      imporEkstrak(t.db, path, 'besar.csv', { sumber: 'DTKS', tanggal: '2025-01-01' }, (p) => p.baris >= 4000 && controller.abort(), controller.signal),
      (e: AppError) => e.code === 'DIBATALKAN',
    );
    assert.deepEqual(snapshotCounts(t.db), before);
  } finally {
    t.cleanup();
  }
});

test('matching by NIK, by birth date and a close name, and flagging Excel-damaged NIKs and members in two groups', async () => {
  const { t, add } = setup();
  try {
    const siti = add('3507015203850003', 'Siti Rahayu', 'P', '1985-03-12');
    const endang = add('3507015708790006', 'Endang Lestari', 'P', '1979-08-17');
    const agus = add('3507011204900010', 'Agus Santoso', 'L', '1990-04-12');
    const budi = add('3507010505800011', 'Budi Hartono', 'L', '1980-05-05');
    const k2 = buatKelompok(t.db, { nama: 'KUBE Mawar', desa_kode: '35.07.01.2001', sektor: 'Jasa' }).id;
    add('3507015203850003', 'Siti Rahayu', 'P', '1985-03-12', true, k2);
    const path = join(t.dir, 'ekstrak.csv');
    writeFileSync(path, CSV);
    await imporEkstrak(t.db, path, 'ekstrak.csv', { sumber: 'DTSEN', tanggal: '2025-10-01' });
    assert.equal(ambilAnggota(t.db, siti).dtsen, null, 'nothing shown before matching');
    const c = cocokkan(t.db);
    assert.equal(c.ganda, 2);
    const by = (id: string) => hasilPencocokan(t.db).rows.find((r) => r.anggota_id === id)!;
    assert.deepEqual([by(siti).status, by(siti).desil, by(siti).ganda], ['COCOK_NIK', 2, true]);
    assert.equal(by(endang).status, 'COCOK_NAMA');
    assert.equal(by(endang).desil, 3);
    assert.equal(by(agus).status, 'NIK_RUSAK_EXCEL');
    assert.equal(by(budi).status, 'TIDAK_DITEMUKAN');
    assert.deepEqual(ambilAnggota(t.db, siti).dtsen, { status: 'COCOK_NIK', desil: 2, dikonfirmasi: null, sumber: 'DTSEN', tanggal_data: '2025-10-01' }, "the member's record shows the latest result");
    // the officer rejects the name match; a re-run keeps that decision
    konfirmasiNama(t.db, endang, false);
    cocokkan(t.db);
    assert.equal(by(endang).status, 'TIDAK_DITEMUKAN');
    const s = ringkasanDtsen(t.db);
    assert.equal(s.desil[1], 2); // both Siti rows, desil 2
    assert.equal(s.menunggu_konfirmasi, 0);

    const csv = join(t.dir, 'hasil.csv');
    await eksporHasil(t.db, csv);
    const lines = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    // For Indonesian spreadsheets: ";" and NIKs that stay text.
    assert.equal(lines[0], 'nik;nama;kelompok;status;desil;skor;ganda');
    assert.ok(lines.includes('="3507011204900010";Agus Santoso;KUBE Melati;NIK_RUSAK_EXCEL;;;tidak'));
    const xlsx = join(t.dir, 'hasil.xlsx');
    await eksporHasil(t.db, xlsx, { status: 'TIDAK_DITEMUKAN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Hasil')!;
    // A title row, the office and period, a blank row, the column names, then the data.
    assert.match(String(ws.getCell(1, 1).value), /^Hasil pencocokan anggota dengan /);
    assert.equal(ws.getRow(4).getCell(1).value, 'NIK');
    assert.equal(ws.rowCount, 6);
    assert.equal(ws.getRow(5).getCell(1).value, '3507010505800011');
    assert.equal(ws.getRow(5).getCell(4).value, 'Tidak ditemukan');
    assert.equal(ws.getRow(5).getCell(5).value, null, 'no desil: a blank cell');
  } finally {
    t.cleanup();
  }
});

test('an .xlsx extract is streamed too, numbers stored by Excel included', async () => {
  const { t } = setup();
  try {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DTSEN');
    ws.addRow(['NIK', 'NAMA', 'TGL_LAHIR', 'DESIL']);
    ws.addRow(['3507015203850003', 'SITI RAHAYU', new Date(Date.UTC(1985, 2, 12)), 2]);
    ws.addRow([3507015708790006, 'ENDANG', '17-08-1979', 4]);
    const path = join(t.dir, 'ekstrak.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await imporEkstrak(t.db, path, 'ekstrak.xlsx', { sumber: 'DTKS', tanggal: '2024-12-01' });
    assert.deepEqual([r.dibaca, r.disimpan], [2, 2]);
    const rows = t.db.sqlite.prepare('SELECT nik, tanggal_lahir, desil FROM dtsen_ekstrak_1 ORDER BY baris').all();
    assert.deepEqual(rows, [
      { nik: '3507015203850003', tanggal_lahir: '1985-03-12', desil: 2 },
      { nik: '3507015708790006', tanggal_lahir: '1979-08-17', desil: 4 },
    ]);
  } finally {
    t.cleanup();
  }
});

test('each snapshot keeps its rows in its own table; deleting it drops them and keeps the other snapshot matching', async () => {
  const { t, add } = setup();
  try {
    const siti = add('3507015203850003', 'Siti Rahayu', 'P', '1985-03-12');
    const a = join(t.dir, 'a.csv');
    const b = join(t.dir, 'b.csv');
    writeFileSync(a, CSV);
    writeFileSync(b, 'NIK,NAMA,TGL_LAHIR,DESIL\n3507015203850003,SITI RAHAYU,12-03-1985,6\n');
    await imporEkstrak(t.db, a, 'a.csv', { sumber: 'DTKS', tanggal: '2024-01-01' });
    await imporEkstrak(t.db, b, 'b.csv', { sumber: 'DTSEN', tanggal: '2025-10-01' });
    const tabel = () => (t.db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'dtsen_ekstrak_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    assert.deepEqual(tabel(), ['dtsen_ekstrak_1', 'dtsen_ekstrak_2']);
    cocokkan(t.db);
    assert.equal(hasilPencocokan(t.db).rows.find((r) => r.anggota_id === siti)!.desil, 6); // the newest data
    const lama = daftarSnapshot(t.db).find((s) => s.tanggal_data === '2024-01-01')!;
    hapusSnapshot(t.db, lama.id);
    assert.deepEqual(tabel(), ['dtsen_ekstrak_2']);
    assert.equal(cocokkan(t.db).jumlah.COCOK_NIK, 1);
  } finally {
    t.cleanup();
  }
});

test('a database from before version 10 keeps its extract: rows move into the snapshot table and still match', () => {
  const { t } = setup();
  const file = join(t.dir, 'lama.sqlite');
  try {
    const lama = openDatabase(file, { migrations: MIGRATIONS.slice(0, 9) });
    lama.sqlite.prepare("INSERT INTO dtsen_snapshot (id, sumber, tanggal_data, nama_berkas, sha256, jumlah_baris, jumlah_ditolak, diimpor_pada, operator) VALUES ('s1', 'DTSEN', '2025-10-01', 'e.csv', 'x', 2, 0, '2025-10-02T00:00:00Z', 'Penguji')").run();
    const ins = lama.sqlite.prepare("INSERT INTO dtsen_baris (snapshot_id, baris, nik, no_kk, nama, tanggal_lahir, jenis_kelamin, kode_wilayah, desil, id_dtks) VALUES ('s1', ?, ?, '3507010000000001', ?, ?, 'P', '3507', ?, 'DTKS1')");
    ins.run(2, '3507015203850003', 'SITI RAHAYU', '1985-03-12', 2);
    ins.run(3, '3507016212950008', 'YULI KARTIKA', '1995-12-22', 5);
    lama.close();

    const db = openDatabase(file);
    try {
      assert.deepEqual(db.sqlite.prepare('SELECT baris, nik, nama, tanggal_lahir, kode_wilayah, desil FROM dtsen_ekstrak_1 ORDER BY baris').all(), [
        { baris: 2, nik: '3507015203850003', nama: 'SITI RAHAYU', tanggal_lahir: '1985-03-12', kode_wilayah: '3507', desil: 2 },
        { baris: 3, nik: '3507016212950008', nama: 'YULI KARTIKA', tanggal_lahir: '1995-12-22', kode_wilayah: '3507', desil: 5 },
      ]);
      assert.equal((db.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'dtsen_baris'").get() as { n: number }).n, 0);
      setupPengaturan(db, { mode: 'kabupaten', kabupaten_kode: '35.07', operator: 'Penguji', nama_instansi: '', alamat_instansi: '', kota_surat: '', telepon: '', email: '', kepala_nama: '', kepala_nip: '', kepala_jabatan: '' });
      const k = buatKelompok(db, { nama: 'KUBE Melati', desa_kode: '35.07.01.2001', sektor: 'Jasa' }).id;
      buatAnggota(db, { kelompok_id: k, nik: '3507016212950008', nama: 'Yuli Kartika', jenis_kelamin: 'P', tanggal_lahir: '1995-12-22' });
      assert.deepEqual(cocokkan(db).jumlah.COCOK_NIK, 1);
      assert.equal(hasilPencocokan(db).rows[0]!.desil, 5);
    } finally {
      db.close();
    }
  } finally {
    t.cleanup();
  }
});

test('a row without NIK matches by name only when its region code is in this kabupaten', async () => {
  const { t, add } = setup();
  try {
    const budi = add('3507010505800011', 'Budi Hartono', 'L', '1980-05-05');
    const yuli = add('3507016212950008', 'Yuli Kartika', 'P', '1995-12-22');
    const path = join(t.dir, 'e.csv');
    writeFileSync(path, ['NIK;NAMA;TGL_LAHIR;KDKAB;DESIL', ';BUDI HARTONO;05-05-1980;3507;2', ';YULI KARTIKA;22-12-1995;3508;1'].join('\n'));
    await imporEkstrak(t.db, path, 'e.csv', { sumber: 'DTSEN', tanggal: '2025-10-01' });
    cocokkan(t.db);
    const by = (id: string) => hasilPencocokan(t.db).rows.find((r) => r.anggota_id === id)!;
    assert.deepEqual([by(budi).status, by(budi).desil], ['COCOK_NAMA', 2]);
    assert.equal(by(yuli).status, 'TIDAK_DITEMUKAN'); // same name and birth date, but registered in Kabupaten Jember (35.08)
  } finally {
    t.cleanup();
  }
});

test('birth dates of an extract are read in the usual Indonesian forms, and impossible ones are left empty', async () => {
  const { t } = setup();
  try {
    const tanggal = ['12-03-1985', '12/03/1985', '12.03.1985', '1985-03-12', '29-02-2000', '29-02-1900', '31-04-1980', '12-03-19a5', '3 Maret 1985'];
    const path = join(t.dir, 'tgl.csv');
    writeFileSync(path, ['NIK,NAMA,TGL_LAHIR', ...tanggal.map((d, i) => `35070152038500${String(10 + i)},ORANG ${i},${d}`)].join('\n'));
    await imporEkstrak(t.db, path, 'tgl.csv', { sumber: 'DTSEN', tanggal: '2025-10-01' });
    const rows = (t.db.sqlite.prepare('SELECT tanggal_lahir FROM dtsen_ekstrak_1 ORDER BY baris').all() as { tanggal_lahir: string | null }[]).map((r) => r.tanggal_lahir);
    assert.deepEqual(rows, ['1985-03-12', '1985-03-12', '1985-03-12', '1985-03-12', '2000-02-29', null, null, null, '1985-03-03']);
  } finally {
    t.cleanup();
  }
});

test('cart-aid targeting counts a name match only once an officer has confirmed it', async () => {
  const { t, k, add } = setup();
  try {
    add('3507015203850003', 'Siti Rahayu', 'P', '1985-03-12');
    const endang = add('3507015708790006', 'Endang Lestari', 'P', '1979-08-17');
    const path = join(t.dir, 'ekstrak.csv');
    writeFileSync(path, CSV);
    await imporEkstrak(t.db, path, 'ekstrak.csv', { sumber: 'DTSEN', tanggal: '2025-10-01' });
    cocokkan(t.db);
    const persen = () => penilaianGerobak(t.db, 2026, '2026-11-01').find((g) => g.kelompok_id === k)!.persen_desil_1_4;
    assert.equal(persen(), 50, 'Endang waits for review: only Siti counts');
    konfirmasiNama(t.db, endang, true);
    assert.equal(persen(), 100);
  } finally {
    t.cleanup();
  }
});
