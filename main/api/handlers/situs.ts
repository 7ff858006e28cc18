import { bangunSitus, pratinjauSitus, unduhSitus } from '../../services/situs';
import type { situsApi } from '../../common/api/situs';
import type { HandlersFor } from './types';

export const situsHandlers: HandlersFor<keyof typeof situsApi> = {
  'situs.pratinjau': (ctx) => pratinjauSitus(bangunSitus(ctx.db)),
  'situs.unduh': (ctx) => {
    const { berkas, ringkasan } = unduhSitus(ctx.db, ctx.files.output);
    return { ...berkas.ref(), ringkasan };
  },
};
