import { createCipheriv, createHash, diffieHellman, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Db } from '../../../db/connection';
import { SCHEMA_VERSION } from '../../../db/migrations';
import { AppError } from '../../common/errors';
import { SYNCED_TABLES } from '../../common/register';
import { ringkasanPerKelompok } from '../dtsen';
import { folderLampiran } from '../laporan';
import { bacaPengaturan } from '../pengaturan';
import { APP_VERSION_TEXT } from '../pengaturan';
import { ALG, FORMAT_VERSI, kunciSimetris, susun, tulisTerverifikasi, type HeaderBundel, type Manifest } from './amplop';
import { kunciPrivat, kunciPublik, pihakSinkron, publicFromRaw, sidikJari , type Pelindung } from './kunci';
import { AUDIT_KOLOM, berkasSementara, ddlMuatan, denganMuatan, KOLOM, RINGKASAN_DTSEN_KOLOM } from './muatan';


export function ack(db: Db) {
  const rows = db.all(db.q.selectFrom('pengaturan').select(['kunci', 'nilai']).where('kunci', 'in', ['ack_cl', 'ack_bundle', 'ack_audit']));
  const get = (k: string) => rows.find((r) => r.kunci === k)?.nilai;
  return { cl: Number(get('ack_cl') ?? 0), bundle: Number(get('ack_bundle') ?? 0), audit: get('ack_audit') ?? '' };
}


export interface HasilEkspor {
  berkas: string;
  ukuran: number;
  manifest: Manifest;
}

function provinsiPenerima(db: Db) {
  const prov = pihakSinkron(db, '35');
  if (!prov?.kunci_penerimaan) throw new AppError('PROVINSI_BELUM_TERDAFTAR', 'Identitas provinsi belum diimpor. Impor berkas identitas provinsi (.bmid) di menu Sinkronisasi (atau: keys import --db FILE identitas-provinsi.bmid).');
  return prov;
}

/** What a data bundle carries before it is sealed: the payload's SQLite file and what it covers. */
export interface MuatanBundel {
  plain: Buffer;
  penuh: boolean;
  dari: number;
  sampai: number;
  ackCl: number;
  auditSampai: string | null;
  jumlah: Record<string, number>;
  lampiranBaru: string[];
}

/** The payload: the changes since the province last acknowledged (or everything, with penuh). */
export function buatMuatan(db: Db, opsi: { penuh?: boolean }): MuatanBundel {
  const p = bacaPengaturan(db);
  if (p.mode !== 'kabupaten') throw new AppError('MODE_SALAH', 'Bundel data dibuat oleh kabupaten/kota. Provinsi membuat tanda terima dan bundel referensi.');
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
        const kolomRingkasan = Object.keys(RINGKASAN_DTSEN_KOLOM);
        const tulisRingkasan = db.sqlite.prepare(`INSERT INTO muatan.dtsen_ringkasan (${kolomRingkasan.join(', ')}) VALUES (${kolomRingkasan.map((k) => `@${k}`).join(', ')})`);
        jumlah.dtsen_ringkasan = ringkasanPerKelompok(db).reduce((n, r) => n + tulisRingkasan.run(r).changes, 0);
        // Attachments travel once: skip those in bundles the province has acknowledged.
        db.sqlite.exec(ddlMuatan('lampiran', p.kabupaten_kode!, 'muatan.'));
        const known = new Set(penuh ? [] : (db.sqlite.prepare('SELECT hash FROM lampiran_terkirim WHERE bundle_seq <= ?').all(a.bundle) as { hash: string }[]).map((r) => r.hash));
        const dir = folderLampiran(db);
        const simpan = db.sqlite.prepare('INSERT INTO muatan.lampiran (hash, data) VALUES (?, ?)');
        // Report photos and the signed covering letters of proposals (kept by their SHA-256 like photos).
        for (const { hash } of db.sqlite.prepare('SELECT DISTINCT hash FROM muatan.foto_laporan UNION SELECT DISTINCT tte_hash FROM muatan.proposal WHERE tte_hash IS NOT NULL').all() as { hash: string }[]) {
          if (known.has(hash) || !existsSync(join(dir, hash))) continue;
          simpan.run(hash, readFileSync(join(dir, hash)));
          lampiranBaru.push(hash);
        }
      });
    });
    plain = readFileSync(temp);
  } finally {
    rmSync(temp, { force: true });
  }
  return { plain, penuh, dari, sampai, ackCl: a.cl, auditSampai, jumlah, lampiranBaru };
}

/** The changes since the province last acknowledged (or everything, with penuh), sealed for the province. */
export function eksporBundel(db: Db, pelindung: Pelindung, opsi: { penuh?: boolean; folder?: string; path?: string; now?: Date }): HasilEkspor {
  return segelBundel(db, pelindung, buatMuatan(db, opsi), opsi);
}

/** Signs the payload and encrypts it for the province's receiving key, writes the file, records what was sent. */
export function segelBundel(db: Db, pelindung: Pelindung, muatan: MuatanBundel, opsi: { folder?: string; path?: string; now?: Date }): HasilEkspor {
  const p = bacaPengaturan(db);
  const prov = provinsiPenerima(db);
  const signKey = kunciPrivat(db, pelindung, 'tanda_tangan');
  const { plain, penuh, dari, sampai, jumlah, lampiranBaru, auditSampai } = muatan;
  const seq = (db.sqlite.prepare('SELECT coalesce(max(seq), 0) + 1 AS s FROM bundle_keluar').get() as { s: number }).s;
  const now = opsi.now ?? new Date();
  const manifest: Manifest = {
    pengirim: p.kabupaten_kode!,
    nama_pengirim: p.kabupaten_nama ?? '',
    seq,
    penuh,
    dari_cl: dari,
    sampai_cl: sampai,
    ack_cl: muatan.ackCl,
    audit_sampai: auditSampai,
    dibuat_pada: now.toISOString(),
    versi_aplikasi: APP_VERSION_TEXT,
    versi_skema: SCHEMA_VERSION,
    jumlah,
    lampiran: lampiranBaru.length,
    sha256_isi: createHash('sha256').update(plain).digest('hex'),
    ukuran_isi: plain.length,
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
