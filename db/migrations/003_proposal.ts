import type { Migration } from './migration';

const sync = `
  id TEXT PRIMARY KEY NOT NULL,
  kabupaten_kode TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

export const proposal: Migration = {
  versi: 3,
  nama: 'proposal usaha dan RAB',
  up: `
    CREATE TABLE proposal (${sync},
      kelompok_id TEXT NOT NULL REFERENCES kelompok(id),
      judul TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','diajukan','disetujui','ditolak')),
      nilai_disetujui INTEGER,
      nomor_surat TEXT,
      tempat TEXT,
      tanggal TEXT,
      lampiran TEXT,
      perihal TEXT,
      dinas TEXT,
      -- JSON: the business-plan sections (latar belakang, analisis pasar, rencana usaha, penutup, …)
      isi TEXT NOT NULL DEFAULT '{}',
      -- JSON: modal investasi, biaya tetap per bulan, biaya variabel per unit, harga jual per unit, penjualan per bulan
      proyeksi TEXT NOT NULL DEFAULT '{}',
      kepala_desa TEXT,
      sertakan_omzet INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX proposal_kelompok ON proposal(kelompok_id);

    CREATE TABLE rab_item (${sync},
      proposal_id TEXT NOT NULL REFERENCES proposal(id),
      kelompok_belanja TEXT NOT NULL,
      urutan INTEGER NOT NULL,
      uraian TEXT NOT NULL,
      volume REAL NOT NULL CHECK (volume >= 0),
      satuan TEXT NOT NULL,
      harga_satuan INTEGER NOT NULL CHECK (harga_satuan >= 0)
    );
    CREATE INDEX rab_item_proposal ON rab_item(proposal_id, urutan);
  `,
};
