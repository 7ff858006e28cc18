import { test } from 'node:test';
import { buatAnggota, buatKelompok, buatProposal } from '../../../test/rekaman';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { batasPengembalian, hitungKelayakan, samarkanNik } from '../../common/proposal';
import { AppError } from '../../common/errors';


import { ambilProposal, simpanRab, ubahStatusProposal } from './proposal';
import { imporRabXlsx, pdfProposal, rabXlsx } from './dokumen';
import { tempDb } from '../../../test/db';

function setup() {
  const t = tempDb();
  const k = buatKelompok(t.db, { nama: 'KUBE Melati', desa_kode: '35.07.01.2001', sektor: 'Kuliner dan olahan pangan', produk_utama: 'keripik', tahun_berdiri: 2021 }).id;
  buatAnggota(t.db, { kelompok_id: k, nik: '3507015203850003', nama: 'Siti Rahayu', jenis_kelamin: 'P', jabatan: 'ketua' });
  const { id } = buatProposal(t.db, {
    kelompok_id: k,
    judul: 'Proposal Pengembangan Usaha Keripik',
    nomor_surat: '500/12/35.07.301/2025',
    tempat: 'Kepanjen',
    tanggal: '2025-11-05',
    lampiran: '1 (satu) berkas',
    perihal: 'Permohonan bantuan peralatan',
    dinas: 'Dinas Koperasi dan Usaha Kecil dan Menengah',
    kepala_desa: 'Sutrisno',
    sertakan_omzet: true,
    isi: { latar_belakang: 'Permintaan keripik naik.' },
    proyeksi: { modal_investasi: 12_000_000, biaya_tetap_bulan: 600_000, biaya_variabel_unit: 6_000, harga_jual_unit: 10_000, penjualan_bulan: 500 },
  });
  return { t, id };
}

test('feasibility: BEP, monthly profit, R/C and payback follow from the projection', () => {
  const k = hitungKelayakan({ modal_investasi: 12_000_000, biaya_tetap_bulan: 600_000, biaya_variabel_unit: 6_000, harga_jual_unit: 10_000, penjualan_bulan: 500 });
  assert.equal(k.bep_unit, 150);
  assert.equal(k.bep_rupiah, 1_500_000);
  assert.equal(k.laba_bulan, 1_400_000);
  assert.equal(k.rc_ratio, 1.39);
  assert.equal(k.payback_bulan, 8.6);
  assert.equal(k.layak, true);
  assert.equal(hitungKelayakan({ biaya_tetap_bulan: 1, biaya_variabel_unit: 10, harga_jual_unit: 9, penjualan_bulan: 1 }).layak, false);
  assert.equal(samarkanNik('3507015203850003'), '350701******0003');
});

test('a proposal that earns back its money only after the payback limit is not feasible, and says why', () => {
  // Profitable, R/C above 1, sales above break-even: but Rp221.105.000 at Rp3.104.000 a month is 71,2 months.
  const proyeksi = { biaya_tetap_bulan: 700_000, biaya_variabel_unit: 5_000, harga_jual_unit: 11_000, penjualan_bulan: 634 };
  const rab = [{ kelompok_belanja: 'Peralatan', uraian: 'Gerobak', volume: 1, satuan: 'unit', harga_satuan: 221_105_000 }];
  const k = hitungKelayakan(proyeksi, rab);
  assert.equal(k.payback_bulan, 71.2);
  assert.equal(k.layak, false);
  assert.equal(k.alasan, 'Belum layak: kembali dalam 71,2 bulan > batas 36 bulan.');
  // The office may set a longer limit (Pengaturan): then every criterion is named in the verdict.
  const panjang = hitungKelayakan(proyeksi, rab, 72);
  assert.equal(panjang.layak, true);
  assert.equal(panjang.alasan, 'Layak: laba Rp3.104.000 per bulan; rasio R/C 1,8 > 1; penjualan 634 unit ≥ titik impas 117 unit; kembali dalam 71,2 bulan ≤ batas 72 bulan.');
  // Sales below break-even fail even with profit elsewhere impossible: the reason names it.
  assert.match(hitungKelayakan({ ...proyeksi, penjualan_bulan: 100 }, rab).alasan, /penjualan 100 unit < titik impas 117 unit/);
  assert.equal(batasPengembalian('48'), 48);
  for (const salah of ['', '0', '-3', '1e3', '12,5', 'abc', null]) assert.equal(batasPengembalian(salah), 36, String(salah));
});

test('the RAB adds up in integer Rupiah with subtotals, total and terbilang; an approved proposal is locked', () => {
  const { t, id } = setup();
  try {
    simpanRab(t.db, id, [
      { kelompok_belanja: 'Peralatan', uraian: 'Wajan', volume: 2, satuan: 'buah', harga_satuan: 275_000 },
      { kelompok_belanja: 'Bahan baku', uraian: 'Singkong', volume: 12.5, satuan: 'kg', harga_satuan: 4_001 },
      { kelompok_belanja: 'Peralatan', uraian: 'Sealer', volume: 1, satuan: 'unit', harga_satuan: 1_250_000 },
    ]);
    const p = ambilProposal(t.db, id);
    assert.deepEqual(p.rab.groups.map((g) => [g.kelompok_belanja, g.subtotal]), [['Peralatan', 1_800_000], ['Bahan baku', 50_013]]);
    assert.equal(p.rab.total, 1_850_013);
    assert.equal(p.rab.terbilang, 'satu juta delapan ratus lima puluh ribu tiga belas rupiah');
    assert.deepEqual(p.profil.pengurus, [{ jabatan: 'ketua', nama: 'Siti Rahayu' }]);
    assert.throws(() => ubahStatusProposal(t.db, id, 'disetujui', null), /nilai yang disetujui/);
    ubahStatusProposal(t.db, id, 'disetujui', 1_800_000);
    assert.throws(() => simpanRab(t.db, id, []), (e: AppError) => e.code === 'PROPOSAL_TERKUNCI');
  } finally {
    t.cleanup();
  }
});

test('the proposal PDF is addressed to Gubernur c.q. Kepala Dinas, masks NIKs, and a 150-line RAB repeats its header on every page', async () => {
  const { t, id } = setup();
  try {
    simpanRab(
      t.db,
      id,
      Array.from({ length: 150 }, (_, i) => ({ kelompok_belanja: ['Peralatan', 'Bahan baku', 'Operasional'][Math.floor(i / 50)]!, uraian: `Barang nomor ${i + 1}`, volume: 1 + (i % 7), satuan: 'unit', harga_satuan: 10_000 + i * 100 })),
    );
    const path = join(t.dir, 'proposal.pdf');
    await pdfProposal(t.db, id, path);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    assert.match(text, /Gubernur Jawa Timur/);
    // The addressee block may wrap in its column: read it as running text.
    const surat = execFileSync('pdftotext', ['-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(surat, /Yth\. Gubernur Jawa Timur c\.q\. Kepala Dinas Koperasi dan Usaha Kecil dan Menengah Provinsi Jawa Timur di Surabaya/);
    assert.doesNotMatch(text.split('\f')[0]!, /Halaman/, 'the letter carries no page number of the proposal');
    assert.match(text, /350701\*{6}0003/);
    assert.doesNotMatch(text, /3507015203850003/);
    assert.match(text, /Terbilang: /);
    assert.match(text, /Rp\d{1,3}(\.\d{3})+/);
    const pages = text.split('\f').filter((p) => /Barang nomor/.test(p));
    assert.ok(pages.length >= 3, `RAB spans ${pages.length} pages`);
    for (const page of pages) assert.match(page, /No\s+Uraian\s+Volume\s+Satuan\s+Harga satuan\s+Jumlah/);
    assert.match(text, /Halaman 1 dari \d+/);
    await pdfProposal(t.db, id, path, { nikLengkap: true });
    assert.match(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }), /3507015203850003/);
  } finally {
    t.cleanup();
  }
});

test('the RAB xlsx carries formulas with their values and imports back to the same items', async () => {
  const { t, id } = setup();
  try {
    const items = [
      { kelompok_belanja: 'Peralatan', uraian: 'Wajan', volume: 2, satuan: 'buah', harga_satuan: 275_000 },
      { kelompok_belanja: 'Bahan baku', uraian: 'Singkong', volume: 12.5, satuan: 'kg', harga_satuan: 4_000 },
    ];
    simpanRab(t.db, id, items);
    const path = join(t.dir, 'rab.xlsx');
    await rabXlsx(t.db, id, path);
    const xml = strFromU8(unzipSync(readFileSync(path))['xl/worksheets/sheet1.xml']!);
    // Data starts under the title rows and the frozen column names (row 4), with an auto-filter on them.
    assert.match(xml, /<f>ROUND\(D5\*F5,0\)<\/f><v>550000<\/v>/);
    assert.match(xml, /<f>SUM\(G5:G5\)<\/f><v>550000<\/v>/);
    assert.match(xml, /<pane ySplit="4"[^>]*state="frozen"/);
    assert.match(xml, /<autoFilter ref="A4:G4"\/>/);
    const back = await imporRabXlsx(path);
    assert.deepEqual(back, items);
  } finally {
    t.cleanup();
  }
});

test('the list of Dinas to address proposals to can be edited per office', async () => {
  const { t } = setup();
  try {
    const { daftarDinas, simpanDaftarDinas } = await import('./proposal');
    assert.ok(daftarDinas(t.db).includes('Dinas Sosial'));
    assert.deepEqual(simpanDaftarDinas(t.db, ['Dinas Sosial', ' Dinas Pariwisata ', 'Dinas Sosial']), ['Dinas Sosial', 'Dinas Pariwisata']);
    assert.deepEqual(daftarDinas(t.db), ['Dinas Sosial', 'Dinas Pariwisata']);
  } finally {
    t.cleanup();
  }
});
