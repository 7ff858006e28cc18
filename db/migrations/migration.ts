import type Database from 'better-sqlite3';

/** One step of the schema. Append-only: a migration that has shipped is never edited; the next one is added. */
export interface Migration {
  /** Consecutive from 1; PRAGMA user_version holds the last one applied. */
  versi: number;
  nama: string;
  /** SQL run in one transaction. */
  up: string;
  /** Steps SQL alone cannot say (tables named after rows), run after `up` in the same transaction. */
  setelah?: (sqlite: Database.Database) => void;
}
