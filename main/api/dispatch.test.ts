import assert from 'node:assert/strict';
import test from 'node:test';
import { contract } from '../common/api';
import { tempDb } from '../../test/db';
import { AppContext } from './context';
import { dispatch } from './dispatch';
import { platformNode } from './platform';

test('while a long import holds the write transaction, methods that read answer and methods that write wait', async () => {
  const t = tempDb();
  const file = t.db.file;
  t.db.close();
  const ctx = new AppContext(file, platformNode('uji'));
  let lepas!: () => void;
  const gerbang = new Promise<void>((r) => (lepas = r));
  const job = ctx.tugas.mulai('impor uji', () => gerbang);
  try {
    // Read-only methods whose names the old rule did not know: they answer during the import.
    for (const [method, input] of [
      ['proposal.terbilang', { n: 2_500_000 }],
      ['monev.fasilitator', { periode: '2025-01' }],
      ['kelompok.list', {}],
    ] as const) {
      const r = await dispatch(ctx, method, input);
      assert.equal(r.ok, true, `${method}: ${JSON.stringify(r)}`);
    }
    const tulis = await dispatch(ctx, 'kelompok.simpan', { nama: 'KUBE Uji', desa_kode: '35.07.01.2001', sektor: 'Jasa' });
    assert.equal(tulis.ok, false);
    assert.equal(!tulis.ok && tulis.error.code, 'SEDANG_SIBUK');
    assert.match(!tulis.ok ? tulis.error.message : '', /Impor besar sedang berjalan/);
    // The job itself can always be followed and cancelled.
    assert.equal((await dispatch(ctx, 'tugas.status', { id: job.id })).ok, true);
  } finally {
    lepas();
    await ctx.tugas.tunggu(job.id);
    ctx.close();
    t.cleanup();
  }
});

test('every method of the contract says whether it reads or writes', () => {
  for (const [name, spec] of Object.entries(contract)) assert.ok(spec.akses === 'baca' || spec.akses === 'tulis', name);
  assert.equal(contract['kelompok.simpan'].akses, 'tulis');
  assert.equal(contract['sinkron.periksaBundel'].akses, 'baca');
});
