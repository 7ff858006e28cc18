import type { Db } from '../../../db/connection';
import { RecordWriter } from '../../../db/write';
import { salahPeriode } from '../../common/batas';
import { bacaPengaturan } from '../pengaturan/pengaturan';
import { keputusanBerlaku, statusEfektif } from './persetujuan';
import { STATUS_DIHITUNG, STATUS_DIHITUNG_SQL } from '../../common/kamus';
import { diperiksaPencilan, periksaMutu, RIWAYAT_PETUNJUK, type DaftarKonfirmasi, type KonteksMutu, type TemuanLaporan } from '../../common/mutu';
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

export function katalogAktif(db: Db): Katalog {
  const row = db.get(db.q.selectFrom('katalog_indikator').select('isi').orderBy('versi', 'desc').limit(1));
  return row ? (JSON.parse(row.isi) as Katalog) : KATALOG_AWAL;
}


/** Stores a newer catalogue (from the province). Older or equal versions are ignored. */
export function pasangKatalog(db: Db, katalog: Katalog): boolean {
  if (katalog.versi <= katalogAktif(db).versi) return false;
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

/** "Rp 1.500.000" → 1500000, "12,5" → 12.5, "" → null; NaN when it is not a number. */
export function bacaAngka(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  let text = String(value).trim().replace(/^Rp\.?\s*/i, '').replace(/\s+/g, '').replace(/%$/, '');
  if (text === '' || text === '-') return null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+$/.test(text)) text = text.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

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

function baseQuery(db: Db) {
  return db.q
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
  const katalog = katalogAktif(db);
  const rows = db.all(
    baseQuery(db)
      .$if(!!f.periode, (q) => q.where('l.periode', '=', f.periode!))
      .$if(!!f.dari, (q) => q.where('l.periode', '>=', f.dari!))
      .$if(!!f.sampai, (q) => q.where('l.periode', '<=', f.sampai!))
      .$if(!!f.kelompok, (q) => q.where('l.kelompok_id', '=', f.kelompok!))
      .$if(!!f.fasilitator, (q) => q.where('l.fasilitator_id', '=', f.fasilitator!))
      .$if(!!f.kecamatan, (q) => q.where('k.kecamatan_kode', '=', f.kecamatan!))
      .$if(!!f.status?.length, (q) => q.where('l.status', 'in', f.status!))
      .$if(!!f.kabupaten, (q) => q.where('l.kabupaten_kode', '=', f.kabupaten!))
      .orderBy('l.periode')
      .orderBy('k.nama'),
  );
  const out = rows.map((r) => toRow(katalog, r as RawRow));
  // The province reads its own decisions on the versions it holds before the district has applied them.
  if (bacaPengaturan(db).mode === 'provinsi') {
    const berlaku = keputusanBerlaku(db, f.kabupaten ?? null);
    for (const r of out) {
      const k = berlaku.get(r.id);
      if (k) Object.assign(r, { status_efektif: k.keputusan, alasan_provinsi: k.alasan });
    }
  }
  return f.hanyaDiterima ? out.filter((r) => r.status_efektif === 'diterima') : out;
}

function ambilLaporan(db: Db, id: string): LaporanRow {
  const row = db.get(baseQuery(db).where('l.id', '=', id));
  if (!row) throw new AppError('TIDAK_DITEMUKAN', 'Laporan tidak ditemukan. Muat ulang halaman.');
  return toRow(katalogAktif(db), row as RawRow);
}

/**
 * What the quality checks of one report compare with: the group's own counted reports of the past 12 months, the
 * same month's values of the district's groups of the same sector, its registered members, its confirmations.
 */
export function konteksMutu(db: Db, kelompokId: string, periode: string, konfirmasi: DaftarKonfirmasi | null = null): KonteksMutu {
  const kelompok = db.prepare('SELECT kabupaten_kode, sektor FROM kelompok WHERE id = ?').get(kelompokId) as { kabupaten_kode: string; sektor: string } | undefined;
  const sendiri = db
    .prepare(`SELECT nilai FROM laporan_bulanan WHERE kelompok_id = ? AND deleted_at IS NULL AND status IN (${STATUS_DIHITUNG_SQL}) AND periode >= ? AND periode < ? ORDER BY periode`)
    .all(kelompokId, bulanSebelumnya(periode, RIWAYAT_PETUNJUK), periode) as { nilai: string }[];
  const sejawat = kelompok
    ? (db
        .prepare(`SELECT l.nilai FROM laporan_bulanan l JOIN kelompok k ON k.id = l.kelompok_id WHERE l.periode = ? AND l.deleted_at IS NULL AND l.status IN (${STATUS_DIHITUNG_SQL}) AND k.kabupaten_kode = ? AND k.sektor = ? AND k.id <> ?`)
        .all(periode, kelompok.kabupaten_kode, kelompok.sektor, kelompokId) as { nilai: string }[])
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
export function lembarEntri(db: Db, input: { fasilitator_id: string | null; periode: string }): { katalog: Katalog; periode: string; baris: BarisLembar[] } {
  const katalog = katalogAktif(db);
  const groups = db.all(
    db.q
      .selectFrom('kelompok as k')
      .select(['k.id', 'k.nama', 'k.desa_kode'])
      .select((eb) => eb.selectFrom('anggota as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.kelompok_id', '=', 'k.id').where('a.deleted_at', 'is', null).as('jumlah_anggota'))
      .where('k.deleted_at', 'is', null)
      .where('k.status', '=', 'aktif')
      .$if(input.fasilitator_id !== null, (q) => q.where('k.fasilitator_id', '=', input.fasilitator_id!))
      .$if(input.fasilitator_id === null, (q) => q.where('k.fasilitator_id', 'is', null))
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
      const errors = masalahLaporan(db, r).filter((m) => m.tingkat === 'galat' || !m.catatan);
      if (errors.length) {
        result.ditolak.push({ id, kelompok: r.kelompok_nama, pesan: errors.map((e) => (e.tingkat === 'galat' ? e.pesan : `${e.pesan} (perlu konfirmasi dengan catatan)`)).join(' ') });
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

// ---------------------------------------------------------------- data quality

/**
 * Confirms a flagged value with a note ("pesanan SPPG naik"): the flag clears while the value stays as confirmed, and
 * the note travels with the report. Only while the report is a draft; the value must be there.
 */
export function konfirmasiNilai(db: Db, input: { id: string; indikator: string; catatan: string }, now = new Date()): LaporanRow {
  const catatan = input.catatan.trim();
  if (catatan.length < 5) throw new AppError('CATATAN_WAJIB', 'Tulis catatan mengapa angka itu benar (paling sedikit 5 huruf), misalnya "pesanan SPPG naik".', [{ field: 'catatan', message: 'Catatan wajib diisi.' }]);
  const r = ambilLaporan(db, input.id);
  const row = db.get(db.q.selectFrom('laporan_bulanan').select(['status', 'konfirmasi']).where('id', '=', input.id));
  if (row?.status !== 'draft') throw terkunci(r);
  const v = r.nilai[input.indikator];
  if (v === undefined || v === null || v === '') throw new AppError('TIDAK_ADA_NILAI', 'Indikator itu belum diisi; tidak ada yang dikonfirmasi.');
  const writer = RecordWriter.forDb(db);
  const daftar: DaftarKonfirmasi = { ...(row.konfirmasi ? (JSON.parse(row.konfirmasi) as DaftarKonfirmasi) : {}), [input.indikator]: { nilai: v, catatan: catatan.slice(0, 500), oleh: writer.operator, pada: now.toISOString() } };
  writer.update('laporan_bulanan', input.id, { konfirmasi: JSON.stringify(daftar) }, 'ubah', `Konfirmasi ${input.indikator}: ${catatan.slice(0, 200)}`);
  return ambilLaporan(db, input.id);
}

/** The hint beside a cell: the group's counted values of one indicator over the past 12 months. */
export function riwayatIndikator(db: Db, input: { kelompok_id: string; indikator: string; periode: string }): { periode: string; nilai: number | null }[] {
  const rows = db
    .prepare(`SELECT periode, json_extract(nilai, '$.' || ?) AS v FROM laporan_bulanan WHERE kelompok_id = ? AND deleted_at IS NULL AND status IN (${STATUS_DIHITUNG_SQL}) AND periode >= ? AND periode < ? ORDER BY periode`)
    .all(input.indikator, input.kelompok_id, bulanSebelumnya(input.periode, RIWAYAT_PETUNJUK), input.periode) as { periode: string; v: unknown }[];
  return rows.map((r) => ({ periode: r.periode, nilai: typeof r.v === 'number' ? r.v : null }));
}


/** Every report of a month (drafts included: what is still to fix) through the quality rules and outlier checks. */
export function periksaBulan(db: Db, periode: string, f: { kabupaten?: string | null; laporanIds?: readonly string[] } = {}): TemuanLaporan[] {
  return periksaRentang(db, { dari: periode, sampai: periode, ...f });
}

/**
 * The quality checks over a range of months in one pass: every report (and the 12 months before the range) is read and
 * parsed once, each group's history is the counted reports before each month, and a month's peers are the district's
 * same-sector groups; so 22 districts × 300 groups × 36 months check in about a second.
 */
export function periksaRentang(db: Db, f: { dari: string; sampai: string; kabupaten?: string | null; laporanIds?: readonly string[] }): TemuanLaporan[] {
  const katalog = katalogAktif(db);
  const saring = f.kabupaten ? ' AND k.kabupaten_kode = @kabupaten' : '';
  const pk = f.kabupaten ? { kabupaten: f.kabupaten } : {};
  const kelompok = new Map(
    (db.prepare(`SELECT k.id, k.nama, k.kabupaten_kode, k.sektor, (SELECT count(*) FROM anggota a WHERE a.kelompok_id = k.id AND a.deleted_at IS NULL) AS anggota FROM kelompok k WHERE k.deleted_at IS NULL${saring}`).all(pk) as { id: string; nama: string; kabupaten_kode: string; sektor: string; anggota: number }[]).map((k) => [k.id, k]),
  );
  // Lean rows (no join): this read and its JSON are most of the work at the province.
  const rows = (
    db.sqlite
      // The whole province: the table read in its own order and sorted here (a third faster than through the index);
      // one district: its rows through the index.
      .prepare(`SELECT l.id, l.kelompok_id, l.periode, l.status, l.nilai, l.konfirmasi FROM laporan_bulanan l${f.kabupaten ? '' : ' NOT INDEXED'} WHERE l.periode BETWEEN @dari AND @sampai AND l.deleted_at IS NULL${f.kabupaten ? ' AND l.kabupaten_kode = @kabupaten' : ''}`)
      .raw(true)
      .all({ dari: bulanSebelumnya(f.dari, RIWAYAT_PETUNJUK), sampai: f.sampai, ...pk }) as [string, string, string, string, string, string | null][]
  ).sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  // Rows stay SQLite's arrays (no object per report): [id, kelompok_id, periode, status, nilai, konfirmasi].
  const ID = 0, KELOMPOK = 1, PERIODE = 2, STATUS = 3, NILAI = 4, KONFIRMASI = 5;
  const dihitungStatus = new Set<string>(STATUS_DIHITUNG);
  const n = rows.length;
  const angka: NilaiLaporan[] = new Array(n);
  const dihitung = new Uint8Array(n);
  const sejawat = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    angka[i] = JSON.parse(r[NILAI]!) as NilaiLaporan;
    dihitung[i] = dihitungStatus.has(r[STATUS]!) ? 1 : 0;
    const k = kelompok.get(r[KELOMPOK]!);
    if (dihitung[i] && k) {
      const kunci = `${k.kabupaten_kode}|${k.sektor}|${r[PERIODE]}`;
      (sejawat.get(kunci) ?? sejawat.set(kunci, []).get(kunci)!).push(i);
    }
  }
  // Only the indicators the outlier check reads are gathered; a month's peers (the district's same-sector groups,
  // the group itself among them, as aggregate-reporting systems measure a unit against its whole distribution) once.
  const diperiksa = katalog.indikator.filter(diperiksaPencilan).map((i) => i.kode);
  const cacheSejawat = new Map<string, number[]>();
  const nilaiSejawat = (kunci: string, kode: string): number[] => {
    const c = cacheSejawat.get(`${kunci}|${kode}`);
    if (c) return c;
    const vs: number[] = [];
    for (const j of sejawat.get(kunci) ?? []) {
      const v = angka[j]![kode];
      if (typeof v === 'number') vs.push(v);
    }
    cacheSejawat.set(`${kunci}|${kode}`, vs);
    return vs;
  };
  const hanya = f.laporanIds ? new Set(f.laporanIds) : null;
  const awalRiwayat = new Map<string, string>();
  // One function per district, sector and month that answers "the peers' values of this indicator".
  const penanya = new Map<string, (kode: string) => number[]>();
  // One set of history arrays, emptied for each report (periksaMutu keeps none of them): no garbage per report.
  const riwayat: Record<string, number[]> = Object.fromEntries(diperiksa.map((kode) => [kode, []]));
  const out: TemuanLaporan[] = [];
  for (let i = 0; i < n; i++) {
    const l = rows[i]!;
    const k = kelompok.get(l[KELOMPOK]!);
    if (!k || l[PERIODE]! < f.dari || (hanya && !hanya.has(l[ID]!))) continue;
    // The group's counted months before this one, within 12 months (rows are ordered by group, then month).
    const awal = awalRiwayat.get(l[PERIODE]!) ?? awalRiwayat.set(l[PERIODE]!, bulanSebelumnya(l[PERIODE]!, RIWAYAT_PETUNJUK)).get(l[PERIODE]!)!;
    for (const kode of diperiksa) riwayat[kode]!.length = 0;
    for (let j = i - 1; j >= 0 && rows[j]![KELOMPOK] === l[KELOMPOK]! && rows[j]![PERIODE] >= awal; j--) {
      if (!dihitung[j]) continue;
      for (const kode of diperiksa) {
        const v = angka[j]![kode];
        if (typeof v === 'number') riwayat[kode]!.push(v);
      }
    }
    const kunci = `${k.kabupaten_kode}|${k.sektor}|${l[PERIODE]!}`;
    let tanya = penanya.get(kunci);
    if (!tanya) penanya.set(kunci, (tanya = (kode: string) => nilaiSejawat(kunci, kode)));
    const { temuan } = periksaMutu(katalog, angka[i]!, {
      riwayat,
      sejawat: tanya,
      anggotaTerdaftar: k.anggota,
      konfirmasi: l[KONFIRMASI] ? (JSON.parse(l[KONFIRMASI]) as DaftarKonfirmasi) : null,
    });
    for (const t of temuan) out.push({ laporan_id: l[ID]!, kelompok_id: l[KELOMPOK]!, kelompok_nama: k.nama, kabupaten_kode: k.kabupaten_kode, status: l[STATUS]!, indikator: t.indikator, aturan: t.aturan, nilai: t.nilai, pembanding: t.pembanding, tingkat: t.tingkat, catatan: t.catatan, pesan: t.pesan });
  }
  // One collator for the sort: localeCompare with a locale builds one per comparison (seconds for 24.000 findings).
  const urut = new Intl.Collator('id');
  return out.sort((a, b) => (a.kabupaten_kode < b.kabupaten_kode ? -1 : a.kabupaten_kode > b.kabupaten_kode ? 1 : urut.compare(a.kelompok_nama, b.kelompok_nama)));
}
