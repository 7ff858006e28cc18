import type pg from 'pg';
import type { Db } from '../connection';

// Rows of a SQLite file sent to the province's server in batches (pindah-ke-postgres copies a whole province, the
// server import what the import wrote beside it): each batch one INSERT … SELECT from json_populate_recordset.

const PER_KIRIM = 2000;

/** A value for json_populate_recordset: exact integers as text, bytes in PostgreSQL's hex form, ±Infinity/NaN spelled. */
export function keJson(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (Buffer.isBuffer(v)) return `\\x${v.toString('hex')}`;
  return v;
}

export const kutip = (nama: string) => `"${nama.replace(/"/g, '""')}"`;

/** A table's own columns in a SQLite file, generated ones left out (hidden 2 and 3): PostgreSQL computes its copies. */
export function kolomTersimpan(db: Db, tabel: string): string[] {
  return db.sqlite.prepare('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid').pluck().all(tabel) as string[];
}

/**
 * Sends rows (values in `kolom`'s order, as better-sqlite3 reads them with safeIntegers) to a server table;
 * `konflik`: what a row already there does (ON CONFLICT …, the row there named `lama`). Returns the rows written.
 */
export class PengirimBaris {
  private kiriman: Record<string, unknown>[] = [];
  private ditulis = 0;
  private readonly daftar: string;

  constructor(
    private readonly klien: pg.ClientBase,
    private readonly tabel: string,
    private readonly kolom: readonly string[],
    private readonly konflik = '',
  ) {
    this.daftar = kolom.map(kutip).join(', ');
  }

  async tambah(baris: readonly unknown[]): Promise<void> {
    this.kiriman.push(Object.fromEntries(this.kolom.map((c, i) => [c, keJson(baris[i])])));
    if (this.kiriman.length >= PER_KIRIM) await this.kirim();
  }

  async selesai(): Promise<number> {
    await this.kirim();
    return this.ditulis;
  }

  private async kirim(): Promise<void> {
    if (!this.kiriman.length) return;
    const t = kutip(this.tabel);
    const r = await this.klien.query(`INSERT INTO ${t} AS lama (${this.daftar}) SELECT ${this.daftar} FROM json_populate_recordset(NULL::${t}, $1::json) ${this.konflik}`, [JSON.stringify(this.kiriman)]);
    this.ditulis += r.rowCount ?? 0;
    this.kiriman = [];
  }
}
