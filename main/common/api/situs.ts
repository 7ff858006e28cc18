import { z } from 'zod';
import { method, type FileRef } from '../contract-kit';

// The public dashboard website the app publishes from its data (static files, no server).

export interface RingkasanSitus {
  mode: 'provinsi' | 'kabupaten';
  /** The last complete month the figures cover, YYYY-MM. */
  bulan: string;
  /** The one date the site states: when its newest data was made. */
  tanggal_pembaruan: string;
  halaman: number;
  berkas: number;
  byte: number;
  dataset: number;
  kabupaten: { kode: string; nama: string; data_per: string | null }[];
}

export interface PratinjauSitus extends RingkasanSitus {
  /** The front page, its stylesheet inlined and without script, for a sandboxed preview. */
  html: string;
}

export const situsApi = {
  'situs.pratinjau': method(z.object({})).reads<PratinjauSitus>(),
  /** The whole site as one zip (folder `situs-bermantra/`), to copy to the web host or a USB stick. */
  'situs.unduh': method(z.object({})).reads<FileRef & { ringkasan: RingkasanSitus }>(),
};
