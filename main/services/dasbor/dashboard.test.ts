import { test } from 'node:test';
import { buatKelompok } from '../../../test/rekaman';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ajukanLaporan, simpanLaporan } from '../laporan/laporan';
import { hapusKelompok } from '../kelompok/kelompok';
import { simpanCatatan } from '../mitra/catatan';
import { hitungDashboard, hitungMonev, simpanTarget } from './dashboard';
import { dokumenMonev } from './monev-dokumen';
import { tempDb } from '../../../test/db';
import { hitungKepatuhan, hitungRekap } from '../laporan/rekap';

const today = '2026-11-29';

function setup() {
  const t = tempDb();
  const kelompok = (nama: string, sektor: string, desa = '35.07.01.2001') => buatKelompok(t.db, { nama, desa_kode: desa, sektor }).id;
  const a = kelompok('KUBE A', 'Jasa');
  const b = kelompok('KUBE B', 'Kerajinan', '35.07.02.2001');
  // Both registered in 2025: from then on each month is expected.
  t.db.sqlite.prepare("UPDATE kelompok SET created_at = '2025-01-20T02:00:00.000Z'").run();
  const lapor = (k: string, periode: string, omzet: number, offtaker = 0) => {
    const id = simpanLaporan(t.db, { kelompok_id: k, periode, nilai: { omzet, biaya: omzet / 2, anggota_aktif: 10, penjualan_offtaker: offtaker } }).laporan.id;
    ajukanLaporan(t.db, [id], new Date(`${periode}-28T00:00:00Z`));
  };
  lapor(a, '2026-09', 1_000_000);
  lapor(a, '2026-10', 2_000_000, 500_000);
  lapor(b, '2026-10', 3_000_000);
  lapor(a, '2025-10', 4_000_000);
  return { t, a, b };
}

test('the dashboard headline figures, their change and the charts follow the filters', () => {
  const { t, a } = setup();
  try {
    const sppg = simpanCatatan(t.db, 'offtaker', { nama: 'SPPG X', jenis: 'SPPG' }).id;
    simpanCatatan(t.db, 'perjanjian', { nomor: 'P1', tanggal: '2026-01-01', kelompok_id: a, offtaker_id: sppg, produk: 'x', volume: 10, satuan: 'kg', harga_satuan: 1000, mulai: '2026-01-01', selesai: '2026-12-31', status: 'aktif' });
    const d = hitungDashboard(t.db, {}, today);
    assert.equal(d.bulan, '2026-10');
    assert.deepEqual(d.omzet_bulan, { nilai: 5_000_000, sebelumnya: 1_000_000 });
    assert.deepEqual(d.omzet_tahun_berjalan, { nilai: 6_000_000, sebelumnya: 4_000_000 });
    assert.equal(d.penjualan_offtaker_bulan.nilai, 500_000);
    assert.equal(d.kepatuhan_bulan.nilai, 100);
    assert.equal(d.kepatuhan_bulan.sebelumnya, 50);
    assert.equal(d.nilai_perjanjian_sppg_bulan, 10_000);
    assert.equal(d.seri_omzet.length, 24);
    assert.equal(d.seri_omzet[23]!.omzet, 5_000_000);
    assert.deepEqual(d.kelompok_per_sektor.map((s) => s.sektor).sort(), ['Jasa', 'Kerajinan']);
    const onlyB = hitungDashboard(t.db, { kecamatan: '35.07.02' }, today);
    assert.equal(onlyB.omzet_bulan.nilai, 3_000_000);
    assert.equal(onlyB.perjanjian_aktif.nilai, 0);
    assert.equal(d.peringkat, null);
  } finally {
    t.cleanup();
  }
});

test('e-monev: a year target of a flow is pro-rated to the period, stocks compare as they are; the recap prints', async () => {
  const { t } = setup();
  try {
    simpanTarget(t.db, { tahun: 2026, indikator: 'omzet', kecamatan_kode: null, nilai: 24_000_000 });
    simpanTarget(t.db, { tahun: 2026, indikator: 'anggota_aktif', kecamatan_kode: null, nilai: 25 });
    simpanTarget(t.db, { tahun: 2026, indikator: 'omzet', kecamatan_kode: null, nilai: 12_000_000 }); // replaces the first
    const year = hitungMonev(t.db, '2026', new Date(`${today}T00:00:00Z`));
    const omzet = year.baris.find((b) => b.indikator === 'omzet')!;
    assert.deepEqual([omzet.target, omzet.realisasi, omzet.persen], [12_000_000, 6_000_000, 50]);
    const oct = hitungMonev(t.db, '2026-10', new Date(`${today}T00:00:00Z`)).baris.find((b) => b.indikator === 'omzet')!;
    assert.deepEqual([oct.target, oct.realisasi], [1_000_000, 5_000_000]);
    const aktif = year.baris.find((b) => b.indikator === 'anggota_aktif')!;
    assert.deepEqual([aktif.target, aktif.realisasi, aktif.persen], [25, 20, 80]);
    assert.throws(() => simpanTarget(t.db, { tahun: 2026, indikator: 'kendala', kecamatan_kode: null, nilai: 1 }), /tidak berupa angka/);
    const pdf = join(t.dir, 'monev.pdf');
    await dokumenMonev(t.db, '2026', 'pdf', pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /REKAP E-MONEV PETI KOIN BERMANTRA TAHUN 2026/);
    assert.match(text, /Omzet penjualan\s+Rp12\.000\.000\s+Rp6\.000\.000\s+50,0%/);
  } finally {
    t.cleanup();
  }
});

test('the fast path (whole area) and the kelompok path (filters on kelompok) give the same figures; a deleted kelompok counts in neither', () => {
  const { t } = setup();
  try {
    const c = buatKelompok(t.db, { nama: 'KUBE C', desa_kode: '35.07.01.2001', sektor: 'Jasa' }).id;
    const id = simpanLaporan(t.db, { kelompok_id: c, periode: '2026-10', nilai: { omzet: 70_000_000, biaya: 1, anggota_aktif: 3 } }).laporan.id;
    ajukanLaporan(t.db, [id], new Date('2026-10-28T00:00:00Z'));
    hapusKelompok(t.db, c, 'kelompok bubar');
    const semua = hitungDashboard(t.db, {}, today);
    const kab = hitungDashboard(t.db, { kabupaten: '35.07' }, today);
    const parts = ['Jasa', 'Kerajinan'].map((sektor) => hitungDashboard(t.db, { sektor }, today));
    assert.equal(semua.omzet_bulan.nilai, 5_000_000, 'the deleted kelompok C is not counted');
    assert.deepEqual(kab.seri_omzet, semua.seri_omzet);
    for (const key of ['omzet_bulan', 'omzet_tahun_berjalan', 'penjualan_offtaker_bulan', 'anggota', 'kelompok_aktif'] as const) {
      assert.equal(parts[0]![key].nilai + parts[1]![key].nilai, semua[key].nilai, key);
    }
    semua.seri_omzet.forEach((s, i) => assert.equal(parts[0]!.seri_omzet[i]!.omzet + parts[1]!.seri_omzet[i]!.omzet, s.omzet, s.periode));
    assert.equal(hitungDashboard(t.db, { sektor: 'Jasa', kecamatan: '35.07.01' }, today).omzet_bulan.nilai, 2_000_000);
  } finally {
    t.cleanup();
  }
});

test('every page counts reporting compliance the same way: a kelompok is expected from the month after it was registered', () => {
  const { t } = setup();
  try {
    // Registered on 5 October 2026: October is not expected of it, November (not over yet) neither.
    const baru = buatKelompok(t.db, { nama: 'KUBE Baru', desa_kode: '35.07.01.2001', sektor: 'Jasa' }).id;
    t.db.sqlite.prepare("UPDATE kelompok SET created_at = '2026-10-05T02:00:00.000Z' WHERE id = ?").run(baru);
    const d = hitungDashboard(t.db, { bulan: '2026-10' }, today);
    assert.equal(d.kelompok_aktif.nilai, 3);
    assert.equal(d.kepatuhan_bulan.nilai, 100, 'Beranda: 2 of the 2 kelompok expected in October reported');
    const k = hitungKepatuhan(t.db, '2026-10', new Date(`${today}T12:00:00Z`));
    assert.deepEqual([k.total.diharapkan, k.total.masuk, k.total.persen], [2, 2, 100], 'Kepatuhan tab: the same figure');
    assert.deepEqual(k.kelompok.find((g) => g.id === baru)!.status, ['belum_wajib']);
    const rekap = hitungRekap(t.db, '2026-10', 'kabupaten', new Date(`${today}T12:00:00Z`));
    assert.equal(rekap.total.kelengkapan, '2 dari 2 laporan', 'the monthly recap: the same');
    assert.equal(rekap.total.hilang.length, 0);
    const semester = hitungKepatuhan(t.db, '2026-S2', new Date(`${today}T12:00:00Z`));
    assert.deepEqual(semester.kelompok.find((g) => g.id === baru)!.status, ['belum_wajib', 'belum_wajib', 'belum_wajib', 'belum_wajib']);
    assert.equal(semester.total.diharapkan, 8, 'July-October for the two older kelompok only');
    // November: the new kelompok is expected from now on; a month later, compliance shows it missing.
    const dec = hitungDashboard(t.db, { bulan: '2026-11' }, '2026-12-15');
    assert.equal(dec.kepatuhan_bulan.nilai, 0);
    assert.equal(hitungKepatuhan(t.db, '2026-11', new Date('2026-12-15T12:00:00Z')).total.diharapkan, 3);
  } finally {
    t.cleanup();
  }
});
