import { namaBerkas } from '../../common/format';
import { ambilCatatan, ambilCatatanK, daftarCatatanK, hapusCatatan, pulihkanCatatan, simpanCatatan } from '../../services/mitra';
import { buatEkstrakRiset, buktiPelatihanK, cakupanPelatihanK, daftarPraktikBersamaK, daftarUsulanGerobakXlsx, dataUsulanGerobakK, profilKapasitasK, dokumenUsulanGerobak, pdfPerjanjian, penilaianGerobakK, ringkasanMitraK, simpanPenilaianGerobak, tandaiPraktikK } from '../../services/mitra';
import { bacaPengaturan } from '../../services/pengaturan';

import type { mitraApi } from '../../common/api/mitra';
import type { HandlersFor } from './types';

export const mitraHandlers: HandlersFor<keyof typeof mitraApi> = {
  'praktik.bersama': (ctx) => ctx.baca(daftarPraktikBersamaK()),
  'praktik.tandai': (ctx, input) => ctx.tulis(() => tandaiPraktikK(input)),
  'catatan.list': (ctx, input) => ctx.baca(daftarCatatanK(input.entitas, input)),
  'catatan.get': (ctx, input) => ctx.baca(ambilCatatanK(input.entitas, input.id)),
  'catatan.simpan': (ctx, input) => simpanCatatan(ctx.db, input.entitas, input.nilai),
  'catatan.hapus': (ctx, input) => hapusCatatan(ctx.db, input.entitas, input.id, input.alasan),
  'catatan.pulihkan': (ctx, input) => pulihkanCatatan(ctx.db, input.entitas, input.id),
  'mitra.ringkasan': (ctx) => ctx.baca(ringkasanMitraK()),
  'perjanjian.pdf': async (ctx, input) => {
    const nomor = String(ambilCatatan(ctx.db, 'perjanjian', input.id).data.nomor ?? '');
    const out = ctx.files.output(namaBerkas(['Perjanjian', nomor], 'pdf'));
    const { draf, kekurangan } = await pdfPerjanjian(ctx.db, input.id, out.path, { siapTte: input.siapTte });
    return { berkas: out.ref(), draf, kekurangan };
  },
  'pelatihan.profil': (ctx, input) => ctx.baca(profilKapasitasK(input.tahun ?? undefined)),
  'pelatihan.cakupan': (ctx) => ctx.baca(cakupanPelatihanK()),
  'pelatihan.bukti': (ctx, input) => ctx.baca(buktiPelatihanK(input.bulan)),
  'riset.ekstrak': async (ctx, input) => {
    const out = ctx.files.output(namaBerkas(['Ekstrak riset', input.mou_id.slice(-8)], 'zip'));
    const ringkasan = await buatEkstrakRiset(ctx.db, input.mou_id, out.path, { zip: true, variabel: input.variabel ?? null, ...(input.bulan ? { bulan: input.bulan } : {}) });
    return { berkas: out.ref(), ringkasan };
  },
  'gerobak.list': (ctx, input) => ctx.baca(penilaianGerobakK(input.tahun)),
  'gerobak.simpan': (ctx, input) => simpanPenilaianGerobak(ctx.db, input),
  'gerobak.usulan': async (ctx, input) => {
    if (input.format === 'xlsx') {
      // The list is read (the file's or the province's server's) and written here; the letter is a district's.
      const data = await ctx.baca(dataUsulanGerobakK(input.tahun));
      const out = ctx.files.output(`usulan-gerobak-${data.p.kabupaten_kode}-${input.tahun}.xlsx`);
      await daftarUsulanGerobakXlsx(data, input.tahun, out.path);
      return out.ref();
    }
    const out = ctx.files.output(`usulan-gerobak-${bacaPengaturan(ctx.db).kabupaten_kode}-${input.tahun}.${input.format}`);
    await dokumenUsulanGerobak(ctx.db, input.tahun, input.format, out.path, { nomor: input.nomor ?? null, siapTte: input.siapTte });
    return out.ref();
  },
};
