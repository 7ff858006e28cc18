import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../common/errors';
import type { Pelindung } from '../services/sinkron';
import { defaultDataDir } from './paths';

export type { Pelindung };

/**
 * What differs between the Electron window, the web shell and the CLI, handed to the app context by the
 * door that starts it: no service reads a global set from outside. Native dialogs stay in the Electron door:
 * no service needs them (files cross the API as refs).
 */
export interface Platform {
  /** Which door runs: shown in messages, never used to branch logic in services. */
  readonly nama: 'electron' | 'web' | 'cli' | 'uji';
  /** Wraps private keys at rest (Electron: the OS keychain through safeStorage; elsewhere a key file). */
  readonly pelindung: Pelindung;
  /** The installation's data folder (the default database lives here). */
  readonly folderData: string;
}

/** The name of the file that holds the device key, in the user's data folder (not beside any database). */
export const BERKAS_KUNCI_PERANGKAT = 'kunci-perangkat.bin';

/** The device key: 32 random bytes made once, owner-only; two processes starting together agree on one. */
function kunciPerangkat(folder: string): Buffer {
  const path = join(folder, BERKAS_KUNCI_PERANGKAT);
  try {
    const key = readFileSync(path);
    if (key.length === 32) return key;
    throw new AppError('KUNCI_PERANGKAT_RUSAK', `Berkas ${path} rusak (bukan kunci perangkat). Pulihkan dari cadangannya, atau pulihkan kunci dari cadangan kunci (menu Sinkronisasi).`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, randomBytes(32), { mode: 0o600 });
  try {
    linkSync(temp, path); // atomic, and refused when another process made the key first: then that one holds
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  return readFileSync(path);
}

/**
 * Outside Electron, private keys are wrapped (AES-256-GCM) by a device key kept in the user's data folder, so the
 * database file or a backup alone does not yield them. Back up that folder, or the keys with a passphrase.
 */
export function pelindungBerkas(folder: string): Pelindung {
  let key: Buffer | null = null;
  const kunci = () => (key ??= kunciPerangkat(folder));
  return {
    nama: 'berkas-perangkat',
    bungkus(data) {
      const nonce = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', kunci(), nonce);
      return Buffer.concat([nonce, c.update(data), c.final(), c.getAuthTag()]);
    },
    buka(data) {
      try {
        const d = createDecipheriv('aes-256-gcm', kunci(), data.subarray(0, 12));
        d.setAuthTag(data.subarray(data.length - 16));
        return Buffer.concat([d.update(data.subarray(12, data.length - 16)), d.final()]);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('KUNCI_TERKUNCI', `Kunci privat dibungkus oleh kunci perangkat lain (${join(folder, BERKAS_KUNCI_PERANGKAT)} bukan yang dipakai saat kunci dibuat). Pakai berkas kunci perangkat yang benar, atau pulihkan kunci dari cadangan kunci.`);
      }
    },
  };
}

/** The folder of the device key and the default database: BERMANTRA_FOLDER_DATA, or the OS's per-user folder. */
export function folderDataNode(): string {
  return process.env.BERMANTRA_FOLDER_DATA || defaultDataDir();
}

/** The platform of the web shell, the CLI and tests: plain Node, the same data folder as the Electron app. */
export function platformNode(nama: 'web' | 'cli' | 'uji', folderData = folderDataNode()): Platform {
  return { nama, pelindung: pelindungBerkas(folderData), folderData };
}

/** Files the process creates from now on are owner-only (no effect where the OS has no modes). */
export function berkasHanyaPemilik(): void {
  try {
    process.umask(0o077);
  } catch {
    /* worker threads and some platforms have no umask */
  }
}
