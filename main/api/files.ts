import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FileRef } from '../common/contract-kit';
import { AppError } from '../common/errors';

/**
 * Files cross the API as opaque refs, never as paths: the renderer can only name a file the user
 * picked (native dialog or upload) or one the app produced for it to save.
 */
export class FileStore {
  private readonly paths = new Map<string, string>();
  private dir: string | null = null;

  register(path: string, nama = basename(path)): FileRef {
    const ref = randomBytes(16).toString('hex');
    this.paths.set(ref, path);
    let ukuran: number | undefined;
    try {
      ukuran = statSync(path).size;
    } catch {
      ukuran = undefined;
    }
    return ukuran === undefined ? { ref, nama } : { ref, nama, ukuran };
  }

  resolve(file: FileRef | string): string {
    const ref = typeof file === 'string' ? file : file.ref;
    const path = this.paths.get(ref);
    if (!path) throw new AppError('BERKAS_TIDAK_DIKENAL', 'Berkas tidak dikenal atau sudah kedaluwarsa. Pilih berkasnya sekali lagi.');
    return path;
  }

  /** A fresh path in this run's temporary folder, for an upload or an export. */
  tempPath(nama: string): string {
    if (!this.dir) {
      this.dir = mkdtempSync(join(tmpdir(), `bermantra-${process.pid}-`));
    }
    const dasar = nama.replace(/[^\w.\- ]+/g, '_').slice(-120);
    const safe = dasar && !/^\.+$/.test(dasar) ? dasar : 'berkas';
    const sub = join(this.dir, randomBytes(6).toString('hex'));
    mkdirSync(sub);
    return join(sub, safe);
  }

  /** Registers a new output file the caller will write. A bound function: services take it as `keluar`. */
  readonly output = (nama: string): { path: string; ref: () => FileRef } => {
    const path = this.tempPath(nama);
    return { path, ref: () => this.register(path, nama) };
  };

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.paths.clear();
  }
}
