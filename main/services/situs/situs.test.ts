import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../db/connection';
import { pasangZipKeFolder } from '../../api/folder';
import { hitungDashboard } from '../dasbor/dashboard';
import { buatDemo } from '../demo/demo';
import { buatDemoProvinsi } from '../demo/provinsi';
import { TANPA_PELINDUNG } from '../sinkron/kunci';
import { tempDb } from '../../../test/db';
import { sensorPersen, sensorRincian } from './sensor';
import { bangunSitus, zipSitus } from './situs';

const today = '2026-11-29';

test('counts of people under 5 are hidden, and so is one more where the hidden one could be recovered from the total', () => {
  assert.deepEqual(sensorRincian([10, 3, 20]), { nilai: [null, null, 20], totalTersembunyi: false });
  assert.deepEqual(sensorRincian([10, 3, 2, 20]), { nilai: [10, null, null, 20], totalTersembunyi: false });
  assert.deepEqual(sensorRincian([0, 7, 9]), { nilai: [0, 7, 9], totalTersembunyi: false });
  // A zero cannot protect a 3 (3 + 0 = 3): with nothing else to hide, the total must go.
  assert.deepEqual(sensorRincian([3, 0]), { nilai: [null, 0], totalTersembunyi: true });
  assert.equal(sensorPersen(3, 100), null, '3 people named by a share');
  assert.equal(sensorPersen(98, 100), null, '2 people named by the complement');
  assert.equal(sensorPersen(50, 100), 50);
});

function semuaBerkas(dir: string): { path: string; isi: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ path: join(e.parentPath, e.name), isi: readFileSync(join(e.parentPath, e.name), 'utf8') }));
}

test('the province website holds no NIK, KK, name, phone or address of anyone, the same data gives the same bytes, and its figures are the dashboard\'s', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-situs-'));
  try {
    const provPath = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: ['35.07', '35.09', '35.78'], demo: { kelompok: 6, bulan: 6, today: new Date(`${today}T10:00:00+07:00`) } });
    const prov = openDatabase(provPath);
    const a = bangunSitus(prov, today);
    const b = bangunSitus(prov, today);
    assert.deepEqual(b.berkas, a.berkas, 'same data, same files');
    assert.deepEqual(zipSitus(b.berkas, b.data.tanggal_pembaruan), zipSitus(a.berkas, a.data.tanggal_pembaruan), 'same data, same zip');
    assert.ok(a.berkas.some((f) => f.path === 'kabupaten/35-09.html'));
    for (const f of a.berkas) assert.doesNotMatch(f.isi, /https?:\/\/(?!www\.w3\.org)/, `${f.path} refers to nothing outside the folder`);

    const zip = join(dir, 'situs.zip');
    writeFileSync(zip, zipSitus(a.berkas, a.data.tanggal_pembaruan));
    const folder = join(dir, 'situs');
    pasangZipKeFolder(zip, folder, 'situs', { dbPath: provPath, folderData: join(dir, 'data-pengguna') });
    assert.equal(statSync(join(folder, 'index.html')).mode & 0o777, 0o644, 'public files are readable by the web server');
    const isi = semuaBerkas(folder);
    assert.equal(isi.length, a.berkas.length + 1, 'the site, and the marker that says it is an output of the app');

    // Every personal value in the province's database (and each district's own), looked for in every file.
    const rahasia = new Set<string>();
    for (const file of [provPath, ...['35.07', '35.09', '35.78'].map((k) => join(dir, `${k}.sqlite`))]) {
      const db = openDatabase(file);
      for (const r of db.sqlite.prepare('SELECT nik, no_kk, nama, alamat FROM anggota').all() as Record<string, string | null>[]) for (const v of Object.values(r)) if (v) rahasia.add(v);
      for (const r of db.sqlite.prepare('SELECT nik, nama, no_hp FROM fasilitator').all() as Record<string, string | null>[]) for (const v of Object.values(r)) if (v) rahasia.add(v);
      for (const r of db.sqlite.prepare('SELECT nama FROM kelompok WHERE tampil_publik IS NOT 1').all() as { nama: string }[]) rahasia.add(r.nama);
      db.close();
    }
    assert.ok(rahasia.size > 200);
    for (const f of isi) for (const s of rahasia) assert.ok(!f.isi.includes(s), `${f.path} memuat data pribadi: ${s}`);

    // A kelompok the office marked publishable is named on its district's page (and only there).
    const publik = prov.sqlite.prepare("SELECT nama, kabupaten_kode FROM kelompok WHERE tampil_publik = 1 AND status = 'aktif' LIMIT 1").get() as { nama: string; kabupaten_kode: string };
    assert.ok(isi.find((f) => f.path.endsWith(`${publik.kabupaten_kode.replace('.', '-')}.html`))!.isi.includes(publik.nama));

    const d = hitungDashboard(prov, {}, today);
    const index = a.berkas.find((f) => f.path === 'index.html')!.isi;
    assert.equal(a.data.utama.ringkasan.kelompok_aktif, d.kelompok_aktif.nilai);
    assert.equal(a.data.utama.ringkasan.omzet_tahun, d.omzet_tahun_berjalan.nilai);
    assert.match(index, new RegExp(`<dt>Kelompok aktif</dt><dd>${d.kelompok_aktif.nilai}</dd>`));
    const ringkasan = JSON.parse(a.berkas.find((f) => f.path === 'data/ringkasan-wilayah.json')!.isi);
    assert.equal(ringkasan.metadata.lisensi, 'Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)');
    assert.equal(ringkasan.data[0].kode_wilayah, '35');
    assert.equal(ringkasan.data[0].omzet_tahun_berjalan, d.omzet_tahun_berjalan.nilai);
    const katalog = JSON.parse(a.berkas.find((f) => f.path === 'data/katalog.json')!.isi);
    assert.deepEqual(katalog.dataset.map((x: { id: string }) => x.id).sort(), a.berkas.filter((f) => f.path.endsWith('.csv')).map((f) => f.path.slice(5, -4)).sort());
    // A district whose last bundle is months older than the others is flagged beside its date.
    prov.sqlite.prepare("UPDATE bundle_masuk SET dibuat_pada = '2026-08-01T02:00:00.000Z' WHERE pengirim = '35.09'").run();
    const lama = bangunSitus(prov, today).berkas.find((f) => f.path === 'index.html')!.isi;
    assert.match(lama, /Kabupaten Jember<\/a><\/th>(<td[^>]*>[^<]*<\/td>){5}<td[^>]*>1 Agustus 2026 <strong>\(lebih dari 2 bulan\)<\/strong>/);
    assert.doesNotMatch(lama, /Kota Surabaya<\/a><\/th>(<td[^>]*>[^<]*<\/td>){6}[^\n]*lebih dari 2 bulan/);
    prov.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a district\'s site shows its kecamatan; a kecamatan with 3 members reads "< 5" and another is hidden with it', () => {
  const t = tempDb('35.07');
  try {
    buatDemo(t.db, { kelompok: 12, bulan: 3, seed: 3, today: new Date(`${today}T10:00:00+07:00`) });
    // Move one kelompok to a kecamatan of its own and leave it 3 members.
    const k = t.db.sqlite.prepare("SELECT id FROM kelompok WHERE status = 'aktif' LIMIT 1").get() as { id: string };
    t.db.sqlite.prepare("UPDATE kelompok SET kecamatan_kode = '35.07.33', desa_kode = '35.07.33.2001' WHERE id = ?").run(k.id);
    t.db.sqlite.prepare('DELETE FROM anggota WHERE kelompok_id = ? AND id NOT IN (SELECT id FROM anggota WHERE kelompok_id = ? LIMIT 3)').run(k.id, k.id);
    const s = bangunSitus(t.db, today);
    assert.equal(s.data.mode, 'kabupaten');
    const kec = s.data.utama.kecamatan;
    assert.ok(kec.length >= 2);
    const kecil = kec.find((c) => c.kode === '35.07.33')!;
    assert.equal(kecil.anggota, null);
    assert.equal(kec.filter((c) => c.anggota === null).length, 2, 'one more kecamatan hidden with it');
    const csv = s.berkas.find((f) => f.path === 'data/kecamatan.csv')!.isi;
    assert.match(csv, /35\.07,35\.07\.33,[^,]+,1,<5,\d+/);
    assert.match(s.berkas.find((f) => f.path === 'index.html')!.isi, /&lt; 5/);
    assert.ok(!s.berkas.some((f) => f.path.startsWith('kabupaten/')), 'a district publishes its own page only');
  } finally {
    t.cleanup();
  }
});

test('the open-data CSVs neutralise text a spreadsheet would run as a formula, keep numbers as numbers and RFC 4180 quoting', () => {
  const t = tempDb('35.07');
  try {
    buatDemo(t.db, { kelompok: 8, bulan: 2, seed: 5, today: new Date(`${today}T10:00:00+07:00`) });
    const ids = (t.db.sqlite.prepare("SELECT id FROM kelompok WHERE status = 'aktif' LIMIT 4").all() as { id: string }[]).map((r) => r.id);
    const jahat = ['=HYPERLINK("http://contoh.invalid","klik")', '+cmd|\' /C calc\'!A0', '@SUM(1,2)', '=WEBSERVICE("http://contoh.invalid")'];
    ids.forEach((id, i) => t.db.sqlite.prepare('UPDATE kelompok SET sektor = ? WHERE id = ?').run(jahat[i], id));
    const csv = bangunSitus(t.db, today).berkas.find((f) => f.path === 'data/kelompok-per-sektor.csv')!.isi;
    const sel = csv.split('\r\n').flatMap((baris) => baris.match(/("([^"]|"")*"|[^,]*)/g) ?? []).filter(Boolean).map((c) => c.replace(/^"|"$/g, ''));
    for (const j of jahat) assert.ok(sel.includes(`'${j.replace(/"/g, '""')}`), `${j} is written neutralised`);
    assert.ok(!sel.some((c) => /^[=+@]/.test(c)), 'no cell starts like a formula');
    assert.match(csv, /,\d+\r\n/, 'counts stay plain numbers');
  } finally {
    t.cleanup();
  }
});
