import { createCipheriv, createDecipheriv, createHash, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, sign, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from '../../db/connection';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { SYNCED_TABLES, type SyncedTable } from '../../db/schema';
import { AppError } from '../common/errors';
import type { Katalog } from '../common/laporan';
import { ENTITAS, ENTITAS_KODE, type EntitasKode, type EntitasSpec } from '../common/mitra';
import { APP_VERSION_TEXT } from './versi';
import { folderLampiran } from './foto';
import { daftarkanMitra, kunciPrivat, kunciPublik, mitra, publicFromRaw, sidikJari } from './kunci';
import { katalogAktif, pasangKatalog } from './laporan';
import { bacaPengaturan } from './pengaturan';
import { daftarDinas, simpanDaftarDinas } from './proposal';
import { namaWilayah } from './wilayah';
import { simpanTargetKabupaten, targetProvinsi, type TargetProvinsi } from './dashboard';

// Sync bundles: one file that travels by USB stick or e-mail. Layout:
//   "BMTRBDL1" | u32 header length | header JSON | u32 payload length | payload | Ed25519 signature (64)
// The signature covers everything before it. Data bundles are gzip'd then encrypted for the province
// (X25519 with a fresh ephemeral key → HKDF-SHA256 → AES-256-GCM, header as associated data).

const MAGIC = Buffer.from('BMTRBDL1');
const ALG = 'X25519-HKDF-SHA256-AES-256-GCM';

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
}

export interface HeaderBundel {
  format_versi: 1;
  jenis: JenisBundel;
  pengirim: string;
  penerima: string;
  kunci_pengirim: string;
  manifest: Manifest;
  enkripsi: { alg: string; epk: string; nonce: string; penerima_sidik: string } | null;
}

interface Terurai {
  header: HeaderBundel;
  headerBytes: Buffer;
  payload: Buffer;
  signed: Buffer;
  signature: Buffer;
}

function rusak(pesan: string): AppError {
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
  if (header?.format_versi !== 1 || !header.manifest || typeof header.kunci_pengirim !== 'string') {
    throw new AppError('FORMAT_TIDAK_DIKENAL', `${nama} memakai format bundel yang tidak dikenal aplikasi ini (versi ${String(header?.format_versi)}). Perbarui Bermantra.`);
  }
  return { header, headerBytes, payload: bytes.subarray(pstart, pstart + plen), signed: bytes.subarray(0, pstart + plen), signature: bytes.subarray(pstart + plen) };
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

function tandaTanganCocok(t: Terurai, signPublicBase64: string): boolean {
  try {
    return t.signature.length === 64 && verify(null, t.signed, publicFromRaw(Buffer.from(signPublicBase64, 'base64'), 'ed25519'), t.signature);
  } catch {
    return false;
  }
}

function kunciSimetris(shared: Buffer, epk: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), 'bermantra-bundel-v1', 32));
}

/** Writes to a temporary file, reads it back and verifies it, then renames: USB sticks fail. */
function tulisTerverifikasi(path: string, bytes: Buffer, signPublic: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  const back = readFileSync(temp);
  if (!back.equals(bytes) || !tandaTanganCocok(uraikan(back), signPublic)) {
    rmSync(temp, { force: true });
    throw new AppError('TULIS_GAGAL', `Berkas ${basename(path)} gagal ditulis dengan benar (hasil baca ulang berbeda). Coba flashdisk atau folder lain.`);
  }
  renameSync(temp, path);
}

// ---------------------------------------------------------------- row validation

type Kolom = 't' | 't?' | 'i' | 'i?' | 'r';
const SYNC: Record<string, Kolom> = { id: 't', kabupaten_kode: 't', created_at: 't', updated_at: 't', deleted_at: 't?' };
const KOLOM: Record<SyncedTable, Record<string, Kolom>> = {
  fasilitator: { ...SYNC, nama: 't', nik: 't?', no_hp: 't?', kecamatan_kode: 't?', desa_kode: 't?', status: 't' },
  kelompok: { ...SYNC, nama: 't', kecamatan_kode: 't', desa_kode: 't', sektor: 't', produk_utama: 't?', tahun_berdiri: 'i?', status: 't', fasilitator_id: 't?', catatan: 't?' },
  anggota: { ...SYNC, kelompok_id: 't', nik: 't', no_kk: 't?', nama: 't', jenis_kelamin: 't', tanggal_lahir: 't?', alamat: 't?', desa_kode: 't?', jabatan: 't' },
  laporan_bulanan: { ...SYNC, kelompok_id: 't', fasilitator_id: 't?', periode: 't', status: 't', katalog_versi: 'i', nilai: 't', diajukan_pada: 't?', diverifikasi_pada: 't?', diverifikasi_oleh: 't?' },
  foto_laporan: { ...SYNC, laporan_id: 't', hash: 't', mime: 't', lebar: 'i', tinggi: 'i', ukuran: 'i', keterangan: 't?' },
  proposal: { ...SYNC, kelompok_id: 't', judul: 't', status: 't', nilai_disetujui: 'i?', nomor_surat: 't?', tempat: 't?', tanggal: 't?', lampiran: 't?', perihal: 't?', dinas: 't?', isi: 't', proyeksi: 't', kepala_desa: 't?', sertakan_omzet: 'i' },
  rab_item: { ...SYNC, proposal_id: 't', kelompok_belanja: 't', urutan: 'i', uraian: 't', volume: 'r', satuan: 't', harga_satuan: 'i' },
  gerobak_penilaian: { ...SYNC, kelompok_id: 't', tahun: 'i', usaha_keliling: 'i', keputusan: 't?', catatan: 't?' },
  target_indikator: { ...SYNC, tahun: 'i', indikator: 't', kecamatan_kode: 't?', nilai: 'r', sumber: 't' },
  ...(Object.fromEntries(ENTITAS_KODE.map((k) => [k, { ...SYNC, ...kolomDariSpec(ENTITAS[k]) }])) as Record<EntitasKode, Record<string, Kolom>>),
};

function kolomDariSpec(spec: EntitasSpec): Record<string, Kolom> {
  return Object.fromEntries(spec.fields.map((f) => [f.kode, `${f.tipe === 'angka' ? 'r' : ['rupiah', 'tahun', 'ya_tidak'].includes(f.tipe) ? 'i' : 't'}${f.wajib ? '' : '?'}` as Kolom]));
}
const AUDIT_KOLOM: Record<string, Kolom> = { id: 't', kabupaten_kode: 't', waktu: 't', operator: 't', tabel: 't', row_id: 't', aksi: 't', perubahan: 't', alasan: 't?' };

/** A fast hand-written check of a row against its column spec (zod per row is too slow for a million rows). */
function validator(cols: Record<string, Kolom>) {
  const entries = Object.entries(cols);
  const allowed = new Set(Object.keys(cols));
  return (row: Record<string, unknown>): string | null => {
    for (const [name, k] of entries) {
      const v = row[name];
      if (v === null || v === undefined) {
        if (!k.endsWith('?')) return `${name}: wajib ada`;
        continue;
      }
      if (k.startsWith('t') ? typeof v !== 'string' || v.length > 100_000 : typeof v !== 'number' || !Number.isFinite(v) || (k !== 'r' && !Number.isInteger(v))) return `${name}: jenis data salah`;
    }
    for (const key in row) if (!allowed.has(key)) return `${key}: kolom tidak dikenal`;
    return null;
  };
}
const CEK_BARIS = Object.fromEntries(SYNCED_TABLES.map((t) => [t, validator(KOLOM[t])])) as Record<SyncedTable, (row: Record<string, unknown>) => string | null>;
const CEK_AUDIT = validator(AUDIT_KOLOM);

interface IsiData {
  tabel: Partial<Record<SyncedTable, Record<string, unknown>[]>>;
  audit: Record<string, unknown>[];
  lampiran: { hash: string; data: string }[];
}

// ---------------------------------------------------------------- district: export

function ack(db: Db) {
  const rows = db.all(db.q.selectFrom('pengaturan').select(['kunci', 'nilai']).where('kunci', 'in', ['ack_cl', 'ack_bundle', 'ack_audit']));
  const get = (k: string) => rows.find((r) => r.kunci === k)?.nilai;
  return { cl: Number(get('ack_cl') ?? 0), bundle: Number(get('ack_bundle') ?? 0), audit: get('ack_audit') ?? '' };
}

function setPengaturan(db: Db, kunci: string, nilai: string): void {
  db.run(db.q.insertInto('pengaturan').values({ kunci, nilai }).onConflict((oc) => oc.column('kunci').doUpdateSet({ nilai })));
}

export interface HasilEkspor {
  berkas: string;
  ukuran: number;
  manifest: Manifest;
}

function provinsiPenerima(db: Db) {
  const prov = mitra(db, '35');
  if (!prov?.kunci_penerimaan) throw new AppError('PROVINSI_BELUM_TERDAFTAR', 'Identitas provinsi belum diimpor. Impor berkas identitas provinsi (.bmid) di menu Sinkronisasi (atau: keys import --db FILE identitas-provinsi.bmid).');
  return prov;
}

/** The changes since the province last acknowledged (or everything, with penuh), for the province only. */
export function eksporBundel(db: Db, opsi: { penuh?: boolean; folder?: string; path?: string; now?: Date }): HasilEkspor {
  const p = bacaPengaturan(db);
  if (p.mode !== 'kabupaten') throw new AppError('MODE_SALAH', 'Bundel data dibuat oleh kabupaten/kota. Provinsi membuat tanda terima dan bundel referensi.');
  const prov = provinsiPenerima(db);
  const signKey = kunciPrivat(db, 'tanda_tangan');
  const penuh = !!opsi.penuh;
  const a = ack(db);
  const sampai = (db.sqlite.prepare('SELECT coalesce(max(seq), 0) AS s FROM change_log').get() as { s: number }).s;
  const dari = penuh ? 1 : a.cl + 1;
  const isi: IsiData = { tabel: {}, audit: [], lampiran: [] };
  const jumlah: Record<string, number> = {};
  for (const t of SYNCED_TABLES) {
    // Only the columns a bundle carries (generated columns are recomputed by the receiver).
    const cols = Object.keys(KOLOM[t]).join(', ');
    const rows = penuh
      ? (db.sqlite.prepare(`SELECT ${cols} FROM ${t}`).all() as Record<string, unknown>[])
      : (db.sqlite.prepare(`SELECT ${cols} FROM ${t} WHERE id IN (SELECT row_id FROM change_log WHERE tabel = ? AND seq >= ?)`).all(t, dari) as Record<string, unknown>[]);
    if (rows.length) isi.tabel[t] = rows;
    jumlah[t] = rows.length;
  }
  isi.audit = (penuh ? db.sqlite.prepare('SELECT * FROM audit ORDER BY id').all() : db.sqlite.prepare('SELECT * FROM audit WHERE id > ? ORDER BY id').all(a.audit)) as Record<string, unknown>[];
  jumlah.audit = isi.audit.length;
  // Attachments travel once: skip those in bundles the province has acknowledged.
  const known = new Set(penuh ? [] : (db.sqlite.prepare('SELECT hash FROM lampiran_terkirim WHERE bundle_seq <= ?').all(a.bundle) as { hash: string }[]).map((r) => r.hash));
  const dir = folderLampiran(db);
  for (const f of isi.tabel.foto_laporan ?? []) {
    const hash = String(f.hash);
    if (known.has(hash) || isi.lampiran.some((l) => l.hash === hash) || !existsSync(join(dir, hash))) continue;
    isi.lampiran.push({ hash, data: readFileSync(join(dir, hash)).toString('base64') });
  }
  const plain = Buffer.from(JSON.stringify(isi));
  const seq = (db.sqlite.prepare('SELECT coalesce(max(seq), 0) + 1 AS s FROM bundle_keluar').get() as { s: number }).s;
  const now = opsi.now ?? new Date();
  const manifest: Manifest = {
    pengirim: p.kabupaten_kode!,
    nama_pengirim: p.kabupaten_nama ?? '',
    seq,
    penuh,
    dari_cl: dari,
    sampai_cl: sampai,
    ack_cl: a.cl,
    audit_sampai: (isi.audit[isi.audit.length - 1]?.id as string | undefined) ?? (a.audit || null),
    dibuat_pada: now.toISOString(),
    versi_aplikasi: APP_VERSION_TEXT,
    versi_skema: SCHEMA_VERSION,
    jumlah,
    lampiran: isi.lampiran.length,
    sha256_isi: createHash('sha256').update(plain).digest('hex'),
  };
  // Encrypt for the province's receiving key with a fresh ephemeral key.
  const recipient = Buffer.from(prov.kunci_penerimaan!, 'base64');
  const eph = generateKeyPairSync('x25519');
  const epk = eph.publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const key = kunciSimetris(diffieHellman({ privateKey: eph.privateKey, publicKey: publicFromRaw(recipient, 'x25519') }), epk, recipient);
  const nonce = randomBytes(12);
  const header: HeaderBundel = {
    format_versi: 1,
    jenis: 'data',
    pengirim: p.kabupaten_kode!,
    penerima: '35',
    kunci_pengirim: kunciPublik(db, 'tanda_tangan')!,
    manifest,
    enkripsi: { alg: ALG, epk: epk.toString('base64'), nonce: nonce.toString('base64'), penerima_sidik: sidikJari(prov.kunci_tanda_tangan) },
  };
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(JSON.stringify(header)));
  const payload = Buffer.concat([cipher.update(gzipSync(plain, { level: 6 })), cipher.final(), cipher.getAuthTag()]);
  const bytes = susun(header, payload, signKey);
  const tanggal = now.toISOString().slice(0, 10).replace(/-/g, '');
  const nama = `bermantra-${p.kabupaten_kode}-${tanggal}-${String(seq).padStart(4, '0')}.bmb`;
  const path = opsi.path ?? join(opsi.folder ?? '.', nama);
  tulisTerverifikasi(path, bytes, header.kunci_pengirim);
  db.tx(() => {
    db.run(db.q.insertInto('bundle_keluar').values({ seq, jenis: 'data', penuh: penuh ? 1 : 0, dari_cl: dari, sampai_cl: sampai, audit_sampai: manifest.audit_sampai, ukuran: bytes.length, nama_berkas: basename(path), dibuat_pada: manifest.dibuat_pada }));
    for (const l of isi.lampiran) db.run(db.q.insertInto('lampiran_terkirim').values({ hash: l.hash, bundle_seq: seq }).onConflict((oc) => oc.doNothing()));
  });
  return { berkas: path, ukuran: bytes.length, manifest };
}

/** The manifest of a bundle without decrypting it (no personal data is in it). */
export function periksaBundel(bytes: Buffer, nama = 'berkas'): { jenis: JenisBundel; pengirim: string; penerima: string; sidik_jari_pengirim: string; tanda_tangan_utuh: boolean; manifest: Manifest; ukuran: number } {
  const t = uraikan(bytes, nama);
  return { jenis: t.header.jenis, pengirim: t.header.pengirim, penerima: t.header.penerima, sidik_jari_pengirim: sidikJari(t.header.kunci_pengirim), tanda_tangan_utuh: tandaTanganCocok(t, t.header.kunci_pengirim), manifest: t.header.manifest, ukuran: bytes.length };
}

// ---------------------------------------------------------------- province: import

export interface RingkasanTabel {
  baru: number;
  diperbarui: number;
  dihapus: number;
  diabaikan: number;
}

export interface HasilImporBundel {
  jenis: JenisBundel;
  pengirim: string;
  seq: number;
  penuh: boolean;
  dryRun: boolean;
  sudahPernah: boolean;
  tabel: Record<string, RingkasanTabel>;
  lampiran: number;
  pesan: string;
}

/** Checks who sent it, with which key, for whom: the same for every kind of bundle. */
function periksaPengirim(db: Db, t: Terurai, nama: string, percayai?: string | null, dryRun = false): void {
  const p = bacaPengaturan(db);
  const fp = sidikJari(t.header.kunci_pengirim);
  const ownCode = p.kabupaten_kode;
  if (t.header.penerima !== ownCode && !(t.header.penerima === '*' && p.mode === 'kabupaten')) {
    throw new AppError('BUKAN_UNTUK_KITA', `${nama} ditujukan untuk ${namaWilayah(t.header.penerima) ?? t.header.penerima}, bukan untuk instalasi ini (${p.kabupaten_nama}). Tidak ada yang diubah.`);
  }
  const registered = mitra(db, t.header.pengirim);
  if (!registered) {
    if (p.mode === 'provinsi' && t.header.jenis === 'data' && percayai && percayai.replace(/[^0-9A-F]/gi, '').toUpperCase() === fp.replace(/:/g, '')) {
      // The operator confirmed the fingerprint (first contact, like SSH). A dry run registers nothing.
      if (!dryRun) daftarkanMitra(db, { format: 'bermantra-identitas', versi: 1, peran: 'kabupaten', kode: t.header.pengirim, nama: t.header.manifest.nama_pengirim, kunci_tanda_tangan: t.header.kunci_pengirim, kunci_penerimaan: null, sidik_jari: fp, dibuat_pada: t.header.manifest.dibuat_pada });
    } else {
      throw new AppError(
        'PENGIRIM_BELUM_TERDAFTAR',
        `${namaWilayah(t.header.pengirim) ?? t.header.pengirim} belum terdaftar di sini. Sidik jari kuncinya: ${fp}. Cocokkan sidik jari itu dengan operator pengirim (misalnya lewat telepon), lalu impor berkas identitasnya atau konfirmasi sidik jari saat impor. Tidak ada yang diubah.`,
      );
    }
  } else if (registered.kunci_tanda_tangan !== t.header.kunci_pengirim) {
    throw new AppError('KUNCI_SALAH', `${nama} ditandatangani dengan kunci yang berbeda dari kunci ${registered.nama} yang terdaftar (sidik jari terdaftar ${registered.sidik_jari}, berkas ${fp}). Bundel ditolak; hubungi pengirim.`);
  }
  if (!tandaTanganCocok(t, t.header.kunci_pengirim)) {
    throw rusak(`Tanda tangan ${nama} tidak cocok: berkas rusak atau diubah di jalan. Minta pengirim mengirim ulang bundelnya. Tidak ada yang diubah.`);
  }
  if (t.header.manifest.versi_skema > SCHEMA_VERSION) {
    throw new AppError('SKEMA_LEBIH_BARU', `${nama} dibuat oleh Bermantra dengan skema ${t.header.manifest.versi_skema}, lebih baru dari aplikasi ini (skema ${SCHEMA_VERSION}). Perbarui Bermantra lalu impor lagi.`);
  }
}

function bukaData(db: Db, t: Terurai, nama: string): IsiData {
  const enc = t.header.enkripsi;
  if (!enc || enc.alg !== ALG) throw rusak(`${nama} tidak terenkripsi dengan cara yang dikenal.`);
  const ownSign = kunciPublik(db, 'tanda_tangan');
  if (!ownSign || enc.penerima_sidik !== sidikJari(ownSign)) {
    throw new AppError('BUKAN_UNTUK_KITA', `${nama} dienkripsi untuk kunci provinsi lain (sidik jari ${enc.penerima_sidik}). Kabupaten/kota perlu mengimpor identitas provinsi yang benar lalu membuat bundel lagi.`);
  }
  const recipient = Buffer.from(kunciPublik(db, 'penerimaan')!, 'base64');
  const epk = Buffer.from(enc.epk, 'base64');
  try {
    const key = kunciSimetris(diffieHellman({ privateKey: kunciPrivat(db, 'penerimaan'), publicKey: publicFromRaw(epk, 'x25519') }), epk, recipient);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(enc.nonce, 'base64'));
    decipher.setAAD(t.headerBytes);
    decipher.setAuthTag(t.payload.subarray(t.payload.length - 16));
    const plain = gunzipSync(Buffer.concat([decipher.update(t.payload.subarray(0, t.payload.length - 16)), decipher.final()]));
    if (createHash('sha256').update(plain).digest('hex') !== t.header.manifest.sha256_isi) throw new Error('hash');
    return JSON.parse(plain.toString('utf8')) as IsiData;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw rusak(`${nama} tidak dapat dibuka (dekripsi gagal): berkas rusak. Minta pengirim mengirim ulang. Tidak ada yang diubah.`);
  }
}

class Batal extends Error {}

export function imporBundel(db: Db, bytes: Buffer, opsi: { nama?: string; dryRun?: boolean; percayai?: string | null } = {}): HasilImporBundel {
  const nama = opsi.nama ?? 'Bundel';
  const t = uraikan(bytes, nama);
  const p = bacaPengaturan(db);
  if (!p.mode) throw new AppError('BELUM_DISIAPKAN', 'Selesaikan layar Persiapan lebih dulu.');
  if (t.header.jenis === 'tanda-terima' || t.header.jenis === 'referensi') {
    if (p.mode !== 'kabupaten') throw new AppError('MODE_SALAH', `${nama} adalah ${t.header.jenis === 'referensi' ? 'bundel referensi' : 'tanda terima'} untuk kabupaten/kota, bukan untuk provinsi.`);
    periksaPengirim(db, t, nama);
    return t.header.jenis === 'tanda-terima' ? terapkanTandaTerima(db, t, nama, !!opsi.dryRun) : terapkanReferensi(db, t, !!opsi.dryRun);
  }
  if (p.mode !== 'provinsi') throw new AppError('MODE_SALAH', `${nama} adalah bundel data untuk provinsi. Kabupaten/kota hanya mengimpor tanda terima dan bundel referensi.`);
  if (t.header.penerima !== '35') throw new AppError('BUKAN_UNTUK_KITA', `${nama} ditujukan untuk provinsi lain (${t.header.penerima}). Tidak ada yang diubah.`);
  if (!/^35\.\d{2}$/.test(t.header.pengirim)) throw new AppError('BUKAN_UNTUK_KITA', `${nama} berasal dari ${t.header.pengirim}, bukan kabupaten/kota di Jawa Timur.`);
  periksaPengirim(db, t, nama, opsi.percayai, !!opsi.dryRun);
  const isi = bukaData(db, t, nama);
  const m = t.header.manifest;
  const sha = createHash('sha256').update(bytes).digest('hex');
  const sudahPernah = !!db.get(db.q.selectFrom('bundle_masuk').select('id').where('sha256', '=', sha));

  // Validate every row before touching anything.
  const owner = t.header.pengirim;
  for (const tabel of Object.keys(isi.tabel ?? {})) {
    if (!(SYNCED_TABLES as readonly string[]).includes(tabel)) throw rusak(`${nama} memuat tabel yang tidak dikenal (${tabel}).`);
    const cek = CEK_BARIS[tabel as SyncedTable];
    (isi.tabel[tabel as SyncedTable] ?? []).forEach((row, i) => {
      const salah = cek(row);
      if (salah) throw new AppError('BARIS_TIDAK_SAH', `${nama}: baris ${i + 1} tabel ${tabel} tidak sah (${salah}). Bundel ditolak; tidak ada yang diubah.`);
      if (row.kabupaten_kode !== owner) throw new AppError('BARIS_TIDAK_SAH', `${nama}: baris ${i + 1} tabel ${tabel} milik ${String(row.kabupaten_kode)}, bukan ${owner}. Bundel ditolak.`);
    });
  }
  for (const a of isi.audit ?? []) if (CEK_AUDIT(a) || a.kabupaten_kode !== owner) throw new AppError('BARIS_TIDAK_SAH', `${nama}: riwayat perubahan tidak sah. Bundel ditolak.`);
  for (const l of isi.lampiran ?? []) if (createHash('sha256').update(Buffer.from(l.data, 'base64')).digest('hex') !== l.hash) throw rusak(`${nama}: lampiran ${l.hash.slice(0, 12)}… rusak.`);

  // Missing earlier changes: an incremental bundle must follow what was already applied.
  const diterima = db.get(db.q.selectFrom('bundle_masuk').select((eb) => eb.fn.max('sampai_cl').as('s')).where('pengirim', '=', owner).where('jenis', '=', 'data'))?.s ?? 0;
  if (!m.penuh && m.dari_cl > Number(diterima) + 1) {
    throw new AppError(
      'PERUBAHAN_HILANG',
      `${nama} (bundel ke-${m.seq}) memuat perubahan nomor ${m.dari_cl}–${m.sampai_cl}, tetapi provinsi baru menerima sampai nomor ${diterima} dari ${m.nama_pengirim}. Perubahan nomor ${Number(diterima) + 1}–${m.dari_cl - 1} belum ada: impor dulu bundel sebelumnya, atau minta ${m.nama_pengirim} membuat bundel lengkap. Tidak ada yang diubah.`,
    );
  }

  const tabel: Record<string, RingkasanTabel> = {};
  let lampiran = 0;
  const crashAfter = Number(process.env.BERMANTRA_UJI_MATI_SETELAH_BARIS ?? 0);
  let applied = 0;
  let newest = '';
  try {
    db.tx(() => {
      db.sqlite.pragma('defer_foreign_keys = ON');
      for (const name of SYNCED_TABLES) {
        const rows = isi.tabel[name] ?? [];
        const s: RingkasanTabel = { baru: 0, diperbarui: 0, dihapus: 0, diabaikan: 0 };
        const cols = Object.keys(KOLOM[name]);
        // New rows (the common case) cost one statement; existing ones are updated only when newer.
        // Positional parameters: binding by name costs more than the insert itself at this volume.
        const insert = db.sqlite.prepare(`INSERT OR IGNORE INTO ${name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        const rest = cols.filter((c) => c !== 'id');
        const update = db.sqlite.prepare(`UPDATE ${name} SET ${rest.map((c) => `${c} = ?`).join(', ')} WHERE id = ? AND kabupaten_kode = ? AND updated_at < ?`);
        const find = db.sqlite.prepare(`SELECT kabupaten_kode FROM ${name} WHERE id = ?`);
        for (const row of rows) {
          const values = new Array<unknown>(cols.length);
          for (let c = 0; c < cols.length; c++) values[c] = row[cols[c]!] ?? null;
          if (String(row.updated_at) > newest) newest = String(row.updated_at);
          if (insert.run(values).changes === 1) s.baru++;
          else if (update.run([...values.slice(1), row.id, row.kabupaten_kode, row.updated_at]).changes === 1) {
            if (row.deleted_at) s.dihapus++;
            else s.diperbarui++;
          } else {
            const existing = find.get(row.id) as { kabupaten_kode: string } | undefined;
            if (existing && existing.kabupaten_kode !== owner) throw new AppError('BARIS_TIDAK_SAH', `${nama}: data ${String(row.id)} milik ${existing.kabupaten_kode}. Bundel ditolak.`);
            // Newest change wins per row (hybrid logical clock); an older bundle changes nothing a newer one set.
            s.diabaikan++;
          }
          if (crashAfter && ++applied === crashAfter) process.kill(process.pid, 'SIGKILL');
        }
        tabel[name] = s;
      }
      if (newest) db.clock.receive(newest);
      const auditCols = Object.keys(AUDIT_KOLOM);
      const auditInsert = db.sqlite.prepare(`INSERT OR IGNORE INTO audit (${auditCols.join(', ')}) VALUES (${auditCols.map(() => '?').join(', ')})`);
      for (const a of isi.audit ?? []) auditInsert.run(auditCols.map((c) => a[c] ?? null));
      if (!opsi.dryRun) {
        const dir = folderLampiran(db);
        mkdirSync(dir, { recursive: true });
        for (const l of isi.lampiran ?? []) {
          if (existsSync(join(dir, l.hash))) continue;
          writeFileSync(join(dir, `${l.hash}.tmp`), Buffer.from(l.data, 'base64'));
          renameSync(join(dir, `${l.hash}.tmp`), join(dir, l.hash));
          lampiran++;
        }
        if (!sudahPernah) {
          db.run(
            db.q.insertInto('bundle_masuk').values({
              pengirim: owner,
              jenis: 'data',
              seq: m.seq,
              penuh: m.penuh ? 1 : 0,
              dari_cl: m.dari_cl,
              sampai_cl: m.sampai_cl,
              audit_sampai: m.audit_sampai,
              dibuat_pada: m.dibuat_pada,
              diterima_pada: new Date().toISOString(),
              sha256: sha,
              ringkasan: JSON.stringify(tabel),
            }),
          );
        }
      }
      // A dry run applies everything inside the transaction to count exactly, then rolls it back.
      if (opsi.dryRun) throw new Batal();
    });
  } catch (error) {
    if (!(error instanceof Batal)) {
      if (error instanceof AppError) throw error;
      if (/FOREIGN KEY/.test(String((error as Error).message))) {
        throw new AppError('PERUBAHAN_HILANG', `${nama} merujuk data yang belum ada di provinsi (misalnya kelompok dari bundel sebelumnya). Impor dulu bundel sebelumnya, atau minta bundel lengkap. Tidak ada yang diubah.`);
      }
      throw error;
    }
  }
  const changed = Object.values(tabel).reduce((a, s) => a + s.baru + s.diperbarui + s.dihapus, 0);
  const pesan = opsi.dryRun
    ? `Uji coba: ${changed} baris akan berubah. Belum ada yang disimpan.`
    : sudahPernah
      ? `Bundel ini sudah pernah diimpor; ${changed === 0 ? 'tidak ada yang berubah' : `${changed} baris diperbarui`}.`
      : `Bundel ke-${m.seq} dari ${m.nama_pengirim} diimpor: ${changed} baris berubah.`;
  return { jenis: 'data', pengirim: owner, seq: m.seq, penuh: m.penuh, dryRun: !!opsi.dryRun, sudahPernah, tabel, lampiran, pesan };
}

// ---------------------------------------------------------------- acknowledgements and reference data

interface IsiTandaTerima {
  kabupaten: string;
  bundle_seq: number;
  cl_sampai: number;
  audit_sampai: string | null;
  diterima_pada: string;
}

function manifestPolos(db: Db, jenis: JenisBundel, plain: Buffer, jumlah: Record<string, number>): Manifest {
  const p = bacaPengaturan(db);
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

/** Province: a signed receipt telling a district what arrived, so its next bundle starts there. */
export function buatTandaTerima(db: Db, kabupaten: string, path: string): { berkas: string; isi: IsiTandaTerima } {
  if (bacaPengaturan(db).mode !== 'provinsi') throw new AppError('MODE_SALAH', 'Tanda terima dibuat oleh provinsi.');
  const last = db.get(db.q.selectFrom('bundle_masuk').selectAll().where('pengirim', '=', kabupaten).where('jenis', '=', 'data').orderBy('sampai_cl', 'desc').limit(1));
  if (!last) throw new AppError('BELUM_ADA_BUNDEL', `Belum ada bundel dari ${namaWilayah(kabupaten) ?? kabupaten} yang diimpor.`);
  const audit = db.get(db.q.selectFrom('audit').select((eb) => eb.fn.max('id').as('m')).where('kabupaten_kode', '=', kabupaten))?.m ?? null;
  const isi: IsiTandaTerima = { kabupaten, bundle_seq: last.seq, cl_sampai: last.sampai_cl, audit_sampai: (audit as string | null) ?? last.audit_sampai, diterima_pada: last.diterima_pada };
  const plain = Buffer.from(JSON.stringify(isi));
  const header: HeaderBundel = { format_versi: 1, jenis: 'tanda-terima', pengirim: '35', penerima: kabupaten, kunci_pengirim: kunciPublik(db, 'tanda_tangan')!, manifest: manifestPolos(db, 'tanda-terima', plain, {}), enkripsi: null };
  tulisTerverifikasi(path, susun(header, gzipSync(plain), kunciPrivat(db, 'tanda_tangan')), header.kunci_pengirim);
  return { berkas: path, isi };
}

function terapkanTandaTerima(db: Db, t: Terurai, nama: string, dryRun: boolean): HasilImporBundel {
  const isi = JSON.parse(gunzipSync(t.payload).toString('utf8')) as IsiTandaTerima;
  const own = bacaPengaturan(db).kabupaten_kode;
  if (isi.kabupaten !== own) throw new AppError('BUKAN_UNTUK_KITA', `${nama} adalah tanda terima untuk ${isi.kabupaten}, bukan untuk ${own}.`);
  const a = ack(db);
  const maju = isi.cl_sampai > a.cl;
  if (!dryRun && maju) {
    db.tx(() => {
      setPengaturan(db, 'ack_cl', String(isi.cl_sampai));
      setPengaturan(db, 'ack_bundle', String(isi.bundle_seq));
      if (isi.audit_sampai) setPengaturan(db, 'ack_audit', isi.audit_sampai);
    });
  }
  return {
    jenis: 'tanda-terima',
    pengirim: '35',
    seq: isi.bundle_seq,
    penuh: false,
    dryRun,
    sudahPernah: !maju,
    tabel: {},
    lampiran: 0,
    pesan: maju ? `Tanda terima: provinsi sudah menerima bundel ke-${isi.bundle_seq} (perubahan sampai nomor ${isi.cl_sampai}). Bundel berikutnya mulai dari sana.` : 'Tanda terima ini tidak lebih baru dari yang sudah tercatat; tidak ada yang berubah.',
  };
}

interface IsiReferensi {
  katalog: Katalog;
  dinas: string[];
  /** Targets the province sets per kabupaten (absent in bundles of older versions). */
  target?: TargetProvinsi[];
}

/** Province: reference data for every district (indicator catalogue, Dinas list), signed. */
export function buatBundelReferensi(db: Db, path: string): { berkas: string; katalog_versi: number } {
  if (bacaPengaturan(db).mode !== 'provinsi') throw new AppError('MODE_SALAH', 'Bundel referensi dibuat oleh provinsi.');
  const isi: IsiReferensi = { katalog: katalogAktif(db), dinas: daftarDinas(db), target: targetProvinsi(db) };
  const plain = Buffer.from(JSON.stringify(isi));
  const header: HeaderBundel = { format_versi: 1, jenis: 'referensi', pengirim: '35', penerima: '*', kunci_pengirim: kunciPublik(db, 'tanda_tangan')!, manifest: manifestPolos(db, 'referensi', plain, { katalog_versi: isi.katalog.versi, dinas: isi.dinas.length }), enkripsi: null };
  tulisTerverifikasi(path, susun(header, gzipSync(plain), kunciPrivat(db, 'tanda_tangan')), header.kunci_pengirim);
  return { berkas: path, katalog_versi: isi.katalog.versi };
}

function terapkanReferensi(db: Db, t: Terurai, dryRun: boolean): HasilImporBundel {
  const isi = JSON.parse(gunzipSync(t.payload).toString('utf8')) as IsiReferensi;
  let pesan = '';
  if (!dryRun) {
    db.tx(() => {
      const baru = pasangKatalog(db, isi.katalog);
      simpanDaftarDinas(db, isi.dinas);
      const own = bacaPengaturan(db).kabupaten_kode;
      for (const t of isi.target ?? []) {
        if (t.kabupaten_kode === own) simpanTargetKabupaten(db, { tahun: t.tahun, indikator: t.indikator, kecamatan_kode: null, nilai: t.nilai, sumber: 'provinsi' });
      }
      pesan = baru ? `Katalog indikator versi ${isi.katalog.versi} dipasang; daftar dinas diperbarui.` : `Katalog indikator sudah versi ${katalogAktif(db).versi}; daftar dinas diperbarui.`;
    });
  } else pesan = `Uji coba: katalog versi ${isi.katalog.versi}, ${isi.dinas.length} dinas.`;
  return { jenis: 'referensi', pengirim: '35', seq: 0, penuh: false, dryRun, sudahPernah: false, tabel: {}, lampiran: 0, pesan };
}

