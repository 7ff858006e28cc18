import type { Migration } from './migration';

const sync = `
  id TEXT PRIMARY KEY NOT NULL,
  kabupaten_kode TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

export const mitra: Migration = {
  versi: 6,
  nama: 'offtaker, perjanjian, gerobak, MoU perguruan tinggi, isu strategis, praktik baik',
  up: `
    CREATE TABLE offtaker (${sync},
      nama TEXT NOT NULL,
      jenis TEXT NOT NULL,
      kecamatan_kode TEXT,
      desa_kode TEXT,
      alamat TEXT,
      kontak TEXT,
      produk_dibutuhkan TEXT,
      kapasitas_bulan INTEGER,
      catatan TEXT
    );
    CREATE TABLE perjanjian (${sync},
      nomor TEXT NOT NULL,
      tanggal TEXT NOT NULL,
      kelompok_id TEXT NOT NULL REFERENCES kelompok(id),
      offtaker_id TEXT NOT NULL REFERENCES offtaker(id),
      produk TEXT NOT NULL,
      volume REAL NOT NULL,
      satuan TEXT NOT NULL,
      harga_satuan INTEGER NOT NULL,
      mulai TEXT NOT NULL,
      selesai TEXT NOT NULL,
      status TEXT NOT NULL,
      catatan TEXT
    );
    CREATE TABLE gerobak_diterima (${sync},
      kelompok_id TEXT NOT NULL REFERENCES kelompok(id),
      tahun INTEGER NOT NULL,
      jumlah REAL NOT NULL,
      kondisi TEXT NOT NULL,
      catatan TEXT
    );
    CREATE TABLE mou (${sync},
      perguruan_tinggi TEXT NOT NULL,
      nomor TEXT NOT NULL,
      tanggal TEXT NOT NULL,
      berlaku_sampai TEXT NOT NULL,
      ruang_lingkup TEXT NOT NULL,
      kontak TEXT,
      status TEXT NOT NULL,
      catatan TEXT
    );
    CREATE TABLE mou_kegiatan (${sync},
      mou_id TEXT NOT NULL REFERENCES mou(id),
      tanggal TEXT NOT NULL,
      kegiatan TEXT NOT NULL,
      kelompok_id TEXT REFERENCES kelompok(id),
      peserta REAL,
      hasil TEXT
    );
    CREATE TABLE isu (${sync},
      kategori TEXT NOT NULL,
      uraian TEXT NOT NULL,
      kecamatan_kode TEXT,
      kelompok_id TEXT REFERENCES kelompok(id),
      tanggal TEXT NOT NULL,
      sumber TEXT NOT NULL
    );
    CREATE TABLE tindak_lanjut (${sync},
      isu_id TEXT NOT NULL REFERENCES isu(id),
      uraian TEXT NOT NULL,
      penanggung_jawab TEXT NOT NULL,
      target TEXT,
      status TEXT NOT NULL
    );
    CREATE TABLE praktik_baik (${sync},
      judul TEXT NOT NULL,
      tanggal TEXT NOT NULL,
      kelompok_id TEXT REFERENCES kelompok(id),
      cerita TEXT NOT NULL
    );
    CREATE TABLE gerobak_penilaian (${sync},
      kelompok_id TEXT NOT NULL REFERENCES kelompok(id),
      tahun INTEGER NOT NULL,
      usaha_keliling INTEGER NOT NULL DEFAULT 0,
      keputusan TEXT CHECK (keputusan IN ('diusulkan','tidak')),
      catatan TEXT
    );
    CREATE UNIQUE INDEX gerobak_penilaian_kelompok_tahun ON gerobak_penilaian(kelompok_id, tahun) WHERE deleted_at IS NULL;
    CREATE INDEX perjanjian_kelompok ON perjanjian(kelompok_id);
    CREATE INDEX perjanjian_offtaker ON perjanjian(offtaker_id);
    CREATE INDEX mou_kegiatan_mou ON mou_kegiatan(mou_id);
    CREATE INDEX tindak_lanjut_isu ON tindak_lanjut(isu_id);
  `,
};
