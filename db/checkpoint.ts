import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Checkpoints of the WAL on a thread of their own. A checkpoint copies committed pages into the database
// file and waits for the disk (fsync); done by whichever connection commits, it made a province import of
// 22 districts wait 1.4 s of its 5 s on the disk. The app's connection therefore turns automatic
// checkpoints off and this thread, with its own connection, runs a PASSIVE checkpoint (never blocks the
// app's reads or writes) every fraction of a second. Committed data is safe either way: in WAL mode
// a commit is in the -wal file; the checkpoint only moves it.

const KODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modul);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const selesai = new Int32Array(workerData.selesai);
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next time */ }
}, workerData.interval);
parentPort.on('message', () => {
  clearInterval(timer);
  setTimeout(() => {
    db.close();
    Atomics.store(selesai, 0, 1);
    Atomics.notify(selesai, 0);
    parentPort.close();
  }, workerData.jedaTutup);
});
`;

export interface PenulisLatar {
  /** Stops the thread and closes its connection; returns once it has (synchronously). */
  tutup(): void;
}

/** `jedaTutup` (tests only) delays the thread's closing, as a checkpoint in progress would. */
export function checkpointLatar(file: string, onGagal: (error: Error) => void, interval = 250, jedaTutup = 0): PenulisLatar {
  const selesai = new SharedArrayBuffer(4);
  const modul = createRequire(typeof __filename === 'string' ? __filename : import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(KODE, { eval: true, workerData: { file, modul, interval, selesai, jedaTutup } });
  worker.unref();
  let hidup = true;
  worker.on('error', (error) => {
    hidup = false;
    onGagal(error);
  });
  worker.on('exit', () => (hidup = false));
  return {
    tutup() {
      if (!hidup) return;
      worker.postMessage('tutup');
      const flag = new Int32Array(selesai);
      try {
        Atomics.wait(flag, 0, 0, 10_000);
      } catch {
        // Electron's main process forbids Atomics.wait: spin instead (the thread closes within
        // milliseconds, or after the checkpoint it is running), so a restore never replaces the file
        // under the thread's connection.
        const batas = Date.now() + 10_000;
        while (Atomics.load(flag, 0) === 0 && Date.now() < batas);
      }
      hidup = false;
    },
  };
}
