import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { listBackups, makeBackup } from '../../db/backup';
import { SCHEMA_VERSION } from '../../db/migrations';
import type { MethodName, Output, ParsedInput } from '../common/api';
import { ambilAnggota, daftarAnggota, simpanAnggota } from '../services/anggota/anggota';
import { eksporAnggota } from '../services/anggota/ekspor';
import { imporAnggota, pratinjauImpor } from '../services/anggota/impor';
import { riwayat } from '../services/pengaturan/audit';
import { ambilFasilitator, daftarFasilitator, hapusFasilitator, simpanFasilitator } from '../services/fasilitator/fasilitator';
import { ambilKelompok, daftarKelompok, daftarSektor, hapusKelompok, simpanKelompok } from '../services/kelompok/kelompok';
import { periksaNik } from '../services/wilayah/nik';
import { buatDemo } from '../services/demo/demo';
import { bacaPengaturan, setup, simpanPengaturan } from '../services/pengaturan/pengaturan';
import { statistik } from '../services/dasbor/statistik';
import { ajukanLaporan, bukaKembaliLaporan, daftarLaporan, katalogAktif, lembarEntri, simpanLaporan, verifikasiLaporan } from '../services/laporan/laporan';
import { tulisDokumenLaporan } from '../services/laporan/dokumen';
import { hitungKepatuhan, hitungRekap } from '../services/laporan/rekap';
import { daftarFoto, pathFoto, tambahFoto } from '../services/laporan/foto';
import { ambilProposal, daftarDinas, daftarProposal, simpanDaftarDinas, simpanProposal, simpanRab, simpanTemplatSurat, templatSurat, ubahStatusProposal } from '../services/proposal/proposal';
import { ISIAN_SURAT } from '../common/proposal';
import { imporRabXlsx, pdfProposal, rabXlsx } from '../services/proposal/dokumen';
import { terbilang } from '../common/terbilang';
import { buatBundelReferensi, buatTandaTerima, eksporBundel, imporBundel, periksaBundel } from '../services/sinkron/bundle';
import { bacaIdentitas, buatKunci, cadangkanKunci, daftarkanMitra, identitas, pulihkanKunci } from '../services/sinkron/kunci';
import { infoSinkron } from '../services/sinkron/info';
import { statusKabupaten } from '../services/sinkron/provinsi';
import { hitungDashboard, hitungMonev, monitoringFasilitator, simpanTarget } from '../services/dasbor/dashboard';
import { dokumenMonev } from '../services/dasbor/monev-dokumen';
import { ambilCatatan, daftarCatatan, simpanCatatan } from '../services/mitra/catatan';
import { dokumenUsulanGerobak, pdfPerjanjian, penilaianGerobak, ringkasanMitra, simpanPenilaianGerobak } from '../services/mitra/mitra';
import { cocokkan, daftarSnapshot, eksporHasil, hapusSnapshot, hasilPencocokan, imporEkstrak, konfirmasiNama, pratinjauEkstrak, ringkasanDtsen } from '../services/dtsen/dtsen';
import { desaDi, kabupatenJatim, kecamatanDi } from '../services/wilayah/wilayah';
import { RecordWriter } from '../../db/write';
import { APP_VERSION, type AppContext } from './context';

export type Handler<M extends MethodName> = (ctx: AppContext, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

const cadanganInfo = ({ nama, jenis, waktu, ukuran }: { nama: string; jenis: string; waktu: string; ukuran: number }) => ({ nama, jenis, waktu, ukuran });

// Each door (IPC, web, CLI) reaches the services only through this map; it holds no logic of its own.
export const handlers: Handlers = {
  'app.status': (ctx) => {
    const pengaturan = bacaPengaturan(ctx.db);
    return { versi: APP_VERSION, skema: SCHEMA_VERSION, dbFile: ctx.db.file, siap: pengaturan.mode !== null, pengaturan, integritas: ctx.integritas };
  },
  'app.statistik': (ctx) => statistik(ctx.db),

  'pengaturan.setup': (ctx, input) => setup(ctx.db, input),
  'pengaturan.simpan': (ctx, input) => simpanPengaturan(ctx.db, input),

  'demo.buat': (ctx, input) => buatDemo(ctx.db, { kelompok: input.kelompok, seed: input.seed, bulan: input.bulan, kabupaten: input.kabupaten ?? undefined }),

  'wilayah.kabupaten': () => kabupatenJatim(),
  'wilayah.kecamatan': (_ctx, input) => kecamatanDi(input.kabupaten),
  'wilayah.desa': (_ctx, input) => desaDi(input.kecamatan),

  'nik.periksa': (_ctx, input) => periksaNik(input.nik, { jenisKelamin: input.jenisKelamin ?? null, tanggalLahir: input.tanggalLahir ?? null }),

  'fasilitator.list': (ctx, input) => daftarFasilitator(ctx.db, input),
  'fasilitator.get': (ctx, input) => ambilFasilitator(ctx.db, input.id),
  'fasilitator.simpan': (ctx, input) => simpanFasilitator(ctx.db, input),
  'fasilitator.hapus': (ctx, input) => hapusFasilitator(ctx.db, input.id, input.alasan),
  'fasilitator.pulihkan': (ctx, input) => RecordWriter.forDb(ctx.db).restore('fasilitator', input.id),

  'kelompok.list': (ctx, input) => daftarKelompok(ctx.db, input),
  'kelompok.get': (ctx, input) => ambilKelompok(ctx.db, input.id),
  'kelompok.simpan': (ctx, input) => simpanKelompok(ctx.db, input),
  'kelompok.hapus': (ctx, input) => hapusKelompok(ctx.db, input.id, input.alasan),
  'kelompok.pulihkan': (ctx, input) => RecordWriter.forDb(ctx.db).restore('kelompok', input.id),
  'kelompok.sektor': (ctx) => daftarSektor(ctx.db),

  'anggota.list': (ctx, input) => daftarAnggota(ctx.db, input),
  'anggota.get': (ctx, input) => ambilAnggota(ctx.db, input.id),
  'anggota.simpan': (ctx, input) => simpanAnggota(ctx.db, input),
  'anggota.hapus': (ctx, input) => RecordWriter.forDb(ctx.db).remove('anggota', input.id, input.alasan),
  'anggota.pulihkan': (ctx, input) => RecordWriter.forDb(ctx.db).restore('anggota', input.id),
  'anggota.imporPratinjau': (ctx, input) => pratinjauImpor(ctx.files.resolve(input.berkas), input.berkas, input.sheet),
  'anggota.impor': (ctx, input) =>
    imporAnggota(ctx.db, ctx.files.resolve(input.berkas), input.berkas, { sheet: input.sheet, mapping: input.mapping, kelompokId: input.kelompokId, dryRun: input.dryRun }),
  'anggota.ekspor': (ctx, input) => {
    const out = ctx.files.output(`anggota-${bacaPengaturan(ctx.db).kabupaten_kode ?? ''}-${new Date().toISOString().slice(0, 10)}.xlsx`);
    eksporAnggota(ctx.db, input, out.path);
    return out.ref();
  },

  'laporan.katalog': (ctx) => katalogAktif(ctx.db),
  'laporan.lembar': (ctx, input) => lembarEntri(ctx.db, input),
  'laporan.simpan': (ctx, input) => simpanLaporan(ctx.db, input),
  'laporan.ajukan': (ctx, input) => ajukanLaporan(ctx.db, input.ids),
  'laporan.verifikasi': (ctx, input) => verifikasiLaporan(ctx.db, input.ids),
  'laporan.bukaKembali': (ctx, input) => bukaKembaliLaporan(ctx.db, input.id, input.alasan),
  'laporan.list': (ctx, input) => daftarLaporan(ctx.db, input),
  'laporan.rekap': (ctx, input) => hitungRekap(ctx.db, input.periode, input.per, new Date(), input.kabupaten ?? null),
  'laporan.kepatuhan': (ctx, input) => hitungKepatuhan(ctx.db, input.periode),
  'laporan.dokumen': async (ctx, input) => {
    const kode = bacaPengaturan(ctx.db).kabupaten_kode ?? '';
    const bulanan = /^\d{4}-\d{2}$/.test(input.periode);
    const nama = bulanan ? `laporan-bulanan-${kode}-${input.periode}.${input.format}` : `rekap-${kode}-${input.periode}-per-${input.per}.${input.format}`;
    const out = ctx.files.output(nama);
    await tulisDokumenLaporan(ctx.db, input, out.path);
    return out.ref();
  },
  'laporan.foto': (ctx, input) => daftarFoto(ctx.db, input.laporan_id),
  'laporan.fotoTambah': (ctx, input) => tambahFoto(ctx.db, { laporan_id: input.laporan_id, path: ctx.files.resolve(input.berkas), nama: input.berkas.nama, keterangan: input.keterangan }),
  'laporan.fotoHapus': (ctx, input) => RecordWriter.forDb(ctx.db).remove('foto_laporan', input.id),
  'laporan.fotoData': (ctx, input) => {
    const f = pathFoto(ctx.db, input.id);
    return { dataUrl: `data:${f.mime};base64,${readFileSync(f.path).toString('base64')}` };
  },

  'proposal.list': (ctx, input) => daftarProposal(ctx.db, input),
  'proposal.get': (ctx, input) => ambilProposal(ctx.db, input.id),
  'proposal.simpan': (ctx, input) => simpanProposal(ctx.db, input),
  'proposal.simpanRab': (ctx, input) => simpanRab(ctx.db, input.id, input.items),
  'proposal.status': (ctx, input) => ubahStatusProposal(ctx.db, input.id, input.status, input.nilai_disetujui ?? null),
  'proposal.hapus': (ctx, input) => RecordWriter.forDb(ctx.db).remove('proposal', input.id, input.alasan),
  'proposal.pdf': async (ctx, input) => {
    const out = ctx.files.output(`proposal-${input.id.slice(-8)}.pdf`);
    await pdfProposal(ctx.db, input.id, out.path, { nikLengkap: input.nikLengkap });
    return out.ref();
  },
  'proposal.rabXlsx': async (ctx, input) => {
    const out = ctx.files.output(`rab-${input.id.slice(-8)}.xlsx`);
    await rabXlsx(ctx.db, input.id, out.path);
    return out.ref();
  },
  'proposal.imporRab': (ctx, input) => imporRabXlsx(ctx.files.resolve(input.berkas)),
  'proposal.dinas': (ctx) => daftarDinas(ctx.db),
  'proposal.simpanDinas': (ctx, input) => simpanDaftarDinas(ctx.db, input.daftar),
  'proposal.templatSurat': (ctx) => ({ templat: templatSurat(ctx.db), isian: [...ISIAN_SURAT], bolehUbah: bacaPengaturan(ctx.db).mode === 'provinsi' }),
  'proposal.simpanTemplatSurat': (ctx, input) => simpanTemplatSurat(ctx.db, input),
  'proposal.terbilang': (_ctx, input) => terbilang(input.n),

  'sinkron.info': (ctx) => infoSinkron(ctx.db),
  'sinkron.buatKunci': (ctx) => ({ sidik_jari: buatKunci(ctx.db).sidik_jari }),
  'sinkron.eksporIdentitas': (ctx) => {
    const id = identitas(ctx.db);
    const out = ctx.files.output(`identitas-${id.kode}.bmid`);
    writeFileSync(out.path, JSON.stringify(id, null, 2));
    return out.ref();
  },
  'sinkron.cadangkanKunci': (ctx, input) => {
    const out = ctx.files.output(`cadangan-kunci-${identitas(ctx.db).kode}.bmkey`);
    writeFileSync(out.path, cadangkanKunci(ctx.db, input.frasa));
    return out.ref();
  },
  'sinkron.pulihkanKunci': (ctx, input) => {
    pulihkanKunci(ctx.db, readFileSync(ctx.files.resolve(input.berkas), 'utf8'), input.frasa);
    return { sidik_jari: identitas(ctx.db).sidik_jari };
  },
  'sinkron.imporIdentitas': (ctx, input) => daftarkanMitra(ctx.db, bacaIdentitas(readFileSync(ctx.files.resolve(input.berkas), 'utf8')), { gantiKunci: input.gantiKunci }),
  'sinkron.eksporBundel': (ctx, input) => {
    const hasil = eksporBundel(ctx.db, { penuh: input.penuh, folder: dirname(ctx.files.tempPath('bundel')) });
    return { berkas: ctx.files.register(hasil.berkas), ukuran: hasil.ukuran, jumlah: hasil.manifest.jumlah, seq: hasil.manifest.seq };
  },
  'sinkron.periksaBundel': (ctx, input) => {
    const r = periksaBundel(readFileSync(ctx.files.resolve(input.berkas)), input.berkas.nama);
    return { ...r, manifest: r.manifest as unknown as Record<string, unknown> };
  },
  'sinkron.imporBundel': (ctx, input) => imporBundel(ctx.db, readFileSync(ctx.files.resolve(input.berkas)), { nama: input.berkas.nama, dryRun: input.dryRun, percayai: input.percayai }),
  'sinkron.tandaTerima': (ctx, input) => {
    const out = ctx.files.output(`tanda-terima-${input.kabupaten}-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.bmb`);
    buatTandaTerima(ctx.db, input.kabupaten, out.path);
    return out.ref();
  },
  'sinkron.bundelReferensi': (ctx) => {
    const out = ctx.files.output(`referensi-35-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.bmb`);
    buatBundelReferensi(ctx.db, out.path);
    return out.ref();
  },
  'sinkron.statusKabupaten': (ctx) => statusKabupaten(ctx.db),

  'tugas.status': (ctx, input) => ctx.tugas.status(input.id),
  'tugas.batal': (ctx, input) => ctx.tugas.batal(input.id),

  'dtsen.pratinjau': (ctx, input) => pratinjauEkstrak(ctx.files.resolve(input.berkas), input.berkas.nama),
  'dtsen.impor': (ctx, input) => {
    const path = ctx.files.resolve(input.berkas);
    return ctx.tugas.mulai('impor ekstrak DTKS/DT-SEN', (onProgres, signal) => imporEkstrak(ctx.db, path, input.berkas.nama, { sumber: input.sumber, tanggal: input.tanggal, mapping: input.mapping ?? null }, onProgres, signal));
  },
  'dtsen.snapshot': (ctx) => daftarSnapshot(ctx.db),
  'dtsen.hapusSnapshot': (ctx, input) => hapusSnapshot(ctx.db, input.id),
  'dtsen.cocokkan': (ctx, input) => cocokkan(ctx.db, input.snapshot_id),
  'dtsen.ringkasan': (ctx) => ringkasanDtsen(ctx.db),
  'dtsen.hasil': (ctx, input) => hasilPencocokan(ctx.db, input).rows,
  'dtsen.konfirmasi': (ctx, input) => konfirmasiNama(ctx.db, input.anggota_id, input.terima),
  'dtsen.ekspor': async (ctx, input) => {
    const out = ctx.files.output(`hasil-dtsen-${input.status ?? 'semua'}-${new Date().toISOString().slice(0, 10)}.${input.format}`);
    await eksporHasil(ctx.db, out.path, { status: input.status ?? null });
    return out.ref();
  },

  'catatan.list': (ctx, input) => daftarCatatan(ctx.db, input.entitas, input),
  'catatan.get': (ctx, input) => ambilCatatan(ctx.db, input.entitas, input.id),
  'catatan.simpan': (ctx, input) => simpanCatatan(ctx.db, input.entitas, input.nilai),
  'catatan.hapus': (ctx, input) => RecordWriter.forDb(ctx.db).remove(input.entitas, input.id, input.alasan),
  'catatan.pulihkan': (ctx, input) => RecordWriter.forDb(ctx.db).restore(input.entitas, input.id),
  'mitra.ringkasan': (ctx) => ringkasanMitra(ctx.db),
  'perjanjian.pdf': async (ctx, input) => {
    const out = ctx.files.output(`perjanjian-${input.id.slice(-8)}.pdf`);
    await pdfPerjanjian(ctx.db, input.id, out.path);
    return out.ref();
  },
  'gerobak.list': (ctx, input) => penilaianGerobak(ctx.db, input.tahun),
  'gerobak.simpan': (ctx, input) => simpanPenilaianGerobak(ctx.db, input),
  'gerobak.usulan': async (ctx, input) => {
    const out = ctx.files.output(`usulan-gerobak-${bacaPengaturan(ctx.db).kabupaten_kode}-${input.tahun}.${input.format}`);
    await dokumenUsulanGerobak(ctx.db, input.tahun, input.format, out.path);
    return out.ref();
  },

  'dashboard.get': (ctx, input) => hitungDashboard(ctx.db, input),
  'monev.get': (ctx, input) => hitungMonev(ctx.db, input.periode),
  'monev.fasilitator': (ctx, input) => monitoringFasilitator(ctx.db, input.periode),
  'monev.simpanTarget': (ctx, input) => simpanTarget(ctx.db, { ...input, kecamatan_kode: input.kecamatan_kode ?? null }),
  'monev.dokumen': async (ctx, input) => {
    const out = ctx.files.output(`emonev-${bacaPengaturan(ctx.db).kabupaten_kode}-${input.periode}.${input.format}`);
    await dokumenMonev(ctx.db, input.periode, input.format, out.path);
    return out.ref();
  },

  'audit.list': (ctx, input) => riwayat(ctx.db, input.tabel, input.id),

  'cadangan.list': (ctx) => listBackups(ctx.db.file).map(cadanganInfo),
  'cadangan.buat': (ctx) => cadanganInfo(makeBackup(ctx.db.sqlite, ctx.db.file, 'manual')),
  'cadangan.pulihkan': (ctx, input) => ({ sebelumnya: cadanganInfo(ctx.restore(input.nama)) }),
};
