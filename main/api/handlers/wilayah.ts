import { periksaNik } from '../../services/wilayah/nik';
import { desaDi, kabupatenJatim, kecamatanDi } from '../../services/wilayah/wilayah';

import type { nikApi, wilayahApi } from '../../common/api/wilayah';
import type { HandlersFor } from './types';

export const wilayahHandlers: HandlersFor<keyof typeof wilayahApi | keyof typeof nikApi> = {
  'wilayah.kabupaten': () => kabupatenJatim(),
  'wilayah.kecamatan': (_ctx, input) => kecamatanDi(input.kabupaten),
  'wilayah.desa': (_ctx, input) => desaDi(input.kecamatan),
  'nik.periksa': (_ctx, input) => periksaNik(input.nik, { jenisKelamin: input.jenisKelamin ?? null, tanggalLahir: input.tanggalLahir ?? null }),
};
