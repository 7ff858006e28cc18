import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import type { ApiResult } from '../common/errors';

// The web shell: the same UI and the same dispatch as the Electron window, on 127.0.0.1 only,
// guarded by a per-run token. For browser tests and for PCs where the installer cannot run.


const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const MAX_JSON = 10 * 1024 * 1024;
const MAX_UPLOAD = 200 * 1024 * 1024;

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface WebOptions {
  port?: number;
  staticDir: string;
  token?: string;
}

class TerlaluBesar extends Error {}

/** An upload's name reduced to a plain base name; null when nothing usable is left (".", "..", empty). */
export function namaUnggahan(nama: string | null): string | null {
  const dasar = basename(String(nama ?? '').replace(/\\/g, '/')).replace(/[^\w.\- ]+/g, '_').trim().slice(-120);
  return dasar && !/^\.+$/.test(dasar) ? dasar : null;
}

/** Streams a request body to a file, at most MAX_UPLOAD bytes; every stream error ends up in the returned promise. */
async function simpanUnggahan(req: IncomingMessage, path: string): Promise<void> {
  let size = 0;
  await pipeline(
    req,
    async function* (source) {
      for await (const chunk of source) {
        size += (chunk as Buffer).length;
        if (size > MAX_UPLOAD) throw new TerlaluBesar();
        yield chunk as Buffer;
      }
    },
    createWriteStream(path, { mode: 0o600 }),
  );
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  const body: ApiResult<never> = { ok: false, error: { code, message } };
  send(res, status, body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON) throw new Error('terlalu besar');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export function startWebServer(ctx: AppContext, options: WebOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const indexPath = join(options.staticDir, 'index.html');

  const tokenOk = (req: IncomingMessage) => {
    const given = Buffer.from(String(req.headers['x-bermantra-token'] ?? ''));
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  const server = createServer(async (req, res) => {
    try {
      // DNS rebinding and cross-site requests: only our own host name and origin are served.
      if (!allowedHosts().has(String(req.headers.host ?? ''))) return fail(res, 421, 'HOST_DITOLAK', 'Alamat ini hanya melayani 127.0.0.1.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) return fail(res, 403, 'ASAL_DITOLAK', 'Permintaan dari situs lain ditolak.');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname.startsWith('/api/')) {
        if (!tokenOk(req)) return fail(res, 401, 'TOKEN_SALAH', 'Sesi tidak sah. Buka alamat lengkap (dengan token) yang dicetak saat npm run web dijalankan.');
        if (req.method === 'POST' && url.pathname.startsWith('/api/call/')) {
          const method = decodeURIComponent(url.pathname.slice('/api/call/'.length));
          let input: unknown;
          try {
            input = await readJson(req);
          } catch {
            return fail(res, 400, 'PERMINTAAN_RUSAK', 'Permintaan tidak dapat dibaca.');
          }
          return send(res, 200, await dispatch(ctx, method, input));
        }
        if (req.method === 'POST' && url.pathname === '/api/upload') {
          const nama = namaUnggahan(url.searchParams.get('nama'));
          if (!nama) return fail(res, 400, 'NAMA_BERKAS_TIDAK_SAH', 'Nama berkas tidak dapat dipakai. Ganti nama berkasnya (huruf, angka, titik, tanda hubung) lalu pilih lagi.');
          const path = ctx.files.tempPath(nama);
          try {
            await simpanUnggahan(req, path);
          } catch (error) {
            rmSync(path, { force: true });
            if (error instanceof TerlaluBesar) return fail(res, 413, 'BERKAS_TERLALU_BESAR', `Berkas ${nama} terlalu besar untuk diunggah (paling besar ${MAX_UPLOAD / 1048576} MB).`);
            return fail(res, 400, 'UNGGAH_GAGAL', `Berkas ${nama} tidak terunggah utuh. Pilih berkasnya sekali lagi.`);
          }
          return send(res, 200, { ok: true, data: ctx.files.register(path, nama) });
        }
        if (req.method === 'GET' && url.pathname.startsWith('/api/download/')) {
          let path: string;
          try {
            path = ctx.files.resolve(url.pathname.slice('/api/download/'.length));
          } catch {
            return fail(res, 404, 'BERKAS_TIDAK_DIKENAL', 'Berkas tidak ditemukan. Buat ulang ekspornya.');
          }
          if (!existsSync(path) || !statSync(path).isFile()) return fail(res, 404, 'BERKAS_TIDAK_DIKENAL', 'Berkas tidak ditemukan. Buat ulang ekspornya.');
          res.writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-length': statSync(path).size,
            'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(basename(path))}`,
            'cache-control': 'no-store',
          });
          await pipeline(createReadStream(path), res).catch(() => res.destroy());
          return;
        }
        return fail(res, 404, 'TIDAK_ADA', 'Alamat API tidak dikenal.');
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'METODE_DITOLAK', 'Metode tidak diizinkan.');
      let file = normalize(join(options.staticDir, decodeURIComponent(url.pathname)));
      if (!file.startsWith(normalize(options.staticDir + sep)) && file !== normalize(options.staticDir)) return fail(res, 404, 'TIDAK_ADA', 'Tidak ditemukan.');
      if (!existsSync(file) || statSync(file).isDirectory()) file = indexPath;
      if (!existsSync(file)) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end('Tampilan belum dibangun. Jalankan: npm run build:renderer');
      }
      const headers: Record<string, string> = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
        'cache-control': file === indexPath ? 'no-store' : 'public, max-age=3600',
      };
      if (file === indexPath) {
        headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
        headers['x-frame-options'] = 'DENY';
        headers['referrer-policy'] = 'no-referrer';
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
    } catch (error) {
      // A malformed %-encoding in the address is the caller's mistake, not the server's.
      if (error instanceof URIError) return fail(res, 400, 'ALAMAT_RUSAK', 'Alamat permintaan tidak dapat dibaca.');
      console.error(error);
      if (!res.headersSent) fail(res, 500, 'GALAT_INTERNAL', 'Terjadi kesalahan pada server lokal.');
      else res.end();
    }
  });
  // A socket that breaks mid-request must not take the server down with it.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        token,
        port,
        // Stopping (Ctrl+C, SIGTERM) ends open keep-alive connections too, instead of waiting for the browser to go.
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
