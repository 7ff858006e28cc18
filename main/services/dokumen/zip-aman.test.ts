import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { AppError } from '../../common/errors';
import { ukuranPalsu } from '../../../test/zip';
import { ambilEntri, BATAS_LEMBAR_BESAR, BATAS_LEMBAR_KECIL, periksaZip } from './zip-aman';

// Hardening round two, finding 3: xlsx bombs took 2–3,5 GB. One guarded reader checks every zip that arrives.

const tolak = (kode: string, pesan: RegExp) => (e: unknown) => e instanceof AppError && e.code === kode && pesan.test(e.message);

test('zip bombs are refused before any parser sees them; an honest archive passes and its parts can be read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-zip-'));
  try {
    const f = (nama: string, isi: Uint8Array) => {
      const p = join(dir, nama);
      writeFileSync(p, isi);
      return p;
    };
    const nol = (mb: number) => new Uint8Array(mb * 1024 * 1024);
    // Declared small, inflates to 64 MB: stopped at the declared size.
    const palsu = f('palsu.xlsx', ukuranPalsu(zipSync({ 'xl/worksheets/sheet1.xml': nol(64) }, { level: 9 }), 1000));
    assert.throws(() => periksaZip(palsu, 'palsu.xlsx', BATAS_LEMBAR_BESAR), tolak('BERKAS_TIDAK_WAJAR', /mengembang lebih besar dari ukuran yang dinyatakannya/));
    // Honest sizes but a ratio no spreadsheet has (64 MB of zeros in ~64 KB).
    const rasio = f('rasio.xlsx', zipSync({ 'xl/worksheets/sheet1.xml': nol(200) }, { level: 9 }));
    assert.throws(() => periksaZip(rasio, 'rasio.xlsx', BATAS_LEMBAR_BESAR), tolak('BERKAS_TIDAK_WAJAR', /mengembang [\d.]+ kali/));
    // A sheet read whole may not declare more than its limit.
    const besar = f('besar.xlsx', zipSync({ 'xl/worksheets/sheet1.xml': nol(48) }, { level: 0 }));
    assert.throws(() => periksaZip(besar, 'besar.xlsx', BATAS_LEMBAR_KECIL), tolak('BERKAS_TIDAK_WAJAR', /lebih dari 24 MB/));
    // Shared strings held in memory by the parser: bounded on their own.
    const teks = f('teks.xlsx', ukuranPalsu(zipSync({ 'xl/sharedStrings.xml': new Uint8Array(10) }, { level: 0 }), 200 * 1024 * 1024));
    assert.throws(() => periksaZip(teks, 'teks.xlsx', BATAS_LEMBAR_BESAR), tolak('BERKAS_TIDAK_WAJAR', /daftar teks bersama 200 MB \(paling besar 100 MB\)/));
    // Counted, not only measured: a sheet read whole may not hold 300.000 shared strings, however short.
    const banyakTeks = f('banyak-teks.xlsx', zipSync({ 'xl/sharedStrings.xml': new TextEncoder().encode(`<sst>${'<si><t>a</t></si>'.repeat(300_001)}</sst>`) }));
    assert.throws(() => periksaZip(banyakTeks, 'banyak-teks.xlsx', BATAS_LEMBAR_KECIL), tolak('BERKAS_TIDAK_WAJAR', /lebih dari 300\.000 teks bersama/));
    // Too many entries.
    const banyak = f('banyak.zip', zipSync(Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`f${i}.txt`, new Uint8Array(1)]))));
    assert.throws(() => periksaZip(banyak, 'banyak.zip', BATAS_LEMBAR_KECIL), tolak('BERKAS_TIDAK_WAJAR', /2\.001 bagian/));
    // Not a zip at all, or cut short.
    const bukan = f('bukan.xlsx', Buffer.from('PK\u0003\u0004 ini bukan zip'));
    assert.throws(() => periksaZip(bukan, 'bukan.xlsx', BATAS_LEMBAR_BESAR), tolak('BERKAS_RUSAK', /simpan ulang/));
    const utuh = zipSync({ 'xl/workbook.xml': Buffer.from('<workbook/>'), 'xl/worksheets/sheet1.xml': Buffer.from('<sheetData/>'.repeat(100)) });
    const potong = f('potong.xlsx', utuh.subarray(0, utuh.length - 30));
    assert.throws(() => periksaZip(potong, 'potong.xlsx', BATAS_LEMBAR_BESAR), tolak('BERKAS_RUSAK', /rusak/));
    // An honest archive.
    const baik = f('baik.xlsx', utuh);
    const entri = periksaZip(baik, 'baik.xlsx', BATAS_LEMBAR_KECIL);
    assert.deepEqual(entri.map((e) => e.nama).sort(), ['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    assert.equal(new TextDecoder().decode(ambilEntri(baik, entri, (n) => n === 'xl/workbook.xml').get('xl/workbook.xml')), '<workbook/>');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
