import { AppError } from '../main/common/errors';
import { KOLOM_SINKRON } from '../main/common/register';
import type { Db } from './connection';
import { uuidv7 } from './ids';
import type { Schema, SyncedTable } from './schema';

/** The fields a caller may write: everything but the sync columns, which this module stamps. */
export type Fields<T extends SyncedTable> = Omit<Schema[T], 'id' | 'kabupaten_kode' | 'created_at' | 'updated_at' | 'deleted_at'>;

/** What a new row needs: every column that may not be empty; nullable ones may be left out (they start empty). */
export type Isian<T extends SyncedTable> = { [K in keyof Fields<T> as null extends Fields<T>[K] ? never : K]: Fields<T>[K] } & { [K in keyof Fields<T> as null extends Fields<T>[K] ? K : never]?: Fields<T>[K] };

const SYNC_COLUMNS = new Set(Object.keys(KOLOM_SINKRON));

type Row = Record<string, unknown>;

/**
 * Every write to a synced table goes through here: it stamps the sync columns (UUIDv7, owner,
 * hybrid-clock times, tombstones), appends to the change log (what a bundle ships) and to the
 * audit trail (who changed which field from what to what). Call inside db.tx for atomic batches;
 * each call is atomic on its own.
 */
export class RecordWriter {
  constructor(
    private readonly db: Db,
    readonly operator: string,
    readonly kabupatenKode: string,
  ) {}

  static forDb(db: Db): RecordWriter {
    const rows = db.sqlite.prepare("SELECT kunci, nilai FROM pengaturan WHERE kunci IN ('operator','kabupaten_kode')").all() as { kunci: string; nilai: string }[];
    const get = (k: string) => rows.find((r) => r.kunci === k)?.nilai;
    const kabupaten = get('kabupaten_kode');
    if (!kabupaten) throw new AppError('BELUM_DISIAPKAN', 'Aplikasi belum disiapkan. Pilih kabupaten/kota atau mode provinsi pada layar Persiapan lebih dulu.');
    if (kabupaten === '35') throw new AppError('MODE_PROVINSI', 'Mode provinsi hanya membaca data kabupaten/kota; perubahan dilakukan oleh kabupaten/kota lalu dikirim lewat bundel.');
    return new RecordWriter(db, get('operator') || 'operator', kabupaten);
  }

  find<T extends SyncedTable>(table: T, id: string): Schema[T] | undefined {
    return this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Schema[T] | undefined;
  }

  insert<T extends SyncedTable>(table: T, values: Isian<T>, aksi: 'buat' | 'impor' = 'buat', alasan: string | null = null): string {
    return this.db.tx(() => {
      const id = uuidv7();
      const hlc = this.db.clock.now();
      const row: Row = { ...stripSync(values as Row), id, kabupaten_kode: this.kabupatenKode, created_at: hlc, updated_at: hlc, deleted_at: null };
      const columns = Object.keys(row);
      this.db
        .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`)
        .run(row);
      this.log(table, id, hlc, 'upsert');
      const perubahan = Object.fromEntries(Object.entries(stripSync(values as Row)).filter(([, v]) => v !== null && v !== '').map(([k, v]) => [k, [null, v] as [unknown, unknown]]));
      this.audit(table, id, aksi, perubahan, alasan);
      return id;
    });
  }

  /** Writes the fields that differ; returns the names of those fields (empty: nothing changed, nothing logged). */
  update<T extends SyncedTable>(table: T, id: string, patch: Partial<Fields<T>>, aksi: 'ubah' | 'impor' = 'ubah', alasan: string | null = null): string[] {
    return this.db.tx(() => {
      const before = this.find(table, id) as Row | undefined;
      if (!before || before.deleted_at) throw new AppError('TIDAK_DITEMUKAN', 'Data yang akan diubah tidak ditemukan atau sudah dihapus. Muat ulang daftar.');
      const changes = Object.entries(stripSync(patch as Row)).filter(([k, v]) => v !== undefined && !same(before[k], v));
      if (changes.length === 0) return [];
      const hlc = this.db.clock.now();
      const sets = changes.map(([k]) => `${k} = @${k}`).join(', ');
      this.db.prepare(`UPDATE ${table} SET ${sets}, updated_at = @__hlc WHERE id = @__id`).run({ ...Object.fromEntries(changes), __hlc: hlc, __id: id });
      this.log(table, id, hlc, 'upsert');
      this.audit(table, id, aksi, Object.fromEntries(changes.map(([k, v]) => [k, [before[k] ?? null, v]])), alasan);
      return changes.map(([k]) => k);
    });
  }

  /** Tombstone: the row stays, marked deleted, so the deletion itself can travel and be undone. */
  remove(table: SyncedTable, id: string, alasan: string | null = null): void {
    this.db.tx(() => {
      const before = this.find(table, id);
      if (!before || before.deleted_at) throw new AppError('TIDAK_DITEMUKAN', 'Data yang akan dihapus tidak ditemukan atau sudah dihapus. Muat ulang daftar.');
      const hlc = this.db.clock.now();
      this.db.prepare(`UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(hlc, hlc, id);
      this.log(table, id, hlc, 'delete');
      this.audit(table, id, 'hapus', { deleted_at: [null, hlc] }, alasan);
    });
  }

  restore(table: SyncedTable, id: string): void {
    this.db.tx(() => {
      const before = this.find(table, id);
      if (!before || !before.deleted_at) throw new AppError('TIDAK_DITEMUKAN', 'Data yang akan dipulihkan tidak ditemukan di daftar terhapus.');
      const hlc = this.db.clock.now();
      this.db.prepare(`UPDATE ${table} SET deleted_at = NULL, updated_at = ? WHERE id = ?`).run(hlc, id);
      this.log(table, id, hlc, 'upsert');
      this.audit(table, id, 'pulihkan', { deleted_at: [before.deleted_at, null] }, null);
    });
  }

  private log(table: string, id: string, hlc: string, op: 'upsert' | 'delete'): void {
    this.db.prepare('INSERT INTO change_log (tabel, row_id, hlc, op) VALUES (?, ?, ?, ?)').run(table, id, hlc, op);
  }

  private audit(table: string, id: string, aksi: string, perubahan: Record<string, [unknown, unknown]>, alasan: string | null): void {
    this.db.sqlite
      .prepare('INSERT INTO audit (id, kabupaten_kode, waktu, operator, tabel, row_id, aksi, perubahan, alasan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(this.db.idAudit.next(), this.kabupatenKode, new Date().toISOString(), this.operator, table, id, aksi, JSON.stringify(perubahan), alasan);
  }
}

function stripSync(values: Row): Row {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => !SYNC_COLUMNS.has(k) && v !== undefined));
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
