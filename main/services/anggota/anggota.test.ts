import { test } from 'node:test';
import { buatKelompok, buatAnggota } from '../../../test/rekaman';
import assert from 'node:assert/strict';
import { AppError } from '../../common/errors';
import { daftarAnggota } from './anggota';
import { hapusKelompok } from '../kelompok/kelompok';
import { tempDb } from '../../../test/db';

const list = (db: Parameters<typeof daftarAnggota>[0], extra: Partial<Parameters<typeof daftarAnggota>[1]> = {}) =>
  daftarAnggota(db, { cari: '', ganda: false, terhapus: false, halaman: 1, per: 50, ...extra });

function kelompok(db: Parameters<typeof buatKelompok>[0], nama: string) {
  return buatKelompok(db, { nama, desa_kode: '35.07.01.2001', sektor: 'Jasa' }).id;
}

test('a NIK already in another group is refused until the officer confirms, then flagged as ganda', () => {
  const t = tempDb();
  try {
    const a = kelompok(t.db, 'KUBE A');
    const b = kelompok(t.db, 'KUBE B');
    buatAnggota(t.db, { kelompok_id: a, nik: '3507015203850003', nama: 'Siti', jenis_kelamin: 'P' });
    assert.throws(
      () => buatAnggota(t.db, { kelompok_id: b, nik: '3507015203850003', nama: 'Siti', jenis_kelamin: 'P' }),
      (e: AppError) => e.code === 'NIK_GANDA' && /KUBE A/.test(e.message) && /Tetap simpan/.test(e.message),
    );
    const saved = buatAnggota(t.db, { kelompok_id: b, nik: '3507015203850003', nama: 'Siti', jenis_kelamin: 'P', konfirmasiGanda: true });
    assert.match(saved.peringatan.join(), /NIK ganda/);
    const ganda = list(t.db, { ganda: true });
    assert.equal(ganda.total, 2);
    assert.ok(ganda.rows.every((r) => r.ganda));
    // Twice in the same group is never allowed
    assert.throws(() => buatAnggota(t.db, { kelompok_id: a, nik: '3507015203850003', nama: 'Siti', jenis_kelamin: 'P', konfirmasiGanda: true }), /sudah terdaftar di kelompok ini/);
  } finally {
    t.cleanup();
  }
});

test('an invalid NIK or No. KK is refused with a field message; a NIK disagreeing with the entered sex is saved with a warning', () => {
  const t = tempDb();
  try {
    const a = kelompok(t.db, 'KUBE A');
    assert.throws(() => buatAnggota(t.db, { kelompok_id: a, nik: '3507013102850003', nama: 'X', jenis_kelamin: 'L' }), (e: AppError) => e.details?.[0]?.field === 'nik');
    assert.throws(() => buatAnggota(t.db, { kelompok_id: a, nik: '3507011204900004', no_kk: '123', nama: 'X', jenis_kelamin: 'L' }), /No. KK harus 16 angka/);
    const saved = buatAnggota(t.db, { kelompok_id: a, nik: '3507 0152 0385 0003', nama: 'Budi', jenis_kelamin: 'L' });
    assert.match(saved.peringatan.join(), /perempuan/);
    assert.equal(list(t.db).rows[0]!.nik, '3507015203850003');
  } finally {
    t.cleanup();
  }
});

test('search finds by name, by NIK prefix and by group; a group with members cannot be deleted', () => {
  const t = tempDb();
  try {
    const a = kelompok(t.db, 'KUBE Melati');
    buatAnggota(t.db, { kelompok_id: a, nik: '3507015203850003', nama: 'Siti Rahayu', jenis_kelamin: 'P' });
    buatAnggota(t.db, { kelompok_id: a, nik: '3507011204900004', nama: 'Agus Santoso', jenis_kelamin: 'L' });
    assert.deepEqual(list(t.db, { cari: 'rahayu' }).rows.map((r) => r.nama), ['Siti Rahayu']);
    assert.deepEqual(list(t.db, { cari: '350701120' }).rows.map((r) => r.nama), ['Agus Santoso']);
    assert.equal(list(t.db, { cari: 'melati' }).total, 2);
    assert.throws(() => hapusKelompok(t.db, a, null), /masih memiliki 2 anggota/);
  } finally {
    t.cleanup();
  }
});
