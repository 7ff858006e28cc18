import type pg from 'pg';
import type { Kerja } from '../kueri';
import { jalankanServer } from './kueri';

// A read many officers ask alike (the province's home screen), kept on the server per state of the data. The state is
// the number of write transactions committed (perubahan_data: every write on the server adds one row, in its own
// transaction), counted inside the reader's snapshot: a later snapshot sees every commit an earlier one saw, so one
// count is one state, and an answer kept for it is the answer that snapshot would compute. After a write every reader
// misses at once; the first computes while the others wait for it (an advisory lock per key) and take what it kept,
// instead of all computing the same thing on the same server.

/** The lock class of a kept read's computation (pg_advisory_lock(class, hashtext(key))). */
const KUNCI_TERSIMPAN = 3579;

export async function bacaTersimpanServer<T>(pool: pg.Pool, kunci: string, buat: () => Kerja<T>): Promise<T> {
  const klien = await pool.connect();
  let memegang = false;
  try {
    for (let coba = 0; ; coba++) {
      await klien.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let selesai = false;
      try {
        const versi = (await klien.query<{ n: number }>('SELECT count(*) AS n FROM perubahan_data')).rows[0]!.n;
        // An answer kept for this state or a later one (a later state is as whole as this one).
        const ada = (await klien.query<{ isi: string }>('SELECT isi FROM cache_baca WHERE kunci = $1 AND versi >= $2', [kunci, versi])).rows[0];
        if (ada) {
          await klien.query('COMMIT');
          selesai = true;
          return JSON.parse(ada.isi) as T;
        }
        if (coba === 0) {
          // Computing it is this reader's turn, or another officer's: then wait for them. Either way look again in a
          // new snapshot (one who just finished kept the answer after this snapshot began).
          memegang = (await klien.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [KUNCI_TERSIMPAN, kunci])).rows[0]!.ok;
          await klien.query('COMMIT');
          selesai = true;
          if (!memegang) {
            await klien.query('SELECT pg_advisory_lock($1, hashtext($2))', [KUNCI_TERSIMPAN, kunci]);
            await klien.query('SELECT pg_advisory_unlock($1, hashtext($2))', [KUNCI_TERSIMPAN, kunci]);
          }
          continue;
        }
        const nilai = await jalankanServer(klien, buat());
        await klien.query('COMMIT');
        selesai = true;
        // Kept only over an older state's answer; failing to keep it costs the next reader a computation, nothing more.
        await klien
          .query('INSERT INTO cache_baca AS c (kunci, versi, isi) VALUES ($1, $2, $3) ON CONFLICT (kunci) DO UPDATE SET versi = excluded.versi, isi = excluded.isi WHERE c.versi < excluded.versi', [kunci, versi, JSON.stringify(nilai)])
          .catch(() => undefined);
        return nilai;
      } finally {
        if (!selesai) await klien.query('ROLLBACK').catch(() => undefined);
      }
    }
  } finally {
    if (memegang) await klien.query('SELECT pg_advisory_unlock($1, hashtext($2))', [KUNCI_TERSIMPAN, kunci]).catch(() => undefined);
    klien.release();
  }
}
