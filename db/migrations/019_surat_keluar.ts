import type { Migration } from './migration';

// The office's register of outgoing letters (buku agenda surat keluar): every letter the app prints with a number
// the officer typed is kept with its date, subject and addressee, one row per letter (a proposal's covering letter,
// a year's cart-aid letter). A number belongs to one letter only. Local to the office: not synced.
export const suratKeluar: Migration = {
  versi: 19,
  nama: 'buku surat keluar',
  up: `
    CREATE TABLE surat_keluar (
      id TEXT PRIMARY KEY NOT NULL,
      nomor TEXT NOT NULL CHECK (length(nomor) BETWEEN 1 AND 100),
      tanggal TEXT NOT NULL,
      hal TEXT NOT NULL,
      tujuan TEXT NOT NULL,
      jenis TEXT NOT NULL CHECK (jenis IN ('proposal', 'gerobak')),
      rujukan TEXT NOT NULL,
      dicatat_pada TEXT NOT NULL,
      operator TEXT NOT NULL
    );
    CREATE UNIQUE INDEX surat_keluar_surat ON surat_keluar(jenis, rujukan);
    CREATE UNIQUE INDEX surat_keluar_nomor ON surat_keluar(nomor);
  `,
};
