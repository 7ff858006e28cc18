import { backupIfDue, checkIntegrity, listBackups, makeBackup, restoreBackupFile } from '../../db/backup';
import { openDatabase, type Db } from '../../db/connection';
import { bersihkanSementara, bersihkanTmpSistem } from '../../db/sementara';
import { APP_VERSION_TEXT } from '../services/pengaturan';
import { AppError } from '../common/errors';
import { FileStore } from './files';
import type { Platform } from './platform';
import { DaftarTugas } from './tugas';

export const APP_VERSION = APP_VERSION_TEXT;

/**
 * What every door shares: the open database (replaced on restore), the file refs, the platform (key
 * protector, data folder) and the start-up checks. Created once per process by the Electron shell, the web shell or the CLI.
 */
export class AppContext {
  db: Db;
  readonly files = new FileStore();
  readonly tugas = new DaftarTugas();
  integritas: { ok: boolean; pesan: string[] } = { ok: true, pesan: [] };
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly dbPath: string,
    readonly platform: Platform,
  ) {
    this.db = openDatabase(dbPath, { checkpointLatar: true });
    // What a crashed run left in the private temporary folder (a decrypted bundle) goes now.
    bersihkanSementara(this.db.file);
    // …and what one left in the system's temporary folder (an unpacked workbook and its photos).
    bersihkanTmpSistem();
  }

  /** For the app shells: check integrity, make the daily backup, and keep making it while running. */
  startMaintenance(): void {
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
      this.db = openDatabase(file, { checkpointLatar: true });
      this.integritas = checkIntegrity(this.db.sqlite);
    }
    return sebelumnya;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.db.close();
    this.files.dispose();
  }
}
