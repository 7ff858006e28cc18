import { periksaNik } from '../../services/wilayah';
import { desaDi, kabupatenJatim, kecamatanDi } from '../../services/wilayah';

import type { nikApi, Wilayah, wilayahApi } from '../../common/api/wilayah';
import type { HandlersFor } from './types';

/** Lists people choose from are alphabetical (the codes follow Kemendagri's order, which nobody reads). */
const abjad = (rows: Wilayah[]) => [...rows].sort((a, b) => a.nama.localeCompare(b.nama, 'id'));

export const wilayahHandlers: HandlersFor<keyof typeof wilayahApi | keyof typeof nikApi> = {
  'wilayah.kabupaten': () => abjad(kabupatenJatim()),
  'wilayah.kecamatan': (_ctx, input) => abjad(kecamatanDi(input.kabupaten)),
  'wilayah.desa': (_ctx, input) => abjad(desaDi(input.kecamatan)),
  'nik.periksa': (_ctx, input) => periksaNik(input.nik, { jenisKelamin: input.jenisKelamin ?? null, tanggalLahir: input.tanggalLahir ?? null }),
};
