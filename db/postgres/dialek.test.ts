import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kueriPg, nilaiPg } from './dialek';

// A service's SQLite query as the province's server runs it: the parameters numbered, quoted text untouched, and
// SQLite's planner hints and null-safe comparison said PostgreSQL's way.

test('kueriPg: named parameters become $n (a name used twice is one parameter), positional in order, text and names in quotes untouched', () => {
  const k = kueriPg("SELECT '@bukan' AS a, \"kolom:x\" FROM t WHERE x BETWEEN @dari AND @sampai AND y = @dari AND z = 'it''s @juga bukan'");
  assert.equal(k.teks, "SELECT '@bukan' AS a, \"kolom:x\" FROM t WHERE x BETWEEN $1 AND $2 AND y = $1 AND z = 'it''s @juga bukan'");
  assert.deepEqual(nilaiPg(k, { sampai: '2026-10', dari: '2026-01', lain: 1 }), ['2026-01', '2026-10']);
  const p = kueriPg('DELETE FROM r WHERE a = ? AND b = ?');
  assert.equal(p.teks, 'DELETE FROM r WHERE a = $1 AND b = $2');
  assert.deepEqual(nilaiPg(p, ['x', undefined]), ['x', null], 'undefined is sent as NULL, as better-sqlite3 binds it');
});

test("kueriPg: SQLite's forced join order and index dropped, its IS / IS NOT between values made null-safe comparisons, its LIKE case-blind", () => {
  assert.equal(
    kueriPg('SELECT 1 FROM kelompok k CROSS JOIN laporan_bulanan l INDEXED BY laporan_kelompok_dasbor ON l.kelompok_id = k.id CROSS JOIN wilayah').teks,
    'SELECT 1 FROM kelompok k JOIN laporan_bulanan l ON l.kelompok_id = k.id CROSS JOIN wilayah',
  );
  assert.equal(kueriPg('SELECT 1 WHERE a IS NOT b AND c IS d AND e IS NOT NULL AND f IS NULL').teks, 'SELECT 1 WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM d AND e IS NOT NULL AND f IS NULL');
  // SQLite's LIKE ignores letters' case; so does PostgreSQL's ILIKE.
  assert.equal(kueriPg("SELECT 1 WHERE nama LIKE @cari AND kode NOT LIKE '35%'").teks, "SELECT 1 WHERE nama ILIKE $1 AND kode NOT ILIKE '35%'");
});
