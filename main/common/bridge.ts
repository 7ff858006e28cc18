import type { ApiResult } from './errors';
import type { FileRef } from './contract-kit';

/**
 * What the preload exposes on window.bermantra in the Electron window: one call for the API and
 * a few shell calls for native dialogs. Never ipcRenderer itself. The web shell has no bridge;
 * the renderer then talks HTTP to 127.0.0.1 instead.
 */
export interface BermantraBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Native open dialog; null when cancelled. */
  pilihBerkas(filters: { name: string; extensions: string[] }[]): Promise<FileRef | null>;
  /** Native open dialog choosing several files; empty when cancelled. */
  pilihBerkasBanyak(filters: { name: string; extensions: string[] }[]): Promise<FileRef[]>;
  /** Native save dialog for a file the app produced; the saved path, or null when cancelled. */
  simpanBerkas(file: FileRef): Promise<string | null>;
  /** Bytes the page prepared itself (a shrunk photo), handed to the app as a file. */
  unggahBerkas(nama: string, data: Uint8Array): Promise<FileRef>;
}

export const IPC_CHANNELS = {
  invoke: 'bermantra:invoke',
  pilihBerkas: 'bermantra:pilih-berkas',
  pilihBerkasBanyak: 'bermantra:pilih-berkas-banyak',
  simpanBerkas: 'bermantra:simpan-berkas',
  unggahBerkas: 'bermantra:unggah-berkas',
} as const;
