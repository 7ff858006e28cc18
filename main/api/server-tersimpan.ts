import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bacaAlamatServer, tampilAlamat } from '../common/alamat-server';
import { AppError } from '../common/errors';
import type { Platform } from './platform';

// The province's server as the window remembers it (Pengaturan → Server basis data provinsi): the address, without
// its password, in the officer's data folder; the password wrapped by the platform's protector (Electron: the OS
// keychain; elsewhere the device key), as the signing keys are. Never the password in the clear, on disk or in a reply.

const BERKAS = 'server-provinsi.json';

interface Isi {
  format: 'bermantra-server';
  versi: 1;
  alamat: string;
  /** base64 of the wrapped password, or null when the server asks none (or it comes from PGPASSWORD). */
  sandi: string | null;
  /** base64 of the wrapped key phrase of the province (kunci-server.ts), or null. */
  frasa?: string | null;
  pelindung: string;
}

/** The address and password given (the password may be in the address): the address to store, and the password. */
export function pisahkanSandi(alamat: string, sandi?: string | null): { alamat: string; sandi: string | null } {
  const a = bacaAlamatServer(alamat.trim());
  return { alamat: tampilAlamat(a), sandi: sandi || a.password || null };
}

/** The stored server's address (no password), for the settings page; null when none is stored. */
export function alamatTersimpan(platform: Platform): string | null {
  return baca(platform)?.alamat ?? null;
}

/** The stored server, its password unwrapped; null when none is stored. */
export function bacaServerTersimpan(platform: Platform): { alamat: string; sandi: string | null; frasa: string | null } | null {
  const isi = baca(platform);
  if (!isi) return null;
  if ((isi.sandi || isi.frasa) && isi.pelindung !== platform.pelindung.nama) {
    throw new AppError('KUNCI_TERKUNCI', 'Kata sandi server disimpan oleh aplikasi lain di komputer ini (jendela atau web). Isi lagi kata sandinya di Pengaturan → Server basis data provinsi.');
  }
  const buka = (x: string | null | undefined) => (x ? platform.pelindung.buka(Buffer.from(x, 'base64')).toString('utf8') : null);
  return { alamat: isi.alamat, sandi: buka(isi.sandi), frasa: buka(isi.frasa) };
}

function baca(platform: Platform): Isi | null {
  let teks: string;
  try {
    teks = readFileSync(join(platform.folderData, BERKAS), 'utf8');
  } catch {
    return null;
  }
  let isi: Isi;
  try {
    isi = JSON.parse(teks) as Isi;
    if (isi.format !== 'bermantra-server' || typeof isi.alamat !== 'string') throw new Error('format');
    bacaAlamatServer(isi.alamat);
  } catch {
    throw new AppError('SERVER_TERSIMPAN_RUSAK', `Berkas ${join(platform.folderData, BERKAS)} rusak. Hapus berkas itu lalu isi lagi alamat server di Pengaturan.`);
  }
  return isi;
}

/** Stores the server (address without password; password wrapped), replacing the one stored before. */
export function simpanServerTersimpan(platform: Platform, alamat: string, sandi: string | null, frasa: string | null = null): void {
  const bungkus = (x: string | null) => (x ? platform.pelindung.bungkus(Buffer.from(x, 'utf8')).toString('base64') : null);
  const isi: Isi = { format: 'bermantra-server', versi: 1, alamat, sandi: bungkus(sandi), frasa: bungkus(frasa), pelindung: platform.pelindung.nama };
  mkdirSync(platform.folderData, { recursive: true });
  const path = join(platform.folderData, BERKAS);
  writeFileSync(`${path}.baru`, JSON.stringify(isi, null, 2), { mode: 0o600 });
  renameSync(`${path}.baru`, path);
}

/** Forgets the stored server: the app opens its database file again at the next start. */
export function lupakanServerTersimpan(platform: Platform): void {
  rmSync(join(platform.folderData, BERKAS), { force: true });
}
