import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from './connection';
import { baris, jalankan, satu, ubah, type Kerja } from './kueri';

// A piece of work runs on the SQLite file as a plain function call: its queries answered in order, a failing query
// thrown into the work (its finally runs, it may catch), a throw of the work reaching the caller.

test('jalankan: queries answered in order, a failing query thrown into the work, the work’s own throw reaching the caller', () => {
  const db = openDatabase(':memory:');
  try {
    const jejak: string[] = [];
    function* kerja(): Kerja<number> {
      yield* ubah("INSERT INTO pengaturan (kunci, nilai) VALUES ('uji', @n)", { n: '41' });
      try {
        yield* baris('SELECT * FROM tidak_ada');
      } catch (e) {
        jejak.push(String((e as Error).message));
      } finally {
        jejak.push('finally');
      }
      return Number((yield* satu<{ nilai: string }>("SELECT nilai FROM pengaturan WHERE kunci = 'uji'"))!.nilai) + 1;
    }
    assert.equal(jalankan(db, kerja()), 42);
    assert.deepEqual(jejak, ['no such table: tidak_ada', 'finally']);
    function* gagal(): Kerja<void> {
      yield* ubah("UPDATE pengaturan SET nilai = '0' WHERE kunci = 'uji'");
      throw new Error('berhenti');
    }
    // Inside db.tx the work's throw rolls back what it wrote.
    assert.throws(() => db.tx(() => jalankan(db, gagal())), /berhenti/);
    assert.equal(jalankan(db, satu<{ nilai: string }>("SELECT nilai FROM pengaturan WHERE kunci = 'uji'"))!.nilai, '41');
  } finally {
    db.close();
  }
});
