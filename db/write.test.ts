import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecordWriter } from './write';
import { riwayat } from '../main/services/pengaturan/audit';
import { snapshotCounts, tempDb } from '../test/db';

const kelompok = { nama: 'KUBE Uji', kecamatan_kode: '35.07.01', desa_kode: '35.07.01.2001', sektor: 'Jasa', produk_utama: null, tahun_berdiri: 2020, status: 'aktif' as const, fasilitator_id: null, catatan: null, tampil_publik: null };

test('insert stamps the sync columns and logs the change and the audit entry', () => {
  const t = tempDb();
  try {
    const w = RecordWriter.forDb(t.db);
    const id = w.insert('kelompok', kelompok);
    const row = w.find('kelompok', id)!;
    assert.match(row.id, /^[0-9a-f-]{36}$/);
    assert.equal(row.kabupaten_kode, '35.07');
    assert.equal(row.created_at, row.updated_at);
    assert.equal(row.deleted_at, null);
    const log = t.db.sqlite.prepare('SELECT tabel, row_id, op FROM change_log').all();
    assert.deepEqual(log, [{ tabel: 'kelompok', row_id: id, op: 'upsert' }]);
    assert.equal(riwayat(t.db, 'kelompok', id)[0]!.operator, 'Penguji');
  } finally {
    t.cleanup();
  }
});

test('update records which fields changed from what to what; an unchanged save logs nothing', () => {
  const t = tempDb();
  try {
    const w = RecordWriter.forDb(t.db);
    const id = w.insert('kelompok', kelompok);
    const before = w.find('kelompok', id)!;
    assert.deepEqual(w.update('kelompok', id, { ...kelompok, nama: 'KUBE Uji Baru', tahun_berdiri: 2021 }), ['nama', 'tahun_berdiri']);
    const after = w.find('kelompok', id)!;
    assert.ok(after.updated_at > before.updated_at);
    const entry = riwayat(t.db, 'kelompok', id)[0]!;
    assert.equal(entry.aksi, 'ubah');
    assert.deepEqual(entry.perubahan, { nama: ['KUBE Uji', 'KUBE Uji Baru'], tahun_berdiri: [2020, 2021] });
    const counts = snapshotCounts(t.db);
    assert.deepEqual(w.update('kelompok', id, { ...kelompok, nama: 'KUBE Uji Baru', tahun_berdiri: 2021 }), []);
    assert.deepEqual(snapshotCounts(t.db), counts);
  } finally {
    t.cleanup();
  }
});

test('delete leaves a tombstone that can be restored; nothing is removed', () => {
  const t = tempDb();
  try {
    const w = RecordWriter.forDb(t.db);
    const id = w.insert('kelompok', kelompok);
    w.remove('kelompok', id, 'salah input');
    assert.ok(w.find('kelompok', id)!.deleted_at);
    assert.throws(() => w.update('kelompok', id, { nama: 'x' }), /sudah dihapus/);
    w.restore('kelompok', id);
    assert.equal(w.find('kelompok', id)!.deleted_at, null);
    const ops = (t.db.sqlite.prepare('SELECT op FROM change_log ORDER BY seq').all() as { op: string }[]).map((r) => r.op);
    assert.deepEqual(ops, ['upsert', 'delete', 'upsert']);
    assert.equal(riwayat(t.db, 'kelompok', id).find((e) => e.aksi === 'hapus')!.alasan, 'salah input');
  } finally {
    t.cleanup();
  }
});

test('a failure halfway through a transaction leaves nothing behind', () => {
  const t = tempDb();
  try {
    const w = RecordWriter.forDb(t.db);
    const counts = snapshotCounts(t.db);
    assert.throws(() =>
      t.db.tx(() => {
        w.insert('kelompok', kelompok);
        w.insert('kelompok', { ...kelompok, fasilitator_id: 'tidak-ada' }); // foreign key fails
      }),
    );
    assert.deepEqual(snapshotCounts(t.db), counts);
  } finally {
    t.cleanup();
  }
});

test('the history reads in the order it was written, even when every entry falls in the same millisecond', (t) => {
  // The wall clock stands still: ids and order may not depend on the millisecond or on random bits.
  t.mock.method(Date, 'now', () => Date.parse('2026-11-30T08:00:00.000Z'));
  const db = tempDb();
  try {
    const w = RecordWriter.forDb(db.db);
    for (let i = 0; i < 30; i++) {
      const id = w.insert('kelompok', kelompok);
      w.update('kelompok', id, { nama: `KUBE Uji ${i}` });
      w.remove('kelompok', id, 'uji');
      w.restore('kelompok', id);
      assert.deepEqual(riwayat(db.db, 'kelompok', id).map((e) => e.aksi), ['pulihkan', 'hapus', 'ubah', 'buat']);
    }
    const ids = (db.db.sqlite.prepare('SELECT id FROM audit ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
    assert.deepEqual([...ids].sort(), ids, 'ids increase in the order they were written');
  } finally {
    db.cleanup();
  }
});
