import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import test from 'node:test';

// The three doors (Electron window, web shell, CLI) are siblings over dispatch: each imports only main/api,
// main/common and its own files, and the CLI holds no SQL.

const ROOT = resolve(import.meta.dirname, '..', '..');

function sumber(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f));
}

function impor(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => relative(ROOT, resolve(dirname(join(ROOT, file)), m[1]!)));
}

for (const pintu of ['main/electron', 'main/web', 'main/cli']) {
  test(`${pintu} imports only main/api, main/common and its own files`, () => {
    const salah = sumber(pintu).flatMap((f) => impor(f).filter((i) => !i.startsWith('main/api/') && !i.startsWith('main/common/') && !i.startsWith(`${pintu}/`)).map((i) => `${f} → ${i}`));
    assert.deepEqual(salah, []);
  });
}

test('the CLI holds no SQL and calls no service', () => {
  for (const f of sumber('main/cli')) {
    const text = readFileSync(join(ROOT, f), 'utf8');
    assert.doesNotMatch(text, /\b(SELECT|INSERT|UPDATE|DELETE)\s+(\*|[a-z_]+\s+(FROM|INTO|SET)|FROM|INTO)\b/i, f);
    assert.doesNotMatch(text, /\.sqlite\.|\.prepare\(/, f);
  }
});

/** The domain a file of main/services belongs to (its folder), or null. */
const domainDari = (f: string): string | null => /^main\/services\/([^/]+)(\/|$)/.exec(f)?.[1] ?? null;

test('each domain has one door: other domains and the handlers import only main/services/<domain>/index.ts', () => {
  const salah = sumber('main')
    .flatMap((f) => impor(f).map((i) => [f, i] as const))
    .filter(([f, i]) => {
      const tujuan = domainDari(i);
      return tujuan !== null && tujuan !== domainDari(f) && i !== `main/services/${tujuan}` && i !== `main/services/${tujuan}/index` && i !== `main/services/${tujuan}/index.ts`;
    })
    .map(([f, i]) => `${f} → ${i}`);
  assert.deepEqual(salah, []);
});

test('no two domains import each other (arrows between domains run one way)', () => {
  const panah = new Set<string>();
  for (const f of sumber('main/services')) {
    for (const i of impor(f)) {
      const [a, b] = [domainDari(f), domainDari(i)];
      if (a && b && a !== b) panah.add(`${a}→${b}`);
    }
  }
  const bolakBalik = [...panah].filter((p) => panah.has(p.split('→').reverse().join('→')));
  assert.deepEqual(bolakBalik, []);
});

test('no SQL text crosses a domain boundary: a domain\'s door exports no SQL constant or builder', () => {
  const salah: string[] = [];
  for (const f of sumber('main/services').filter((f) => f.endsWith('/index.ts'))) {
    for (const [, berkas] of readFileSync(join(ROOT, f), 'utf8').matchAll(/export \* from '\.\/([^']+)'/g)) {
      const teks = readFileSync(join(ROOT, dirname(f), `${berkas}.ts`), 'utf8');
      for (const [, nama] of teks.matchAll(/export (?:const|function) (\w*(?:_SQL|Sql)\w*)/g)) salah.push(`${dirname(f)}/${berkas}.ts: ${nama}`);
    }
  }
  assert.deepEqual(salah, []);
});

test('handlers only map: no query, no record writing, no archive built, no file read or written in main/api/handlers', () => {
  for (const f of sumber('main/api/handlers')) {
    const text = readFileSync(join(ROOT, f), 'utf8');
    assert.doesNotMatch(text, /RecordWriter|\.q\.(selectFrom|insertInto|updateTable|deleteFrom)|\.prepare\(|\.sqlite\b|zipSync|node:fs|readFileSync|writeFileSync/, f);
  }
});

test('renderer: a page folder imports no other page folder; shared components and hooks import no page', () => {
  const berkas = readdirSync(join(ROOT, 'renderer/src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join('renderer/src', f));
  const halaman = (f: string) => /^renderer\/src\/pages\/([^/]+)\//.exec(f)?.[1] ?? null;
  const salah = berkas.flatMap((f) =>
    impor(f)
      .filter((i) => halaman(i) !== null && (halaman(f) === null ? !f.endsWith('App.tsx') : halaman(i) !== halaman(f)))
      .map((i) => `${f} → ${i}`),
  );
  assert.deepEqual(salah, []);
  assert.ok(berkas.filter((f) => halaman(f)).length >= 20, 'the pages were found');
});
