import type { Migration } from './migration';

// The attachments' bytes (report photos, signed letters: named by their SHA-256) where the database is the
// province's PostgreSQL server, which every officer reaches and no shared folder beside it does. On a SQLite file they
// stay in the folder beside the file (services/laporan/foto.ts) and this table stays empty.
export const lampiranServer: Migration = {
  versi: 23,
  nama: 'lampiran di server',
  up: `
    CREATE TABLE lampiran_isi (
      hash TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
      data BLOB NOT NULL,
      disimpan_pada TEXT NOT NULL
    );
  `,
};
