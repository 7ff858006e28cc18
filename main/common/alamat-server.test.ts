import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apakahUrlServer, bacaAlamatServer, opsiTls, tampilAlamat } from './alamat-server';
import { openDatabase } from '../../db/connection';
import { existsSync } from 'node:fs';

test('a server URL is read once: host, port, database, user, sslmode; the password never shown', () => {
  const a = bacaAlamatServer('postgres://petugas:r%40hasia@192.168.1.10:6543/bermantra?sslmode=require');
  assert.deepEqual(a, { host: '192.168.1.10', port: 6543, database: 'bermantra', user: 'petugas', password: 'r@hasia', sslmode: 'require' });
  assert.equal(tampilAlamat(a), 'postgres://petugas@192.168.1.10:6543/bermantra?sslmode=require');
  assert.equal(bacaAlamatServer('postgresql://p@server/db').port, 5432);
  assert.deepEqual(opsiTls(a), { rejectUnauthorized: false });
  assert.equal(opsiTls(bacaAlamatServer('postgres://p@h/d?sslmode=disable')), false);
  assert.deepEqual(opsiTls(bacaAlamatServer('postgres://p@h/d?sslmode=verify-full')), { rejectUnauthorized: true });
  assert.equal(apakahUrlServer(' POSTGRES://p@h/d'), true);
  assert.equal(apakahUrlServer('data/provinsi.sqlite'), false);
});

test('a wrong server URL is said in Indonesian with an example, before any connection', () => {
  assert.throws(() => bacaAlamatServer('postgres://192.168.1.10/bermantra'), /perlu nama pengguna .*Contoh: postgres:\/\//);
  assert.throws(() => bacaAlamatServer('postgres://p@h/'), /perlu nama host dan nama basis data/);
  assert.throws(() => bacaAlamatServer('postgres://p@h/d?sslmode=kadang'), /sslmode "kadang" tidak dikenal/);
  assert.throws(() => bacaAlamatServer('postgres://p@h/d?host=/tmp'), /Pilihan "host" .* tidak dikenal/);
  assert.throws(() => bacaAlamatServer('http://p@h/d'), /harus diawali postgres:\/\//);
});

test('a server URL where a database file is opened: refused plainly, no folder "postgres:" created', () => {
  assert.throws(() => openDatabase('postgres://petugas@127.0.0.1:5432/bermantra'), /belum dapat dibuka langsung .*pindah-ke-postgres/);
  assert.equal(existsSync('postgres:'), false);
});
