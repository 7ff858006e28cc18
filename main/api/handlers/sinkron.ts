import { dirname } from 'node:path';
import { bacaIdentitasDari, cadangkanKunciKe, daftarkanPihakK, eksporBundel, eksporIdentitas, imporBundelDari, infoSinkronK, periksaBundelDari, pulihkanKunciDari, statusKabupatenK } from '../../services/sinkron';
import { bundelReferensiK, bukaKunciPrivat, buatKunci, dataIdentitasK, identitasDari, imporBundelServer, segelReferensi, segelTandaTerima, tandaTerimaK, tulisIdentitas } from '../../services/sinkron';
import { simpanNilaiK } from '../../services/pengaturan';

import type { sinkronApi } from '../../common/api/sinkron';
import type { HandlersFor } from './types';

export const sinkronHandlers: HandlersFor<keyof typeof sinkronApi> = {
  'sinkron.info': (ctx) => ctx.baca(infoSinkronK()),
  'sinkron.buatKunci': (ctx) => ({ sidik_jari: buatKunci(ctx.db, ctx.platform.pelindung).sidik_jari }),
  'sinkron.eksporIdentitas': async (ctx) => {
    if (!ctx.server) return eksporIdentitas(ctx.db, ctx.platform.pelindung, ctx.files.output).ref();
    // On the province's server: signed with the key phrase's unwrapping, written here, the guide's step ticked there.
    const id = identitasDari(await ctx.baca(dataIdentitasK()), (row) => bukaKunciPrivat(row, ctx.pelindung));
    const out = tulisIdentitas(id, ctx.files.output);
    await ctx.tulis(() => simpanNilaiK('identitas_disimpan_pada', new Date().toISOString()));
    return out.ref();
  },
  'sinkron.cadangkanKunci': (ctx, input) => cadangkanKunciKe(ctx.db, ctx.platform.pelindung, input.frasa, ctx.files.output).ref(),
  'sinkron.pulihkanKunci': (ctx, input) => pulihkanKunciDari(ctx.db, ctx.platform.pelindung, ctx.files.resolve(input.berkas), input.frasa),
  'sinkron.imporIdentitas': (ctx, input) => {
    // Read and its signature checked here; registered on the file or the province's server.
    const id = bacaIdentitasDari(ctx.files.resolve(input.berkas));
    return ctx.tulis(() => daftarkanPihakK(id, { gantiKunci: input.gantiKunci }));
  },
  'sinkron.eksporBundel': (ctx, input) => {
    const hasil = eksporBundel(ctx.db, ctx.platform.pelindung, { penuh: input.penuh, folder: dirname(ctx.files.tempPath('bundel')) });
    return { berkas: ctx.files.register(hasil.berkas), ukuran: hasil.ukuran, jumlah: hasil.manifest.jumlah, seq: hasil.manifest.seq };
  },
  'sinkron.periksaBundel': (ctx, input) => {
    const r = periksaBundelDari(ctx.files.resolve(input.berkas), input.berkas.nama);
    return { ...r, manifest: r.manifest as unknown as Record<string, unknown> };
  },
  'sinkron.imporBundel': (ctx, input) => {
    const opsi = { nama: input.berkas.nama, dryRun: input.dryRun, percayai: input.percayai };
    const path = ctx.files.resolve(input.berkas);
    // On the province's server the same import runs beside it and what it wrote is sent in one transaction.
    return ctx.server ? ctx.server.tulisDengan((k) => imporBundelServer(k, ctx.pelindung, path, { ...opsi, operator: ctx.server!.petugas })) : imporBundelDari(ctx.db, ctx.platform.pelindung, path, opsi);
  },
  'sinkron.tandaTerima': async (ctx, input) => {
    const out = ctx.files.output(`tanda-terima-${input.kabupaten}-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.bmb`);
    // Read on the file or the server, signed here with the province's key.
    segelTandaTerima(await ctx.baca(tandaTerimaK(input.kabupaten)), ctx.pelindung, out.path);
    return out.ref();
  },
  'sinkron.bundelReferensi': async (ctx) => {
    const out = ctx.files.output(`referensi-35-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.bmb`);
    segelReferensi(await ctx.baca(bundelReferensiK()), ctx.pelindung, out.path);
    return out.ref();
  },
  'sinkron.statusKabupaten': (ctx) => ctx.baca(statusKabupatenK()),
};
