import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bersihkanTmpSistem } from './sementara';

test('what a killed run of the app left in the system temp folder (an unpacked workbook, its photos) goes at the next start; a running one keeps its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uji-tmp-'));
  try {
    const mati = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout; // a pid no longer running
    const sisa = join(dir, `bermantra-kiriman-${mati}-Ab12Cd`);
    mkdirSync(sisa);
    writeFileSync(join(sisa, '0-buku.xlsx'), 'x');
    writeFileSync(join(sisa, '1-3.jpg'), 'x');
    const unggahan = join(dir, `bermantra-${mati}-Zz99Yy`);
    mkdirSync(unggahan);
    const milikSendiri = join(dir, `bermantra-kiriman-${process.pid}-Qq11Ww`);
    mkdirSync(milikSendiri);
    const lain = join(dir, 'bermantra-test-Xx00Yy'); // a test's folder, not the app's
    mkdirSync(lain);
    assert.equal(bersihkanTmpSistem(dir), 2);
    assert.ok(!existsSync(sisa) && !existsSync(unggahan));
    assert.ok(existsSync(milikSendiri) && existsSync(lain));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
