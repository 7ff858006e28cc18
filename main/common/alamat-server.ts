import { AppError } from './errors';

// The province's database server, named by a URL: postgres://user[:password]@host[:port]/database[?sslmode=…].
// Wherever the app takes a database file it may be given this URL instead (or BERMANTRA_DB_URL); what it means is
// read here once.

const SSLMODE = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSLMODE)[number];

export interface AlamatServer {
  host: string;
  port: number;
  database: string;
  user: string;
  /** Only as typed; never stored in the clear (see pengaturan's wrapped secrets). */
  password: string | null;
  sslmode: SslMode;
}

/** Whether a --db value names a PostgreSQL server rather than a file. */
export function apakahUrlServer(nilai: string): boolean {
  return /^postgres(ql)?:\/\//i.test(nilai.trim());
}

/** Reads a server URL; anything wrong is said in Indonesian with an example, before any connection is tried. */
export function bacaAlamatServer(url: string): AlamatServer {
  const contoh = 'Contoh: postgres://petugas@192.168.1.10:5432/bermantra?sslmode=require';
  // Parsed by hand: this module is shared with the window, which has no Node URL type to lean on.
  const m = /^(postgres(?:ql)?):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?(\[[^\]]+\]|[^:/?#]*)(?::(\d{1,5}))?(?:\/([^?#]*))?(?:\?([^#]*))?$/i.exec(url.trim());
  if (!m) throw new AppError('URL_SERVER_SALAH', /^[a-z]+:\/\//i.test(url.trim()) && !/^postgres(ql)?:/i.test(url.trim()) ? `Alamat server harus diawali postgres://. ${contoh}` : `Alamat server basis data tidak dapat dibaca. ${contoh}`);
  const [, , user = '', password, hostname = '', portTeks, path = '', query = ''] = m;
  const dekode = (t: string) => {
    try {
      return decodeURIComponent(t);
    } catch {
      throw new AppError('URL_SERVER_SALAH', `Nama pengguna, kata sandi atau nama basis data pada alamat server tidak dapat dibaca (tanda % yang salah). ${contoh}`);
    }
  };
  const database = dekode(path);
  if (!hostname || !database || database.includes('/')) throw new AppError('URL_SERVER_SALAH', `Alamat server perlu nama host dan nama basis data. ${contoh}`);
  if (!user) throw new AppError('URL_SERVER_SALAH', `Alamat server perlu nama pengguna (petugas@…). ${contoh}`);
  const port = portTeks ? Number(portTeks) : 5432;
  if (port < 1 || port > 65535) throw new AppError('URL_SERVER_SALAH', `Port ${port} tidak mungkin; biasanya 5432. ${contoh}`);
  const pilihan = new Map(query.split('&').filter(Boolean).map((p) => [p.split('=')[0]!, p.slice(p.indexOf('=') + 1)] as const));
  for (const k of pilihan.keys()) {
    if (k !== 'sslmode') throw new AppError('URL_SERVER_SALAH', `Pilihan "${k}" pada alamat server tidak dikenal; yang dikenal hanya sslmode.`);
  }
  const mode = (pilihan.get('sslmode') ?? 'prefer').toLowerCase();
  if (!(SSLMODE as readonly string[]).includes(mode)) throw new AppError('URL_SERVER_SALAH', `sslmode "${mode}" tidak dikenal; pilih salah satu: ${SSLMODE.join(', ')}.`);
  return {
    host: hostname.replace(/^\[|\]$/g, ''),
    port,
    database,
    user: dekode(user),
    password: password ? dekode(password) : null,
    sslmode: mode as SslMode,
  };
}

/** The URL to show or store: never the password. */
export function tampilAlamat(a: AlamatServer): string {
  const host = a.host.includes(':') ? `[${a.host}]` : a.host;
  return `postgres://${encodeURIComponent(a.user)}@${host}:${a.port}/${encodeURIComponent(a.database)}${a.sslmode === 'prefer' ? '' : `?sslmode=${a.sslmode}`}`;
}

/**
 * node-postgres' TLS setting for an sslmode, as libpq reads it: "require" encrypts without checking the certificate,
 * "verify-ca"/"verify-full" check it against the system's CAs (verify-full the host name too), "prefer" tries TLS
 * and falls back (node-postgres cannot fall back: it connects in the clear, as libpq does when the server has no TLS).
 */
export function opsiTls(a: AlamatServer): false | { rejectUnauthorized: boolean; checkServerIdentity?: () => undefined } {
  if (a.sslmode === 'disable' || a.sslmode === 'prefer') return false;
  if (a.sslmode === 'require') return { rejectUnauthorized: false };
  if (a.sslmode === 'verify-ca') return { rejectUnauthorized: true, checkServerIdentity: () => undefined };
  return { rejectUnauthorized: true };
}
