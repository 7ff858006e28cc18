import { hitungDashboardK, hitungMonevK, monitoringFasilitatorK, simpanTarget, simpanTargetProvinsiK, dataEvaluasiK, tulisDokumenEvaluasi, hitungEvaluasiK, simpanPenjelasan } from '../../services/dasbor';
import { dataMonevK, tulisDokumenMonev } from '../../services/dasbor';

import type { dashboardApi } from '../../common/api/dasbor';
import { hariIni } from '../../common/format';
import type { HandlersFor } from './types';

export const dasborHandlers: HandlersFor<keyof typeof dashboardApi> = {
  'dashboard.get': (ctx, input) => {
    const hari = hariIni();
    return ctx.bacaTersimpan(`dasbor|${hari}|${JSON.stringify(input)}`, () => hitungDashboardK(input, hari));
  },
  'monev.get': (ctx, input) => ctx.baca(hitungMonevK(input.periode)),
  'monev.evaluasi': (ctx, input) => ctx.baca(hitungEvaluasiK(input.tahun, (input.triwulan ?? null) as 1 | null)),
  'monev.simpanPenjelasan': (ctx, input) => simpanPenjelasan(ctx.db, input),
  'monev.dokumenEvaluasi': async (ctx, input) => (await tulisDokumenEvaluasi(await ctx.baca(dataEvaluasiK(input.tahun, (input.triwulan ?? null) as 1 | null)), input.tahun, input.format, ctx.files.output, input.kertas)).ref(),
  'monev.fasilitator': (ctx, input) => ctx.baca(monitoringFasilitatorK(input.periode)),
  // The province's server holds only the province's targets (districts set theirs in their own files).
  'monev.simpanTarget': (ctx, input) => (ctx.server ? ctx.tulis(() => simpanTargetProvinsiK({ ...input, kecamatan_kode: null })) : simpanTarget(ctx.db, { ...input, kecamatan_kode: input.kecamatan_kode ?? null })),
  'monev.dokumen': async (ctx, input) => {
    // Read on the file or the province's server, written here.
    const data = await ctx.baca(dataMonevK(input.periode));
    const out = ctx.files.output(`emonev-${data.p.kabupaten_kode ?? '35'}-${input.periode}.${input.format}`);
    await tulisDokumenMonev(data, input.periode, input.format, out.path);
    return out.ref();
  },
};
