import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { dunia } from '../../../test/bundel';
import { imporBundel } from '../sinkron/impor';
import { TANPA_PELINDUNG } from '../sinkron/kunci';
import { buatBundelReferensi } from '../sinkron/referensi';
import { bangunSitus } from '../situs/situs';
import { simpanCatatan } from './catatan';
import { daftarPraktikBersama, pasangPraktikProvinsi, tandaiPraktik } from './praktik';

test('a district\'s best practice, marked by the province, reaches every district read-only with its source; a group is named only where its district allowed it', () => {
  const w = dunia(2);
  try {
    const [k1, k2] = (w.kab.db.sqlite.prepare('SELECT id FROM kelompok ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    w.kab.db.sqlite.prepare('UPDATE kelompok SET tampil_publik = 1 WHERE id = ?').run(k1);
    simpanCatatan(w.kab.db, 'praktik_baik', { judul: 'Arisan bahan baku', tanggal: '2026-10-01', kelompok_id: k1!, cerita: 'Anggota membeli kedelai bersama tiap minggu.' });
    simpanCatatan(w.kab.db, 'praktik_baik', { judul: 'Kas keliling', tanggal: '2026-10-02', kelompok_id: k2!, cerita: 'Kas kelompok dipegang bergantian.' });
    imporBundel(w.prov.db, TANPA_PELINDUNG, w.ekspor());
    const diProvinsi = daftarPraktikBersama(w.prov.db).filter((p) => p.judul === 'Arisan bahan baku' || p.judul === 'Kas keliling');
    assert.equal(diProvinsi.length, 2);
    const arisan = diProvinsi.find((p) => p.judul === 'Arisan bahan baku')!;
    const kas = diProvinsi.find((p) => p.judul === 'Kas keliling')!;
    assert.ok(arisan.kelompok_nama, 'the group that may be shown is named');
    assert.equal(kas.kelompok_nama, null, 'the other is not');
    assert.throws(() => tandaiPraktik(w.kab.db, { id: arisan.id, bagikan: true, terbitkan: false }), /dibagikan oleh provinsi/);
    tandaiPraktik(w.prov.db, { id: arisan.id, bagikan: true, terbitkan: true });
    tandaiPraktik(w.prov.db, { id: kas.id, bagikan: false, terbitkan: false });
    const path = join(w.prov.dir, 'referensi.bmb');
    buatBundelReferensi(w.prov.db, TANPA_PELINDUNG, path);
    const r = imporBundel(w.kab.db, TANPA_PELINDUNG, readFileSync(path));
    assert.match(r.pesan, /1 praktik baik dari kabupaten\/kota lain/);
    const diKabupaten = daftarPraktikBersama(w.kab.db);
    assert.deepEqual(diKabupaten.map((p) => [p.judul, p.kabupaten_nama, p.terbitkan]), [['Arisan bahan baku', 'Kabupaten Malang', true]]);
    // The province's website has a page of the published practice only, with the group it may name.
    const situs = bangunSitus(w.prov.db);
    const halaman = situs.berkas.find((b) => b.path === 'praktik.html')!.isi;
    assert.match(halaman, /Arisan bahan baku/);
    assert.match(halaman, new RegExp(arisan.kelompok_nama!));
    assert.doesNotMatch(halaman, /Kas keliling/);
    assert.match(situs.berkas.find((b) => b.path === 'index.html')!.isi, /href="praktik.html"/);
    // A crafted list keeps only well-formed entries, cut to their limits.
    assert.equal(pasangPraktikProvinsi(w.kab.db, [{ id: 'x', judul: 'y'.repeat(9999), kabupaten_kode: '35.07' }, { id: 1 }, 'z', { id: 'a', judul: 'b', kabupaten_kode: '99.99' }]), 1);
    assert.equal(daftarPraktikBersama(w.kab.db)[0]!.judul.length, 300);
  } finally {
    w.cleanup();
  }
});
