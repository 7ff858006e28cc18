import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { builder, type Db } from '../../../db/connection';
import { AppError } from '../../common/errors';
import { formatAngka, formatDesimal, formatPeriode, formatPersen, formatRupiah, formatTanggal, hariIni } from '../../common/format';
import type { Indikator, Katalog, LaporanRow, NilaiLaporan, Rekap, TingkatRekap } from '../../common/laporan';
import { batasKeadaan } from '../../common/laporan';
import type { Pengaturan } from '../../common/records';
import { BASE_DOC, kopSurat, tandaTangan, tulisPdf } from '../dokumen';
import { FORMAT_ANGKA, formatIndikator, FORMAT_TEKS, lembarTeks, lembarBerjudul, tulisExcel, waktuDibuat } from '../dokumen';
import { blokTandaTangan, penandatanganKantor } from '../dokumen';
import { catatanAgregasi, STATUS_DIHITUNG } from '../../common/kamus';
import { pengaturanK } from '../pengaturan';
import { kabupatenJatim, namaWilayah } from '../wilayah';
import { fotoUntukDokumenK } from './foto';
import { daftarLaporanK, katalogAktifK } from './laporan';
import { gabungRekap, hitungRekapK } from './rekap';
import { barisQ, jalankan, satuQ, type Kerja } from '../../../db/kueri';

// The monthly report and the semester/annual recaps as PDF (A4 landscape, letterhead, repeated table
// header, "Halaman X dari Y", signatures) and as .xlsx in the one "satu data" layout.

const STATUS: Record<string, string> = { draft: 'Draf', diajukan: 'Diajukan', diverifikasi: 'Diverifikasi' };

/** What every report document reads once: the active indicator catalogue and the office's settings. */
export interface KonteksDokumen {
  katalog: Katalog;
  pengaturan: Pengaturan;
  /** The region the document covers: the district the province chose, else the office's own. */
  wilayah: { kode: string; nama: string };
}

function angka(i: Indikator, v: NilaiLaporan[string]): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v !== 'number') return String(v);
  if (i.tipe === 'rupiah') return formatRupiah(v);
  if (i.tipe === 'persen') return formatPersen(v);
  return i.desimal ? formatDesimal(v) : formatAngka(v);
}

function kolomAngka(katalog: Katalog): Indikator[] {
  return katalog.indikator.filter((i) => i.tipe !== 'teks');
}

function judulKolom(i: Indikator): string {
  return i.satuan && i.tipe !== 'rupiah' && i.tipe !== 'persen' ? `${i.nama} (${i.satuan})` : i.tipe === 'persen' ? `${i.nama} (%)` : i.nama;
}

/** Widths of the label columns: the name column wide enough for a group's name on one or two lines. */
const LEBAR_LABEL: Record<string, number | 'auto'> = { No: 'auto', Kelompok: 96, Fasilitator: 96, Kecamatan: 90, 'Kabupaten/Kota': 96, Desa: 52, Status: 38, Kelengkapan: 58 };

function tabelNilai(katalog: Katalog, header: string[], rows: { label: string[]; nilai: NilaiLaporan; total?: boolean }[]): Content {
  const cols = kolomAngka(katalog);
  const body: TableCell[][] = [
    [...header.map((h) => ({ text: h, style: 'th' })), ...cols.map((i) => ({ text: judulKolom(i), style: 'th', alignment: 'right' as const }))],
    ...rows.map((r) => [
      ...r.label.map((l, index) => ({ text: l, ...(index > 0 && /^[\d.,]+ dari /.test(l) ? { alignment: 'right' as const } : {}), ...(r.total ? { style: 'total' } : {}) })),
      ...cols.map((i) => ({ text: angka(i, r.nilai[i.kode] ?? null), alignment: 'right' as const, noWrap: i.tipe === 'rupiah', ...(r.total ? { style: 'total' } : {}) })),
    ]),
  ];
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [...header.map((h) => LEBAR_LABEL[h] ?? 'auto'), ...cols.map(() => 'auto')],
      body,
    },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#9aa5b1', vLineColor: () => '#9aa5b1', paddingLeft: () => 2, paddingRight: () => 2 },
    fontSize: 7,
  };
}

/**
 * The document's closing: one sentence and the office's signer (as set in Pengaturan: directly, a.n., Plt., Plh.),
 * with an optional signature at the left. It comes after the last section and never stands alone on a page.
 */
function penutupLaporan(p: Pengaturan, kiri?: Content): Content {
  return {
    stack: [
      { text: 'Demikian laporan ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.', margin: [0, 14, 0, 0] },
      { columns: [kiri ?? { text: '' }, { ...(blokTandaTangan(penandatanganKantor(p), { text: `${p.kota_surat}, ${formatTanggal(hariIni())}` }) as object), width: 260 } as Content], margin: [0, 8, 0, 0] },
    ],
    unbreakable: true,
  };
}

/** What a month's report document shows, read in one piece of work (one snapshot on the province's server). */
interface DataLaporanBulan {
  rows: LaporanRow[];
  dihitung: LaporanRow[];
  belum: Rekap['baris'][number]['hilang'];
  fasilitator: string;
  /** Each report's photos (the PDF's annex); empty for the workbook. */
  foto: Map<string, { dataUrl: string; keterangan: string | null }[]>;
  /** The province's month of every district: its photos are printed per district (thousands otherwise). */
  fotoPerKabupaten: boolean;
}

/** A month's reports (of one facilitator's groups, or all) and the groups whose report has not come in. */
function* laporanBulanK(k: KonteksDokumen, input: { periode: string; fasilitator_id?: string | null; kabupaten: string | null }, denganFoto: boolean): Kerja<DataLaporanBulan> {
  const rows = yield* daftarLaporanK({ periode: input.periode, fasilitator: input.fasilitator_id ?? null, kabupaten: input.kabupaten });
  // The Jumlah row counts what every figure counts (common/kamus.ts): submitted and verified reports, never drafts.
  const dihitung = rows.filter((r) => (STATUS_DIHITUNG as readonly string[]).includes(r.status));
  // Not reported: expected and not yet submitted (a draft has not come in); a facilitator's report lists only theirs.
  const binaan = input.fasilitator_id ? new Set((yield* barisQ(builder.selectFrom('kelompok').select('id').where('fasilitator_id', '=', input.fasilitator_id))).map((x) => x.id)) : null;
  const belum = (yield* hitungRekapK(input.periode, 'kelompok', new Date(), input.kabupaten, k)).baris.flatMap((b) => b.hilang).filter((h) => !binaan || binaan.has(h.kelompok_id));
  const fasilitator = input.fasilitator_id ? (rows[0]?.fasilitator_nama ?? (yield* satuQ(builder.selectFrom('fasilitator').select('nama').where('id', '=', input.fasilitator_id)))?.nama ?? '') : '';
  const foto = new Map<string, { dataUrl: string; keterangan: string | null }[]>();
  const fotoPerKabupaten = denganFoto && k.pengaturan.mode === 'provinsi' && !input.kabupaten;
  if (denganFoto && !fotoPerKabupaten) for (const r of rows) foto.set(r.id, yield* fotoUntukDokumenK(r.id));
  return { rows, dihitung, belum, fasilitator, foto, fotoPerKabupaten };
}

/** The facilitator's monthly report: every group's figures, issues and up to 4 photos each. */
async function pdfLaporanBulanan(k: KonteksDokumen, d: DataLaporanBulan, input: { periode: string }, path: string): Promise<{ jumlah: number }> {
  const { katalog, pengaturan: p } = k;
  const { rows, dihitung, belum, fasilitator } = d;
  const teks = katalog.indikator.filter((i) => i.tipe === 'teks' && i.agregasi === 'TEKS' && i.kode !== 'satuan_produksi');
  const catatan: Content[] = rows
    .filter((r) => teks.some((i) => r.nilai[i.kode]))
    .map((r) => ({ text: [{ text: `${r.kelompok_nama}: `, bold: true }, teks.filter((i) => r.nilai[i.kode]).map((i) => `${i.nama}: ${String(r.nilai[i.kode])}.`).join(' ')], margin: [0, 0, 0, 3] }));
  const ttdFasilitator = fasilitator ? tandaTangan({ kota: p.kota_surat, tanggal: hariIni(), jabatan: 'Fasilitator', nama: fasilitator }) : undefined;
  const dokumentasi: Content[] = [];
  for (const r of rows) {
    const fotos = d.foto.get(r.id) ?? [];
    if (fotos.length === 0) continue;
    dokumentasi.push({
      stack: [
        { text: r.kelompok_nama, bold: true, margin: [0, 6, 0, 3] },
        { columns: fotos.map((f) => ({ stack: [{ image: f.dataUrl, fit: [170, 128] }, { text: f.keterangan ?? '', fontSize: 7 }], width: 180 })), columnGap: 8 },
      ],
      unbreakable: true,
    });
  }
  const doc: TDocumentDefinitions = {
    ...BASE_DOC,
    pageOrientation: 'landscape',
    info: { title: `Laporan bulanan ${formatPeriode(input.periode)}`, author: p.nama_instansi, creator: 'Bermantra' },
    content: [
      { ...(kopSurat(p, 'landscape') as object), margin: [0, 0, 0, 6] } as Content,
      { text: 'LAPORAN BULANAN KELOMPOK BINAAN PETI KOIN BERMANTRA', style: 'judul' },
      { text: `${formatPeriode(input.periode)}${fasilitator ? ` · Fasilitator: ${fasilitator}` : ''} · ${k.wilayah.nama}`, style: 'subjudul' },
      rows.length
        ? tabelNilai(katalog, ['No', 'Kelompok', 'Desa', 'Status'], [
            ...rows.map((r, index) => ({ label: [String(index + 1), r.kelompok_nama, namaWilayah(r.desa_kode) ?? '', r.status === 'draft' ? 'Draf (tidak dihitung)' : (STATUS[r.status] ?? r.status)], nilai: r.nilai })),
            { label: ['', `Jumlah (${formatAngka(dihitung.length)} laporan masuk)`, '', ''], nilai: gabungRekap(katalog, dihitung.map((r) => r.nilai)), total: true },
          ])
        : { text: 'Belum ada laporan untuk bulan ini.', italics: true },
      { text: catatanAgregasi(katalog), fontSize: 7.5, italics: true, margin: [0, 4, 0, 0] },
      d.fotoPerKabupaten ? { text: 'Foto dokumentasi kegiatan dicetak per kabupaten/kota: pilih satu kabupaten/kota untuk mencetaknya bersama laporan.', fontSize: 7.5, italics: true, margin: [0, 2, 0, 0] } : { text: '' },
      // The signatures follow the last section they sign, with its last lines (never alone on a page); the photos are an annex after them.
      ...(catatan.length
        ? [
            daftarBelumMelapor(belum, dihitung.length + belum.length),
            { text: 'Kendala dan rencana tindak lanjut', bold: true, margin: [0, 12, 0, 4] } as Content,
            ...catatan.slice(0, -2),
            { stack: [...catatan.slice(-2), penutupLaporan(p, ttdFasilitator)], unbreakable: true } as Content,
          ]
        : [daftarBelumMelapor(belum, dihitung.length + belum.length, penutupLaporan(p, ttdFasilitator))]),
      dokumentasi.length ? { text: 'Dokumentasi kegiatan', bold: true, margin: [0, 12, 0, 0], pageBreak: 'before' } : { text: '' },
      ...dokumentasi,
    ],
  };
  await tulisPdf(doc, path);
  return { jumlah: rows.length };
}


/**
 * The groups whose report for a month has not come in (submitted or verified), of the reports expected; when it is
 * the document's last section, its closing follows it, kept with the list's last rows (never alone on a page).
 */
function daftarBelumMelapor(hilang: { kelompok_nama: string; periode: string; kabupaten_kode: string }[], diharapkan: number, penutup?: Content): Content {
  // At the province the list spans districts: each line names its kabupaten/kota.
  const banyakKabupaten = new Set(hilang.map((h) => h.kabupaten_kode)).size > 1;
  // Nothing expected is not "everything came in": say why the document is empty.
  const kosong = (text: string): Content => (penutup ? { stack: [{ text, margin: [0, 10, 0, 0] }, penutup], unbreakable: true } : { text, margin: [0, 10, 0, 0] });
  if (diharapkan === 0) return kosong('Belum ada laporan yang diharapkan untuk periode ini: belum ada kelompok aktif yang wajib melapor (di provinsi: belum ada bundel kabupaten/kota yang diimpor).');
  if (!hilang.length) return kosong('Semua laporan yang diharapkan sudah masuk.');
  // Fixed widths: the list's tail, laid out as a table of its own beside the closing, lines up with the rest.
  const widths = banyakKabupaten ? [24, 130, 200, 90] : [24, 240, 90];
  const baris = hilang.slice(0, 2000).map((h, index) => [{ text: String(index + 1), alignment: 'right' as const }, ...(banyakKabupaten ? [namaWilayah(h.kabupaten_kode) ?? h.kabupaten_kode] : []), h.kelompok_nama, formatPeriode(h.periode)]);
  const ekor = penutup ? baris.splice(Math.max(1, baris.length - 3)) : [];
  const kepala = [{ text: 'No', style: 'th' }, ...(banyakKabupaten ? [{ text: 'Kabupaten/Kota', style: 'th' }] : []), { text: 'Kelompok', style: 'th' }, { text: 'Bulan', style: 'th' }];
  return {
    stack: [
      { text: `Kelompok yang belum melapor (${formatAngka(hilang.length)} laporan)`, bold: true, margin: [0, 12, 0, 4] },
      { table: { headerRows: 1, dontBreakRows: true, widths, body: [kepala, ...baris] }, fontSize: 8 },
      ...(penutup ? [{ stack: [...(ekor.length ? [{ table: { dontBreakRows: true, widths, body: ekor }, fontSize: 8 } as Content] : []), penutup], unbreakable: true } as Content] : []),
    ],
  };
}

const LABEL_TINGKAT: Record<Rekap['per'], string> = { kelompok: 'Kelompok', fasilitator: 'Fasilitator', kecamatan: 'Kecamatan', kabupaten: 'Kabupaten/Kota' };

async function pdfRekap(k: KonteksDokumen, rekap: Rekap, path: string): Promise<void> {
  const { katalog, pengaturan: p } = k;
  const hilang = rekap.baris.flatMap((b) => b.hilang);
  const doc: TDocumentDefinitions = {
    ...BASE_DOC,
    pageOrientation: 'landscape',
    info: { title: rekap.judul, author: p.nama_instansi, creator: 'Bermantra' },
    content: [
      kopSurat(p, 'landscape'),
      { text: `${rekap.judul.toUpperCase()} PETI KOIN BERMANTRA`, style: 'judul' },
      {
        text: `${k.wilayah.nama} · per ${LABEL_TINGKAT[rekap.per].toLowerCase()}${batasKeadaan(rekap.periode, hariIni()) ? ` · ${batasKeadaan(rekap.periode, hariIni())}` : ''} · dihitung dari laporan bulanan yang diajukan/diverifikasi · kelengkapan ${rekap.total.kelengkapan}`,
        style: 'subjudul',
      },
      tabelNilai(katalog, ['No', LABEL_TINGKAT[rekap.per], 'Kelengkapan'], [
        ...rekap.baris.map((b, index) => ({ label: [String(index + 1), b.nama, b.kelengkapan], nilai: b.nilai })),
        { label: ['', 'Jumlah', rekap.total.kelengkapan], nilai: rekap.total.nilai, total: true },
      ]),
      { text: catatanAgregasi(katalog), fontSize: 7.5, italics: true, margin: [0, 6, 0, 0] },
      daftarBelumMelapor(hilang, rekap.total.laporan_diharapkan, penutupLaporan(p)),
    ],
  };
  await tulisPdf(doc, path);
}

// ---------------------------------------------------------------- xlsx "satu data"

/** " · Kabupaten X" when the province chose one district for the document (a workbook's title names it then). */
function wilayahDipilih(k: KonteksDokumen): string {
  return k.wilayah.kode !== (k.pengaturan.kabupaten_kode ?? '') ? ` · ${k.wilayah.nama}` : '';
}

function lembarKeterangan(wb: ExcelJS.Workbook, k: KonteksDokumen, judul: string, extra: [string, string][]): void {
  const { katalog, pengaturan: p } = k;
  const ws = wb.addWorksheet('Keterangan');
  ws.columns = [{ width: 26 }, { width: 90 }];
  const rows: [string, string][] = [
    ['Judul', judul],
    ['Instansi', p.nama_instansi],
    ['Kode wilayah', k.wilayah.kode],
    ['Katalog indikator', `versi ${katalog.versi}: ${katalog.nama}`],
    ['Regulasi', katalog.regulasi],
    ['Dibuat', waktuDibuat()],
    ...extra,
  ];
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).font = { bold: true };
  ws.getColumn(1).alignment = { vertical: 'top' };
  ws.getCell('B3').numFmt = '@';
  lembarTeks(ws, 2, `Keterangan: ${judul}`);
}

/** Monthly reports as rows, one fixed column layout ("satu data"): codes as text, numbers as numbers. */
async function xlsxLaporanBulanan(k: KonteksDokumen, d: DataLaporanBulan, input: { periode: string }, path: string): Promise<{ jumlah: number }> {
  const { katalog } = k;
  const { rows, dihitung, belum } = d;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bermantra';
  const judul = { instansi: k.pengaturan.nama_instansi || (k.pengaturan.kabupaten_nama ?? ''), periode: `${formatPeriode(input.periode)}${wilayahDipilih(k)}` };
  const ws = lembarBerjudul(wb, 'Data', { ...judul, dokumen: 'Laporan bulanan kelompok binaan Peti Koin Bermantra (satu baris per kelompok)' }, [
    { header: 'Periode', key: 'periode', width: 10, numFmt: FORMAT_TEKS },
    { header: 'Kode kabupaten/kota', key: 'kab', width: 10, numFmt: FORMAT_TEKS },
    { header: 'Kode kecamatan', key: 'kec', width: 12, numFmt: FORMAT_TEKS },
    { header: 'Kecamatan', key: 'kecamatan', width: 18 },
    { header: 'Kode desa', key: 'desa', width: 15, numFmt: FORMAT_TEKS },
    { header: 'Desa/kelurahan', key: 'desaNama', width: 18 },
    { header: 'Kelompok', key: 'kelompok', width: 30 },
    { header: 'Fasilitator', key: 'fasilitator', width: 24 },
    { header: 'Status', key: 'status', width: 13 },
    { header: 'Tanggal diajukan', key: 'diajukan', width: 14, numFmt: 'dd/mm/yyyy' },
    ...katalog.indikator.map((i) => ({ header: judulKolom(i), key: i.kode, width: i.tipe === 'teks' ? 30 : 16, ...(i.tipe !== 'teks' ? { numFmt: formatIndikator(i) } : {}) })),
  ]);
  for (const r of rows) {
    ws.addRow({
      periode: r.periode,
      kab: r.kecamatan_kode.slice(0, 5),
      kec: r.kecamatan_kode,
      kecamatan: namaWilayah(r.kecamatan_kode),
      desa: r.desa_kode,
      desaNama: namaWilayah(r.desa_kode),
      kelompok: r.kelompok_nama,
      fasilitator: r.fasilitator_nama ?? null,
      status: STATUS[r.status] ?? r.status,
      diajukan: r.diajukan_pada ? new Date(`${r.diajukan_pada.slice(0, 10)}T00:00:00Z`) : null,
      ...Object.fromEntries(katalog.indikator.map((i) => [i.kode, r.nilai[i.kode] ?? null])),
    });
  }
  // The Jumlah row, as in the PDF: submitted and verified reports only (common/kamus.ts).
  const total = gabungRekap(katalog, dihitung.map((r) => r.nilai));
  ws.addRow({ kelompok: `Jumlah (${dihitung.length} laporan masuk; draf tidak dihitung)`, ...Object.fromEntries(katalog.indikator.filter((i) => i.tipe !== 'teks').map((i) => [i.kode, total[i.kode] ?? null])) }).font = { bold: true };
  const wb2 = lembarBerjudul(wb, 'Belum melapor', { ...judul, dokumen: 'Kelompok yang belum melapor' }, [
    { header: 'Kabupaten/kota', key: 'kab', width: 22 },
    { header: 'Kelompok', key: 'nama', width: 34 },
    { header: 'Bulan', key: 'periode', width: 16 },
  ]);
  for (const h of belum) wb2.addRow({ kab: namaWilayah(h.kabupaten_kode), nama: h.kelompok_nama, periode: formatPeriode(h.periode) });
  lembarKeterangan(wb, k, `Laporan bulanan ${formatPeriode(input.periode)}`, [['Jumlah laporan', String(rows.length)]]);
  await tulisExcel(wb, path);
  return { jumlah: rows.length };
}

async function xlsxRekap(k: KonteksDokumen, rekap: Rekap, path: string): Promise<void> {
  const { katalog } = k;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bermantra';
  const numeric = katalog.indikator.filter((i) => i.tipe !== 'teks');
  const judul = { instansi: k.pengaturan.nama_instansi || (k.pengaturan.kabupaten_nama ?? ''), periode: `per ${LABEL_TINGKAT[rekap.per].toLowerCase()}${wilayahDipilih(k)}` };
  const ws = lembarBerjudul(wb, 'Rekap', { ...judul, dokumen: `${rekap.judul} Peti Koin Bermantra` }, [
    { header: 'Periode', key: 'periode', width: 18 },
    { header: LABEL_TINGKAT[rekap.per], key: 'nama', width: 30 },
    { header: 'Jumlah kelompok', key: 'jk', width: 12, numFmt: FORMAT_ANGKA },
    { header: 'Laporan masuk', key: 'masuk', width: 12, numFmt: FORMAT_ANGKA },
    { header: 'Laporan diharapkan', key: 'harap', width: 12, numFmt: FORMAT_ANGKA },
    ...numeric.map((i) => ({ header: judulKolom(i), key: i.kode, width: 16, numFmt: formatIndikator(i) })),
  ]);
  const add = (b: Rekap['total'], bold = false) => {
    const row = ws.addRow({ periode: formatPeriode(rekap.periode), nama: b.nama, jk: b.jumlah_kelompok, masuk: b.laporan_masuk, harap: b.laporan_diharapkan, ...Object.fromEntries(numeric.map((i) => [i.kode, b.nilai[i.kode] ?? null])) });
    if (bold) row.font = { bold: true };
  };
  rekap.baris.forEach((b) => add(b));
  add({ ...rekap.total, nama: 'Jumlah' }, true);
  const hilang = rekap.baris.flatMap((b) => b.hilang);
  const wh = lembarBerjudul(wb, 'Belum melapor', { ...judul, dokumen: 'Kelompok yang belum melapor' }, [
    { header: 'Kabupaten/kota', key: 'kab', width: 22 },
    { header: 'Kelompok', key: 'nama', width: 34 },
    { header: 'Bulan', key: 'periode', width: 16 },
  ]);
  for (const h of hilang) wh.addRow({ kab: namaWilayah(h.kabupaten_kode), nama: h.kelompok_nama, periode: formatPeriode(h.periode) });
  lembarKeterangan(wb, k, rekap.judul, [
    ['Rekap per', LABEL_TINGKAT[rekap.per].toLowerCase()],
    ['Kelengkapan', rekap.total.kelengkapan],
    ['Aturan', catatanAgregasi(katalog)],
  ]);
  await tulisExcel(wb, path);
}


/** `kabupaten`: at the province, one district's document (as the window's filter shows it); a district's is its own. */
type MasukanDokumen = { periode: string; format: 'pdf' | 'xlsx'; per?: TingkatRekap | null; fasilitator_id?: string | null; kabupaten?: string | null };

/** Everything a report document shows, read as one piece of work; written on the officer's PC by `tulisDokumenLaporanDari`. */
export type DataDokumenLaporan = { k: KonteksDokumen } & ({ bulan: DataLaporanBulan } | { rekap: Rekap });

export function* dataDokumenLaporanK(input: MasukanDokumen): Kerja<DataDokumenLaporan> {
  // The catalogue and the office's settings, read once for the whole document.
  const pengaturan = yield* pengaturanK();
  const kabupaten = pengaturan.mode === 'provinsi' ? (input.kabupaten ?? null) : null;
  if (kabupaten && !kabupatenJatim().some((w) => w.kode === kabupaten)) throw new AppError('WILAYAH_TIDAK_DIKENAL', `${kabupaten} bukan kode kabupaten/kota di Jawa Timur. Pilih dari daftar, misalnya 35.07.`);
  const wilayah = kabupaten ? { kode: kabupaten, nama: namaWilayah(kabupaten) ?? kabupaten } : { kode: pengaturan.kabupaten_kode ?? '', nama: pengaturan.kabupaten_nama ?? '' };
  const k: KonteksDokumen = { katalog: yield* katalogAktifK(), pengaturan, wilayah };
  if (/^\d{4}-\d{2}$/.test(input.periode)) return { k, bulan: yield* laporanBulanK(k, { ...input, kabupaten }, input.format === 'pdf') };
  // Unless chosen: a district's recap per kecamatan (per kabupaten it is one row and its own total), the province's per district.
  const per = input.per ?? (k.pengaturan.mode === 'provinsi' ? 'kabupaten' : 'kecamatan');
  return { k, rekap: yield* hitungRekapK(input.periode, per, new Date(), kabupaten, k) };
}

/** One entry point for every report document: a month gives the monthly report, a semester or year the recap. */
export async function tulisDokumenLaporanDari(data: DataDokumenLaporan, input: MasukanDokumen, path: string): Promise<void> {
  if ('bulan' in data) {
    if (input.format === 'pdf') await pdfLaporanBulanan(data.k, data.bulan, input, path);
    else await xlsxLaporanBulanan(data.k, data.bulan, input, path);
  } else if (input.format === 'pdf') await pdfRekap(data.k, data.rekap, path);
  else await xlsxRekap(data.k, data.rekap, path);
}

/** The monthly report or a semester/annual recap of a SQLite file, as PDF or workbook. */
export async function tulisDokumenLaporan(db: Db, input: MasukanDokumen, path: string): Promise<void> {
  await tulisDokumenLaporanDari(jalankan(db, dataDokumenLaporanK(input)), input, path);
}
