import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { RecordWriter } from '../../../db/write';
import { eksporAnggotaCsv } from '../anggota/ekspor';
import { imporAnggota, pratinjauImpor } from '../anggota/impor';
import { buatDemo } from '../demo/demo';
import { tulisEkstrakDemo } from '../demo/ekstrak';
import { cocokkan, eksporHasil, imporEkstrak } from '../dtsen/dtsen';
import { tempDb } from '../../../test/db';
import { libreOffice } from '../../../test/libreoffice';
import { barisCsv, selCsv } from './csv';

const SEMUA = { cari: '', ganda: false };
const SERANGAN = [`=cmd|' /C calc'!A0`, '=HYPERLINK("http://contoh.invalid","klik")', '+62812', '-1+1', '@SUM(A1)', '\tx', '\rx'];

test('every cell of people\'s text that starts like a formula is neutralised; codes of digits stay text; decimals take a comma', () => {
  for (const s of SERANGAN) assert.match(selCsv(s), /^"?'/, s);
  assert.equal(selCsv({ kode: '3507035303030451' }), '="3507035303030451"');
  assert.equal(selCsv(0.95), '0,95');
  assert.equal(selCsv(-3), '-3', 'a number the app writes is not text from a person');
  assert.equal(barisCsv(['a;b', 'kata "kutip"', null]), '"a;b";"kata ""kutip""";');
});

/** A kabupaten with two members whose names are attacks. */
function dataUji() {
  const t = tempDb(null);
  buatDemo(t.db, { kelompok: 2, bulan: 1, seed: 5, kabupaten: '35.07' });
  const w = RecordWriter.forDb(t.db);
  const ids = (t.db.sqlite.prepare('SELECT id FROM anggota ORDER BY id LIMIT 2').all() as { id: string }[]).map((r) => r.id);
  w.update('anggota', ids[0]!, { nama: SERANGAN[0]! });
  w.update('anggota', ids[1]!, { nama: SERANGAN[1]! });
  return t;
}

test('the DT-SEN result and the member list as CSV: ";" with a BOM, NIKs as text, no cell starting with a formula; the member CSV imports back', async () => {
  const t = dataUji();
  try {
    const ekstrak = join(t.dir, 'ekstrak.csv');
    await tulisEkstrakDemo(t.db, ekstrak, 20, 2);
    await imporEkstrak(t.db, ekstrak, 'ekstrak.csv', { sumber: 'DTSEN', tanggal: '2025-10-01' });
    cocokkan(t.db);
    for (const [nama, tulis] of [
      ['hasil.csv', (p: string) => eksporHasil(t.db, p)],
      ['anggota.csv', (p: string) => eksporAnggotaCsv(t.db, SEMUA, p)],
    ] as const) {
      const path = join(t.dir, nama);
      await tulis(path);
      const text = readFileSync(path, 'utf8');
      assert.ok(text.startsWith('\uFEFF'), `${nama}: BOM`);
      const lines = text.slice(1).trim().split('\r\n');
      assert.match(lines[0]!, /^(nik|NIK);/);
      for (const line of lines.slice(1)) {
        assert.match(line, /^="\d{16}";/, `${nama}: NIK as text in ${line}`);
        // Apart from the app's own codes (="…"), no cell starts like a formula.
        for (const cell of line.split(';').slice(1)) if (!/^="\d+"$/.test(cell)) assert.doesNotMatch(cell.replace(/^"/, ''), /^[=+\-@\t\r]/, `${nama}: ${cell}`);
      }
      assert.ok(text.includes(`'=cmd|' /C calc'!A0`) && text.includes(`"'=HYPERLINK(""http://contoh.invalid"",""klik"")"`), `${nama}: the attacks are there, neutralised`);
    }
    // The member CSV is a file the import reads back: nothing new, nothing changed, the names as they were.
    const path = join(t.dir, 'anggota.csv');
    const berkas = { ref: 'x', nama: 'anggota.csv' };
    const p = await pratinjauImpor(path, berkas, null);
    const r = await imporAnggota(t.db, path, berkas, { mapping: p.mapping, dryRun: true });
    const jumlah = (t.db.sqlite.prepare('SELECT count(*) AS n FROM anggota').get() as { n: number }).n;
    assert.deepEqual([r.baru, r.diperbarui, r.dilewati, r.galat.length], [0, 0, jumlah, 0]);
  } finally {
    t.cleanup();
  }
});

test('LibreOffice opens the member CSV with NIKs intact (not rounded) and the formula names as text', (c) => {
  const soffice = libreOffice(c);
  if (!soffice) return;
  const t = dataUji();
  try {
    const path = join(t.dir, 'anggota.csv');
    eksporAnggotaCsv(t.db, SEMUA, path);
    const niks = (t.db.sqlite.prepare('SELECT nik FROM anggota').all() as { nik: string }[]).map((r) => r.nik);
    const keluar = join(t.dir, 'lo');
    mkdirSync(keluar);
    // As a double-click with Indonesian settings reads it: ";" separated, UTF-8, formulas evaluated; then back to CSV.
    const env = { ...process.env, HOME: t.dir };
    const a = spawnSync(soffice, ['--headless', '--infilter=CSV:59,34,76,1,,0,false,true,false,false,false,-1,true', '--convert-to', 'xlsx', '--outdir', keluar, path], { env, encoding: 'utf8' });
    assert.equal(a.status, 0, a.stderr);
    const b = spawnSync(soffice, ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1', '--outdir', join(keluar, 'csv'), join(keluar, 'anggota.xlsx')], { env, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
    const back = readFileSync(join(keluar, 'csv', 'anggota.csv'), 'utf8');
    for (const nik of niks) assert.match(back, new RegExp(`(^|\\n)"?${nik}"?;`), `NIK ${nik} intact`);
    assert.ok(back.includes(`'=cmd|' /C calc'!A0`), 'the formula stays text');
  } finally {
    t.cleanup();
  }
});
