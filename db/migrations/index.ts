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
import { pihakSinkron } from './013_pihak_sinkron';
import { wakilPembeli } from './014_wakil_pembeli';
import { tampilPublik } from './015_tampil_publik';
import { konfirmasiMutu } from './016_konfirmasi_mutu';
import { persetujuan } from './017_persetujuan';
import { evaluasiTriwulan } from './018_evaluasi_triwulan';
import { suratKeluar } from './019_surat_keluar';
import { riset } from './020_riset';
import { pelatihan } from './021_pelatihan';
import { tte } from './022_tte';
import { lampiranServer } from './023_lampiran_server';
import type { Migration } from './migration';

export type { Migration };


/** Append-only: never edit a migration that has shipped; add the next one. */
export const MIGRATIONS: readonly Migration[] = [awal, laporan, proposal, sinkron, dtsen, mitra, target, angkaLaporan, dasborPerKelompok, dtsenPerSnapshot, rekapLaporanProvinsi, dtsenRingkasan, pihakSinkron, wakilPembeli, tampilPublik, konfirmasiMutu, persetujuan, evaluasiTriwulan, suratKeluar, riset, pelatihan, tte, lampiranServer];

export const SCHEMA_VERSION = MIGRATIONS.length;
