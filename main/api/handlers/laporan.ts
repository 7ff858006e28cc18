import { buatBukuKerja, buatBukuKerjaSemua, bukaKiriman, imporBukuKerja, namaBukuKerja, statusBukuKerja } from '../../services/laporan';
import { namaBerkas } from '../../common/format';
import { dataDokumenLaporanK, tulisDokumenLaporanDari } from '../../services/laporan';
import { daftarFotoK, dataUrlFotoK, hapusFoto, tambahFoto } from '../../services/laporan';
import { ajukanLaporan, bukaKembaliLaporan, daftarLaporanK, katalogAktifK, lembarEntri, simpanLaporan, verifikasiLaporan } from '../../services/laporan';
import { konfirmasiNilai, periksaBulan, periksaBulanK, riwayatIndikatorK } from '../../services/laporan';
import { kembalikanLaporanK, terimaBulanK } from '../../services/laporan';
import { hitungKepatuhanK, hitungRekapK } from '../../services/laporan';

import type { laporanApi } from '../../common/api/laporan';
import { kamusAngka } from '../../common/kamus';
import { ATURAN_VALIDASI, URAIAN_PENCILAN, URAIAN_PERSETUJUAN } from '../../common/mutu';
import type { HandlersFor } from './types';

export const laporanHandlers: HandlersFor<keyof typeof laporanApi> = {
  'laporan.templat': async (ctx, input) => {
    const out = ctx.files.output(namaBukuKerja(ctx.db, input));
    await buatBukuKerja(ctx.db, input, out.path);
    return out.ref();
  },
  'laporan.templatSemua': async (ctx, input) => {
    const zip = ctx.files.output(namaBerkas(['Buku-kerja-fasilitator', input.periode], 'zip'));
    await buatBukuKerjaSemua(ctx.db, input.periode, zip.path);
    return zip.ref();
  },
  'laporan.imporBukuKerja': (ctx, input) => {
    const kiriman = bukaKiriman(ctx.files.resolve(input.berkas), input.berkas.nama, input.foto.map((f) => ({ path: ctx.files.resolve(f), nama: f.nama })));
    try {
      return imporBukuKerja(ctx.db, { path: kiriman.xlsx.path, nama: kiriman.xlsx.nama, dryRun: input.dryRun, status: input.status, periode: input.periode ?? null, foto: kiriman.foto });
    } finally {
      kiriman.bersihkan();
    }
  },
  'laporan.statusBukuKerja': (ctx, input) => statusBukuKerja(ctx.db, input.periode),
  'laporan.katalog': (ctx) => ctx.baca(katalogAktifK()),
  'laporan.kamus': async (ctx) => ({
    angka: kamusAngka(await ctx.baca(katalogAktifK())),
    aturan: ATURAN_VALIDASI.map((a) => ({ id: a.id, uraian: a.uraian, tingkat: a.tingkat })),
    pencilan: URAIAN_PENCILAN,
    persetujuan: URAIAN_PERSETUJUAN,
  }),
  'laporan.lembar': (ctx, input) => lembarEntri(ctx.db, input),
  'laporan.simpan': (ctx, input) => simpanLaporan(ctx.db, input),
  'laporan.ajukan': (ctx, input) => ajukanLaporan(ctx.db, input.ids),
  'laporan.verifikasi': (ctx, input) => verifikasiLaporan(ctx.db, input.ids),
  'laporan.konfirmasi': (ctx, input) => konfirmasiNilai(ctx.db, input),
  'laporan.riwayat': (ctx, input) => ctx.baca(riwayatIndikatorK(input)),
  // The file keeps its streaming reader (the province's whole month at once); the server reads one snapshot.
  'laporan.periksa': (ctx, input) => (ctx.server ? ctx.baca(periksaBulanK(input.periode, { kabupaten: input.kabupaten ?? null })) : periksaBulan(ctx.db, input.periode, { kabupaten: input.kabupaten ?? null })),
  'laporan.terima': (ctx, input) => ctx.tulis((petugas) => terimaBulanK(input, new Date(), petugas)),
  'laporan.kembalikan': (ctx, input) => ctx.tulis((petugas) => kembalikanLaporanK(input, new Date(), petugas)),
  'laporan.bukaKembali': (ctx, input) => bukaKembaliLaporan(ctx.db, input.id, input.alasan),
  'laporan.list': (ctx, input) => ctx.baca(daftarLaporanK(input)),
  'laporan.rekap': (ctx, input) => ctx.baca(hitungRekapK(input.periode, input.per, new Date(), input.kabupaten ?? null)),
  'laporan.kepatuhan': (ctx, input) => ctx.baca(hitungKepatuhanK(input.periode)),
  'laporan.dokumen': async (ctx, input) => {
    // Read as one piece of work (one snapshot on the province's server), written on this PC.
    const data = await ctx.baca(dataDokumenLaporanK(input));
    const kode = data.k.wilayah.kode;
    const bulanan = /^\d{4}-\d{2}$/.test(input.periode);
    const nama = bulanan ? `laporan-bulanan-${kode}-${input.periode}.${input.format}` : `rekap-${kode}-${input.periode}-per-${input.per}.${input.format}`;
    const out = ctx.files.output(nama);
    await tulisDokumenLaporanDari(data, input, out.path);
    return out.ref();
  },
  'laporan.foto': (ctx, input) => ctx.baca(daftarFotoK(input.laporan_id)),
  'laporan.fotoTambah': (ctx, input) => tambahFoto(ctx.db, { laporan_id: input.laporan_id, path: ctx.files.resolve(input.berkas), nama: input.berkas.nama, keterangan: input.keterangan }),
  'laporan.fotoHapus': (ctx, input) => hapusFoto(ctx.db, input.id),
  'laporan.fotoData': (ctx, input) => ctx.baca(dataUrlFotoK(input.id)),
};
