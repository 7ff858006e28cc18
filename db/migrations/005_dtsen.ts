import type { Migration } from './migration';

export const dtsen: Migration = {
  versi: 5,
  nama: 'DTKS/DT-SEN: snapshot ekstrak Dinas Sosial dan hasil pencocokan',
  up: `
    -- Extracts from Dinas Sosial stay in this installation (personal data of whole districts): never synced.
    CREATE TABLE dtsen_snapshot (
      id TEXT PRIMARY KEY NOT NULL,
      sumber TEXT NOT NULL CHECK (sumber IN ('DTKS','DTSEN')),
      tanggal_data TEXT NOT NULL,
      nama_berkas TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      jumlah_baris INTEGER NOT NULL,
      jumlah_ditolak INTEGER NOT NULL,
      diimpor_pada TEXT NOT NULL,
      operator TEXT NOT NULL
    );
    CREATE TABLE dtsen_baris (
      snapshot_id TEXT NOT NULL REFERENCES dtsen_snapshot(id) ON DELETE CASCADE,
      baris INTEGER NOT NULL,
      nik TEXT,
      no_kk TEXT,
      nama TEXT,
      nama_norm TEXT,
      tanggal_lahir TEXT,
      jenis_kelamin TEXT,
      kode_wilayah TEXT,
      desil INTEGER,
      id_dtks TEXT
    );
    CREATE INDEX dtsen_baris_nik ON dtsen_baris(snapshot_id, nik);
    CREATE INDEX dtsen_baris_lahir ON dtsen_baris(snapshot_id, tanggal_lahir);
    CREATE TABLE dtsen_hasil (
      anggota_id TEXT NOT NULL REFERENCES anggota(id),
      snapshot_id TEXT NOT NULL REFERENCES dtsen_snapshot(id) ON DELETE CASCADE,
      status TEXT NOT NULL,
      desil INTEGER,
      skor REAL,
      nama_dtsen TEXT,
      ganda INTEGER NOT NULL DEFAULT 0,
      dikonfirmasi INTEGER,
      diperbarui_pada TEXT NOT NULL,
      PRIMARY KEY (anggota_id, snapshot_id)
    );
  `,
};
