import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkpointLatar } from './checkpoint';
import { openDatabase } from './connection';
import { listBackups } from './backup';
import { MIGRATIONS } from './migrations';
import { tempDb } from '../test/db';

test('a new file gets every migration, recorded in the database, with WAL and foreign keys on', () => {
  const t = tempDb(null);
  try {
    const rows = t.db.sqlite.prepare('SELECT versi, nama FROM migrasi ORDER BY versi').all() as { versi: number }[];
    assert.deepEqual(rows.map((r) => r.versi), MIGRATIONS.map((m) => m.versi));
    assert.equal(t.db.sqlite.pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.equal(t.db.sqlite.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(t.db.sqlite.pragma('foreign_keys', { simple: true }), 1);
  } finally {
    t.cleanup();
  }
});

test('an existing database is backed up before a new migration runs', () => {
  const t = tempDb();
  const file = t.db.file;
  t.db.close();
  const next = { versi: MIGRATIONS.length + 1, nama: 'uji: kolom baru', up: 'ALTER TABLE kelompok ADD COLUMN uji TEXT' };
  const db = openDatabase(file, { migrations: [...MIGRATIONS, next] });
  try {
    const backups = listBackups(file).filter((b) => b.jenis === 'sebelum-migrasi');
    assert.equal(backups.length, 1);
    assert.equal(db.sqlite.pragma('user_version', { simple: true }), next.versi);
  } finally {
    db.close();
  }
  // The app of the previous version now refuses the file instead of damaging it.
  const before = readFileSync(file);
  assert.throws(() => openDatabase(file), (e: Error & { code?: string }) => e.code === 'DB_LEBIH_BARU' && /lebih baru/.test(e.message) && /Perbarui aplikasi/.test(e.message));
  assert.deepEqual(readFileSync(file), before);
  t.cleanup();
});

test('a file that is not a database is refused with a message, not a crash', () => {
  const t = tempDb(null);
  const junk = join(t.dir, 'bukan.sqlite');
  writeFileSync(junk, 'ini bukan basis data '.repeat(100));
  assert.throws(() => openDatabase(junk), (e: Error & { code?: string }) => e.code === 'DB_TIDAK_TERBACA' && /bukan basis data Bermantra/.test(e.message));
  assert.ok(existsSync(junk));
  t.cleanup();
});

test('with checkpoints on their own thread, committed pages still reach the database file, and close waits for the thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-test-'));
  const file = join(dir, 'b.sqlite');
  try {
    const db = openDatabase(file, { checkpointLatar: true });
    assert.equal(db.sqlite.pragma('wal_autocheckpoint', { simple: true }), 0);
    const awal = statSync(file).size;
    db.sqlite.exec('CREATE TABLE uji (x BLOB)');
    const ins = db.sqlite.prepare('INSERT INTO uji VALUES (randomblob(4000))');
    db.tx(() => {
      for (let i = 0; i < 2000; i++) ins.run();
    });
    // This connection never checkpoints: only the thread can move the 8 MB from -wal into the file.
    const batas = Date.now() + 5000;
    while (statSync(file).size < awal + 8_000_000 && Date.now() < batas) await new Promise((r) => setTimeout(r, 50));
    assert.ok(statSync(file).size >= awal + 8_000_000, `berkas basis data tetap ${statSync(file).size} byte`);
    db.close();
    assert.equal(existsSync(`${file}-wal`), false); // closed last, cleanly
    const lagi = openDatabase(file);
    assert.equal((lagi.sqlite.prepare('SELECT count(*) AS n FROM uji').get() as { n: number }).n, 2000);
    lagi.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('where the host forbids Atomics.wait (Electron main process), closing still waits for the thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-test-'));
  const file = join(dir, 'b.sqlite');
  const wait = Atomics.wait;
  try {
    const sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('CREATE TABLE uji (x TEXT); INSERT INTO uji VALUES (1)');
    const latar = checkpointLatar(file, () => {}, 250, 300); // the thread takes 300 ms to close
    Atomics.wait = () => {
      throw new TypeError('Atomics.wait cannot be called in this context');
    };
    const t = Date.now();
    latar.tutup();
    Atomics.wait = wait;
    assert.ok(Date.now() - t >= 250, 'tutup() returned before the thread had closed');
    sqlite.close();
    // Only the last connection to close removes the -wal file: the thread's was closed before.
    assert.equal(existsSync(`${file}-wal`), false);
  } finally {
    Atomics.wait = wait;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a value kept by db.ingat is read again after any write: this window\'s, another program\'s, never a rolled-back one', () => {
  const t = tempDb();
  const lain = openDatabase(t.db.file);
  try {
    let bacaan = 0;
    const operator = () => t.db.ingat('operator', () => (bacaan++, (t.db.sqlite.prepare("SELECT nilai FROM pengaturan WHERE kunci = 'operator'").pluck().get() as string)));
    assert.equal(operator(), 'Penguji');
    assert.equal(operator(), 'Penguji');
    assert.equal(bacaan, 1, 'nothing changed: read once');
    t.db.sqlite.prepare("UPDATE pengaturan SET nilai = 'Rina' WHERE kunci = 'operator'").run();
    assert.equal(operator(), 'Rina', 'this connection wrote');
    lain.sqlite.prepare("UPDATE pengaturan SET nilai = 'Budi' WHERE kunci = 'operator'").run();
    assert.equal(operator(), 'Budi', 'another connection (the CLI, a second window) committed');
    assert.throws(() =>
      t.db.tx(() => {
        t.db.sqlite.prepare("UPDATE pengaturan SET nilai = 'Batal' WHERE kunci = 'operator'").run();
        assert.equal(operator(), 'Batal');
        throw new Error('batal');
      }),
    );
    assert.equal(operator(), 'Budi', 'the rolled-back value is not kept');
  } finally {
    lain.close();
    t.cleanup();
  }
});
