import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { kutipCsv, netralkanRumus } from '../dokumen';

// The research extract's files written as they are made, so memory stays flat whatever the size: a CSV written in
// 1 MB pieces and hashed on the way, and a zip made from the finished folder by streaming its files through.

const POTONGAN = 1 << 20;

/** A cell of the researcher's CSV: comma-separated, decimal point (for R, Stata, pandas), text quoted and formula-safe. */
const csvSel = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : kutipCsv(netralkanRumus(v), ','));

/** A CSV file (UTF-8, comma, header first) written and hashed in pieces. */
export class BerkasCsv {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private tertunda: string[] = [];
  private panjang = 0;
  /** Data rows written (the header not counted). */
  jumlah = 0;

  constructor(path: string, kolom: string[]) {
    this.fd = openSync(path, 'wx', 0o600);
    this.tambah(kolom.join(','));
  }

  baris(sel: (string | number | null | undefined)[]): void {
    this.tambah(sel.map(csvSel).join(','));
    this.jumlah++;
  }

  private tambah(teks: string): void {
    this.tertunda.push(teks);
    this.panjang += teks.length + 1;
    if (this.panjang >= POTONGAN) this.siram();
  }

  private siram(): void {
    if (!this.tertunda.length) return;
    const b = Buffer.from(`${this.tertunda.join('\n')}\n`, 'utf8');
    writeSync(this.fd, b);
    this.hash.update(b);
    this.tertunda = [];
    this.panjang = 0;
  }

  /** Writes what is left, closes the file, returns its SHA-256. */
  tutup(): string {
    this.siram();
    closeSync(this.fd);
    return this.hash.digest('hex');
  }
}

/** Zips the named files of a folder into `${folder}.zip` under one top folder, streaming; returns the zip's path. */
export function zipFolder(folder: string, atas: string, nama: string[]): string {
  const out = `${folder}.zip`;
  const fd = openSync(out, 'wx', 0o600);
  let galat: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) galat = err;
    else writeSync(fd, data);
  });
  try {
    const buf = Buffer.alloc(POTONGAN);
    for (const n of nama) {
      const entri = new ZipDeflate(`${atas}/${n}`, { level: 6 });
      zip.add(entri);
      const src = openSync(join(folder, n), 'r');
      try {
        for (;;) {
          const dibaca = readSync(src, buf, 0, buf.length, null);
          if (dibaca === 0) break;
          entri.push(new Uint8Array(buf.subarray(0, dibaca)), false);
        }
        entri.push(new Uint8Array(0), true);
      } finally {
        closeSync(src);
      }
    }
    zip.end();
  } finally {
    closeSync(fd);
  }
  if (galat) throw galat;
  return out;
}
