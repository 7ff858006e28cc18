import type pg from 'pg';
import { bukaServer, migrasiServer, pesanKoneksi, versiSkema, type Server } from '../../db/postgres/server';
import { dalamTransaksi, jalankanServer } from '../../db/postgres/kueri';
import { bacaTersimpanServer } from '../../db/postgres/tersimpan';
import type { Kerja } from '../../db/kueri';
import { tampilAlamat } from '../common/alamat-server';
import { AppError } from '../common/errors';
import { pengaturanK } from '../services/pengaturan';
import { PELINDUNG_FRASA, pelindungFrasa, pelindungServer, type Pelindung } from '../services/sinkron';
import { SCHEMA_VERSION } from '../../db/migrations';
import { cadangkanServer } from '../../db/postgres/cadangan';
import type { Cadangan } from '../common/api';
import { join } from 'node:path';

// The province's PostgreSQL server as the app's database (--db postgres://…, BERMANTRA_DB_URL): a pool, checked
// once before the first piece of work (reachable, holds a province's data, schema migrated), then every read in a
// snapshot of its own and every write in a transaction of its own.

export class ServerProvinsi {
  readonly server: Server;
  private siapJanji: Promise<void> | null = null;

  constructor(
    url: string,
    private readonly sandi: string | null = null,
    /** The province's key phrase (server-tersimpan.ts keeps it wrapped; BERMANTRA_FRASA_KUNCI for the CLI). */
    private readonly frasa: string | null = null,
  ) {
    this.server = bukaServer(url, { sandi });
  }

  /** What opens the province's private keys on the server for this officer (services/sinkron/kunci-server.ts). */
  pelindung(perangkat: Pelindung): Pelindung {
    return pelindungServer(perangkat, this.frasa);
  }

  /** pg_dump of the server into folder (db/postgres/cadangan.ts); refused with the command when pg_dump is absent. */
  async cadangkan(folder: string): Promise<Cadangan> {
    await this.siap();
    // Without a password here, pg_dump reads PGPASSWORD from the environment it inherits.
    return cadangkanServer(this.server.alamat, this.sandi ?? this.server.alamat.password, folder);
  }

  /** A server is restored by pg_restore into a new, empty database, then the app pointed at it: said, not done. */
  pulihkan(nama: string, folder: string): never {
    throw new AppError(
      'PULIHKAN_SERVER',
      `Cadangan server dipulihkan oleh pengelola server ke basis data baru yang kosong, lalu aplikasi diarahkan ke sana: createdb bermantra_pulih && pg_restore -d bermantra_pulih "${join(folder, nama)}". Server yang sedang dipakai tidak diubah.`,
    );
  }

  /** The address as shown to the officer (no password). */
  get alamat(): string {
    return tampilAlamat(this.server.alamat);
  }

  /**
   * Connected, holding a province's data (moved there by pindah-ke-postgres), schema brought to this app's.
   * An empty server is not migrated here: pindah-ke-postgres needs it empty.
   */
  siap(): Promise<void> {
    this.siapJanji ??= this.periksa().catch((error) => {
      this.siapJanji = null;
      throw error;
    });
    return this.siapJanji;
  }

  private async periksa(): Promise<void> {
    await this.transaksi(async (k) => {
      await isiProvinsi(k, this.alamat);
      await migrasiServer(k);
    });
  }

  /** A read that sees one state of the database throughout (an import committing meanwhile shows before or after). */
  async baca<T>(kerja: Kerja<T>): Promise<T> {
    await this.siap();
    return dalamTransaksi(this.server.pool, (k) => jalankanServer(k, kerja), { baca: true }).catch((e) => this.galat(e));
  }

  /** A read many officers ask alike, kept on the server per state of the data (db/postgres/tersimpan.ts). */
  async bacaTersimpan<T>(kunci: string, buat: () => Kerja<T>): Promise<T> {
    await this.siap();
    return bacaTersimpanServer(this.server.pool, kunci, buat).catch((e) => this.galat(e));
  }

  /** The officer writing through this connection: the server's login, named in what they decide. */
  get petugas(): string {
    return this.server.alamat.user;
  }

  /**
   * A write in one transaction, all of it or nothing, SERIALIZABLE: two officers deciding on the same month at once
   * cannot both act on what the other has not seen; the one the server stops is run again from its first read
   * (`buat` makes the work afresh), up to three times, then told to try again.
   */
  async tulis<T>(buat: () => Kerja<T>): Promise<T> {
    await this.siap();
    for (let coba = 1; ; coba++) {
      try {
        return await this.transaksi(async (k) => tandaiPerubahan(k, await jalankanServer(k, buat())), 'SERIALIZABLE');
      } catch (error) {
        if (coba >= 3 || !(error instanceof AppError) || error.code !== 'SERVER_SIBUK') throw error;
      }
    }
  }

  /** A write that needs the connection itself (the bundle import): fn in one transaction, all of it or nothing. */
  async tulisDengan<T>(fn: (k: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.siap();
    return this.transaksi(async (k) => tandaiPerubahan(k, await fn(k)));
  }

  /** fn in one transaction on one connection; connection failures said as what the officer can check. */
  private async transaksi<T>(fn: (k: pg.PoolClient) => Promise<T>, isolasi?: 'SERIALIZABLE'): Promise<T> {
    return dalamTransaksi(this.server.pool, fn, { isolasi }).catch((e) => this.galat(e));
  }

  private galat(error: unknown): never {
    if (error instanceof AppError) throw error;
    const kode = (error as { code?: string }).code;
    // Errors of the SQL itself (class 22, 23, 42 …) stay as they are; only the connection's are translated.
    if (kode && /^(E[A-Z]+|28\w{3}|3D000|08\w{3})$/.test(kode)) throw pesanKoneksi(error, this.server.alamat);
    // At COMMIT the server checks what the transaction deferred; a conflict with another officer's write is retried.
    if (kode === '23503') throw new AppError('PERUBAHAN_HILANG', `Perubahan merujuk data yang tidak ada di server (${(error as Error).message}). Impor dulu bundel sebelumnya, atau minta bundel lengkap. Tidak ada yang diubah.`);
    if (kode === '40001' || kode === '40P01') throw new AppError('SERVER_SIBUK', 'Server sedang menyimpan perubahan petugas lain pada data yang sama. Tidak ada yang diubah; coba lagi sebentar lagi.');
    throw error;
  }

  tutup(): Promise<void> {
    return this.server.tutup();
  }
}

/** The server holds a province's data, of a schema this app knows: its schema version; refused otherwise. */
async function isiProvinsi(k: pg.ClientBase, alamat: string): Promise<number> {
  const versi = await versiSkema(k);
  if (versi === 0) {
    throw new AppError('SERVER_KOSONG', `Server ${alamat} belum berisi data Bermantra. Pindahkan basis data provinsi ke sana lebih dulu: pindah-ke-postgres --db provinsi.sqlite --ke ${alamat}`);
  }
  if (versi > SCHEMA_VERSION) {
    throw new AppError('DB_LEBIH_BARU', `Server ${alamat} memuat skema ${versi}, lebih baru dari aplikasi ini (skema ${SCHEMA_VERSION}). Perbarui Bermantra lebih dulu; server tidak diubah.`);
  }
  const p = await jalankanServer(k, pengaturanK());
  if (p.mode !== 'provinsi') {
    throw new AppError('SERVER_BUKAN_PROVINSI', `Server ${alamat} tidak memuat basis data provinsi. Server PostgreSQL hanya untuk provinsi; kabupaten/kota tetap memakai berkas basis datanya sendiri.`);
  }
  return versi;
}

/** Pengaturan → "Uji sambungan": reachable, password right, a province's data there; nothing changed on it. */
export async function ujiServer(url: string, sandi: string | null, frasa: string | null = null): Promise<{ alamat: string; skema: number; pesan: string }> {
  const s = bukaServer(url, { sandi, maks: 1 });
  const alamat = tampilAlamat(s.alamat);
  try {
    const k = await s.pool.connect().catch((e: unknown) => {
      throw pesanKoneksi(e, s.alamat);
    });
    try {
      const skema = await isiProvinsi(k, alamat);
      // The key phrase given opens the province's signing key there (a wrong one is refused now, not at an import).
      const kunci = (await k.query<{ privat: string; pelindung: string }>("SELECT privat, pelindung FROM kunci WHERE jenis = 'tanda_tangan'")).rows[0];
      if (frasa && kunci?.pelindung === PELINDUNG_FRASA) pelindungFrasa(frasa).buka(Buffer.from(kunci.privat, 'base64'));
      const nanti = skema < SCHEMA_VERSION ? ` Skemanya diperbarui ke ${SCHEMA_VERSION} saat aplikasi pertama kali membukanya.` : '';
      return { alamat, skema, pesan: `Tersambung ke ${alamat}: basis data provinsi, skema ${skema}.${nanti}` };
    } finally {
      k.release();
    }
  } finally {
    await s.tutup();
  }
}

/** Every write transaction on the server counts as one change of the data's state (bacaTersimpan). */
async function tandaiPerubahan<T>(k: pg.ClientBase, hasil: T): Promise<T> {
  await k.query('INSERT INTO perubahan_data (waktu) VALUES ($1)', [new Date().toISOString()]);
  return hasil;
}
