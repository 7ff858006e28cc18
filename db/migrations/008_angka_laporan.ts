import type { Migration } from './migration';

// The dashboard sums omzet, biaya and sales to offtakers over every report of 24 months. Reading them
// out of the JSON of each row was its slowest part: these generated columns are computed by SQLite
// from `nilai` (no write path can forget them), and the index holds them, so the sums never touch the rows.
export const angkaLaporan: Migration = {
  versi: 8,
  nama: 'kolom angka laporan untuk dasbor',
  up: `
    ALTER TABLE laporan_bulanan ADD COLUMN omzet_angka REAL GENERATED ALWAYS AS (json_extract(nilai, '$.omzet')) VIRTUAL;
    ALTER TABLE laporan_bulanan ADD COLUMN biaya_angka REAL GENERATED ALWAYS AS (json_extract(nilai, '$.biaya')) VIRTUAL;
    ALTER TABLE laporan_bulanan ADD COLUMN offtaker_angka REAL GENERATED ALWAYS AS (json_extract(nilai, '$.penjualan_offtaker')) VIRTUAL;
    CREATE INDEX laporan_dasbor ON laporan_bulanan(periode, status, kelompok_id, kabupaten_kode, omzet_angka, biaya_angka, offtaker_angka) WHERE deleted_at IS NULL;
  `,
};
