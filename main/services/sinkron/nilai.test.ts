import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { AppError } from '../../common/errors';
import { simpanLaporan } from '../laporan/laporan';
import { periksaBulan } from '../laporan/mutu';
import { SQLITE_MAGIC } from './amplop';
import { imporBundel } from './bundle';
import { TANPA_PELINDUNG } from './kunci';
import { dunia, eksporDiubah, isi, semuaDitolak, ubahLonggar } from '../../../test/bundel';

// Hardening round two, findings 2, 4 and 7: a signed bundle whose values are well-shaped nonsense (negative,
// infinite, 2^63−1, month 13, year 9999, another district's kecamatan), or that would fill the province's disk,
// is refused whole with the table, row and rule named, and changes nothing.

const JPEG_HTML = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.from('<html><script>alert(1)</script></html>')]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('a signed bundle with values outside their bounds is refused whole, naming table, row and rule', () => {
  const ubah = (sql: string) => (file: string) => ubahLonggar(file, (y) => y.exec(sql));
  const nilai = (json: string) => ubah(`UPDATE laporan_bulanan SET nilai = json_set(nilai, ${json}) WHERE rowid = 1`);
  const kasus: [string, (file: string) => void, RegExp][] = [
    ['omzet of −5e9', nilai("'$.omzet', -5e9"), /laporan_bulanan baris 1 tidak sah \(nilai: angka indikator tidak sah/],
    ['omzet of 1e999 (Infinity)', ubah(`UPDATE laporan_bulanan SET nilai = '{"omzet":1e999}' WHERE rowid = 1`), /laporan_bulanan baris 1 tidak sah \(nilai: angka indikator tidak sah/],
    ['omzet "NaN"', nilai("'$.omzet', 'NaN'"), /laporan_bulanan baris 1 tidak sah \(nilai: angka indikator tidak sah/],
    ['kehadiran 250 %', nilai("'$.kehadiran', 250"), /nilai: angka indikator tidak sah/],
    ['an indicator nobody defined', nilai("'$.omzet_palsu', 5"), /nilai: memuat indikator yang tidak dikenal/],
    ['an object for a number', nilai("'$.omzet', json('{\"a\":1}')"), /nilai: angka indikator tidak sah/],
    ['a list for the values', ubah(`UPDATE laporan_bulanan SET nilai = '[1, 2]' WHERE rowid = 1`), /baris 1 tidak sah \(nilai: bukan daftar nilai indikator\)/],
    ['values that are not JSON', ubah(`UPDATE laporan_bulanan SET nilai = '{"omzet": 1' WHERE rowid = 1`), /baris 1 tidak sah \(nilai: bukan JSON yang sah\)/],
    // The values are read apart from the columns: still the first broken row is named, and an unknown indicator first.
    ['a bad value in row 2 and a bad month in row 3', ubah(`UPDATE laporan_bulanan SET nilai = json_set(nilai, '$.omzet', -1) WHERE rowid = 2; UPDATE laporan_bulanan SET periode = '2026-13' WHERE rowid = 3`), /baris 2 tidak sah \(nilai: angka/],
    ['a bad month in row 2 and a bad value in row 3', ubah(`UPDATE laporan_bulanan SET periode = '2026-13' WHERE rowid = 2; UPDATE laporan_bulanan SET nilai = json_set(nilai, '$.omzet', -1) WHERE rowid = 3`), /baris 2 tidak sah \(periode: bulan/],
    ['a bad value beside an unknown indicator', nilai("'$.omzet', -1, '$.zz_palsu', 1"), /baris 1 tidak sah \(nilai: memuat indikator yang tidak dikenal\)/],
    ['a volume of Infinity', ubah('UPDATE rab_item SET volume = 1e999 WHERE rowid = 1'), /rab_item baris 1 tidak sah \(volume: lebih dari/],
    ['a price of 2^63−1', ubah('UPDATE rab_item SET harga_satuan = 9223372036854775807 WHERE rowid = 1'), /rab_item baris 1 tidak sah \(harga_satuan: lebih dari/],
    ['an approved value of −1e12', ubah('UPDATE proposal SET nilai_disetujui = -1000000000000 WHERE rowid = 1'), /proposal baris 1 tidak sah \(nilai_disetujui: kurang dari 0\)/],
    ['DT-SEN count −10', ubah("INSERT INTO dtsen_ringkasan SELECT id, kabupaten_kode, 'DTSEN', '2026-10-01', -10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM kelompok LIMIT 1"), /dtsen_ringkasan baris 1 tidak sah \(anggota: kurang dari 0\)/],
    ['DT-SEN desil 1 of 2e9', ubah("INSERT INTO dtsen_ringkasan SELECT id, kabupaten_kode, 'DTSEN', '2026-10-01', 5, 5, 2000000000, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM kelompok LIMIT 1"), /dtsen_ringkasan baris 1 tidak sah \(desil_1: lebih dari/],
    ['month 9999-12', ubah("UPDATE laporan_bulanan SET periode = '9999-12' WHERE rowid = 1"), /laporan_bulanan baris 1 tidak sah \(periode: bulan di luar masa program\)/],
    ['month 2026-19', ubah("UPDATE laporan_bulanan SET periode = '2026-19' WHERE rowid = 1"), /periode: bulan di luar masa program/],
    ['a date 2026-19-39', ubah("UPDATE anggota SET tanggal_lahir = '2026-19-39' WHERE rowid = 1"), /anggota baris 1 tidak sah \(tanggal_lahir: bukan tanggal yang sah\)/],
    ['a date 9999-12-31', ubah("UPDATE proposal SET tanggal = '9999-12-31' WHERE rowid = 1"), /proposal baris 1 tidak sah \(tanggal: bukan tanggal yang sah\)/],
    ['30 February', ubah("UPDATE proposal SET tanggal = '2026-02-30' WHERE rowid = 1"), /tanggal: bukan tanggal yang sah/],
    ['a birth date next year', ubah("UPDATE anggota SET tanggal_lahir = '2099-01-01' WHERE rowid = 1"), /tanggal_lahir: tanggal di masa depan/],
    ['a kecamatan of another district', ubah("UPDATE kelompok SET kecamatan_kode = '35.78.01' WHERE rowid = 1"), /kelompok baris 1 tidak sah \(kecamatan_kode: wilayah di luar kabupaten\/kota pengirim\)/],
    ['a kecamatan of nowhere', ubah("UPDATE kelompok SET kecamatan_kode = '99.99.99' WHERE rowid = 1"), /kecamatan_kode: wilayah di luar/],
    ['a kecamatan code Kemendagri does not have', ubah("UPDATE kelompok SET kecamatan_kode = '35.07.99' WHERE rowid = 1"), /kelompok baris 1 tidak sah \(kecamatan_kode: kode wilayah 35\.07\.99 tidak ada di daftar Kemendagri\)/],
    ['a catalogue version of −1', ubah('UPDATE laporan_bulanan SET katalog_versi = -1 WHERE rowid = 1'), /katalog_versi: kurang dari 1/],
    // Quotas (finding 4).
    ['an attachment of 11 MB', ubah("INSERT INTO lampiran VALUES ('" + 'a'.repeat(64) + "', zeroblob(11 * 1048576))"), /batasnya 10 MB per berkas/],
    [
      'a signed letter that is not a PDF',
      (f) =>
        ubahLonggar(f, (y) => {
          const b = Buffer.from('<html><script>alert(1)</script></html>');
          y.prepare('INSERT INTO lampiran VALUES (?, ?)').run(sha(b), b);
          y.prepare('UPDATE proposal SET tte_hash = ? WHERE rowid = 1').run(sha(b));
        }),
      /yang bukan PDF/,
    ],
    ['an attachment no photo refers to', (f) => ubahLonggar(f, (y) => y.prepare('INSERT INTO lampiran VALUES (?, ?)').run(sha(Buffer.from('x')), Buffer.from('x'))), /tidak dirujuk foto laporan atau surat bertanda tangan mana pun/],
    [
      'a JPEG header followed by a web page',
      (f) =>
        ubahLonggar(f, (y) => {
          y.prepare('INSERT INTO lampiran VALUES (?, ?)').run(sha(JPEG_HTML), JPEG_HTML);
          y.prepare("INSERT INTO foto_laporan SELECT 'f1', kabupaten_kode, created_at, updated_at, NULL, id, ?, 'image/jpeg', 16, 16, ?, NULL FROM laporan_bulanan LIMIT 1").run(sha(JPEG_HTML), BigInt(JPEG_HTML.length));
        }),
      /bukan foto JPEG\/PNG utuh/,
    ],
    ['2.001 history entries for one record', ubah("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2001) INSERT INTO audit SELECT 'zz' || i, '35.07', '2026-01-01T00:00:00.000Z', 'x', 'kelompok', 'k1', 'ubah', '{}', NULL FROM n"), /riwayat perubahan .*2001 entri riwayat/],
    ['9 MB of history for one record', ubah("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) INSERT INTO audit SELECT 'zz' || i, '35.07', '2026-01-01T00:00:00.000Z', 'x', 'kelompok', 'k1', 'ubah', json_array(printf('%.*c', 240000, 'A')), NULL FROM n"), /batasnya 2000 entri dan 8 MB per data/],
    // Internal errors that became coded messages (finding 7).
    ['a payload table without deleted_at', (f) => ubahLonggar(f, (y) => y.exec('ALTER TABLE kelompok DROP COLUMN deleted_at'), (ddl) => (ddl.startsWith('CREATE TABLE kelompok ') ? ddl.replace('deleted_at TEXT, ', '') : ddl)), /tidak dikenal \(table kelompok\)/],
  ];
  semuaDitolak(kasus);
});

test('a signed payload of a SQLite header followed by junk is refused with a coded message', () => {
  const w = dunia(1);
  try {
    const before = isi(w.prov.db);
    const bytes = readFileSync(eksporDiubah(w.kab.db, w.kab.dir, (f) => writeFileSync(f, Buffer.concat([SQLITE_MAGIC, Buffer.alloc(5000, 0x41)]))).berkas);
    assert.throws(() => imporBundel(w.prov.db, TANPA_PELINDUNG, bytes), (e: AppError) => e instanceof AppError && e.code === 'BUNDEL_RUSAK' && /tidak ada yang diubah/i.test(e.message));
    assert.equal(isi(w.prov.db), before);
  } finally {
    w.cleanup();
  }
});

test('the province runs the same quality checks on the reports a bundle carries and lists every finding with its group', () => {
  const w = dunia(2);
  try {
    const k = w.kab.db.sqlite.prepare("SELECT id FROM kelompok WHERE status = 'aktif' LIMIT 1").get() as { id: string };
    const bulan = (w.kab.db.sqlite.prepare('SELECT max(periode) AS p FROM laporan_bulanan').get() as { p: string }).p;
    w.kab.db.sqlite.prepare('DELETE FROM laporan_bulanan WHERE kelompok_id = ? AND periode = ?').run(k.id, bulan);
    simpanLaporan(w.kab.db, { kelompok_id: k.id, periode: bulan, nilai: { omzet: 1_000_000, biaya: 400_000, anggota_aktif: 5, penjualan_offtaker: 1_500_000 } });
    const bundel = w.ekspor();
    const r = imporBundel(w.prov.db, TANPA_PELINDUNG, bundel);
    const t = r.temuan!.contoh.find((x) => x.kelompok_id === k.id && x.aturan === 'offtaker_le_omzet')!;
    assert.ok(t, 'the finding is listed');
    assert.equal(t.tingkat, 'galat');
    assert.equal(t.status, 'draft');
    assert.ok(r.temuan!.galat >= 1);
    assert.match(r.pesan, /Pemeriksaan mutu laporan: \d+ galat/);
    // The same bundle again changes no report: nothing is listed again (laporan periksa still shows the month's).
    const lagi = imporBundel(w.prov.db, TANPA_PELINDUNG, bundel);
    assert.equal(lagi.temuan!.jumlah, 0);
    assert.doesNotMatch(lagi.pesan, /Pemeriksaan mutu/);
    assert.ok(periksaBulan(w.prov.db, bulan).some((x) => x.kelompok_id === k.id && x.aturan === 'offtaker_le_omzet'));
    // A full bundle (every report again) with that one report corrected lists that report's findings only.
    simpanLaporan(w.kab.db, { kelompok_id: k.id, periode: bulan, nilai: { omzet: 1_000_000, biaya: 400_000, anggota_aktif: 5, penjualan_offtaker: 2_000_000 } });
    const koreksi = imporBundel(w.prov.db, TANPA_PELINDUNG, w.ekspor({ penuh: true }));
    assert.ok(koreksi.temuan!.jumlah >= 1);
    assert.ok(koreksi.temuan!.contoh.every((x) => x.kelompok_id === k.id), 'only the changed report');
  } finally {
    w.cleanup();
  }
});
