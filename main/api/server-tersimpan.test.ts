import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pilihBasisData } from './context';
import { platformNode, type Platform } from './platform';
import { simpanServerTersimpan } from './server-tersimpan';

// The server the window remembers (Pengaturan → Server basis data provinsi): kept without its password in the clear,
// opened at the next start; a file the app cannot read never keeps the app from opening.

test('the remembered server: password and key phrase wrapped on disk, unwrapped at start; --db and BERMANTRA_DB_URL come first', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'bermantra-server-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const platform = platformNode('uji', folder);
  const bawaan = join(folder, 'bermantra.sqlite');
  assert.deepEqual(pilihBasisData(platform, null, bawaan), { dbPath: bawaan, sandi: null, frasa: null });
  simpanServerTersimpan(platform, 'postgres://ani@10.0.0.5:5432/bermantra?sslmode=require', 'sandi-rahasia', 'frasa kunci provinsi');
  const isi = readFileSync(join(folder, 'server-provinsi.json'), 'utf8');
  assert.doesNotMatch(isi, /sandi-rahasia|frasa kunci provinsi/);
  assert.deepEqual(pilihBasisData(platform, null, bawaan), { dbPath: 'postgres://ani@10.0.0.5:5432/bermantra?sslmode=require', sandi: 'sandi-rahasia', frasa: 'frasa kunci provinsi' });
  assert.equal(pilihBasisData(platform, 'lain.sqlite', bawaan).dbPath, 'lain.sqlite');
  // Saved by the other door (another protector): the server opens without the password, to say so and offer to forget it.
  const lain: Platform = { ...platform, pelindung: { nama: 'pintu-lain', bungkus: (d) => d, buka: (d) => d } };
  assert.deepEqual(pilihBasisData(lain, null, bawaan), { dbPath: 'postgres://ani@10.0.0.5:5432/bermantra?sslmode=require', sandi: null, frasa: null });
  // A damaged file is as if none were saved: the app opens its file.
  writeFileSync(join(folder, 'server-provinsi.json'), '{ rusak');
  assert.deepEqual(pilihBasisData(platform, null, bawaan), { dbPath: bawaan, sandi: null, frasa: null });
});
