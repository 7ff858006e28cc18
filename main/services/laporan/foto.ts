import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIME_FOTO } from '../../common/register';
import type { Db } from '../../../db/connection';
import { RecordWriter } from '../../../db/write';
import { berkasLampiran, folderLampiran } from '../../../db/lampiran';
import { barisQ, isiLampiran, jalankan, satuQ, type Kerja } from '../../../db/kueri';
import { builder } from '../../../db/connection';

export { berkasLampiran, folderLampiran };
import { AppError } from '../../common/errors';
import { terkunci } from './laporan';

// Documentation photos of a monthly report. The renderer shrinks them before upload (at most
// 1280 px, about 200 KB, as JPEG); here they are checked, stored once by their SHA-256 in the
// lampiran/ folder beside the database, and referenced by a synced row.

export const MAKS_FOTO = 4;
export const MAKS_SISI = 1280;
export const MAKS_BYTE = 400 * 1024;

export interface InfoGambar {
  mime: 'image/jpeg' | 'image/png';
  lebar: number;
  tinggi: number;
}

/** Reads the format and size of a JPEG or PNG from its header. */
export function infoGambar(bytes: Uint8Array): InfoGambar | null {
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { mime: 'image/png', lebar: view.getUint32(16), tinggi: view.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { mime: 'image/jpeg', tinggi: (bytes[i + 5]! << 8) | bytes[i + 6]!, lebar: (bytes[i + 7]! << 8) | bytes[i + 8]! };
      }
      i += 2 + length;
    }
  }
  return null;
}

const MIME_GAMBAR = new Set<string>(MIME_FOTO);


/**
 * Whether the bytes decode as a whole JPEG or PNG (a pure-JS decoder, bounded in pixels and memory) and end where the
 * image ends: a JPEG header followed by a web page, or a PNG with something appended, is not a photo.
 */
export function gambarUtuh(bytes: Uint8Array): boolean {
  const info = infoGambar(bytes);
  if (!info || info.lebar < 1 || info.tinggi < 1 || info.lebar > 20_000 || info.tinggi > 20_000) return false;
  try {
    if (info.mime === 'image/png') {
      const akhir = Buffer.from(bytes.subarray(bytes.length - 12));
      if (!akhir.equals(Buffer.from('0000000049454e44ae426082', 'hex'))) return false;
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { checkCRC: true });
      return png.width === info.lebar && png.height === info.tinggi;
    }
    let n = bytes.length;
    while (n > 2 && bytes[n - 1] === 0) n--;
    if (bytes[n - 2] !== 0xff || bytes[n - 1] !== 0xd9) return false;
    const jpg = jpeg.decode(bytes, { maxResolutionInMP: 100, maxMemoryUsageInMB: 256, tolerantDecoding: false, useTArray: true, formatAsRGBA: false });
    return jpg.width === info.lebar && jpg.height === info.tinggi;
  } catch {
    return false;
  }
}

/** The checks every photo passes (UI, workbook import): JPEG or PNG, whole, not too large. Throws with what to do. */
export function periksaFoto(bytes: Uint8Array, nama: string): InfoGambar {
  const info = infoGambar(bytes);
  if (!info || !gambarUtuh(bytes)) throw new AppError('BUKAN_FOTO', `${nama} bukan foto JPEG atau PNG. Pilih berkas foto dari kamera atau ponsel.`);
  if (info.lebar > MAKS_SISI || info.tinggi > MAKS_SISI || bytes.length > MAKS_BYTE) {
    throw new AppError('FOTO_TERLALU_BESAR', `Foto ${nama} terlalu besar (${info.lebar}×${info.tinggi} piksel, ${Math.round(bytes.length / 1024)} KB; paling besar ${MAKS_SISI} piksel dan ${MAKS_BYTE / 1024} KB). Tambahkan lewat layar laporan, yang mengecilkan foto otomatis.`);
  }
  return info;
}

export function tambahFoto(db: Db, input: { laporan_id: string; path: string; nama: string; keterangan: string | null }): { id: string } {
  laporanTerbuka(db, input.laporan_id);
  const count = db.get(db.q.selectFrom('foto_laporan').select((eb) => eb.fn.countAll<number>().as('n')).where('laporan_id', '=', input.laporan_id).where('deleted_at', 'is', null))?.n ?? 0;
  if (count >= MAKS_FOTO) throw new AppError('FOTO_PENUH', `Satu laporan paling banyak ${MAKS_FOTO} foto. Hapus salah satu foto dulu.`);
  const bytes = readFileSync(input.path);
  const info = periksaFoto(bytes, input.nama);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const id = RecordWriter.forDb(db).insert('foto_laporan', { laporan_id: input.laporan_id, hash, mime: info.mime, lebar: info.lebar, tinggi: info.tinggi, ukuran: bytes.length, keterangan: input.keterangan });
  tulisLampiran(db, hash, bytes);
  return { id };
}

/**
 * Writes an attachment by its hash after its row (a file already there is the same file). Inside a transaction that
 * later rolls back (a workbook import refused at its fifth photo), a file written here is removed again: no orphans.
 */
export function tulisLampiran(db: Db, hash: string, bytes: Uint8Array): boolean {
  const dir = folderLampiran(db);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, hash);
  if (existsSync(target)) return false;
  writeFileSync(`${target}.tmp`, bytes);
  renameSync(`${target}.tmp`, target);
  db.saatBatal(() => rmSync(target, { force: true }));
  return true;
}

/** The photos of a report change with the report: only while it is a draft. */
function laporanTerbuka(db: Db, laporanId: string): void {
  const laporan = db.get(db.q.selectFrom('laporan_bulanan as l').innerJoin('kelompok as k', 'k.id', 'l.kelompok_id').select(['l.id', 'l.status', 'l.periode', 'k.nama as kelompok_nama']).where('l.id', '=', laporanId).where('l.deleted_at', 'is', null));
  if (!laporan) throw new AppError('TIDAK_DITEMUKAN', 'Laporan tidak ditemukan. Simpan laporannya dulu, lalu tambahkan foto.');
  if (laporan.status !== 'draft') throw terkunci(laporan);
}

/** Removes a photo (a tombstone, like every synced row), while its report is still a draft. */
export function hapusFoto(db: Db, id: string): void {
  const f = db.get(db.q.selectFrom('foto_laporan').select(['laporan_id']).where('id', '=', id).where('deleted_at', 'is', null));
  if (!f) throw new AppError('TIDAK_DITEMUKAN', 'Foto tidak ditemukan. Muat ulang daftar foto.');
  laporanTerbuka(db, f.laporan_id);
  RecordWriter.forDb(db).remove('foto_laporan', id);
}

export function daftarFoto(db: Db, laporanId: string) {
  return jalankan(db, daftarFotoK(laporanId));
}

export function* daftarFotoK(laporanId: string) {
  return yield* barisQ(builder.selectFrom('foto_laporan').select(['id', 'hash', 'mime', 'lebar', 'tinggi', 'ukuran', 'keterangan']).where('laporan_id', '=', laporanId).where('deleted_at', 'is', null).orderBy('created_at'));
}

/** Photos as data URLs for pdfmake (which reads no files itself). Missing files are skipped. */
export function fotoUntukDokumen(db: Db, laporanId: string): { dataUrl: string; keterangan: string | null }[] {
  return jalankan(db, fotoUntukDokumenK(laporanId));
}

export function* fotoUntukDokumenK(laporanId: string): Kerja<{ dataUrl: string; keterangan: string | null }[]> {
  const out: { dataUrl: string; keterangan: string | null }[] = [];
  for (const f of yield* daftarFotoK(laporanId)) {
    const isi = MIME_GAMBAR.has(f.mime) ? yield* isiLampiran(f.hash) : null;
    if (isi) out.push({ dataUrl: `data:${f.mime};base64,${isi.toString('base64')}`, keterangan: f.keterangan });
  }
  return out;
}

/** A photo as a data: URL for the window. */
export function dataUrlFoto(db: Db, id: string): { dataUrl: string } {
  return jalankan(db, dataUrlFotoK(id));
}

export function* dataUrlFotoK(id: string): Kerja<{ dataUrl: string }> {
  const f = yield* satuQ(builder.selectFrom('foto_laporan').select(['hash', 'mime']).where('id', '=', id).where('deleted_at', 'is', null));
  const isi = f && MIME_GAMBAR.has(f.mime) ? yield* isiLampiran(f.hash) : null;
  if (!f || !isi) throw new AppError('TIDAK_DITEMUKAN', 'Foto tidak ditemukan.');
  return { dataUrl: `data:${f.mime};base64,${isi.toString('base64')}` };
}

