import assert from 'node:assert/strict';
import test from 'node:test';
import { openDatabase } from '../../db/connection';
import { KOLOM_AUDIT, kolomLengkap, REGISTER, SYNCED_TABLES, type KolomSpec } from './register';

const TIPE_SQL: Record<KolomSpec['tipe'], string> = { teks: 'TEXT', bulat: 'INTEGER', desimal: 'REAL' };

interface Info {
  name: string;
  type: string;
  notnull: number;
  hidden: number;
}

test('the register describes every column of every synced table of a freshly migrated database, and nothing else', () => {
  const db = openDatabase(':memory:');
  try {
    const salah: string[] = [];
    for (const tabel of SYNCED_TABLES) {
      // Generated columns (hidden 2 or 3) are recomputed from the others and never travel.
      const info = (db.sqlite.prepare(`PRAGMA table_xinfo(${tabel})`).all() as Info[]).filter((c) => c.hidden === 0);
      assert.ok(info.length > 0, `tabel ${tabel} ada di register tetapi tidak ada di basis data`);
      const spec = kolomLengkap(tabel);
      for (const c of info) {
        const k = spec[c.name];
        if (!k) {
          salah.push(`${tabel}.${c.name}: ada di tabel, tidak ada di register`);
          continue;
        }
        if (TIPE_SQL[k.tipe] !== c.type) salah.push(`${tabel}.${c.name}: tabel ${c.type}, register ${k.tipe}`);
        if (k.wajib !== (c.notnull === 1 || c.name === 'id')) salah.push(`${tabel}.${c.name}: NOT NULL ${c.notnull === 1} di tabel, wajib ${k.wajib} di register`);
      }
      for (const name of Object.keys(spec)) if (!info.some((c) => c.name === name)) salah.push(`${tabel}.${name}: ada di register, tidak ada di tabel`);
      // Every foreign key of a synced table names a synced table the register knows as the column's reference.
      const fks = db.sqlite.prepare(`PRAGMA foreign_key_list(${tabel})`).all() as { table: string; from: string; to: string }[];
      for (const fk of fks) {
        if (spec[fk.from]?.ref !== fk.table) salah.push(`${tabel}.${fk.from}: merujuk ${fk.table} di tabel, ${spec[fk.from]?.ref ?? 'tidak merujuk'} di register`);
      }
      for (const [name, k] of Object.entries(spec)) {
        if (k.ref && !fks.some((fk) => fk.from === name)) salah.push(`${tabel}.${name}: merujuk ${k.ref} di register, tanpa foreign key di tabel`);
      }
    }
    assert.deepEqual(salah, []);
  } finally {
    db.close();
  }
});

test('the register describes the audit table that travels with bundles, column by column', () => {
  const db = openDatabase(':memory:');
  try {
    const info = db.sqlite.prepare('PRAGMA table_info(audit)').all() as Info[];
    assert.deepEqual(
      info.map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}`),
      Object.entries(KOLOM_AUDIT as Record<string, KolomSpec>).map(([c, k]) => `${c} ${TIPE_SQL[k.tipe]}${k.wajib ? ' NOT NULL' : ''}`),
    );
  } finally {
    db.close();
  }
});

test('every reference in the register names a synced table, and every text column has a limit', () => {
  for (const tabel of SYNCED_TABLES) {
    for (const [name, k] of Object.entries(kolomLengkap(tabel))) {
      if (k.ref) assert.ok(SYNCED_TABLES.includes(k.ref), `${tabel}.${name} merujuk ${k.ref}`);
      if (k.tipe === 'teks') assert.ok(k.maks && k.maks > 0, `${tabel}.${name} tanpa batas panjang`);
    }
    assert.ok(REGISTER[tabel].label.length > 0);
  }
});
