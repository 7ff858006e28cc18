import { hitungDashboardK, hitungMonevK, monitoringFasilitatorK, simpanTarget, dokumenEvaluasi, hitungEvaluasi, simpanPenjelasan } from '../../services/dasbor';
import { dokumenMonev } from '../../services/dasbor';
import { bacaPengaturan } from '../../services/pengaturan';

import type { dashboardApi } from '../../common/api/dasbor';
import type { HandlersFor } from './types';

export const dasborHandlers: HandlersFor<keyof typeof dashboardApi> = {
  'dashboard.get': (ctx, input) => ctx.baca(hitungDashboardK(input)),
  'monev.get': (ctx, input) => ctx.baca(hitungMonevK(input.periode)),
  'monev.evaluasi': (ctx, input) => hitungEvaluasi(ctx.db, input.tahun, (input.triwulan ?? null) as 1 | null),
  'monev.simpanPenjelasan': (ctx, input) => simpanPenjelasan(ctx.db, input),
  'monev.dokumenEvaluasi': async (ctx, input) => (await dokumenEvaluasi(ctx.db, input.tahun, (input.triwulan ?? null) as 1 | null, input.format, ctx.files.output, input.kertas)).ref(),
  'monev.fasilitator': (ctx, input) => ctx.baca(monitoringFasilitatorK(input.periode)),
  'monev.simpanTarget': (ctx, input) => simpanTarget(ctx.db, { ...input, kecamatan_kode: input.kecamatan_kode ?? null }),
  'monev.dokumen': async (ctx, input) => {
    const out = ctx.files.output(`emonev-${bacaPengaturan(ctx.db).kabupaten_kode}-${input.periode}.${input.format}`);
    await dokumenMonev(ctx.db, input.periode, input.format, out.path);
    return out.ref();
  },
};
