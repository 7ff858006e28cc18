import { test } from 'node:test';
import { platformNode } from '../api/platform';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { AppContext } from '../api/context';
import { tempDb } from '../../test/db';
import { startWebServer } from './server';

function http(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

test('the web shell answers only with the token, only for its own host and origin', async () => {
  const t = tempDb();
  const file = t.db.file;
  t.db.close();
  const ctx = new AppContext(file, platformNode('uji'));
  const staticDir = join(t.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Bermantra</title>');
  const server = await startWebServer(ctx, { staticDir });
  const host = `127.0.0.1:${server.port}`;
  const json = { 'content-type': 'application/json', host };
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const page = await http(server.port, '/', { headers: { host } });
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);

    const noToken = await http(server.port, '/api/call/app.statistik', { method: 'POST', headers: json, body: '{}' });
    assert.equal(noToken.status, 401);
    const ok = await http(server.port, '/api/call/app.statistik', { method: 'POST', headers: { ...json, 'x-bermantra-token': server.token }, body: '{}' });
    assert.equal(ok.status, 200);
    assert.equal(JSON.parse(ok.body).data.kabupaten_kode, '35.07');

    const rebinding = await http(server.port, '/api/call/app.statistik', { method: 'POST', headers: { ...json, host: 'evil.example:80', 'x-bermantra-token': server.token }, body: '{}' });
    assert.equal(rebinding.status, 421);
    const crossSite = await http(server.port, '/api/call/app.statistik', { method: 'POST', headers: { ...json, origin: 'http://evil.example', 'x-bermantra-token': server.token }, body: '{}' });
    assert.equal(crossSite.status, 403);

    const invalid = await http(server.port, '/api/call/kelompok.simpan', { method: 'POST', headers: { ...json, 'x-bermantra-token': server.token }, body: JSON.stringify({ nama: '' }) });
    const result = JSON.parse(invalid.body);
    assert.equal(result.ok, false);
    assert.equal(result.error.code, 'INPUT_TIDAK_SAH');
    assert.match(result.error.message, /Nama kelompok wajib diisi/);

    const upload = await http(server.port, '/api/upload?nama=daftar.csv', { method: 'POST', headers: { host, 'x-bermantra-token': server.token }, body: 'NIK,NAMA\n3507015203850003,Siti\n' });
    const file = JSON.parse(upload.body).data;
    assert.equal(file.nama, 'daftar.csv');
    const preview = await http(server.port, '/api/call/anggota.imporPratinjau', { method: 'POST', headers: { ...json, 'x-bermantra-token': server.token }, body: JSON.stringify({ berkas: file }) });
    assert.deepEqual(JSON.parse(preview.body).data.mapping, { nik: 'NIK', nama: 'NAMA' });
    const download = await http(server.port, `/api/download/${file.ref}`, { headers: { host, 'x-bermantra-token': server.token } });
    assert.equal(download.body, 'NIK,NAMA\n3507015203850003,Siti\n');
    const unknown = await http(server.port, '/api/download/../../etc/passwd', { headers: { host, 'x-bermantra-token': server.token } });
    assert.doesNotMatch(unknown.body, /root:/);
    const wrongRef = await http(server.port, '/api/download/0123456789abcdef', { headers: { host, 'x-bermantra-token': server.token } });
    assert.equal(wrongRef.status, 404);

    // Requests that once killed the server or answered 500: each gets a 4xx, and the server goes on answering.
    const auth = { host, 'x-bermantra-token': server.token };
    for (const nama of ['..', '.', '', '../../etc', '..%2F..%2Fx']) {
      const r = await http(server.port, `/api/upload?nama=${nama}`, { method: 'POST', headers: auth, body: 'isi' });
      assert.ok(r.status === 400 || (r.status === 200 && !/\.\./.test(JSON.parse(r.body).data.nama)), `unggah "${nama}": ${r.status} ${r.body}`);
    }
    for (const path of ['/%', '/api/call/%E0%A4%A', '/%ZZ/x']) {
      const r = await http(server.port, path, { method: path.startsWith('/api') ? 'POST' : 'GET', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
      assert.equal(r.status, 400, path);
    }
    await new Promise<void>((resolve) => {
      // An upload cut off halfway: the client goes away mid-body.
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/upload?nama=besar.csv', method: 'POST', headers: { ...auth, 'content-length': '1000000' } });
      req.on('error', () => resolve());
      req.write('x'.repeat(1000), () => setImmediate(() => (req.destroy(), resolve())));
    });
    const still = await http(server.port, '/api/call/app.statistik', { method: 'POST', headers: { ...json, 'x-bermantra-token': server.token }, body: '{}' });
    assert.equal(still.status, 200, 'the server still answers');
  } finally {
    await server.close();
    ctx.close();
    t.cleanup();
  }
});
