import { createReadStream } from 'node:fs';
// CSV as officers and Dinas Sosial write it: comma or semicolon, UTF-8 or Windows-1252, quotes.

/** Decodes CSV bytes: UTF-8 (with or without BOM), falling back to Windows-1252 as old Excel writes it. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Comma or semicolon, whichever the header line has more of (Indonesian Excel writes semicolons). */
export function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const counts: [',' | ';' | '\t', number][] = [[',', count(',')], [';', count(';')], ['\t', count('\t')]];
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/** A whole CSV text into records (RFC 4180: quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string, delimiter: string): string[][] {
  const parser = new CsvStream(delimiter);
  return [...parser.push(text), ...parser.end()];
}

/**
 * Incremental RFC 4180 parser: feed text chunks, get the complete records. Lines without quotes (nearly
 * all of an extract) take a fast split; a record with quotes is parsed character by character, and one
 * whose quotes are unbalanced continues over the next line (a newline inside a quoted field).
 */
export class CsvStream {
  private buf = '';
  constructor(private readonly delimiter: string) {}

  push(text: string): string[][] {
    this.buf += text;
    const rows: string[][] = [];
    let pos = 0;
    for (;;) {
      let nl = this.buf.indexOf('\n', pos);
      if (nl < 0) break;
      let line = this.buf.slice(pos, nl);
      if (line.indexOf('"') >= 0) {
        // Extend over newlines until the quotes balance.
        while (countQuotes(line) % 2 === 1) {
          const next = this.buf.indexOf('\n', nl + 1);
          if (next < 0) {
            line = '';
            nl = -1;
            break;
          }
          line = this.buf.slice(pos, next);
          nl = next;
        }
        if (nl < 0) break;
        rows.push(parseRecord(stripCR(line), this.delimiter));
      } else rows.push(stripCR(line).split(this.delimiter));
      pos = nl + 1;
    }
    this.buf = this.buf.slice(pos);
    return rows;
  }

  end(): string[][] {
    const rest = stripCR(this.buf);
    this.buf = '';
    if (!rest) return [];
    return [rest.indexOf('"') >= 0 ? parseRecord(rest, this.delimiter) : rest.split(this.delimiter)];
  }
}

function stripCR(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}

function parseRecord(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}


/**
 * The records of a CSV file read a chunk at a time (one batch per chunk: a million rows cost a few hundred awaits),
 * with their 1-based record number; a byte-order mark is dropped. `onChunk` sees every chunk read (progress, hashing).
 */
export async function* csvPerBatch(path: string, encoding: string, delimiter: string, onChunk?: (chunk: Buffer) => void): AsyncGenerator<{ baris: number; cells: string[] }[]> {
  const decoder = new TextDecoder(encoding);
  const parser = new CsvStream(delimiter);
  let line = 0;
  let first = true;
  const batch = (records: string[][]) => records.map((cells) => ({ baris: ++line, cells }));
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    onChunk?.(chunk as Buffer);
    let text = decoder.decode(chunk as Buffer, { stream: true });
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    yield batch(parser.push(text));
  }
  yield batch([...parser.push(decoder.decode()), ...parser.end()]);
}

// ---------------------------------------------------------------------------------------------- writing

/**
 * A cell the app writes into a CSV: text from people (neutralised), a number, or a code of digits that must stay
 * text (NIK, No. KK: a spreadsheet would turn 16 digits into a rounded number).
 */
export type SelCsv = string | number | null | { kode: string };

/** Indonesian Excel splits CSV on ";" (the decimal separator is ","). */
export const PEMISAH_CSV = ';';

/**
 * One cell as text. People's text that starts like a formula (=, +, -, @, tab, CR) gets a leading apostrophe
 * (OWASP CSV injection); digit codes are written as ="…", which Excel and LibreOffice show as the text itself;
 * decimals take a comma.
 */
export function selCsv(v: SelCsv): string {
  let text: string;
  if (v === null) text = '';
  else if (typeof v === 'number') text = Number.isFinite(v) ? String(v).replace('.', ',') : '';
  else if (typeof v === 'object') return /^\d+$/.test(v.kode) ? `="${v.kode}"` : selCsv(v.kode);
  else text = netralkanRumus(v);
  return kutipCsv(text, PEMISAH_CSV);
}

/** People's text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe. */
export function netralkanRumus(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** RFC 4180 quoting: a field holding the separator, a quote or a line break goes in quotes, its quotes doubled. */
export function kutipCsv(text: string, pemisah: string): string {
  return text.includes(pemisah) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line (without its line break). */
export function barisCsv(cells: SelCsv[]): string {
  return cells.map(selCsv).join(PEMISAH_CSV);
}

/** The start of every CSV the app writes: a UTF-8 byte-order mark (so Excel reads UTF-8) and the header line. */
export function awalCsv(header: string[]): string {
  return `\uFEFF${barisCsv(header)}\r\n`;
}
