import { pasangPraktikProvinsi, praktikUntukReferensiK } from '../mitra';
import { pasangAkarProvinsi, pemAkarK } from '../tte';
import { RUPIAH_MAKS } from '../../common/batas';
import { gzipSync } from 'node:zlib';
import { builder, type Db } from '../../../db/connection';
import { jalankan, satuQ, type Kerja } from '../../../db/kueri';
import type { HasilImporBundel } from '../../common/api/sinkron';
import { AppError } from '../../common/errors';
import type { Katalog } from '../../common/laporan';
import type { TemplatSurat } from '../../common/proposal';
import type { Pengaturan } from '../../common/records';
import { simpanTargetKabupaten, targetProvinsiK, type TargetProvinsi } from '../dasbor';
import { katalogAktif, katalogAktifK, pasangKatalog } from '../laporan';
import { keputusanBerlakuK, keputusanSah, terapkanKeputusan, type Keputusan } from '../laporan';
import { pengaturanK, simpanNilai } from '../pengaturan';
import { daftarDinasK, pasangTemplatSurat, simpanDaftarDinas, templatSuratK } from '../proposal';
import { namaWilayah } from '../wilayah';
import { FORMAT_VERSI, inflasi, MAKS_ISI_KECIL_BYTE, manifestDari, rusak, susun, tulisTerverifikasi, type HeaderBundel, type Terurai } from './amplop';
import { ack } from './ekspor';
import { bukaKunciPrivat, type Pelindung } from './kunci';


export interface IsiTandaTerima {
  kabupaten: string;
  bundle_seq: number;
  cl_sampai: number;
  audit_sampai: string | null;
  diterima_pada: string;
  /** The province's decisions on this district's reports (absent in receipts of older versions). */
  keputusan?: Keputusan[];
}

/** Province: a signed receipt telling a district what arrived, so its next bundle starts there. */
export function buatTandaTerima(db: Db, pelindung: Pelindung, kabupaten: string, path: string): { berkas: string; isi: IsiTandaTerima } {
  return segelTandaTerima(jalankan(db, tandaTerimaK(kabupaten)), pelindung, path);
}

/** What a receipt says, read in one piece of work (the province's file or server), with the keys to sign it. */
export interface DataTandaTerima {
  isi: IsiTandaTerima;
  pengaturan: Pengaturan;
  kunci: { publik: string; privat: string; pelindung: string } | undefined;
}

export function* tandaTerimaK(kabupaten: string): Kerja<DataTandaTerima> {
  const pengaturan = yield* pengaturanK();
  if (pengaturan.mode !== 'provinsi') throw new AppError('MODE_SALAH', 'Tanda terima dibuat oleh provinsi.');
  const last = yield* satuQ(builder.selectFrom('bundle_masuk').selectAll().where('pengirim', '=', kabupaten).where('jenis', '=', 'data').orderBy('sampai_cl', 'desc').limit(1));
  if (!last) throw new AppError('BELUM_ADA_BUNDEL', `Belum ada bundel dari ${namaWilayah(kabupaten) ?? kabupaten} yang diimpor.`);
  const audit = (yield* satuQ(builder.selectFrom('audit').select((eb) => eb.fn.max('id').as('m')).where('kabupaten_kode', '=', kabupaten)))?.m ?? null;
  const keputusan = [...(yield* keputusanBerlakuK(kabupaten)).values()];
  const isi: IsiTandaTerima = { kabupaten, bundle_seq: last.seq, cl_sampai: last.sampai_cl, audit_sampai: (audit as string | null) ?? last.audit_sampai, diterima_pada: last.diterima_pada, keputusan };
  const kunci = yield* kunciTandaTanganK();
  return { isi, pengaturan, kunci };
}

/** The receipt signed with the province's key and written (verified) to path. */
export function segelTandaTerima(d: DataTandaTerima, pelindung: Pelindung, path: string): { berkas: string; isi: IsiTandaTerima } {
  segelPolos('tanda-terima', d.isi.kabupaten, d.isi, {}, d, pelindung, path);
  return { berkas: path, isi: d.isi };
}

/** The province's signing key, read with what a small bundle carries (receipt, reference). */
function kunciTandaTanganK() {
  return satuQ(builder.selectFrom('kunci').select(['publik', 'privat', 'pelindung']).where('jenis', '=', 'tanda_tangan'));
}

/** A small bundle of the province's (receipt, reference): JSON, gzipped, signed, unencrypted, written and verified. */
function segelPolos(jenis: 'tanda-terima' | 'referensi', penerima: string, isi: object, jumlah: Record<string, number>, d: Pick<DataTandaTerima, 'pengaturan' | 'kunci'>, pelindung: Pelindung, path: string): void {
  const plain = Buffer.from(JSON.stringify(isi));
  const privat = bukaKunciPrivat(d.kunci, pelindung);
  const header: HeaderBundel = { format_versi: FORMAT_VERSI, jenis, pengirim: '35', penerima, kunci_pengirim: d.kunci!.publik, manifest: manifestDari(d.pengaturan, jenis, plain, jumlah), enkripsi: null };
  tulisTerverifikasi(path, susun(header, gzipSync(plain), privat), header.kunci_pengirim);
}

/** The JSON of an acknowledgement or reference bundle, inflated within bounds; a wrong shape is a damaged file. */
function bacaJson<T extends object>(t: Terurai, nama: string, bentuk: (x: Partial<T> & Record<string, unknown>) => boolean): T {
  const text = inflasi(t.payload, MAKS_ISI_KECIL_BYTE, nama).toString('utf8');
  let isi: unknown;
  try {
    isi = JSON.parse(text);
  } catch {
    isi = null;
  }
  if (typeof isi !== 'object' || isi === null || !bentuk(isi as Partial<T> & Record<string, unknown>)) throw rusak(`${nama} berisi data yang tidak dikenal. Minta provinsi mengirim ulang berkasnya. Tidak ada yang diubah.`);
  return isi as T;
}

export function terapkanTandaTerima(db: Db, p: Pengaturan, t: Terurai, nama: string, dryRun: boolean): HasilImporBundel {
  const isi = bacaJson<IsiTandaTerima>(
    t,
    nama,
    (x) => typeof x.kabupaten === 'string' && Number.isInteger(x.bundle_seq) && Number.isInteger(x.cl_sampai) && (x.keputusan === undefined || (Array.isArray(x.keputusan) && x.keputusan.length <= 100_000 && x.keputusan.every(keputusanSah))),
  );
  const own = p.kabupaten_kode;
  if (isi.kabupaten !== own) throw new AppError('BUKAN_UNTUK_KITA', `${nama} adalah tanda terima untuk ${isi.kabupaten}, bukan untuk ${own}.`);
  const a = ack(db);
  const maju = isi.cl_sampai > a.cl;
  let keputusan = { diterima: 0, dikembalikan: 0, dilewati: 0 };
  db.tx(() => {
    if (!dryRun && maju) {
      simpanNilai(db, 'ack_cl', String(isi.cl_sampai));
      simpanNilai(db, 'ack_bundle', String(isi.bundle_seq));
      if (isi.audit_sampai) simpanNilai(db, 'ack_audit', isi.audit_sampai);
    }
    // The province's decisions apply whether or not the receipt moves the bundle sequence on.
    keputusan = terapkanKeputusan(db, isi.keputusan ?? [], dryRun);
  });
  const putusan = keputusan.diterima + keputusan.dikembalikan ? ` Keputusan provinsi: ${keputusan.diterima} laporan diterima (terkunci), ${keputusan.dikembalikan} dikembalikan untuk diperbaiki.` : '';
  return {
    jenis: 'tanda-terima',
    pengirim: '35',
    seq: isi.bundle_seq,
    penuh: false,
    dryRun,
    sudahPernah: !maju && !putusan,
    tabel: {},
    lampiran: 0,
    pesan: (maju ? `Tanda terima: provinsi sudah menerima bundel ke-${isi.bundle_seq} (perubahan sampai nomor ${isi.cl_sampai}). Bundel berikutnya mulai dari sana.` : putusan ? 'Tanda terima: urutan bundel sudah tercatat.' : 'Tanda terima ini tidak lebih baru dari yang sudah tercatat; tidak ada yang berubah.') + putusan,
  };
}

interface IsiReferensi {
  katalog: Katalog;
  dinas: string[];
  /** Targets the province sets per kabupaten (absent in bundles of older versions). */
  target?: TargetProvinsi[];
  /** The covering letter of proposals (absent in bundles of older versions). */
  templat_surat?: TemplatSurat;
  /** Districts' best practices the province shares (absent in bundles of older versions). */
  praktik?: unknown;
  /** The electronic-signature roots the province trusts, as PEM (absent in bundles of older versions). */
  akar_tte?: unknown;
}

/** Province: reference data for every district (indicator catalogue, Dinas list, targets, covering letter), signed. */
export function buatBundelReferensi(db: Db, pelindung: Pelindung, path: string): { berkas: string; katalog_versi: number } {
  return segelReferensi(jalankan(db, bundelReferensiK()), pelindung, path);
}

/** What the reference bundle carries, read in one piece of work (the province's file or server), with its keys. */
export interface DataReferensi {
  isi: IsiReferensi;
  pengaturan: Pengaturan;
  kunci: DataTandaTerima['kunci'];
}

export function* bundelReferensiK(): Kerja<DataReferensi> {
  const pengaturan = yield* pengaturanK();
  if (pengaturan.mode !== 'provinsi') throw new AppError('MODE_SALAH', 'Bundel referensi dibuat oleh provinsi.');
  const isi: IsiReferensi = { katalog: yield* katalogAktifK(), dinas: yield* daftarDinasK(), target: yield* targetProvinsiK(), templat_surat: yield* templatSuratK(), praktik: yield* praktikUntukReferensiK(), akar_tte: yield* pemAkarK() };
  const kunci = yield* kunciTandaTanganK();
  return { isi, pengaturan, kunci };
}

/** The reference bundle signed with the province's key and written (verified) to path. */
export function segelReferensi(d: DataReferensi, pelindung: Pelindung, path: string): { berkas: string; katalog_versi: number } {
  segelPolos('referensi', '*', d.isi, { katalog_versi: d.isi.katalog.versi, dinas: d.isi.dinas.length }, d, pelindung, path);
  return { berkas: path, katalog_versi: d.isi.katalog.versi };
}

export function terapkanReferensi(db: Db, p: Pengaturan, t: Terurai, nama: string, dryRun: boolean): HasilImporBundel {
  const isi = bacaJson<IsiReferensi>(t, nama, (x) => typeof x.katalog === 'object' && x.katalog !== null && Array.isArray(x.dinas));
  let pesan = '';
  if (!dryRun) {
    db.tx(() => {
      const baru = pasangKatalog(db, isi.katalog);
      simpanDaftarDinas(db, isi.dinas);
      const own = p.kabupaten_kode;
      for (const t of isi.target ?? []) {
        // The quarter split comes with the target, only as numbers (a split that does not add up refuses the bundle).
        const tw = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= RUPIAH_MAKS ? v : null);
        if (t.kabupaten_kode === own) simpanTargetKabupaten(db, { tahun: t.tahun, indikator: t.indikator, kecamatan_kode: null, nilai: t.nilai, sumber: 'provinsi', target_t1: tw(t.target_t1), target_t2: tw(t.target_t2), target_t3: tw(t.target_t3), target_t4: tw(t.target_t4) });
      }
      const surat = isi.templat_surat ? pasangTemplatSurat(db, isi.templat_surat) : false;
      const praktik = isi.praktik === undefined ? null : pasangPraktikProvinsi(db, isi.praktik);
      const akar = pasangAkarProvinsi(db, isi.akar_tte);
      pesan = `${baru ? `Katalog indikator versi ${isi.katalog.versi} dipasang` : `Katalog indikator sudah versi ${katalogAktif(db).versi}`}; daftar dinas diperbarui${surat ? `; templat surat pengantar versi ${isi.templat_surat!.versi} dipasang` : ''}${praktik ? `; ${praktik} praktik baik dari kabupaten/kota lain` : ''}${akar ? `; ${akar} akar tanda tangan elektronik tepercaya` : ''}.`;
    });
  } else pesan = `Uji coba: katalog versi ${isi.katalog.versi}, ${isi.dinas.length} dinas.`;
  return { jenis: 'referensi', pengirim: '35', seq: 0, penuh: false, dryRun, sudahPernah: false, tabel: {}, lampiran: 0, pesan };
}


