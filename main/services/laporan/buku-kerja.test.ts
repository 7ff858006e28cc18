import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { PNG } from 'pngjs';
import { AppError } from '../../common/errors';
import type { Db } from '../../../db/connection';
import { BARIS_DATA, KOLOM_NILAI_PERTAMA, LEMBAR_INFO, LEMBAR_LAPORAN } from '../../common/buku-kerja';
import { KATALOG_AWAL } from '../../common/laporan';
import { buatDemo } from '../demo/demo';
import { libreOffice } from '../../../test/libreoffice';
import { tempDb } from '../../../test/db';
import { zipSync } from 'fflate';
import { buatBukuKerja, checksumInfo } from './buku-kerja';
import { bukaKiriman, imporBukuKerja } from './buku-kerja-impor';
import { daftarLaporan, pasangKatalog, simpanLaporan } from './laporan';
import { hitungRekap } from './rekap';

const PERIODE = '2026-12';
const NOW = new Date('2027-01-05T03:00:00Z');

function siapkan() {
  const t = tempDb('35.07');
  buatDemo(t.db, { kelompok: 12, bulan: 2, seed: 8, today: new Date('2026-12-02T03:00:00Z') });
  const fas = t.db.sqlite.prepare("SELECT f.id, f.nama, count(k.id) AS n FROM fasilitator f JOIN kelompok k ON k.fasilitator_id = f.id AND k.status = 'aktif' AND k.deleted_at IS NULL GROUP BY f.id ORDER BY n DESC LIMIT 1").get() as { id: string; nama: string; n: number };
  return { t, fas };
}

/** Fills the value cells the way a spreadsheet program would, with SheetJS (not exceljs, which wrote the file). */
function isi(path: string, out: string, nilai: (baris: number, kode: string) => unknown): void {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer', cellStyles: true });
  const ws = wb.Sheets[LEMBAR_LAPORAN]!;
  const range = XLSX.utils.decode_range(ws['!ref']!);
  for (let c = KOLOM_NILAI_PERTAMA - 1; c <= range.e.c; c++) {
    const kode = ws[XLSX.utils.encode_cell({ r: 0, c })]?.v as string | undefined;
    if (!kode) continue;
    for (let r = BARIS_DATA - 1; r <= range.e.r; r++) {
      const v = nilai(r - BARIS_DATA + 1, kode);
      if (v === undefined) continue;
      ws[XLSX.utils.encode_cell({ r, c })] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v: String(v) };
    }
  }
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
}

const angka = (baris: number, kode: string): unknown =>
  ({ omzet: 1_000_000 * (baris + 1), biaya: 400_000 * (baris + 1), anggota_aktif: 8, pertemuan: 2, kehadiran: 87.5, volume_produksi: 120, satuan_produksi: 'bungkus', kendala: 'Harga bahan naik' })[kode];

/** A fresh workbook (`kosong`) and a copy filled with `angka` (`terisi`). */
async function bukuTerisi(db: Db, dir: string, fasilitator: string) {
  const kosong = join(dir, 'buku.xlsx');
  await buatBukuKerja(db, { fasilitator_id: fasilitator, periode: PERIODE }, kosong);
  const terisi = join(dir, 'terisi.xlsx');
  isi(kosong, terisi, angka);
  return { kosong, terisi };
}

const jejak = (db: Db) => db.sqlite.prepare('SELECT (SELECT count(*) FROM laporan_bulanan) l, (SELECT count(*) FROM audit) a, (SELECT coalesce(max(updated_at), \'\') FROM laporan_bulanan) u').get();

test('a facilitator\'s workbook: validated value cells, last month beside them, a hidden locked layout', async () => {
  const { t, fas } = siapkan();
  try {
    // "Bulan lalu" shows counted reports only (common/kamus.ts): last month's reports are submitted here.
    t.db.sqlite.prepare("UPDATE laporan_bulanan SET status = 'diajukan', diajukan_pada = '2026-12-01T03:00:00.000Z' WHERE periode = '2026-11'").run();
    const path = join(t.dir, 'buku.xlsx');
    const r = await buatBukuKerja(t.db, { fasilitator_id: fas.id, periode: PERIODE }, path);
    assert.equal(r.kelompok, fas.n);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet(LEMBAR_LAPORAN)!;
    assert.equal(wb.getWorksheet(LEMBAR_INFO)!.state, 'veryHidden');
    assert.equal(ws.getRow(1).hidden, true, 'row 1 (codes) hidden');
    assert.equal(ws.getColumn(1).hidden, true, 'column A (ids) hidden');
    assert.equal(ws.getCell('E1').value, 'omzet');
    assert.match(String(ws.getCell('E2').value), /^Omzet penjualan \(Rp\)$/);
    assert.match(String(ws.getCell('F2').value), /bulan lalu/);
    const dv = ws.getCell(`E${BARIS_DATA}`).dataValidation;
    assert.equal(dv.type, 'whole');
    assert.equal(dv.operator, 'greaterThanOrEqual');
    assert.match(String(dv.prompt), /Bulan lalu: Rp[\d.]+\./, 'last month\'s omzet in the input message');
    const persen = ws.getRow(1).values as (string | undefined)[];
    const kolomKehadiran = persen.indexOf('kehadiran');
    assert.deepEqual(ws.getCell(BARIS_DATA, kolomKehadiran).dataValidation.formulae, [0, 100]);
    assert.equal(ws.getCell(`E${BARIS_DATA}`).protection?.locked, false, 'value cells stay editable');
    assert.ok((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet, 'the sheet is protected');
  } finally {
    t.cleanup();
  }
});

test('filled by another program, the workbook becomes the month\'s reports and recap; the same file again changes nothing', async () => {
  const { t, fas } = siapkan();
  try {
    const kosong = join(t.dir, 'buku.xlsx');
    await buatBukuKerja(t.db, { fasilitator_id: fas.id, periode: PERIODE }, kosong);
    const terisi = join(t.dir, 'terisi.xlsx');
    // Values typed as text with thousands separators are read as numbers.
    isi(kosong, terisi, (b, k) => (b === 0 && k === 'omzet' ? '1.000.000' : b === 1 && k === 'omzet' ? 'Rp2.000.000' : angka(b, k)));
    const sebelum = jejak(t.db);
    const coba = imporBukuKerja(t.db, { path: terisi, nama: 'terisi.xlsx', dryRun: true, status: 'diajukan' }, NOW);
    assert.deepEqual(jejak(t.db), sebelum, 'a dry run writes nothing');
    assert.equal(coba.jumlah.baru, fas.n);
    assert.equal(coba.baris[0]!.nilai.find((n) => n.kode === 'omzet')!.sesudah, 1_000_000);
    assert.equal(coba.baris[1]!.nilai.find((n) => n.kode === 'omzet')!.sesudah, 2_000_000);

    const h = imporBukuKerja(t.db, { path: terisi, nama: 'terisi.xlsx', dryRun: false, status: 'diajukan' }, NOW);
    assert.equal(h.jumlah.baru, fas.n);
    const laporan = daftarLaporan(t.db, { periode: PERIODE }).filter((l) => l.fasilitator_id === fas.id);
    assert.equal(laporan.length, fas.n);
    assert.ok(laporan.every((l) => l.status === 'diajukan'));
    const rekap = hitungRekap(t.db, PERIODE, 'fasilitator', NOW).baris.find((b) => b.kunci === fas.id)!;
    assert.equal(rekap.nilai.omzet, Array.from({ length: fas.n }, (_, i) => 1_000_000 * (i + 1)).reduce((a, b) => a + b, 0));
    assert.equal(rekap.nilai.laba, Array.from({ length: fas.n }, (_, i) => 600_000 * (i + 1)).reduce((a, b) => a + b, 0));
    const audit = t.db.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE tabel = 'laporan_bulanan' AND alasan LIKE ?").get(`Buku kerja fasilitator ${fas.nama} (terisi.xlsx)`) as { n: number };
    assert.ok(audit.n >= fas.n, 'the history names the workbook and the facilitator');

    const lagi = jejak(t.db);
    const ulang = imporBukuKerja(t.db, { path: terisi, nama: 'terisi.xlsx', dryRun: false, status: 'diajukan' }, NOW);
    assert.equal(ulang.tanpaPerubahan, true);
    assert.equal(ulang.jumlah.tetap, fas.n);
    assert.deepEqual(jejak(t.db), lagi, 'importing the same file again changes nothing');
  } finally {
    t.cleanup();
  }
});

test('a draft already typed at the office is updated from the workbook: before and after shown, typed values only stored', async () => {
  const { t, fas } = siapkan();
  try {
    const { terisi } = await bukuTerisi(t.db, t.dir, fas.id);
    const pertama = (t.db.sqlite.prepare("SELECT id FROM kelompok WHERE fasilitator_id = ? AND status = 'aktif' ORDER BY nama, id LIMIT 1").get(fas.id) as { id: string }).id;
    simpanLaporan(t.db, { kelompok_id: pertama, periode: PERIODE, nilai: { omzet: 700_000, kendala: 'Hujan' } });
    const h = imporBukuKerja(t.db, { path: terisi, nama: 'terisi.xlsx', dryRun: false, status: 'draft' }, NOW);
    assert.equal(h.baris[0]!.nasib, 'diubah');
    assert.deepEqual(h.baris[0]!.nilai.find((n) => n.kode === 'omzet'), { kode: 'omzet', nama: 'Omzet penjualan', sebelum: 700_000, sesudah: 1_000_000 });
    const tersimpan = JSON.parse((t.db.sqlite.prepare('SELECT nilai FROM laporan_bulanan WHERE kelompok_id = ? AND periode = ?').get(pertama, PERIODE) as { nilai: string }).nilai);
    assert.equal(tersimpan.omzet, 1_000_000);
    assert.equal(tersimpan.kendala, 'Harga bahan naik');
    assert.ok(!('laba' in tersimpan), 'laba is computed, never stored');
  } finally {
    t.cleanup();
  }
});

test('photos in a zip with the workbook, named by the group\'s number, are attached to that group\'s report', async () => {
  const { t, fas } = siapkan();
  try {
    const { kosong, terisi } = await bukuTerisi(t.db, t.dir, fas.id);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const zip = join(t.dir, 'kiriman.zip');
    writeFileSync(zip, zipSync({ 'Laporan Desember/terisi.xlsx': readFileSync(terisi), 'Laporan Desember/1 pertemuan.png': png, 'Laporan Desember/catatan.png': png }));
    const k = bukaKiriman(zip, 'kiriman.zip', []);
    try {
      const h = imporBukuKerja(t.db, { path: k.xlsx.path, nama: k.xlsx.nama, dryRun: false, status: 'diajukan', foto: k.foto }, NOW);
      assert.deepEqual(h.baris[0]!.foto, ['1 pertemuan.png']);
      assert.equal(h.jumlah.foto, 1, 'a photo named after no group is left out');
      const laporan = daftarLaporan(t.db, { periode: PERIODE }).find((l) => l.kelompok_id === h.baris[0]!.kelompok_id)!;
      assert.equal(laporan.status, 'diajukan');
      assert.equal((t.db.sqlite.prepare('SELECT count(*) AS n FROM foto_laporan WHERE laporan_id = ?').get(laporan.id) as { n: number }).n, 1);
    } finally {
      k.bersihkan();
    }
  } finally {
    t.cleanup();
  }
});

test('a zip with more photos for one group than a report may hold is refused and leaves no file in lampiran/', async () => {
  const { t, fas } = siapkan();
  try {
    const { terisi } = await bukuTerisi(t.db, t.dir, fas.id);
    const foto = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => {
        const png = new PNG({ width: 2, height: 2 });
        png.data.fill(i * 20);
        return [`Kiriman/1 foto ${i}.png`, PNG.sync.write(png)];
      }),
    );
    const zip = join(t.dir, 'kiriman-penuh.zip');
    writeFileSync(zip, zipSync({ 'Kiriman/terisi.xlsx': readFileSync(terisi), ...foto }));
    const k = bukaKiriman(zip, 'kiriman-penuh.zip', []);
    const lampiran = join(t.dir, 'lampiran');
    const sebelum = existsSync(lampiran) ? readdirSync(lampiran).length : 0;
    try {
      assert.throws(() => imporBukuKerja(t.db, { path: k.xlsx.path, nama: k.xlsx.nama, dryRun: false, status: 'diajukan', foto: k.foto }, NOW), (e: AppError) => e.code === 'FOTO_PENUH');
    } finally {
      k.bersihkan();
    }
    assert.equal(existsSync(lampiran) ? readdirSync(lampiran).length : 0, sebelum, 'no orphan photo files');
    assert.equal((t.db.sqlite.prepare('SELECT count(*) AS n FROM foto_laporan').get() as { n: number }).n, 0);
  } finally {
    t.cleanup();
  }
});

test('wrong files are refused with a message that says what to do, and change nothing', async () => {
  const { t, fas } = siapkan();
  const lain = tempDb('35.09');
  try {
    const { kosong, terisi } = await bukuTerisi(t.db, t.dir, fas.id);
    const sebelum = jejak(t.db);
    const impor = (path: string, extra: Partial<Parameters<typeof imporBukuKerja>[1]> = {}, db = t.db) => imporBukuKerja(db, { path, nama: 'x.xlsx', dryRun: false, status: 'diajukan', ...extra }, NOW);

    assert.throws(() => impor(terisi, {}, lain.db), /buku kerja Kabupaten Malang, bukan .*Jember/);
    assert.throws(() => impor(terisi, { periode: '2026-11' }), /berisi laporan Desember 2026, bukan November 2026/);

    const biasa = join(t.dir, 'biasa.xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Kelompok', 'Omzet'], ['A', 1]]), 'Sheet1');
    writeFileSync(biasa, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    assert.throws(() => impor(biasa), /bukan buku kerja laporan bulanan Bermantra/);

    const rusak = (fn: (ws: XLSX.WorkSheet, info: XLSX.WorkSheet) => void) => {
      const w = XLSX.read(readFileSync(terisi), { type: 'buffer' });
      fn(w.Sheets[LEMBAR_LAPORAN]!, w.Sheets[LEMBAR_INFO]!);
      const p = join(t.dir, 'rusak.xlsx');
      writeFileSync(p, XLSX.write(w, { type: 'buffer', bookType: 'xlsx' }));
      return p;
    };
    assert.throws(() => impor(rusak((ws) => (ws['E1'] = { t: 's', v: 'omset' }))), /susunan tersembunyi buku kerja rusak \(kode indikator/);
    assert.throws(() => impor(rusak((_, info) => (info['B4'] = { t: 's', v: 'orang-lain' }))), /rusak \(isi lembar _info berubah\)/);
    assert.throws(() => impor(rusak((ws) => (ws[`A${BARIS_DATA}`] = { t: 's', v: 'id-lain' }))), /rusak \(baris kelompok/);
    // _info edited with its checksum recomputed (it has no key): the values themselves are checked (hardening 2, finding 5).
    const palsu = (kunci: string, nilai: string | number) =>
      rusak((_, info) => {
        const rows = XLSX.utils.sheet_to_json<unknown[]>(info, { header: 1, raw: true });
        const kv = Object.fromEntries(rows.map((r) => [String(r[0]), r[1]]));
        kv[kunci] = nilai;
        const data = { format: String(kv.format), versi_format: Number(kv.versi_format), kabupaten_kode: String(kv.kabupaten_kode), fasilitator_id: String(kv.fasilitator_id), fasilitator_nama: String(kv.fasilitator_nama), periode: String(kv.periode), katalog_versi: Number(kv.katalog_versi), kolom: JSON.parse(String(kv.kolom)), kelompok: JSON.parse(String(kv.kelompok)) };
        info[`B${rows.findIndex((r) => r[0] === kunci) + 1}`] = { t: typeof nilai === 'number' ? 'n' : 's', v: nilai };
        info[`B${rows.findIndex((r) => r[0] === 'checksum') + 1}`] = { t: 's', v: checksumInfo(data) };
      });
    const kode = (k: string, pesan: RegExp) => (e: unknown) => e instanceof AppError && e.code === k && pesan.test(e.message);
    assert.throws(() => impor(palsu('periode', '9999-12')), kode('BUKU_KERJA_BULAN', /Desember 9999 di luar masa program/));
    assert.throws(() => impor(palsu('periode', '1999-01')), kode('BUKU_KERJA_BULAN', /di luar masa program/));
    assert.throws(() => impor(palsu('periode', '2026-13')), kode('BUKU_KERJA_BULAN', /tidak sah: tulis TTTT-BB dengan bulan 01–12/));
    assert.throws(() => impor(palsu('periode', "2026-1'2")), kode('BUKU_KERJA_BULAN', /tidak sah/));
    assert.throws(() => impor(palsu('katalog_versi', -1)), kode('BUKU_KERJA_RUSAK', /katalog_versi bukan versi katalog yang sah/));
    assert.throws(() => impor(palsu('kolom', '{"a":1}')), kode('BUKU_KERJA_RUSAK', /daftar kolom atau kelompok tidak sah/));
    assert.deepEqual(jejak(t.db), sebelum);

    // "1,5 juta" is refused with its cell; a group moved to another facilitator is refused; the others import.
    const satu = join(t.dir, 'satu.xlsx');
    isi(kosong, satu, (b, k) => (b === 0 && k === 'omzet' ? '1,5 juta' : angka(b, k)));
    const pindah = t.db.sqlite.prepare("SELECT id FROM kelompok WHERE fasilitator_id = ? AND status = 'aktif' ORDER BY nama, id LIMIT 1 OFFSET 1").get(fas.id) as { id: string };
    const fasLain = t.db.sqlite.prepare('SELECT id FROM fasilitator WHERE id != ? LIMIT 1').get(fas.id) as { id: string };
    t.db.sqlite.prepare('UPDATE kelompok SET fasilitator_id = ? WHERE id = ?').run(fasLain.id, pindah.id);
    const h = impor(satu, { dryRun: true });
    assert.equal(h.baris[0]!.nasib, 'ditolak');
    assert.match(h.baris[0]!.pesan.join(' '), new RegExp(`^E${BARIS_DATA}: "1,5 juta" bukan angka`));
    assert.equal(h.baris[1]!.nasib, 'ditolak');
    assert.match(h.baris[1]!.pesan.join(' '), /didampingi fasilitator lain/);
    assert.equal(h.jumlah.baru, fas.n - 2);

    // An older catalogue: what still maps is imported, and the note says which version and what was left out.
    pasangKatalog(t.db, { ...KATALOG_AWAL, versi: 2, indikator: KATALOG_AWAL.indikator.filter((i) => i.kode !== 'kendala') });
    const tua = impor(terisi, { dryRun: true });
    assert.match(tua.catatan.join(' '), /katalog indikator versi 1; katalog aktif versi 2.*kendala tidak ada lagi/);
    assert.equal(tua.jumlah.baru, fas.n - 1);
  } finally {
    t.cleanup();
    lain.cleanup();
  }
});

test('LibreOffice saves the filled workbook its own way, and it still imports', async (c) => {
  const soffice = libreOffice(c);
  if (!soffice) return;
  const { t, fas } = siapkan();
  try {
    const { kosong, terisi } = await bukuTerisi(t.db, t.dir, fas.id);
    const keluar = join(t.dir, 'lo');
    mkdirSync(keluar);
    const r = spawnSync(soffice, ['--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', keluar, terisi], { env: { ...process.env, HOME: t.dir }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const h = imporBukuKerja(t.db, { path: join(keluar, 'terisi.xlsx'), nama: 'terisi.xlsx', dryRun: false, status: 'diajukan' }, NOW);
    assert.equal(h.jumlah.baru, fas.n, JSON.stringify(h.baris.map((b) => b.pesan)));
    assert.equal(daftarLaporan(t.db, { periode: PERIODE }).filter((l) => l.fasilitator_id === fas.id && l.nilai.kehadiran === 87.5).length, fas.n);
  } finally {
    t.cleanup();
  }
});
