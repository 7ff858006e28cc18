import ExcelJS from 'exceljs';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { AppError } from '../../common/errors';
import { kenaliFormat } from './ekstrak';
import { csvPerBatch } from './csv';
import { bacaSpreadsheet, MAKS_LEMBAR_UTUH_MB, periksaXlsx, teksCsv, ukuranBerkas, type LembarXlsx, type Sel } from './spreadsheet';

// Member lists read a batch at a time: a CSV or an .xlsx of a million rows costs the same memory as one of a
// thousand. Old .xls and .ods files (small, from old offices) are read whole by SheetJS, within a size bound.
// An .xlsx whose declared content is absurdly large (a "zip bomb") is refused before anything is inflated.

/** A member list of a million rows is about 100 MB of CSV; far beyond that is not a member list. */
export const MAKS_DAFTAR_MB = 500;

export interface BarisSel {
  /** Spreadsheet row number (1-based). */
  baris: number;
  sel: Sel[];
}

function selExcel(value: ExcelJS.CellValue): Sel {
  if (value === null || value === undefined) return { text: '', angka: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), angka: false };
  if (typeof value === 'number') return { text: Number.isInteger(value) && Math.abs(value) >= 1e15 ? BigInt(value).toString() : String(value).replace('.', ','), angka: true };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', angka: false };
  if (typeof value === 'object') {
    if ('result' in value) return selExcel(value.result as ExcelJS.CellValue);
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim(), angka: false };
    if ('text' in value) return { text: String(value.text).trim(), angka: false };
    if ('error' in value) return { text: '', angka: false };
  }
  return { text: String(value).trim(), angka: false };
}

async function* xlsxBertahap(path: string, nama: string, sheet: LembarXlsx): AsyncGenerator<BarisSel[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  // exceljs reads a sheet that comes before the workbook part in the archive (as SheetJS writes them) only if
  // its model exists; the sheet then keeps the number of its part as id, which we match instead of the name.
  (reader as unknown as { model: object }).model = {};
  try {
    for await (const ws of reader) {
      const w = ws as unknown as { id: string | number; name: string };
      const cocok = w.name === sheet.name || (w.name === `Sheet${w.id}` && String(w.id) === sheet.nomorBerkas);
      if (!cocok) continue;
      let rows: BarisSel[] = [];
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        rows.push({ baris: row.number, sel: (row.values as ExcelJS.CellValue[]).slice(1).map(selExcel) });
        if (rows.length === 2000) {
          yield rows;
          rows = [];
        }
      }
      yield rows;
      return;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BERKAS_RUSAK', `Berkas ${nama} rusak atau bukan .xlsx yang sah (${(error as Error).message}). Simpan ulang dari Excel lalu pilih lagi.`);
  }
}

async function* csvBertahap(path: string, encoding: string, delimiter: string): AsyncGenerator<BarisSel[]> {
  for await (const batch of csvPerBatch(path, encoding, delimiter)) yield batch.map((r) => ({ baris: r.baris, sel: r.cells.map((t) => ({ text: teksCsv(t.trim()), angka: false })) }));
}

export interface SumberLembar {
  sheets: string[];
  sheet: string;
  /** The rows of the chosen sheet, a batch at a time. */
  baris(): AsyncGenerator<BarisSel[]>;
}

/** Opens a member list: which sheets it has, and a reader of the chosen one (the first by default). */
export function bukaLembar(path: string, nama: string, sheetName?: string | null): SumberLembar {
  const size = ukuranBerkas(path, nama, MAKS_DAFTAR_MB);
  let f: ReturnType<typeof kenaliFormat>;
  try {
    f = kenaliFormat(path, nama);
  } catch {
    f = { format: 'xlsx', encoding: 'utf-8', delimiter: ',' }; // binary but not zip: .xls, handled below
  }
  const zip = f.format === 'xlsx' && isZipXlsx(path);
  if (f.format === 'csv') return { sheets: ['CSV'], sheet: 'CSV', baris: () => csvBertahap(path, f.encoding, f.delimiter) };
  if (zip) {
    const lembar = periksaXlsx(path, nama);
    const sheet = lembar.find((l) => l.name === sheetName) ?? lembar[0]!;
    return { sheets: lembar.map((l) => l.name), sheet: sheet.name, baris: () => xlsxBertahap(path, nama, sheet) };
  }
  // .xls and .ods: read whole.
  if (size > MAKS_LEMBAR_UTUH_MB * 1024 * 1024) {
    throw new AppError('BERKAS_TERLALU_BESAR', `Berkas ${nama} terlalu besar untuk format lama ini (${Math.round(size / 1048576)} MB; paling besar ${MAKS_LEMBAR_UTUH_MB} MB). Simpan ulang dari Excel sebagai .xlsx atau .csv lalu pilih lagi.`);
  }
  const lembar = bacaSpreadsheet(path, nama, sheetName);
  return {
    sheets: lembar.sheets,
    sheet: lembar.sheet,
    async *baris() {
      yield [{ baris: lembar.barisKepala, sel: lembar.headers.map((text) => ({ text, angka: false })) }, ...lembar.rows.map((sel, i) => ({ baris: lembar.nomorBaris[i]!, sel }))];
    },
  };
}

/** An .xlsx (Office Open XML) rather than an .ods, both being zip archives. */
function isZipXlsx(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    const head = buf.subarray(0, n).toString('latin1');
    return head.startsWith('PK') && !head.includes('mimetypeapplication/vnd.oasis');
  } finally {
    closeSync(fd);
  }
}
