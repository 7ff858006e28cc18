import data from '../../../db/reference/wilayah.json' with { type: 'json' };
import type { Wilayah } from '../../common/api';

// Kemendagri region codes shipped with the app (db/reference/wilayah.json, built by scripts/wilayah.mjs).
// Match on code, never on name: spellings change between editions.

const byCode = new Map<string, string>();
for (const [kode, nama] of [...data.provinsi, ...data.kabupatenIndonesia, ...data.kecamatanJatim, ...data.desaJatim]) {
  byCode.set(kode!, nama!);
}
const toWilayah = ([kode, nama]: (string | undefined)[]): Wilayah => ({ kode: kode!, nama: nama! });


export function namaWilayah(kode: string | null | undefined): string | null {
  return kode ? (byCode.get(kode) ?? null) : null;
}

export function adaWilayah(kode: string): boolean {
  return byCode.has(kode);
}

export function kabupatenJatim(): Wilayah[] {
  return data.kabupatenJatim.map(toWilayah);
}

export function kecamatanDi(kabupaten: string): Wilayah[] {
  return data.kecamatanJatim.filter(([kode]) => kode!.startsWith(kabupaten + '.')).map(toWilayah);
}

export function desaDi(kecamatan: string): Wilayah[] {
  return data.desaJatim.filter(([kode]) => kode!.startsWith(kecamatan + '.')).map(toWilayah);
}

/** Desa/kelurahan of a kabupaten, for matching names in spreadsheets. */
export function desaDiKabupaten(kabupaten: string): Wilayah[] {
  return data.desaJatim.filter(([kode]) => kode!.startsWith(kabupaten + '.')).map(toWilayah);
}

/** "35.07.01.2001" → "35.07.01". */
export function kecamatanDariDesa(desa: string): string {
  return desa.split('.').slice(0, 3).join('.');
}

