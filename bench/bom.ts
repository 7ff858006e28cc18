// Hardening round two, finding 3: xlsx and zip bombs on every import path, and the real (not dry-run) import of a
// 1,000,000-row member list. Each step runs in a process of its own, so its peak memory (maxRSS) is its own.
// Target: every bomb refused with a message in seconds, peak memory ≤ 500 MB everywhere.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { openDatabase } from '../db/connection';
import { buatDemo } from '../main/services/demo/demo';
import { buatBukuKerja } from '../main/services/laporan/buku-kerja';
import { ukuranPalsu } from '../test/zip';

function langkah(jenis: string, db: string, berkas: string): { detik: number; baris: number; puncakMb: number; pesan?: string } {
  const fase = join(fileURLToPath(new URL('.', import.meta.url)), 'bom-fase.ts');
  const r = spawnSync(process.execPath, [...process.execArgv, fase, jenis, db, berkas], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { detik: 0, baris: 0, puncakMb: 0, pesan: `GAGAL (bukan pesan yang dikenal): ${r.stderr.slice(-400)}` };
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

const lapor = (label: string, berkas: string, r: ReturnType<typeof langkah>) =>
  console.log(`${label} (${(statSync(berkas).size / 1048576).toFixed(1)} MB): ${r.pesan ? 'ditolak' : `${r.baris.toLocaleString('id-ID')} baris`} dalam ${r.detik.toFixed(2)} s, puncak memori ${r.puncakMb} MB${r.pesan ? ` — ${r.pesan.slice(0, 140)}` : ''}`);

/** An .xlsx whose sheet and shared strings are what a bomb makes of them (honest sizes unless `palsu`). */
function xlsx(bagian: { sheet: string; strings?: string }, palsu?: number): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': enc('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
    '_rels/.rels': enc('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': enc('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Anggota" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': enc('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': enc(bagian.sheet),
    'xl/sharedStrings.xml': enc(bagian.strings ?? '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></sst>'),
  };
  const zip = zipSync(files, { level: 9 });
  return palsu ? ukuranPalsu(zip, palsu) : zip;
}

const KEPALA = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c></row>';

/** Makes the database and every bomb in `dir` (in a process of its own: the measured steps start small). */
export async function buatBom(dir: string): Promise<void> {
  {
    const file = join(dir, 'kab.sqlite');
    const db = openDatabase(file);
    buatDemo(db, { kelompok: 300, bulan: 1, seed: 2, kabupaten: '35.07' });
    const fas = (db.sqlite.prepare('SELECT id FROM fasilitator LIMIT 1').get() as { id: string }).id;
    const bulan = (db.sqlite.prepare('SELECT max(periode) AS p FROM laporan_bulanan').get() as { p: string }).p;
    const kelompok = (db.sqlite.prepare('SELECT nama FROM kelompok LIMIT 1').get() as { nama: string }).nama;
    const buku = join(dir, 'buku.xlsx');
    await buatBukuKerja(db, { fasilitator_id: fas, periode: bulan }, buku);
    db.close();
    const tulis = (nama: string, isi: Uint8Array) => (writeFileSync(join(dir, nama), isi), join(dir, nama));

    // Shared strings just under the limits (2.9 million short strings; the limit is 3 million and 100 MB), honest sizes.
    const acak = (i: number) => ((i * 2654435761) >>> 0).toString(36).slice(0, 5);
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${Array.from({ length: 2_900_000 }, (_, i) => `<si><t>${acak(i)}</t></si>`).join('')}</sst>`;
    tulis('anggota-teks.xlsx', xlsx({ sheet: `${KEPALA}</sheetData></worksheet>`, strings }));
    // A sheet of twelve million empty styled cells, each with its own address (honest sizes, ratio below 100).
    const kol = (c: number) => String.fromCharCode(65 + (c % 26)) + (c >= 26 ? String.fromCharCode(65 + Math.floor(c / 26)) : '');
    const barisKosong: string[] = [];
    for (let i = 0; i < 200_000; i++) barisKosong.push(`<row r="${i + 2}">${Array.from({ length: 60 }, (_, c) => `<c r="${kol(c)}${i + 2}" s="${c % 3}"/>`).join('')}</row>`);
    tulis('anggota-sel.xlsx', xlsx({ sheet: `${KEPALA}${barisKosong.join('')}</sheetData></worksheet>` }));
    barisKosong.length = 0;
    // False sizes: each part declared 1 KB, inflating to 600 MB.
    const nol = Buffer.alloc(600 * 1024 * 1024).fill('<row/>');
    const bohong = (n: string) => tulis(n, ukuranPalsu(zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>'), 'xl/worksheets/sheet1.xml': nol }, { level: 9 }), 1024, 'xl/worksheets/sheet1.xml'));
    bohong('anggota-palsu.xlsx');
    bohong('dtsen-palsu.xlsx');
    tulis('dtsen-teks.xlsx', xlsx({ sheet: `${KEPALA}</sheetData></worksheet>`, strings }));
    // The facilitator's workbook zipped with a 1 GiB "photo" declared 4 KB, and a workbook whose sheet is 600 MB declared 1 KB.
    const { readFileSync } = await import('node:fs');
    tulis('kiriman.zip', ukuranPalsu(zipSync({ 'buku.xlsx': readFileSync(buku), '3.jpg': new Uint8Array(1024 * 1024 * 1024) }, { level: 9 }), 4096, '3.jpg'));
    bohong('buku-bom.xlsx');
    // A workbook whose shared strings are just under the limit of a sheet read whole (290.000; the limit is 300.000).
    tulis('buku-teks.xlsx', xlsx({ sheet: `${KEPALA}</sheetData></worksheet>`, strings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${Array.from({ length: 290_000 }, (_, i) => `<si><t>${acak(i)}</t></si>`).join('')}</sst>` }));

    // The real import (not a dry run) of a million members.
    const n = Number(process.env.BENCH_ROWS ?? 1_000_000);
    const nik = (i: number) => `3507${String(10 + (i % 30)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(80 + (i % 20))}${String(1 + (i % 9999)).padStart(4, '0')}`;
    const daftar = join(dir, 'anggota-juta.xlsx'); // imported last: the real import writes into kab.sqlite
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: daftar, useSharedStrings: false });
    const ws = wb.addWorksheet('Anggota');
    ws.addRow(['NIK', 'NAMA', 'KELOMPOK']).commit();
    for (let i = 0; i < n; i++) ws.addRow([nik(i), `Warga Nomor ${i}`, kelompok]).commit();
    await wb.commit();
  }
}

const LANGKAH: [string, string, string][] = [
  ['anggota: 2,9 juta teks bersama (batas 3 juta)', 'anggota', 'anggota-teks.xlsx'],
  ['anggota: 12 juta sel kosong', 'anggota', 'anggota-sel.xlsx'],
  ['anggota: ukuran palsu (600 MB dinyatakan 1 KB)', 'anggota', 'anggota-palsu.xlsx'],
  ['DT-SEN: ukuran palsu (600 MB dinyatakan 1 KB)', 'dtsen', 'dtsen-palsu.xlsx'],
  ['DT-SEN: 2,9 juta teks bersama (batas 3 juta)', 'dtsen', 'dtsen-teks.xlsx'],
  ['buku kerja: zip dengan foto 1 GiB dinyatakan 4 KB', 'buku-kerja', 'kiriman.zip'],
  ['buku kerja: lembar 600 MB dinyatakan 1 KB', 'buku-kerja', 'buku-bom.xlsx'],
  ['buku kerja: 290.000 teks bersama (batas 300.000)', 'buku-kerja', 'buku-teks.xlsx'],
  [`anggota: impor sungguhan ${Number(process.env.BENCH_ROWS ?? 1_000_000).toLocaleString('id-ID')} baris`, 'anggota-simpan', 'anggota-juta.xlsx'],
];

export async function benchBom(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-bench-'));
  try {
    const buat = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), dir], { stdio: 'inherit' });
    if (buat.status !== 0) throw new Error('membuat berkas bom gagal');
    for (const [label, jenis, nama] of LANGKAH) lapor(label, join(dir, nama), langkah(jenis, join(dir, 'kab.sqlite'), join(dir, nama)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) await buatBom(process.argv[2]);
