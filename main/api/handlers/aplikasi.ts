import { readFileSync } from 'node:fs';
import { listBackups, makeBackup } from '../../../db/backup';
import { SCHEMA_VERSION } from '../../../db/migrations';
import { statistik } from '../../services/dasbor';
import { buatDemo } from '../../services/demo';
import { tulisEkstrakDemo } from '../../services/demo';
import { riwayat } from '../../services/pengaturan';
import { bacaPengaturan, setup, simpanLambang, simpanPengaturan } from '../../services/pengaturan';
import { APP_VERSION } from '../context';

import type { Cadangan } from '../../common/api';
import type { appApi, auditApi, cadanganApi, demoApi, pengaturanApi, tugasApi } from '../../common/api/aplikasi';
import type { HandlersFor } from './types';

/** What the UI sees of a backup: not where it lies on disk. */
const cadanganInfo = ({ nama, jenis, waktu, ukuran }: Cadangan): Cadangan => ({ nama, jenis, waktu, ukuran });

export const aplikasiHandlers: HandlersFor<keyof typeof appApi | keyof typeof pengaturanApi | keyof typeof demoApi | keyof typeof tugasApi | keyof typeof auditApi | keyof typeof cadanganApi> = {
  'app.status': (ctx) => {
    const pengaturan = bacaPengaturan(ctx.db);
    return { versi: APP_VERSION, skema: SCHEMA_VERSION, dbFile: ctx.db.file, siap: pengaturan.mode !== null, pengaturan, integritas: ctx.integritas };
  },
  'app.statistik': (ctx) => statistik(ctx.db),
  'pengaturan.setup': (ctx, input) => setup(ctx.db, input),
  'pengaturan.simpan': (ctx, input) => simpanPengaturan(ctx.db, input),
  'pengaturan.lambang': (ctx, input) => simpanLambang(ctx.db, input.berkas ? readFileSync(ctx.files.resolve(input.berkas)) : null, input.berkas?.nama),
  'demo.ekstrakDtsen': async (ctx, input) => {
    const out = ctx.files.output(`ekstrak-demo-${input.seed}.csv`);
    const hasil = await tulisEkstrakDemo(ctx.db, out.path, input.baris, input.seed);
    return { berkas: out.ref(), ...hasil };
  },
  'demo.buat': (ctx, input) => buatDemo(ctx.db, { kelompok: input.kelompok, seed: input.seed, bulan: input.bulan, kabupaten: input.kabupaten ?? undefined }),
  'tugas.status': (ctx, input) => ctx.tugas.status(input.id),
  'tugas.batal': (ctx, input) => ctx.tugas.batal(input.id),
  'audit.list': (ctx, input) => riwayat(ctx.db, input.tabel, input.id),
  'cadangan.list': (ctx) => listBackups(ctx.db.file).map(cadanganInfo),
  'cadangan.buat': (ctx) => cadanganInfo(makeBackup(ctx.db.sqlite, ctx.db.file, 'manual')),
  'cadangan.pulihkan': (ctx, input) => ({ sebelumnya: cadanganInfo(ctx.restore(input.nama)) }),
};
