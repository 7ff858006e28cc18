import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { openDatabase } from '../connection';
import { hitungDashboardK, hitungMonevK, monitoringFasilitatorK, simpanTarget } from '../../main/services/dasbor/dashboard';
import { hitungEvaluasiK } from '../../main/services/dasbor/evaluasi';
import { daftarKelompokK } from '../../main/services/kelompok/kelompok';
import { daftarAnggotaK } from '../../main/services/anggota/anggota';
import { ambilProposalK, daftarProposalK } from '../../main/services/proposal/proposal';
import { daftarFasilitatorK } from '../../main/services/fasilitator/fasilitator';
import { hitungKepatuhanK, hitungRekapK } from '../../main/services/laporan/rekap';
import { baris, jalankan, type Kerja } from '../kueri';
import { buatDemoProvinsi } from '../../main/services/demo/provinsi';
import { buatDemo } from '../../main/services/demo';
import { TANPA_PELINDUNG } from '../../main/services/sinkron/kunci';
import { basisDataBaru } from './uji-server';
import { pindahKePostgres } from './pindah';
import { bukaServer } from './server';
import { cadangkanServer, cariPgDump } from './cadangan';
import { bacaAlamatServer } from '../../main/common/alamat-server';
import { dalamTransaksi, jalankanServer } from './kueri';
import { main } from '../../main/cli/utama';
import { ServerProvinsi } from '../../main/api/server-provinsi';
import { daftarLaporan, kembalikanLaporan, periksaBulan, periksaBulanK, riwayatIndikatorK, terimaBulan, terimaBulanK } from '../../main/services/laporan';
import { bulanSebelumnya } from '../../main/common/laporan';
import { ENTITAS, type EntitasKode } from '../../main/common/mitra';
import { ambilCatatanK, buktiPelatihanK, cakupanPelatihanK, daftarCatatanK, penilaianGerobakK, profilKapasitasK, ringkasanMitraK } from '../../main/services/mitra';
import { daftarSnapshotK, ringkasanDtsenK } from '../../main/services/dtsen';
import { daftarSuratKeluar, daftarSuratKeluarK } from '../../main/services/pengaturan';
import { tambahAkarK } from '../../main/services/tte';
import { renderPdf } from '../../main/services/dokumen';
import { buatCaUji, tandatangani } from '../../test/tte';

// The same services on the province's server: a piece of work (db/kueri.ts) gives the same answer from the SQLite
// file and from PostgreSQL holding the same rows. One figure, one definition, whichever database the province runs.

test('dashboard on PostgreSQL: every figure equal to the SQLite file it was copied from, filters and ranking included', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-pg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: ['35.07', '35.73', '35.15'], demo: { kelompok: 12, bulan: 14 } });
  const db = openDatabase(path);
  t.after(() => db.close());
  // A target the province sets, so e-monev compares something.
  const tahun = new Date().getFullYear();
  simpanTarget(db, { kabupaten: '35.73', tahun, indikator: 'omzet', nilai: 600_000_000, kecamatan_kode: null, target_t1: null, target_t2: null, target_t3: null, target_t4: null } as never);
  // The DT-SEN counts a district sends for a few of its groups (the cart-aid list reads its desil shares from them).
  for (const [i, id] of (db.sqlite.prepare("SELECT id FROM kelompok WHERE kabupaten_kode = '35.73' AND status = 'aktif' ORDER BY id LIMIT 4").pluck().all() as string[]).entries()) {
    db.sqlite.prepare(`INSERT INTO dtsen_ringkasan VALUES (?, '35.73', 'DTSEN', '2026-10-01', 6, 5, ${Array.from({ length: 10 }, (_, d) => (d === i || d === 6 ? 1 : 0)).join(', ')})`).run(id);
  }
  await pindahKePostgres(db, url, { mode: 'provinsi' });
  const server = bukaServer(url, { maks: 2 });
  t.after(() => server.tutup());
  const hari = new Date().toISOString().slice(0, 10);
  const sektor = (db.sqlite.prepare("SELECT sektor FROM kelompok WHERE status = 'aktif' GROUP BY sektor ORDER BY count(*) DESC LIMIT 1").pluck().get() as string);
  const fasilitator = db.sqlite.prepare("SELECT fasilitator_id FROM kelompok WHERE kabupaten_kode = '35.73' AND fasilitator_id IS NOT NULL LIMIT 1").pluck().get() as string;
  for (const filter of [{}, { kabupaten: '35.73' }, { sektor }, { kabupaten: '35.73', fasilitator }, { bulan: '2026-01' }]) {
    const diBerkas = jalankan(db, hitungDashboardK(filter, hari));
    const diServer = await dalamTransaksi(server.pool, (k) => jalankanServer(k, hitungDashboardK(filter, hari)), { baca: true });
    assert.deepEqual(diServer, diBerkas, JSON.stringify(filter));
  }
  // e-monev, the recaps, reporting and the facilitators' monitoring: the same on the server.
  const baca = <T,>(k: Kerja<T>) => dalamTransaksi(server.pool, (x) => jalankanServer(x, k), { baca: true });
  const sekarang = new Date();
  for (const periode of [String(tahun), `${tahun}-S2`]) {
    const monev = jalankan(db, hitungMonevK(periode, sekarang));
    assert.ok(monev.baris.some((b) => b.kabupaten_kode === '35.73' && b.realisasi !== null), 'e-monev compares a target with a realisation');
    assert.deepEqual(await baca(hitungMonevK(periode, sekarang)), monev, periode);
    for (const per of ['kabupaten', 'kecamatan', 'fasilitator', 'kelompok'] as const) assert.deepEqual(await baca(hitungRekapK(periode, per, sekarang)), jalankan(db, hitungRekapK(periode, per, sekarang)), `${periode} ${per}`);
    assert.deepEqual(await baca(hitungKepatuhanK(periode, sekarang)), jalankan(db, hitungKepatuhanK(periode, sekarang)));
    assert.deepEqual(await baca(monitoringFasilitatorK(periode, hari)), jalankan(db, monitoringFasilitatorK(periode, hari)));
  }
  // The province's read-only lists: a search in lower case finds "KUBE …" on both (SQLite's LIKE, PostgreSQL's ILIKE).
  for (const input of [{ cari: 'kube', halaman: 1, per: 25 }, { kabupaten: '35.73', halaman: 2, per: 5 }] as const) {
    const diBerkasK = jalankan(db, daftarKelompokK(input as never));
    assert.ok(diBerkasK.total > 0);
    assert.deepEqual(await baca(daftarKelompokK(input as never)), diBerkasK);
  }
  assert.deepEqual(await baca(daftarFasilitatorK({ cari: '', halaman: 1, per: 50 } as never)), jalankan(db, daftarFasilitatorK({ cari: '', halaman: 1, per: 50 } as never)));
  for (const input of [{ cari: '', ganda: false, halaman: 1, per: 40 }, { cari: 'SITI', ganda: false, kabupaten: '35.07', halaman: 1, per: 40 }, { cari: '', ganda: true, halaman: 1, per: 40 }]) {
    assert.deepEqual(await baca(daftarAnggotaK(input as never)), jalankan(db, daftarAnggotaK(input as never)), JSON.stringify(input));
  }
  assert.ok(jalankan(db, daftarAnggotaK({ cari: 'siti', ganda: false, halaman: 1, per: 40 } as never)).total > 0, 'a name search finds someone');
  // The districts' proposals, listed and opened (its RAB, its group, its omzet), as on the file.
  const proposal = jalankan(db, daftarProposalK({}));
  assert.ok(proposal.length > 0);
  assert.deepEqual(await baca(daftarProposalK({})), proposal);
  for (const p of proposal.slice(0, 3)) assert.deepEqual(await baca(ambilProposalK(p.id)), jalankan(db, ambilProposalK(p.id)));
  // The partners' pages as the province reads them: every kind of record (a page, a search, one opened), the overview,
  // the cart-aid list with the districts' DT-SEN shares, the facilitators' trainings and their evidence, the DT-SEN page
  // (no extract at the province) and the register of outgoing letters.
  for (const entitas of Object.keys(ENTITAS) as EntitasKode[]) {
    const halaman = jalankan(db, daftarCatatanK(entitas, { per: 500 }));
    assert.ok(halaman.total > 0, entitas);
    assert.deepEqual(await baca(daftarCatatanK(entitas, { per: 500 })), halaman, entitas);
    assert.deepEqual(await baca(daftarCatatanK(entitas, { cari: 'a', kabupaten: '35.73', halaman: 1, per: 3 })), jalankan(db, daftarCatatanK(entitas, { cari: 'a', kabupaten: '35.73', halaman: 1, per: 3 })), entitas);
    assert.deepEqual(await baca(ambilCatatanK(entitas, halaman.rows[0]!.data.id as string)), jalankan(db, ambilCatatanK(entitas, halaman.rows[0]!.data.id as string)), entitas);
  }
  assert.deepEqual(await baca(ringkasanMitraK(hari)), jalankan(db, ringkasanMitraK(hari)));
  const gerobak = jalankan(db, penilaianGerobakK(tahun, hari));
  assert.equal(gerobak.filter((g) => g.persen_desil_1_4 !== null).length, 4, 'the shares the district sent');
  assert.deepEqual(await baca(penilaianGerobakK(tahun, hari)), gerobak);
  // The list of every district's proposed groups, from the server as from the file (the letter is a district's).
  const usulanDiproses = gerobak.filter((g) => g.keputusan === 'diusulkan').length;
  assert.ok(usulanDiproses > 0, 'the demo proposes some groups this year');
  const [usServer, usBerkas] = [join(dir, 'usulan-server.xlsx'), join(dir, 'usulan-berkas.xlsx')];
  for (const [db_, out] of [[url, usServer], [db.file, usBerkas]] as const) {
    const r = await main(['gerobak', 'usulan', '--db', db_, '--tahun', String(tahun), '--format', 'xlsx', '-o', out], { out: () => undefined, err: (x) => assert.fail(x) });
    assert.equal(r, 0);
  }
  assert.deepEqual(bacaSel(usServer), bacaSel(usBerkas));
  assert.equal((bacaSel(usServer)[0] as unknown[][]).filter((r) => typeof r[0] === 'number').length, usulanDiproses);
  assert.ok(jalankan(db, profilKapasitasK(tahun)).some((p) => p.pelatihan > 0));
  assert.deepEqual(await baca(profilKapasitasK(tahun)), jalankan(db, profilKapasitasK(tahun)));
  assert.deepEqual(await baca(cakupanPelatihanK()), jalankan(db, cakupanPelatihanK()));
  assert.deepEqual(await baca(buktiPelatihanK(6, hari)), jalankan(db, buktiPelatihanK(6, hari)));
  assert.deepEqual(await baca(ringkasanDtsenK()), jalankan(db, ringkasanDtsenK()));
  assert.deepEqual(await baca(daftarSnapshotK()), []);
  assert.deepEqual(await baca(daftarSuratKeluarK(tahun)), jalankan(db, daftarSuratKeluarK(tahun)));
  // The comparison compares something: the province's ranking names every district with its figures.
  const semua = jalankan(db, hitungDashboardK({}, hari));
  assert.equal(semua.peringkat?.length, 3);
  assert.ok(semua.anggota.nilai > 0 && semua.seri_omzet.some((s) => s.omzet > 0) && semua.kepatuhan_fasilitator.length > 0);

  // The CLI on the server: --db takes the URL, BERMANTRA_DB_URL stands for it; what has not moved there says so.
  const cli = async (...args: string[]) => {
    let out = '';
    let err = '';
    const code = await main(args, { out: (x) => void (out += x), err: (x) => void (err += x) });
    return { code, out, err };
  };
  const lewatUrl = await cli('dashboard', '--db', url, '--json');
  assert.equal(lewatUrl.code, 0, lewatUrl.err);
  assert.deepEqual(JSON.parse(lewatUrl.out), JSON.parse((await cli('dashboard', '--db', db.file, '--json')).out));
  // The statistics, and the evaluation document (to the last closed quarter), as on the file.
  assert.deepEqual(JSON.parse((await cli('stats', '--db', url, '--json')).out), JSON.parse((await cli('stats', '--db', db.file, '--json')).out));
  const [evServer, evBerkas] = [join(dir, 'ev-server.pdf'), join(dir, 'ev-berkas.pdf')];
  for (const [db_, out] of [[url, evServer], [db.file, evBerkas]] as const) {
    const r = await cli('monev', 'pdf', '--db', db_, '--tahun', String(tahun), '-o', out);
    assert.equal(r.code, 0, r.err);
  }
  assert.equal(execFileSync('pdftotext', ['-layout', evServer, '-'], { encoding: 'utf8' }), execFileSync('pdftotext', ['-layout', evBerkas, '-'], { encoding: 'utf8' }));
  // The e-monev document from the server reads as the one from the file (PDF text and workbook alike).
  for (const format of ['pdf', 'xlsx'] as const) {
    const [dariServer, dariBerkas] = [join(dir, `server.${format}`), join(dir, `berkas.${format}`)];
    for (const [db_, out] of [[url, dariServer], [db.file, dariBerkas]] as const) {
      const r = await cli('monev', format, '--db', db_, '--periode', String(tahun), '-o', out);
      assert.equal(r.code, 0, r.err);
    }
    const teks = (f: string) => (format === 'pdf' ? execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }) : JSON.stringify(bacaSel(f)));
    assert.equal(teks(dariServer), teks(dariBerkas), format);
    if (format === 'pdf') assert.match(teks(dariServer), /Kota Malang/);
  }
  // The public website published from the server is the file's, byte for byte (evaluation, practices, map and all).
  const [situsServer, situsBerkas] = [join(dir, 'situs-server.zip'), join(dir, 'situs-berkas.zip')];
  for (const [db_, out] of [[url, situsServer], [db.file, situsBerkas]] as const) {
    const r = await cli('situs', 'export', '--db', db_, '-o', out, '--zip', '--json');
    assert.equal(r.code, 0, r.err);
  }
  assert.ok(statSync(situsServer).size > 10_000);
  assert.deepEqual(readFileSync(situsServer), readFileSync(situsBerkas));
  // The evaluation table too (the website shows its categories).
  assert.deepEqual(await baca(hitungEvaluasiK(tahun, null, sekarang)), jalankan(db, hitungEvaluasiK(tahun, null, sekarang)));
  process.env.BERMANTRA_DB_URL = url;
  try {
    const teks = await cli('dashboard', '--kabupaten', '35.73');
    assert.equal(teks.code, 0, teks.err);
    assert.match(teks.out, /Kelompok aktif\s+\d+/);
    // A month's quality checks read on the server: the same findings as on the file (the whole province, one district).
    const bulanPeriksa = bulanSebelumnya(hari.slice(0, 7), 1);
    const [diServerP, diBerkasP] = [await cli('laporan', 'periksa', '--period', bulanPeriksa, '--json'), await cli('laporan', 'periksa', '--db', db.file, '--period', bulanPeriksa, '--json')];
    assert.equal(diServerP.code, diBerkasP.code, diServerP.err);
    assert.deepEqual(JSON.parse(diServerP.out), JSON.parse(diBerkasP.out));
    assert.ok(JSON.parse(diServerP.out).length > 0, 'the demo month has findings to compare');
    assert.deepEqual(await baca(periksaBulanK(bulanPeriksa, { kabupaten: '35.73' })), periksaBulan(db, bulanPeriksa, { kabupaten: '35.73' }));
    // The hint beside a cell: a group's last 12 months of one indicator, as on the file.
    const kel = db.sqlite.prepare("SELECT kelompok_id FROM laporan_bulanan WHERE kabupaten_kode = '35.73' LIMIT 1").pluck().get() as string;
    const riwayat = { kelompok_id: kel, indikator: 'omzet', periode: hari.slice(0, 7) };
    assert.ok(jalankan(db, riwayatIndikatorK(riwayat)).some((r) => r.nilai !== null));
    assert.deepEqual(await baca(riwayatIndikatorK(riwayat)), jalankan(db, riwayatIndikatorK(riwayat)));
    // What has not moved to the server says so and changes nothing.
    const perjanjian = db.sqlite.prepare('SELECT id FROM perjanjian LIMIT 1').pluck().get() as string;
    const belum = await cli('perjanjian', 'pdf', '--id', perjanjian, '-o', join(dir, 'perjanjian.pdf'));
    assert.equal(belum.code, 1);
    assert.match(belum.err, /tidak dijalankan pada server PostgreSQL provinsi .*diubah oleh kabupaten\/kota pada berkasnya lalu dikirim lewat bundel/);
    assert.equal(existsSync(join(dir, 'perjanjian.pdf')), false);
    assert.doesNotMatch(belum.err, /rahasia/);
  } finally {
    delete process.env.BERMANTRA_DB_URL;
  }

  // The backup action on the server: pg_dump into the data folder, a dump pg_restore reads; without pg_dump, the command.
  const folderData = join(dir, 'data-petugas');
  process.env.BERMANTRA_FOLDER_DATA = folderData;
  try {
    const c = await cli('cadangan', 'buat', '--db', url, '--json');
    assert.equal(c.code, 0, c.err);
    const dump = JSON.parse(c.out) as { nama: string; jenis: string; ukuran: number };
    assert.equal(dump.jenis, 'server');
    const file = join(folderData, 'cadangan-server', dump.nama);
    assert.equal(statSync(file).size, dump.ukuran);
    const isi = execFileSync(join(dirname(cariPgDump()!), 'pg_restore'), ['-l', file], { encoding: 'utf8' });
    assert.match(isi, /TABLE DATA public laporan_bulanan/);
    assert.deepEqual(JSON.parse((await cli('cadangan', 'list', '--db', url, '--json')).out).map((x: { nama: string }) => x.nama), [dump.nama]);
  } finally {
    delete process.env.BERMANTRA_FOLDER_DATA;
  }
  const tanpa = bacaAlamatServer(url.replace('postgres@', 'postgres:rahasia@'));
  await assert.rejects(cadangkanServer(tanpa, 'rahasia', join(dir, 'x'), new Date(), null), (e: Error) => /pg_dump tidak ditemukan di komputer ini.*pg_dump -Fc -d "postgres:\/\/postgres@/.test(e.message) && !e.message.includes('rahasia'));
});

test('a server that holds no province: an empty one sends the officer to pindah-ke-postgres (and stays empty), a district is refused', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  let err = '';
  const code = await main(['dashboard', '--db', url], { out: () => undefined, err: (x) => void (err += x) });
  assert.equal(code, 1);
  assert.match(err, /belum berisi data Bermantra\. Pindahkan basis data provinsi ke sana lebih dulu: pindah-ke-postgres/);
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-pg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const kab = openDatabase(join(dir, 'kab.sqlite'));
  buatDemo(kab, { kelompok: 2, bulan: 1, kabupaten: '35.07' });
  // pindah refuses a district itself; a district's data put there another way is refused at the door.
  await assert.rejects(pindahKePostgres(kab, url, { mode: 'kabupaten' }), /Hanya basis data provinsi/);
  await pindahKePostgres(kab, url, { mode: 'provinsi' });
  kab.close();
  err = '';
  assert.equal(await main(['dashboard', '--db', url], { out: () => undefined, err: (x) => void (err += x) }), 1);
  assert.match(err, /tidak memuat basis data provinsi\. Server PostgreSQL hanya untuk provinsi/);
});

test('approval on the server: two officers accepting the same month at once decide each report once, each decision names the officer’s login; the list reads as on the file', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  const { db } = await provinsiDiServer(t, url, { kelompok: 16, bulan: 4 });
  // Two officers, each with a login of their own on the server (members of the role that owns the tables).
  const admin = bukaServer(url, { maks: 1 });
  const pemilik = admin.alamat.user;
  for (const nama of ['petugas_ani', 'petugas_budi']) await admin.pool.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${nama}') THEN CREATE ROLE ${nama} LOGIN; END IF; END $$; GRANT ${pemilik} TO ${nama}`);
  await admin.tutup();
  const sebagai = (nama: string) => url.replace(`//${pemilik}@`, `//${nama}@`);
  const bulan = bulanSebelumnya(new Date().toISOString().slice(0, 7), 1);
  const ani = new ServerProvinsi(sebagai('petugas_ani'));
  const budi = new ServerProvinsi(sebagai('petugas_budi'));
  t.after(() => Promise.all([ani.tutup(), budi.tutup()]));
  const terima = (p: ServerProvinsi) => p.tulis(() => terimaBulanK({ kabupaten: '35.73', periode: bulan }, new Date(), p.petugas));
  const [a, b] = await Promise.all([terima(ani), terima(budi)]);
  // On the file, the same month accepted once.
  const diBerkas = terimaBulan(db, { kabupaten: '35.73', periode: bulan });
  assert.ok(diBerkas.diterima > 0, 'the month has reports to accept');
  assert.equal(a.diterima + b.diterima, diBerkas.diterima, 'each report accepted once between the two officers');
  assert.equal(a.sudah + b.sudah, diBerkas.diterima, 'the officer who came second found them accepted');
  assert.deepEqual([a.dilewati, b.dilewati], [diBerkas.dilewati, diBerkas.dilewati]);
  const s = bukaServer(url, { maks: 1 });
  t.after(() => s.tutup());
  const keputusan = (await s.pool.query('SELECT laporan_id, operator FROM keputusan_laporan WHERE periode = $1', [bulan])).rows as { laporan_id: string; operator: string }[];
  assert.equal(new Set(keputusan.map((k) => k.laporan_id)).size, keputusan.length, 'no report decided twice');
  assert.equal(keputusan.length, diBerkas.diterima);
  assert.equal(new Set(keputusan.map((k) => k.operator)).size, 1);
  assert.ok(['petugas_ani', 'petugas_budi'].includes(keputusan[0]!.operator));
  // A return through the CLI as another officer names that one; the list reads the same on the server as on the file.
  const cli = async (...args: string[]) => {
    let out = '';
    let err = '';
    const code = await main(args, { out: (x) => void (out += x), err: (x) => void (err += x) });
    return { code, out, err };
  };
  const satuLaporan = keputusan[0]!.laporan_id;
  const balik = await cli('laporan', 'kembalikan', '--db', sebagai('petugas_budi'), '--id', satuLaporan, '--alasan', 'Omzet tidak sesuai nota', '--json');
  assert.equal(balik.code, 0, balik.err);
  kembalikanLaporan(db, { id: satuLaporan, alasan: 'Omzet tidak sesuai nota' });
  assert.equal((await s.pool.query('SELECT operator FROM keputusan_laporan WHERE laporan_id = $1 ORDER BY id DESC LIMIT 1', [satuLaporan])).rows[0].operator, 'petugas_budi');
  const daftar = await cli('laporan', 'list', '--db', sebagai('petugas_ani'), '--period', bulan, '--kabupaten', '35.73', '--json');
  assert.equal(daftar.code, 0, daftar.err);
  const diServer = JSON.parse(daftar.out) as { id: string; status_efektif: string }[];
  assert.deepEqual(diServer.map((r) => [r.id, r.status_efektif]), daftarLaporan(db, { periode: bulan, kabupaten: '35.73' }).map((r) => [r.id, r.status_efektif]));
  assert.ok(diServer.some((r) => r.status_efektif === 'dikembalikan') && diServer.some((r) => r.status_efektif === 'diterima'));
});

/** Every cell's value of every sheet of a workbook, for comparing two files' contents. */
function bacaSel(file: string): unknown[] {
  const wb = XLSX.read(readFileSync(file));
  return wb.SheetNames.map((n) => XLSX.utils.sheet_to_json(wb.Sheets[n]!, { header: 1, raw: true }));
}

test('the province dashboard on the server is kept per state of the data: read from what was kept, computed afresh after any write', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  const { db } = await provinsiDiServer(t, url, { kelompok: 8, bulan: 4 });
  const petugas = new ServerProvinsi(url);
  t.after(() => petugas.tutup());
  const hari = new Date().toISOString().slice(0, 10);
  const kunci = `uji|${hari}`;
  const baca = () => petugas.bacaTersimpan<unknown>(kunci, () => hitungDashboardK({}, hari));
  const diBerkas = jalankan(db, hitungDashboardK({}, hari));
  assert.deepEqual(await baca(), diBerkas);
  const s = bukaServer(url, { maks: 1 });
  t.after(() => s.tutup());
  assert.deepEqual((await s.pool.query('SELECT kunci FROM cache_baca')).rows, [{ kunci }]);
  // The next read takes what was kept (shown by marking it): nothing was written in between.
  await s.pool.query(`UPDATE cache_baca SET isi = '{"penanda": 1}'`);
  assert.deepEqual(await baca(), { penanda: 1 });
  // Any write moves the data's state on: the next read computes afresh.
  await petugas.tulis(() => terimaBulanK({ kabupaten: '35.73', periode: bulanSebelumnya(hari.slice(0, 7), 1) }, new Date(), petugas.petugas));
  assert.deepEqual(await baca(), diBerkas);
  assert.equal((await s.pool.query('SELECT count(*) AS n FROM perubahan_data')).rows[0].n, 1);
  // Two officers missing together: one computes, the other waits for it and takes what it kept.
  const lain = new ServerProvinsi(url);
  t.after(() => lain.tutup());
  await petugas.tulis(() => terimaBulanK({ kabupaten: '35.07', periode: bulanSebelumnya(hari.slice(0, 7), 1) }, new Date(), petugas.petugas));
  let dihitung = 0;
  const lambat = function* () {
    dihitung++;
    yield* baris('SELECT pg_sleep(0.3)');
    return yield* hitungDashboardK({}, hari);
  };
  const [x, y] = await Promise.all([petugas.bacaTersimpan(kunci, lambat), lain.bacaTersimpan(kunci, lambat)]);
  assert.equal(dihitung, 1, 'computed once for both');
  assert.deepEqual(x, y);
  assert.deepEqual(x, jalankan(db, hitungDashboardK({}, hari)));
});

test('a district’s proposal read at the province on the server: its PDF and RAB as from the file, the member list exported, nothing put in the province’s register; a signed letter verified against the province’s roots, the verdict kept on the server', async (t) => {
  const url = await basisDataBaru(t);
  if (!url) return;
  const { db, dir } = await provinsiDiServer(t, url, { kelompok: 8, bulan: 4 });
  const cli = async (...args: string[]) => {
    let out = '';
    let err = '';
    const code = await main(args, { out: (x) => void (out += x), err: (x) => void (err += x) });
    return { code, out, err };
  };
  const proposal = jalankan(db, daftarProposalK({}));
  assert.ok(proposal.length > 0);
  const id = proposal[0]!.id;
  const teksPdf = (f: string) => execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
  for (const [perintah, ext] of [['pdf', 'pdf'], ['rab-xlsx', 'xlsx']] as const) {
    const [diServer, diBerkas] = [join(dir, `proposal-server.${ext}`), join(dir, `proposal-berkas.${ext}`)];
    for (const [db_, out] of [[url, diServer], [db.file, diBerkas]] as const) {
      const r = await cli('proposal', perintah, '--db', db_, '--id', id, '-o', out);
      assert.equal(r.code, 0, r.err);
    }
    if (ext === 'pdf') {
      assert.equal(teksPdf(diServer), teksPdf(diBerkas));
      assert.match(teksPdf(diServer), /DAFTAR ANGGOTA KELOMPOK/);
    } else assert.deepEqual(bacaSel(diServer), bacaSel(diBerkas));
  }
  // The member list exported from the server: the file's, cell for cell (csv and workbook).
  for (const ext of ['csv', 'xlsx'] as const) {
    const [diServer, diBerkas] = [join(dir, `anggota-server.${ext}`), join(dir, `anggota-berkas.${ext}`)];
    for (const [db_, out] of [[url, diServer], [db.file, diBerkas]] as const) {
      const r = await cli('anggota', 'export', '--db', db_, '-o', out);
      assert.equal(r.code, 0, r.err);
    }
    if (ext === 'csv') {
      assert.equal(readFileSync(diServer, 'utf8'), readFileSync(diBerkas, 'utf8'));
      assert.ok(readFileSync(diServer, 'utf8').split('\n').length > 20);
    } else assert.deepEqual(bacaSel(diServer), bacaSel(diBerkas));
  }
  // The district's letter is not the province's: its register stays empty, on the file and on the server.
  const s = bukaServer(url, { maks: 1 });
  t.after(() => s.tutup());
  assert.deepEqual(daftarSuratKeluar(db), []);
  assert.equal((await s.pool.query('SELECT count(*) AS n FROM surat_keluar')).rows[0].n, 0);
  // A letter for TTE is the district's to make: refused at the province, before any file is written.
  const tte = await cli('proposal', 'pdf', '--db', url, '--id', id, '--siap-tte', '-o', join(dir, 'tte.pdf'));
  assert.equal(tte.code, 1);
  assert.match(tte.err, /Surat siap TTE dibuat dan ditandatangani oleh kabupaten\/kota pengusul/);
  assert.equal(existsSync(join(dir, 'tte.pdf')), false);

  // A signed letter checked on the server: against the roots the province keeps there; the verdict kept there.
  const ca = buatCaUji(join(dir, 'ca'));
  const surat = join(dir, 'surat-ttd.pdf');
  writeFileSync(surat, await tandatangani(await renderPdf({ content: [{ text: 'Surat pengantar proposal (uji)' }] }), ca.p12.sah));
  const belumTepercaya = await cli('dokumen', 'verifikasi', surat, '--db', url, '--json');
  assert.equal(belumTepercaya.code, 1);
  const petugas = new ServerProvinsi(url);
  t.after(() => petugas.tutup());
  await petugas.tulis(() => tambahAkarK(Buffer.from(ca.akar)));
  const sah = await cli('dokumen', 'verifikasi', surat, '--db', url, '--json');
  assert.equal(sah.code, 0, sah.out + sah.err);
  assert.equal(JSON.parse(sah.out).valid, true);
  const hash = createHash('sha256').update(readFileSync(surat)).digest('hex');
  assert.equal(JSON.parse((await s.pool.query('SELECT hasil FROM tte_periksa WHERE hash = $1', [hash])).rows[0].hasil).valid, true);
});

/** A demo province of two districts (its file, kept open for the test) copied to the fresh server database at url. */
async function provinsiDiServer(t: TestContext, url: string, demo: { kelompok: number; bulan: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-pg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = openDatabase(buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: ['35.07', '35.73'], demo }));
  t.after(() => db.close());
  await pindahKePostgres(db, url, { mode: 'provinsi' });
  return { db, dir };
}
