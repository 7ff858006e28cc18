import type { Input, MethodName, Output } from '../../main/common/api';
import type { BermantraBridge } from '../../main/common/bridge';
import type { FileRef } from '../../main/common/contract-kit';
import type { ApiErrorData, ApiResult } from '../../main/common/errors';

declare global {
  interface Window {
    bermantra?: BermantraBridge;
  }
}

/** An error the app reported (Indonesian message, maybe per-field details). */
export class ApiError extends Error {
  readonly code: string;
  readonly details: ApiErrorData['details'];
  constructor(data: ApiErrorData) {
    super(data.message);
    this.code = data.code;
    this.details = data.details;
  }
}

const TOKEN_KEY = 'bermantra-token';

/** Web shell: the token comes in the printed address once, then lives in this tab's sessionStorage. */
function webToken(): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = window.bermantra ? '' : webToken();

async function post(path: string, body: BodyInit, contentType: string): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'content-type': contentType, 'x-bermantra-token': token }, body });
  } catch {
    return { ok: false, error: { code: 'TIDAK_TERHUBUNG', message: 'Tidak terhubung ke aplikasi. Pastikan jendela "npm run web" masih berjalan, lalu muat ulang halaman.' } };
  }
  return (await response.json()) as ApiResult<unknown>;
}

/** Calls one API method through whichever door this page has: Electron IPC or the web shell. */
export async function invoke<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = window.bermantra ? await window.bermantra.invoke(method, input) : await post(`/api/call/${encodeURIComponent(method)}`, JSON.stringify(input), 'application/json');
  if (!result.ok) throw new ApiError(result.error);
  return result.data as Output<M>;
}

/** Lets the user pick a file: native dialog in Electron, the file input in the browser. */
export async function pilihBerkas(file: File | null, filters: { name: string; extensions: string[] }[]): Promise<FileRef | null> {
  if (window.bermantra) return window.bermantra.pilihBerkas(filters);
  if (!file) return null;
  const result = await post(`/api/upload?nama=${encodeURIComponent(file.name)}`, file, 'application/octet-stream');
  if (!result.ok) throw new ApiError(result.error);
  return result.data as FileRef;
}

/** Several files at once (the province's bundles of the month): native dialog, or the browser's file input. */
export async function pilihBanyakBerkas(files: File[], filters: { name: string; extensions: string[] }[]): Promise<FileRef[]> {
  if (window.bermantra) return window.bermantra.pilihBerkasBanyak(filters);
  const refs: FileRef[] = [];
  for (const file of files) refs.push((await pilihBerkas(file, filters))!);
  return refs;
}

export const isElectron = () => !!window.bermantra;

/** Hands bytes prepared in the page (a shrunk photo) to the app as a file, through either door. */
export async function unggah(data: Blob, nama: string): Promise<FileRef> {
  if (window.bermantra) return window.bermantra.unggahBerkas(nama, new Uint8Array(await data.arrayBuffer()));
  const result = await post(`/api/upload?nama=${encodeURIComponent(nama)}`, data, 'application/octet-stream');
  if (!result.ok) throw new ApiError(result.error);
  return result.data as FileRef;
}

/** Shrinks a photo to at most 1280 px and about 200 KB as JPEG, turned upright from its EXIF. */
export async function kecilkanFoto(file: Blob, maksSisi = 1280, targetByte = 200 * 1024): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, maksSisi / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  let quality = 0.85;
  for (;;) {
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('Foto tidak dapat diolah.'))), 'image/jpeg', quality));
    if (blob.size <= targetByte || quality <= 0.35) return blob;
    quality -= 0.1;
  }
}

/** Saves a file the app produced: native save dialog in Electron, a download in the browser. */
export async function simpanBerkas(file: FileRef): Promise<string | null> {
  if (window.bermantra) return window.bermantra.simpanBerkas(file);
  const response = await fetch(`/api/download/${file.ref}`, { headers: { 'x-bermantra-token': token } });
  if (!response.ok) throw new ApiError({ code: 'UNDUH_GAGAL', message: 'Berkas gagal diunduh. Coba buat ulang.' });
  unduhBlob(await response.blob(), file.nama);
  return file.nama;
}

/** Hands a blob the page made (or fetched) to the browser as a download named `nama`. */
export function unduhBlob(blob: Blob, nama: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = nama;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function pesanGalat(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
