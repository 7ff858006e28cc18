import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { AppError } from '../common/errors';

/**
 * Unpacks a zip the app made (one top folder) into `folder`, whole or not at all: the files go into a sibling
 * temporary folder that is then swapped in, so a failure halfway leaves the previous content as it was. Files of
 * the previous content that the zip no longer holds go with it. Returns the number of files and bytes written.
 */
export function pasangZipKeFolder(zipPath: string, folder: string): { berkas: number; byte: number } {
  const tujuan = resolve(folder);
  const baru = `${tujuan}.bermantra-baru`;
  const lama = `${tujuan}.bermantra-lama`;
  rmSync(baru, { recursive: true, force: true });
  rmSync(lama, { recursive: true, force: true });
  let berkas = 0;
  let byte = 0;
  try {
    for (const [nama, isi] of Object.entries(unzipSync(readFileSync(zipPath)))) {
      const bagian = nama.split('/').slice(1).join('/');
      if (!bagian || nama.endsWith('/')) continue;
      const file = resolve(baru, bagian);
      if (!file.startsWith(baru + sep)) throw new Error(`nama berkas tidak sah di zip: ${nama}`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, isi);
      // Public files: readable by the web server's user, whatever the app's own umask (077 for private data).
      chmodSync(file, 0o644);
      berkas++;
      byte += isi.length;
    }
    chmodFolder(baru);
    try {
      renameSync(tujuan, lama);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    renameSync(baru, tujuan);
    rmSync(lama, { recursive: true, force: true });
  } catch (e) {
    rmSync(baru, { recursive: true, force: true });
    throw new AppError('FOLDER_GAGAL_DITULIS', `Folder ${join(folder)} tidak dapat ditulis: ${(e as Error).message}. Pilih folder lain yang dapat ditulisi; isi lamanya (bila ada) tidak berubah.`);
  }
  return { berkas, byte };
}

function chmodFolder(dir: string): void {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) chmodFolder(join(dir, e.name));
}
