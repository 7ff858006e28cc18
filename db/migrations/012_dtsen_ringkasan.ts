import type { Migration } from './migration';

// The province sees each district's DT-SEN matching only as counts per kelompok (members with a result,
// matched, matched per desil), carried in every data bundle and replaced whole for the sender: no NIK,
// no name, no desil of a person. The extracts and per-member results never leave the district.
export const dtsenRingkasan: Migration = {
  versi: 12,
  nama: 'ringkasan DT-SEN per kelompok di provinsi',
  up: `
    CREATE TABLE dtsen_ringkasan (
      kelompok_id TEXT PRIMARY KEY NOT NULL,
      kabupaten_kode TEXT NOT NULL,
      sumber TEXT NOT NULL,
      tanggal_data TEXT NOT NULL,
      anggota INTEGER NOT NULL,
      cocok INTEGER NOT NULL,
      desil_1 INTEGER NOT NULL, desil_2 INTEGER NOT NULL, desil_3 INTEGER NOT NULL, desil_4 INTEGER NOT NULL, desil_5 INTEGER NOT NULL,
      desil_6 INTEGER NOT NULL, desil_7 INTEGER NOT NULL, desil_8 INTEGER NOT NULL, desil_9 INTEGER NOT NULL, desil_10 INTEGER NOT NULL
    );
    CREATE INDEX dtsen_ringkasan_kabupaten ON dtsen_ringkasan(kabupaten_kode);
  `,
};
