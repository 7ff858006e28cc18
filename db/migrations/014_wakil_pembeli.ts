import type { Migration } from './migration';

// A purchase agreement names who signs for the buyer and in which office: the signature line had the offtaker's
// contact (a phone number) instead. Nullable: agreements made before stay valid, bundles of older versions import.
export const wakilPembeli: Migration = {
  versi: 14,
  nama: 'wakil pembeli pada perjanjian',
  up: `
    ALTER TABLE perjanjian ADD COLUMN wakil_pembeli TEXT;
    ALTER TABLE perjanjian ADD COLUMN jabatan_wakil TEXT;
  `,
};
