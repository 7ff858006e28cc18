import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buatBundelReferensi, buatTandaTerima, eksporBundel, imporBundel, periksaBundel } from '../../services/sinkron';
import { infoSinkron } from '../../services/sinkron';
import { bacaIdentitas, buatKunci, cadangkanKunci, daftarkanPihak, identitas, pulihkanKunci } from '../../services/sinkron';
import { statusKabupaten } from '../../services/sinkron';

import type { sinkronApi } from '../../common/api/sinkron';
import type { HandlersFor } from './types';

export const sinkronHandlers: HandlersFor<keyof typeof sinkronApi> = {
  'sinkron.info': (ctx) => infoSinkron(ctx.db),
  'sinkron.buatKunci': (ctx) => ({ sidik_jari: buatKunci(ctx.db, ctx.platform.pelindung).sidik_jari }),
  'sinkron.eksporIdentitas': (ctx) => {
    const id = identitas(ctx.db, ctx.platform.pelindung);
    const out = ctx.files.output(`identitas-${id.kode}.bmid`);
    writeFileSync(out.path, JSON.stringify(id, null, 2));
    return out.ref();
  },
  'sinkron.cadangkanKunci': (ctx, input) => {
    const out = ctx.files.output(`cadangan-kunci-${identitas(ctx.db, ctx.platform.pelindung).kode}.bmkey`);
    writeFileSync(out.path, cadangkanKunci(ctx.db, ctx.platform.pelindung, input.frasa));
    return out.ref();
  },
  'sinkron.pulihkanKunci': (ctx, input) => {
    pulihkanKunci(ctx.db, ctx.platform.pelindung, readFileSync(ctx.files.resolve(input.berkas), 'utf8'), input.frasa);
    return { sidik_jari: identitas(ctx.db, ctx.platform.pelindung).sidik_jari };
  },
  'sinkron.imporIdentitas': (ctx, input) => daftarkanPihak(ctx.db, bacaIdentitas(readFileSync(ctx.files.resolve(input.berkas), 'utf8')), { gantiKunci: input.gantiKunci }),
  'sinkron.eksporBundel': (ctx, input) => {
    const hasil = eksporBundel(ctx.db, ctx.platform.pelindung, { penuh: input.penuh, folder: dirname(ctx.files.tempPath('bundel')) });
    return { berkas: ctx.files.register(hasil.berkas), ukuran: hasil.ukuran, jumlah: hasil.manifest.jumlah, seq: hasil.manifest.seq };
  },
  'sinkron.periksaBundel': (ctx, input) => {
    const r = periksaBundel(readFileSync(ctx.files.resolve(input.berkas)), input.berkas.nama);
    return { ...r, manifest: r.manifest as unknown as Record<string, unknown> };
  },
  'sinkron.imporBundel': (ctx, input) => imporBundel(ctx.db, ctx.platform.pelindung, readFileSync(ctx.files.resolve(input.berkas)), { nama: input.berkas.nama, dryRun: input.dryRun, percayai: input.percayai }),
  'sinkron.tandaTerima': (ctx, input) => {
    const out = ctx.files.output(`tanda-terima-${input.kabupaten}-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.bmb`);
    buatTandaTerima(ctx.db, ctx.platform.pelindung, input.kabupaten, out.path);
    return out.ref();
  },
  'sinkron.bundelReferensi': (ctx) => {
    const out = ctx.files.output(`referensi-35-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.bmb`);
    buatBundelReferensi(ctx.db, ctx.platform.pelindung, out.path);
    return out.ref();
  },
  'sinkron.statusKabupaten': (ctx) => statusKabupaten(ctx.db),
};
