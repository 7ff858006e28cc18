import { createReadStream, readSync, openSync, closeSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../../common/errors';
import { csvPerBatch, detectDelimiter } from './csv';
import { BATAS_LEMBAR_BESAR, periksaZip } from './zip-aman';

// Streaming readers for large extracts (0.5–1.5 million rows): memory does not grow with the file.

function headBytes(path: string, n = 65536): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(n, statSync(path).size));
    readSync(fd, buf, 0, buf.length, 0);
    return buf;
  } finally {
    closeSync(fd);
  }
}

export type FormatEkstrak = 'csv' | 'xlsx';

export function kenaliFormat(path: string, nama: string): { format: FormatEkstrak; encoding: 'utf-8' | 'windows-1252'; delimiter: string } {
  const size = statSync(path).size;
  if (size === 0) throw new AppError('BERKAS_KOSONG', `Berkas ${nama} kosong (0 byte).`);
  const head = headBytes(path);
  if (head[0] === 0x50 && head[1] === 0x4b) return { format: 'xlsx', encoding: 'utf-8', delimiter: ',' };
  if (head.includes(0)) throw new AppError('BUKAN_SPREADSHEET', `Berkas ${nama} bukan .csv atau .xlsx. Minta Dinas Sosial mengirim ekstrak dalam salah satu format itu.`);
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    // Trim a possibly split multi-byte character at the end of the sample.
    let end = head.length;
    while (end > 0 && end > head.length - 4 && (head[end - 1]! & 0xc0) === 0x80) end--;
    if (end > 0 && head[end - 1]! >= 0xc0) end--;
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
  } catch {
    encoding = 'windows-1252';
  }
  const text = new TextDecoder(encoding).decode(head).replace(/^\uFEFF/, '');
  return { format: 'csv', encoding, delimiter: detectDelimiter(text.slice(0, text.search(/\r?\n|$/))) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e15 ? BigInt(value).toString() : String(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
  }
  return String(value).trim();
}

export interface BarisMentah {
  /** 1-based row number in the file (header = 1). */
  baris: number;
  cells: string[];
}

/**
 * Yields the rows of a CSV (any encoding detected) or the first sheet of an .xlsx in batches (one per chunk
 * read, so a million rows cost a few hundred awaits, not a million). `onChunk` sees every chunk read
 * (progress, hashing).
 */
export async function* bacaEkstrakPerBatch(path: string, nama: string, onChunk?: (chunk: Buffer) => void): AsyncGenerator<BarisMentah[]> {
  const f = kenaliFormat(path, nama);
  if (f.format === 'csv') {
    yield* csvPerBatch(path, f.encoding, f.delimiter, onChunk);
    return;
  }
  // The same guarded reader as every other import: sizes, ratio and real inflated sizes before parsing.
  periksaZip(path, nama, BATAS_LEMBAR_BESAR);
  let reader: ExcelJS.stream.xlsx.WorkbookReader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path).on('data', (c) => onChunk?.(c as Buffer)), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  } catch {
    throw new AppError('BERKAS_RUSAK', `Berkas ${nama} tidak dapat dibaca sebagai .xlsx.`);
  }
  try {
    for await (const sheet of reader) {
      let rows: BarisMentah[] = [];
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        rows.push({ baris: row.number, cells: values.map(cellText) });
        if (rows.length === 2000) {
          yield rows;
          rows = [];
        }
      }
      yield rows;
      break; // first sheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BERKAS_RUSAK', `Berkas ${nama} rusak atau bukan .xlsx yang sah (${(error as Error).message}). Simpan ulang dari Excel lalu pilih lagi.`);
  }
}

/** The same rows one at a time (the preview reads ten). */
export async function* bacaEkstrak(path: string, nama: string): AsyncGenerator<BarisMentah> {
  for await (const rows of bacaEkstrakPerBatch(path, nama)) yield* rows;
}
