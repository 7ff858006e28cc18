import { writeFileSync } from 'node:fs';
import { bangunSitus, pratinjauSitus, ringkasanSitus, zipSitus } from '../../services/situs';
import type { situsApi } from '../../common/api/situs';
import type { HandlersFor } from './types';

export const situsHandlers: HandlersFor<keyof typeof situsApi> = {
  'situs.pratinjau': (ctx) => pratinjauSitus(bangunSitus(ctx.db)),
  'situs.unduh': (ctx) => {
    const situs = bangunSitus(ctx.db);
    const ringkasan = ringkasanSitus(situs);
    const out = ctx.files.output(`Situs-Bermantra-${situs.data.mode === 'provinsi' ? 'Jawa-Timur' : situs.data.utama.kode}-${situs.data.bulan}.zip`);
    writeFileSync(out.path, zipSitus(situs.berkas, situs.data.tanggal_pembaruan));
    return { ...out.ref(), ringkasan };
  },
};
