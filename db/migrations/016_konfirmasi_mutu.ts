import type { Migration } from './migration';

// Data quality: a value flagged as unusual (an outlier, a rule's warning) is confirmed by the officer with a note,
// which travels with the report to the province. JSON per indicator: {"omzet": {"nilai": …, "catatan": …, "oleh": …,
// "pada": …}}. Nullable: reports made before have none, and bundles of older versions import.
export const konfirmasiMutu: Migration = {
  versi: 16,
  nama: 'catatan konfirmasi nilai yang ditandai',
  up: `ALTER TABLE laporan_bulanan ADD COLUMN konfirmasi TEXT CHECK (konfirmasi IS NULL OR json_valid(konfirmasi));`,
};
