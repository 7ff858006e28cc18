import { daftarAkarK, lampirkanTtd, periksaPdfLewat, tambahAkarK } from '../../services/tte';
import type { tteApi } from '../../common/api/tte';
import type { HandlersFor } from './types';

export const tteHandlers: HandlersFor<keyof typeof tteApi> = {
  'tte.akar': (ctx) => ctx.baca(daftarAkarK()),
  'tte.tambahAkar': (ctx, input) => ctx.tulis(() => tambahAkarK(ctx.files.resolve(input.berkas))),
  'dokumen.verifikasi': (ctx, input) => periksaPdfLewat(ctx, ctx.files.resolve(input.berkas)),
  'proposal.ttd': (ctx, input) => lampirkanTtd(ctx.db, input.id, ctx.files.resolve(input.berkas)),
};
