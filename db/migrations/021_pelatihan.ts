import type { Migration } from './migration';

const sync = `
  id TEXT PRIMARY KEY NOT NULL,
  kabupaten_kode TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

// Facilitator capacity building: training events (date, topic, organiser — a university under an MoU, the province,
// the district — hours) and their participants (a facilitator, pre- and post-test scores, certificate number).
// Synced records like the other partner records: they travel to the province in bundles.
export const pelatihan: Migration = {
  versi: 21,
  nama: 'pelatihan fasilitator',
  up: `
    CREATE TABLE pelatihan (${sync},
      tanggal TEXT NOT NULL,
      judul TEXT NOT NULL,
      topik TEXT NOT NULL,
      penyelenggara TEXT NOT NULL,
      mou_id TEXT REFERENCES mou(id),
      jam REAL,
      tempat TEXT,
      catatan TEXT
    );
    CREATE TABLE pelatihan_peserta (${sync},
      pelatihan_id TEXT NOT NULL REFERENCES pelatihan(id),
      fasilitator_id TEXT NOT NULL REFERENCES fasilitator(id),
      nilai_pre REAL,
      nilai_post REAL,
      nomor_sertifikat TEXT
    );
    CREATE INDEX pelatihan_peserta_fasilitator ON pelatihan_peserta(fasilitator_id);
    CREATE INDEX pelatihan_peserta_pelatihan ON pelatihan_peserta(pelatihan_id);
  `,
};
