import { ambilKelompok, daftarKelompok, daftarSektor, hapusKelompok, pulihkanKelompok, simpanKelompok } from '../../services/kelompok';

import type { kelompokApi } from '../../common/api/kelompok';
import type { HandlersFor } from './types';

export const kelompokHandlers: HandlersFor<keyof typeof kelompokApi> = {
  'kelompok.list': (ctx, input) => daftarKelompok(ctx.db, input),
  'kelompok.get': (ctx, input) => ambilKelompok(ctx.db, input.id),
  'kelompok.simpan': (ctx, input) => simpanKelompok(ctx.db, input),
  'kelompok.hapus': (ctx, input) => hapusKelompok(ctx.db, input.id, input.alasan),
  'kelompok.pulihkan': (ctx, input) => pulihkanKelompok(ctx.db, input.id),
  'kelompok.sektor': (ctx) => daftarSektor(ctx.db),
};
