import { test } from 'node:test';
import { buatKelompok, buatAnggota } from '../../../test/rekaman';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AppError } from '../../common/errors';
import { daftarCatatan, simpanCatatan } from './catatan';

import { simpanLaporan, ajukanLaporan } from '../laporan/laporan';
import { bulanSebelumnya } from '../../common/laporan';
import { dokumenUsulanGerobak, pdfPerjanjian, penilaianGerobak, ringkasanMitra, simpanPenilaianGerobak } from './mitra';

import { tempDb } from '../../../test/db';

const today = '2026-11-29';

function setup() {
  const t = tempDb();
  const k = buatKelompok(t.db, { nama: 'KUBE Pentol Keliling', desa_kode: '35.07.01.2001', sektor: 'Perdagangan (toko, warung, dagang keliling)', produk_utama: 'pentol keliling', tahun_berdiri: 2022 }).id;
  const k2 = buatKelompok(t.db, { nama: 'KUBE Anyaman', desa_kode: '35.07.02.2001', sektor: 'Kerajinan', produk_utama: 'anyaman bambu', tahun_berdiri: 2022 }).id;
  buatAnggota(t.db, { kelompok_id: k, nik: '3507015203850003', nama: 'Siti Rahayu', jenis_kelamin: 'P', jabatan: 'ketua' });
  const sppg = simpanCatatan(t.db, 'offtaker', { nama: 'SPPG Donomulyo', jenis: 'SPPG', kecamatan_kode: '35.07.01', kapasitas_bulan: '45.000.000', produk_dibutuhkan: 'lauk' }).id;
  return { t, k, k2, sppg };
}

test('records are checked against their spec with Indonesian messages per field', () => {
  const { t, k, sppg } = setup();
  try {
    assert.throws(
      () => simpanCatatan(t.db, 'perjanjian', { nomor: 'PKS/1', tanggal: '2026-01-05', kelompok_id: k, offtaker_id: sppg, produk: 'pentol', volume: 'banyak', satuan: 'porsi', harga_satuan: 3000, mulai: '2026-02-01', selesai: '2026-01-01', status: 'aktif' }),
      (e: AppError) => e.details?.some((d) => d.field === 'volume' && /angka/.test(d.message)) === true && e.details?.some((d) => d.field === 'selesai') === true,
    );
    assert.throws(() => simpanCatatan(t.db, 'offtaker', { nama: 'X', jenis: 'Pasar malam' }), /Jenis harus salah satu dari/);
    assert.throws(() => simpanCatatan(t.db, 'perjanjian', { nomor: 'PKS/2', tanggal: '2026-01-05', kelompok_id: 'tidak-ada', offtaker_id: sppg, produk: 'p', volume: 1, satuan: 'kg', harga_satuan: 1, mulai: '2026-01-01', selesai: '2026-12-01', status: 'aktif' }), /Kelompok tidak ditemukan/);
    const list = daftarCatatan(t.db, 'offtaker', { cari: 'donomulyo' });
    assert.equal(list.total, 1);
    assert.equal(list.rows[0]!.nama.kecamatan_kode, 'Donomulyo');
    assert.equal(list.rows[0]!.data.kapasitas_bulan, 45_000_000);
  } finally {
    t.cleanup();
  }
});

test('the overview shows SPPG per kecamatan, agreements ending within 60 days, value per kecamatan and groups without an offtaker', () => {
  const { t, k, sppg } = setup();
  try {
    simpanCatatan(t.db, 'perjanjian', { nomor: 'PKS/1', tanggal: '2026-01-05', kelompok_id: k, offtaker_id: sppg, produk: 'pentol', volume: 400, satuan: 'porsi', harga_satuan: 3000, mulai: '2026-01-01', selesai: '2026-12-20', status: 'aktif' });
    const r = ringkasanMitra(t.db, today);
    assert.deepEqual(r.sppg_per_kecamatan.map((s) => [s.kecamatan, s.jumlah, s.kebutuhan_bulan]), [['Donomulyo', 1, 45_000_000]]);
    assert.deepEqual(r.perjanjian_berakhir.map((p) => [p.nomor, p.sisa_hari]), [['PKS/1', 21]]);
    assert.deepEqual(r.nilai_per_kecamatan.map((n) => [n.kecamatan, n.nilai_bulan]), [['Donomulyo', 1_200_000]]);
    assert.deepEqual(r.kelompok_tanpa_offtaker.map((g) => g.nama), ['KUBE Anyaman']);
  } finally {
    t.cleanup();
  }
});

test('cart aid: eligibility with reasons, the officer decides, and the letter and list show the proposed groups', async () => {
  const { t, k, k2, sppg } = setup();
  try {
    const month = today.slice(0, 7);
    const ids = [1, 2, 3].map((n) => simpanLaporan(t.db, { kelompok_id: k, periode: bulanSebelumnya(month, n), nilai: { omzet: 2_000_000, biaya: 1_000_000, anggota_aktif: 1 } }).laporan.id);
    ajukanLaporan(t.db, ids, new Date(`${today}T00:00:00Z`));
    const before = penilaianGerobak(t.db, 2026, today);
    const pentol = before.find((g) => g.kelompok_id === k)!;
    assert.equal(pentol.layak, true, pentol.alasan.join('; '));
    assert.match(pentol.alasan.join(), /aktif dalam 3 laporan bulanan terakhir/);
    const anyaman = before.find((g) => g.kelompok_id === k2)!;
    assert.equal(anyaman.layak, false);
    assert.match(anyaman.alasan.join(), /tidak memerlukan gerobak/);
    simpanPenilaianGerobak(t.db, { kelompok_id: k, tahun: 2026, usaha_keliling: true, keputusan: 'diusulkan', catatan: 'Gerobak lama hilang' });
    simpanCatatan(t.db, 'gerobak_diterima', { kelompok_id: k2, tahun: 2024, jumlah: 1, kondisi: 'baik' });
    assert.match(penilaianGerobak(t.db, 2026, today).find((g) => g.kelompok_id === k2)!.alasan.join(), /sudah menerima gerobak tahun 2024/);
    const pdf = join(t.dir, 'usulan.pdf');
    assert.equal((await dokumenUsulanGerobak(t.db, 2026, 'pdf', pdf)).jumlah, 1);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /DAFTAR USULAN PENERIMA BANTUAN GEROBAK TAHUN 2026/);
    assert.match(text, /KUBE Pentol Keliling/);
    assert.match(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }), /Siti\s+Rahayu/);
    assert.doesNotMatch(text, /KUBE Anyaman/);
    // A letter proposing nobody is not written: the officer is told what to do.
    await assert.rejects(() => dokumenUsulanGerobak(t.db, 2027, 'pdf', join(t.dir, 'kosong.pdf')), /Belum ada kelompok yang diusulkan untuk tahun 2027/);
    const agreement = simpanCatatan(t.db, 'perjanjian', { nomor: 'PKS/7', tanggal: '2026-01-05', kelompok_id: k, offtaker_id: sppg, produk: 'pentol', volume: 400, satuan: 'porsi', harga_satuan: 3000, mulai: '2026-01-01', selesai: '2026-12-20', status: 'draf' }).id;
    const pkPdf = join(t.dir, 'pks.pdf');
    await pdfPerjanjian(t.db, agreement, pkPdf);
    const pk = execFileSync('pdftotext', [pkPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(pk, /PERJANJIAN PEMBELIAN PRODUK/);
    assert.match(pk, /Meterai Rp10\.000/);
    assert.match(pk, /Rp1\.200\.000 \(satu juta dua ratus ribu rupiah\)/);
    assert.match(pk, /PIHAK PERTAMA/);
  } finally {
    t.cleanup();
  }
});
