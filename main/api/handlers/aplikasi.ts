import { SCHEMA_VERSION } from '../../../db/migrations';
import { statistikK } from '../../services/dasbor';
import { buatDemo } from '../../services/demo';
import { tulisEkstrakDemo } from '../../services/demo';
import { riwayatK } from '../../services/pengaturan';
import { bacaPengaturan, pengaturanK, buatCadangan, daftarCadangan, daftarSuratKeluarK, infoCadangan, setup, simpanLambangDariK, simpanPengaturanK } from '../../services/pengaturan';
import { APP_VERSION } from '../context';

import type { appApi, auditApi, cadanganApi, demoApi, pengaturanApi, serverApi, tugasApi } from '../../common/api/aplikasi';
import { pindahKePostgres } from '../../../db/postgres/pindah';
import { ujiServer } from '../server-provinsi';
import { bungkusKunciServerK } from '../../services/sinkron';
import { AppError } from '../../common/errors';
import { alamatTersimpan, lupakanServerTersimpan, pisahkanSandi, simpanServerTersimpan } from '../server-tersimpan';
import type { HandlersFor } from './types';
import { daftarCadanganServer } from '../../../db/postgres/cadangan';
import { join } from 'node:path';
import type { AppContext } from '../context';

const folderCadanganServer = (ctx: AppContext) => join(ctx.platform.folderData, 'cadangan-server');

export const aplikasiHandlers: HandlersFor<keyof typeof appApi | keyof typeof pengaturanApi | keyof typeof demoApi | keyof typeof tugasApi | keyof typeof auditApi | keyof typeof cadanganApi | keyof typeof serverApi> = {
  'app.status': async (ctx) => {
    const pengaturan = await ctx.baca(pengaturanK());
    return { versi: APP_VERSION, skema: SCHEMA_VERSION, dbFile: ctx.lokasiData, siap: pengaturan.mode !== null, pengaturan, integritas: ctx.integritas };
  },
  'app.statistik': (ctx) => ctx.baca(statistikK()),
  'pengaturan.setup': (ctx, input) => setup(ctx.db, input),
  'pengaturan.simpan': (ctx, input) => ctx.tulis(() => simpanPengaturanK(input)),
  'suratKeluar.list': (ctx, input) => ctx.baca(daftarSuratKeluarK(input.tahun)),
  'pengaturan.lambang': (ctx, input) => ctx.tulis(() => simpanLambangDariK(input.berkas ? ctx.files.resolve(input.berkas) : null, input.berkas?.nama)),
  'demo.ekstrakDtsen': async (ctx, input) => {
    const out = ctx.files.output(`ekstrak-demo-${input.seed}.csv`);
    const hasil = await tulisEkstrakDemo(ctx.db, out.path, input.baris, input.seed);
    return { berkas: out.ref(), ...hasil };
  },
  'demo.buat': (ctx, input) => buatDemo(ctx.db, { kelompok: input.kelompok, seed: input.seed, bulan: input.bulan, kabupaten: input.kabupaten ?? undefined }),
  'tugas.status': (ctx, input) => ctx.tugas.status(input.id),
  'tugas.batal': (ctx, input) => ctx.tugas.batal(input.id),
  'audit.list': (ctx, input) => ctx.baca(riwayatK(input.tabel, input.id)),
  // On the province's server: pg_dump files in the officer's data folder (db/postgres/cadangan.ts).
  'cadangan.list': (ctx) => (ctx.server ? daftarCadanganServer(folderCadanganServer(ctx)) : daftarCadangan(ctx.db)),
  'server.tersimpan': (ctx) => ({ alamat: alamatTersimpan(ctx.platform), aktif: ctx.server?.alamat ?? null }),
  'server.uji': (_ctx, input) => {
    const s = pisahkanSandi(input.alamat, input.sandi);
    return ujiServer(s.alamat, s.sandi, input.frasa ?? null);
  },
  'server.simpan': async (ctx, input) => {
    const s = pisahkanSandi(input.alamat, input.sandi);
    // Only a server that answers as a province's (and opens its keys by the phrase given) is remembered.
    await ujiServer(s.alamat, s.sandi, input.frasa ?? null);
    simpanServerTersimpan(ctx.platform, s.alamat, s.sandi, input.frasa ?? null);
    return { alamat: s.alamat, pesan: `Server ${s.alamat} disimpan${s.sandi ? ' (kata sandinya terbungkus kunci perangkat ini)' : ''}. Tutup lalu buka lagi aplikasi untuk bekerja pada server itu.` };
  },
  'server.lupakan': (ctx) => {
    lupakanServerTersimpan(ctx.platform);
    return { pesan: 'Server dilupakan. Saat dibuka lagi, aplikasi kembali memakai berkas basis data di komputer ini.' };
  },
  'server.bungkusKunci': async (ctx, input) => {
    if (!ctx.server) throw new AppError('BUKAN_SERVER', 'Membungkus kunci dengan frasa hanya untuk server PostgreSQL provinsi; di berkas, kunci dibungkus kunci komputer ini.');
    const h = await ctx.tulis(() => bungkusKunciServerK(ctx.platform.pelindung, input.frasa));
    return { ...h, pesan: `Kunci provinsi di server dibungkus frasa kunci (${h.dibungkus} dibungkus sekarang, ${h.sudah} sudah). Setiap petugas mengisi frasa itu di Pengaturan → Server basis data provinsi.` };
  },
  'server.pindah': (ctx, input) => pindahKePostgres(ctx.db, input.ke, { sandi: input.sandi, mode: bacaPengaturan(ctx.db).mode }),
  'cadangan.buat': (ctx) => (ctx.server ? ctx.server.cadangkan(folderCadanganServer(ctx)) : buatCadangan(ctx.db)),
  'cadangan.pulihkan': (ctx, input) => (ctx.server ? ctx.server.pulihkan(input.nama, folderCadanganServer(ctx)) : { sebelumnya: infoCadangan(ctx.restore(input.nama)) }),
};
