import type { Migration } from './migration';

// Research extracts for a university under an MoU: whether the MoU allows data sharing and on what terms (purpose,
// responsible researcher, the approved variables), and the log of every extract written (local: who, when, which
// MoU, which variables, the manifest's hash). The pseudonym secret per MoU stays in the local settings table.
export const riset: Migration = {
  versi: 20,
  nama: 'ekstrak data riset per MoU',
  up: `
    ALTER TABLE mou ADD COLUMN berbagi_data INTEGER CHECK (berbagi_data IN (0, 1));
    ALTER TABLE mou ADD COLUMN tujuan_riset TEXT;
    ALTER TABLE mou ADD COLUMN peneliti TEXT;
    ALTER TABLE mou ADD COLUMN variabel_riset TEXT;
    CREATE TABLE riset_ekstrak (
      id TEXT PRIMARY KEY NOT NULL,
      mou_id TEXT NOT NULL,
      waktu TEXT NOT NULL,
      operator TEXT NOT NULL,
      variabel TEXT NOT NULL,
      baris INTEGER NOT NULL,
      hash TEXT NOT NULL
    );
  `,
};
