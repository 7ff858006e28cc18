import { test } from 'node:test';
import { buatKelompok, buatAnggota } from '../../../test/rekaman';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { AppError } from '../../common/errors';
import { daftarCatatan, simpanCatatan } from './catatan';

import { simpanLaporan, ajukanLaporan } from '../laporan/laporan';
import { bulanSebelumnya } from '../../common/laporan';
import { dokumenUsulanGerobak, penilaianGerobak, ringkasanMitra, simpanPenilaianGerobak } from './mitra';
import { pdfPerjanjian } from './perjanjian-dokumen';
import { peringatanCatatan } from '../../common/mitra';
import { daftarSuratKeluar, simpanNilai } from '../pengaturan';

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
    // The table names the kecamatan; reasons read as a sentence, the sector without nested brackets.
    assert.match(text, /Kecamatan/);
    assert.match(text, /Gerobak lama hilang; petugas menilai/);
    assert.match(text.replace(/\s+/g, ' '), /usaha pentol keliling \(perdagangan\)/);
    assert.doesNotMatch(text, /\(\w+ \(/);
    assert.match(text.replace(/\s+/g, ' '), /perkenan Bapak\/ ?Ibu/);
    // Without a number the letter has a line to write it on and nothing is registered; with one it is kept.
    assert.match(text, /Nomor\s+: \.{6,}/);
    assert.deepEqual(daftarSuratKeluar(t.db), []);
    await dokumenUsulanGerobak(t.db, 2026, 'pdf', pdf, { nomor: '500/77/35.07.301/2026' });
    const surat = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(surat, /Nomor\s+: 500\/77\/35\.07\.301\/2026/);
    assert.match(surat.replace(/\s+/g, ' '), /LAMPIRAN SURAT KEPALA [A-Z ]+ KABUPATEN MALANG NOMOR : 500\/77\/35\.07\.301\/2026/);
    assert.deepEqual(daftarSuratKeluar(t.db).map((s) => [s.nomor, s.hal, s.jenis, s.rujukan]), [['500/77/35.07.301/2026', 'Usulan Penerima Bantuan Gerobak Tahun 2026', 'gerobak', '2026']]);
    // Printed again without typing: the same number, still one row. Another letter with it is refused, nothing written.
    await dokumenUsulanGerobak(t.db, 2026, 'pdf', pdf);
    assert.match(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }), /Nomor\s+: 500\/77\//);
    simpanPenilaianGerobak(t.db, { kelompok_id: k, tahun: 2027, usaha_keliling: true, keputusan: 'diusulkan', catatan: null });
    await assert.rejects(() => dokumenUsulanGerobak(t.db, 2027, 'pdf', join(t.dir, 'lain.pdf'), { nomor: '500/77/35.07.301/2026' }), /Nomor 500\/77\/35\.07\.301\/2026 sudah dipakai untuk surat "Usulan Penerima Bantuan Gerobak Tahun 2026"/);
    assert.equal(daftarSuratKeluar(t.db).length, 1);
    assert.ok(!existsSync(join(t.dir, 'lain.pdf')));
    assert.match(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }), /Siti\s+Rahayu/);
    assert.doesNotMatch(text, /KUBE Anyaman/);
    // A letter proposing nobody is not written: the officer is told what to do.
    await assert.rejects(() => dokumenUsulanGerobak(t.db, 2028, 'pdf', join(t.dir, 'kosong.pdf')), /Belum ada kelompok yang diusulkan untuk tahun 2028/);
    const agreement = simpanCatatan(t.db, 'perjanjian', { nomor: 'PKS/7', tanggal: '2026-01-05', kelompok_id: k, offtaker_id: sppg, produk: 'pentol', volume: 400, satuan: 'porsi', harga_satuan: 3000, mulai: '2026-01-01', selesai: '2026-12-20', status: 'draf' }).id;
    const pkPdf = join(t.dir, 'pks.pdf');
    simpanNilai(t.db, 'kepala_nama', 'Dr. Ir. Budi Santoso, M.T.');
    // A draft, and the buyer's representative unnamed: a DRAF with lines to fill by hand, never a placeholder.
    assert.deepEqual(await pdfPerjanjian(t.db, agreement, pkPdf), { draf: true, kekurangan: ['nama wakil pembeli', 'jabatan wakil pembeli'] });
    const draf = execFileSync('pdftotext', [pkPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(draf, /DRAF — belum untuk ditandatangani/);
    assert.doesNotMatch(draf, /belum diisi|belum tercatat/);
    assert.match(draf, /: \.{20,} Instansi\/usaha/);
    // Starting before it is signed: said while editing, not refused.
    assert.match(peringatanCatatan('perjanjian', { tanggal: '2026-01-05', mulai: '2026-01-01', status: 'aktif' }).join(' '), /berlaku sebelum tanggal penandatanganannya/);
    simpanCatatan(t.db, 'perjanjian', { id: agreement, nomor: 'PKS/7', tanggal: '2026-01-05', kelompok_id: k, offtaker_id: sppg, wakil_pembeli: 'Dewi Lestari', jabatan_wakil: 'Kepala SPPG Donomulyo', produk: 'pentol', volume: 400, satuan: 'porsi', harga_satuan: 3000, mulai: '2026-01-05', selesai: '2026-12-20', status: 'aktif' });
    assert.deepEqual(await pdfPerjanjian(t.db, agreement, pkPdf), { draf: false, kekurangan: [] });
    const pk = execFileSync('pdftotext', [pkPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.doesNotMatch(pk, /DRAF|\.{20,}/);
    assert.match(pk, /PERJANJIAN PEMBELIAN PRODUK/);
    assert.match(pk, /Pada hari ini, Senin, tanggal 5 Januari 2026, bertempat di \S+/);
    assert.match(pk, /Meterai Rp10\.000/);
    assert.match(pk, /Rp1\.200\.000 \(satu juta dua ratus ribu rupiah\)/);
    // The whole contract's value: 12 months of deliveries (January to December), with terbilang.
    assert.match(pk, /untuk 12 \(dua belas\) bulan Rp14\.400\.000 \(empat belas juta empat ratus ribu rupiah\)/);
    for (const judul of ['Pengakhiran Perjanjian', 'Keadaan Kahar', 'Penyelesaian Perselisihan']) assert.match(pk, new RegExp(`Pasal \\d ${judul}`), judul);
    assert.match(pk, /masing‑masing bermeterai/);
    assert.match(pk, /PIHAK PERTAMA/);
  } finally {
    t.cleanup();
  }
});

test('cart aid at the province: the share in desil 1–4 comes from the counts per kelompok the district sent (no person’s result travels); the list of every district’s proposals, no letter', async () => {
  const { t, k } = setup();
  try {
    buatAnggota(t.db, { kelompok_id: k, nik: '3507016105900002', nama: 'Sri Wahyuni', jenis_kelamin: 'P' });
    simpanPenilaianGerobak(t.db, { kelompok_id: k, tahun: 2026, usaha_keliling: true, keputusan: 'diusulkan', catatan: 'Gerobak lama rusak' });
    // The same rows as the province holds them after an import: the group, its two members, the district's counts.
    t.db.sqlite.prepare("UPDATE pengaturan SET nilai = 'provinsi' WHERE kunci = 'mode'").run();
    const desil = Array.from({ length: 10 }, (_, i) => (i === 1 || i === 6 ? 1 : 0));
    t.db.sqlite.prepare(`INSERT INTO dtsen_ringkasan VALUES (?, '35.07', 'DTSEN', '2026-10-01', 2, 2, ${desil.join(', ')})`).run(k);
    const pentol = penilaianGerobak(t.db, 2026, today).find((g) => g.kelompok_id === k)!;
    assert.equal(pentol.persen_desil_1_4, 50);
    assert.match(pentol.alasan.join('; '), /50% anggota di desil 1–4/);
    assert.doesNotMatch(pentol.alasan.join('; '), /belum ada hasil pencocokan/);
    assert.equal(pentol.kabupaten_kode, '35.07');
    // The province receives the districts' letters: it takes the list of every district's proposed groups, each named
    // with its district, and writes no letter of its own.
    const pdf = join(t.dir, 'usulan-provinsi.pdf');
    await assert.rejects(() => dokumenUsulanGerobak(t.db, 2026, 'pdf', pdf), /dikirim kabupaten\/kota kepada Gubernur c\.q\. Bappeda Provinsi; provinsi menerimanya/);
    assert.equal(existsSync(pdf), false);
    const xlsx = join(t.dir, 'usulan-provinsi.xlsx');
    assert.equal((await dokumenUsulanGerobak(t.db, 2026, 'xlsx', xlsx)).jumlah, 1);
    const baris = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(xlsx)).Sheets['Usulan gerobak 2026']!, { header: 1 });
    const kepala = baris.findIndex((r) => r.includes('Kabupaten/kota'));
    assert.ok(kepala >= 0, 'a district column');
    assert.deepEqual(baris[kepala + 1]!.slice(0, 3), [1, 'Kabupaten Malang', 'KUBE Pentol Keliling']);
  } finally {
    t.cleanup();
  }
});
