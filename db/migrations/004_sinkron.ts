import type { Migration } from './migration';

export const sinkron: Migration = {
  versi: 4,
  nama: 'kunci, mitra, bundel sinkron',
  up: `
    -- This installation's own keys. Private keys never leave it (wrapped by the OS keychain where the app can).
    CREATE TABLE kunci (
      jenis TEXT PRIMARY KEY CHECK (jenis IN ('tanda_tangan','penerimaan')),
      publik TEXT NOT NULL,
      privat TEXT NOT NULL,
      pelindung TEXT NOT NULL,
      dibuat_pada TEXT NOT NULL
    );
    -- The other side: at a district the province; at the province every registered district.
    CREATE TABLE mitra (
      kode TEXT PRIMARY KEY,
      peran TEXT NOT NULL CHECK (peran IN ('kabupaten','provinsi')),
      nama TEXT NOT NULL,
      kunci_tanda_tangan TEXT NOT NULL,
      kunci_penerimaan TEXT,
      sidik_jari TEXT NOT NULL,
      didaftarkan_pada TEXT NOT NULL
    );
    CREATE TABLE bundle_keluar (
      seq INTEGER PRIMARY KEY,
      jenis TEXT NOT NULL,
      penuh INTEGER NOT NULL,
      dari_cl INTEGER NOT NULL,
      sampai_cl INTEGER NOT NULL,
      audit_sampai TEXT,
      ukuran INTEGER NOT NULL,
      nama_berkas TEXT NOT NULL,
      dibuat_pada TEXT NOT NULL
    );
    -- Hashes of attachments shipped, and in which bundle, so each travels once.
    CREATE TABLE lampiran_terkirim (hash TEXT NOT NULL, bundle_seq INTEGER NOT NULL, PRIMARY KEY (hash, bundle_seq));
    CREATE TABLE bundle_masuk (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      pengirim TEXT NOT NULL,
      jenis TEXT NOT NULL,
      seq INTEGER NOT NULL,
      penuh INTEGER NOT NULL,
      dari_cl INTEGER NOT NULL,
      sampai_cl INTEGER NOT NULL,
      audit_sampai TEXT,
      dibuat_pada TEXT NOT NULL,
      diterima_pada TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      ringkasan TEXT NOT NULL
    );
    CREATE INDEX bundle_masuk_pengirim ON bundle_masuk(pengirim, seq);
  `,
};
