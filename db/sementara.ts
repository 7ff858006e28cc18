import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Temporary files that may hold personal data (a decrypted bundle, a payload being built) live in a private
// folder beside the database: owner-only (0700/0600 where the OS has modes), removed after use, and whatever
// a crash left behind is removed the next time the database is opened.

const FOLDER = '.bermantra-sementara';
const POLA = /^(\d+)-[0-9a-f]+-/;

export function folderSementara(dbFile: string): string {
  const dir = dbFile === ':memory:' ? join(tmpdir(), `${FOLDER}-${process.getuid?.() ?? 'x'}`) : join(dirname(dbFile), FOLDER);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
  } catch {
    /* not every file system has modes */
  }
  return dir;
}

/** A fresh path in the private folder; the caller writes it with mode 0600 and removes it in `finally`. */
export function berkasSementara(dbFile: string, jenis: string): string {
  return join(folderSementara(dbFile), `${process.pid}-${randomBytes(6).toString('hex')}-${jenis}.tmp`);
}

function hidup(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what a process that is no longer running left behind (and files of the old layout beside the database). */
export function bersihkanSementara(dbFile: string): number {
  if (dbFile === ':memory:') return 0;
  let n = 0;
  const dir = join(dirname(dbFile), FOLDER);
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)) {
      const m = POLA.exec(f);
      if (m && hidup(Number(m[1]))) continue;
      rmSync(join(dir, f), { force: true });
      n++;
    }
  }
  for (const f of readdirSync(dirname(dbFile))) {
    const m = /^\.bermantra-(terima|kirim)-(\d+)-[0-9a-f]+\.tmp$/.exec(f);
    if (m && !hidup(Number(m[2]))) {
      rmSync(join(dirname(dbFile), f), { force: true });
      n++;
    }
  }
  return n;
}

/**
 * What a process of the app that is no longer running left in the system's temporary folder (an unpacked
 * workbook and its photos, uploads, exports): folders named bermantra-PID-… or bermantra-kiriman-PID-….
 */
export function bersihkanTmpSistem(dir = tmpdir()): number {
  let n = 0;
  let isi: string[];
  try {
    isi = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const f of isi) {
    const m = /^bermantra-(?:kiriman-)?(\d+)-[A-Za-z0-9]{6}$/.exec(f);
    if (!m || hidup(Number(m[1]))) continue;
    rmSync(join(dir, f), { recursive: true, force: true });
    n++;
  }
  return n;
}
