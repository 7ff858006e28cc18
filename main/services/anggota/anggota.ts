import { sql } from 'kysely';
import { builder, type Db } from '../../../db/connection';
import { barisQ, jalankan, satuQ, type Kerja } from '../../../db/kueri';
import { RecordWriter } from '../../../db/write';
import type { AnggotaRow, Disimpan, ParsedInput, StatusCocok } from '../../common/api';
import type { Page } from '../../common/contract-kit';
import { AppError } from '../../common/errors';
import { isianDari } from '../../common/register';
import { snapshotTerbaruK } from '../dtsen';
import { periksaNik } from '../wilayah';
import { namaWilayah } from '../wilayah';

export type AnggotaFilter = Omit<ParsedInput<'anggota.list'>, 'halaman' | 'per' | 'terhapus'> & { terhapus?: boolean };

// 1 or 0 on both databases (PostgreSQL's EXISTS is a boolean, SQLite's an integer).
const gandaExpr = sql<number>`CASE WHEN EXISTS (SELECT 1 FROM anggota b WHERE b.nik = a.nik AND b.id <> a.id AND b.deleted_at IS NULL) THEN 1 ELSE 0 END`;

function filtered(f: AnggotaFilter) {
  const cari = f.cari.trim();
  const digits = /^\d+$/.test(cari);
  return builder
    .selectFrom('anggota as a')
    .innerJoin('kelompok as k', 'k.id', 'a.kelompok_id')
    .where('a.deleted_at', f.terhapus ? 'is not' : 'is', null)
    .$if(!!cari && digits, (q) => q.where((eb) => eb.or([eb('a.nik', 'like', `${cari}%`), eb('a.no_kk', 'like', `${cari}%`)])))
    .$if(!!cari && !digits, (q) => q.where((eb) => eb.or([eb('a.nama', 'like', `%${cari}%`), eb('k.nama', 'like', `%${cari}%`)])))
    .$if(!!f.kabupaten, (q) => q.where('a.kabupaten_kode', '=', f.kabupaten!))
    .$if(!!f.kelompok, (q) => q.where('a.kelompok_id', '=', f.kelompok!))
    .$if(!!f.kecamatan, (q) => q.where('k.kecamatan_kode', '=', f.kecamatan!))
    .$if(!!f.desa, (q) => q.where('a.desa_kode', '=', f.desa!))
    .$if(!!f.fasilitator, (q) => q.where('k.fasilitator_id', '=', f.fasilitator!))
    .$if(!!f.jabatan, (q) => q.where('a.jabatan', '=', f.jabatan!))
    .$if(f.ganda, (q) => q.where(gandaExpr, '=', 1));
}

function selectRow(snapshot: string | null, q: ReturnType<typeof filtered>) {
  return q
    .leftJoin('dtsen_hasil as h', (j) => j.onRef('h.anggota_id', '=', 'a.id').on('h.snapshot_id', '=', snapshot ?? ''))
    .leftJoin('dtsen_snapshot as s', 's.id', 'h.snapshot_id')
    .selectAll('a')
    .select(['k.nama as kelompok_nama', 'k.kecamatan_kode', 'h.status as dtsen_status', 'h.desil as dtsen_desil', 'h.dikonfirmasi as dtsen_dikonfirmasi', 's.sumber as dtsen_sumber', 's.tanggal_data as dtsen_tanggal'])
    .select(gandaExpr.as('ganda'));
}

type RawRow = Omit<AnggotaRow, 'ganda' | 'desa_nama' | 'dtsen'> & { ganda: number; dtsen_status: string | null; dtsen_desil: number | null; dtsen_dikonfirmasi: number | null; dtsen_sumber: string | null; dtsen_tanggal: string | null };
const toRow = ({ dtsen_status, dtsen_desil, dtsen_dikonfirmasi, dtsen_sumber, dtsen_tanggal, ...r }: RawRow): AnggotaRow => ({
  ...r,
  ganda: r.ganda === 1,
  desa_nama: namaWilayah(r.desa_kode),
  dtsen: dtsen_status ? { status: dtsen_status as StatusCocok, desil: dtsen_desil, dikonfirmasi: dtsen_dikonfirmasi, sumber: dtsen_sumber ?? '', tanggal_data: dtsen_tanggal ?? '' } : null,
});

export function daftarAnggota(db: Db, input: ParsedInput<'anggota.list'>): Page<AnggotaRow> {
  return jalankan(db, daftarAnggotaK(input));
}

/** A page of members (at the province every district's, read-only), on the file or the server. */
export function* daftarAnggotaK(input: ParsedInput<'anggota.list'>): Kerja<Page<AnggotaRow>> {
  const total = (yield* satuQ(filtered(input).select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0;
  const rows = yield* barisQ(selectRow(yield* snapshotTerbaruK(), filtered(input)).orderBy('a.nama').orderBy('a.id').limit(input.per).offset((input.halaman - 1) * input.per));
  return { rows: rows.map(toRow), total, halaman: input.halaman, per: input.per };
}

/** Every member the filter finds (the export's rows), by group then name. */
export function* semuaAnggotaK(filter: AnggotaFilter): Kerja<AnggotaRow[]> {
  return (yield* barisQ(selectRow(yield* snapshotTerbaruK(), filtered(filter)).orderBy('k.nama').orderBy('a.nama').orderBy('a.id'))).map(toRow);
}

export function ambilAnggota(db: Db, id: string): AnggotaRow {
  return jalankan(db, ambilAnggotaK(id));
}

export function* ambilAnggotaK(id: string): Kerja<AnggotaRow> {
  const row = yield* satuQ(selectRow(yield* snapshotTerbaruK(), filtered({ cari: '', ganda: false, terhapus: false }).clearWhere()).where('a.id', '=', id));
  if (!row) throw new AppError('TIDAK_DITEMUKAN', 'Anggota tidak ditemukan. Muat ulang daftar.');
  return toRow(row);
}

/** Live members holding this NIK, with their group's name. */
export function pemegangNik(db: Db, nik: string) {
  return db.all(
    db.q
      .selectFrom('anggota as a')
      .innerJoin('kelompok as k', 'k.id', 'a.kelompok_id')
      .select(['a.id', 'a.nama', 'a.kelompok_id', 'k.nama as kelompok_nama'])
      .where('a.nik', '=', nik)
      .where('a.deleted_at', 'is', null),
  );
}

export function simpanAnggota(db: Db, input: ParsedInput<'anggota.simpan'>): Disimpan {
  const writer = RecordWriter.forDb(db);
  const info = periksaNik(input.nik, { jenisKelamin: input.jenis_kelamin, tanggalLahir: input.tanggal_lahir });
  if (!info.valid) throw new AppError('NIK_TIDAK_VALID', info.errors.join(' '), info.errors.map((message) => ({ field: 'nik', message })));
  const nik = input.nik.replace(/\D/g, '');
  const noKk = input.no_kk === undefined ? undefined : input.no_kk ? input.no_kk.replace(/[\s.-]/g, '') : null;
  if (noKk && !/^\d{16}$/.test(noKk)) throw new AppError('KK_TIDAK_VALID', 'No. KK harus 16 angka. Salin dari Kartu Keluarga.', [{ field: 'no_kk', message: 'No. KK harus 16 angka.' }]);
  const kelompok = db.get(db.q.selectFrom('kelompok').select(['id', 'nama', 'desa_kode']).where('id', '=', input.kelompok_id).where('deleted_at', 'is', null));
  if (!kelompok) throw new AppError('TIDAK_DITEMUKAN', 'Kelompok tidak ditemukan. Pilih kelompok dari daftar.', [{ field: 'kelompok_id', message: 'Pilih kelompok.' }]);

  const peringatan = [...info.warnings];
  const others = pemegangNik(db, nik).filter((a) => a.id !== input.id);
  const sameGroup = others.find((a) => a.kelompok_id === input.kelompok_id);
  if (sameGroup) throw new AppError('NIK_GANDA', `NIK ${nik} sudah terdaftar di kelompok ini atas nama ${sameGroup.nama}. Buka data anggota itu untuk mengubahnya.`, [{ field: 'nik', message: 'NIK sudah ada di kelompok ini.' }]);
  if (others.length > 0) {
    const where = others.map((a) => `${a.nama} (kelompok ${a.kelompok_nama})`).join(', ');
    if (!input.konfirmasiGanda) {
      throw new AppError(
        'NIK_GANDA',
        `NIK ${nik} sudah terdaftar atas nama ${where}. Bila orang yang sama memang anggota dua kelompok, centang "Tetap simpan NIK ganda" lalu simpan lagi.`,
        [{ field: 'nik', message: 'NIK sudah terdaftar di kelompok lain.' }],
      );
    }
    peringatan.push(`NIK ini juga terdaftar atas nama ${where}; ditandai sebagai NIK ganda.`);
  }
  if (input.jabatan !== 'anggota') {
    const holder = db.get(
      db.q.selectFrom('anggota').select('nama').where('kelompok_id', '=', input.kelompok_id).where('jabatan', '=', input.jabatan).where('deleted_at', 'is', null).$if(!!input.id, (q) => q.where('id', '!=', input.id!)),
    );
    if (holder) peringatan.push(`Kelompok ini sudah punya ${input.jabatan}: ${holder.nama}.`);
  }
  const values = { ...isianDari('anggota', input), nik, no_kk: noKk, desa_kode: input.desa_kode ?? kelompok.desa_kode };
  if (input.id) {
    writer.update('anggota', input.id, values);
    return { id: input.id, peringatan };
  }
  return { id: writer.insert('anggota', values), peringatan };
}

/** Deletes a member with the officer's reason: kept in the database with its audit entry, and restorable. */
export function hapusAnggota(db: Db, id: string, alasan: string | null): void {
  RecordWriter.forDb(db).remove('anggota', id, alasan);
}

/** Brings a deleted member back. */
export function pulihkanAnggota(db: Db, id: string): void {
  RecordWriter.forDb(db).restore('anggota', id);
}
