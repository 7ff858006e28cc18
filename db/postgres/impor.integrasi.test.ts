import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import pg from 'pg';
import { openDatabase, type Db } from '../connection';
import { ServerProvinsi } from '../../main/api/server-provinsi';
import { hitungDashboardK } from '../../main/services/dasbor/dashboard';
import { buatDemo } from '../../main/services/demo';
import { setup } from '../../main/services/pengaturan';
import { daftarFoto, daftarFotoK, dataUrlFoto, dataUrlFotoK, folderLampiran, simpanLaporan, tambahFoto } from '../../main/services/laporan';
import { bacaIdentitas, buatKunci, daftarkanPihak, eksporBundel, identitas, imporBundelDari, imporBundelServer, TANPA_PELINDUNG } from '../../main/services/sinkron';
import { main } from '../../main/cli/utama';
import { basisDataBaru } from './uji-server';
import { pindahKePostgres } from './pindah';
import { AppContext } from '../../main/api/context';
import { dispatch } from '../../main/api/dispatch';
import { platformNode } from '../../main/api/platform';
import { imporBundel } from '../../main/services/sinkron/bundle';
import { bulanSebelumnya } from '../../main/common/laporan';
import { jalankan } from '../kueri';
import { infoSinkronK } from '../../main/services/sinkron/info';
import { statusKabupatenK } from '../../main/services/sinkron/provinsi';
import { bukaServer } from './server';

// A district's bundle imported into the province's PostgreSQL server: the same import as into the province's file
// (every table ends the same), and several officers at once: two districts together, one bundle twice, a dashboard
// read while an import commits.

const DISTRIK = ['35.07', '35.73', '35.15'] as const;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A province (file) that knows two districts, each with a bundle ready; the province copied to a fresh server. */
async function siapkan(t: TestContext, url: string) {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-pg-impor-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const prov = openDatabase(join(dir, 'provinsi.sqlite'));
  t.after(() => prov.close());
  setup(prov, { mode: 'provinsi', kabupaten_kode: null, operator: 'Admin Provinsi', nama_instansi: '', alamat_instansi: '', kota_surat: '', telepon: '', email: '', kepala_nama: '', kepala_nip: '', kepala_jabatan: '' });
  buatKunci(prov, TANPA_PELINDUNG);
  const bundel: Record<string, string> = {};
  for (const [i, kode] of DISTRIK.entries()) {
    // Each office its own folder (its attachments beside its file, as on its own PC).
    const kab = openDatabase(join(dir, kode, `${kode}.sqlite`));
    buatDemo(kab, { kelompok: 8, bulan: 8, seed: i + 3, kabupaten: kode });
    buatKunci(kab, TANPA_PELINDUNG);
    if (kode === '35.07') {
      // A report with a photo: the bundle carries the attachment's bytes.
      const kelompok = kab.sqlite.prepare("SELECT id FROM kelompok WHERE status = 'aktif' LIMIT 1").pluck().get() as string;
      const { laporan } = simpanLaporan(kab, { kelompok_id: kelompok, periode: new Date().toISOString().slice(0, 7), nilai: { omzet: 1_000_000 } });
      writeFileSync(join(dir, 'foto.png'), PNG);
      tambahFoto(kab, { laporan_id: laporan.id, path: join(dir, 'foto.png'), nama: 'foto.png', keterangan: 'Lapak' });
    }
    daftarkanPihak(kab, bacaIdentitas(JSON.stringify(identitas(prov, TANPA_PELINDUNG))));
    daftarkanPihak(prov, bacaIdentitas(JSON.stringify(identitas(kab, TANPA_PELINDUNG))));
    bundel[kode] = eksporBundel(kab, TANPA_PELINDUNG, { folder: dir }).berkas;
    kab.close();
  }
  await pindahKePostgres(prov, url, { mode: 'provinsi' });
  return { prov, bundel, dir };
}

/** The test's own connection, reading numbers as the app does (server.ts). */
function bacaServer(t: TestContext, url: string): pg.Pool {
  const s = bukaServer(url, { maks: 1 });
  t.after(() => s.tutup());
  return s.pool;
}

/** Every row of the tables an import writes, as comparable text (the receipt's local id and time left out). */
const TABEL = ['fasilitator', 'kelompok', 'anggota', 'laporan_bulanan', 'foto_laporan', 'perjanjian', 'offtaker', 'audit', 'dtsen_ringkasan', 'laporan_rekap_kabupaten', 'bundle_masuk', 'pihak_sinkron'];
const LEWATI = new Set(['id_bundle_masuk', 'diterima_pada', 'diimpor_oleh']);
function barisFile(db: Db, tabel: string): string[] {
  return (db.sqlite.prepare(`SELECT * FROM ${tabel}`).all() as Record<string, unknown>[]).map((r) => bersih(tabel, r)).sort();
}
async function barisServer(k: pg.Pool, tabel: string): Promise<string[]> {
  return (await k.query(`SELECT * FROM ${tabel}`)).rows.map((r: Record<string, unknown>) => bersih(tabel, r)).sort();
}
function bersih(tabel: string, r: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(r).sort().filter((c) => !LEWATI.has(c) && !LEWATI.has(`${c}_${tabel}`)).map((c) => [c, r[c]]));
}

test('bundle import on PostgreSQL: every table the same as the import into the province file; the same refusals; a second import changes nothing', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  const { prov, bundel, dir } = await siapkan(t, url);
  const cli = async (...args: string[]) => {
    let out = '';
    let err = '';
    const code = await main(args, { out: (x) => void (out += x), err: (x) => void (err += x) });
    return { code, out, err };
  };
  const diServer = await cli('bundle', 'import', '--db', url, bundel['35.07']!, '--json');
  assert.equal(diServer.code, 0, diServer.err);
  const diBerkas = await imporBundelDari(prov, TANPA_PELINDUNG, bundel['35.07']!, { nama: bundel['35.07']!.split('/').at(-1)! });
  const hasil = JSON.parse(diServer.out);
  assert.deepEqual({ ...hasil, pesan: undefined }, { ...JSON.parse(JSON.stringify(diBerkas)), pesan: undefined });
  assert.match(hasil.pesan, /Bundel ke-1 dari .* diimpor: \d+ baris berubah/);
  assert.ok(hasil.tabel.laporan_bulanan.baru > 0);
  const s = bacaServer(t, url);
  for (const tabel of TABEL) assert.deepEqual(await barisServer(s, tabel), barisFile(prov, tabel), tabel);
  // Each receipt names who imported it: the officer's login on the server, the settings' operator on the file.
  assert.deepEqual((await s.query('SELECT diimpor_oleh FROM bundle_masuk')).rows, [{ diimpor_oleh: 'postgres' }]);
  assert.equal(prov.sqlite.prepare('SELECT diimpor_oleh FROM bundle_masuk').pluck().get(), 'Admin Provinsi');
  // The photo's bytes are on the server (every officer reads them there), as they are beside the province file.
  const hash = createHash('sha256').update(PNG).digest('hex');
  assert.equal(hasil.lampiran, 1);
  assert.deepEqual(readFileSync(join(folderLampiran(prov), hash)), PNG);
  assert.deepEqual((await s.query('SELECT hash, data FROM lampiran_isi')).rows, [{ hash, data: PNG }]);
  // The officer opens that report on the server: its photo listed and shown as on the file, and the month's report
  // document carries it (PDF text the same, the photo in each).
  const petugasFoto = new ServerProvinsi(url);
  t.after(() => petugasFoto.tutup());
  const laporanFoto = prov.sqlite.prepare('SELECT laporan_id FROM foto_laporan').pluck().get() as string;
  const fotoBerkas = daftarFoto(prov, laporanFoto);
  assert.equal(fotoBerkas.length, 1);
  assert.deepEqual(await petugasFoto.baca(daftarFotoK(laporanFoto)), fotoBerkas);
  assert.deepEqual(await petugasFoto.baca(dataUrlFotoK(fotoBerkas[0]!.id)), { dataUrl: `data:image/png;base64,${PNG.toString('base64')}` });
  assert.deepEqual(dataUrlFoto(prov, fotoBerkas[0]!.id), await petugasFoto.baca(dataUrlFotoK(fotoBerkas[0]!.id)));
  const bulanIni = new Date().toISOString().slice(0, 7);
  const dok = { server: join(dir, 'bulan-server.pdf'), berkas: join(dir, 'bulan-berkas.pdf') };
  for (const [db_, out] of [[url, dok.server], [prov.file, dok.berkas]] as const) {
    const r = await cli('laporan', 'recap', '--db', db_, '--period', bulanIni, '--kabupaten', '35.07', '--format', 'pdf', '-o', out, '--json');
    assert.equal(r.code, 0, r.err);
  }
  const teksPdf = (f: string) => execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
  assert.equal(teksPdf(dok.server), teksPdf(dok.berkas));
  assert.match(teksPdf(dok.server), /Dokumentasi kegiatan/);
  const gambar = (f: string) => execFileSync('pdfimages', ['-list', f], { encoding: 'utf8' }).trim().split('\n').length - 2;
  assert.deepEqual([gambar(dok.server), gambar(dok.berkas)], [2, 2], 'the photo (and its transparency mask)');
  // The whole province's month prints its photos per district (thousands otherwise), and says so.
  const semuaProvinsi = join(dir, 'bulan-provinsi.pdf');
  assert.equal((await cli('laporan', 'recap', '--db', url, '--period', bulanIni, '--format', 'pdf', '-o', semuaProvinsi, '--json')).code, 0);
  assert.equal(gambar(semuaProvinsi), 0);
  assert.match(teksPdf(semuaProvinsi).replace(/\s+/g, ' '), /Foto dokumentasi kegiatan dicetak per kabupaten\/kota/);
  // The sync page's reads: the districts' status and the province's own sync information, as on the file.
  const petugas = new ServerProvinsi(url);
  t.after(() => petugas.tutup());
  const tanpaWaktu = (xs: { diterima_pada: string | null }[]) => xs.map((x) => ({ ...x, diterima_pada: null }));
  assert.deepEqual(tanpaWaktu(await petugas.baca(statusKabupatenK())), tanpaWaktu(jalankan(prov, statusKabupatenK())));
  assert.deepEqual(await petugas.baca(infoSinkronK()), jalankan(prov, infoSinkronK()));
  // Again: the same answer as the file's second import, nothing new on the server.
  const lagi = await cli('bundle', 'import', '--db', url, bundel['35.07']!, '--json');
  assert.match(JSON.parse(lagi.out).pesan, /sudah pernah diimpor; tidak ada yang berubah/);
  assert.equal((await s.query('SELECT count(*) AS n FROM bundle_masuk')).rows[0].n, 1);
  // The way back: a month accepted on the server, the receipt made from the server, applied by the district.
  const bulan = bulanSebelumnya(new Date().toISOString().slice(0, 7), 1);
  const terima = await cli('laporan', 'terima', '--db', url, '--kabupaten', '35.07', '--period', bulan, '--json');
  assert.equal(terima.code, 0, terima.err);
  const diterima = JSON.parse(terima.out).diterima as number;
  assert.ok(diterima > 0);
  const ack = join(dir, 'ack.bmb');
  const tandaTerima = await cli('bundle', 'ack', '--db', url, '--kabupaten', '35.07', '-o', ack, '--json');
  assert.equal(tandaTerima.code, 0, tandaTerima.err);
  const kab = openDatabase(join(dir, '35.07', '35.07.sqlite'));
  t.after(() => kab.close());
  const diKab = imporBundel(kab, TANPA_PELINDUNG, readFileSync(ack));
  assert.equal(diKab.jenis, 'tanda-terima');
  assert.match(diKab.pesan, new RegExp(`Keputusan provinsi: ${diterima} laporan diterima \\(terkunci\\)`));
  // The province's own settings written on the server reach the districts in the reference bundle from the server:
  // a target for the district and a practice shared (the window's two actions, through the same API).
  const ctx = new AppContext(url, platformNode('uji'));
  t.after(() => ctx.close());
  const tahun = new Date().getFullYear();
  const target = await dispatch(ctx, 'monev.simpanTarget', { kabupaten: '35.07', tahun, indikator: 'omzet', nilai: 750_000_000 });
  assert.equal(target.ok, true, JSON.stringify(target));
  const praktik = (await dispatch(ctx, 'praktik.bersama', {})) as { ok: true; data: { id: string; kabupaten_kode: string }[] };
  const punya = praktik.data.find((p) => p.kabupaten_kode === '35.07')!;
  assert.equal((await dispatch(ctx, 'praktik.tandai', { id: punya.id, bagikan: true, terbitkan: false })).ok, true);
  // The office's settings and the Dinas list edited on the server, read back there.
  const simpan = await dispatch(ctx, 'pengaturan.simpan', { operator: 'Ani (provinsi)', kepala_nama: 'Dr. Uji Coba, M.Si.' });
  assert.equal(simpan.ok, true, JSON.stringify(simpan));
  const status = (await dispatch(ctx, 'app.status', {})) as { ok: true; data: { pengaturan: { kepala_nama: string; operator: string } } };
  assert.deepEqual([status.data.pengaturan.kepala_nama, status.data.pengaturan.operator], ['Dr. Uji Coba, M.Si.', 'Ani (provinsi)']);
  assert.equal((await dispatch(ctx, 'proposal.simpanDinas', { daftar: ['Dinas Koperasi dan UKM', 'Dinas Sosial'] })).ok, true);
  assert.deepEqual(((await dispatch(ctx, 'proposal.dinas', {})) as { ok: true; data: string[] }).data, ['Dinas Koperasi dan UKM', 'Dinas Sosial']);
  const referensi = join(dir, 'referensi.bmb');
  const ref = await cli('bundle', 'referensi', '--db', url, '-o', referensi);
  assert.equal(ref.code, 0, ref.err);
  const diKabRef = imporBundel(kab, TANPA_PELINDUNG, readFileSync(referensi));
  assert.match(diKabRef.pesan, /1 praktik baik dari kabupaten\/kota lain/);
  assert.equal(kab.sqlite.prepare("SELECT nilai FROM target_indikator WHERE sumber = 'provinsi' AND tahun = ? AND indikator = 'omzet' AND deleted_at IS NULL").pluck().get(tahun), 750_000_000);
  // The next month's bundle carries a report far above its group's history. Imported on the server and into the file:
  // the same result, findings included (they weigh the report against the 12 months before it, which the server now
  // brings beside the import with the bundle's months instead of the district's whole history).
  const kelompokLonjak = kab.sqlite.prepare("SELECT kelompok_id FROM laporan_bulanan WHERE status != 'draft' GROUP BY kelompok_id HAVING count(*) >= 4 ORDER BY kelompok_id LIMIT 1").pluck().get() as string;
  const bulanDepan = bulanSebelumnya(new Date().toISOString().slice(0, 7), -1);
  simpanLaporan(kab, { kelompok_id: kelompokLonjak, periode: bulanDepan, nilai: { omzet: 950_000_000, biaya: 1_000_000, anggota_aktif: 5 } });
  const berikut = eksporBundel(kab, TANPA_PELINDUNG, { folder: dir }).berkas;
  const berikutServer = await cli('bundle', 'import', '--db', url, berikut, '--json');
  assert.equal(berikutServer.code, 0, berikutServer.err);
  const berikutBerkas = await imporBundelDari(prov, TANPA_PELINDUNG, berikut, { nama: berikut.split('/').at(-1)! });
  const hasilBerikut = JSON.parse(berikutServer.out) as { temuan?: { contoh: { kelompok_id: string; aturan: string }[] } };
  assert.deepEqual({ ...hasilBerikut, pesan: undefined }, { ...JSON.parse(JSON.stringify(berikutBerkas)), pesan: undefined });
  assert.ok(hasilBerikut.temuan?.contoh.some((x) => x.kelompok_id === kelompokLonjak && x.aturan === 'pencilan'), 'the jump is weighed against the group’s history');
  // A dry run on the server reports and writes nothing.
  const sebelum = await barisServer(s, 'laporan_bulanan');
  const uji = await cli('bundle', 'import', '--db', url, bundel['35.73']!, '--dry-run', '--json');
  assert.equal(uji.code, 0, uji.err);
  assert.match(JSON.parse(uji.out).pesan, /^Uji coba: \d+ baris akan berubah/);
  assert.deepEqual(await barisServer(s, 'laporan_bulanan'), sebelum);
  // A refusal is the file's refusal, and changes nothing: a bundle from a sender the province does not know.
  await s.query("DELETE FROM pihak_sinkron WHERE kode = '35.73'");
  const asing = await cli('bundle', 'import', '--db', url, bundel['35.73']!);
  assert.equal(asing.code, 1);
  assert.match(asing.err, /belum terdaftar di sini\. Sidik jari kuncinya: .*Tidak ada yang diubah/);
  assert.deepEqual(await barisServer(s, 'laporan_bulanan'), sebelum);
});

test('several officers on one server: two districts imported at once both land, one bundle imported twice at once lands once, a dashboard read meanwhile sees before or after', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  const { bundel } = await siapkan(t, url);
  const petugas = () => {
    const p = new ServerProvinsi(url);
    t.after(() => p.tutup());
    return p;
  };
  const [a, b, c] = [petugas(), petugas(), petugas()];
  const impor = (p: ServerProvinsi, kode: string) => p.tulisDengan((k) => imporBundelServer(k, TANPA_PELINDUNG, bundel[kode]!, { nama: `${kode}.bmb` }));
  const hari = new Date().toISOString().slice(0, 10);
  const sebelum = await c.baca(hitungDashboardK({}, hari));
  // Two officers, two districts, at once.
  const dibaca: number[] = [];
  let selesai = false;
  const membaca = (async () => {
    while (!selesai) dibaca.push((await c.baca(hitungDashboardK({}, hari))).anggota.nilai);
  })();
  const [h1, h2] = await Promise.all([impor(a, '35.07'), impor(b, '35.73')]);
  selesai = true;
  await membaca;
  assert.ok(h1.tabel.anggota!.baru > 0 && h2.tabel.anggota!.baru > 0);
  const sesudah = await c.baca(hitungDashboardK({}, hari));
  assert.equal(sesudah.anggota.nilai, sebelum.anggota.nilai + h1.tabel.anggota!.baru + h2.tabel.anggota!.baru);
  assert.deepEqual(sesudah.peringkat?.map((p) => p.kode).sort(), ['35.07', '35.73']);
  // Every read in between saw a whole state: none, one or both districts' members, never part of one.
  const utuh = new Set([sebelum.anggota.nilai, sebelum.anggota.nilai + h1.tabel.anggota!.baru, sebelum.anggota.nilai + h2.tabel.anggota!.baru, sesudah.anggota.nilai]);
  assert.ok(dibaca.length > 0);
  for (const n of dibaca) assert.ok(utuh.has(n), `a read saw ${n} members, not a whole state (${[...utuh].join(', ')})`);

  // The same bundle by two officers at once: one applies it, the other waits for it and finds it applied.
  const s = bacaServer(t, url);
  const laporan = async () => (await s.query('SELECT count(*) AS n FROM laporan_bulanan')).rows[0].n as number;
  const n = await laporan();
  const [x, y] = await Promise.all([impor(a, '35.15'), impor(b, '35.15')]);
  assert.deepEqual([x.sudahPernah, y.sudahPernah].sort(), [false, true]);
  const baru = (x.sudahPernah ? y : x).tabel.laporan_bulanan!.baru;
  assert.ok(baru > 0);
  assert.equal(await laporan(), n + baru);
  assert.equal((await s.query("SELECT count(*) AS n FROM bundle_masuk WHERE pengirim = '35.15'")).rows[0].n, 1);
});

test('the province’s keys on the server: wrapped once by the key phrase, an import opens them only with it', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  const { prov, bundel, dir } = await siapkan(t, url);
  const cli = async (env: Record<string, string>, ...args: string[]) => {
    const lama = { ...process.env };
    Object.assign(process.env, env);
    let out = '';
    let err = '';
    try {
      const code = await main(args, { out: (x) => void (out += x), err: (x) => void (err += x) });
      return { code, out, err };
    } finally {
      for (const k of Object.keys(env)) if (lama[k] === undefined) delete process.env[k];
    }
  };
  const s = bacaServer(t, url);
  const privatSebelum = (await s.query("SELECT privat FROM kunci WHERE jenis = 'penerimaan'")).rows[0].privat as string;
  const FRASA = 'frasa kunci provinsi uji 2026';
  const bungkus = await cli({}, 'keys', 'server', '--db', url, '--frasa', FRASA, '--json');
  assert.equal(bungkus.code, 0, bungkus.err);
  assert.deepEqual({ ...JSON.parse(bungkus.out), pesan: undefined }, { dibungkus: 2, sudah: 0, pesan: undefined });
  const kunci = (await s.query('SELECT jenis, privat, pelindung FROM kunci ORDER BY jenis')).rows as { privat: string; pelindung: string }[];
  assert.deepEqual(kunci.map((k) => k.pelindung), ['frasa-server', 'frasa-server']);
  assert.ok(!kunci.some((k) => k.privat === privatSebelum), 'the key in the clear is gone from the server');
  // Without the phrase, or with a wrong one: said, nothing imported.
  const tanpa = await cli({}, 'bundle', 'import', '--db', url, bundel['35.07']!);
  assert.equal(tanpa.code, 1);
  assert.match(tanpa.err, /dibungkus frasa kunci provinsi\. Isi frasa itu/);
  const salah = await cli({ BERMANTRA_FRASA_KUNCI: 'bukan frasanya sama sekali' }, 'bundle', 'import', '--db', url, bundel['35.07']!);
  assert.equal(salah.code, 1);
  assert.match(salah.err, /Frasa kunci provinsi salah/);
  assert.equal((await s.query('SELECT count(*) AS n FROM bundle_masuk')).rows[0].n, 0);
  // With it: imported, and the receipt signed by the same key.
  const benar = await cli({ BERMANTRA_FRASA_KUNCI: FRASA }, 'bundle', 'import', '--db', url, bundel['35.07']!, '--json');
  assert.equal(benar.code, 0, benar.err);
  assert.match(JSON.parse(benar.out).pesan, /Bundel ke-1 dari .* diimpor/);
  const ack = await cli({ BERMANTRA_FRASA_KUNCI: FRASA }, 'bundle', 'ack', '--db', url, '--kabupaten', '35.07', '-o', join(mkdtempSync(join(tmpdir(), 'bermantra-ack-')), 'ack.bmb'));
  assert.equal(ack.code, 0, ack.err);
  // The province's identity file for a new district, from the server: the file's keys, its signature sound.
  const bmid = join(dir, 'identitas-server.bmid');
  const identitasServer = await cli({ BERMANTRA_FRASA_KUNCI: FRASA }, 'keys', 'export', '--db', url, '-o', bmid);
  assert.equal(identitasServer.code, 0, identitasServer.err);
  const dariServer = bacaIdentitas(readFileSync(bmid, 'utf8'));
  const dariBerkas = identitas(prov, TANPA_PELINDUNG);
  assert.deepEqual({ ...dariServer, dibuat_pada: '', tanda_tangan: '' }, { ...dariBerkas, dibuat_pada: '', tanda_tangan: '' });
  assert.equal(dariServer.peran, 'provinsi');
  assert.ok((await s.query("SELECT nilai FROM pengaturan WHERE kunci = 'identitas_disimpan_pada'")).rows[0].nilai);
  assert.equal((await cli({}, 'keys', 'export', '--db', url, '-o', join(dir, 'tanpa.bmid'))).code, 1, 'no phrase, no identity');
  // A new district registered on the server from its identity file; its first bundle then imports there.
  const baru = openDatabase(join(dir, '35.25', '35.25.sqlite'));
  buatDemo(baru, { kelompok: 3, bulan: 2, seed: 9, kabupaten: '35.25' });
  buatKunci(baru, TANPA_PELINDUNG);
  daftarkanPihak(baru, dariServer);
  const bmidBaru = join(dir, 'identitas-35.25.bmid');
  writeFileSync(bmidBaru, JSON.stringify(identitas(baru, TANPA_PELINDUNG)));
  const bundelBaru = eksporBundel(baru, TANPA_PELINDUNG, { folder: dir }).berkas;
  baru.close();
  assert.match((await cli({ BERMANTRA_FRASA_KUNCI: FRASA }, 'bundle', 'import', '--db', url, bundelBaru)).err, /belum terdaftar|sidik jari/i, 'not registered yet');
  const daftar = await cli({}, 'keys', 'import', '--db', url, bmidBaru, '--json');
  assert.equal(daftar.code, 0, daftar.err);
  assert.equal(JSON.parse(daftar.out).baru, true);
  assert.equal((await s.query("SELECT nama FROM pihak_sinkron WHERE kode = '35.25'")).rows[0].nama, 'Kabupaten Gresik');
  const masukBaru = await cli({ BERMANTRA_FRASA_KUNCI: FRASA }, 'bundle', 'import', '--db', url, bundelBaru, '--json');
  assert.equal(masukBaru.code, 0, masukBaru.err);
  assert.match(JSON.parse(masukBaru.out).pesan, /Bundel ke-1 dari Kabupaten Gresik diimpor/);
  // Again: nothing left to wrap; a wrong phrase does not pass for the right one.
  assert.deepEqual({ ...JSON.parse((await cli({}, 'keys', 'server', '--db', url, '--frasa', FRASA, '--json')).out), pesan: undefined }, { dibungkus: 0, sudah: 2, pesan: undefined });
  assert.equal((await cli({}, 'keys', 'server', '--db', url, '--frasa', 'frasa yang lain sekali')).code, 1);
});
