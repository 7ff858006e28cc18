import { daftarAkar, lampirkanTtd, periksaPdf, tambahAkar } from '../../services/tte';
import type { tteApi } from '../../common/api/tte';
import type { HandlersFor } from './types';

export const tteHandlers: HandlersFor<keyof typeof tteApi> = {
  'tte.akar': (ctx) => daftarAkar(ctx.db),
  'tte.tambahAkar': (ctx, input) => tambahAkar(ctx.db, ctx.files.resolve(input.berkas)),
  'dokumen.verifikasi': (ctx, input) => periksaPdf(ctx.db, ctx.files.resolve(input.berkas)),
  'proposal.ttd': (ctx, input) => lampirkanTtd(ctx.db, input.id, ctx.files.resolve(input.berkas)),
};
