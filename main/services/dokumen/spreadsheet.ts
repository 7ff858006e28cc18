import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { formatWaktuWib } from '../../common/format';
import * as XLSX from 'xlsx';
import { AppError } from '../../common/errors';
import { decodeText, detectDelimiter, parseCsv } from './csv';
import { ambilEntri, BATAS_LEMBAR_BESAR, BATAS_LEMBAR_KECIL, periksaZip, type BatasZip } from './zip-aman';

// Reading the officers' spreadsheets (.xlsx, .xls, .ods, .csv) into rows of cells that remember
// whether Excel stored them as numbers: a NIK stored as a number has lost its 16th digit.

export interface Sel {
  /** The text as the user sees it; dates as YYYY-MM-DD. */
  text: string;
  /** Excel stored this cell as a number (not as text). */
  angka: boolean;
}

export interface Lembar {
  sheets: string[];
  sheet: string;
  headers: string[];
  /** Spreadsheet row number (1-based) of the header row. */
  barisKepala: number;
  /** Spreadsheet row number (1-based) of each data row. */
  nomorBaris: number[];
  rows: Sel[][];
}

export const MAKS_UKURAN_MB = 25;

function bukanSpreadsheet(nama: string): AppError {
  return new AppError('BUKAN_SPREADSHEET', `Berkas ${nama} bukan spreadsheet yang dapat dibaca. Simpan ulang dari Excel sebagai .xlsx atau .csv lalu pilih lagi.`);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control < sample.length / 100;
}

function numberText(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) >= 1e15) return BigInt(v).toString();
  return String(v).replace('.', ',');
}

function cellOf(cell: XLSX.CellObject | undefined): Sel {
  if (!cell || cell.v === undefined || cell.v === null) return { text: '', angka: false };
  if (cell.t === 'n') {
    const v = cell.v as number;
    const fmt = typeof cell.z === 'string' ? cell.z : '';
    if (fmt && XLSX.SSF.is_date(fmt)) {
      const d = XLSX.SSF.parse_date_code(v);
      if (d) return { text: `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`, angka: false };
    }
    return { text: numberText(v), angka: true };
  }
  if (cell.t === 'd') {
    const d = cell.v as Date;
    return { text: d.toISOString().slice(0, 10), angka: false };
  }
  if (cell.t === 'b') return { text: cell.v ? 'TRUE' : 'FALSE', angka: false };
  if (cell.t === 'e') return { text: '', angka: false };
  return { text: String(cell.v).trim(), angka: false };
}

/** Files read whole (.xls, .ods) stay small. */
export const MAKS_LEMBAR_UTUH_MB = MAKS_UKURAN_MB;

export interface LembarXlsx {
  name: string;
  /** N of xl/worksheets/sheetN.xml, where the sheet's rows are. */
  nomorBerkas: string;
}

const entitas = (t: string) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

/**
 * The sheets of an .xlsx (name and part), from its workbook parts, after the guarded reader (zip-aman.ts) has held
 * the archive to `batas`: large lists are read a row at a time, sheets read whole get tighter limits.
 */
export function periksaXlsx(path: string, nama: string, batas: BatasZip = BATAS_LEMBAR_BESAR): LembarXlsx[] {
  const daftar = periksaZip(path, nama, batas);
  const bagian = ambilEntri(path, daftar, (n) => (n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels'));
  const entries = Object.fromEntries(bagian);
  const teks = (name: string) => new TextDecoder().decode(entries[name] ?? new Uint8Array());
  const rels = new Map([...teks('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/\bId="([^"]*)"/.exec(m[0])?.[1] ?? '', /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? '']));
  const sheets = [...teks('xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
    const rid = /\br:id="([^"]*)"|\bid="([^"]*)"/.exec(m[0]);
    const target = rels.get(rid?.[1] ?? rid?.[2] ?? '') ?? '';
    return { name: entitas(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? ''), nomorBerkas: /sheet(\d+)\.xml$/.exec(target)?.[1] ?? '' };
  });
  return sheets.length ? sheets : [{ name: 'Sheet1', nomorBerkas: '1' }];
}

/** A CSV cell as the app wrote it back to its text: ="3507…" (a code kept as text), '=… (a neutralised formula). */
export function teksCsv(t: string): string {
  const kode = /^="(.*)"$/.exec(t);
  if (kode) return kode[1]!;
  return /^'[=+\-@]/.test(t) ? t.slice(1) : t;
}

/** The size of a file the officer picked: it must still be there, not be empty, and not be larger than maksMb. */
export function ukuranBerkas(path: string, nama: string, maksMb: number): number {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('BERKAS_HILANG', `Berkas ${nama} tidak ditemukan lagi. Pilih berkasnya sekali lagi.`);
  }
  if (size === 0) throw new AppError('BERKAS_KOSONG', `Berkas ${nama} kosong (0 byte). Pilih berkas yang berisi daftar.`);
  if (size > maksMb * 1024 * 1024) {
    throw new AppError('BERKAS_TERLALU_BESAR', `Berkas ${nama} terlalu besar (${Math.round(size / 1048576)} MB; paling besar ${maksMb} MB). Pastikan berkas yang dipilih benar, atau bagi menjadi beberapa berkas.`);
  }
  return size;
}

/**
 * Reads a whole spreadsheet file (member lists, RAB sheets: small files). Large extracts use the
 * streaming reader of the matching module instead. Throws AppError with an Indonesian message for
 * anything that is not a readable, non-empty table.
 */
export function bacaSpreadsheet(path: string, nama: string, sheetName?: string | null): Lembar {
  ukuranBerkas(path, nama, MAKS_UKURAN_MB);
  const bytes = readFileSync(path);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  let grid: Sel[][];
  let sheets: string[];
  let sheet: string;
  if (zip || ole) {
    if (zip && !bytes.subarray(0, 100).toString('latin1').includes('mimetypeapplication/vnd.oasis')) periksaXlsx(path, nama, BATAS_LEMBAR_KECIL);
    else if (zip) periksaZip(path, nama, BATAS_LEMBAR_KECIL);
    let wb: XLSX.WorkBook;
    try {
      wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellDates: false, cellNF: true, cellText: false });
    } catch {
      throw new AppError('BERKAS_RUSAK', `Berkas ${nama} rusak atau bukan berkas Excel yang sah. Buka di Excel, simpan ulang sebagai .xlsx, lalu pilih lagi.`);
    }
    sheets = wb.SheetNames;
    if (sheets.length === 0) throw bukanSpreadsheet(nama);
    sheet = sheetName && sheets.includes(sheetName) ? sheetName : sheets[0]!;
    const ws = wb.Sheets[sheet]!;
    const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    grid = data.map((row) => (row ?? []).map(cellOf));
  } else {
    if (!looksLikeText(bytes)) throw bukanSpreadsheet(nama);
    const text = decodeText(bytes).replace(/^\uFEFF/, '');
    const firstLine = text.slice(0, text.search(/\r?\n|$/));
    grid = parseCsv(text, detectDelimiter(firstLine)).map((row) => row.map((t) => ({ text: teksCsv(t.trim()), angka: false })));
    sheets = ['CSV'];
    sheet = 'CSV';
  }
  const isEmpty = (row: Sel[] | undefined) => !row || row.every((c) => !c || c.text === '');
  const headerIndex = grid.findIndex((row) => !isEmpty(row));
  if (headerIndex < 0) throw new AppError('BERKAS_KOSONG', `Lembar "${sheet}" di berkas ${nama} kosong. Pilih lembar atau berkas yang berisi daftar.`);
  const headerRow = grid[headerIndex]!;
  // A loop, not Math.max(...rows): spreading 125,000 rows as arguments overflows the stack.
  let width = 0;
  for (let i = headerIndex; i < grid.length; i++) width = Math.max(width, (grid[i] ?? []).length);
  const headers = Array.from({ length: width }, (_, i) => headerRow[i]?.text || `Kolom ${XLSX.utils.encode_col(i)}`);
  const rows: Sel[][] = [];
  const nomorBaris: number[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const row = grid[i];
    if (isEmpty(row)) continue;
    rows.push(Array.from({ length: width }, (_, c) => row![c] ?? { text: '', angka: false }));
    nomorBaris.push(i + 1);
  }
  if (rows.length === 0) throw new AppError('BERKAS_KOSONG', `Lembar "${sheet}" di berkas ${nama} hanya berisi judul kolom, tanpa data.`);
  return { sheets, sheet, headers, barisKepala: headerIndex + 1, nomorBaris, rows };
}

/** Header text → comparable key: "No. KK" → "NOKK". */
export function headerKey(header: string): string {
  return header.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Text cell that Excel keeps as text ("@"), so NIKs and codes survive the round trip. */
export function textCell(value: string | null | undefined): XLSX.CellObject {
  return { t: 's', v: value ?? '', z: '@' };
}

/** Writes a workbook to a temporary file first, then renames it: a half-written file never has the final name. */
export function tulisWorkbook(wb: XLSX.WorkBook, path: string): void {
  const buffer = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, buffer);
  renameSync(temp, path);
}

/** Same for exceljs workbooks (styled reports): temporary file first, then the final name. */
export async function tulisExcel(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await wb.xlsx.writeFile(temp);
  renameSync(temp, path);
}

export { XLSX };

/** When a workbook was made, in WIB whatever the office PC's time zone. */
export function waktuDibuat(now = new Date()): string {
  return formatWaktuWib(now);
}

export interface KolomLembar {
  /** The column's name as an officer reads it. */
  header: string;
  key: string;
  width: number;
  /** Excel number format: '#,##0' for counts, '"Rp"#,##0' for Rupiah, '0.0' for percentages, '@' for codes kept as text. */
  numFmt?: string;
}

export const FORMAT_RUPIAH = '"Rp"#,##0';
export const FORMAT_ANGKA = '#,##0';
export const FORMAT_DESIMAL = '#,##0.0#';
export const FORMAT_PERSEN = '0.0';
export const FORMAT_TEKS = '@';

/**
 * The one number format of an indicator's cells in every workbook (recaps, e-monev, the field workbook): Rupiah with
 * "Rp", percentages with one decimal, decimals with their fraction, counts whole ("400", never "400,0").
 */
export function formatIndikator(i: { tipe: string; desimal?: boolean | undefined }): string {
  return i.tipe === 'rupiah' ? FORMAT_RUPIAH : i.tipe === 'persen' ? FORMAT_PERSEN : i.tipe === 'teks' ? FORMAT_TEKS : i.desimal ? FORMAT_DESIMAL : FORMAT_ANGKA;
}
/** The lines a text takes in a wrapped cell `lebar` characters wide (LibreOffice prints a row at its set height). */
export function barisTeks(teks: string, lebar: number): number {
  return teks.split('\n').reduce((n, t) => n + Math.max(1, Math.ceil((t.length * 1.1) / Math.max(10, lebar - 2))), 0);
}

/**
 * A sheet of prose (instructions, notes) that prints: A4 portrait one page wide with page numbers, its text wrapped
 * in the given column and each row as tall as its wrapped lines (LibreOffice prints a wrapped row at its set height:
 * without this the lines overlap).
 */
export function lembarTeks(ws: ExcelJS.Worksheet, kolomTeks: number, judul: string): void {
  const lebar = ws.getColumn(kolomTeks).width ?? 90;
  ws.getColumn(kolomTeks).alignment = { wrapText: true, vertical: 'top' };
  ws.eachRow((row) => {
    const baris = barisTeks(String(row.getCell(kolomTeks).value ?? ''), lebar);
    const besar = (row.getCell(1).font?.size ?? 11) > 11 ? 1.4 : 1;
    row.height = Math.max(15, Math.round(15 * baris * besar));
  });
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  ws.headerFooter = { oddFooter: `&L${judul.slice(0, 60).replace(/&/g, '&&')}&RHalaman &P dari &N` };
}

/** The row of the column names under the title rows; data starts on the next. */
export const BARIS_KEPALA = 4;

/**
 * A sheet as an officer expects it on opening: a title row (what it is), a row with the office, the period and when it
 * was made (local time), the column names frozen at the top with an auto-filter, each column's number format.
 * Add the data with ws.addRow(…): it lands under the header. Missing values should be left blank (null).
 */
export function lembarBerjudul(wb: ExcelJS.Workbook, nama: string, judul: { dokumen: string; instansi: string; periode?: string }, kolom: KolomLembar[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(nama.slice(0, 31), { views: [{ state: 'frozen', ySplit: BARIS_KEPALA }] });
  ws.columns = kolom.map((k) => ({ key: k.key, width: k.width, ...(k.numFmt ? { style: { numFmt: k.numFmt } } : {}) }));
  ws.getCell(1, 1).value = judul.dokumen;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value = [judul.instansi, judul.periode, `dibuat ${waktuDibuat()}`].filter(Boolean).join(' · ');
  ws.getCell(2, 1).font = { italic: true, color: { argb: 'FF555555' } };
  const kepala = ws.getRow(BARIS_KEPALA);
  kolom.forEach((k, i) => {
    const c = kepala.getCell(i + 1);
    c.value = k.header;
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B4F8A' } };
    c.alignment = { vertical: 'middle', wrapText: true };
    c.numFmt = 'General';
  });
  // Wrapped headers get the height of their longest line count (a 12-wide "Laporan diharapkan" takes two lines).
  kepala.height = Math.min(60, 15 * Math.max(1, ...kolom.map((k) => Math.ceil(k.header.length / Math.max(1, k.width - 1)))));
  ws.autoFilter = { from: { row: BARIS_KEPALA, column: 1 }, to: { row: BARIS_KEPALA, column: kolom.length } };
  // Printed as an officer expects: A4, landscape when the columns are wide, all columns on one page's width, the
  // header row repeated on every page.
  // The title rows span the table (wrapped), so a long title does not widen what is printed.
  const lebar = kolom.reduce((a, k) => a + k.width, 0);
  for (const r of [1, 2]) {
    if (kolom.length > 1) ws.mergeCells(r, 1, r, kolom.length);
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
  }
  ws.getRow(1).height = judul.dokumen.length > lebar * 0.9 ? 34 : 18;
  ws.pageSetup = {
    paperSize: 9,
    orientation: lebar > 90 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${BARIS_KEPALA}:${BARIS_KEPALA}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: `&L${judul.dokumen.slice(0, 60).replace(/&/g, '&&')}&RHalaman &P dari &N` };
  return ws;
}
