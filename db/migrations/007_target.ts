import type { Migration } from './migration';

export const target: Migration = {
  versi: 7,
  nama: 'target indikator e-monev',
  up: `
    CREATE TABLE target_indikator (
      id TEXT PRIMARY KEY NOT NULL,
      kabupaten_kode TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      tahun INTEGER NOT NULL,
      indikator TEXT NOT NULL,
      kecamatan_kode TEXT,
      nilai REAL NOT NULL CHECK (nilai >= 0),
      sumber TEXT NOT NULL DEFAULT 'kabupaten' CHECK (sumber IN ('kabupaten','provinsi'))
    );
    CREATE INDEX target_tahun ON target_indikator(tahun, indikator);
  `,
};
