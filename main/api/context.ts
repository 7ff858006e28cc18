import { backupIfDue, checkIntegrity, listBackups, makeBackup, restoreBackupFile } from '../../db/backup';
import { openDatabase, type Db } from '../../db/connection';
import { bersihkanSementara, bersihkanTmpSistem } from '../../db/sementara';
import { APP_VERSION_TEXT } from '../services/pengaturan';
import { AppError } from '../common/errors';
import { FileStore } from './files';
import type { Pelindung, Platform } from './platform';
import { DaftarTugas } from './tugas';
import { ServerProvinsi } from './server-provinsi';
import { alamatTersimpan, bacaServerTersimpan } from './server-tersimpan';
import { apakahUrlServer } from '../common/alamat-server';
import { pelaksanaBerkas, type Kerja } from '../../db/kueri';

export const APP_VERSION = APP_VERSION_TEXT;

/**
 * What every door shares: the open database (replaced on restore), the file refs, the platform (key
 * protector, data folder) and the start-up checks. Created once per process by the Electron shell, the web shell or the CLI.
 */
export class AppContext {
  private dbBerkas: Db | null = null;
  /** The province's PostgreSQL server, when --db named one (then there is no file). */
  readonly server: ServerProvinsi | null = null;
  readonly files = new FileStore();
  readonly tugas = new DaftarTugas();
  integritas: { ok: boolean; pesan: string[] } = { ok: true, pesan: [] };
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly dbPath: string,
    readonly platform: Platform,
    /** The server's password when it is not in dbPath (Pengaturan keeps it wrapped: server-tersimpan.ts). */
    sandi: string | null = null,
    /** The province's key phrase on the server (the same; or BERMANTRA_FRASA_KUNCI). */
    frasa: string | null = null,
  ) {
    if (apakahUrlServer(dbPath)) {
      this.server = new ServerProvinsi(dbPath, sandi, frasa ?? process.env.BERMANTRA_FRASA_KUNCI ?? null);
      return;
    }
    this.dbBerkas = openDatabase(dbPath, { checkpointLatar: true });
    // What a crashed run left in the private temporary folder (a decrypted bundle) goes now.
    bersihkanSementara(this.db.file);
    // …and what one left in the system's temporary folder (an unpacked workbook and its photos).
    bersihkanTmpSistem();
  }

  /** The database file. On the province's server only the services moved there run (ctx.baca/ctx.tulis); the rest say so. */
  get db(): Db {
    if (!this.dbBerkas) {
      throw new AppError(
        'DB_SERVER_BELUM',
        `Bagian ini tidak dijalankan pada server PostgreSQL provinsi (${this.server!.alamat}): data kelompok, anggota, laporan, proposal, mitra dan DT-SEN diubah oleh kabupaten/kota pada berkasnya lalu dikirim lewat bundel, dan kunci provinsi diurus pada komputer yang membuatnya (perintah keys). Tidak ada yang diubah.`,
      );
    }
    return this.dbBerkas;
  }

  /** What opens this installation's private keys: the platform's; on the province's server, the key phrase's. */
  get pelindung(): Pelindung {
    return this.server ? this.server.pelindung(this.platform.pelindung) : this.platform.pelindung;
  }

  /** Where the data is, as shown to the officer: the file's path, or the server's address (no password). */
  get lokasiData(): string {
    return this.server ? this.server.alamat : this.db.file;
  }

  /**
   * A write (a piece of work made by `buat`) in one transaction on the file or the server. `buat` gets the officer
   * the server knows (its login), null on a file (the settings' operator then).
   */
  async tulis<T>(buat: (petugas: string | null) => Kerja<T>): Promise<T> {
    if (this.server) {
      const petugas = this.server.petugas;
      return this.server.tulis(() => buat(petugas));
    }
    return pelaksanaBerkas(this.db).tulis(buat);
  }

  /** A read many officers ask alike: kept on the server per state of the data (ServerProvinsi.bacaTersimpan). */
  async bacaTersimpan<T>(kunci: string, buat: () => Kerja<T>): Promise<T> {
    return this.server ? this.server.bacaTersimpan(kunci, buat) : pelaksanaBerkas(this.db).baca(buat());
  }

  /** A read (a piece of work, db/kueri.ts) on the file or the server: the same figures either way. */
  async baca<T>(kerja: Kerja<T>): Promise<T> {
    return this.server ? this.server.baca(kerja) : pelaksanaBerkas(this.db).baca(kerja);
  }

  /** For the app shells: check integrity, make the daily backup, and keep making it while running. */
  startMaintenance(): void {
    // The server's backups are the province's pg_dump (README); its integrity is the server's.
    if (this.server) return;
    this.integritas = checkIntegrity(this.db.sqlite);
    if (this.integritas.ok) backupIfDue(this.db.sqlite, this.db.file);
    this.timer = setInterval(() => {
      try {
        backupIfDue(this.db.sqlite, this.db.file);
      } catch (error) {
        console.error('Cadangan otomatis gagal:', error);
      }
    }, 60 * 60 * 1000);
    this.timer.unref();
  }

  /** Restores a backup by name: the current file is backed up first, so a restore can be undone. */
  restore(nama: string) {
    const backup = listBackups(this.db.file).find((c) => c.nama === nama);
    if (!backup) throw new AppError('TIDAK_DITEMUKAN', `Cadangan ${nama} tidak ditemukan. Muat ulang daftar cadangan.`);
    const sebelumnya = makeBackup(this.db.sqlite, this.db.file, 'sebelum-pemulihan');
    const file = this.db.file;
    this.db.close();
    try {
      restoreBackupFile(file, backup.path);
    } finally {
      this.dbBerkas = openDatabase(file, { checkpointLatar: true });
      this.integritas = checkIntegrity(this.db.sqlite);
    }
    return sebelumnya;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.server) void this.server.tutup();
    this.dbBerkas?.close();
    this.files.dispose();
  }
}

/**
 * The database a window or web shell opens: --db, else BERMANTRA_DB_URL, else the province's server stored in
 * Pengaturan (its password unwrapped), else the file in the data folder.
 */
export function pilihBasisData(platform: Platform, db: string | null | undefined, berkasBawaan: string): { dbPath: string; sandi: string | null; frasa: string | null } {
  if (db) return { dbPath: db, sandi: null, frasa: null };
  if (process.env.BERMANTRA_DB_URL) return { dbPath: process.env.BERMANTRA_DB_URL, sandi: null, frasa: null };
  let server: ReturnType<typeof bacaServerTersimpan>;
  try {
    server = bacaServerTersimpan(platform);
  } catch (error) {
    // A password this app cannot unwrap (saved by the other door) or a damaged file must not keep the app from opening:
    // the server is opened without it and says so on the start page, which offers to forget it; a damaged file is
    // as if no server were saved.
    console.error(error instanceof AppError ? error.message : error);
    const alamat = error instanceof AppError && error.code === 'KUNCI_TERKUNCI' ? alamatTersimpan(platform) : null;
    return alamat ? { dbPath: alamat, sandi: null, frasa: null } : { dbPath: berkasBawaan, sandi: null, frasa: null };
  }
  return server ? { dbPath: server.alamat, sandi: server.sandi, frasa: server.frasa } : { dbPath: berkasBawaan, sandi: null, frasa: null };
}
