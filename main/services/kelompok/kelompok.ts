import { sql } from 'kysely';
import { builder, type Db } from '../../../db/connection';
import { barisQ, jalankan, satuQ, type Kerja } from '../../../db/kueri';
import { RecordWriter } from '../../../db/write';
import type { Disimpan, KelompokRow, ParsedInput } from '../../common/api';
import type { Page } from '../../common/contract-kit';
import { AppError } from '../../common/errors';
import { SEKTOR_USAHA } from '../../common/records';
import { isianDari } from '../../common/register';
import { kecamatanDariDesa, namaWilayah } from '../wilayah';

function filtered(input: Partial<ParsedInput<'kelompok.list'>>) {
  return builder
    .selectFrom('kelompok as k')
    .leftJoin('fasilitator as f', 'f.id', 'k.fasilitator_id')
    .$if(input.terhapus !== undefined, (q) => q.where('k.deleted_at', input.terhapus ? 'is not' : 'is', null))
    .$if(!!input.cari, (q) => q.where((eb) => eb.or([eb('k.nama', 'like', `%${input.cari}%`), eb('k.produk_utama', 'like', `%${input.cari}%`)])))
    .$if(!!input.kabupaten, (q) => q.where('k.kabupaten_kode', '=', input.kabupaten!))
    .$if(!!input.kecamatan, (q) => q.where('k.kecamatan_kode', '=', input.kecamatan!))
    .$if(!!input.desa, (q) => q.where('k.desa_kode', '=', input.desa!))
    .$if(!!input.fasilitator, (q) => q.where('k.fasilitator_id', '=', input.fasilitator!))
    .$if(!!input.status, (q) => q.where('k.status', '=', input.status!))
    .$if(!!input.sektor, (q) => q.where('k.sektor', '=', input.sektor!));
}

function selectRow(q: ReturnType<typeof filtered>) {
  return q
    .selectAll('k')
    .select('f.nama as fasilitator_nama')
    .select(sql<number>`(SELECT count(*) FROM anggota a WHERE a.kelompok_id = k.id AND a.deleted_at IS NULL)`.as('jumlah_anggota'))
    .select(sql<string | null>`(SELECT a.nama FROM anggota a WHERE a.kelompok_id = k.id AND a.deleted_at IS NULL AND a.jabatan = 'ketua' LIMIT 1)`.as('ketua_nama'));
}

function withNames<T extends { kecamatan_kode: string; desa_kode: string }>(row: T) {
  return { ...row, kecamatan_nama: namaWilayah(row.kecamatan_kode) ?? row.kecamatan_kode, desa_nama: namaWilayah(row.desa_kode) ?? row.desa_kode };
}

/** A page of groups (a district's own; at the province every district's, read-only), on the file or the server. */
export function* daftarKelompokK(input: ParsedInput<'kelompok.list'>): Kerja<Page<KelompokRow>> {
  const total = (yield* satuQ(filtered(input).select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0;
  const rows = yield* barisQ(selectRow(filtered(input)).orderBy('k.nama').orderBy('k.id').limit(input.per).offset((input.halaman - 1) * input.per));
  return { rows: rows.map(withNames), total, halaman: input.halaman, per: input.per };
}

export function ambilKelompok(db: Db, id: string): KelompokRow {
  return jalankan(db, ambilKelompokK(id));
}

export function* ambilKelompokK(id: string): Kerja<KelompokRow> {
  const row = yield* satuQ(selectRow(filtered({})).where('k.id', '=', id));
  if (!row) throw new AppError('TIDAK_DITEMUKAN', 'Kelompok tidak ditemukan. Muat ulang daftar.');
  return withNames(row);
}

/** The standard sectors plus any other the office has used. */
export function* daftarSektorK(): Kerja<string[]> {
  const used = (yield* barisQ(builder.selectFrom('kelompok').select('sektor').distinct().where('deleted_at', 'is', null).orderBy('sektor'))).map((r) => r.sektor);
  return [...new Set<string>([...SEKTOR_USAHA, ...used])];
}

export function simpanKelompok(db: Db, input: ParsedInput<'kelompok.simpan'>): Disimpan {
  const writer = RecordWriter.forDb(db);
  if (!namaWilayah(input.desa_kode) || (writer.kabupatenKode !== '35' && !input.desa_kode.startsWith(writer.kabupatenKode + '.'))) {
    throw new AppError('WILAYAH_LUAR', `Desa/kelurahan harus di ${namaWilayah(writer.kabupatenKode)}. Pilih kecamatan lalu desa dari daftar.`, [{ field: 'desa_kode', message: 'Pilih desa/kelurahan.' }]);
  }
  if (input.fasilitator_id) {
    const f = db.get(db.q.selectFrom('fasilitator').select(['id', 'status']).where('id', '=', input.fasilitator_id).where('deleted_at', 'is', null));
    if (!f) throw new AppError('TIDAK_DITEMUKAN', 'Fasilitator pendamping tidak ditemukan. Pilih dari daftar.', [{ field: 'fasilitator_id', message: 'Pilih fasilitator.' }]);
  }
  const peringatan: string[] = [];
  const sameName = db.get(
    db.q.selectFrom('kelompok').select('id').where('nama', '=', input.nama).where('desa_kode', '=', input.desa_kode).where('deleted_at', 'is', null).$if(!!input.id, (q) => q.where('id', '!=', input.id!)),
  );
  if (sameName) peringatan.push(`Sudah ada kelompok bernama "${input.nama}" di desa yang sama. Pastikan ini bukan data ganda.`);
  const values = { ...isianDari('kelompok', input), kecamatan_kode: kecamatanDariDesa(input.desa_kode) };
  if (input.id) {
    writer.update('kelompok', input.id, values);
    return { id: input.id, peringatan };
  }
  return { id: writer.insert('kelompok', values), peringatan };
}

export function hapusKelompok(db: Db, id: string, alasan: string | null): void {
  const members = db.get(db.q.selectFrom('anggota').select((eb) => eb.fn.countAll<number>().as('n')).where('kelompok_id', '=', id).where('deleted_at', 'is', null))?.n ?? 0;
  if (members > 0) {
    throw new AppError('MASIH_DIPAKAI', `Kelompok ini masih memiliki ${members} anggota. Pindahkan atau hapus anggotanya lebih dulu, atau ubah status kelompok menjadi tidak aktif.`);
  }
  RecordWriter.forDb(db).remove('kelompok', id, alasan);
}

/** Brings a deleted kelompok back. */
export function pulihkanKelompok(db: Db, id: string): void {
  RecordWriter.forDb(db).restore('kelompok', id);
}
