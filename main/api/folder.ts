import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { AppError } from '../common/errors';

// Outputs never destroy: a command that writes a file or a folder the user named builds it beside the target and
// renames it into place. It replaces an existing folder only when that folder is a previous output of the same kind
// (the marker file below, written by the app), an existing file only when it is a file of the same kind, and never
// the database, its backups, attachments, private temporary files or the user data folder with the device key.

/** The marker the app writes into every folder it produces: `{"format":"bermantra-keluaran","jenis":"situs"}`. */
export const PENANDA_KELUARAN = '.bermantra-keluaran';

/** What an output may never replace or sit over: the database's own files and folders, and the user data folder. */
export interface Terlindung {
  /** The open database file (its -wal/-shm and backups beside it follow). */
  dbPath: string;
  /** The user data folder (device key, default database). */
  folderData: string;
}

/** Real path of a path that may not exist yet: its nearest existing ancestor resolved, the rest appended. */
function jalurNyata(p: string): string {
  const abs = resolve(p);
  let ada = abs;
  const sisa: string[] = [];
  while (!existsSync(ada)) {
    const atas = dirname(ada);
    if (atas === ada) return abs;
    sisa.unshift(basename(ada));
    ada = atas;
  }
  try {
    return join(realpathSync(ada), ...sisa);
  } catch {
    return abs;
  }
}

const samaAtauDi = (p: string, folder: string) => {
  const r = relative(folder, p);
  return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && !/^[a-zA-Z]:/.test(r));
};

function daftarTerlindung(t: Terlindung): { berkas: string[]; folder: string[]; wadah: string[] } {
  if (t.dbPath === ':memory:') return { berkas: [], folder: [], wadah: [jalurNyata(t.folderData)] };
  const db = jalurNyata(t.dbPath);
  const dir = dirname(db);
  return {
    // Files an output may never be written over.
    berkas: [db, `${db}-wal`, `${db}-shm`, `${db}-journal`],
    // Folders an output may never be written into.
    folder: [join(dir, 'cadangan'), join(dir, 'lampiran'), join(dir, '.bermantra-sementara')],
    // Folders an output folder may never be, nor hold: replacing it would take them along.
    wadah: [dir, jalurNyata(t.folderData), join(dir, 'cadangan'), join(dir, 'lampiran')],
  };
}

const SQLITE = Buffer.from('SQLite format 3\0', 'latin1');

function awalBerkas(path: string, n = 16): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** A rough kind from the first bytes: two files of one kind may replace each other. */
function jenisIsi(head: Buffer): string {
  if (head.subarray(0, SQLITE.length).equals(SQLITE)) return 'sqlite';
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b) return 'zip';
  if (head.subarray(0, 8).toString('latin1') === 'BMTRBDL1') return 'bundel';
  return head.includes(0) ? 'biner' : 'teks';
}

function tolak(out: string, sebab: string): AppError {
  return new AppError('KELUARAN_DITOLAK', `${out} tidak ditulis: ${sebab} Tidak ada yang diubah; pilih nama atau folder lain untuk keluaran.`);
}

/**
 * Copies a file the app produced to the path the user named, whole or not at all (a temporary sibling renamed into
 * place). An existing file is replaced only when it is of the same kind (a PDF by a PDF); never a database, never a
 * file inside the backups, attachments or private temporary folder. Returns the absolute path.
 */
export function simpanKeluaran(sumber: string, out: string, t: Terlindung): string {
  const tujuan = jalurNyata(out);
  const { berkas, folder } = daftarTerlindung(t);
  if (berkas.includes(tujuan)) throw tolak(out, 'itu berkas basis data yang sedang dipakai.');
  const dalam = folder.find((f) => samaAtauDi(tujuan, f));
  if (dalam) throw tolak(out, `folder ${dalam} milik basis data (cadangan, lampiran atau berkas sementara).`);
  if (existsSync(tujuan)) {
    const st = lstatSync(tujuan);
    if (st.isDirectory()) throw tolak(out, 'sudah ada folder dengan nama itu.');
    if (!st.isFile()) throw tolak(out, 'itu bukan berkas biasa.');
    const lama = jenisIsi(awalBerkas(tujuan));
    if (lama === 'sqlite') throw tolak(out, 'berkas itu adalah basis data.');
    if (st.size > 0 && (lama !== jenisIsi(awalBerkas(sumber)) || (extname(sumber) !== '' && extname(tujuan).toLowerCase() !== extname(sumber).toLowerCase()))) {
      throw tolak(out, 'sudah ada berkas lain dengan nama itu, bukan keluaran sejenis.');
    }
  }
  const sementara = `${tujuan}.${randomBytes(4).toString('hex')}.bermantra-tmp`;
  try {
    copyFileSync(sumber, sementara);
    renameSync(sementara, tujuan);
  } catch (error) {
    rmSync(sementara, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('BERKAS_GAGAL_DITULIS', `${out} tidak dapat ditulis (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Pilih folder yang dapat ditulisi.`);
  }
  return tujuan;
}

/** Whether a folder may be replaced by an output of `jenis`: missing, empty, or a previous output of that kind. */
function bolehDiganti(folder: string, jenis: string, out: string): boolean {
  if (!existsSync(folder)) return false;
  const st = lstatSync(folder);
  if (!st.isDirectory()) throw tolak(out, 'sudah ada berkas (bukan folder) dengan nama itu.');
  const isi = readdirSync(folder);
  if (isi.length === 0) return true;
  try {
    const p = JSON.parse(readFileSync(join(folder, PENANDA_KELUARAN), 'utf8')) as { format?: unknown; jenis?: unknown };
    if (p.format === 'bermantra-keluaran' && p.jenis === jenis) return true;
  } catch {
    /* no marker: not ours */
  }
  throw tolak(out, `folder itu sudah berisi ${isi.length} berkas/folder yang bukan keluaran ${jenis} Bermantra sebelumnya.`);
}

/**
 * Unpacks a zip the app made (one top folder) into `folder`, whole or not at all: the files go into a new sibling
 * folder with the output marker, which is then renamed into place. A folder that is there already is replaced only
 * when it is empty or a previous output of the same kind; the database's folder, the user data folder and any folder
 * holding them are never replaced. Returns the number of files and bytes written.
 */
export function pasangZipKeFolder(zipPath: string, folder: string, jenis: string, t: Terlindung): { berkas: number; byte: number } {
  const tujuan = jalurNyata(folder);
  const lindung = daftarTerlindung(t);
  const wadah = lindung.wadah.find((w) => samaAtauDi(w, tujuan));
  if (wadah) throw tolak(folder, `folder itu ${wadah === tujuan ? 'adalah' : 'memuat'} ${wadah}, tempat basis data, cadangan, lampiran atau kunci aplikasi.`);
  const dalam = lindung.folder.find((f) => samaAtauDi(tujuan, f));
  if (dalam) throw tolak(folder, `folder ${dalam} milik basis data.`);
  const ganti = bolehDiganti(tujuan, jenis, folder);
  const akhiran = randomBytes(4).toString('hex');
  const baru = `${tujuan}.${akhiran}.bermantra-baru`;
  const lama = `${tujuan}.${akhiran}.bermantra-lama`;
  let berkas = 0;
  let byte = 0;
  try {
    mkdirSync(dirname(tujuan), { recursive: true });
    mkdirSync(baru);
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
    writeFileSync(join(baru, PENANDA_KELUARAN), JSON.stringify({ format: 'bermantra-keluaran', jenis, dibuat_pada: new Date().toISOString() }));
    chmodSync(join(baru, PENANDA_KELUARAN), 0o644);
    chmodFolder(baru);
    if (ganti) renameSync(tujuan, lama);
    try {
      renameSync(baru, tujuan);
    } catch (e) {
      if (ganti) renameSync(lama, tujuan);
      throw e;
    }
    // Only what was checked above to be our own earlier output (or empty) goes.
    if (ganti) rmSync(lama, { recursive: true, force: true });
  } catch (e) {
    rmSync(baru, { recursive: true, force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('FOLDER_GAGAL_DITULIS', `Folder ${join(folder)} tidak dapat ditulis: ${(e as Error).message}. Pilih folder lain yang dapat ditulisi; isi lamanya (bila ada) tidak berubah.`);
  }
  return { berkas, byte };
}

function chmodFolder(dir: string): void {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) chmodFolder(join(dir, e.name));
}
