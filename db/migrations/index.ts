import { awal } from './001_awal';
import { laporan } from './002_laporan';
import { proposal } from './003_proposal';
import { sinkron } from './004_sinkron';
import { dtsen } from './005_dtsen';
import { mitra } from './006_mitra';
import { target } from './007_target';
import { angkaLaporan } from './008_angka_laporan';
import { dasborPerKelompok } from './009_dasbor_per_kelompok';

export interface Migration {
  /** Consecutive from 1; PRAGMA user_version holds the last one applied. */
  versi: number;
  nama: string;
  /** SQL run in one transaction. */
  up: string;
}

/** Append-only: never edit a migration that has shipped; add the next one. */
export const MIGRATIONS: readonly Migration[] = [awal, laporan, proposal, sinkron, dtsen, mitra, target, angkaLaporan, dasborPerKelompok];

export const SCHEMA_VERSION = MIGRATIONS.length;
