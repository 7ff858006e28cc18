import { ambilAnggotaK, daftarAnggotaK, hapusAnggota, pulihkanAnggota, simpanAnggota } from '../../services/anggota';
import { eksporAnggota, eksporAnggotaCsv } from '../../services/anggota';
import { imporAnggota, pratinjauImpor } from '../../services/anggota';
import { bacaPengaturan } from '../../services/pengaturan';

import type { anggotaApi } from '../../common/api/anggota';
import type { HandlersFor } from './types';

export const anggotaHandlers: HandlersFor<keyof typeof anggotaApi> = {
  'anggota.list': (ctx, input) => ctx.baca(daftarAnggotaK(input)),
  'anggota.get': (ctx, input) => ctx.baca(ambilAnggotaK(input.id)),
  'anggota.simpan': (ctx, input) => simpanAnggota(ctx.db, input),
  'anggota.hapus': (ctx, input) => hapusAnggota(ctx.db, input.id, input.alasan),
  'anggota.pulihkan': (ctx, input) => pulihkanAnggota(ctx.db, input.id),
  'anggota.imporPratinjau': (ctx, input) => pratinjauImpor(ctx.files.resolve(input.berkas), input.berkas, input.sheet),
  'anggota.impor': (ctx, input) =>
    imporAnggota(ctx.db, ctx.files.resolve(input.berkas), input.berkas, { sheet: input.sheet, mapping: input.mapping, kelompokId: input.kelompokId, dryRun: input.dryRun }),
  'anggota.ekspor': async (ctx, input) => {
    const { format, ...filter } = input;
    const out = ctx.files.output(`anggota-${bacaPengaturan(ctx.db).kabupaten_kode ?? ''}-${new Date().toISOString().slice(0, 10)}.${format}`);
    if (format === 'csv') eksporAnggotaCsv(ctx.db, filter, out.path);
    else await eksporAnggota(ctx.db, filter, out.path);
    return out.ref();
  },
};
