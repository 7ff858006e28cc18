import type { Migration } from './migration';

// The attachments' bytes (report photos, signed letters: named by their SHA-256) where the database is the
// province's PostgreSQL server, which every officer reaches and no shared folder beside it does. On a SQLite file they
// stay in the folder beside the file (services/laporan/foto.ts) and this table stays empty.
// Each bundle received names the officer who imported it (several import at the province).
// On the server, reports are also indexed by month: PostgreSQL's planner otherwise reads every report for the
// dashboard's two months (SQLite's walks the kelompok-first index it is told to use); and the province's dashboard is
// kept per state of the data, which each write transaction moves on (main/api/server-provinsi.ts, bacaTersimpan).
export const lampiranServer: Migration = {
  versi: 23,
  nama: 'lampiran di server, pengimpor bundel',
  up: `
    CREATE TABLE lampiran_isi (
      hash TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
      data BLOB NOT NULL,
      disimpan_pada TEXT NOT NULL
    );
    ALTER TABLE bundle_masuk ADD COLUMN diimpor_oleh TEXT;
  `,
  pg: `
    CREATE TABLE lampiran_isi (
      hash TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
      data BYTEA NOT NULL,
      disimpan_pada TEXT COLLATE "C" NOT NULL
    );
    ALTER TABLE bundle_masuk ADD COLUMN diimpor_oleh TEXT COLLATE "C";
    CREATE INDEX laporan_periode ON laporan_bulanan (periode) WHERE deleted_at IS NULL;
    CREATE TABLE perubahan_data (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, waktu TEXT COLLATE "C" NOT NULL);
    CREATE UNLOGGED TABLE cache_baca (kunci TEXT COLLATE "C" PRIMARY KEY, versi BIGINT NOT NULL, isi TEXT NOT NULL);
  `,
};
