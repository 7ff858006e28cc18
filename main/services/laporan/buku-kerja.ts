import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '../../../db/connection';
import {
  BARIS_DATA,
  BARIS_JUDUL,
  BARIS_KODE,
  FORMAT_BUKU_KERJA,
  KOLOM_DESA,
  KOLOM_ID,
  KOLOM_NAMA,
  KOLOM_NILAI_PERTAMA,
  KOLOM_NOMOR,
  KUNCI_INFO,
  LEMBAR_INFO,
  LEMBAR_LAPORAN,
  LEMBAR_PETUNJUK,
  VERSI_FORMAT,
  type InfoBukuKerja,
  type StatusBukuKerja } from '../../common/buku-kerja';
import { salahPeriode } from '../../common/batas';
import { STATUS_DIHITUNG } from '../../common/kamus';
import { AppError } from '../../common/errors';
import { formatAngka, formatPeriode, formatRupiah, namaBerkas } from '../../common/format';
import { strToU8, zipSync } from 'fflate';
import { bulanSebelumnya, type Indikator } from '../../common/laporan';
import { bacaPengaturan } from '../pengaturan';
import { namaWilayah } from '../wilayah';
import { formatIndikator, lembarTeks, tulisExcel } from '../dokumen';
import { daftarLaporan, katalogAktif } from './laporan';

// The facilitator's monthly workbook: made per facilitator and month with exceljs (validation, protection, hidden
// layout), read back with SheetJS whatever program saved it (Excel, LibreOffice, WPS on a phone).

export function checksumInfo(info: Omit<InfoBukuKerja, 'checksum'>): string {
  const isi = JSON.stringify(KUNCI_INFO.map((k) => info[k]));
  return createHash('sha256').update(isi).digest('hex').slice(0, 16);
}

/** The indicators a facilitator types (derived ones, like laba, are computed). */
export const diketik = (indikator: Indikator[]) => indikator.filter((i) => !i.turunan);


function tampilNilai(i: Indikator, v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return 'kosong';
  if (typeof v === 'string') return v;
  return i.tipe === 'rupiah' ? formatRupiah(v) : i.tipe === 'persen' ? `${v}%` : formatAngka(v);
}

/** The workbook's file name: "Laporan <month> <facilitator>.xlsx". */
export function namaBukuKerja(db: Db, input: { fasilitator_id: string; periode: string }): string {
  const f = db.get(db.q.selectFrom('fasilitator').select('nama').where('id', '=', input.fasilitator_id));
  return namaBerkas(['Laporan', input.periode, f?.nama], 'xlsx');
}

/** Every facilitator's workbook of a month in one zip at `path`, with a note on what to do with them. */
export async function buatBukuKerjaSemua(db: Db, periode: string, path: string): Promise<void> {
  const isi: Record<string, Uint8Array> = {};
  const sementara = mkdtempSync(join(tmpdir(), 'bermantra-buku-'));
  try {
    for (const f of statusBukuKerja(db, periode).fasilitator) {
      const nama = namaBerkas(['Laporan', periode, f.nama], 'xlsx');
      await buatBukuKerja(db, { fasilitator_id: f.id, periode }, join(sementara, nama));
      isi[nama] = readFileSync(join(sementara, nama));
    }
  } finally {
    rmSync(sementara, { recursive: true, force: true });
  }
  isi['BACA.txt'] = strToU8(`Buku kerja laporan bulanan ${periode}: satu berkas untuk setiap fasilitator. Kirim berkasnya kepada fasilitator masing-masing.\r\n`);
  writeFileSync(path, zipSync(isi));
}

/** Writes the workbook of one facilitator's active groups for one month. */
export async function buatBukuKerja(db: Db, input: { fasilitator_id: string; periode: string }, path: string): Promise<{ kelompok: number; nama: string }> {
  const p = bacaPengaturan(db);
  const f = db.get(db.q.selectFrom('fasilitator').select(['id', 'nama']).where('id', '=', input.fasilitator_id).where('deleted_at', 'is', null));
  if (!f) throw new AppError('TIDAK_DITEMUKAN', 'Fasilitator tidak ditemukan. Pilih fasilitator dari daftar.');
  const salah = salahPeriode(input.periode);
  if (salah) throw new AppError('BULAN_TIDAK_SAH', `${salah} Pilih bulan lain untuk buku kerja.`);
  const katalog = katalogAktif(db);
  const kolom = diketik(katalog.indikator);
  const groups = db.all(
    db.q.selectFrom('kelompok').select(['id', 'nama', 'desa_kode']).where('deleted_at', 'is', null).where('status', '=', 'aktif').where('fasilitator_id', '=', f.id).orderBy('nama').orderBy('id'),
  );
  const lalu = bulanSebelumnya(input.periode, 1);
  // "Bulan lalu" reads what every figure reads (common/kamus.ts): submitted and verified reports, never a draft.
  const laporanLalu = new Map(daftarLaporan(db, { periode: lalu, status: [...STATUS_DIHITUNG] }).map((r) => [r.kelompok_id, r.nilai]));
  const laporanIni = new Map(daftarLaporan(db, { periode: input.periode }).map((r) => [r.kelompok_id, r]));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bermantra';
  wb.created = new Date(`${input.periode}-01T00:00:00Z`);
  const petunjuk = wb.addWorksheet(LEMBAR_PETUNJUK);
  const ws = wb.addWorksheet(LEMBAR_LAPORAN, { views: [{ state: 'frozen', xSplit: KOLOM_NAMA, ySplit: BARIS_JUDUL }] });
  const infoWs = wb.addWorksheet(LEMBAR_INFO, { state: 'veryHidden' });

  // Row 1: codes (hidden); row 2: headers; columns: id (hidden), No., Kelompok, Desa, then per indicator its value
  // and, beside it, last month's value for reference (grey, locked).
  const kode: (string | null)[] = [null, null, null, null];
  const judul = ['ID kelompok', 'No.', 'Kelompok', 'Desa/kelurahan'];
  for (const i of kolom) {
    kode.push(i.kode, null);
    judul.push(`${i.nama}${i.satuan ? ` (${i.satuan})` : ''}`, `${i.nama}: bulan lalu`);
  }
  ws.getRow(BARIS_KODE).values = kode;
  ws.getRow(BARIS_KODE).hidden = true;
  const kepala = ws.getRow(BARIS_JUDUL);
  kepala.values = judul;
  kepala.font = { bold: true };
  kepala.alignment = { wrapText: true, vertical: 'top' };
  kepala.height = 45;
  ws.getColumn(KOLOM_ID).hidden = true;
  ws.getColumn(KOLOM_NOMOR).width = 5;
  ws.getColumn(KOLOM_NAMA).width = 30;
  ws.getColumn(KOLOM_DESA).width = 18;
  kolom.forEach((i, n) => {
    const c = KOLOM_NILAI_PERTAMA + n * 2;
    ws.getColumn(c).width = i.tipe === 'teks' ? 28 : 16;
    ws.getColumn(c).numFmt = formatIndikator(i);
    ws.getColumn(c + 1).width = 14;
    ws.getColumn(c + 1).numFmt = formatIndikator(i);
    ws.getColumn(c + 1).font = { color: { argb: 'FF6B6B6B' }, italic: true };
  });
  groups.forEach((g, r) => {
    const row = ws.getRow(BARIS_DATA + r);
    const ini = laporanIni.get(g.id)?.nilai ?? {};
    const lalu = laporanLalu.get(g.id) ?? {};
    const values: (string | number | null)[] = [g.id, r + 1, g.nama, namaWilayah(g.desa_kode) ?? g.desa_kode];
    for (const i of kolom) values.push((ini[i.kode] as number | string | null | undefined) ?? null, (lalu[i.kode] as number | string | null | undefined) ?? null);
    row.values = values;
    kolom.forEach((i, n) => {
      const cell = row.getCell(KOLOM_NILAI_PERTAMA + n * 2);
      cell.protection = { locked: false };
      const bulanLalu = `Bulan lalu: ${tampilNilai(i, lalu[i.kode])}.`;
      const aturan = i.tipe === 'teks' ? 'Teks, paling banyak 2.000 huruf.' : i.tipe === 'persen' ? 'Angka 0 sampai 100.' : i.desimal ? 'Angka 0 atau lebih (boleh desimal).' : 'Angka bulat 0 atau lebih, tanpa titik.';
      const prompt = `${aturan} ${bulanLalu}${i.wajib ? ' Wajib diisi (isi 0 bila tidak ada).' : ''}`.slice(0, 255);
      cell.dataValidation =
        i.tipe === 'teks'
          ? { type: 'textLength', operator: 'lessThanOrEqual', formulae: [2000], allowBlank: true, showInputMessage: true, promptTitle: i.nama.slice(0, 32), prompt, showErrorMessage: true, errorTitle: i.nama.slice(0, 32), error: 'Paling banyak 2.000 huruf.' }
          : {
              type: i.tipe === 'persen' || i.desimal ? 'decimal' : 'whole',
              operator: i.tipe === 'persen' ? 'between' : 'greaterThanOrEqual',
              formulae: i.tipe === 'persen' ? [0, 100] : [0],
              allowBlank: true,
              showInputMessage: true,
              promptTitle: i.nama.slice(0, 32),
              prompt,
              showErrorMessage: true,
              errorStyle: 'stop',
              errorTitle: i.nama.slice(0, 32),
              error: aturan,
            };
    });
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const tanpaChecksum: Omit<InfoBukuKerja, 'checksum'> = {
    format: FORMAT_BUKU_KERJA,
    versi_format: VERSI_FORMAT,
    kabupaten_kode: p.kabupaten_kode ?? '',
    fasilitator_id: f.id,
    fasilitator_nama: f.nama,
    periode: input.periode,
    katalog_versi: katalog.versi,
    kolom: kolom.map((i) => i.kode),
    kelompok: groups.map((g) => g.id),
  };
  const info: InfoBukuKerja = { ...tanpaChecksum, checksum: checksumInfo(tanpaChecksum) };
  for (const k of [...KUNCI_INFO, 'checksum'] as const) {
    const v = info[k];
    infoWs.addRow([k, Array.isArray(v) ? JSON.stringify(v) : v]);
  }

  petunjuk.getColumn(1).width = 100;
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, printTitlesRow: '2:2', printTitlesColumn: 'B:C' };
  for (const baris of [
    `Laporan bulanan ${formatPeriode(input.periode)} · ${p.kabupaten_nama ?? ''}`,
    `Fasilitator: ${f.nama} · ${groups.length} kelompok · katalog indikator versi ${katalog.versi}`,
    '',
    `1. Buka lembar "${LEMBAR_LAPORAN}". Satu baris untuk satu kelompok; isi sel putih dengan angka bulan ${formatPeriode(input.periode)}.`,
    '2. Tulis angka saja, tanpa titik dan tanpa "Rp" (misalnya 1250000). Kolom abu-abu di sebelahnya adalah angka bulan lalu, sebagai pembanding.',
    '3. Jangan menambah, memindah atau menghapus baris dan kolom: lembarnya dikunci agar susunannya tetap.',
    '4. Foto kegiatan: simpan di folder yang sama dengan buku kerja ini (atau jadikan satu zip), beri nama dengan nomor atau nama kelompok, misalnya "3.jpg" atau "3 pertemuan.jpg".',
    `5. Kirim buku kerja (dan fotonya) ke Bappeda paling lambat tanggal 10 ${formatPeriode(bulanSebelumnya(input.periode, -1))}.`,
  ])
    petunjuk.addRow([baris]);
  petunjuk.getRow(1).font = { bold: true, size: 14 };
  lembarTeks(petunjuk, 1, `Petunjuk laporan bulanan ${formatPeriode(input.periode)}`);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  await tulisExcel(wb, path);
  return { kelompok: groups.length, nama: f.nama };
}

/** Per facilitator: groups with and without this month's report, when their workbook came back, a reminder to send. */
export function statusBukuKerja(db: Db, periode: string): StatusBukuKerja {
  const p = bacaPengaturan(db);
  const fas = db.all(db.q.selectFrom('fasilitator').select(['id', 'nama', 'no_hp']).where('deleted_at', 'is', null).where('status', '=', 'aktif').orderBy('nama'));
  const kelompok = db.all(db.q.selectFrom('kelompok').select(['id', 'nama', 'fasilitator_id']).where('deleted_at', 'is', null).where('status', '=', 'aktif').orderBy('nama'));
  const ada = new Set(daftarLaporan(db, { periode }).map((r) => r.kelompok_id));
  const kembali = new Map(
    (
      db.sqlite
        .prepare("SELECT l.fasilitator_id AS f, max(a.waktu) AS w FROM audit a JOIN laporan_bulanan l ON l.id = a.row_id WHERE a.tabel = 'laporan_bulanan' AND a.alasan LIKE 'Buku kerja fasilitator %' AND l.periode = ? GROUP BY 1")
        .all(periode) as { f: string; w: string }[]
    ).map((r) => [r.f, r.w]),
  );
  const batas = `10 ${formatPeriode(bulanSebelumnya(periode, -1))}`;
  return {
    periode,
    fasilitator: fas
      .map((f) => {
        const milik = kelompok.filter((k) => k.fasilitator_id === f.id);
        const kosong = milik.filter((k) => !ada.has(k.id)).map((k) => k.nama);
        const pengingat = kosong.length
          ? `Yth. ${f.nama}, laporan bulanan ${formatPeriode(periode)} untuk ${kosong.length} kelompok belum masuk: ${kosong.join(', ')}. Mohon isi buku kerja laporan bulanan dan kirim ke ${p.nama_instansi || 'Bappeda'} paling lambat tanggal ${batas}. Terima kasih.`
          : '';
        return { id: f.id, nama: f.nama, no_hp: f.no_hp, kelompok: milik.length, terisi: milik.length - kosong.length, kosong, dikembalikan_pada: kembali.get(f.id) ?? null, pengingat };
      })
      .filter((f) => f.kelompok > 0),
  };
}
