import { bangunSitusDari, kumpulkanDataSitusK, pratinjauSitus, unduhSitusDari } from '../../services/situs';
import type { situsApi } from '../../common/api/situs';
import type { HandlersFor } from './types';

export const situsHandlers: HandlersFor<keyof typeof situsApi> = {
  // Read on the file or the province's server (one snapshot), built here.
  'situs.pratinjau': async (ctx) => pratinjauSitus(bangunSitusDari(await ctx.baca(kumpulkanDataSitusK()))),
  'situs.unduh': async (ctx) => {
    const { berkas, ringkasan } = unduhSitusDari(bangunSitusDari(await ctx.baca(kumpulkanDataSitusK())), ctx.files.output);
    return { ...berkas.ref(), ringkasan };
  },
};
