import { sql } from 'kysely';
import { builder, type Db } from '../../../db/connection';
import { barisQ, satuQ, type Kerja } from '../../../db/kueri';
import { RecordWriter } from '../../../db/write';
import type { Disimpan, FasilitatorRow, ParsedInput } from '../../common/api';
import type { Page } from '../../common/contract-kit';
import { AppError } from '../../common/errors';
import { isianDari } from '../../common/register';
import { periksaNik } from '../wilayah';
import { kecamatanDariDesa, namaWilayah } from '../wilayah';

/** A page of facilitators (at the province every district's, read-only), on the file or the server. */
export function* daftarFasilitatorK(input: ParsedInput<'fasilitator.list'>): Kerja<Page<FasilitatorRow>> {
  const where = builder
    .selectFrom('fasilitator as f')
    .where(input.terhapus ? 'f.deleted_at' : 'f.deleted_at', input.terhapus ? 'is not' : 'is', null)
    .$if(!!input.cari, (q) => q.where((eb) => eb.or([eb('f.nama', 'like', `%${input.cari}%`), eb('f.no_hp', 'like', `%${input.cari}%`), eb('f.nik', 'like', `${input.cari}%`)])))
    .$if(!!input.kabupaten, (q) => q.where('f.kabupaten_kode', '=', input.kabupaten!))
    .$if(!!input.kecamatan, (q) => q.where('f.kecamatan_kode', '=', input.kecamatan!))
    .$if(!!input.status, (q) => q.where('f.status', '=', input.status!));
  const total = (yield* satuQ(where.select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0;
  const rows = yield* barisQ(
    where
      .selectAll('f')
      .select(sql<number>`(SELECT count(*) FROM kelompok k WHERE k.fasilitator_id = f.id AND k.deleted_at IS NULL)`.as('jumlah_kelompok'))
      .orderBy('f.nama')
      .orderBy('f.id')
      .limit(input.per)
      .offset((input.halaman - 1) * input.per),
  );
  return { rows: rows.map(withNames), total, halaman: input.halaman, per: input.per };
}

function withNames<T extends { kecamatan_kode: string | null; desa_kode: string | null }>(row: T) {
  return { ...row, kecamatan_nama: namaWilayah(row.kecamatan_kode), desa_nama: namaWilayah(row.desa_kode) };
}

export function* ambilFasilitatorK(id: string): Kerja<FasilitatorRow> {
  const row = yield* satuQ(
    builder
      .selectFrom('fasilitator as f')
      .selectAll('f')
      .select(sql<number>`(SELECT count(*) FROM kelompok k WHERE k.fasilitator_id = f.id AND k.deleted_at IS NULL)`.as('jumlah_kelompok'))
      .where('f.id', '=', id),
  );
  if (!row) throw new AppError('TIDAK_DITEMUKAN', 'Fasilitator tidak ditemukan. Muat ulang daftar.');
  return withNames(row);
}

export function simpanFasilitator(db: Db, input: ParsedInput<'fasilitator.simpan'>): Disimpan {
  const writer = RecordWriter.forDb(db);
  const peringatan: string[] = [];
  let nik = input.nik;
  if (nik) {
    const info = periksaNik(nik);
    if (!info.valid) throw new AppError('NIK_TIDAK_VALID', info.errors.join(' '), info.errors.map((message) => ({ field: 'nik', message })));
    nik = nik.replace(/\D/g, '');
    peringatan.push(...info.warnings);
  }
  const kecamatan = input.desa_kode ? kecamatanDariDesa(input.desa_kode) : input.kecamatan_kode;
  if (kecamatan && writer.kabupatenKode !== '35' && !kecamatan.startsWith(writer.kabupatenKode + '.')) {
    throw new AppError('WILAYAH_LUAR', `Wilayah tugas harus di ${namaWilayah(writer.kabupatenKode)}. Pilih kecamatan dari daftar.`, [{ field: 'kecamatan_kode', message: 'Kecamatan di luar kabupaten ini.' }]);
  }
  const values = { ...isianDari('fasilitator', input), nik, kecamatan_kode: kecamatan };
  if (input.id) {
    writer.update('fasilitator', input.id, values);
    return { id: input.id, peringatan };
  }
  return { id: writer.insert('fasilitator', values), peringatan };
}

export function hapusFasilitator(db: Db, id: string, alasan: string | null): void {
  const groups = db.get(db.q.selectFrom('kelompok').select((eb) => eb.fn.countAll<number>().as('n')).where('fasilitator_id', '=', id).where('deleted_at', 'is', null))?.n ?? 0;
  if (groups > 0) {
    throw new AppError('MASIH_DIPAKAI', `Fasilitator ini masih mendampingi ${groups} kelompok. Ganti pendamping kelompok-kelompok itu lebih dulu, atau ubah statusnya menjadi nonaktif.`);
  }
  RecordWriter.forDb(db).remove('fasilitator', id, alasan);
}

/** Brings a deleted facilitator back. */
export function pulihkanFasilitator(db: Db, id: string): void {
  RecordWriter.forDb(db).restore('fasilitator', id);
}
