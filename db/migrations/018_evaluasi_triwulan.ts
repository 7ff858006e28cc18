import type { Migration } from './migration';

// E-monev as the regulation's evaluation table: a year's target split into Triwulan I–IV (nullable: left empty, the
// target is split by default, and bundles of older versions import), and the district's explanation per quarter
// and indicator (faktor pendorong, penghambat, tindak lanjut, penanggung jawab), a synced record of its own.
export const evaluasiTriwulan: Migration = {
  versi: 18,
  nama: 'target triwulan dan penjelasan e-monev',
  up: `
    ALTER TABLE target_indikator ADD COLUMN target_t1 REAL CHECK (target_t1 >= 0);
    ALTER TABLE target_indikator ADD COLUMN target_t2 REAL CHECK (target_t2 >= 0);
    ALTER TABLE target_indikator ADD COLUMN target_t3 REAL CHECK (target_t3 >= 0);
    ALTER TABLE target_indikator ADD COLUMN target_t4 REAL CHECK (target_t4 >= 0);
    CREATE TABLE penjelasan_monev (
      id TEXT PRIMARY KEY NOT NULL,
      kabupaten_kode TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      tahun INTEGER NOT NULL,
      triwulan INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
      indikator TEXT NOT NULL,
      kecamatan_kode TEXT,
      faktor_pendorong TEXT,
      faktor_penghambat TEXT,
      tindak_lanjut TEXT,
      penanggung_jawab TEXT
    );
    CREATE INDEX penjelasan_monev_periode ON penjelasan_monev(tahun, triwulan, indikator);
  `,
};
