import { test } from 'node:test';
import { platformNode } from '../main/api/platform';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';

import { backupIfDue, KEEP_PER_KIND, listBackups, makeBackup } from './backup';
import { AppContext } from '../main/api/context';
import { dispatch } from '../main/api/dispatch';
import { tempDb } from '../test/db';

test('the daily backup is made once a day and old backups are pruned to the last 14 of each kind', () => {
  const t = tempDb();
  try {
    const day = new Date(2025, 10, 5, 8, 0, 0);
    assert.ok(backupIfDue(t.db.sqlite, t.db.file, day));
    assert.equal(backupIfDue(t.db.sqlite, t.db.file, new Date(2025, 10, 5, 17, 0, 0)), null);
    assert.ok(backupIfDue(t.db.sqlite, t.db.file, new Date(2025, 10, 6, 8, 0, 0)));
    for (let i = 0; i < 20; i++) makeBackup(t.db.sqlite, t.db.file, 'manual', new Date(2025, 10, 7, 8, 0, i));
    const all = listBackups(t.db.file);
    assert.equal(all.filter((b) => b.jenis === 'manual').length, KEEP_PER_KIND);
    assert.equal(all.filter((b) => b.jenis === 'otomatis').length, 2);
    assert.equal(all[0]!.waktu, new Date(2025, 10, 7, 8, 0, 19).toISOString());
  } finally {
    t.cleanup();
  }
});

test('restoring a backup brings the data back, and the state before it is kept as a backup too', async () => {
  const t = tempDb();
  const file = t.db.file;
  t.db.close();
  const ctx = new AppContext(file, platformNode('uji'));
  try {
    const call = async (method: string, input: unknown) => {
      const r = await dispatch(ctx, method, input);
      assert.ok(r.ok, JSON.stringify(r));
      return r.data as never;
    };
    await call('kelompok.simpan', { nama: 'KUBE Sebelum', desa_kode: '35.07.01.2001', sektor: 'Jasa' });
    const cadangan: { nama: string } = await call('cadangan.buat', {});
    await call('kelompok.simpan', { nama: 'KUBE Sesudah', desa_kode: '35.07.01.2001', sektor: 'Jasa' });
    const restored: { sebelumnya: { nama: string; jenis: string } } = await call('cadangan.pulihkan', { nama: cadangan.nama });
    assert.equal(restored.sebelumnya.jenis, 'sebelum-pemulihan');
    const list: { rows: { nama: string }[] } = await call('kelompok.list', {});
    assert.deepEqual(list.rows.map((r) => r.nama), ['KUBE Sebelum']);
    // …and the restore itself can be undone
    await call('cadangan.pulihkan', { nama: restored.sebelumnya.nama });
    const again: { rows: { nama: string }[] } = await call('kelompok.list', {});
    assert.deepEqual(again.rows.map((r) => r.nama).sort(), ['KUBE Sebelum', 'KUBE Sesudah']);
  } finally {
    ctx.close();
    t.cleanup();
  }
});

test('a damaged backup is refused and the current database stays as it was', async () => {
  const t = tempDb();
  const file = t.db.file;
  const damaged = makeBackup(t.db.sqlite, file, 'manual');
  t.db.close();
  writeFileSync(damaged.path, 'rusak');
  const ctx = new AppContext(file, platformNode('uji'));
  try {
    await dispatch(ctx, 'kelompok.simpan', { nama: 'KUBE Tetap', desa_kode: '35.07.01.2001', sektor: 'Jasa' });
    const r = await dispatch(ctx, 'cadangan.pulihkan', { nama: damaged.nama });
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.error.message : '', /tidak dapat dipakai/);
    const list = await dispatch(ctx, 'kelompok.list', {});
    assert.equal(list.ok && (list.data as { total: number }).total, 1);
  } finally {
    ctx.close();
    t.cleanup();
  }
});
