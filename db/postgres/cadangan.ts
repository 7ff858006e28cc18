import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { tampilAlamat, type AlamatServer } from '../../main/common/alamat-server';
import type { Cadangan } from '../../main/common/api';
import { AppError } from '../../main/common/errors';

// Backups of the province's server: pg_dump's custom format (pg_restore brings it back into a new, empty database)
// into a folder on the officer's PC, when pg_dump is on this PC; otherwise the command to run where it is.

const jalankan = promisify(execFile);
const POLA = /^bermantra-server-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.dump$/;

/** pg_dump on this PC: on the PATH, in Debian's PostgreSQL folders, or in the Windows installer's. */
export function cariPgDump(): string | null {
  const exe = process.platform === 'win32' ? 'pg_dump.exe' : 'pg_dump';
  const folder = [
    ...(process.env.PATH ?? '').split(delimiter),
    ...versi('/usr/lib/postgresql').map((v) => join('/usr/lib/postgresql', v, 'bin')),
    ...versi('C:\\Program Files\\PostgreSQL').map((v) => join('C:\\Program Files\\PostgreSQL', v, 'bin')),
  ];
  for (const f of folder) if (f && existsSync(join(f, exe))) return join(f, exe);
  return null;
}

/** Version folders, newest first (a newer pg_dump reads an older server; not the reverse). */
function versi(dir: string): string[] {
  try {
    return readdirSync(dir).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a));
  } catch {
    return [];
  }
}

/** The command an officer runs where pg_dump is (the password is asked by pg_dump or read from PGPASSWORD). */
export function perintahPgDump(alamat: AlamatServer, file = 'bermantra-server.dump'): string {
  return `pg_dump -Fc -d "${tampilAlamat(alamat)}" -f ${file}`;
}

const dua = (n: number) => String(n).padStart(2, '0');

/** Dumps the server into folder; refuses plainly when pg_dump is not on this PC. */
export async function cadangkanServer(alamat: AlamatServer, sandi: string | null, folder: string, now = new Date(), pgDump = cariPgDump()): Promise<Cadangan> {
  if (!pgDump) {
    throw new AppError('PG_DUMP_TIDAK_ADA', `pg_dump tidak ditemukan di komputer ini, jadi cadangan server tidak dapat dibuat dari sini. Pasang PostgreSQL (alat klien) atau jalankan di komputer server: ${perintahPgDump(alamat)}`);
  }
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const nama = `bermantra-server-${now.getFullYear()}${dua(now.getMonth() + 1)}${dua(now.getDate())}-${dua(now.getHours())}${dua(now.getMinutes())}${dua(now.getSeconds())}.dump`;
  const file = join(folder, nama);
  const sementara = `${file}.sebagian`;
  try {
    await jalankan(pgDump, ['-Fc', '--no-password', '-h', alamat.host, '-p', String(alamat.port), '-U', alamat.user, '-d', alamat.database, '-f', sementara], {
      env: { ...process.env, PGSSLMODE: alamat.sslmode, ...(sandi ? { PGPASSWORD: sandi } : {}) },
      timeout: 60 * 60 * 1000,
    });
  } catch (error) {
    rmSync(sementara, { force: true });
    const pesan = String((error as { stderr?: string }).stderr || (error as Error).message).trim().split('\n')[0];
    throw new AppError('CADANGAN_GAGAL', `pg_dump gagal (${pesan}). Tidak ada cadangan yang dibuat; periksa sambungan ke server atau jalankan di komputer server: ${perintahPgDump(alamat)}`);
  }
  renameSync(sementara, file);
  return infoDump(folder, nama)!;
}

function infoDump(folder: string, nama: string): Cadangan | null {
  const m = POLA.exec(nama);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return { nama, jenis: 'server', waktu: `${y}-${mo}-${d}T${h}:${mi}:${s}`, ukuran: statSync(join(folder, nama)).size };
}

/** The server's backups in folder, newest first. */
export function daftarCadanganServer(folder: string): Cadangan[] {
  let isi: string[] = [];
  try {
    isi = readdirSync(folder);
  } catch {
    return [];
  }
  return isi.map((n) => infoDump(folder, n)).filter((c): c is Cadangan => !!c).sort((a, b) => b.waktu.localeCompare(a.waktu));
}
