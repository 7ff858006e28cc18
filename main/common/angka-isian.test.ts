import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { bacaAngka, bacaIsianAngka } from './angka-isian';
import { hitungKelayakan } from './proposal';
import { uraikanTempelRab } from './rab-tempel';
import { terbilangRupiah } from './terbilang';

test('a typed number is read the Indonesian way, with what Excel copies, and never thrown at', () => {
  assert.equal(bacaIsianAngka('Rp850.000', 'rupiah').nilai, 850000);
  assert.equal(bacaIsianAngka('Rp 1.500.000', 'rupiah').nilai, 1500000);
  assert.equal(bacaIsianAngka('850000', 'rupiah').nilai, 850000);
  assert.equal(bacaIsianAngka('1,250,000', 'rupiah').nilai, 1250000);
  assert.equal(bacaIsianAngka('１２３', 'bulat').nilai, 123);
  assert.deepEqual(bacaIsianAngka('2 bh', 'desimal'), { nilai: 2, satuan: 'bh' });
  assert.deepEqual(bacaIsianAngka('2,5kg', 'desimal'), { nilai: 2.5, satuan: 'kg' });
  assert.deepEqual(bacaIsianAngka('', 'rupiah'), { nilai: null });
  for (const [teks, pola] of [
    ['1,5 juta', /tulis angkanya lengkap/],
    ['-1', /negatif/],
    ['1e309', /bukan angka/],
    ['NaN', /bukan angka/],
    ['Infinity', /bukan angka/],
    ['12,5', /tanpa sen/],
    ['9.999.999.999.999', /terlalu besar/],
    ['<script>', /bukan angka/],
  ] as const) {
    const r = bacaIsianAngka(teks, 'rupiah');
    assert.equal(r.nilai, null, teks);
    assert.match(r.pesan ?? '', pola, teks);
  }
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), fc.constantFrom('rupiah', 'desimal', 'bulat' as const), (s, jenis) => {
      const r = bacaIsianAngka(s, jenis);
      // Either a finite number within bounds, or null (with a message unless empty).
      if (r.nilai !== null) assert.ok(Number.isFinite(r.nilai) && r.nilai >= 0);
      else if (s.normalize('NFKC').trim()) assert.ok(r.pesan);
      assert.equal(typeof terbilangRupiah(r.nilai ?? NaN), 'string');
    }),
  );
  assert.ok(Number.isNaN(bacaAngka('1e309')!));
  assert.equal(terbilangRupiah(NaN), '');
});

test('a pasted RAB finds its columns: a header row, No and Jumlah columns, group headings, a category guessed from the words', () => {
  const denganJudul = uraikanTempelRab('No\tUraian\tVol\tSat\tHarga\tJumlah\n1\tTepung terigu\t10\tkg\t12.000\t120.000\n2\tKompor gas\t1\tunit\t850.000\t900.000', null);
  assert.deepEqual(
    denganJudul.map((b) => [b.kelompok_belanja, b.tebakan, b.uraian, b.volume, b.satuan, b.harga_satuan]),
    [
      ['Bahan baku', true, 'Tepung terigu', '10', 'kg', '12.000'],
      ['Peralatan', true, 'Kompor gas', '1', 'unit', '850.000'],
    ],
  );
  assert.equal(denganJudul[0]!.catatan, undefined);
  assert.match(denganJudul[1]!.catatan ?? '', /Rp900\.000 berbeda dari volume × harga satuan \(Rp850\.000\)/);

  // The same layout without a header: No is recognised, Uraian is not taken for a group.
  const tanpaJudul = uraikanTempelRab('1\tPlastik kemasan\t100\tlembar\t500\t50.000', null);
  assert.deepEqual([tanpaJudul[0]!.kelompok_belanja, tanpaJudul[0]!.uraian, tanpaJudul[0]!.volume, tanpaJudul[0]!.harga_satuan], ['Kemasan', 'Plastik kemasan', '100', '500']);

  // Group headings carry over, and what the sheet says is not a guess.
  const kelompok = uraikanTempelRab('A. Bahan baku\nKedelai\t20\tkg\t11.000\nB. Peralatan\nPanci besar\t2\tbuah\t250.000', null);
  assert.deepEqual(kelompok.map((b) => [b.kelompok_belanja, b.tebakan]), [
    ['Bahan baku', false],
    ['Peralatan', false],
  ]);
  // The documented 4-column paste no longer puts everything under Peralatan.
  const empat = uraikanTempelRab('Gula pasir\t10\tkg\t15.000\nEtalase kaca\t1\tunit\t1.500.000', null);
  assert.deepEqual(empat.map((b) => b.kelompok_belanja), ['Bahan baku', 'Peralatan']);
});

test('feasibility warns when every RAB line is an investment', () => {
  const semuaAlat = hitungKelayakan({}, [{ kelompok_belanja: 'Peralatan', uraian: 'Kompor', volume: 1, satuan: 'unit', harga_satuan: 22_500_000 }]);
  assert.match(semuaAlat.tanpa_modal_kerja ?? '', /modal kerja Rp0/);
  const campur = hitungKelayakan({}, [
    { kelompok_belanja: 'Peralatan', uraian: 'Kompor', volume: 1, satuan: 'unit', harga_satuan: 2_000_000 },
    { kelompok_belanja: 'Bahan baku', uraian: 'Kedelai', volume: 10, satuan: 'kg', harga_satuan: 11_000 },
  ]);
  assert.equal(campur.tanpa_modal_kerja, null);
});
