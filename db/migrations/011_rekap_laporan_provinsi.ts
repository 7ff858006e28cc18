import type { Migration } from './migration';

// The province's dashboard summed 24 months of reports of all 22 districts on every view (150,000 index
// entries, ~80 ms). At the province reports only change when a district's bundle is applied, so the
// sums per kabupaten and month are now kept in a small table that the bundle import recomputes for the
// sending district, in the same transaction (main/services/dasbor/dashboard.ts, rekapLaporanKabupaten).
// A district's dashboard reads its own 300 kelompok through the kelompok-first index, so the month-first
// laporan_periode index, which every imported report paid for, goes.
// Only submitted reports (not drafts), not deleted, of kelompok not deleted, as the dashboard counts.
export const rekapLaporanProvinsi: Migration = {
  versi: 11,
  nama: 'rekap laporan per kabupaten dan bulan di provinsi',
  up: `
    CREATE TABLE laporan_rekap_kabupaten (
      kabupaten_kode TEXT NOT NULL,
      periode TEXT NOT NULL,
      omzet REAL NOT NULL,
      biaya REAL NOT NULL,
      offtaker REAL NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (kabupaten_kode, periode)
    ) WITHOUT ROWID;
    INSERT INTO laporan_rekap_kabupaten
      SELECT k.kabupaten_kode, l.periode, coalesce(sum(l.omzet_angka), 0), coalesce(sum(l.biaya_angka), 0), coalesce(sum(l.offtaker_angka), 0), count(*)
      FROM kelompok k CROSS JOIN laporan_bulanan l INDEXED BY laporan_kelompok_dasbor ON l.kelompok_id = k.id
      WHERE k.deleted_at IS NULL AND l.deleted_at IS NULL AND l.status != 'draft'
        AND EXISTS (SELECT 1 FROM pengaturan WHERE kunci = 'mode' AND nilai = 'provinsi')
      GROUP BY 1, 2;
    DROP INDEX laporan_periode;
  `,
};
