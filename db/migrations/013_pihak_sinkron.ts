import type { Migration } from './migration';

// The other side of the sync (at a district the province, at the province every registered district) had the
// table name "mitra", which is also the partner domain (offtakers, MoUs). It gets a name of its own.
export const pihakSinkron: Migration = {
  versi: 13,
  nama: 'tabel pihak sinkronisasi (dulu mitra)',
  up: `ALTER TABLE mitra RENAME TO pihak_sinkron;`,
};
