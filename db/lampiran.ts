import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Db } from './connection';

// Attachments (report photos, signed letters) are stored once by their SHA-256: beside a SQLite file in its
// `lampiran/` folder, on the province's server in the table `lampiran_isi` (db/postgres/kueri.ts reads that).

export function folderLampiran(db: Db): string {
  return join(dirname(db.file), 'lampiran');
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The file of an attachment: only a hex SHA-256 names one, and the path is proven to stay inside the
 * attachment folder. Anything else (a name from an old or hostile bundle) is no file at all.
 */
export function berkasLampiran(db: Db, hash: string): string | null {
  if (!SHA256.test(hash)) return null;
  const dir = resolve(folderLampiran(db));
  const path = resolve(dir, hash);
  return path.startsWith(dir + sep) ? path : null;
}

/** The bytes of an attachment beside a SQLite file, or null when there is none. */
export function bacaLampiranBerkas(db: Db, hash: string): Buffer | null {
  const path = berkasLampiran(db, hash);
  return path && existsSync(path) ? readFileSync(path) : null;
}
