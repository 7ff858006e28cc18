import type { Migration } from './migration';

// The public website shows a kelompok by name only where the office marked it so (default: counts only). Nullable:
// kelompok made before count as not marked, and bundles of older versions import.
export const tampilPublik: Migration = {
  versi: 15,
  nama: 'nama kelompok boleh tampil di situs publik',
  up: `ALTER TABLE kelompok ADD COLUMN tampil_publik INTEGER CHECK (tampil_publik IN (0, 1));`,
};
