import { ambilAnggotaK, daftarAnggotaK, hapusAnggota, pulihkanAnggota, simpanAnggota } from '../../services/anggota';
import { dataEksporAnggotaK, tulisAnggotaCsv, tulisAnggotaXlsx } from '../../services/anggota';
import { imporAnggota, pratinjauImpor } from '../../services/anggota';

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
    // Read as one piece of work (the file's or the province's server's), written on this PC.
    const data = await ctx.baca(dataEksporAnggotaK(filter));
    const out = ctx.files.output(`anggota-${data.p.kabupaten_kode ?? ''}-${new Date().toISOString().slice(0, 10)}.${format}`);
    if (format === 'csv') tulisAnggotaCsv(data.rows, out.path);
    else await tulisAnggotaXlsx(data, out.path);
    return out.ref();
  },
};
