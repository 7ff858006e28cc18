import type { Cadangan } from '../main/common/api/aplikasi';
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { AppError } from '../main/common/errors';

export const JENIS_CADANGAN = ['otomatis', 'sebelum-migrasi', 'sebelum-impor', 'sebelum-pemulihan', 'manual'] as const;
export type JenisCadangan = (typeof JENIS_CADANGAN)[number];

/** How many backups of each kind are kept; older ones are removed. */
export const KEEP_PER_KIND = 14;

/** A backup as the UI shows it (Cadangan), with where it lies on disk. */
export interface BerkasCadangan extends Cadangan {
  path: string;
  jenis: JenisCadangan;
}

export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), 'cadangan');
}

function stamp(now: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}${p(now.getMilliseconds(), 3)}`;
}

/** Backups hold the same personal data as the database: owner-only where the OS has modes. */
function hanyaPemilik(path: string): void {
  try {
    chmodSync(path, 0o600);
  } catch {
    /* FAT USB sticks and Windows have no modes */
  }
}

/** A consistent copy of the open database (VACUUM INTO), then old copies of that kind are pruned. */
export function makeBackup(sqlite: Database.Database, dbPath: string, jenis: JenisCadangan, now = new Date()): BerkasCadangan {
  const dir = backupDir(dbPath);
  mkdirSync(dir, { recursive: true });
  const base = basename(dbPath, extname(dbPath));
  const path = join(dir, `${base}-${stamp(now)}-${jenis}.sqlite`);
  sqlite.prepare('VACUUM INTO ?').run(path);
  hanyaPemilik(path);
  prune(dbPath, jenis);
  return describe(path, dbPath)!;
}

function describe(path: string, dbPath: string): BerkasCadangan | null {
  const base = basename(dbPath, extname(dbPath));
  const name = basename(path);
  const m = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d{8})-(\\d{6})(\\d{3})-(${JENIS_CADANGAN.join('|')})\\.sqlite$`).exec(name);
  if (!m) return null;
  const [d, t] = [m[1]!, m[2]!];
  const waktu = new Date(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +t.slice(0, 2), +t.slice(2, 4), +t.slice(4, 6), +m[3]!).toISOString();
  return { nama: name, path, jenis: m[4] as JenisCadangan, waktu, ukuran: statSync(path).size };
}

/** Newest first. */
export function listBackups(dbPath: string): BerkasCadangan[] {
  const dir = backupDir(dbPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => describe(join(dir, name), dbPath))
    .filter((c): c is BerkasCadangan => c !== null)
    .sort((a, b) => b.nama.localeCompare(a.nama));
}

function prune(dbPath: string, jenis: JenisCadangan): void {
  const old = listBackups(dbPath).filter((c) => c.jenis === jenis).slice(KEEP_PER_KIND);
  for (const c of old) rmSync(c.path, { force: true });
}

/** The daily automatic backup: made when no automatic backup exists from today. */
export function backupIfDue(sqlite: Database.Database, dbPath: string, now = new Date()): BerkasCadangan | null {
  const today = stamp(now).slice(0, 8);
  const done = listBackups(dbPath).some((c) => c.jenis === 'otomatis' && c.nama.includes(`-${today}-`));
  return done ? null : makeBackup(sqlite, dbPath, 'otomatis', now);
}

/** PRAGMA quick_check: "ok" or the first problems found. */
export function checkIntegrity(sqlite: Database.Database): { ok: boolean; pesan: string[] } {
  const rows = sqlite.pragma('quick_check(20)') as { quick_check: string }[];
  const pesan = rows.map((r) => r.quick_check);
  return { ok: pesan.length === 1 && pesan[0] === 'ok', pesan };
}

/**
 * Replaces the database file with a backup. The database must be closed. The backup is checked first
 * (a Bermantra database that passes quick_check); the current file is first copied aside as
 * "sebelum-pemulihan" by the caller, so a restore can itself be undone.
 */
export function restoreBackupFile(dbPath: string, backupPath: string): void {
  let check: Database.Database | undefined;
  try {
    check = new Database(backupPath, { readonly: true, fileMustExist: true });
    const integrity = checkIntegrity(check);
    const hasTables = check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('anggota','pengaturan')").get() as { n: number };
    if (!integrity.ok || hasTables.n < 2) throw new Error(integrity.pesan.join('; ') || 'bukan basis data Bermantra');
  } catch (error) {
    throw new AppError('CADANGAN_RUSAK', `Cadangan ${basename(backupPath)} tidak dapat dipakai (${(error as Error).message}). Pilih cadangan lain.`);
  } finally {
    check?.close();
  }
  const temp = `${dbPath}.pemulihan`;
  copyFileSync(backupPath, temp);
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  renameSync(temp, dbPath);
}
