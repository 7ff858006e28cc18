import { salahPita } from '../../common/triwulan';
import { bacaAngka } from '../../common/angka-isian';
import { builder, type Db } from '../../../db/connection';
import { barisQ, ingat, jalankan, satuQ, type Kerja } from '../../../db/kueri';
import { RecordWriter } from '../../../db/write';
import { salahPeriode } from '../../common/batas';
import { pengaturanK } from '../pengaturan';
import { keputusanBerlakuK, statusEfektif } from './persetujuan';
import { STATUS_DIHITUNG_SQL } from '../../common/kamus';
import { penghalang, periksaMutu, RIWAYAT_PETUNJUK, type DaftarKonfirmasi, type KonteksMutu } from '../../common/mutu';
import { AppError } from '../../common/errors';
import { formatAngka, formatPeriode, formatRupiah } from '../../common/format';
import {
  batasIndikator,
  batasPengajuan,
  bulanSebelumnya,
  KATALOG_AWAL,
  lengkapiTurunan,
  TEKS_INDIKATOR_MAKS,
  type BarisLembar,
  type HasilStatus,
  type Indikator,
  type Katalog,
  type LaporanRow,
  type Masalah,
  type NilaiLaporan,
  type StatusLaporan,
} from '../../common/laporan';


// ---------------------------------------------------------------- catalogue

/** The newest catalogue, read once per change (db.ingat) and frozen throughout. */
export function katalogAktif(db: Db): Katalog {
  return jalankan(db, katalogAktifK());
}

export function* katalogAktifK(): Kerja<Katalog> {
  return yield* ingat('katalog', function* () {
    const row = yield* satuQ(builder.selectFrom('katalog_indikator').select('isi').orderBy('versi', 'desc').limit(1));
    return bekukan(row ? (JSON.parse(row.isi) as Katalog) : KATALOG_AWAL);
  });
}

function bekukan<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) bekukan(v);
    Object.freeze(o);
  }
  return o;
}


/** Stores a newer catalogue (from the province). Older or equal versions are ignored. */
export function pasangKatalog(db: Db, katalog: Katalog): boolean {
  if (katalog.versi <= katalogAktif(db).versi) return false;
  // The achievement bands a newer catalogue brings must cover 0 % and up without overlap or gap.
  const salah = katalog.pita_capaian ? salahPita(katalog.pita_capaian) : null;
  if (salah) throw new AppError('KATALOG_TIDAK_SAH', `Katalog indikator versi ${katalog.versi} ditolak: ${salah} Minta provinsi mengirim katalog yang benar; katalog lama tetap dipakai.`);
  db.run(
    db.q.insertInto('katalog_indikator').values({
      versi: katalog.versi,
      nama: katalog.nama,
      regulasi: katalog.regulasi,
      berlaku_mulai: katalog.berlaku_mulai,
      isi: JSON.stringify(katalog),
      diterapkan_pada: new Date().toISOString(),
    }),
  );
  return true;
}

// ---------------------------------------------------------------- values and rules

/** One reader for typed numbers (common/angka-isian.ts); re-exported for the workbook import and the partner records. */
export { bacaAngka };

function tampil(i: Indikator, v: number): string {
  return i.tipe === 'rupiah' ? formatRupiah(v) : `${formatAngka(v)}${i.satuan && i.tipe !== 'persen' ? ' ' + i.satuan : i.tipe === 'persen' ? '%' : ''}`;
}


/** Coerces raw cell values to the catalogue's types. Unreadable cells become problems, not blocking a draft. */
export function normalisasiNilai(katalog: Katalog, raw: Record<string, unknown>): { nilai: NilaiLaporan; masalah: Masalah[]; labaDiketik: number | null } {
  const nilai: NilaiLaporan = {};
  const masalah: Masalah[] = [];
  let labaDiketik: number | null = null;
  for (const i of katalog.indikator) {
    if (!(i.kode in raw)) continue;
    const v = raw[i.kode];
    if (i.turunan) {
      const n = bacaAngka(v);
      if (n !== null && !Number.isNaN(n)) labaDiketik = n;
      continue;
    }
    if (i.tipe === 'teks') {
      const t = v === null || v === undefined ? '' : String(v).trim();
      nilai[i.kode] = t ? t.slice(0, TEKS_INDIKATOR_MAKS) : null;
      continue;
    }
    const n = bacaAngka(v);
    if (Number.isNaN(n)) {
      masalah.push({ kode: i.kode, tingkat: 'galat', pesan: `${i.nama}: "${String(v).slice(0, 40)}" bukan angka. Tulis angka saja, misalnya 1500000.` });
      continue;
    }
    // Out of bounds is not stored (it would travel to the province and be refused there): the cell keeps its
    // earlier value and the officer sees why.
    const b = batasIndikator(i);
    if (n !== null && n < b.min) {
      masalah.push({ kode: i.kode, tingkat: 'galat', pesan: `${i.nama} tidak boleh negatif; tulis 0 bila memang tidak ada.` });
      continue;
    }
    if (n !== null && n > b.max) {
      masalah.push({ kode: i.kode, tingkat: 'galat', pesan: `${i.nama} ${i.tipe === 'persen' ? 'paling besar 100%' : `terlalu besar (paling besar ${tampil(i, b.max)})`}. Periksa jumlah angka nolnya.` });
      continue;
    }
    nilai[i.kode] = n === null ? null : i.desimal ? Math.round(n * 100) / 100 : Math.round(n);
  }
  return { nilai, masalah, labaDiketik };
}

/**
 * The checks of a report, as the officer types, in the workbook import and at the province: required values and
 * bounds (errors), then the quality rules and outliers of common/mutu.ts. Errors block submitting, never saving a
 * draft; a warning blocks submitting until the officer confirms the value with a note.
 */
export function periksaNilai(katalog: Katalog, nilai: NilaiLaporan, konteks: KonteksMutu & { labaDiketik?: number | null }): Masalah[] {
  const masalah: Masalah[] = [];
  for (const i of katalog.indikator) {
    if (i.turunan) continue;
    const v = nilai[i.kode];
    if (i.wajib && (v === null || v === undefined || v === '')) {
      masalah.push({ kode: i.kode, tingkat: 'galat', pesan: `${i.nama} wajib diisi (isi 0 bila memang tidak ada).` });
      continue;
    }
    if (typeof v !== 'number') continue;
    if (v < 0) masalah.push({ kode: i.kode, tingkat: 'galat', pesan: `${i.nama} tidak boleh negatif.` });
    if (i.tipe === 'persen' && v > 100) masalah.push({ kode: i.kode, tingkat: 'galat', pesan: `${i.nama} paling besar 100%.` });
  }
  for (const t of periksaMutu(katalog, nilai, konteks).temuan) {
    // Bounds already said it (a percentage above 100 is one finding, not two).
    if (masalah.some((m) => m.kode === t.indikator && m.tingkat === 'galat')) continue;
    masalah.push({ kode: t.indikator, tingkat: t.tingkat, pesan: t.pesan, aturan: t.aturan, catatan: t.catatan });
  }
  if (konteks.labaDiketik !== undefined && konteks.labaDiketik !== null) {
    const laba = lengkapiTurunan(katalog, nilai).laba;
    if (typeof laba === 'number' && laba !== konteks.labaDiketik) {
      // Said once, where it was pasted: the typed laba is not kept, so nothing is left to confirm.
      masalah.push({ kode: 'laba', tingkat: 'peringatan', pesan: `Laba yang ditempel (${formatRupiah(konteks.labaDiketik)}) tidak sama dengan omzet − biaya (${formatRupiah(laba)}); yang dipakai omzet − biaya.`, catatan: 'laba dihitung aplikasi' });
    }
  }
  return masalah;
}

// ---------------------------------------------------------------- reading

function baseQuery() {
  return builder
    .selectFrom('laporan_bulanan as l')
    .innerJoin('kelompok as k', 'k.id', 'l.kelompok_id')
    .leftJoin('fasilitator as f', 'f.id', 'l.fasilitator_id')
    .where('l.deleted_at', 'is', null)
    .select([
      'l.id',
      'l.kelompok_id',
      'k.nama as kelompok_nama',
      'k.kecamatan_kode',
      'k.desa_kode',
      'l.fasilitator_id',
      'f.nama as fasilitator_nama',
      'l.periode',
      'l.status',
      'l.katalog_versi',
      'l.nilai',
      'l.diajukan_pada',
      'l.diverifikasi_pada',
      'l.diverifikasi_oleh',
      'l.konfirmasi',
      'l.keputusan_provinsi',
      'l.alasan_provinsi',
      'l.updated_at',
    ]);
}

type RawRow = Omit<LaporanRow, 'nilai' | 'tepat_waktu' | 'konfirmasi' | 'status_efektif'> & { nilai: string; konfirmasi: string | null; keputusan_provinsi: string | null };

function toRow(katalog: Katalog, r: RawRow): LaporanRow {
  const submitted = r.diajukan_pada ? r.diajukan_pada.slice(0, 10) : null;
  return {
    ...r,
    nilai: lengkapiTurunan(katalog, JSON.parse(r.nilai) as NilaiLaporan),
    konfirmasi: r.konfirmasi ? (JSON.parse(r.konfirmasi) as DaftarKonfirmasi) : null,
    status_efektif: statusEfektif(r),
    tepat_waktu: submitted === null ? null : submitted <= batasPengajuan(r.periode),
  };
}

export interface FilterLaporan {
  periode?: string | null;
  /** Inclusive YYYY-MM range, for recaps. */
  dari?: string | null;
  sampai?: string | null;
  kelompok?: string | null;
  fasilitator?: string | null;
  kecamatan?: string | null;
  status?: StatusLaporan[] | null;
  kabupaten?: string | null;
  /** Province: only reports it accepted (default: every report). */
  hanyaDiterima?: boolean | null;
}

export function daftarLaporan(db: Db, f: FilterLaporan): LaporanRow[] {
  return jalankan(db, daftarLaporanK(f));
}

/** The reports that pass the filter, as a piece of work (the district's file, the province's file or server). */
export function* daftarLaporanK(f: FilterLaporan): Kerja<LaporanRow[]> {
  const katalog = yield* katalogAktifK();
  const rows = yield* barisQ(
    baseQuery()
      .$if(!!f.periode, (q) => q.where('l.periode', '=', f.periode!))
      .$if(!!f.dari, (q) => q.where('l.periode', '>=', f.dari!))
      .$if(!!f.sampai, (q) => q.where('l.periode', '<=', f.sampai!))
      .$if(!!f.kelompok, (q) => q.where('l.kelompok_id', '=', f.kelompok!))
      .$if(!!f.fasilitator, (q) => q.where('l.fasilitator_id', '=', f.fasilitator!))
      .$if(!!f.kecamatan, (q) => q.where('k.kecamatan_kode', '=', f.kecamatan!))
      .$if(!!f.status?.length, (q) => q.where('l.status', 'in', f.status!))
      .$if(!!f.kabupaten, (q) => q.where('l.kabupaten_kode', '=', f.kabupaten!))
      .orderBy('l.periode')
      .orderBy('k.nama')
      .orderBy('l.id'),
  );
  const out = rows.map((r) => toRow(katalog, r as RawRow));
  // The province reads its own decisions on the versions it holds before the district has applied them.
  if ((yield* pengaturanK()).mode === 'provinsi') {
    const berlaku = yield* keputusanBerlakuK(f.kabupaten ?? null);
    for (const r of out) {
      const k = berlaku.get(r.id);
      if (k) Object.assign(r, { status_efektif: k.keputusan, alasan_provinsi: k.alasan });
    }
  }
  return f.hanyaDiterima ? out.filter((r) => r.status_efektif === 'diterima') : out;
}

export function ambilLaporan(db: Db, id: string): LaporanRow {
  const row = db.get(baseQuery().where('l.id', '=', id));
  if (!row) throw new AppError('TIDAK_DITEMUKAN', 'Laporan tidak ditemukan. Muat ulang halaman.');
  return toRow(katalogAktif(db), row as RawRow);
}

/**
 * What the quality checks of one report compare with: the group's own counted reports of the past 12 months, the
 * same month's counted values of the district's groups of the same sector (the group among them, exactly as the
 * month-wide check in mutu.ts reads them), its registered members, its confirmations.
 */
export function konteksMutu(db: Db, kelompokId: string, periode: string, konfirmasi: DaftarKonfirmasi | null = null): KonteksMutu {
  const kelompok = db.prepare('SELECT kabupaten_kode, sektor FROM kelompok WHERE id = ?').get(kelompokId) as { kabupaten_kode: string; sektor: string } | undefined;
  const sendiri = db
    .prepare(`SELECT nilai FROM laporan_bulanan WHERE kelompok_id = ? AND deleted_at IS NULL AND status IN (${STATUS_DIHITUNG_SQL}) AND periode >= ? AND periode < ? ORDER BY periode`)
    .all(kelompokId, bulanSebelumnya(periode, RIWAYAT_PETUNJUK), periode) as { nilai: string }[];
  const sejawat = kelompok
    ? (db
        .prepare(`SELECT l.nilai FROM laporan_bulanan l JOIN kelompok k ON k.id = l.kelompok_id WHERE l.periode = ? AND l.deleted_at IS NULL AND l.status IN (${STATUS_DIHITUNG_SQL}) AND k.kabupaten_kode = ? AND k.sektor = ?`)
        .all(periode, kelompok.kabupaten_kode, kelompok.sektor) as { nilai: string }[])
    : [];
  return { riwayat: perIndikator(sendiri), sejawat: perIndikator(sejawat), anggotaTerdaftar: jumlahAnggota(db, kelompokId), konfirmasi };
}

/** Reports' values gathered per indicator (numbers only, in order). */
function perIndikator(rows: { nilai: string }[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const r of rows) for (const [k, v] of Object.entries(JSON.parse(r.nilai) as NilaiLaporan)) if (typeof v === 'number') (out[k] ??= []).push(v);
  return out;
}

function jumlahAnggota(db: Db, kelompokId: string): number {
  return db.get(db.q.selectFrom('anggota').select((eb) => eb.fn.countAll<number>().as('n')).where('kelompok_id', '=', kelompokId).where('deleted_at', 'is', null))?.n ?? 0;
}

export function masalahLaporan(db: Db, row: Pick<LaporanRow, 'kelompok_id' | 'periode' | 'nilai'> & { konfirmasi?: DaftarKonfirmasi | null }, labaDiketik?: number | null): Masalah[] {
  return periksaNilai(katalogAktif(db), row.nilai, { ...konteksMutu(db, row.kelompok_id, row.periode, row.konfirmasi ?? null), labaDiketik });
}

/** The entry sheet: one facilitator's active groups × the catalogue, for one month. */
export function lembarEntri(db: Db, input: { fasilitator_id: string | null; periode: string; semua?: boolean }): { katalog: Katalog; periode: string; baris: BarisLembar[] } {
  const katalog = katalogAktif(db);
  const groups = db.all(
    db.q
      .selectFrom('kelompok as k')
      .select(['k.id', 'k.nama', 'k.desa_kode'])
      .select((eb) => eb.selectFrom('anggota as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.kelompok_id', '=', 'k.id').where('a.deleted_at', 'is', null).as('jumlah_anggota'))
      .where('k.deleted_at', 'is', null)
      .where('k.status', '=', 'aktif')
      .$if(!input.semua && input.fasilitator_id !== null, (q) => q.where('k.fasilitator_id', '=', input.fasilitator_id!))
      .$if(!input.semua && input.fasilitator_id === null, (q) => q.where('k.fasilitator_id', 'is', null))
      .orderBy('k.nama'),
  );
  const reports = new Map(daftarLaporan(db, { periode: input.periode }).map((r) => [r.kelompok_id, r]));
  return {
    katalog,
    periode: input.periode,
    baris: groups.map((g) => {
      const laporan = reports.get(g.id) ?? null;
      return {
        kelompok: { ...g, jumlah_anggota: Number(g.jumlah_anggota ?? 0) },
        laporan,
        masalah: laporan ? masalahLaporan(db, laporan) : [],
      };
    }),
  };
}


// ---------------------------------------------------------------- writing

/** A submitted or verified report is locked: it changes only after "Buka kembali" with a reason (kept in the history). */
export function terkunci(r: Pick<LaporanRow, 'kelompok_nama' | 'periode' | 'status'>): AppError {
  const keadaan = r.status === 'diverifikasi' ? 'sudah diverifikasi' : 'sudah diajukan';
  return new AppError('LAPORAN_TERKUNCI', `Laporan ${r.kelompok_nama} bulan ${formatPeriode(r.periode)} ${keadaan} dan terkunci. Untuk mengubahnya, buka kembali laporan itu dengan alasan (tombol Buka kembali); alasannya tercatat di riwayat.`);
}

/**
 * The one writer of a month's typed values: merges them into the kelompok's draft for the month (created when
 * missing; a submitted or verified report is locked). The stored JSON holds typed values only, never derived ones.
 * `jejak` names where the values came from in the audit (a workbook import). Returns the report's id.
 */
export function tulisNilaiLaporan(
  db: Db,
  writer: RecordWriter,
  katalog: Katalog,
  input: { kelompok_id: string; fasilitator_id: string | null; periode: string; nilai: NilaiLaporan },
  jejak: { alasan: string } | null = null,
): string {
  const salah = salahPeriode(input.periode);
  if (salah) throw new AppError('BULAN_TIDAK_SAH', `${salah} Laporan tidak disimpan; pilih bulan yang benar.`);
  const existing = db.get(db.q.selectFrom('laporan_bulanan').select(['id', 'nilai', 'status']).where('kelompok_id', '=', input.kelompok_id).where('periode', '=', input.periode).where('deleted_at', 'is', null));
  if (existing) {
    if (existing.status !== 'draft') throw terkunci(ambilLaporan(db, existing.id));
    const typed = JSON.parse(existing.nilai) as NilaiLaporan;
    writer.update('laporan_bulanan', existing.id, { nilai: JSON.stringify({ ...typed, ...input.nilai }), katalog_versi: katalog.versi }, jejak ? 'impor' : 'ubah', jejak?.alasan ?? null);
    return existing.id;
  }
  return writer.insert(
    'laporan_bulanan',
    { kelompok_id: input.kelompok_id, fasilitator_id: input.fasilitator_id, periode: input.periode, status: 'draft', katalog_versi: katalog.versi, nilai: JSON.stringify(input.nilai), diajukan_pada: null, diverifikasi_pada: null, diverifikasi_oleh: null },
    jejak ? 'impor' : 'buat',
    jejak?.alasan ?? null,
  );
}

/** Saves a draft as the officer types: merges the given cells into the month's report (created when missing). */
export function simpanLaporan(db: Db, input: { kelompok_id: string; periode: string; nilai: Record<string, unknown> }): { laporan: LaporanRow; masalah: Masalah[] } {
  const katalog = katalogAktif(db);
  const writer = RecordWriter.forDb(db);
  const kelompok = db.get(db.q.selectFrom('kelompok').select(['id', 'fasilitator_id']).where('id', '=', input.kelompok_id).where('deleted_at', 'is', null));
  if (!kelompok) throw new AppError('TIDAK_DITEMUKAN', 'Kelompok tidak ditemukan. Muat ulang halaman.');
  const { nilai, masalah: bacaan, labaDiketik } = normalisasiNilai(katalog, input.nilai);
  return db.tx(() => {
    const id = tulisNilaiLaporan(db, writer, katalog, { kelompok_id: input.kelompok_id, fasilitator_id: kelompok.fasilitator_id, periode: input.periode, nilai });
    const laporan = ambilLaporan(db, id);
    return { laporan, masalah: [...bacaan, ...masalahLaporan(db, laporan, labaDiketik)] };
  });
}


/** draft → diajukan, for every report without errors; the others are listed with the reason. */
export function ajukanLaporan(db: Db, ids: string[], now = new Date()): HasilStatus {
  const writer = RecordWriter.forDb(db);
  const result: HasilStatus = { berhasil: 0, ditolak: [] };
  db.tx(() => {
    for (const id of ids) {
      const r = ambilLaporan(db, id);
      if (r.status !== 'draft') {
        result.ditolak.push({ id, kelompok: r.kelompok_nama, pesan: `sudah berstatus ${r.status}` });
        continue;
      }
      // Errors block; so does a warning nobody confirmed with a note (common/mutu.ts).
      const halangan = penghalang(masalahLaporan(db, r));
      if (halangan) {
        result.ditolak.push({ id, kelompok: r.kelompok_nama, pesan: halangan });
        continue;
      }
      // Submitted again after the province returned it: a new version, the return is history (audit).
      writer.update('laporan_bulanan', id, { status: 'diajukan', diajukan_pada: now.toISOString(), keputusan_provinsi: null, alasan_provinsi: null });
      result.berhasil++;
    }
  });
  return result;
}

/** diajukan → diverifikasi (by Bappeda): the month is locked. */
export function verifikasiLaporan(db: Db, ids: string[], now = new Date()): HasilStatus {
  const writer = RecordWriter.forDb(db);
  const result: HasilStatus = { berhasil: 0, ditolak: [] };
  db.tx(() => {
    for (const id of ids) {
      const r = ambilLaporan(db, id);
      if (r.status !== 'diajukan') {
        result.ditolak.push({ id, kelompok: r.kelompok_nama, pesan: r.status === 'draft' ? 'belum diajukan' : 'sudah diverifikasi' });
        continue;
      }
      writer.update('laporan_bulanan', id, { status: 'diverifikasi', diverifikasi_pada: now.toISOString(), diverifikasi_oleh: writer.operator });
      result.berhasil++;
    }
  });
  return result;
}

/** Unlocks a verified (or submitted) month back to draft; the reason is kept in the audit trail. */
export function bukaKembaliLaporan(db: Db, id: string, alasan: string): LaporanRow {
  if (alasan.trim().length < 5) throw new AppError('ALASAN_WAJIB', 'Tulis alasan membuka kembali laporan (paling sedikit 5 huruf); alasan disimpan di riwayat.', [{ field: 'alasan', message: 'Alasan wajib diisi.' }]);
  const r = ambilLaporan(db, id);
  if (r.status === 'draft') throw new AppError('SUDAH_DRAFT', 'Laporan ini masih draft; dapat diubah langsung.');
  if (r.status_efektif === 'diterima') throw new AppError('DITERIMA_PROVINSI', `Laporan ${r.kelompok_nama} bulan ${formatPeriode(r.periode)} sudah diterima provinsi dan terkunci di kedua pihak. Minta provinsi mengembalikannya (dengan alasan) bila perlu diperbaiki.`);
  RecordWriter.forDb(db).update('laporan_bulanan', id, { status: 'draft', diverifikasi_pada: null, diverifikasi_oleh: null }, 'ubah', alasan.trim());
  return ambilLaporan(db, id);
}
