import assert from 'node:assert/strict';
import test from 'node:test';
import { AppError } from '../../common/errors';
import { buatDemo } from '../demo/demo';
import { tempDb } from '../../../test/db';
import { dataUrlFoto, fotoUntukDokumen } from './foto';

test('a photo row whose name is a path (from an old or hostile bundle) opens no file outside the attachment folder', () => {
  const t = tempDb(null);
  try {
    buatDemo(t.db, { kelompok: 1, bulan: 1, seed: 1, kabupaten: '35.07' });
    const laporan = t.db.sqlite.prepare('SELECT id FROM laporan_bulanan LIMIT 1').get() as { id: string };
    const now = t.db.clock.now();
    const tambah = t.db.sqlite.prepare("INSERT INTO foto_laporan (id, kabupaten_kode, created_at, updated_at, laporan_id, hash, mime, lebar, tinggi, ukuran) VALUES (?, '35.07', ?, ?, ?, ?, ?, 1, 1, 1)");
    tambah.run('f-jalur', now, now, laporan.id, '../../../../etc/hostname', 'image/png');
    tambah.run('f-html', now, now, laporan.id, 'a'.repeat(64), 'text/html');
    for (const id of ['f-jalur', 'f-html']) assert.throws(() => dataUrlFoto(t.db, id), (e: AppError) => e.code === 'TIDAK_DITEMUKAN', id);
    assert.deepEqual(fotoUntukDokumen(t.db, laporan.id), []);
  } finally {
    t.cleanup();
  }
});
