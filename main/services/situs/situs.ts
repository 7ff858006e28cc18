import { writeFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import type { Db } from '../../../db/connection';
import type { PratinjauSitus, RingkasanSitus } from '../../common/api';
import { hariIni } from '../../common/format';
import { CSS, JS } from './aset';
import { kumpulkanDataSitus, type DataSitus } from './data';
import { csvDataset, daftarDataset, metadataDataset } from './dataset';
import { buatPeta, halamanData, halamanIndex, halamanKabupaten, halamanPraktik, halamanWilayah } from './halaman';

// The programme's public website, made by the app from the data it holds: a folder of static files for any web host
// or a USB stick. The same data gives the same bytes (no time of export inside; the stated date is the data's).

/** The one folder inside the zip. */
export const FOLDER_ZIP = 'situs-bermantra';

export interface BerkasSitus {
  path: string;
  isi: string;
}

export interface HasilSitus {
  data: DataSitus;
  berkas: BerkasSitus[];
}

function lambangSvg(dataUrl: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="96" height="96" viewBox="0 0 96 96"><image width="96" height="96" preserveAspectRatio="xMidYMid meet" href="${dataUrl}" xlink:href="${dataUrl}"/></svg>\n`;
}

export function bangunSitus(db: Db, today = hariIni()): HasilSitus {
  return bangunSitusDari(kumpulkanDataSitus(db, today));
}

/** The website's pages from its data (read on the file or the province's server: kumpulkanDataSitusK). */
export function bangunSitusDari(d: DataSitus): HasilSitus {
  const peta = buatPeta(d);
  const datasets = daftarDataset(d);
  const berkas: BerkasSitus[] = [
    { path: 'index.html', isi: halamanIndex(d, peta) },
    { path: 'data.html', isi: halamanData(d, datasets) },
    { path: 'aset/situs.css', isi: CSS },
    { path: 'aset/situs.js', isi: JS },
  ];
  // The emblem as a small SVG file around the picture the office uploaded: one text file all pages point to.
  if (d.kontak.lambang) berkas.push({ path: 'aset/lambang.svg', isi: lambangSvg(d.kontak.lambang) });
  if (d.mode === 'provinsi') for (const w of d.kabupaten) berkas.push({ path: halamanKabupaten(w.kode), isi: halamanWilayah(d, w, peta) });
  if (d.praktik.length) berkas.push({ path: 'praktik.html', isi: halamanPraktik(d) });
  for (const ds of datasets) {
    berkas.push({ path: `data/${ds.id}.csv`, isi: csvDataset(ds) });
    berkas.push({ path: `data/${ds.id}.json`, isi: `${JSON.stringify({ metadata: metadataDataset(ds, d), data: ds.baris }, null, 1)}\n` });
  }
  const katalog = {
    judul: 'Katalog data terbuka Peti Koin Bermantra',
    produsen_data: d.produsen,
    tanggal_pembaruan: d.tanggal_pembaruan,
    periode: d.bulan,
    lisensi: 'CC BY 4.0',
    dataset: datasets.map((ds) => metadataDataset(ds, d)),
  };
  berkas.push({ path: 'data/katalog.json', isi: `${JSON.stringify(katalog, null, 1)}\n` });
  berkas.sort((a, b) => a.path.localeCompare(b.path));
  return { data: d, berkas };
}

export function ringkasanSitus(s: HasilSitus): RingkasanSitus {
  return {
    mode: s.data.mode,
    bulan: s.data.bulan,
    tanggal_pembaruan: s.data.tanggal_pembaruan,
    halaman: s.berkas.filter((b) => b.path.endsWith('.html')).length,
    berkas: s.berkas.length,
    byte: s.berkas.reduce((a, b) => a + Buffer.byteLength(b.isi), 0),
    dataset: s.berkas.filter((b) => b.path.startsWith('data/') && b.path.endsWith('.csv')).length,
    kabupaten: s.data.kabupaten.map((k) => ({ kode: k.kode, nama: k.nama, data_per: k.data_per })),
  };
}

/** The front page for a preview inside the app: stylesheet inlined, no script, links inert. */
export function pratinjauSitus(s: HasilSitus): PratinjauSitus {
  const index = s.berkas.find((b) => b.path === 'index.html')!.isi;
  const html = index
    .replace('<link rel="stylesheet" href="aset/situs.css">', `<style>${CSS}</style>`)
    .replace(/<script src="[^"]*"><\/script>/, '')
    .replace(/<head>/, '<head><base target="_blank">');
  return { ...ringkasanSitus(s), html };
}

/** The site as one zip, with the data's date on every entry (same data, same bytes). */
export function zipSitus(berkas: BerkasSitus[], tanggal: string): Uint8Array {
  const mtime = new Date(`${tanggal}T00:00:00Z`);
  return zipSync(Object.fromEntries(berkas.map((b) => [`${FOLDER_ZIP}/${b.path}`, [strToU8(b.isi), { mtime, level: 9 }]])));
}

/** The website as a zip the office saves (`keluar` names the file and gives its path), with what it holds. */
export function unduhSitusDari<T extends { path: string }>(situs: HasilSitus, keluar: (nama: string) => T): { berkas: T; ringkasan: RingkasanSitus } {
  const berkas = keluar(`Situs-Bermantra-${situs.data.mode === 'provinsi' ? 'Jawa-Timur' : situs.data.utama.kode}-${situs.data.bulan}.zip`);
  writeFileSync(berkas.path, zipSitus(situs.berkas, situs.data.tanggal_pembaruan));
  return { berkas, ringkasan: ringkasanSitus(situs) };
}
