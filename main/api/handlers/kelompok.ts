import { ambilKelompokK, daftarKelompokK, daftarSektorK, hapusKelompok, pulihkanKelompok, simpanKelompok } from '../../services/kelompok';

import type { kelompokApi } from '../../common/api/kelompok';
import type { HandlersFor } from './types';

export const kelompokHandlers: HandlersFor<keyof typeof kelompokApi> = {
  'kelompok.list': (ctx, input) => ctx.baca(daftarKelompokK(input)),
  'kelompok.get': (ctx, input) => ctx.baca(ambilKelompokK(input.id)),
  'kelompok.simpan': (ctx, input) => simpanKelompok(ctx.db, input),
  'kelompok.hapus': (ctx, input) => hapusKelompok(ctx.db, input.id, input.alasan),
  'kelompok.pulihkan': (ctx, input) => pulihkanKelompok(ctx.db, input.id),
  'kelompok.sektor': (ctx) => ctx.baca(daftarSektorK()),
};
