import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Db } from '../../../db/connection';
import { AppError } from '../../common/errors';
import { bacaPengaturan, pengaturanK } from '../pengaturan';
import { builder } from '../../../db/connection';
import { barisQ, jalankan, satuQ, ubahQ, type Kerja } from '../../../db/kueri';
import type { Pengaturan } from '../../common/records';

// Identity and keys, with Node's crypto only. A district signs with Ed25519; the province signs with
// Ed25519 and receives with X25519. Private keys stay in this database, wrapped by a protector
// (Electron's safeStorage when the app runs in its window): the protector comes from the door's Platform.

const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');

export interface Pelindung {
  nama: string;
  bungkus(data: Buffer): Buffer;
  buka(data: Buffer): Buffer;
}

/** The keys on the province's server, wrapped by the province's key phrase (kunci-server.ts). */
export const PELINDUNG_FRASA = 'frasa-server';

/** No wrapping: the key is kept as is. Only for tests and benches; every door passes its platform's protector. */
export const TANPA_PELINDUNG: Pelindung = { nama: 'tanpa', bungkus: (d) => d, buka: (d) => d };

export function publicFromRaw(raw: Buffer, jenis: 'ed25519' | 'x25519'): KeyObject {
  return createPublicKey({ key: Buffer.concat([jenis === 'ed25519' ? ED25519_SPKI : X25519_SPKI, raw]), format: 'der', type: 'spki' });
}

function rawPublic(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(12);
}

/** SHA-256 of the signing key, shown in groups so two people can read it to each other. */
export function sidikJari(signPublicBase64: string): string {
  return (createHash('sha256').update(Buffer.from(signPublicBase64, 'base64')).digest('hex').slice(0, 32).match(/.{4}/g) ?? []).join(':').toUpperCase();
}

export function adaKunci(db: Db): boolean {
  return !!db.get(db.q.selectFrom('kunci').select('jenis').where('jenis', '=', 'tanda_tangan'));
}

/** Creates this installation's keys (once). The province also gets its X25519 receiving key. */
export function buatKunci(db: Db, pelindung: Pelindung): Identitas {
  const p = bacaPengaturan(db);
  if (!p.mode) throw new AppError('BELUM_DISIAPKAN', 'Selesaikan layar Persiapan lebih dulu.');
  if (adaKunci(db)) return identitas(db, pelindung);
  const now = new Date().toISOString();
  const simpan = (jenis: 'tanda_tangan' | 'penerimaan', pair: { publicKey: KeyObject; privateKey: KeyObject }) =>
    db.run(
      db.q.insertInto('kunci').values({
        jenis,
        publik: rawPublic(pair.publicKey).toString('base64'),
        privat: pelindung.bungkus(pair.privateKey.export({ format: 'der', type: 'pkcs8' })).toString('base64'),
        pelindung: pelindung.nama,
        dibuat_pada: now,
      }),
    );
  db.tx(() => {
    simpan('tanda_tangan', generateKeyPairSync('ed25519'));
    if (p.mode === 'provinsi') simpan('penerimaan', generateKeyPairSync('x25519'));
  });
  return identitas(db, pelindung);
}

export function kunciPrivat(db: Db, pelindung: Pelindung, jenis: 'tanda_tangan' | 'penerimaan'): KeyObject {
  const row = db.get(db.q.selectFrom('kunci').selectAll().where('jenis', '=', jenis));
  const kunci = bukaKunciPrivat(row, pelindung);
  if (row!.pelindung === 'tanpa' && pelindung.nama !== 'tanpa') {
    // Keys kept in the clear by an older version are wrapped the first time one is used.
    db.tx(() => {
      for (const k of db.all(db.q.selectFrom('kunci').select(['jenis', 'privat']).where('pelindung', '=', 'tanpa'))) {
        db.run(db.q.updateTable('kunci').set({ privat: pelindung.bungkus(Buffer.from(k.privat, 'base64')).toString('base64'), pelindung: pelindung.nama }).where('jenis', '=', k.jenis));
      }
    });
  }
  return kunci;
}

/** A stored private key (its row of table kunci), unwrapped by this installation's protector. */
export function bukaKunciPrivat(row: { privat: string; pelindung: string } | undefined, pelindung: Pelindung): KeyObject {
  if (!row) throw new AppError('KUNCI_BELUM_ADA', 'Kunci instalasi ini belum dibuat. Buat di menu Sinkronisasi (atau: keys init --db FILE).');
  if (row.pelindung !== pelindung.nama && row.pelindung !== 'tanpa') {
    if (row.pelindung === PELINDUNG_FRASA) {
      throw new AppError('FRASA_KUNCI_PERLU', 'Kunci privat provinsi di server dibungkus frasa kunci provinsi. Isi frasa itu di Pengaturan → Server basis data provinsi (perintah: BERMANTRA_FRASA_KUNCI=…), lalu coba lagi. Tidak ada yang diubah.');
    }
    if (pelindung.nama === PELINDUNG_FRASA) {
      throw new AppError('KUNCI_TERKUNCI', 'Kunci privat provinsi di server masih dibungkus kunci komputer yang membuatnya. Di komputer itu jalankan sekali: keys server --db postgres://… --frasa "…" (frasa kunci provinsi), lalu coba lagi.');
    }
    throw new AppError('KUNCI_TERKUNCI', 'Kunci privat dilindungi oleh penyimpanan aman sistem operasi dan hanya dapat dibuka di aplikasi Bermantra di komputer ini.');
  }
  const der = (row.pelindung === 'tanpa' ? TANPA_PELINDUNG : pelindung).buka(Buffer.from(row.privat, 'base64'));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export function kunciPublik(db: Db, jenis: 'tanda_tangan' | 'penerimaan'): string | null {
  return db.get(db.q.selectFrom('kunci').select('publik').where('jenis', '=', jenis))?.publik ?? null;
}

export interface Identitas {
  format: 'bermantra-identitas';
  versi: 1;
  peran: 'kabupaten' | 'provinsi';
  kode: string;
  nama: string;
  kunci_tanda_tangan: string;
  kunci_penerimaan: string | null;
  sidik_jari: string;
  dibuat_pada: string;
  /** Ed25519 signature by the key itself over the fields above: a damaged file is noticed. */
  tanda_tangan?: string;
}

function isiTertanda(i: Identitas): Buffer {
  const { tanda_tangan: _ignored, ...rest } = i;
  return Buffer.from(JSON.stringify(rest));
}

export function identitas(db: Db, pelindung: Pelindung): Identitas {
  return identitasDari(jalankan(db, dataIdentitasK()), () => kunciPrivat(db, pelindung, 'tanda_tangan'));
}

/** What an identity states (the office, its public keys, its signing key's row), read as one piece of work. */
export interface DataIdentitas {
  p: Pengaturan;
  kunci: { jenis: string; publik: string; privat: string; pelindung: string }[];
}

export function* dataIdentitasK(): Kerja<DataIdentitas> {
  return { p: yield* pengaturanK(), kunci: yield* barisQ(builder.selectFrom('kunci').select(['jenis', 'publik', 'privat', 'pelindung'])) };
}

/** The identity, signed by the key `buka` opens (on the province's server: the row unwrapped by the key phrase). */
export function identitasDari({ p, kunci }: DataIdentitas, buka: (row: DataIdentitas['kunci'][number]) => KeyObject): Identitas {
  const tandaTangan = kunci.find((k) => k.jenis === 'tanda_tangan');
  if (!tandaTangan || !p.mode) throw new AppError('KUNCI_BELUM_ADA', 'Kunci instalasi ini belum dibuat. Buat di menu Sinkronisasi (atau: keys init --db FILE).');
  const sign = tandaTangan.publik;
  const id: Identitas = {
    format: 'bermantra-identitas',
    versi: 1,
    peran: p.mode,
    kode: p.kabupaten_kode!,
    nama: p.kabupaten_nama ?? '',
    kunci_tanda_tangan: sign,
    kunci_penerimaan: kunci.find((k) => k.jenis === 'penerimaan')?.publik ?? null,
    sidik_jari: sidikJari(sign),
    dibuat_pada: new Date().toISOString(),
  };
  return { ...id, tanda_tangan: sign_(buka(tandaTangan), isiTertanda(id)).toString('base64') };
}

function sign_(key: KeyObject, data: Buffer): Buffer {
  return sign(null, data, key);
}

export function bacaIdentitas(text: string): Identitas {
  let id: Identitas;
  try {
    id = JSON.parse(text) as Identitas;
  } catch {
    throw new AppError('IDENTITAS_RUSAK', 'Berkas identitas tidak dapat dibaca (bukan berkas .bmid dari Bermantra). Minta berkas identitas yang benar.');
  }
  if (id?.format !== 'bermantra-identitas' || typeof id.kunci_tanda_tangan !== 'string' || typeof id.kode !== 'string' || !id.tanda_tangan) {
    throw new AppError('IDENTITAS_RUSAK', 'Berkas ini bukan berkas identitas Bermantra. Minta berkas identitas (.bmid) yang benar.');
  }
  const ok = (() => {
    try {
      return verify(null, isiTertanda(id), publicFromRaw(Buffer.from(id.kunci_tanda_tangan, 'base64'), 'ed25519'), Buffer.from(id.tanda_tangan!, 'base64'));
    } catch {
      return false;
    }
  })();
  if (!ok || sidikJari(id.kunci_tanda_tangan) !== id.sidik_jari) throw new AppError('IDENTITAS_RUSAK', 'Berkas identitas rusak atau diubah (tanda tangannya tidak cocok). Minta berkas identitas yang baru.');
  return id;
}

/**
 * Registers the other side: at a district, the province's identity; at the province, a district's.
 * A different key for a code already registered is refused: that is how a forged identity shows.
 */
export function daftarkanPihak(db: Db, id: Identitas, opsi: { gantiKunci?: boolean } = {}): { kode: string; nama: string; sidik_jari: string; baru: boolean } {
  return db.tx(() => jalankan(db, daftarkanPihakK(id, opsi)));
}

/** Registers the other side's identity (the province registers a district's): on the file or the province's server. */
export function* daftarkanPihakK(id: Identitas, opsi: { gantiKunci?: boolean } = {}): Kerja<{ kode: string; nama: string; sidik_jari: string; baru: boolean }> {
  const p = yield* pengaturanK();
  if (p.mode === 'kabupaten' && id.peran !== 'provinsi') throw new AppError('PIHAK_SALAH', 'Kabupaten/kota hanya mendaftarkan identitas provinsi.');
  if (p.mode === 'provinsi' && id.peran !== 'kabupaten') throw new AppError('PIHAK_SALAH', 'Provinsi mendaftarkan identitas kabupaten/kota.');
  if (id.peran === 'provinsi' && !id.kunci_penerimaan) throw new AppError('IDENTITAS_RUSAK', 'Identitas provinsi tidak memuat kunci penerimaan.');
  if (id.peran === 'kabupaten' && !id.kode.startsWith('35.')) throw new AppError('PIHAK_SALAH', `Kode ${id.kode} bukan kabupaten/kota di Jawa Timur.`);
  const existing = yield* satuQ(builder.selectFrom('pihak_sinkron').selectAll().where('kode', '=', id.kode));
  if (existing && existing.kunci_tanda_tangan !== id.kunci_tanda_tangan && !opsi.gantiKunci) {
    throw new AppError('KUNCI_BERBEDA', `${id.nama} sudah terdaftar dengan sidik jari ${existing.sidik_jari}, berbeda dari berkas ini (${id.sidik_jari}). Bila kunci memang diganti, konfirmasi dulu lewat telepon lalu daftarkan ulang dengan pilihan ganti kunci.`);
  }
  const values = { kode: id.kode, peran: id.peran, nama: id.nama, kunci_tanda_tangan: id.kunci_tanda_tangan, kunci_penerimaan: id.kunci_penerimaan, sidik_jari: id.sidik_jari, didaftarkan_pada: new Date().toISOString() };
  yield* ubahQ(builder.insertInto('pihak_sinkron').values(values).onConflict((oc) => oc.column('kode').doUpdateSet(values)));
  return { kode: id.kode, nama: id.nama, sidik_jari: id.sidik_jari, baru: !existing };
}

export function pihakSinkron(db: Db, kode: string) {
  return db.get(db.q.selectFrom('pihak_sinkron').selectAll().where('kode', '=', kode));
}

// ---------------------------------------------------------------- passphrase backup of the keys

interface CadanganKunci {
  format: 'bermantra-cadangan-kunci';
  versi: 1;
  kode: string;
  kdf: { alg: 'scrypt'; N: number; r: number; p: number; garam: string };
  nonce: string;
  isi: string;
}

/** The keys, encrypted with a passphrase (scrypt + AES-256-GCM), for the province's safe. */
export function cadangkanKunci(db: Db, pelindung: Pelindung, frasa: string): string {
  if (frasa.length < 12) throw new AppError('FRASA_PENDEK', 'Frasa sandi paling sedikit 12 huruf. Simpan frasa itu terpisah dari berkas cadangan.');
  const rows = db.all(db.q.selectFrom('kunci').selectAll());
  if (rows.length === 0) throw new AppError('KUNCI_BELUM_ADA', 'Belum ada kunci untuk dicadangkan.');
  const plain = Buffer.from(JSON.stringify(rows.map((r) => ({ jenis: r.jenis, publik: r.publik, privat: kunciPrivat(db, pelindung, r.jenis).export({ format: 'der', type: 'pkcs8' }).toString('base64'), dibuat_pada: r.dibuat_pada }))));
  const garam = randomBytes(16);
  const kdf = { alg: 'scrypt' as const, N: 1 << 15, r: 8, p: 1, garam: garam.toString('base64') };
  const key = scryptSync(frasa, garam, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 64 * 1024 * 1024 });
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const isi = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const out: CadanganKunci = { format: 'bermantra-cadangan-kunci', versi: 1, kode: bacaPengaturan(db).kabupaten_kode ?? '', kdf, nonce: nonce.toString('base64'), isi: isi.toString('base64') };
  return JSON.stringify(out, null, 2);
}

export function pulihkanKunci(db: Db, pelindung: Pelindung, text: string, frasa: string): void {
  let c: CadanganKunci;
  try {
    c = JSON.parse(text) as CadanganKunci;
    if (c.format !== 'bermantra-cadangan-kunci') throw new Error();
  } catch {
    throw new AppError('CADANGAN_KUNCI_RUSAK', 'Berkas ini bukan cadangan kunci Bermantra.');
  }
  if (c.kode !== bacaPengaturan(db).kabupaten_kode) throw new AppError('CADANGAN_KUNCI_SALAH', `Cadangan ini milik instalasi ${c.kode}, bukan instalasi ini.`);
  let plain: Buffer;
  try {
    const key = scryptSync(frasa, Buffer.from(c.kdf.garam, 'base64'), 32, { N: c.kdf.N, r: c.kdf.r, p: c.kdf.p, maxmem: 64 * 1024 * 1024 });
    const data = Buffer.from(c.isi, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(c.nonce, 'base64'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  } catch {
    throw new AppError('FRASA_SALAH', 'Frasa sandi salah atau berkas cadangan rusak. Kunci tidak diubah.');
  }
  const rows = JSON.parse(plain.toString()) as { jenis: 'tanda_tangan' | 'penerimaan'; publik: string; privat: string; dibuat_pada: string }[];
  db.tx(() => {
    db.run(db.q.deleteFrom('kunci'));
    for (const r of rows) {
      db.run(db.q.insertInto('kunci').values({ jenis: r.jenis, publik: r.publik, privat: pelindung.bungkus(Buffer.from(r.privat, 'base64')).toString('base64'), pelindung: pelindung.nama, dibuat_pada: r.dibuat_pada }));
    }
  });
}
