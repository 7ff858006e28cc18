import { randomBytes } from 'node:crypto';
import type { StatusTugas } from '../common/api';
import { AppError } from '../common/errors';

// Long jobs (importing a million-row extract) run while the app keeps answering: progress can be
// read and the job cancelled; a cancelled or failed job writes nothing (the job's own transaction).


export class DaftarTugas {
  private readonly items = new Map<string, { status: StatusTugas; controller: AbortController; done: Promise<void> }>();

  /** The job that is running, if any: only one at a time (it holds the database's write transaction). */
  aktif(): StatusTugas | null {
    for (const t of this.items.values()) if (t.status.status === 'berjalan') return t.status;
    return null;
  }

  mulai<T>(jenis: string, run: (onProgres: (p: NonNullable<StatusTugas['progres']>) => void, signal: AbortSignal) => Promise<T>): StatusTugas {
    const busy = this.aktif();
    if (busy) throw new AppError('SEDANG_SIBUK', `Tugas lain masih berjalan (${busy.jenis}). Tunggu sampai selesai atau batalkan dulu.`);
    const id = randomBytes(8).toString('hex');
    const controller = new AbortController();
    const status: StatusTugas = { id, jenis, status: 'berjalan', progres: null, hasil: null, galat: null, mulai: new Date().toISOString(), selesai: null };
    const done = (async () => {
      // Let the caller get the id before the work starts.
      await new Promise((r) => setImmediate(r));
      try {
        status.hasil = await run((p) => (status.progres = p), controller.signal);
        status.status = 'selesai';
      } catch (error) {
        status.status = controller.signal.aborted ? 'dibatalkan' : 'gagal';
        status.galat = error instanceof AppError ? error.toData() : { code: 'GALAT_INTERNAL', message: `Tugas gagal (${(error as Error).message}). Tidak ada yang disimpan.` };
      } finally {
        status.selesai = new Date().toISOString();
      }
    })();
    this.items.set(id, { status, controller, done });
    return status;
  }

  status(id: string): StatusTugas {
    const t = this.items.get(id);
    if (!t) throw new AppError('TIDAK_DITEMUKAN', 'Tugas tidak ditemukan (mungkin aplikasi dimulai ulang).');
    return t.status;
  }

  batal(id: string): StatusTugas {
    const t = this.items.get(id);
    if (!t) throw new AppError('TIDAK_DITEMUKAN', 'Tugas tidak ditemukan.');
    t.controller.abort();
    return t.status;
  }

  async tunggu(id: string): Promise<StatusTugas> {
    const t = this.items.get(id);
    if (!t) throw new AppError('TIDAK_DITEMUKAN', 'Tugas tidak ditemukan.');
    await t.done;
    return t.status;
  }
}
