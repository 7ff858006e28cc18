import type { Migration } from './migration';

// The dashboard filters by kelompok (kabupaten, kecamatan, fasilitator, sektor, status) and sums the
// reports of 24 months. Migration 8's index began with the month, so every report in the window was
// read and then looked up in kelompok, whatever the filter: 230 ms for one kabupaten at province scale.
// Two indexes holding the sums replace it: one begins with the kelompok (filters on kelompok walk the
// kelompok that pass and read each one's months as one run of entries), one with the month and the
// kabupaten (the province and one kabupaten sum each month with one seek, never touching kelompok); the
// second replaces laporan_periode, whose columns it begins with. Member counts per kabupaten get theirs.
export const dasborPerKelompok: Migration = {
  versi: 9,
  nama: 'indeks dasbor per kelompok dan per kabupaten',
  up: `
    DROP INDEX laporan_dasbor;
    CREATE INDEX laporan_kelompok_dasbor ON laporan_bulanan(kelompok_id, periode, status, omzet_angka, biaya_angka, offtaker_angka) WHERE deleted_at IS NULL;
    DROP INDEX laporan_periode;
    CREATE INDEX laporan_periode ON laporan_bulanan(periode, kabupaten_kode, status, deleted_at, omzet_angka, biaya_angka, offtaker_angka);
    CREATE INDEX anggota_kabupaten ON anggota(kabupaten_kode, created_at) WHERE deleted_at IS NULL;
  `,
};
