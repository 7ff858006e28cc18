import { createHash, hkdfSync, sign, verify } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Pengaturan } from '../../common/records';
import { SCHEMA_VERSION } from '../../../db/migrations';
import { AppError } from '../../common/errors';
import { APP_VERSION_TEXT } from '../pengaturan';
import { kunciPrivat, publicFromRaw, sidikJari } from './kunci';


// Sync bundles: one file that travels by USB stick or e-mail. Layout:
//   "BMTRBDL1" | u32 header length | header JSON | u32 payload length | payload | Ed25519 signature (64)
// The signature covers everything before it. Data bundles are gzip'd then encrypted for the province
// (X25519 with a fresh ephemeral key → HKDF-SHA256 → AES-256-GCM, header as associated data).
// Format 2: the plaintext of a data bundle is a small SQLite file with one STRICT table per synced
// table (only the columns a bundle carries), the audit entries, the attachments and the DT-SEN counts
// per kelompok. The province requires exactly the schema it would write, proves every value with
// PRAGMA quick_check, then applies it with INSERT … SELECT: no row passes through JavaScript, which is
// what makes 22 districts import in seconds.

export const MAGIC = Buffer.from('BMTRBDL1');
export const ALG = 'X25519-HKDF-SHA256-AES-256-GCM';
export const FORMAT_VERSI = 2;
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export type JenisBundel = 'data' | 'tanda-terima' | 'referensi';

export interface Manifest {
  pengirim: string;
  nama_pengirim: string;
  seq: number;
  penuh: boolean;
  /** Change-log range carried (data bundles). */
  dari_cl: number;
  sampai_cl: number;
  /** What the province had acknowledged when this was made. */
  ack_cl: number;
  audit_sampai: string | null;
  dibuat_pada: string;
  versi_aplikasi: string;
  versi_skema: number;
  jumlah: Record<string, number>;
  lampiran: number;
  /** SHA-256 of the plaintext payload. */
  sha256_isi: string;
  /** Size of the plaintext payload in bytes: decompression stops there (absent in bundles of older versions). */
  ukuran_isi?: number;
}

/** The largest plaintext a bundle may declare, and what a bundle of an older version (no declared size) may inflate to. */
export const MAKS_ISI_BYTE = 1024 * 1024 * 1024;
export const MAKS_ISI_LAMA_BYTE = 256 * 1024 * 1024;
/** Acknowledgements and reference data are small JSON documents. */
export const MAKS_ISI_KECIL_BYTE = 16 * 1024 * 1024;

const int = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const teks = (max: number) => z.string().max(max);
/** The signed header as it must be: a header that merely parses as JSON is not trusted with its fields' types. */
const HeaderSchema = z.object({
  format_versi: z.literal(FORMAT_VERSI),
  jenis: z.enum(['data', 'tanda-terima', 'referensi']),
  pengirim: z.string().regex(/^35(\.\d{2})?$/),
  penerima: z.string().regex(/^(35(\.\d{2})?|\*)$/),
  kunci_pengirim: teks(100),
  manifest: z.object({
    pengirim: teks(10),
    nama_pengirim: teks(200),
    seq: int,
    penuh: z.boolean(),
    dari_cl: int,
    sampai_cl: int,
    ack_cl: int,
    audit_sampai: teks(64).nullable(),
    dibuat_pada: teks(40),
    versi_aplikasi: teks(40),
    versi_skema: int,
    jumlah: z.record(teks(64), z.number()),
    lampiran: int,
    sha256_isi: z.string().regex(/^[0-9a-f]{64}$/),
    ukuran_isi: int.max(MAKS_ISI_BYTE).optional(),
  }),
  enkripsi: z.object({ alg: teks(64), epk: teks(100), nonce: teks(40), penerima_sidik: teks(100) }).nullable(),
});

export interface HeaderBundel {
  format_versi: typeof FORMAT_VERSI;
  jenis: JenisBundel;
  pengirim: string;
  penerima: string;
  kunci_pengirim: string;
  manifest: Manifest;
  enkripsi: { alg: string; epk: string; nonce: string; penerima_sidik: string } | null;
}

export interface Terurai {
  header: HeaderBundel;
  headerBytes: Buffer;
  payload: Buffer;
  signed: Buffer;
  signature: Buffer;
}

export function rusak(pesan: string): AppError {
  return new AppError('BUNDEL_RUSAK', pesan);
}

/** Structure only: magic, lengths, header JSON. Nothing is trusted yet. */
export function uraikan(bytes: Buffer, nama = 'berkas'): Terurai {
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new AppError('BUKAN_BUNDEL', `${nama} bukan bundel Bermantra (tanda awal berkas tidak cocok). Pilih berkas .bmb yang dikirim kabupaten/kota atau provinsi.`);
  }
  const terpotong = () => new AppError('BUNDEL_TERPOTONG', `${nama} terpotong atau tidak lengkap (ukurannya ${bytes.length} byte). Salin ulang dari flashdisk atau unduh ulang lampiran surelnya.`);
  if (bytes.length < MAGIC.length + 4) throw terpotong();
  const hlen = bytes.readUInt32BE(MAGIC.length);
  const hstart = MAGIC.length + 4;
  if (hlen > 1_000_000 || bytes.length < hstart + hlen + 4) throw terpotong();
  const headerBytes = bytes.subarray(hstart, hstart + hlen);
  const plen = bytes.readUInt32BE(hstart + hlen);
  const pstart = hstart + hlen + 4;
  if (bytes.length < pstart + plen + 64) throw terpotong();
  if (bytes.length > pstart + plen + 64) throw rusak(`${nama} berisi data tambahan di akhir berkas: berkas rusak atau diubah. Minta pengirim mengirim ulang.`);
  let header: HeaderBundel;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as HeaderBundel;
  } catch {
    throw rusak(`Kepala berkas ${nama} rusak. Minta pengirim mengirim ulang bundelnya.`);
  }
  if (header?.format_versi !== FORMAT_VERSI) {
    throw new AppError(
      'FORMAT_TIDAK_DIKENAL',
      typeof header?.format_versi === 'number' && header.format_versi < FORMAT_VERSI
        ? `${nama} dibuat oleh Bermantra versi lama (format bundel ${header.format_versi}). Minta pengirim memperbarui Bermantra lalu membuat bundel lagi.`
        : `${nama} memakai format bundel yang tidak dikenal aplikasi ini (versi ${String(header?.format_versi)}). Perbarui Bermantra.`,
    );
  }
  const cek = HeaderSchema.safeParse(header);
  if (!cek.success) {
    const soal = cek.error.issues[0];
    throw rusak(`Kepala berkas ${nama} tidak sah (${soal?.path.join('.') || 'kepala'}). Berkas rusak atau diubah: minta pengirim mengirim ulang bundelnya. Tidak ada yang diubah.`);
  }
  return { header, headerBytes, payload: bytes.subarray(pstart, pstart + plen), signed: bytes.subarray(0, pstart + plen), signature: bytes.subarray(pstart + plen) };
}

/** Inflates a payload, stopping at `batas` bytes: a small file cannot make the app inflate gigabytes. */
export function inflasi(data: Buffer, batas: number, nama: string): Buffer {
  try {
    return gunzipSync(data, { maxOutputLength: batas });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw rusak(`${nama} mengembang melebihi ukuran yang dinyatakan (${Math.round(batas / 1048576)} MB): berkas rusak atau sengaja dibuat begitu. Tidak ada yang diubah.`);
    }
    throw rusak(`${nama} tidak dapat dibuka (isi terkompresinya rusak). Minta pengirim mengirim ulang. Tidak ada yang diubah.`);
  }
}

export function susun(header: HeaderBundel, payload: Buffer, signKey: ReturnType<typeof kunciPrivat>): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header));
  const hlen = Buffer.alloc(4);
  hlen.writeUInt32BE(headerBytes.length);
  const plen = Buffer.alloc(4);
  plen.writeUInt32BE(payload.length);
  const signed = Buffer.concat([MAGIC, hlen, headerBytes, plen, payload]);
  return Buffer.concat([signed, sign(null, signed, signKey)]);
}

export function tandaTanganCocok(t: Terurai, signPublicBase64: string): boolean {
  try {
    return t.signature.length === 64 && verify(null, t.signed, publicFromRaw(Buffer.from(signPublicBase64, 'base64'), 'ed25519'), t.signature);
  } catch {
    return false;
  }
}

export function kunciSimetris(shared: Buffer, epk: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), 'bermantra-bundel-v1', 32));
}

/** Writes to a temporary file, reads it back and verifies it, then renames: USB sticks fail. */
export function tulisTerverifikasi(path: string, bytes: Buffer, signPublic: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  const back = readFileSync(temp);
  if (!back.equals(bytes) || !tandaTanganCocok(uraikan(back), signPublic)) {
    rmSync(temp, { force: true });
    throw new AppError('TULIS_GAGAL', `Berkas ${basename(path)} gagal ditulis dengan benar (hasil baca ulang berbeda). Coba flashdisk atau folder lain.`);
  }
  renameSync(temp, path);
}

/** The manifest of a small bundle (receipt, reference), from the settings read with its content. */
export function manifestDari(p: Pengaturan, jenis: JenisBundel, plain: Buffer, jumlah: Record<string, number>): Manifest {
  return {
    pengirim: p.kabupaten_kode!,
    nama_pengirim: p.kabupaten_nama ?? '',
    seq: 0,
    penuh: false,
    dari_cl: 0,
    sampai_cl: 0,
    ack_cl: 0,
    audit_sampai: null,
    dibuat_pada: new Date().toISOString(),
    versi_aplikasi: APP_VERSION_TEXT,
    versi_skema: SCHEMA_VERSION,
    jumlah,
    lampiran: 0,
    sha256_isi: createHash('sha256').update(plain).digest('hex'),
  };
}


/** The manifest of a bundle without decrypting it (no personal data is in it). */
export function periksaBundel(bytes: Buffer, nama = 'berkas'): { jenis: JenisBundel; pengirim: string; penerima: string; sidik_jari_pengirim: string; tanda_tangan_utuh: boolean; manifest: Manifest; ukuran: number } {
  const t = uraikan(bytes, nama);
  return { jenis: t.header.jenis, pengirim: t.header.pengirim, penerima: t.header.penerima, sidik_jari_pengirim: sidikJari(t.header.kunci_pengirim), tanda_tangan_utuh: tandaTanganCocok(t, t.header.kunci_pengirim), manifest: t.header.manifest, ukuran: bytes.length };
}
