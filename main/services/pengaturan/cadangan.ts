import type { Db } from '../../../db/connection';
import { listBackups, makeBackup } from '../../../db/backup';
import type { Cadangan } from '../../common/api';

// Backups as the window sees them: their name, kind, time and size, not where they lie on disk (infoCadangan).

export const infoCadangan = ({ nama, jenis, waktu, ukuran }: Cadangan): Cadangan => ({ nama, jenis, waktu, ukuran });

/** The backups beside the database, newest first. */
export function daftarCadangan(db: Db): Cadangan[] {
  return listBackups(db.file).map(infoCadangan);
}

/** A backup the officer asked for (Pengaturan → Cadangkan sekarang). */
export function buatCadangan(db: Db): Cadangan {
  return infoCadangan(makeBackup(db.sqlite, db.file, 'manual'));
}
