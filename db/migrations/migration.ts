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
  /**
   * The step on the province's PostgreSQL server, where `up` (through db/postgres/dialek.ts) and `setelah` cannot say it:
   * a server's schema is always built from nothing (its rows are copied after the last migration), so data steps go.
   */
  pg?: string;
}
