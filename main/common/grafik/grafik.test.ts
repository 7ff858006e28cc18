import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kabupatenJatim } from '../../services/wilayah/wilayah';
import { svgGrafik, WILAYAH_PETA } from './echarts';
import { formatRupiahRingkas, grafikDasbor, grafikDesil, grafikOmzet, grafikPeta } from './dasbor';
import petaJatim from './jatim_kabkota.json';
import type { Dashboard } from '../api';

const luas = (kode: string) => {
  const f = (petaJatim as unknown as { features: { properties: { kode: string }; geometry: { type: string; coordinates: number[][][] | number[][][][] } }[] }).features.find((x) => x.properties.kode === kode)!;
  const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
  return polys.reduce((a, p) => a + Math.abs(p[0]!.reduce((s, q, i) => (i ? s + p[0]![i - 1]![0]! * q[1]! - q[0]! * p[0]![i - 1]![1]! : 0), 0) / 2), 0);
};

test('the shipped map holds the 38 kabupaten/kota of the region list, each kota smaller than the kabupaten of its name, Jember whole', () => {
  // The app's own region list (db/reference, from the same Kepmendagri edition).
  assert.deepEqual(WILAYAH_PETA.map((w) => w.kode), kabupatenJatim().map((k) => k.kode).sort());
  assert.deepEqual(WILAYAH_PETA.map((w) => w.nama), WILAYAH_PETA.map((w) => kabupatenJatim().find((k) => k.kode === w.kode)!.nama));
  for (const w of WILAYAH_PETA.filter((x) => x.nama.startsWith('Kota '))) {
    const kab = WILAYAH_PETA.find((x) => x.nama === w.nama.replace('Kota ', 'Kabupaten '));
    if (kab) assert.ok(luas(w.kode) < luas(kab.kode) / 5, `${w.nama} (${luas(w.kode).toFixed(3)}) lebih kecil dari ${kab.nama} (${luas(kab.kode).toFixed(3)})`);
  }
  // Jember is about 3,300 km² (~0.27 deg²); the reference file held only its old city centre.
  assert.ok(luas('35.09') > 0.2);
});

test('the map draws every region: programme districts coloured and outlined, the others grey; same data, same SVG', () => {
  const baris = [
    { kode: '35.07', nama: 'Kabupaten Malang', kelompok: 30, anggota: 900, omzet_tahun: 5e9, kepatuhan: 80, nilai_perjanjian: 1e8 },
    { kode: '35.78', nama: 'Kota Surabaya', kelompok: 10, anggota: 300, omzet_tahun: 1e9, kepatuhan: 60, nilai_perjanjian: 0 },
  ];
  const g = grafikPeta(baris, 'omzet_tahun');
  const svg = svgGrafik(g.opsi, 900, 420);
  assert.equal((svg.match(/fill="#e3e3e3"/g) ?? []).length, 36, 'non-programme regions are grey');
  assert.equal((svg.match(/stroke="#1a1a1a"/g) ?? []).length, 2, 'programme districts are outlined');
  assert.match(svg, /Rp5\.000\.000\.000/, 'the legend shows the maximum in Rupiah');
  assert.equal(svgGrafik(g.opsi, 900, 420), svg);
  assert.deepEqual(g.tabel[0], ['Kode', 'Kabupaten/kota', 'Omzet tahun berjalan']);
  assert.deepEqual(g.tabel[1], ['35.07', 'Kabupaten Malang', 'Rp5.000.000.000']);
});

test('charts speak Indonesian: month names, short Rupiah on the axis, "Belum ada data" when empty', () => {
  assert.equal(formatRupiahRingkas(1_250_000), 'Rp1,3 jt');
  assert.equal(formatRupiahRingkas(2_500_000_000), 'Rp2,5 M');
  const seri = Array.from({ length: 24 }, (_, i) => ({ periode: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, omzet: (i + 1) * 1e6, laba: i * 1e5, ada_laporan: true }));
  const svg = svgGrafik(grafikOmzet({ seri_omzet: seri }).opsi, 640, 300);
  assert.match(svg, /Okt 25/);
  assert.doesNotMatch(svg, /Oct|May|Aug|Dec/);
  assert.match(svg, /Rp\d+ jt/);
  const kosong = grafikDesil({ desil: Array(10).fill(0) });
  assert.equal(kosong.kosong, true);
  assert.match(svgGrafik(kosong.opsi, 400, 240), /Belum ada data/);
  assert.equal(kosong.tabel.length, 11, 'the table still lists every desil');
});

test('a month without reports is a gap in the omzet chart and says so in its table, not a fall to Rp0', () => {
  const seri = ['2026-07', '2026-08', '2026-09'].map((periode, i) => ({ periode, omzet: i === 1 ? 0 : 5e6, laba: i === 1 ? 0 : 1e6, ada_laporan: i !== 1 }));
  const g = grafikOmzet({ seri_omzet: seri });
  const data = (g.opsi as { series: { data: (number | null)[] }[] }).series[0]!.data;
  assert.deepEqual(data, [5e6, null, 5e6]);
  assert.deepEqual(g.tabel[2], ['Agustus 2026', 'belum ada laporan', '–']);
});

test('every dashboard chart has a table whose first row names its columns', () => {
  const d = {
    seri_omzet: [{ periode: '2026-10', omzet: 1000, laba: 100, ada_laporan: true }],
    desil: [1, 2, 3, 0, 0, 0, 0, 0, 0, 0],
    kepatuhan_fasilitator: [{ nama: 'Siti', diharapkan: 4, masuk: 3, persen: 75 }],
    perjanjian_per_jenis: [{ jenis: 'SPPG', jumlah: 2, nilai_bulan: 5_000_000 }],
    kelompok_per_sektor: [{ sektor: 'Kuliner', jumlah: 3 }],
  } as unknown as Dashboard;
  for (const g of grafikDasbor(d)) {
    assert.ok(g.tabel[0]!.length >= 2, g.id);
    assert.equal(g.kosong, false, g.id);
    assert.ok(svgGrafik(g.opsi, 500, 260).startsWith('<svg'), g.id);
  }
});
