import { awal } from './001_awal';
import { laporan } from './002_laporan';
import { proposal } from './003_proposal';
import { sinkron } from './004_sinkron';
import { dtsen } from './005_dtsen';
import { mitra } from './006_mitra';
import { target } from './007_target';
import { angkaLaporan } from './008_angka_laporan';
import { dasborPerKelompok } from './009_dasbor_per_kelompok';
import { dtsenPerSnapshot } from './010_dtsen_per_snapshot';
import { rekapLaporanProvinsi } from './011_rekap_laporan_provinsi';
import { dtsenRingkasan } from './012_dtsen_ringkasan';
import type Database from 'better-sqlite3';

export interface Migration {
  /** Consecutive from 1; PRAGMA user_version holds the last one applied. */
  versi: number;
  nama: string;
  /** SQL run in one transaction. */
  up: string;
  /** Steps SQL alone cannot say (tables named after rows), run after `up` in the same transaction. */
  setelah?: (sqlite: Database.Database) => void;
}

/** Append-only: never edit a migration that has shipped; add the next one. */
export const MIGRATIONS: readonly Migration[] = [awal, laporan, proposal, sinkron, dtsen, mitra, target, angkaLaporan, dasborPerKelompok, dtsenPerSnapshot, rekapLaporanProvinsi, dtsenRingkasan];

export const SCHEMA_VERSION = MIGRATIONS.length;
