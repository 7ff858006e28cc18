import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { pasangZipKeFolder, PENANDA_KELUARAN, simpanKeluaran, type Terlindung } from './folder';

// Outputs never destroy (hardening round two, finding 1): `situs export -o data` emptied the database's folder.

function tempat() {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-keluaran-'));
  const data = join(dir, 'data');
  mkdirSync(join(data, 'cadangan'), { recursive: true });
  mkdirSync(join(data, 'lampiran'), { recursive: true });
  const db = join(data, 'bermantra.sqlite');
  writeFileSync(db, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
  writeFileSync(join(data, 'cadangan', 'harian.sqlite'), 'cadangan');
  writeFileSync(join(data, 'lampiran', 'ab'), 'foto');
  const pengguna = join(dir, 'pengguna');
  mkdirSync(pengguna);
  writeFileSync(join(pengguna, 'kunci-perangkat.bin'), Buffer.alloc(32, 7));
  const zip = join(dir, 'situs.zip');
  writeFileSync(zip, zipSync({ 'situs/index.html': Buffer.from('<h1>Situs</h1>'), 'situs/aset/a.css': Buffer.from('body{}') }));
  const t: Terlindung = { dbPath: db, folderData: pengguna };
  const utuh = () => {
    assert.ok(readFileSync(db).subarray(0, 15).toString() === 'SQLite format 3', 'the database is still there');
    assert.equal(readFileSync(join(data, 'cadangan', 'harian.sqlite'), 'utf8'), 'cadangan');
    assert.equal(readFileSync(join(data, 'lampiran', 'ab'), 'utf8'), 'foto');
    assert.equal(readFileSync(join(pengguna, 'kunci-perangkat.bin')).length, 32, 'the device key is still there');
  };
  return { dir, data, db, pengguna, zip, t, utuh, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('a website folder is never written over the database folder, the user data folder, a folder holding them, or a folder of other files', () => {
  const w = tempat();
  try {
    for (const target of [w.data, w.dir, w.pengguna, join(w.data, 'cadangan'), join(w.data, 'lampiran'), join(w.data, 'lampiran', 'x')]) {
      assert.throws(() => pasangZipKeFolder(w.zip, target, 'situs', w.t), (e: Error & { code?: string }) => e.code === 'KELUARAN_DITOLAK' && /Tidak ada yang diubah/.test(e.message), target);
      w.utuh();
    }
    const lain = join(w.dir, 'dokumen-saya');
    mkdirSync(lain);
    writeFileSync(join(lain, 'surat.docx'), 'penting');
    assert.throws(() => pasangZipKeFolder(w.zip, lain, 'situs', w.t), /bukan keluaran situs Bermantra/);
    assert.deepEqual(readdirSync(lain), ['surat.docx'], 'a folder of unrelated files keeps every file');
    assert.deepEqual(readdirSync(w.dir).sort(), ['data', 'dokumen-saya', 'pengguna', 'situs.zip'], 'no temporary sibling left behind');

    // A new folder, then again in place (a previous output of the same kind), inside the database's folder too.
    for (const target of [join(w.dir, 'situs'), join(w.data, 'situs')]) {
      assert.equal(pasangZipKeFolder(w.zip, target, 'situs', w.t).berkas, 2);
      assert.ok(existsSync(join(target, PENANDA_KELUARAN)));
      writeFileSync(join(target, 'lama.html'), 'x');
      pasangZipKeFolder(w.zip, target, 'situs', w.t);
      assert.ok(!existsSync(join(target, 'lama.html')), 'our own earlier output is replaced whole');
      assert.throws(() => pasangZipKeFolder(w.zip, target, 'riset', w.t), /bukan keluaran riset/, 'an output of another kind is not ours to replace');
    }
    w.utuh();
  } finally {
    w.cleanup();
  }
});

test('a file output never replaces the database, a file in its folders, or a file of another kind', () => {
  const w = tempat();
  try {
    const pdf = join(w.dir, 'baru.pdf');
    writeFileSync(pdf, '%PDF-1.7 baru');
    for (const target of [w.db, `${w.db}-wal`, join(w.data, 'cadangan', 'harian.sqlite'), join(w.data, 'cadangan', 'baru.pdf'), join(w.data, 'lampiran', 'ab')]) {
      assert.throws(() => simpanKeluaran(pdf, target, w.t), (e: Error & { code?: string }) => e.code === 'KELUARAN_DITOLAK', target);
    }
    // Another database than the open one, a text file, a folder: refused.
    const lainDb = join(w.dir, 'lain.sqlite');
    writeFileSync(lainDb, readFileSync(w.db));
    writeFileSync(join(w.dir, 'catatan.pdf'), 'bukan pdf');
    for (const target of [lainDb, join(w.dir, 'catatan.pdf'), w.pengguna]) assert.throws(() => simpanKeluaran(pdf, target, w.t), /KELUARAN|tidak ditulis/, target);
    assert.equal(readFileSync(join(w.dir, 'catatan.pdf'), 'utf8'), 'bukan pdf');
    w.utuh();
    // A PDF replaces an earlier PDF of the same name; a new name is written.
    const rekap = join(w.data, 'rekap.pdf');
    assert.equal(simpanKeluaran(pdf, rekap, w.t), rekap);
    writeFileSync(pdf, '%PDF-1.7 lebih baru');
    simpanKeluaran(pdf, rekap, w.t);
    assert.equal(readFileSync(rekap, 'utf8'), '%PDF-1.7 lebih baru');
    assert.ok(!readdirSync(w.data).some((n) => n.endsWith('.bermantra-tmp')));
  } finally {
    w.cleanup();
  }
});
