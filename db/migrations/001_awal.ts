import type { Migration } from './migration';

const sync = `
  id TEXT PRIMARY KEY NOT NULL,
  kabupaten_kode TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

export const awal: Migration = {
  versi: 1,
  nama: 'awal: pengaturan, fasilitator, kelompok, anggota, change log, audit',
  up: `
    CREATE TABLE pengaturan (kunci TEXT PRIMARY KEY NOT NULL, nilai TEXT NOT NULL);

    CREATE TABLE fasilitator (${sync},
      nama TEXT NOT NULL,
      nik TEXT,
      no_hp TEXT,
      kecamatan_kode TEXT,
      desa_kode TEXT,
      status TEXT NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif','nonaktif'))
    );
    CREATE INDEX fasilitator_nama ON fasilitator(nama);

    CREATE TABLE kelompok (${sync},
      nama TEXT NOT NULL,
      kecamatan_kode TEXT NOT NULL,
      desa_kode TEXT NOT NULL,
      sektor TEXT NOT NULL,
      produk_utama TEXT,
      tahun_berdiri INTEGER,
      status TEXT NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif','tidak_aktif')),
      fasilitator_id TEXT REFERENCES fasilitator(id),
      catatan TEXT
    );
    CREATE INDEX kelompok_nama ON kelompok(nama);
    CREATE INDEX kelompok_wilayah ON kelompok(kecamatan_kode, desa_kode);
    CREATE INDEX kelompok_fasilitator ON kelompok(fasilitator_id);

    CREATE TABLE anggota (${sync},
      kelompok_id TEXT NOT NULL REFERENCES kelompok(id),
      nik TEXT NOT NULL,
      no_kk TEXT,
      nama TEXT NOT NULL,
      jenis_kelamin TEXT NOT NULL CHECK (jenis_kelamin IN ('L','P')),
      tanggal_lahir TEXT,
      alamat TEXT,
      desa_kode TEXT,
      jabatan TEXT NOT NULL DEFAULT 'anggota' CHECK (jabatan IN ('ketua','sekretaris','bendahara','anggota'))
    );
    CREATE INDEX anggota_nik ON anggota(nik);
    CREATE INDEX anggota_kelompok ON anggota(kelompok_id);
    CREATE INDEX anggota_nama ON anggota(nama);

    CREATE TABLE change_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      tabel TEXT NOT NULL,
      row_id TEXT NOT NULL,
      hlc TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upsert','delete'))
    );
    CREATE INDEX change_log_row ON change_log(tabel, row_id);

    CREATE TABLE audit (
      id TEXT PRIMARY KEY NOT NULL,
      kabupaten_kode TEXT NOT NULL,
      waktu TEXT NOT NULL,
      operator TEXT NOT NULL,
      tabel TEXT NOT NULL,
      row_id TEXT NOT NULL,
      aksi TEXT NOT NULL,
      perubahan TEXT NOT NULL,
      alasan TEXT
    );
    CREATE INDEX audit_row ON audit(tabel, row_id, waktu);
  `,
};
