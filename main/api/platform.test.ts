import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import Database from 'better-sqlite3';
import { makeBackup } from '../../db/backup';
import { AppContext } from './context';
import { dispatch } from './dispatch';
import { BERKAS_KUNCI_PERANGKAT, platformNode } from './platform';

const mode = (path: string) => statSync(path).mode & 0o777;

function kunciTerbaca(file: string): boolean {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT privat FROM kunci').all() as { privat: string }[];
    assert.ok(rows.length > 0);
    return rows.some((r) => {
      try {
        createPrivateKey({ key: Buffer.from(r.privat, 'base64'), format: 'der', type: 'pkcs8' });
        return true;
      } catch {
        return false;
      }
    });
  } finally {
    db.close();
  }
}

test('outside Electron the private keys are wrapped by a device key kept apart; the database and its backups are owner-only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-platform-'));
  const folderData = join(dir, 'konfigurasi');
  const file = join(dir, 'data', 'bermantra.sqlite');
  try {
    const ctx = new AppContext(file, platformNode('uji', folderData));
    await dispatch(ctx, 'pengaturan.setup', { mode: 'provinsi', operator: 'Uji' });
    assert.equal((await dispatch(ctx, 'sinkron.buatKunci', {})).ok, true);
    const backup = makeBackup(ctx.db.sqlite, ctx.db.file, 'manual');
    ctx.close();

    assert.equal(kunciTerbaca(file), false, 'the database file alone does not yield the keys');
    assert.equal(kunciTerbaca(backup.path), false, 'a backup alone does not yield the keys');
    if (process.platform !== 'win32') {
      assert.equal(mode(file), 0o600);
      assert.equal(mode(backup.path), 0o600);
      assert.equal(mode(join(folderData, BERKAS_KUNCI_PERANGKAT)), 0o600);
    }
    // With the device key the keys work; with another device's key they are refused with a message.
    const lagi = new AppContext(file, platformNode('uji', folderData));
    assert.equal((await dispatch(lagi, 'sinkron.eksporIdentitas', {})).ok, true);
    lagi.close();
    const asing = new AppContext(file, platformNode('uji', join(dir, 'lain')));
    const r = await dispatch(asing, 'sinkron.eksporIdentitas', {});
    asing.close();
    assert.equal(!r.ok && r.error.code, 'KUNCI_TERKUNCI');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('keys an older version kept in the clear are wrapped the first time they are used', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-platform-'));
  const file = join(dir, 'bermantra.sqlite');
  try {
    const ctx = new AppContext(file, { ...platformNode('uji', join(dir, 'k')), pelindung: { nama: 'tanpa', bungkus: (d) => d, buka: (d) => d } });
    await dispatch(ctx, 'pengaturan.setup', { mode: 'provinsi', operator: 'Uji' });
    await dispatch(ctx, 'sinkron.buatKunci', {});
    ctx.close();
    assert.equal(kunciTerbaca(file), true);
    const baru = new AppContext(file, platformNode('uji', join(dir, 'k')));
    assert.equal((await dispatch(baru, 'sinkron.eksporIdentitas', {})).ok, true);
    baru.close();
    assert.equal(kunciTerbaca(file), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a decrypted bundle a crashed run left behind is removed the next time the database is opened', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-platform-'));
  const file = join(dir, 'bermantra.sqlite');
  try {
    const sementara = join(dir, '.bermantra-sementara');
    mkdirSync(sementara);
    // pid 2^22+1 is above Linux's pid_max default: no such process is running.
    writeFileSync(join(sementara, '4194305-a1b2c3-terima.tmp'), 'NIK 3507…');
    writeFileSync(join(dir, '.bermantra-terima-4194305-a1b2c3.tmp'), 'NIK 3507…');
    writeFileSync(join(sementara, `${process.pid}-d4e5f6-terima.tmp`), 'in use by this process');
    const ctx = new AppContext(file, platformNode('uji', join(dir, 'k')));
    ctx.close();
    assert.deepEqual(readdirSync(sementara), [`${process.pid}-d4e5f6-terima.tmp`]);
    assert.equal(existsSync(join(dir, '.bermantra-terima-4194305-a1b2c3.tmp')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
