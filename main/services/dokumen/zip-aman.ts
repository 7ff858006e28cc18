import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Inflate } from 'fflate';
import { AppError } from '../../common/errors';
import { formatAngka, formatMb } from '../../common/format';

// One guarded reader for every zip that arrives in a file (.xlsx member lists, DT-SEN extracts, facilitator
// workbooks and their zips, RAB sheets): before any parser sees it, its central directory is read and held to
// limits (entries, declared sizes, ratio), and every entry is inflated as a stream whose output is counted and
// thrown away, so an entry that inflates beyond what it declared (a "false size" bomb) is stopped at its declared
// size. Memory stays at a few chunks whatever the file claims; a bomb is refused in seconds.

export interface BatasZip {
  /** Bytes the entries may inflate to, in all. */
  isi: number;
  /** Entries in the archive. */
  entri: number;
  /** Inflated bytes per compressed byte, for the whole archive (files under 1 MB count as 1 MB). */
  rasio: number;
  /**
   * Tighter limits for entries whose name matches (e.g. xl/sharedStrings.xml, held in memory by parsers): their
   * size, and how many times `unsur` (an XML tag) may occur in them — parsers spend memory per item, not per byte.
   */
  per?: BatasEntri[];
}

export interface BatasEntri {
  pola: RegExp;
  isi: number;
  label: string;
  unsur?: { pola: RegExp; maks: number; label: string };
}

/** Shared strings: parsers keep every one in memory (about 60 bytes each beside its text). */
const teksBersama = (isi: number, maks: number): BatasEntri => ({ pola: /^xl\/sharedStrings\.xml$/i, isi, label: 'daftar teks bersama', unsur: { pola: /<si[\s>]/g, maks, label: 'teks bersama' } });

/** Member lists and DT-SEN extracts: large, read a row at a time. */
export const BATAS_LEMBAR_BESAR: BatasZip = {
  isi: 1024 * 1024 * 1024,
  entri: 10_000,
  rasio: 100,
  // Parsers keep the shared strings in memory whole: this much text stays within an office PC's memory.
  per: [teksBersama(100 * 1024 * 1024, 3_000_000), { pola: /^xl\/styles\.xml$/i, isi: 16 * 1024 * 1024, label: 'daftar gaya sel' }],
};
/** Sheets read whole (RAB, facilitator workbooks, .xlsx and .ods read by SheetJS, which holds every cell). */
export const BATAS_LEMBAR_KECIL: BatasZip = { isi: 24 * 1024 * 1024, entri: 2_000, rasio: 100, per: [teksBersama(8 * 1024 * 1024, 300_000)] };
/** A facilitator's zip: one workbook and its photos. */
export const BATAS_KIRIMAN: BatasZip = { isi: 80 * 1024 * 1024, entri: 500, rasio: 100 };

export interface EntriZip {
  nama: string;
  metode: number;
  ukuranZip: number;
  ukuran: number;
  offsetLokal: number;
}

function bom(nama: string, sebab: string): AppError {
  return new AppError('BERKAS_TIDAK_WAJAR', `Berkas ${nama} ${sebab}: berkas rusak atau sengaja dibuat begitu. Tidak ada yang diimpor. Simpan ulang dari Excel sebagai .xlsx atau .csv (atau buat zip biasa) lalu pilih lagi.`);
}

function rusakZip(nama: string): AppError {
  return new AppError('BERKAS_RUSAK', `Berkas ${nama} rusak atau bukan berkas Excel/zip yang sah. Buka di Excel, simpan ulang sebagai .xlsx, lalu pilih lagi.`);
}

function baca(fd: number, posisi: number, panjang: number): Buffer {
  const buf = Buffer.alloc(panjang);
  const n = readSync(fd, buf, 0, panjang, posisi);
  return buf.subarray(0, n);
}

/** The central directory: names, methods, declared sizes and where each entry starts. */
function direktori(fd: number, ukuranBerkas: number, nama: string, batas: BatasZip): EntriZip[] {
  const ekor = baca(fd, Math.max(0, ukuranBerkas - 65_557), Math.min(ukuranBerkas, 65_557));
  let eocd = -1;
  for (let i = ekor.length - 22; i >= 0; i--) {
    if (ekor.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw rusakZip(nama);
  const jumlah = ekor.readUInt16LE(eocd + 10);
  const ukuranCd = ekor.readUInt32LE(eocd + 12);
  const offsetCd = ekor.readUInt32LE(eocd + 16);
  if (jumlah === 0xffff || offsetCd === 0xffffffff || ukuranCd === 0xffffffff) throw bom(nama, 'memakai format zip64 yang tidak dipakai untuk berkas sebesar ini');
  if (jumlah > batas.entri) throw bom(nama, `berisi ${formatAngka(jumlah)} bagian (paling banyak ${formatAngka(batas.entri)})`);
  if (offsetCd + ukuranCd > ukuranBerkas || ukuranCd > 64 * 1024 * 1024) throw rusakZip(nama);
  const cd = baca(fd, offsetCd, ukuranCd);
  const out: EntriZip[] = [];
  let p = 0;
  for (let i = 0; i < jumlah; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw rusakZip(nama);
    const panjangNama = cd.readUInt16LE(p + 28);
    const e: EntriZip = {
      metode: cd.readUInt16LE(p + 10),
      ukuranZip: cd.readUInt32LE(p + 20),
      ukuran: cd.readUInt32LE(p + 24),
      offsetLokal: cd.readUInt32LE(p + 42),
      nama: cd.subarray(p + 46, p + 46 + panjangNama).toString('utf8'),
    };
    if (e.ukuran === 0xffffffff || e.ukuranZip === 0xffffffff) throw bom(nama, 'memakai format zip64 yang tidak dipakai untuk berkas sebesar ini');
    out.push(e);
    p += 46 + panjangNama + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return out;
}

/** Inflates one entry as a stream, counting and discarding its output; stops the moment it passes its declared size. */
function periksaEntri(fd: number, ukuranBerkas: number, e: EntriZip, nama: string, unsur?: BatasEntri['unsur']): void {
  const lokal = baca(fd, e.offsetLokal, 30);
  if (lokal.length < 30 || lokal.readUInt32LE(0) !== 0x04034b50) throw rusakZip(nama);
  const mulai = e.offsetLokal + 30 + lokal.readUInt16LE(26) + lokal.readUInt16LE(28);
  if (mulai + e.ukuranZip > ukuranBerkas) throw rusakZip(nama);
  if (e.metode === 0) {
    if (e.ukuranZip !== e.ukuran) throw bom(nama, `menyatakan ukuran palsu untuk ${e.nama.slice(0, 80)}`);
    return;
  }
  if (e.metode !== 8) throw rusakZip(nama);
  let keluar = 0;
  const palsu = bom(nama, `mengembang lebih besar dari ukuran yang dinyatakannya (${e.nama.slice(0, 80)})`);
  let jumlah = 0;
  let ekor = '';
  const inflate = new Inflate((chunk) => {
    keluar += chunk.length;
    if (keluar > e.ukuran) throw palsu;
    if (unsur) {
      // Counted across chunk boundaries: the last few characters of a chunk are read again with the next.
      const teks = ekor + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      jumlah += (teks.slice(0, teks.length - 3).match(unsur.pola) ?? []).length;
      ekor = teks.slice(-3);
      if (jumlah > unsur.maks) throw bom(nama, `memuat lebih dari ${formatAngka(unsur.maks)} ${unsur.label}`);
    }
  });
  // Small input chunks: deflate inflates at most ~1.032× per byte, so one chunk yields at most ~16 MB.
  const POTONG = 16 * 1024;
  const buf = Buffer.alloc(POTONG);
  try {
    for (let dibaca = 0; dibaca < e.ukuranZip; ) {
      const n = readSync(fd, buf, 0, Math.min(POTONG, e.ukuranZip - dibaca), mulai + dibaca);
      if (n <= 0) throw rusakZip(nama);
      dibaca += n;
      inflate.push(buf.subarray(0, n), dibaca >= e.ukuranZip);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw rusakZip(nama);
  }
  if (keluar !== e.ukuran) throw rusakZip(nama);
}

/**
 * Checks a zip (an .xlsx is one) against the limits before anything parses it: entries, declared sizes in all and
 * per kind of entry, the ratio to the file's size, and then the real inflated size of every entry. Returns the
 * entries. Throws an AppError in Indonesian that says what to do.
 */
export function periksaZip(path: string, nama: string, batas: BatasZip): EntriZip[] {
  const fd = openSync(path, 'r');
  try {
    const ukuranBerkas = fstatSync(fd).size;
    const entri = direktori(fd, ukuranBerkas, nama, batas);
    let total = 0;
    for (const e of entri) {
      total += e.ukuran;
      if (total > batas.isi) throw bom(nama, `menyatakan isi lebih dari ${formatMb(batas.isi)} setelah dibuka`);
      for (const per of batas.per ?? []) if (per.pola.test(e.nama) && e.ukuran > per.isi) throw bom(nama, `memuat ${per.label} ${formatMb(e.ukuran)} (paling besar ${formatMb(per.isi)})`);
    }
    if (total > Math.max(ukuranBerkas, 1024 * 1024) * batas.rasio) throw bom(nama, `mengembang ${formatAngka(total / Math.max(ukuranBerkas, 1))} kali dari ukurannya`);
    for (const e of entri) periksaEntri(fd, ukuranBerkas, e, nama, batas.per?.find((p) => p.pola.test(e.nama))?.unsur);
    return entri;
  } finally {
    closeSync(fd);
  }
}

/** The inflated bytes of the entries `pilih` names, from a zip periksaZip has checked (sizes proven). */
export function ambilEntri(path: string, entri: EntriZip[], pilih: (nama: string) => boolean): Map<string, Uint8Array> {
  const fd = openSync(path, 'r');
  const out = new Map<string, Uint8Array>();
  try {
    for (const e of entri.filter((x) => pilih(x.nama) && !x.nama.endsWith('/'))) {
      const lokal = baca(fd, e.offsetLokal, 30);
      const mulai = e.offsetLokal + 30 + lokal.readUInt16LE(26) + lokal.readUInt16LE(28);
      const data = baca(fd, mulai, e.ukuranZip);
      if (e.metode === 0) {
        out.set(e.nama, data);
        continue;
      }
      const hasil = new Uint8Array(e.ukuran);
      let pos = 0;
      const inflate = new Inflate((chunk) => {
        hasil.set(chunk.subarray(0, Math.max(0, Math.min(chunk.length, e.ukuran - pos))), pos);
        pos += chunk.length;
      });
      inflate.push(data, true);
      out.set(e.nama, hasil);
    }
  } finally {
    closeSync(fd);
  }
  return out;
}
