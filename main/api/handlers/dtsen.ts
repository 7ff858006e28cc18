import { cocokkan, daftarSnapshotK, eksporHasil, hapusSnapshot, hasilPencocokanK, imporEkstrak, konfirmasiNama, pratinjauEkstrak, ringkasanDtsenK } from '../../services/dtsen';

import type { dtsenApi } from '../../common/api/dtsen';
import type { HandlersFor } from './types';

export const dtsenHandlers: HandlersFor<keyof typeof dtsenApi> = {
  'dtsen.pratinjau': (ctx, input) => pratinjauEkstrak(ctx.files.resolve(input.berkas), input.berkas.nama),
  'dtsen.impor': (ctx, input) => {
    const path = ctx.files.resolve(input.berkas);
    return ctx.tugas.mulai('impor ekstrak DTKS/DT-SEN', (onProgres, signal) => imporEkstrak(ctx.db, path, input.berkas.nama, { sumber: input.sumber, tanggal: input.tanggal, mapping: input.mapping ?? null }, onProgres, signal));
  },
  'dtsen.snapshot': (ctx) => ctx.baca(daftarSnapshotK()),
  'dtsen.hapusSnapshot': (ctx, input) => hapusSnapshot(ctx.db, input.id),
  'dtsen.cocokkan': (ctx, input) => cocokkan(ctx.db, input.snapshot_id),
  'dtsen.ringkasan': (ctx) => ctx.baca(ringkasanDtsenK()),
  'dtsen.hasil': async (ctx, input) => (await ctx.baca(hasilPencocokanK(input))).rows,
  'dtsen.konfirmasi': (ctx, input) => konfirmasiNama(ctx.db, input.anggota_id, input.terima),
  'dtsen.ekspor': async (ctx, input) => {
    const out = ctx.files.output(`hasil-dtsen-${input.status ?? 'semua'}-${new Date().toISOString().slice(0, 10)}.${input.format}`);
    await eksporHasil(ctx.db, out.path, { status: input.status ?? null });
    return out.ref();
  },
};
