import { z } from 'zod';
import { method, type FileRef } from '../contract-kit';
import { STATUS_LAPORAN, TINGKAT_REKAP, type StatusEfektif, type BarisLembar, type HasilStatus, type Katalog, type Kepatuhan, type LaporanRow, type Masalah, type Rekap } from '../laporan';
import type { Baris } from '../register';
import type { HasilImporBukuKerja, StatusBukuKerja } from '../buku-kerja';
import type { Kamus } from '../kamus';
import type { TemuanLaporan } from '../mutu';
import { bulan, fileRef, id, ids, kodeKabupaten, periode, teksOpsional } from './isian';

/** A photo of a monthly report, as the foto_laporan register entry describes it. */
export type Foto = { id: string } & Omit<Baris<'foto_laporan'>, 'laporan_id'>;

export const laporanApi = {
  /** The monthly workbook of one facilitator (stable layout: README "Buku kerja fasilitator"). */
  'laporan.templat': method(z.object({ fasilitator_id: id, periode: bulan })).reads<FileRef>(),
  /** Every facilitator's workbook for the month, in one zip. */
  'laporan.templatSemua': method(z.object({ periode: bulan })).reads<FileRef>(),
  /** A filled workbook (.xlsx, or a .zip with its photos) back in: checked, and written in one transaction unless dryRun. */
  'laporan.imporBukuKerja': method(
    z.object({ berkas: fileRef, foto: z.array(fileRef).max(500).default([]), dryRun: z.boolean().default(true), status: z.enum(['diajukan', 'draft']).default('diajukan'), periode: bulan.nullish() }),
  ).writes<HasilImporBukuKerja>(),
  'laporan.statusBukuKerja': method(z.object({ periode: bulan })).reads<StatusBukuKerja>(),
  'laporan.katalog': method(z.object({})).reads<Katalog>(),
  /** The dictionary of figures (common/kamus.ts), the quality rules and the approval chain, in words. */
  'laporan.kamus': method(z.object({})).reads<Kamus>(),
  /** One facilitator's groups (null: those without one), or with `semua` every active group of the month. */
  'laporan.lembar': method(z.object({ fasilitator_id: z.string().nullable(), periode: bulan, semua: z.boolean().default(false) })).reads<{ katalog: Katalog; periode: string; baris: BarisLembar[] }>(),
  'laporan.simpan': method(z.object({ kelompok_id: id, periode: bulan, nilai: z.record(z.string(), z.union([z.number(), z.string(), z.null()])) })).writes<{ laporan: LaporanRow; masalah: Masalah[] }>(),
  'laporan.ajukan': method(z.object({ ids })).writes<HasilStatus>(),
  'laporan.verifikasi': method(z.object({ ids })).writes<HasilStatus>(),
  /** Confirms a flagged value with a note; the flag clears and the note travels with the report. */
  'laporan.konfirmasi': method(z.object({ id, indikator: z.string().min(1).max(60), catatan: z.string().trim().min(5, 'Tulis catatan mengapa angka itu benar (paling sedikit 5 huruf).').max(500) })).writes<LaporanRow>(),
  /** The hint beside a cell: the group's counted values of one indicator over the past 12 months. */
  'laporan.riwayat': method(z.object({ kelompok_id: id, indikator: z.string().min(1).max(60), periode: bulan })).reads<{ periode: string; nilai: number | null }[]>(),
  /** Quality rules and outliers over every report of a month (the CLI's `laporan periksa`). */
  'laporan.periksa': method(z.object({ periode: bulan, kabupaten: z.string().nullish() })).reads<TemuanLaporan[]>(),
  'laporan.bukaKembali': method(z.object({ id, alasan: z.string().trim().min(5, 'Tulis alasan membuka kembali laporan (paling sedikit 5 huruf).') })).writes<LaporanRow>(),
  'laporan.list': method(
    z.object({ periode: bulan, fasilitator: z.string().nullish(), kecamatan: z.string().nullish(), status: z.array(z.enum(STATUS_LAPORAN)).nullish(), kabupaten: z.string().nullish(), hanyaDiterima: z.boolean().nullish() }),
  ).reads<LaporanRow[]>(),
  /** Province: accepts a district's month (every submitted or verified report of it). */
  'laporan.terima': method(z.object({ kabupaten: kodeKabupaten, periode: bulan })).writes<{ diterima: number; sudah: number; dilewati: { kelompok: string; alasan: string }[] }>(),
  /** Province: returns one report with a reason. */
  'laporan.kembalikan': method(z.object({ id, alasan: z.string().trim().min(5, 'Tulis alasan mengembalikan laporan (paling sedikit 5 huruf).').max(500) })).writes<{ id: string; status_efektif: StatusEfektif; alasan: string }>(),
  'laporan.rekap': method(z.object({ periode, per: z.enum(TINGKAT_REKAP).default('kabupaten'), kabupaten: z.string().nullish() })).reads<Rekap>(),
  'laporan.kepatuhan': method(z.object({ periode })).reads<Kepatuhan>(),
  'laporan.dokumen': method(
    // Without `per`: a district's document per kecamatan, the province's per kabupaten/kota. `kabupaten`: at the
    // province, one district's document (the window's filter); a district's is always its own.
    z.object({ periode, format: z.enum(['pdf', 'xlsx']), per: z.enum(TINGKAT_REKAP).nullish(), fasilitator_id: z.string().nullish(), kabupaten: z.string().nullish() }),
  ).reads<FileRef>(),
  'laporan.foto': method(z.object({ laporan_id: id })).reads<Foto[]>(),
  'laporan.fotoTambah': method(z.object({ laporan_id: id, berkas: fileRef, keterangan: teksOpsional(200) })).writes<{ id: string }>(),
  'laporan.fotoHapus': method(z.object({ id })).writes<void>(),
  'laporan.fotoData': method(z.object({ id })).reads<{ dataUrl: string }>(),
};
