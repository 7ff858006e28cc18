import { createDecipheriv, createHash, diffieHellman } from 'node:crypto';
import { channel } from 'node:diagnostics_channel';
import { rmSync, writeFileSync } from 'node:fs';
import type { Db } from '../../../db/connection';
import { SCHEMA_VERSION } from '../../../db/migrations';
import type { HasilImporBundel } from '../../common/api/sinkron';
import { AppError } from '../../common/errors';
import { formatMb } from '../../common/format';
import type { Pengaturan } from '../../common/records';
import { KOLOM_SINKRON, LAMPIRAN_MAKS_BYTE, SYNCED_TABLES } from '../../common/register';
import { batasIndikator, KATALOG_AWAL, type Katalog } from '../../common/laporan';
import { rekapLaporanKabupaten } from '../dasbor';
import { gambarUtuh, tulisLampiran } from '../laporan';
import { periksaRentang } from '../laporan';
import { bacaPengaturan } from '../pengaturan';
import { namaWilayah } from '../wilayah';
import { ALG, inflasi, kunciSimetris, MAKS_ISI_LAMA_BYTE, rusak, SQLITE_MAGIC, tandaTanganCocok, uraikan, type Manifest, type Terurai } from './amplop';
import { cariBarisDitolak, type BatasNilai } from './aturan';
import { daftarkanPihak, kunciPrivat, kunciPublik, pihakSinkron, publicFromRaw, sidikJari, type Pelindung } from './kunci';
import { AUDIT_KOLOM, berkasSementara, ddlMuatan, denganMuatan, kolomSalah, MUATAN, RINGKASAN_DTSEN_KOLOM } from './muatan';
import { terapkanReferensi, terapkanTandaTerima } from './referensi';


export type RingkasanTabel = HasilImporBundel['tabel'][string];

/** Checks who sent it, with which key, for whom: the same for every kind of bundle. */
function periksaPengirim(db: Db, p: Pengaturan, t: Terurai, nama: string, percayai?: string | null, dryRun = false): void {
  const fp = sidikJari(t.header.kunci_pengirim);
  const ownCode = p.kabupaten_kode;
  if (t.header.penerima !== ownCode && !(t.header.penerima === '*' && p.mode === 'kabupaten')) {
    throw new AppError('BUKAN_UNTUK_KITA', `${nama} ditujukan untuk ${namaWilayah(t.header.penerima) ?? t.header.penerima}, bukan untuk instalasi ini (${p.kabupaten_nama}). Tidak ada yang diubah.`);
  }
  const registered = pihakSinkron(db, t.header.pengirim);
  if (!registered) {
    if (p.mode === 'provinsi' && t.header.jenis === 'data' && percayai && percayai.replace(/[^0-9A-F]/gi, '').toUpperCase() === fp.replace(/:/g, '')) {
      // The operator confirmed the fingerprint (first contact, like SSH). A dry run registers nothing.
      if (!dryRun) daftarkanPihak(db, { format: 'bermantra-identitas', versi: 1, peran: 'kabupaten', kode: t.header.pengirim, nama: t.header.manifest.nama_pengirim, kunci_tanda_tangan: t.header.kunci_pengirim, kunci_penerimaan: null, sidik_jari: fp, dibuat_pada: t.header.manifest.dibuat_pada });
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
function bukaData(db: Db, pelindung: Pelindung, t: Terurai, nama: string): Buffer {
  const enc = t.header.enkripsi;
  if (!enc || enc.alg !== ALG) throw rusak(`${nama} tidak terenkripsi dengan cara yang dikenal.`);
  const ownSign = kunciPublik(db, 'tanda_tangan');
  if (!ownSign || enc.penerima_sidik !== sidikJari(ownSign)) {
    throw new AppError('BUKAN_UNTUK_KITA', `${nama} dienkripsi untuk kunci provinsi lain (sidik jari ${enc.penerima_sidik}). Kabupaten/kota perlu mengimpor identitas provinsi yang benar lalu membuat bundel lagi.`);
  }
  const recipient = Buffer.from(kunciPublik(db, 'penerimaan')!, 'base64');
  const epk = Buffer.from(enc.epk, 'base64');
  const m = t.header.manifest;
  let gz: Buffer;
  try {
    const key = kunciSimetris(diffieHellman({ privateKey: kunciPrivat(db, pelindung, 'penerimaan'), publicKey: publicFromRaw(epk, 'x25519') }), epk, recipient);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(enc.nonce, 'base64'));
    decipher.setAAD(t.headerBytes);
    decipher.setAuthTag(t.payload.subarray(t.payload.length - 16));
    gz = Buffer.concat([decipher.update(t.payload.subarray(0, t.payload.length - 16)), decipher.final()]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw rusak(`${nama} tidak dapat dibuka (dekripsi gagal): berkas rusak. Minta pengirim mengirim ulang. Tidak ada yang diubah.`);
  }
  // Decompression stops at the size the signed header declares (older bundles: a fixed bound).
  const plain = inflasi(gz, m.ukuran_isi ?? MAKS_ISI_LAMA_BYTE, nama);
  if ((m.ukuran_isi !== undefined && plain.length !== m.ukuran_isi) || createHash('sha256').update(plain).digest('hex') !== m.sha256_isi || !plain.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw rusak(`${nama} tidak dapat dibuka (isinya tidak cocok dengan kepala berkas): berkas rusak. Minta pengirim mengirim ulang. Tidak ada yang diubah.`);
  }
  return plain;
}

/**
 * The payload of a data bundle addressed to this province, decrypted, before any check (null when it is not one, or
 * does not open): for the import on the province's server (impor-server.ts) to know which rows to bring beside it.
 * It is not trusted for anything else; imporBundel checks it all again.
 */
export function isiTanpaPeriksa(db: Db, pelindung: Pelindung, bytes: Buffer): { pengirim: string; isi: Buffer } | null {
  try {
    const t = uraikan(bytes, 'Bundel');
    return t.header.jenis === 'data' ? { pengirim: t.header.pengirim, isi: bukaData(db, pelindung, t, 'Bundel') } : null;
  } catch {
    return null;
  }
}

class Batal extends Error {}

/** How long the row checks of each import took, for the bench (`bench/sinkron.ts`); nothing is published without a subscriber. */
const saluranPeriksa = channel('bermantra:impor:periksa-baris');

/** The most a bundle's attachments may add up to. */
export const LAMPIRAN_MAKS_BUNDEL = 256 * 1024 * 1024;

/** Every indicator code the province's catalogues (all versions) know, with the bounds of its values. */
function batasNilai(db: Db): BatasNilai {
  const katalog = [KATALOG_AWAL, ...(db.sqlite.prepare('SELECT isi FROM katalog_indikator ORDER BY versi').all() as { isi: string }[]).map((r) => JSON.parse(r.isi) as Katalog)];
  const out: BatasNilai = new Map();
  for (const k of katalog) for (const i of k.indikator) out.set(i.kode, i.tipe === 'teks' ? { teks: true } : { teks: false, ...batasIndikator(i) });
  return out;
}

function tolakBaris(nama: string, tabel: string, pesan: string): AppError {
  return new AppError('BARIS_TIDAK_SAH', `${nama}: ${tabel === 'audit' ? 'riwayat perubahan' : `tabel ${tabel}`} ${pesan}. Bundel ditolak; tidak ada yang diubah.`);
}

/**
 * Checks the attached payload ("muatan") completely before anything is applied: its schema, every value and page,
 * the attachments against their hashes, and every row against what the sender may write. Returns the columns of
 * each table it has, and the attachments.
 */
function periksaMuatan(db: Db, nama: string, owner: string): { ada: Map<string, string[]>; berkas: { hash: string; data: Buffer }[] } {
  // Only the tables this format defines, exactly as defined: no views, triggers or indexes from outside.
  const skema = db.sqlite.prepare('SELECT type, name, sql FROM muatan.sqlite_master').all() as { type: string; name: string; sql: string | null }[];
  // A bundle of an older version may lack columns added since, where they may be empty (a nullable field added to
  // the register): its tables are then exactly what that version wrote, and only their columns are applied.
  const ada = new Map<string, string[]>();
  for (const x of skema) {
    const tidakDikenal = rusak(`${nama} memuat bagian yang tidak dikenal (${x.type} ${x.name}). Bundel ditolak; tidak ada yang diubah.`);
    if (x.type !== 'table' || !Object.hasOwn(MUATAN, x.name)) throw tidakDikenal;
    const spec = MUATAN[x.name]!;
    const cols = (db.sqlite.prepare(`SELECT name FROM pragma_table_info(?, 'muatan')`).all(x.name) as { name: string }[]).map((c) => c.name);
    // Only a column added since may be missing; the sync columns (deleted_at too) are always there.
    const cocok = cols.every((c) => Object.hasOwn(spec, c)) && Object.keys(spec).every((c) => cols.includes(c) || (spec[c]!.endsWith('?') && !Object.hasOwn(KOLOM_SINKRON, c)));
    if (!cocok || x.sql !== ddlMuatan(x.name, owner, '', cols)) throw tidakDikenal;
    ada.set(x.name, cols);
  }
  // Every value against its column spec (STRICT types, NOT NULL, owner CHECK) and every page, before touching anything.
  const periksa = (db.sqlite.prepare('PRAGMA muatan.quick_check').all() as { quick_check: string }[]).map((r) => r.quick_check);
  if (periksa.length !== 1 || periksa[0] !== 'ok') {
    for (const name of [...SYNCED_TABLES, 'audit', 'lampiran', 'dtsen_ringkasan']) {
      if (!ada.has(name)) continue;
      const cols = Object.fromEntries(Object.entries(MUATAN[name]!).filter(([c]) => ada.get(name)!.includes(c)));
      const milik = 'kabupaten_kode' in cols;
      const bad = db.sqlite
        .prepare(`SELECT * FROM (SELECT rowid AS baris, ${milik ? 'kabupaten_kode' : 'NULL'} AS pemilik, ${kolomSalah(cols)} AS salah FROM muatan.${name}) WHERE salah IS NOT NULL${milik ? ' OR pemilik IS NOT @owner' : ''} LIMIT 1`)
        .get(milik ? { owner } : {}) as { baris: number; pemilik: unknown; salah: string | null } | undefined;
      if (!bad) continue;
      throw tolakBaris(nama, name, bad.salah ? `baris ${bad.baris} tidak sah (${bad.salah})` : `baris ${bad.baris} milik ${String(bad.pemilik)}, bukan ${owner}`);
    }
    throw rusak(`${nama}: isi bundel rusak (${periksa[0]}). Minta pengirim mengirim ulang. Tidak ada yang diubah.`);
  }
  // Attachments: quotas first (sizes from SQL, before any is read), then each one referenced, intact and an image.
  if (ada.has('lampiran')) {
    const besar = db.sqlite.prepare('SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS total, coalesce(max(length(data)), 0) AS maks FROM muatan.lampiran').get() as { n: number; total: number; maks: number };
    if (besar.maks > LAMPIRAN_MAKS_BYTE || besar.total > LAMPIRAN_MAKS_BUNDEL) {
      throw new AppError('KUOTA_LAMPIRAN', `${nama} membawa ${besar.n} lampiran, ${formatMb(besar.total)} (terbesar ${formatMb(besar.maks)}); batasnya ${formatMb(LAMPIRAN_MAKS_BYTE)} per berkas dan ${formatMb(LAMPIRAN_MAKS_BUNDEL)} per bundel. Bundel ditolak; tidak ada yang diubah. Minta pengirim memeriksa foto laporannya.`);
    }
    const yatim = db.sqlite
      .prepare(
        `SELECT l.hash FROM muatan.lampiran l WHERE NOT EXISTS (SELECT 1 FROM ${ada.has('foto_laporan') ? 'muatan.foto_laporan f WHERE f.hash = l.hash AND f.ukuran = length(l.data) UNION ALL SELECT 1 FROM ' : ''}main.foto_laporan g WHERE g.hash = l.hash AND g.kabupaten_kode = @owner AND g.ukuran = length(l.data))
         AND NOT EXISTS (SELECT 1 FROM ${ada.get('proposal')?.includes('tte_hash') ? 'muatan.proposal q WHERE q.tte_hash = l.hash UNION ALL SELECT 1 FROM ' : ''}main.proposal r WHERE r.tte_hash = l.hash AND r.kabupaten_kode = @owner) LIMIT 1`,
      )
      .get({ owner }) as { hash: string } | undefined;
    if (yatim) throw tolakBaris(nama, 'lampiran', `memuat berkas ${yatim.hash.slice(0, 12)}… yang tidak dirujuk foto laporan atau surat bertanda tangan mana pun (atau ukurannya berbeda)`);
  }
  const berkas = ada.has('lampiran') ? (db.sqlite.prepare('SELECT hash, data FROM muatan.lampiran').all() as { hash: string; data: Buffer }[]) : [];
  // A signed letter is a PDF; every other attachment a whole JPEG/PNG photo.
  const suratTtd = new Set(ada.get('proposal')?.includes('tte_hash') ? (db.sqlite.prepare('SELECT tte_hash FROM muatan.proposal WHERE tte_hash IS NOT NULL').all() as { tte_hash: string }[]).map((r) => r.tte_hash) : []);
  for (const l of berkas) {
    if (createHash('sha256').update(l.data).digest('hex') !== l.hash) throw rusak(`${nama}: lampiran ${l.hash.slice(0, 12)}… rusak.`);
    if (suratTtd.has(l.hash) ? l.data.subarray(0, 5).toString('latin1') !== '%PDF-' : !gambarUtuh(l.data)) throw tolakBaris(nama, 'lampiran', `memuat berkas ${l.hash.slice(0, 12)}… yang bukan ${suratTtd.has(l.hash) ? 'PDF' : 'foto JPEG/PNG utuh'}`);
  }
  // What the sender may write, from the record register: limits, formats, NIKs, times, references, values.
  const mulai = performance.now();
  const ditolak = cariBarisDitolak(db, ada, owner, batasNilai(db));
  if (saluranPeriksa.hasSubscribers) saluranPeriksa.publish({ ms: performance.now() - mulai });
  if (ditolak) throw tolakBaris(nama, ditolak.tabel, `baris ${ditolak.baris} tidak sah (${ditolak.aturan})`);
  return { ada, berkas };
}

/** Checks the attached payload ("muatan") completely, then applies it in one transaction. */
function terapkanMuatan(db: Db, o: { nama: string; owner: string; m: Manifest; sha: string; sudahPernah: boolean; dryRun: boolean; operator: string }): { tabel: Record<string, RingkasanTabel>; lampiran: number; temuan: HasilImporBundel['temuan'] } {
  const { nama, owner, m } = o;
  const { ada, berkas } = periksaMuatan(db, nama, owner);

  const tabel: Record<string, RingkasanTabel> = {};
  let lampiran = 0;
  let temuan: HasilImporBundel['temuan'];
  let berubah: { id: string; periode: string }[] = [];
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
        // The reports this bundle changes (new, or newer than the province's): the quality checks report on these.
        if (name === 'laporan_bulanan') {
          berubah = db.sqlite
            .prepare('SELECT x.id, x.periode FROM muatan.laporan_bulanan x LEFT JOIN main.laporan_bulanan m ON m.id = x.id WHERE x.deleted_at IS NULL AND (m.id IS NULL OR m.updated_at < x.updated_at)')
            .all() as { id: string; periode: string }[];
        }
        // Newest change wins per row (hybrid logical clock): an older bundle changes nothing a newer one set.
        const cols = ada.get(name)!;
        const set = cols.filter((k) => k !== 'id').map((k) => `${k} = excluded.${k}`).join(', ');
        db.sqlite
          .prepare(`INSERT INTO main.${name} AS lama (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM muatan.${name} WHERE true ORDER BY rowid ON CONFLICT (id) DO UPDATE SET ${set} WHERE excluded.updated_at > lama.updated_at`)
          .run();
      }
      if (newest) db.clock.receive(newest);
      // One NIK once per kelompok, as the member form allows.
      const ganda = db.sqlite.prepare('SELECT nik FROM main.anggota WHERE kabupaten_kode = ? AND deleted_at IS NULL GROUP BY kelompok_id, nik HAVING count(*) > 1 LIMIT 1').get(owner) as { nik: string } | undefined;
      if (ganda) throw tolakBaris(nama, 'anggota', `memuat NIK ${ganda.nik.slice(0, 6)}… dua kali dalam satu kelompok`);
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
        // Removed again if anything after this rolls the import back.
        for (const l of berkas) if (tulisLampiran(db, l.hash, l.data)) lampiran++;
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
              diimpor_oleh: o.operator,
            }),
          );
        }
      }
      // The quality checks of the district's reports this bundle changed, as they now stand at the province.
      if (ada.has('laporan_bulanan')) temuan = temuanMuatan(db, owner, berubah);
      // A dry run applies everything inside the transaction (so missing references show), then rolls it back.
      if (o.dryRun) throw new Batal();
    });
  } catch (error) {
    if (error instanceof Batal) return { tabel, lampiran, temuan };
    if (error instanceof AppError) throw error;
    const pesan = String((error as Error).message);
    if (/FOREIGN KEY/.test(pesan)) {
      throw new AppError('PERUBAHAN_HILANG', `${nama} merujuk data yang belum ada di provinsi (misalnya kelompok dari bundel sebelumnya). Impor dulu bundel sebelumnya, atau minta bundel lengkap. Tidak ada yang diubah.`);
    }
    if (/UNIQUE|CHECK|NOT NULL/.test(pesan)) throw new AppError('BARIS_TIDAK_SAH', `${nama} memuat data yang bertentangan dengan aturan data (${pesan}). Bundel ditolak; tidak ada yang diubah.`);
    throw error;
  }
  return { tabel, lampiran, temuan };
}

/**
 * Findings on the reports an import changed, per month (checked against their history and peers at the province);
 * the first 1.000 listed. A bundle sent again changes nothing, so it lists nothing again.
 */
function temuanMuatan(db: Db, owner: string, berubah: { id: string; periode: string }[]): NonNullable<HasilImporBundel['temuan']> {
  const bulan = berubah.map((r) => r.periode).sort();
  const semua = berubah.length ? periksaRentang(db, { dari: bulan[0]!, sampai: bulan.at(-1)!, kabupaten: owner, laporanIds: berubah.map((r) => r.id) }) : [];
  return { jumlah: semua.length, galat: semua.filter((t) => t.tingkat === 'galat').length, peringatan: semua.filter((t) => t.tingkat === 'peringatan').length, contoh: semua.slice(0, 1000) };
}

/** `operator`: who imports (the officer's login on the province's server); the settings' operator otherwise. */
export function imporBundel(db: Db, pelindung: Pelindung, bytes: Buffer, opsi: { nama?: string; dryRun?: boolean; percayai?: string | null; operator?: string | null } = {}): HasilImporBundel {
  const nama = opsi.nama ?? 'Bundel';
  const t = uraikan(bytes, nama);
  const p = bacaPengaturan(db);
  if (!p.mode) throw new AppError('BELUM_DISIAPKAN', 'Selesaikan layar Persiapan lebih dulu.');
  if (t.header.jenis === 'tanda-terima' || t.header.jenis === 'referensi') {
    if (p.mode !== 'kabupaten') throw new AppError('MODE_SALAH', `${nama} adalah ${t.header.jenis === 'referensi' ? 'bundel referensi' : 'tanda terima'} untuk kabupaten/kota, bukan untuk provinsi.`);
    periksaPengirim(db, p, t, nama);
    return t.header.jenis === 'tanda-terima' ? terapkanTandaTerima(db, p, t, nama, !!opsi.dryRun) : terapkanReferensi(db, p, t, nama, !!opsi.dryRun);
  }
  if (p.mode !== 'provinsi') throw new AppError('MODE_SALAH', `${nama} adalah bundel data untuk provinsi. Kabupaten/kota hanya mengimpor tanda terima dan bundel referensi.`);
  if (t.header.penerima !== '35') throw new AppError('BUKAN_UNTUK_KITA', `${nama} ditujukan untuk provinsi lain (${t.header.penerima}). Tidak ada yang diubah.`);
  if (!/^35\.\d{2}$/.test(t.header.pengirim)) throw new AppError('BUKAN_UNTUK_KITA', `${nama} berasal dari ${t.header.pengirim}, bukan kabupaten/kota di Jawa Timur.`);
  periksaPengirim(db, p, t, nama, opsi.percayai, !!opsi.dryRun);
  const plain = bukaData(db, pelindung, t, nama);
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
  let tabel: Record<string, RingkasanTabel>;
  let lampiran: number;
  let temuan: HasilImporBundel['temuan'];
  try {
    writeFileSync(temp, plain, { mode: 0o600 });
    ({ tabel, lampiran, temuan } = denganMuatan(db, temp, () => terapkanMuatan(db, { nama, owner, m, sha, sudahPernah, dryRun: !!opsi.dryRun, operator: opsi.operator ?? (p.operator || 'Operator provinsi') })));
  } catch (error) {
    // A payload that is not a SQLite database after its header (signed by a broken or hostile sender).
    const kode = (error as { code?: unknown }).code;
    if (typeof kode === 'string' && /^SQLITE_(NOTADB|CORRUPT)/.test(kode)) throw rusak(`${nama}: isi bundel bukan basis data yang dapat dibaca (${kode}). Minta pengirim membuat bundel baru. Tidak ada yang diubah.`);
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  const changed = Object.values(tabel).reduce((a, s) => a + s.baru + s.diperbarui + s.dihapus, 0);
  const pesan = opsi.dryRun
    ? `Uji coba: ${changed} baris akan berubah. Belum ada yang disimpan.`
    : sudahPernah
      ? `Bundel ini sudah pernah diimpor; ${changed === 0 ? 'tidak ada yang berubah' : `${changed} baris diperbarui`}.`
      : `Bundel ke-${m.seq} dari ${m.nama_pengirim} diimpor: ${changed} baris berubah.`;
  const mutu = temuan?.jumlah ? ` Pemeriksaan mutu laporan: ${temuan.galat} galat, ${temuan.peringatan} peringatan (rincian di bawah, atau "laporan periksa").` : '';
  return { jenis: 'data', pengirim: owner, seq: m.seq, penuh: m.penuh, dryRun: !!opsi.dryRun, sudahPernah, tabel, lampiran, pesan: pesan + mutu, ...(temuan ? { temuan } : {}) };
}
