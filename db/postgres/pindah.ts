import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Db } from '../connection';
import type { HasilPindah, TabelPindah } from '../../main/common/api/aplikasi';
import { AppError } from '../../main/common/errors';
import { tampilAlamat } from '../../main/common/alamat-server';
import { ddlPostgres } from './dialek';
import { kolomTersimpan, kutip, PengirimBaris } from './kirim';
import { bukaServer, migrasiServer, pesanKoneksi, versiSkema } from './server';

// A province's SQLite file copied to an empty PostgreSQL database: the schema migrated there, every table's rows
// copied in one transaction, then counted and checksummed on both sides; anything short of equal rolls it all back,
// so the server is either a faithful copy or still empty. The SQLite file is only read.


/** One value as the checksum reads it on both sides: numbers by value (an integral REAL equals its BIGINT), bytes as hex. */
function kanonik(v: unknown): string {
  if (v === null || v === undefined) return 'N';
  if (typeof v === 'bigint' || typeof v === 'number') return `n${v}`;
  if (Buffer.isBuffer(v)) return `b${v.toString('hex')}`;
  return `t${String(v)}`;
}

/** An order-free checksum of rows (the sum of each row's SHA-256, mod 2^256): the two databases need not sort alike. */
class Checksum {
  private jumlah = 0n;
  tambah(baris: unknown[]): void {
    this.jumlah = (this.jumlah + BigInt(`0x${createHash('sha256').update(JSON.stringify(baris.map(kanonik))).digest('hex')}`)) & ((1n << 256n) - 1n);
  }
  get hex(): string {
    return this.jumlah.toString(16).padStart(64, '0');
  }
}

export async function pindahKePostgres(db: Db, url: string, opsi: { sandi?: string | null; mode: string | null }): Promise<HasilPindah> {
  if (opsi.mode !== 'provinsi') throw new AppError('BUKAN_PROVINSI', 'Hanya basis data provinsi yang dapat dipindah ke server PostgreSQL. Kabupaten/kota tetap memakai berkas basis datanya sendiri dan mengirim bundel.');
  const server = bukaServer(url, { sandi: opsi.sandi, maks: 1 });
  const ke = tampilAlamat(server.alamat);
  let klien: pg.PoolClient;
  try {
    klien = await server.pool.connect();
  } catch (error) {
    await server.tutup();
    throw pesanKoneksi(error, server.alamat);
  }
  try {
    await klien.query('BEGIN');
    const ada = (await klien.query<{ n: string }>("SELECT table_name AS n FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1 LIMIT 5")).rows.map((r) => r.n);
    if (ada.length) throw new AppError('TUJUAN_TIDAK_KOSONG', `Basis data tujuan ${ke} tidak kosong (memuat tabel ${ada.join(', ')}…). Pindahkan hanya ke basis data baru yang kosong (createdb bermantra_baru); tidak ada yang diubah.`);
    await migrasiServer(klien);
    await klien.query('SET CONSTRAINTS ALL DEFERRED');
    const tabel = db.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrasi' ORDER BY name").all() as { name: string; sql: string }[];
    const hasil: TabelPindah[] = [];
    for (const t of tabel) hasil.push(await salinTabel(db, klien, t));
    const cocok = hasil.every((h) => h.cocok);
    if (!cocok) {
      const beda = hasil.filter((h) => !h.cocok).map((h) => `${h.tabel} (${h.baris_sumber} → ${h.baris_tujuan} baris)`);
      throw new AppError('PINDAH_TIDAK_COCOK', `Salinan di server tidak sama dengan berkas untuk ${beda.join(', ')}. Server dikembalikan kosong; berkas tidak diubah.`);
    }
    await klien.query('COMMIT');
    return { ke, skema: await versiSkema(klien), tabel: hasil, cocok };
  } catch (error) {
    await klien.query('ROLLBACK').catch(() => undefined);
    if (error instanceof AppError) throw error;
    const e = error as { code?: string; message?: string };
    if (e.code && /^(08|28|3D|57)/.test(e.code)) throw pesanKoneksi(error, server.alamat);
    throw new AppError('PINDAH_GAGAL', `Pemindahan ke ${ke} gagal (${e.message ?? String(error)}). Server dikembalikan kosong; berkas tidak diubah.`);
  } finally {
    klien.release();
    await server.tutup();
  }
}

/** Copies one table (creating it first when the schema does not, like a DT-SEN snapshot's) and checks it. */
async function salinTabel(db: Db, klien: pg.ClientBase, t: { name: string; sql: string }): Promise<TabelPindah> {
  const kolomPg = (await klien.query<{ c: string; g: string; identitas: string }>('SELECT column_name AS c, is_generated AS g, is_identity AS identitas FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1', [t.name])).rows;
  if (!kolomPg.length) {
    await klien.query(ddlPostgres(t.sql));
    for (const i of db.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").pluck().all(t.name) as string[]) await klien.query(ddlPostgres(i));
    return salinTabel(db, klien, t);
  }
  const tersimpan = new Set(kolomPg.filter((k) => k.g !== 'ALWAYS').map((k) => k.c));
  const kolom = kolomTersimpan(db, t.name);
  const hilang = kolom.filter((c) => !tersimpan.has(c));
  if (hilang.length) throw new AppError('PINDAH_GAGAL', `Tabel ${t.name} di server tidak memiliki kolom ${hilang.join(', ')}. Server dikembalikan kosong.`);
  const daftar = kolom.map(kutip).join(', ');
  const sumber = new Checksum();
  let n = 0;
  const kirim = new PengirimBaris(klien, t.name, kolom);
  const baca = db.sqlite.prepare(`SELECT ${daftar} FROM main.${kutip(t.name)}`).raw().safeIntegers(true);
  for (const baris of baca.iterate() as Iterable<unknown[]>) {
    sumber.tambah(baris);
    await kirim.tambah(baris);
    n++;
  }
  await kirim.selesai();
  // Identity keys continue after the copied rows.
  for (const k of kolomPg.filter((k) => k.identitas === 'YES')) {
    await klien.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${kutip(k.c)}) FROM ${kutip(t.name)}), 0) + 1, false)`, [t.name, k.c]);
  }
  const tujuan = new Checksum();
  let m = 0;
  await klien.query(`DECLARE salin NO SCROLL CURSOR FOR SELECT ${daftar} FROM ${kutip(t.name)}`);
  for (;;) {
    const r = await klien.query({ text: 'FETCH 5000 FROM salin', rowMode: 'array' });
    for (const baris of r.rows as unknown[][]) tujuan.tambah(baris);
    m += r.rows.length;
    if (r.rows.length < 5000) break;
  }
  await klien.query('CLOSE salin');
  return { tabel: t.name, baris_sumber: n, baris_tujuan: m, checksum_sumber: sumber.hex, checksum_tujuan: tujuan.hex, cocok: n === m && sumber.hex === tujuan.hex };
}
