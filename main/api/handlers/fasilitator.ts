import { ambilFasilitatorK, daftarFasilitatorK, hapusFasilitator, pulihkanFasilitator, simpanFasilitator } from '../../services/fasilitator';

import type { fasilitatorApi } from '../../common/api/fasilitator';
import type { HandlersFor } from './types';

export const fasilitatorHandlers: HandlersFor<keyof typeof fasilitatorApi> = {
  'fasilitator.list': (ctx, input) => ctx.baca(daftarFasilitatorK(input)),
  'fasilitator.get': (ctx, input) => ctx.baca(ambilFasilitatorK(input.id)),
  'fasilitator.simpan': (ctx, input) => simpanFasilitator(ctx.db, input),
  'fasilitator.hapus': (ctx, input) => hapusFasilitator(ctx.db, input.id, input.alasan),
  'fasilitator.pulihkan': (ctx, input) => pulihkanFasilitator(ctx.db, input.id),
};
