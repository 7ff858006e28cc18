import type pg from 'pg';
import { createQueryId, OperationNodeTransformer, PostgresQueryCompiler, type Compilable, type OperationNodeSource, type OperatorNode, type RootOperationNode } from 'kysely';
import { jalankanAsinkron, type Kerja, type Permintaan } from '../kueri';
import { kueriPg, nilaiPg } from './dialek';

// The province's server answering a piece of work (db/kueri.ts): each query rewritten once for PostgreSQL
// (dialek.ts), Kysely's queries compiled by Kysely's PostgreSQL compiler.

const kompiler = new PostgresQueryCompiler();

/** SQLite's LIKE ignores the case of letters; PostgreSQL's ILIKE does (the raw SQL's LIKE: dialek.ts). */
class LikeTanpaHuruf extends OperationNodeTransformer {
  protected override transformOperator(node: OperatorNode): OperatorNode {
    return node.operator === 'like' ? { ...node, operator: 'ilike' } : node.operator === 'not like' ? { ...node, operator: 'not ilike' } : node;
  }
}
const likeTanpaHuruf = new LikeTanpaHuruf();

function teksDanNilai(p: Exclude<Permintaan, { jenis: 'ingat' | 'lampiran' }>): { text: string; values: unknown[] } {
  if ('kysely' in p) {
    const node = likeTanpaHuruf.transformNode((p.kysely as Compilable<unknown> & OperationNodeSource).toOperationNode()) as RootOperationNode;
    const c = kompiler.compileQuery(node, createQueryId());
    return { text: c.sql, values: [...c.parameters] };
  }
  const k = kueriPg(p.sql);
  return { text: k.teks, values: nilaiPg(k, p.p) };
}

/** Runs a piece of work on one connection (the caller's transaction, if it opened one). */
export function jalankanServer<T>(klien: pg.ClientBase, kerja: Kerja<T>): Promise<T> {
  const layani = async (p: Permintaan): Promise<unknown> => {
    if (p.jenis === 'ingat') return jalankanAsinkron(p.baca(), layani);
    if (p.jenis === 'lampiran') return ((await klien.query<{ data: Buffer }>('SELECT data FROM lampiran_isi WHERE hash = $1', [p.hash])).rows[0]?.data ?? null);
    const r = await klien.query(teksDanNilai(p));
    if (p.jenis === 'all') return r.rows;
    if (p.jenis === 'get') return r.rows[0];
    return { changes: r.rowCount ?? 0 };
  };
  return jalankanAsinkron(kerja, layani);
}

/**
 * Runs a piece of work in a transaction of its own on a connection from the pool. `baca`: a read that sees one
 * state of the database from its first query to its last (REPEATABLE READ, READ ONLY): a dashboard read while an
 * import commits shows the figures before it or after it, never a mix.
 */
export async function dalamTransaksi<T>(pool: pg.Pool, kerja: (klien: pg.PoolClient) => Promise<T>, opsi: { baca?: boolean; isolasi?: 'SERIALIZABLE' | undefined } = {}): Promise<T> {
  const klien = await pool.connect();
  try {
    await klien.query(opsi.baca ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : opsi.isolasi ? `BEGIN ISOLATION LEVEL ${opsi.isolasi}` : 'BEGIN');
    const hasil = await kerja(klien);
    await klien.query('COMMIT');
    return hasil;
  } catch (error) {
    await klien.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    klien.release();
  }
}
