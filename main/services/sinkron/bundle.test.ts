import assert from 'node:assert/strict';
import { buatKelompok } from '../../../test/rekaman';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDatabase, type Db } from '../../../db/connection';
import { RecordWriter } from '../../../db/write';
import { AppError } from '../../common/errors';
import { KATALOG_AWAL } from '../../common/laporan';
import { SYNCED_TABLES } from '../../common/register';
import { hitungDashboard, simpanTarget } from '../dasbor/dashboard';
import { buatDemo } from '../demo/demo';
import { tulisEkstrakDemo } from '../demo/ekstrak';
import { cocokkan, imporEkstrak } from '../dtsen/dtsen';

import { ajukanLaporan, bukaKembaliLaporan, katalogAktif, pasangKatalog, simpanLaporan } from '../laporan/laporan';
import { pdfProposal } from '../proposal/dokumen';
import { simpanTemplatSurat } from '../proposal/proposal';
import { tempDb } from '../../../test/db';
import { buatBundelReferensi, buatTandaTerima, eksporBundel, imporBundel, periksaBundel, susun, uraikan } from './bundle';
import { bacaIdentitas, buatKunci, cadangkanKunci, daftarkanPihak, identitas, kunciPrivat, pulihkanKunci, sidikJari, TANPA_PELINDUNG } from './kunci';
import { statusKabupaten } from './provinsi';
import { dunia, eksporDiubah, isi, semuaDitolak, ubahLonggar } from '../../../test/bundel';
import { ddlMuatan } from './muatan';
import { kolomLengkap } from '../../common/register';

test('a district bundle arrives whole at the province; applying it again changes nothing and says so', () => {
  const w = dunia();
  try {
    const bytes = w.ekspor();
    const info = periksaBundel(bytes);
    assert.equal(info.tanda_tangan_utuh, true);
    assert.equal(info.manifest.pengirim, '35.07');
    assert.doesNotMatch(bytes.toString('latin1'), /KUBE|35070\d{10}/, 'names and NIKs never appear in clear text');
    const dry = imporBundel(w.prov.db, TANPA_PELINDUNG, bytes, { dryRun: true });
    assert.equal(dry.tabel.kelompok!.baru, 4);
    assert.equal((w.prov.db.sqlite.prepare('SELECT count(*) AS n FROM kelompok').get() as { n: number }).n, 0, 'a dry run writes nothing');
    const first = imporBundel(w.prov.db, TANPA_PELINDUNG, bytes);
    assert.equal(first.tabel.kelompok!.baru, 4);
    const anggota = (w.kab.db.sqlite.prepare('SELECT count(*) AS n FROM anggota').get() as { n: number }).n;
    assert.equal(first.tabel.anggota!.baru, anggota);
    for (const t of ['offtaker', 'mou', 'isu', 'tindak_lanjut', 'praktik_baik', 'pelatihan', 'pelatihan_peserta', 'proposal', 'rab_item']) assert.ok(first.tabel[t]!.baru > 0, `${t} travels in the bundle`);
    // Every synced table, row and column arrives exactly as the district holds it.
    for (const t of SYNCED_TABLES) {
      const rows = (db: Db) => db.sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all();
      assert.deepEqual(rows(w.prov.db), rows(w.kab.db), `tabel ${t}`);
    }
    const before = isi(w.prov.db);
    const again = imporBundel(w.prov.db, TANPA_PELINDUNG, bytes);
    assert.equal(again.sudahPernah, true);
    assert.match(again.pesan, /sudah pernah diimpor; tidak ada yang berubah/);
    assert.equal(isi(w.prov.db), before);
    assert.equal(statusKabupaten(w.prov.db)[0]!.kelompok, 4);
  } finally {
    w.cleanup();
  }
});

test('every damaged or foreign bundle is refused with a message and changes nothing', () => {
  const w = dunia(2);
  try {
    const good = w.ekspor();
    const before = isi(w.prov.db);
    const refuse = (bytes: Buffer, code: string | RegExp) =>
      assert.throws(() => imporBundel(w.prov.db, TANPA_PELINDUNG, bytes), (e: AppError) => e instanceof AppError && (typeof code === 'string' ? e.code === code : code.test(e.code)) && e.message.length > 20, String(code));
    refuse(Buffer.from('PK\u0003\u0004 bukan bundel'), 'BUKAN_BUNDEL');
    refuse(good.subarray(0, good.length - 100), 'BUNDEL_TERPOTONG');
    refuse(good.subarray(0, 20), 'BUNDEL_TERPOTONG');
    // One flipped byte anywhere: magic, header, payload, signature.
    for (const at of [0, 14, 40, Math.floor(good.length / 2), good.length - 80, good.length - 1]) {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x01;
      refuse(bad, /BUKAN_BUNDEL|BUNDEL_RUSAK|FORMAT_TIDAK_DIKENAL|KUNCI_SALAH|BUNDEL_TERPOTONG|PENGIRIM_BELUM_TERDAFTAR/);
    }
    // Signed by another key claiming to be Kab. Malang
    const impostor = tempDb(null);
    buatDemo(impostor.db, { kelompok: 1, bulan: 0, kabupaten: '35.07' });
    buatKunci(impostor.db, TANPA_PELINDUNG);
    daftarkanPihak(impostor.db, bacaIdentitas(JSON.stringify(identitas(w.prov.db, TANPA_PELINDUNG))));
    refuse(readFileSync(eksporBundel(impostor.db, TANPA_PELINDUNG, { folder: impostor.dir }).berkas), 'KUNCI_SALAH');
    // From a district nobody registered
    const unknown = tempDb(null);
    buatDemo(unknown.db, { kelompok: 1, bulan: 0, kabupaten: '35.73' });
    buatKunci(unknown.db, TANPA_PELINDUNG);
    daftarkanPihak(unknown.db, bacaIdentitas(JSON.stringify(identitas(w.prov.db, TANPA_PELINDUNG))));
    const fromUnknown = readFileSync(eksporBundel(unknown.db, TANPA_PELINDUNG, { folder: unknown.dir }).berkas);
    assert.throws(() => imporBundel(w.prov.db, TANPA_PELINDUNG, fromUnknown), (e: AppError) => e.code === 'PENGIRIM_BELUM_TERDAFTAR' && e.message.includes(sidikJari(identitas(unknown.db, TANPA_PELINDUNG).kunci_tanda_tangan)));
    // Encrypted for another province installation
    const otherProv = tempDb('35');
    buatKunci(otherProv.db, TANPA_PELINDUNG);
    daftarkanPihak(otherProv.db, bacaIdentitas(JSON.stringify(identitas(w.kab.db, TANPA_PELINDUNG))));
    assert.throws(() => imporBundel(otherProv.db, TANPA_PELINDUNG, good), (e: AppError) => e.code === 'BUKAN_UNTUK_KITA');
    // From a newer app: properly signed by the district, with a schema this app does not know
    const parsed = uraikan(good);
    const newer = susun({ ...parsed.header, manifest: { ...parsed.header.manifest, versi_skema: parsed.header.manifest.versi_skema + 1 } }, parsed.payload, kunciPrivat(w.kab.db, TANPA_PELINDUNG, 'tanda_tangan'));
    assert.throws(() => imporBundel(w.prov.db, TANPA_PELINDUNG, newer), (e: AppError) => e.code === 'SKEMA_LEBIH_BARU' && /Perbarui Bermantra/.test(e.message));
    assert.equal(isi(w.prov.db), before);
    impostor.cleanup();
    unknown.cleanup();
    otherProv.cleanup();
  } finally {
    w.cleanup();
  }
});

test('a signed bundle whose payload breaks the schema or holds another district\'s rows is refused whole', () => {
  // A hostile or broken sender: the payload is altered after the app wrote it, then signed and encrypted as usual.
  const ubah = (sql: string, skema?: (ddl: string) => string) => (file: string) => ubahLonggar(file, (y) => y.exec(sql), skema);
  const kasus: [string, (file: string) => void, RegExp][] = [
    ['another district\'s row', ubah("UPDATE kelompok SET kabupaten_kode = '35.08' WHERE rowid = 2"), /tabel kelompok baris 2 milik 35\.08, bukan 35\.07/],
    ['a blob for a name', ubah("UPDATE anggota SET nama = x'00ff' WHERE rowid = 3"), /tabel anggota baris 3 tidak sah \(nama: jenis data salah\)/],
    ['text for a number', ubah("UPDATE laporan_bulanan SET katalog_versi = 'satu' WHERE rowid = 1"), /tabel laporan_bulanan baris 1 tidak sah \(katalog_versi: jenis data salah\)/],
    ['a missing id', ubah('UPDATE anggota SET id = NULL WHERE rowid = 1'), /tabel anggota baris 1 tidak sah \(id: wajib ada\)/],
    ['DT-SEN counts for another district', ubah("INSERT INTO dtsen_ringkasan VALUES ('x', '35.08', 'DTSEN', '2025-10-01', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)"), /tabel dtsen_ringkasan baris 1 milik 35\.08, bukan 35\.07/],
    ['a trigger smuggled in', ubah("CREATE TRIGGER t AFTER INSERT ON kelompok BEGIN SELECT 1; END"), /tidak dikenal \(trigger t\)/],
    ['a loosened table', ubah('SELECT 1', (ddl) => ddl.replace(' STRICT', '')), /tidak dikenal \(table /],
    // What a registered district may not write, from the record register.
    ['a photo named like a path', ubah("INSERT INTO foto_laporan SELECT 'f1', kabupaten_kode, created_at, updated_at, NULL, id, '../../../../etc/hostname', 'image/png', 1, 1, 1, NULL FROM laporan_bulanan LIMIT 1"), /tabel foto_laporan baris 1 tidak sah \(hash: bentuk tidak sah\)/],
    ['a photo that is a web page', ubah(`INSERT INTO foto_laporan SELECT 'f1', kabupaten_kode, created_at, updated_at, NULL, id, '${'ab'.repeat(32)}', 'text/html', 1, 1, 1, '<img src=x onerror=alert(1)>' FROM laporan_bulanan LIMIT 1`), /tabel foto_laporan baris 1 tidak sah \(mime: nilai tidak dikenal\)/],
    ['a member in another district\'s kelompok', ubah("UPDATE anggota SET kelompok_id = 'kelompok-35-08' WHERE rowid = 1"), /tabel anggota baris 1 tidak sah \(kelompok_id: merujuk kelompok milik kabupaten\/kota lain\)/],
    ['a name of a million letters', ubah("UPDATE anggota SET nama = printf('%.*c', 1000000, 'A') WHERE rowid = 2"), /tabel anggota baris 2 tidak sah \(nama: lebih dari 200 huruf\)/],
    ['a NIK of letters', ubah("UPDATE anggota SET nik = 'ABCDE' WHERE rowid = 1"), /tabel anggota baris 1 tidak sah \(nik: bentuk tidak sah\)/],
    ['a NIK the form refuses', ubah("UPDATE anggota SET nik = '3507019913850003' WHERE rowid = 1"), /tabel anggota baris 1 tidak sah \(nik: /],
    ['a NIK twice in one kelompok', ubah("INSERT INTO anggota SELECT 'a-salinan', kabupaten_kode, created_at, updated_at, NULL, kelompok_id, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, alamat, desa_kode, jabatan FROM anggota WHERE rowid = 1"), /tabel anggota memuat NIK \d{6}… dua kali dalam satu kelompok/],
    ['a change from the year 9999', ubah("UPDATE kelompok SET updated_at = '9999-01-01T00:00:00.000Z_0000_x' WHERE rowid = 1"), /tabel kelompok baris 1 tidak sah \(updated_at: waktu di masa depan\)/],
    ['report values that are not JSON', ubah("UPDATE laporan_bulanan SET nilai = 'bukan json' WHERE rowid = 1"), /tabel laporan_bulanan baris 1 tidak sah \(nilai: bukan JSON yang sah\)/],
    ['an audit entry of a megabyte', ubah("INSERT INTO audit VALUES ('zz', '35.07', '2025-01-01T00:00:00.000Z', 'x', 'kelompok', 'k', 'ubah', printf('%.*c', 1000000, 'A'), NULL)"), /riwayat perubahan baris \d+ tidak sah \(perubahan: lebih dari/],
  ];
  // The province already holds a kelompok of another district (35.08).
  semuaDitolak(kasus, (w) =>
    w.prov.db.sqlite
      .prepare("INSERT INTO kelompok (id, kabupaten_kode, created_at, updated_at, nama, kecamatan_kode, desa_kode, sektor, status) VALUES ('kelompok-35-08', '35.08', ?, ?, 'KUBE Tetangga', '35.08.01', '35.08.01.2001', 'Jasa', 'aktif')")
      .run(w.prov.db.clock.now(), w.prov.db.clock.now()),
  );
});

test('the audit trail of changes travels; creation entries, which only repeat the record, do not', () => {
  const w = dunia(2);
  try {
    imporBundel(w.prov.db, TANPA_PELINDUNG, w.ekspor());
    assert.equal((w.prov.db.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE aksi = 'buat'").get() as { n: number }).n, 0);
    const k = w.kab.db.sqlite.prepare('SELECT * FROM kelompok LIMIT 1').get() as { id: string; desa_kode: string };
    buatKelompok(w.kab.db, { id: k.id, nama: 'KUBE Ganti Nama', desa_kode: k.desa_kode, sektor: 'Jasa' });
    imporBundel(w.prov.db, TANPA_PELINDUNG, w.ekspor());
    const jejak = w.prov.db.sqlite.prepare("SELECT aksi, perubahan FROM audit WHERE row_id = ?").all(k.id) as { aksi: string; perubahan: string }[];
    assert.equal(jejak.length, 1);
    assert.equal(jejak[0]!.aksi, 'ubah');
    assert.match(jejak[0]!.perubahan, /KUBE Ganti Nama/);
  } finally {
    w.cleanup();
  }
});

test('newest change wins per row: an older bundle after a newer one changes nothing the newer one set', () => {
  const w = dunia(1);
  try {
    const older = w.ekspor();
    const k = w.kab.db.sqlite.prepare('SELECT * FROM kelompok LIMIT 1').get() as { id: string; desa_kode: string };
    buatKelompok(w.kab.db, { id: k.id, nama: 'KUBE Nama Baru', desa_kode: k.desa_kode, sektor: 'Jasa' });
    const newer = w.ekspor(); // not acknowledged yet: carries everything again, with the newer row
    imporBundel(w.prov.db, TANPA_PELINDUNG, newer);
    const r = imporBundel(w.prov.db, TANPA_PELINDUNG, older);
    assert.equal(r.tabel.kelompok!.diabaikan, 1);
    assert.equal((w.prov.db.sqlite.prepare('SELECT nama FROM kelompok WHERE id = ?').get(k.id) as { nama: string }).nama, 'KUBE Nama Baru');
  } finally {
    w.cleanup();
  }
});

test('after the acknowledgement the next bundle carries only new changes; a bundle with missing earlier changes is refused, a full one applies', () => {
  const w = dunia(2);
  try {
    imporBundel(w.prov.db, TANPA_PELINDUNG, w.ekspor());
    const ackPath = join(w.prov.dir, 'tanda-terima.bmb');
    buatTandaTerima(w.prov.db, TANPA_PELINDUNG, '35.07', ackPath);
    const ack = imporBundel(w.kab.db, TANPA_PELINDUNG, readFileSync(ackPath));
    assert.match(ack.pesan, /Tanda terima/);
    const k = w.kab.db.sqlite.prepare('SELECT * FROM kelompok LIMIT 1').get() as { id: string; desa_kode: string };
    buatKelompok(w.kab.db, { id: k.id, nama: 'KUBE Sesudah Tanda Terima', desa_kode: k.desa_kode, sektor: 'Jasa' });
    const increment = w.ekspor();
    const manifest = periksaBundel(increment).manifest;
    assert.deepEqual(Object.entries(manifest.jumlah).filter(([, n]) => n > 0), [['kelompok', 1], ['audit', 1]]);
    // A fresh province database never got bundle 1: the increment names what is missing.
    const fresh = tempDb('35');
    buatKunci(fresh.db, TANPA_PELINDUNG);
    // re-encrypting for this installation needs the district to trust it; simulate the same province restored from backup instead:
    const keys = cadangkanKunci(w.prov.db, TANPA_PELINDUNG, 'frasa sandi provinsi yang panjang');
    pulihkanKunci(fresh.db, TANPA_PELINDUNG, keys, 'frasa sandi provinsi yang panjang');
    daftarkanPihak(fresh.db, bacaIdentitas(JSON.stringify(identitas(w.kab.db, TANPA_PELINDUNG))));
    const before = isi(fresh.db);
    assert.throws(() => imporBundel(fresh.db, TANPA_PELINDUNG, increment), (e: AppError) => e.code === 'PERUBAHAN_HILANG' && /belum ada/.test(e.message));
    assert.equal(isi(fresh.db), before);
    const full = imporBundel(fresh.db, TANPA_PELINDUNG, w.ekspor({ penuh: true }));
    assert.equal(full.tabel.kelompok!.baru, 2);
    assert.throws(() => pulihkanKunci(fresh.db, TANPA_PELINDUNG, keys, 'frasa yang salah sekali'), (e: AppError) => e.code === 'FRASA_SALAH');
    fresh.cleanup();
  } finally {
    w.cleanup();
  }
});

test('the province sends its indicator catalogue and Dinas list back in a signed reference bundle', () => {
  const w = dunia(1);
  try {
    pasangKatalog(w.prov.db, { ...KATALOG_AWAL, versi: 2, nama: 'Katalog 2026', regulasi: 'Pergub baru 2026' });
    simpanTarget(w.prov.db, { tahun: 2026, indikator: 'omzet', kecamatan_kode: null, nilai: 900_000_000, kabupaten: '35.07' });
    simpanTarget(w.prov.db, { tahun: 2026, indikator: 'omzet', kecamatan_kode: null, nilai: 700_000_000, kabupaten: '35.08' });
    const path = join(w.prov.dir, 'referensi.bmb');
    buatBundelReferensi(w.prov.db, TANPA_PELINDUNG, path);
    const bytes = readFileSync(path);
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 70]! ^= 0xff;
    assert.throws(() => imporBundel(w.kab.db, TANPA_PELINDUNG, tampered), AppError);
    assert.equal(katalogAktif(w.kab.db).versi, 1);
    imporBundel(w.kab.db, TANPA_PELINDUNG, bytes);
    assert.equal(katalogAktif(w.kab.db).regulasi, 'Pergub baru 2026');
    const targets = w.kab.db.sqlite.prepare("SELECT tahun, indikator, nilai, sumber FROM target_indikator WHERE sumber = 'provinsi'").all();
    assert.deepEqual(targets, [{ tahun: 2026, indikator: 'omzet', nilai: 900_000_000, sumber: 'provinsi' }]);
  } finally {
    w.cleanup();
  }
});

test('a process killed in the middle of an import leaves the database as before', () => {
  const w = dunia(6);
  try {
    const path = join(w.prov.dir, 'bundel.bmb');
    writeFileSync(path, w.ekspor());
    const file = w.prov.db.file;
    const before = isi(w.prov.db);
    w.prov.db.close();
    // The child dies the moment the import, having applied the members inside its transaction, prepares the
    // next table's statement: the test's own hook on the connection, nothing in the app.
    const script = `import { openDatabase } from './db/connection'; import { imporBundel } from './main/services/sinkron/bundle';
      import { TANPA_PELINDUNG } from './main/services/sinkron/kunci'; import { readFileSync } from 'node:fs';
      const db = openDatabase(${JSON.stringify(file)});
      const prepare = db.sqlite.prepare.bind(db.sqlite);
      db.sqlite.prepare = (sql) => { if (/INSERT INTO main\\.laporan_bulanan/.test(sql)) process.kill(process.pid, 'SIGKILL'); return prepare(sql); };
      imporBundel(db, TANPA_PELINDUNG, readFileSync(${JSON.stringify(path)}));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(r.signal, 'SIGKILL', r.stderr);
    const db = openDatabase(file);
    assert.equal(isi(db), before);
    const done = imporBundel(db, TANPA_PELINDUNG, readFileSync(path));
    assert.ok(done.tabel.anggota!.baru > 0 && done.tabel.laporan_bulanan!.baru > 0);
    db.close();
  } finally {
    w.cleanup();
  }
});

test('the province dashboard shows a district as the district sees itself, after a full bundle and after a later one with a deleted kelompok and DT-SEN matching', async () => {
  const w = dunia(6);
  try {
    const bulan = (w.kab.db.sqlite.prepare("SELECT max(periode) AS p FROM laporan_bulanan WHERE status != 'draft'").get() as { p: string }).p;
    const today = `${bulan}-28`;
    const sama = () => {
      const kab = hitungDashboard(w.kab.db, { bulan }, today);
      const prov = hitungDashboard(w.prov.db, { bulan }, today);
      const provKab = hitungDashboard(w.prov.db, { bulan, kabupaten: '35.07' }, today);
      assert.ok(kab.omzet_bulan.nilai > 0);
      for (const d of [prov, provKab]) {
        assert.deepEqual(d.seri_omzet, kab.seri_omzet);
        assert.deepEqual([d.omzet_bulan, d.omzet_tahun_berjalan, d.penjualan_offtaker_bulan, d.kelompok_aktif], [kab.omzet_bulan, kab.omzet_tahun_berjalan, kab.penjualan_offtaker_bulan, kab.kelompok_aktif]);
        assert.deepEqual([d.persen_cocok_dtsen, d.persen_desil_1_4, d.desil], [kab.persen_cocok_dtsen, kab.persen_desil_1_4, kab.desil]);
      }
      assert.equal(prov.peringkat![0]!.omzet_tahun, kab.omzet_tahun_berjalan.nilai);
      return kab;
    };
    const pertama = w.ekspor();
    imporBundel(w.prov.db, TANPA_PELINDUNG, pertama);
    const awal = sama();
    assert.equal(awal.persen_cocok_dtsen, null, 'no matching yet');
    // The district deletes a kelompok that reported and corrects another kelompok's report upwards.
    const [hapus, ubah] = w.kab.db.sqlite.prepare(`SELECT DISTINCT kelompok_id AS id FROM laporan_bulanan WHERE periode = ? AND status != 'draft' ORDER BY kelompok_id LIMIT 2`).all(bulan) as { id: string }[];
    RecordWriter.forDb(w.kab.db).remove('kelompok', hapus!.id, 'kelompok bubar');
    const lap = w.kab.db.sqlite.prepare('SELECT id FROM laporan_bulanan WHERE kelompok_id = ? AND periode = ?').get(ubah!.id, bulan) as { id: string };
    bukaKembaliLaporan(w.kab.db, lap.id, 'omzet salah ketik');
    simpanLaporan(w.kab.db, { kelompok_id: ubah!.id, periode: bulan, nilai: { omzet: 999_000_000, biaya: 1, anggota_aktif: 3 } });
    ajukanLaporan(w.kab.db, [lap.id], new Date(`${bulan}-28T00:00:00Z`));
    // The district matches its members against a DT-SEN extract; only counts per kelompok travel.
    const ekstrak = join(w.kab.dir, 'ekstrak.csv');
    await tulisEkstrakDemo(w.kab.db, ekstrak, 50, 2);
    await imporEkstrak(w.kab.db, ekstrak, 'ekstrak.csv', { sumber: 'DTSEN', tanggal: '2025-10-01' });
    cocokkan(w.kab.db);
    const kedua = w.ekspor();
    imporBundel(w.prov.db, TANPA_PELINDUNG, kedua);
    const perOrang = w.prov.db.sqlite.prepare('SELECT (SELECT count(*) FROM dtsen_hasil) + (SELECT count(*) FROM dtsen_snapshot) AS n').get() as { n: number };
    assert.equal(perOrang.n, 0, 'no per-member result or extract reaches the province');
    const lalu = sama();
    assert.notEqual(lalu.omzet_bulan.nilai, awal.omzet_bulan.nilai);
    assert.ok(lalu.persen_cocok_dtsen! > 50);
    // The first bundle arriving late changes neither the reports nor the counts the second one set.
    imporBundel(w.prov.db, TANPA_PELINDUNG, pertama);
    sama();
  } finally {
    w.cleanup();
  }
});

test('the province writes the covering letter of proposals; districts receive it in the reference bundle and print it', async () => {
  const w = dunia(1);
  try {
    assert.throws(() => simpanTemplatSurat(w.kab.db, { kepada: 'Bupati', pembuka: 'Dengan hormat, proposal {kelompok}.' }), (e: AppError) => e.code === 'MODE_SALAH');
    assert.throws(
      () => simpanTemplatSurat(w.prov.db, { kepada: 'Gubernur Jawa Timur', pembuka: 'Dengan hormat, proposal {nama_kelompok} kami sampaikan.' }),
      (e: AppError) => e.code === 'TEMPLAT_TIDAK_SAH' && /\{nama_kelompok\} tidak dikenal/.test(e.message) && /\{kelompok\}/.test(e.message),
    );
    const t = simpanTemplatSurat(w.prov.db, {
      kepada: 'Gubernur Jawa Timur\nc.q. Kepala {dinas}\ndi\nSurabaya',
      pembuka: 'Dengan hormat, atas nama Pemerintah {kabupaten} kami mengusulkan kelompok {kelompok} dengan anggaran {total}.',
    });
    assert.equal(t.versi, 2);
    const path = join(w.prov.dir, 'referensi.bmb');
    buatBundelReferensi(w.prov.db, TANPA_PELINDUNG, path);
    assert.match(imporBundel(w.kab.db, TANPA_PELINDUNG, readFileSync(path)).pesan, /templat surat pengantar versi 2 dipasang/);
    assert.doesNotMatch(imporBundel(w.kab.db, TANPA_PELINDUNG, readFileSync(path)).pesan, /templat surat/, 'the same version is not installed twice');
    const id = (w.kab.db.sqlite.prepare('SELECT id FROM proposal WHERE deleted_at IS NULL LIMIT 1').get() as { id: string }).id;
    const pdf = join(w.kab.dir, 'proposal.pdf');
    await pdfProposal(w.kab.db, id, pdf);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(text, /atas nama Pemerintah Kabupaten Malang kami mengusulkan kelompok .+ dengan anggaran Rp[\d.]+\./);
    assert.doesNotMatch(text, /\{/);
  } finally {
    w.cleanup();
  }
});

test('a bundle from a version before a nullable field was added still imports; the new field stays empty', () => {
  const w = dunia(2);
  try {
    const baru = ['wakil_pembeli', 'jabatan_wakil'];
    const lama = Object.keys(kolomLengkap('perjanjian')).filter((c) => !baru.includes(c));
    // The payload as the older version wrote it: the perjanjian table without the two columns, in its own words.
    const bytes = readFileSync(
      eksporDiubah(w.kab.db, w.kab.dir, (file) =>
        ubahLonggar(
          file,
          (x) => {
            for (const c of baru) x.exec(`ALTER TABLE perjanjian DROP COLUMN ${c}`);
          },
          (ddl) => (ddl.startsWith('CREATE TABLE perjanjian ') ? ddlMuatan('perjanjian', '35.07', '', lama) : ddl),
        ),
      ).berkas,
    );
    const r = imporBundel(w.prov.db, TANPA_PELINDUNG, bytes);
    assert.ok(r.tabel.perjanjian!.baru > 0);
    const row = w.prov.db.sqlite.prepare('SELECT nomor, wakil_pembeli, jabatan_wakil FROM perjanjian LIMIT 1').get() as Record<string, unknown>;
    assert.deepEqual([typeof row.nomor, row.wakil_pembeli, row.jabatan_wakil], ['string', null, null]);
    // A column that must not be empty cannot be left out that way.
    const tanpaNomor = readFileSync(
      eksporDiubah(w.kab.db, w.kab.dir, (file) =>
        ubahLonggar(
          file,
          (x) => x.exec('ALTER TABLE perjanjian DROP COLUMN nomor'),
          (ddl) => (ddl.startsWith('CREATE TABLE perjanjian ') ? ddlMuatan('perjanjian', '35.07', '', Object.keys(kolomLengkap('perjanjian')).filter((c) => c !== 'nomor')) : ddl),
        ),
      ).berkas,
    );
    assert.throws(() => imporBundel(w.prov.db, TANPA_PELINDUNG, tanpaNomor, { dryRun: true }), /tidak dikenal \(table perjanjian\)/);
  } finally {
    w.cleanup();
  }
});
