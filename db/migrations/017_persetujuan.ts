import type { Migration } from './migration';

// Approval up the chain: Draf → Diajukan → Diverifikasi (district) → Diterima or Dikembalikan (province).
// The district's report carries the province's decision once it has applied it (three nullable columns, so bundles
// of older versions import); the province keeps every decision it took, with who and on which version of the report,
// in a table of its own that the acknowledgement bundle carries back.
export const persetujuan: Migration = {
  versi: 17,
  nama: 'persetujuan laporan oleh provinsi',
  up: `
    ALTER TABLE laporan_bulanan ADD COLUMN keputusan_provinsi TEXT CHECK (keputusan_provinsi IN ('diterima', 'dikembalikan'));
    ALTER TABLE laporan_bulanan ADD COLUMN alasan_provinsi TEXT;
    ALTER TABLE laporan_bulanan ADD COLUMN diputuskan_pada TEXT;
    CREATE TABLE keputusan_laporan (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      laporan_id TEXT NOT NULL,
      kabupaten_kode TEXT NOT NULL,
      periode TEXT NOT NULL,
      keputusan TEXT NOT NULL CHECK (keputusan IN ('diterima', 'dikembalikan')),
      alasan TEXT,
      versi TEXT NOT NULL,
      operator TEXT NOT NULL,
      waktu TEXT NOT NULL
    );
    CREATE INDEX keputusan_laporan_kabupaten ON keputusan_laporan(kabupaten_kode, laporan_id, id);
  `,
};
