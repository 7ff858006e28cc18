import type { Migration } from './migration';

const sync = `
  id TEXT PRIMARY KEY NOT NULL,
  kabupaten_kode TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

export const laporan: Migration = {
  versi: 2,
  nama: 'laporan bulanan, katalog indikator, foto dokumentasi',
  up: `
    -- Reference data owned by the province: each version kept whole (JSON), the highest is active.
    CREATE TABLE katalog_indikator (
      versi INTEGER PRIMARY KEY,
      nama TEXT NOT NULL,
      regulasi TEXT NOT NULL,
      berlaku_mulai TEXT NOT NULL,
      isi TEXT NOT NULL,
      diterapkan_pada TEXT NOT NULL
    );

    CREATE TABLE laporan_bulanan (${sync},
      kelompok_id TEXT NOT NULL REFERENCES kelompok(id),
      fasilitator_id TEXT REFERENCES fasilitator(id),
      periode TEXT NOT NULL CHECK (periode GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','diajukan','diverifikasi')),
      katalog_versi INTEGER NOT NULL,
      nilai TEXT NOT NULL DEFAULT '{}',
      diajukan_pada TEXT,
      diverifikasi_pada TEXT,
      diverifikasi_oleh TEXT
    );
    -- One live report per group per month.
    CREATE UNIQUE INDEX laporan_kelompok_periode ON laporan_bulanan(kelompok_id, periode) WHERE deleted_at IS NULL;
    CREATE INDEX laporan_periode ON laporan_bulanan(periode, status);

    CREATE TABLE foto_laporan (${sync},
      laporan_id TEXT NOT NULL REFERENCES laporan_bulanan(id),
      hash TEXT NOT NULL,
      mime TEXT NOT NULL,
      lebar INTEGER NOT NULL,
      tinggi INTEGER NOT NULL,
      ukuran INTEGER NOT NULL,
      keterangan TEXT
    );
    CREATE INDEX foto_laporan_laporan ON foto_laporan(laporan_id);
  `,
};
