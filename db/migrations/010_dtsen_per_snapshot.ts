import type { Migration } from './migration';

// Each DTKS/DT-SEN snapshot becomes its own table `dtsen_ekstrak_<nomor>` (rowid = row number in the file)
// holding only what matching and the officer use: NIK, name, birth date, region code, desil. A new
// extract then builds the NIK index of its own rows only (the shared table rebuilt the index of every
// older snapshot on each import), and deleting a snapshot is a DROP TABLE. The columns nobody read
// (no. KK, sex, ID DTKS, an unused normalised name) are no longer kept: data minimisation, UU 27/2022.
// Frozen: the DDL is written here as it was at version 10, not imported from the service.
export const dtsenPerSnapshot: Migration = {
  versi: 10,
  nama: 'DTKS/DT-SEN: satu tabel per snapshot, hanya kolom yang dipakai',
  up: `
    ALTER TABLE dtsen_snapshot ADD COLUMN nomor INTEGER;
    UPDATE dtsen_snapshot SET nomor = rowid;
    CREATE UNIQUE INDEX dtsen_snapshot_nomor ON dtsen_snapshot(nomor);
  `,
  setelah(sqlite) {
    const snapshots = sqlite.prepare('SELECT id, nomor FROM dtsen_snapshot').all() as { id: string; nomor: number }[];
    for (const s of snapshots) {
      const t = `dtsen_ekstrak_${Number(s.nomor)}`;
      sqlite.exec(`CREATE TABLE ${t} (baris INTEGER PRIMARY KEY, nik TEXT, nama TEXT, tanggal_lahir TEXT, kode_wilayah TEXT, desil INTEGER)`);
      sqlite.prepare(`INSERT INTO ${t} SELECT baris, nik, nama, tanggal_lahir, kode_wilayah, desil FROM dtsen_baris WHERE snapshot_id = ? ORDER BY baris`).run(s.id);
      sqlite.exec(`CREATE INDEX ${t}_nik ON ${t}(nik)`);
    }
    sqlite.exec('DROP TABLE dtsen_baris');
  },
  pg: `
    ALTER TABLE dtsen_snapshot ADD COLUMN nomor BIGINT;
    CREATE UNIQUE INDEX dtsen_snapshot_nomor ON dtsen_snapshot(nomor);
    DROP TABLE dtsen_baris;
  `,
};
