import { builder, type Db } from '../../../db/connection';
import { baris, jalankan, satu, ubahQ, type Kerja } from '../../../db/kueri';
import { RecordWriter } from '../../../db/write';
import { AppError } from '../../common/errors';
import { formatPeriode } from '../../common/format';
import type { StatusEfektif } from '../../common/laporan';
import { pengaturanK } from '../pengaturan';
import { namaWilayah } from '../wilayah';

// Approval up the chain: Draf → Diajukan → Diverifikasi (district) → Diterima or Dikembalikan (province). The province
// decides on the version of a report it holds; the acknowledgement bundle carries its decisions back; the district
// applies each one whose report it has not changed since (a changed report is a new version the province will see).
// An accepted report is locked at both ends; a returned one is a draft again, with the province's reason shown.

/** One decision as it travels in the acknowledgement bundle. */
export interface Keputusan {
  laporan_id: string;
  keputusan: 'diterima' | 'dikembalikan';
  alasan: string | null;
  /** updated_at of the report the decision was taken on. */
  versi: string;
  operator: string;
  waktu: string;
}

/** The chain's status of a report from its own columns (both ends). */
export function statusEfektif(r: { status: string; keputusan_provinsi?: string | null }): StatusEfektif {
  if (r.keputusan_provinsi === 'diterima' && r.status !== 'draft') return 'diterima';
  if (r.keputusan_provinsi === 'dikembalikan' && r.status === 'draft') return 'dikembalikan';
  return r.status as StatusEfektif;
}

/** Province: the current decision per report (taken on the version the province still holds), or none. */
export function* keputusanBerlakuK(kabupaten?: string | null): Kerja<Map<string, Keputusan>> {
  const rows = yield* baris<Keputusan>(
    `SELECT d.laporan_id, d.keputusan, d.alasan, d.versi, d.operator, d.waktu FROM keputusan_laporan d
     JOIN laporan_bulanan l ON l.id = d.laporan_id AND l.updated_at = d.versi
     WHERE d.id = (SELECT max(x.id) FROM keputusan_laporan x WHERE x.laporan_id = d.laporan_id)${kabupaten ? ' AND d.kabupaten_kode = ?' : ''}`,
    kabupaten ? [kabupaten] : [],
  );
  return new Map(rows.map((r) => [r.laporan_id, r]));
}

/**
 * Who decides: at the province only. `petugas`: the officer's login on the province's server (each write names the
 * one who made it); on a file, the operator of its settings.
 */
function* provinsiK(petugas: string | null): Kerja<string> {
  const p = yield* pengaturanK();
  if (p.mode !== 'provinsi') throw new AppError('MODE_SALAH', 'Menerima atau mengembalikan laporan dilakukan oleh provinsi. Kabupaten/kota memverifikasi laporannya sendiri.');
  return petugas ?? (p.operator || 'Operator provinsi');
}

function catat(r: { id: string; kabupaten_kode: string; periode: string; updated_at: string }, keputusan: Keputusan['keputusan'], alasan: string | null, operator: string, now: Date): Kerja<unknown> {
  return ubahQ(builder.insertInto('keputusan_laporan').values({ laporan_id: r.id, kabupaten_kode: r.kabupaten_kode, periode: r.periode, keputusan, alasan, versi: r.updated_at, operator, waktu: now.toISOString() }));
}

type HasilTerima = { diterima: number; sudah: number; dilewati: { kelompok: string; alasan: string }[] };

/** Province: accepts a district's month at once: every submitted or verified report; drafts are listed as not accepted. */
export function terimaBulan(db: Db, input: { kabupaten: string; periode: string }, now = new Date()): HasilTerima {
  return db.tx(() => jalankan(db, terimaBulanK(input, now)));
}

/** The same as a piece of work, for the caller's transaction (the file's, or the server's). */
export function* terimaBulanK(input: { kabupaten: string; periode: string }, now = new Date(), petugas: string | null = null): Kerja<HasilTerima> {
  const operator = yield* provinsiK(petugas);
  if (!namaWilayah(input.kabupaten)) throw new AppError('KABUPATEN_TIDAK_DIKENAL', `Kode kabupaten/kota ${input.kabupaten} tidak dikenal.`);
  const rows = yield* baris<{ id: string; kabupaten_kode: string; periode: string; updated_at: string; status: string; keputusan_provinsi: string | null; nama: string }>(
    'SELECT l.id, l.kabupaten_kode, l.periode, l.updated_at, l.status, l.keputusan_provinsi, k.nama FROM laporan_bulanan l JOIN kelompok k ON k.id = l.kelompok_id WHERE l.kabupaten_kode = ? AND l.periode = ? AND l.deleted_at IS NULL ORDER BY k.nama, l.id',
    [input.kabupaten, input.periode],
  );
  if (!rows.length) throw new AppError('TIDAK_ADA_LAPORAN', `Belum ada laporan ${namaWilayah(input.kabupaten)} bulan ${formatPeriode(input.periode)} di provinsi. Impor bundelnya dulu.`);
  const berlaku = yield* keputusanBerlakuK(input.kabupaten);
  const hasil: HasilTerima = { diterima: 0, sudah: 0, dilewati: [] };
  for (const r of rows) {
    if (r.status === 'draft') {
      hasil.dilewati.push({ kelompok: r.nama, alasan: r.keputusan_provinsi === 'dikembalikan' ? 'dikembalikan, belum diajukan lagi' : 'masih draf, belum diajukan' });
      continue;
    }
    const kini = berlaku.get(r.id)?.keputusan ?? (r.keputusan_provinsi === 'diterima' ? 'diterima' : null);
    if (kini === 'diterima') {
      hasil.sudah++;
      continue;
    }
    // Returned and not yet corrected: accepting the month does not overrule the return.
    if (berlaku.get(r.id)?.keputusan === 'dikembalikan') {
      hasil.dilewati.push({ kelompok: r.nama, alasan: 'dikembalikan, menunggu perbaikan kabupaten/kota' });
      continue;
    }
    yield* catat(r, 'diterima', null, operator, now);
    hasil.diterima++;
  }
  return hasil;
}

/** Province: returns one report with a reason; the district sees the reason, corrects and submits again. */
type HasilKembalikan = { id: string; status_efektif: StatusEfektif; alasan: string };

export function kembalikanLaporan(db: Db, input: { id: string; alasan: string }, now = new Date()): HasilKembalikan {
  return db.tx(() => jalankan(db, kembalikanLaporanK(input, now)));
}

export function* kembalikanLaporanK(input: { id: string; alasan: string }, now = new Date(), petugas: string | null = null): Kerja<HasilKembalikan> {
  const operator = yield* provinsiK(petugas);
  const alasan = input.alasan.trim();
  if (alasan.length < 5) throw new AppError('ALASAN_WAJIB', 'Tulis alasan mengembalikan laporan (paling sedikit 5 huruf); kabupaten/kota membacanya saat memperbaiki.', [{ field: 'alasan', message: 'Alasan wajib diisi.' }]);
  const r = yield* satu<{ id: string; kabupaten_kode: string; periode: string; updated_at: string; status: string }>('SELECT id, kabupaten_kode, periode, updated_at, status FROM laporan_bulanan WHERE id = ? AND deleted_at IS NULL', [input.id]);
  if (!r) throw new AppError('TIDAK_DITEMUKAN', 'Laporan tidak ditemukan. Periksa ID-nya di "laporan list".');
  if (r.status === 'draft') throw new AppError('MASIH_DRAF', 'Laporan ini masih draf di kabupaten/kota (belum diajukan); tidak ada yang dikembalikan.');
  yield* catat(r, 'dikembalikan', alasan.slice(0, 500), operator, now);
  return { id: r.id, status_efektif: 'dikembalikan', alasan };
}

const POLA_WAKTU = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

/** Whether a decision from a file has the shape and bounds it may have (nothing in a file is trusted). */
export function keputusanSah(x: unknown): x is Keputusan {
  const k = x as Partial<Keputusan> | null;
  return (
    !!k &&
    typeof k.laporan_id === 'string' &&
    k.laporan_id.length <= 64 &&
    (k.keputusan === 'diterima' || k.keputusan === 'dikembalikan') &&
    (k.alasan === null || (typeof k.alasan === 'string' && k.alasan.length <= 500)) &&
    typeof k.versi === 'string' &&
    k.versi.length <= 40 &&
    typeof k.operator === 'string' &&
    k.operator.length <= 200 &&
    typeof k.waktu === 'string' &&
    POLA_WAKTU.test(k.waktu)
  );
}

/**
 * District: applies the province's decisions from an acknowledgement bundle, each to the report it was taken on; a
 * report changed since is left as it is (its new version goes to the province). Every step is in the audit trail.
 */
export function terapkanKeputusan(db: Db, daftar: Keputusan[], dryRun: boolean): { diterima: number; dikembalikan: number; dilewati: number } {
  const hasil = { diterima: 0, dikembalikan: 0, dilewati: 0 };
  const writer = RecordWriter.forDb(db);
  const jalankan = () => {
    for (const k of daftar) {
      const r = db.prepare('SELECT id, updated_at, status FROM laporan_bulanan WHERE id = ? AND deleted_at IS NULL').get(k.laporan_id) as { id: string; updated_at: string; status: string } | undefined;
      if (!r || r.updated_at !== k.versi || r.status === 'draft') {
        hasil.dilewati++;
        continue;
      }
      if (dryRun) {
        hasil[k.keputusan]++;
        continue;
      }
      if (k.keputusan === 'diterima') {
        writer.update('laporan_bulanan', r.id, { keputusan_provinsi: 'diterima', alasan_provinsi: null, diputuskan_pada: k.waktu }, 'ubah', `Diterima provinsi (${k.operator})`);
      } else {
        writer.update('laporan_bulanan', r.id, { status: 'draft', keputusan_provinsi: 'dikembalikan', alasan_provinsi: k.alasan, diputuskan_pada: k.waktu, diverifikasi_pada: null, diverifikasi_oleh: null }, 'ubah', `Dikembalikan provinsi (${k.operator}): ${k.alasan ?? ''}`);
      }
      hasil[k.keputusan]++;
    }
  };
  db.tx(jalankan);
  return hasil;
}
