import type { Migration } from './migration';

// Electronic signatures (TTE): the proposal's covering letter is exported ready for signing ("menunggu TTE"), the
// signed PDF comes back (kept as an attachment by its SHA-256, travelling in bundles like photos) with the verdict of
// its verification. The trust store of roots (local: the province adds them and sends them in the reference bundle)
// and each office's own verification of a signed PDF by its hash (the province verifies again on import).
export const tte: Migration = {
  versi: 22,
  nama: 'tanda tangan elektronik',
  up: `
    ALTER TABLE proposal ADD COLUMN tte_status TEXT CHECK (tte_status IN ('menunggu', 'ditandatangani', 'tidak_sah'));
    ALTER TABLE proposal ADD COLUMN tte_hash TEXT;
    ALTER TABLE proposal ADD COLUMN tte_hasil TEXT;
    CREATE TABLE tte_akar (
      sidik_jari TEXT PRIMARY KEY NOT NULL,
      pem TEXT NOT NULL,
      nama TEXT NOT NULL,
      penerbit TEXT NOT NULL,
      berlaku_sampai TEXT NOT NULL,
      sumber TEXT NOT NULL CHECK (sumber IN ('kantor', 'provinsi')),
      ditambahkan_pada TEXT NOT NULL
    );
    CREATE TABLE tte_periksa (
      hash TEXT PRIMARY KEY NOT NULL,
      hasil TEXT NOT NULL,
      diperiksa_pada TEXT NOT NULL
    );
  `,
};
