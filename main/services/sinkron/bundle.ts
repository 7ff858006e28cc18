import { createCipheriv, createDecipheriv, createHash, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, sign, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from '../../../db/connection';
import { SCHEMA_VERSION } from '../../../db/migrations';
import { rekapLaporanKabupaten } from '../dasbor/dashboard';
import { RINGKASAN_PER_KELOMPOK_SQL } from '../dtsen/dtsen';
import { kolomLengkap, SYNCED_TABLES, type KolomSpec, type SyncedTable } from '../../common/register';
import { AppError } from '../../common/errors';
import type { Katalog } from '../../common/laporan';
import { APP_VERSION_TEXT } from '../pengaturan/versi';
import { folderLampiran } from '../laporan/foto';
import { daftarkanMitra, kunciPrivat, kunciPublik, mitra, publicFromRaw, sidikJari } from './kunci';
import { katalogAktif, pasangKatalog } from '../laporan/laporan';
import { bacaPengaturan } from '../pengaturan/pengaturan';
import { daftarDinas, pasangTemplatSurat, simpanDaftarDinas, templatSurat } from '../proposal/proposal';
import type { TemplatSurat } from '../../common/proposal';
import { namaWilayah } from '../wilayah/wilayah';
import { simpanTargetKabupaten, targetProvinsi, type TargetProvinsi } from '../dasbor/dashboard';

// Sync bundles: one file that travels by USB stick or e-mail. Layout:
//   "BMTRBDL1" | u32 header length | header JSON | u32 payload length | payload | Ed25519 signature (64)
// The signature covers everything before it. Data bundles are gzip'd then encrypted for the province
// (X25519 with a fresh ephemeral key → HKDF-SHA256 → AES-256-GCM, header as associated data).
// Format 2: the plaintext of a data bundle is a small SQLite file with one STRICT table per synced
// table (only the columns a bundle carries), the audit entries, the attachments and the DT-SEN counts
// per kelompok. The province requires exactly the schema it would write, proves every value with
// PRAGMA quick_check, then applies it with INSERT … SELECT: no row passes through JavaScript, which is
// what makes 22 districts import in seconds.

const MAGIC = Buffer.from('BMTRBDL1');
const ALG = 'X25519-HKDF-SHA256-AES-256-GCM';
const FORMAT_VERSI = 2;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

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
  format_versi: typeof FORMAT_VERSI;
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
  if (header?.format_versi !== FORMAT_VERSI || !header.manifest || typeof header.kunci_pengirim !== 'string') {
    throw new AppError(
      'FORMAT_TIDAK_DIKENAL',
      typeof header?.format_versi === 'number' && header.format_versi < FORMAT_VERSI
        ? `${nama} dibuat oleh Bermantra versi lama (format bundel ${header.format_versi}). Minta pengirim memperbarui Bermantra lalu membuat bundel lagi.`
        : `${nama} memakai format bundel yang tidak dikenal aplikasi ini (versi ${String(header?.format_versi)}). Perbarui Bermantra.`,
    );
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

type Kolom = 't' | 't?' | 'i' | 'i?' | 'r' | 'r?' | 'b';

/** A payload column from the register's description: its SQLite type, and '?' where it may be NULL. */
function kolomBundel(cols: Record<string, KolomSpec>): Record<string, Kolom> {
  return Object.fromEntries(Object.entries(cols).map(([c, k]) => [c, `${k.tipe === 'teks' ? 't' : k.tipe === 'bulat' ? 'i' : 'r'}${k.wajib ? '' : '?'}` as Kolom]));
}

/** The columns a bundle carries per synced table: exactly the register's, sync columns first. */
const KOLOM = Object.fromEntries(SYNCED_TABLES.map((t) => [t, kolomBundel(kolomLengkap(t))])) as Record<SyncedTable, Record<string, Kolom>>;

const AUDIT_KOLOM: Record<string, Kolom> = { id: 't', kabupaten_kode: 't', waktu: 't', operator: 't', tabel: 't', row_id: 't', aksi: 't', perubahan: 't', alasan: 't?' };

/** Counts of the DT-SEN matching per kelompok (main/services/dtsen/dtsen.ts): replaced whole at each bundle. */
const RINGKASAN_DTSEN_KOLOM: Record<string, Kolom> = {
  kelompok_id: 't',
  kabupaten_kode: 't',
  sumber: 't',
  tanggal_data: 't',
  anggota: 'i',
  cocok: 'i',
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`desil_${i + 1}`, 'i' as Kolom])),
};

/** The payload's tables: the synced tables, the audit entries, the attachments, the DT-SEN counts. */
const MUATAN: Record<string, Record<string, Kolom>> = { ...KOLOM, audit: AUDIT_KOLOM, lampiran: { hash: 't', data: 'b' }, dtsen_ringkasan: RINGKASAN_DTSEN_KOLOM };

const TIPE: Record<string, string> = { t: 'TEXT', i: 'INTEGER', r: 'REAL', b: 'BLOB' };

/**
 * A payload table: STRICT, typed, NOT NULL where required, and every row owned by the sender. The
 * receiver requires exactly this text in the payload's schema, so PRAGMA quick_check then proves every
 * value against the spec in one pass of C (a hand-written check per value costs five times as much).
 */
function ddlMuatan(tabel: string, pengirim: string, skema = ''): string {
  const cols = Object.entries(MUATAN[tabel]!).map(([c, k]) => `${c} ${TIPE[k[0]!]}${k.endsWith('?') ? '' : ' NOT NULL'}`);
  if ('kabupaten_kode' in MUATAN[tabel]!) cols.push(`CHECK (kabupaten_kode = '${pengirim.replace(/[^0-9.]/g, '')}')`);
  return `CREATE TABLE ${skema}${tabel} (${cols.join(', ')}) STRICT`;
}

/**
 * SQL naming the first column of a row that breaks its spec (NULL when the row is sound): only to point
 * at the row once quick_check has refused the payload.
 */
function kolomSalah(cols: Record<string, Kolom>): string {
  const when = Object.entries(cols).flatMap(([c, k]) => {
    const jenis = `typeof(${c}) NOT IN (${k.startsWith('r') ? "'integer', 'real'" : `'${TIPE[k[0]!]!.toLowerCase()}'`})`;
    return k.endsWith('?') ? [`WHEN ${c} IS NOT NULL AND ${jenis} THEN '${c}: jenis data salah'`] : [`WHEN ${c} IS NULL THEN '${c}: wajib ada'`, `WHEN ${jenis} THEN '${c}: jenis data salah'`];
  });
  return `CASE ${when.join(' ')} END`;
}

/** A temporary file beside the database (personal data stays in the user's data folder), removed after use. */
function berkasSementara(db: Db, jenis: string): string {
  const dir = db.file === ':memory:' ? tmpdir() : dirname(db.file);
  return join(dir, `.bermantra-${jenis}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** Runs fn with the payload file attached as schema "muatan"; always detaches (ATTACH cannot happen inside a transaction). */
function denganMuatan<T>(db: Db, path: string, fn: () => T): T {
  db.sqlite.prepare("ATTACH ? AS muatan").run(path);
  try {
    return fn();
  } finally {
    db.sqlite.exec('DETACH muatan');
  }
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
export function eksporBundel(
  db: Db,
  opsi: {
    penuh?: boolean;
    folder?: string;
    path?: string;
    now?: Date;
    /** Tests only: alters the payload file before it is sealed, to play a hostile or broken sender. */
    ubahMuatan?: (file: string) => void;
  },
): HasilEkspor {
  const p = bacaPengaturan(db);
  if (p.mode !== 'kabupaten') throw new AppError('MODE_SALAH', 'Bundel data dibuat oleh kabupaten/kota. Provinsi membuat tanda terima dan bundel referensi.');
  const prov = provinsiPenerima(db);
  const signKey = kunciPrivat(db, 'tanda_tangan');
  const penuh = !!opsi.penuh;
  const a = ack(db);
  const sampai = (db.sqlite.prepare('SELECT coalesce(max(seq), 0) AS s FROM change_log').get() as { s: number }).s;
  const dari = penuh ? 1 : a.cl + 1;
  const jumlah: Record<string, number> = {};
  const lampiranBaru: string[] = [];
  let auditSampai: string | null = a.audit || null;
  const temp = berkasSementara(db, 'kirim');
  let plain: Buffer;
  try {
    denganMuatan(db, temp, () => {
      db.sqlite.exec('PRAGMA muatan.journal_mode = OFF; PRAGMA muatan.synchronous = OFF');
      db.tx(() => {
        for (const t of SYNCED_TABLES) {
          // Only the columns a bundle carries (generated columns are recomputed by the receiver), oldest change first.
          const cols = Object.keys(KOLOM[t]).join(', ');
          db.sqlite.exec(ddlMuatan(t, p.kabupaten_kode!, 'muatan.'));
          const r = penuh
            ? db.sqlite.prepare(`INSERT INTO muatan.${t} SELECT ${cols} FROM main.${t} ORDER BY updated_at`).run()
            : db.sqlite.prepare(`INSERT INTO muatan.${t} SELECT ${cols} FROM main.${t} WHERE id IN (SELECT row_id FROM change_log WHERE tabel = ? AND seq >= ?) ORDER BY updated_at`).run(t, dari);
          jumlah[t] = r.changes;
        }
        // The audit trail of changes after creation: a creation entry only repeats the record it created.
        const sejak = penuh ? '' : a.audit;
        db.sqlite.exec(ddlMuatan('audit', p.kabupaten_kode!, 'muatan.'));
        jumlah.audit = db.sqlite.prepare(`INSERT INTO muatan.audit SELECT ${Object.keys(AUDIT_KOLOM).join(', ')} FROM main.audit WHERE id > ? AND aksi <> 'buat' ORDER BY id`).run(sejak).changes;
        auditSampai = (db.sqlite.prepare('SELECT max(id) AS m FROM main.audit WHERE id > ?').get(sejak) as { m: string | null }).m ?? auditSampai;
        // The matching as counts per kelompok, always whole (a few hundred rows): the province's dashboard.
        db.sqlite.exec(ddlMuatan('dtsen_ringkasan', p.kabupaten_kode!, 'muatan.'));
        jumlah.dtsen_ringkasan = db.sqlite.prepare(`INSERT INTO muatan.dtsen_ringkasan (${Object.keys(RINGKASAN_DTSEN_KOLOM).join(', ')}) ${RINGKASAN_PER_KELOMPOK_SQL}`).run().changes;
        // Attachments travel once: skip those in bundles the province has acknowledged.
        db.sqlite.exec(ddlMuatan('lampiran', p.kabupaten_kode!, 'muatan.'));
        const known = new Set(penuh ? [] : (db.sqlite.prepare('SELECT hash FROM lampiran_terkirim WHERE bundle_seq <= ?').all(a.bundle) as { hash: string }[]).map((r) => r.hash));
        const dir = folderLampiran(db);
        const simpan = db.sqlite.prepare('INSERT INTO muatan.lampiran (hash, data) VALUES (?, ?)');
        for (const { hash } of db.sqlite.prepare('SELECT DISTINCT hash FROM muatan.foto_laporan').all() as { hash: string }[]) {
          if (known.has(hash) || !existsSync(join(dir, hash))) continue;
          simpan.run(hash, readFileSync(join(dir, hash)));
          lampiranBaru.push(hash);
        }
      });
    });
    opsi.ubahMuatan?.(temp);
    plain = readFileSync(temp);
  } finally {
    rmSync(temp, { force: true });
  }
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
    audit_sampai: auditSampai,
    dibuat_pada: now.toISOString(),
    versi_aplikasi: APP_VERSION_TEXT,
    versi_skema: SCHEMA_VERSION,
    jumlah,
    lampiran: lampiranBaru.length,
    sha256_isi: createHash('sha256').update(plain).digest('hex'),
  };
  // Encrypt for the province's receiving key with a fresh ephemeral key.
  const recipient = Buffer.from(prov.kunci_penerimaan!, 'base64');
  const eph = generateKeyPairSync('x25519');
  const epk = eph.publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const key = kunciSimetris(diffieHellman({ privateKey: eph.privateKey, publicKey: publicFromRaw(recipient, 'x25519') }), epk, recipient);
  const nonce = randomBytes(12);
  const header: HeaderBundel = {
    format_versi: FORMAT_VERSI,
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
    for (const hash of lampiranBaru) db.run(db.q.insertInto('lampiran_terkirim').values({ hash, bundle_seq: seq }).onConflict((oc) => oc.doNothing()));
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

/** Decrypts and decompresses a data bundle: the plaintext is the payload's SQLite file. */
function bukaData(db: Db, t: Terurai, nama: string): Buffer {
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
    const plain = gunzipSync(Buffer.concat([decipher.update(t.payload.subarray(0, t.payload.length - 16)), decipher.final()]), { maxOutputLength: 2 ** 31 - 1 });
    if (createHash('sha256').update(plain).digest('hex') !== t.header.manifest.sha256_isi || !plain.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) throw new Error('isi');
    return plain;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw rusak(`${nama} tidak dapat dibuka (dekripsi gagal): berkas rusak. Minta pengirim mengirim ulang. Tidak ada yang diubah.`);
  }
}

class Batal extends Error {}

function tolakBaris(nama: string, tabel: string, pesan: string): AppError {
  return new AppError('BARIS_TIDAK_SAH', `${nama}: ${tabel === 'audit' ? 'riwayat perubahan' : `tabel ${tabel}`} ${pesan}. Bundel ditolak; tidak ada yang diubah.`);
}

/** Checks the attached payload ("muatan") completely, then applies it in one transaction. */
function terapkanMuatan(db: Db, o: { nama: string; owner: string; m: Manifest; sha: string; sudahPernah: boolean; dryRun: boolean }): { tabel: Record<string, RingkasanTabel>; lampiran: number } {
  const { nama, owner, m } = o;
  // Only the tables this format defines, exactly as defined: no views, triggers or indexes from outside.
  const skema = db.sqlite.prepare('SELECT type, name, sql FROM muatan.sqlite_master').all() as { type: string; name: string; sql: string | null }[];
  for (const x of skema) {
    if (x.type !== 'table' || !Object.hasOwn(MUATAN, x.name) || x.sql !== ddlMuatan(x.name, owner)) throw rusak(`${nama} memuat bagian yang tidak dikenal (${x.type} ${x.name}). Bundel ditolak; tidak ada yang diubah.`);
  }
  const ada = new Set(skema.map((x) => x.name));
  // Every value against its column spec (STRICT types, NOT NULL, owner CHECK) and every page, before touching anything.
  const periksa = (db.sqlite.prepare('PRAGMA muatan.quick_check').all() as { quick_check: string }[]).map((r) => r.quick_check);
  if (periksa.length !== 1 || periksa[0] !== 'ok') {
    for (const name of [...SYNCED_TABLES, 'audit', 'lampiran', 'dtsen_ringkasan']) {
      if (!ada.has(name)) continue;
      const cols = MUATAN[name]!;
      const milik = 'kabupaten_kode' in cols;
      const bad = db.sqlite
        .prepare(`SELECT * FROM (SELECT rowid AS baris, ${milik ? 'kabupaten_kode' : 'NULL'} AS pemilik, ${kolomSalah(cols)} AS salah FROM muatan.${name}) WHERE salah IS NOT NULL${milik ? ' OR pemilik IS NOT @owner' : ''} LIMIT 1`)
        .get(milik ? { owner } : {}) as { baris: number; pemilik: unknown; salah: string | null } | undefined;
      if (!bad) continue;
      throw tolakBaris(nama, name, bad.salah ? `baris ${bad.baris} tidak sah (${bad.salah})` : `baris ${bad.baris} milik ${String(bad.pemilik)}, bukan ${owner}`);
    }
    throw rusak(`${nama}: isi bundel rusak (${periksa[0]}). Minta pengirim mengirim ulang. Tidak ada yang diubah.`);
  }
  const berkas = ada.has('lampiran') ? (db.sqlite.prepare('SELECT hash, data FROM muatan.lampiran').all() as { hash: string; data: Buffer }[]) : [];
  for (const l of berkas) if (createHash('sha256').update(l.data).digest('hex') !== l.hash) throw rusak(`${nama}: lampiran ${l.hash.slice(0, 12)}… rusak.`);

  const tabel: Record<string, RingkasanTabel> = {};
  let lampiran = 0;
  const matiSetelah = process.env.BERMANTRA_UJI_MATI_SETELAH_TABEL;
  try {
    db.tx(() => {
      db.sqlite.pragma('defer_foreign_keys = ON');
      let newest = '';
      for (const name of SYNCED_TABLES) {
        if (!ada.has(name)) {
          tabel[name] = { baru: 0, diperbarui: 0, dihapus: 0, diabaikan: 0 };
          continue;
        }
        const c = db.sqlite
          .prepare(
            `SELECT count(*) AS semua, coalesce(sum(m.id IS NULL), 0) AS baru,
               coalesce(sum(m.updated_at < x.updated_at AND x.deleted_at IS NULL), 0) AS diperbarui,
               coalesce(sum(m.updated_at < x.updated_at AND x.deleted_at IS NOT NULL), 0) AS dihapus,
               max(x.updated_at) AS terbaru, max(CASE WHEN m.kabupaten_kode <> x.kabupaten_kode THEN m.kabupaten_kode || ' ' || m.id END) AS asing
             FROM muatan.${name} AS x LEFT JOIN main.${name} AS m ON m.id = x.id`,
          )
          .get() as { semua: number; baru: number; diperbarui: number; dihapus: number; terbaru: string | null; asing: string | null };
        if (c.asing) throw tolakBaris(nama, name, `memuat data ${c.asing.slice(6)} milik ${c.asing.slice(0, 5)}`);
        tabel[name] = { baru: c.baru, diperbarui: c.diperbarui, dihapus: c.dihapus, diabaikan: c.semua - c.baru - c.diperbarui - c.dihapus };
        if (c.terbaru && c.terbaru > newest) newest = c.terbaru;
        // Newest change wins per row (hybrid logical clock): an older bundle changes nothing a newer one set.
        const cols = Object.keys(KOLOM[name]);
        const set = cols.filter((k) => k !== 'id').map((k) => `${k} = excluded.${k}`).join(', ');
        db.sqlite
          .prepare(`INSERT INTO main.${name} AS lama (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM muatan.${name} WHERE true ORDER BY rowid ON CONFLICT (id) DO UPDATE SET ${set} WHERE excluded.updated_at > lama.updated_at`)
          .run();
        if (matiSetelah === name) process.kill(process.pid, 'SIGKILL');
      }
      if (newest) db.clock.receive(newest);
      // The province dashboard's sums per month for this district follow its reports and kelompok.
      if (ada.has('laporan_bulanan') || ada.has('kelompok')) rekapLaporanKabupaten(db, owner);
      // The DT-SEN counts replace the sender's, unless a newer bundle from it was applied already.
      const terakhir = (db.sqlite.prepare("SELECT max(dibuat_pada) AS t FROM bundle_masuk WHERE pengirim = ? AND jenis = 'data'").get(owner) as { t: string | null }).t;
      if (ada.has('dtsen_ringkasan') && (!terakhir || m.dibuat_pada >= terakhir)) {
        const asing = db.sqlite.prepare('SELECT r.kelompok_id AS id FROM muatan.dtsen_ringkasan r JOIN main.kelompok k ON k.id = r.kelompok_id WHERE k.kabupaten_kode <> ? LIMIT 1').get(owner) as { id: string } | undefined;
        if (asing) throw tolakBaris(nama, 'dtsen_ringkasan', `memuat hitungan untuk kelompok ${asing.id} milik kabupaten/kota lain`);
        const cols = Object.keys(RINGKASAN_DTSEN_KOLOM).join(', ');
        db.sqlite.prepare('DELETE FROM main.dtsen_ringkasan WHERE kabupaten_kode = ?').run(owner);
        db.sqlite.exec(`INSERT INTO main.dtsen_ringkasan (${cols}) SELECT ${cols} FROM muatan.dtsen_ringkasan`);
      }
      if (ada.has('audit')) {
        const cols = Object.keys(AUDIT_KOLOM).join(', ');
        db.sqlite.exec(`INSERT OR IGNORE INTO main.audit (${cols}) SELECT ${cols} FROM muatan.audit`);
      }
      if (!o.dryRun) {
        const dir = folderLampiran(db);
        mkdirSync(dir, { recursive: true });
        for (const l of berkas) {
          if (existsSync(join(dir, l.hash))) continue;
          writeFileSync(join(dir, `${l.hash}.tmp`), l.data);
          renameSync(join(dir, `${l.hash}.tmp`), join(dir, l.hash));
          lampiran++;
        }
        if (!o.sudahPernah) {
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
              sha256: o.sha,
              ringkasan: JSON.stringify(tabel),
            }),
          );
        }
      }
      // A dry run applies everything inside the transaction (so missing references show), then rolls it back.
      if (o.dryRun) throw new Batal();
    });
  } catch (error) {
    if (error instanceof Batal) return { tabel, lampiran };
    if (error instanceof AppError) throw error;
    const pesan = String((error as Error).message);
    if (/FOREIGN KEY/.test(pesan)) {
      throw new AppError('PERUBAHAN_HILANG', `${nama} merujuk data yang belum ada di provinsi (misalnya kelompok dari bundel sebelumnya). Impor dulu bundel sebelumnya, atau minta bundel lengkap. Tidak ada yang diubah.`);
    }
    if (/UNIQUE|CHECK|NOT NULL/.test(pesan)) throw new AppError('BARIS_TIDAK_SAH', `${nama} memuat data yang bertentangan dengan aturan data (${pesan}). Bundel ditolak; tidak ada yang diubah.`);
    throw error;
  }
  return { tabel, lampiran };
}

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
  const plain = bukaData(db, t, nama);
  const m = t.header.manifest;
  const sha = createHash('sha256').update(bytes).digest('hex');
  const sudahPernah = !!db.get(db.q.selectFrom('bundle_masuk').select('id').where('sha256', '=', sha));
  const owner = t.header.pengirim;

  // Missing earlier changes: an incremental bundle must follow what was already applied.
  const diterima = db.get(db.q.selectFrom('bundle_masuk').select((eb) => eb.fn.max('sampai_cl').as('s')).where('pengirim', '=', owner).where('jenis', '=', 'data'))?.s ?? 0;
  if (!m.penuh && m.dari_cl > Number(diterima) + 1) {
    throw new AppError(
      'PERUBAHAN_HILANG',
      `${nama} (bundel ke-${m.seq}) memuat perubahan nomor ${m.dari_cl}–${m.sampai_cl}, tetapi provinsi baru menerima sampai nomor ${diterima} dari ${m.nama_pengirim}. Perubahan nomor ${Number(diterima) + 1}–${m.dari_cl - 1} belum ada: impor dulu bundel sebelumnya, atau minta ${m.nama_pengirim} membuat bundel lengkap. Tidak ada yang diubah.`,
    );
  }

  const temp = berkasSementara(db, 'terima');
  writeFileSync(temp, plain);
  let tabel: Record<string, RingkasanTabel>;
  let lampiran: number;
  try {
    ({ tabel, lampiran } = denganMuatan(db, temp, () => terapkanMuatan(db, { nama, owner, m, sha, sudahPernah, dryRun: !!opsi.dryRun })));
  } finally {
    rmSync(temp, { force: true });
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
  const header: HeaderBundel = { format_versi: FORMAT_VERSI, jenis: 'tanda-terima', pengirim: '35', penerima: kabupaten, kunci_pengirim: kunciPublik(db, 'tanda_tangan')!, manifest: manifestPolos(db, 'tanda-terima', plain, {}), enkripsi: null };
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
  /** The covering letter of proposals (absent in bundles of older versions). */
  templat_surat?: TemplatSurat;
}

/** Province: reference data for every district (indicator catalogue, Dinas list, targets, covering letter), signed. */
export function buatBundelReferensi(db: Db, path: string): { berkas: string; katalog_versi: number } {
  if (bacaPengaturan(db).mode !== 'provinsi') throw new AppError('MODE_SALAH', 'Bundel referensi dibuat oleh provinsi.');
  const isi: IsiReferensi = { katalog: katalogAktif(db), dinas: daftarDinas(db), target: targetProvinsi(db), templat_surat: templatSurat(db) };
  const plain = Buffer.from(JSON.stringify(isi));
  const header: HeaderBundel = { format_versi: FORMAT_VERSI, jenis: 'referensi', pengirim: '35', penerima: '*', kunci_pengirim: kunciPublik(db, 'tanda_tangan')!, manifest: manifestPolos(db, 'referensi', plain, { katalog_versi: isi.katalog.versi, dinas: isi.dinas.length }), enkripsi: null };
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
      const surat = isi.templat_surat ? pasangTemplatSurat(db, isi.templat_surat) : false;
      pesan = `${baru ? `Katalog indikator versi ${isi.katalog.versi} dipasang` : `Katalog indikator sudah versi ${katalogAktif(db).versi}`}; daftar dinas diperbarui${surat ? `; templat surat pengantar versi ${isi.templat_surat!.versi} dipasang` : ''}.`;
    });
  } else pesan = `Uji coba: katalog versi ${isi.katalog.versi}, ${isi.dinas.length} dinas.`;
  return { jenis: 'referensi', pengirim: '35', seq: 0, penuh: false, dryRun, sudahPernah: false, tabel: {}, lampiran: 0, pesan };
}

