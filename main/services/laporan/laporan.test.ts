import { test } from 'node:test';
import { buatFasilitator, buatKelompok } from '../../../test/rekaman';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { KATALOG_AWAL } from '../../common/laporan';
import { riwayat } from '../pengaturan/audit';
import { ajukanLaporan, bacaAngka, bukaKembaliLaporan, lembarEntri, simpanLaporan, verifikasiLaporan } from './laporan';
import { konfirmasiNilai, periksaBulan, riwayatIndikator } from './mutu';
import { tulisDokumenLaporan } from './dokumen';
import { gabungRekap, hitungKepatuhan, hitungRekap, rekapKelompok } from './rekap';

import { tempDb } from '../../../test/db';
import { AppError } from '../../common/errors';
import { bulanDari } from '../../common/batas';
import { hitungDashboard } from '../dasbor/dashboard';

const today = new Date('2025-12-15T08:00:00Z');

/** A kelompok registered in January 2025 (every month after that is expected of it). */
function kelompok(db: Parameters<typeof buatKelompok>[0], nama: string, desa = '35.07.01.2001') {
  const id = buatKelompok(db, { nama, desa_kode: desa, sektor: 'Jasa' }).id;
  db.sqlite.prepare("UPDATE kelompok SET created_at = '2025-01-20T02:00:00.000Z' WHERE id = ?").run(id);
  return id;
}

const lengkap = (omzet: number, extra: Record<string, number | string | null> = {}) => ({ omzet, biaya: Math.round(omzet * 0.6), anggota_aktif: 10, ...extra });

test('numbers are read the way Indonesians write them', () => {
  assert.equal(bacaAngka('Rp 1.500.000'), 1500000);
  assert.equal(bacaAngka('1.500.000'), 1500000);
  assert.equal(bacaAngka('12,5'), 12.5);
  assert.equal(bacaAngka('85%'), 85);
  assert.equal(bacaAngka(''), null);
  assert.ok(Number.isNaN(bacaAngka('sejuta')));
});

test('a draft saves whatever was typed; submitting needs the required fields; a verified month is locked until reopened with a reason', () => {
  const t = tempDb();
  try {
    const k = kelompok(t.db, 'KUBE A');
    const first = simpanLaporan(t.db, { kelompok_id: k, periode: '2025-03', nilai: { omzet: '1.500.000', kehadiran: 'banyak' } });
    assert.equal(first.laporan.status, 'draft');
    assert.equal(first.laporan.nilai.omzet, 1500000);
    assert.ok(first.masalah.some((m) => m.kode === 'kehadiran' && m.tingkat === 'galat'));
    assert.ok(first.masalah.some((m) => m.kode === 'biaya' && /wajib/.test(m.pesan)));

    const refused = ajukanLaporan(t.db, [first.laporan.id], today);
    assert.equal(refused.berhasil, 0);
    assert.match(refused.ditolak[0]!.pesan, /Biaya produksi wajib diisi/);

    const second = simpanLaporan(t.db, { kelompok_id: k, periode: '2025-03', nilai: { biaya: 900000, anggota_aktif: 9 } });
    assert.equal(second.laporan.nilai.laba, 600000, 'laba is omzet − biaya, computed');
    assert.equal(ajukanLaporan(t.db, [first.laporan.id], today).berhasil, 1);
    assert.equal(verifikasiLaporan(t.db, [first.laporan.id], today).berhasil, 1);
    assert.throws(() => simpanLaporan(t.db, { kelompok_id: k, periode: '2025-03', nilai: { omzet: 1 } }), (e: AppError) => e.code === 'LAPORAN_TERKUNCI');

    assert.throws(() => bukaKembaliLaporan(t.db, first.laporan.id, ''), /alasan/i);
    const reopened = bukaKembaliLaporan(t.db, first.laporan.id, 'Omzet salah ketik, seharusnya 1,6 juta');
    assert.equal(reopened.status, 'draft');
    assert.equal(riwayat(t.db, 'laporan_bulanan', first.laporan.id)[0]!.alasan, 'Omzet salah ketik, seharusnya 1,6 juta');
    simpanLaporan(t.db, { kelompok_id: k, periode: '2025-03', nilai: { omzet: 1600000 } });
  } finally {
    t.cleanup();
  }
});

test('an outlier against the group\'s own submitted months is flagged with its median, blocks submitting until confirmed with a note, and the note travels with the report', () => {
  const t = tempDb();
  try {
    const k = kelompok(t.db, 'KUBE A');
    const omzet = [900_000, 1_000_000, 1_100_000, 950_000, 1_050_000, 1_000_000];
    omzet.forEach((o, i) => simpanLaporan(t.db, { kelompok_id: k, periode: `2025-0${i + 1}`, nilai: lengkap(o) }));
    const ids = (t.db.sqlite.prepare("SELECT id FROM laporan_bulanan WHERE periode < '2025-07'").all() as { id: string }[]).map((r) => r.id);
    assert.equal(ajukanLaporan(t.db, ids).berhasil, 6);
    const r = simpanLaporan(t.db, { kelompok_id: k, periode: '2025-07', nilai: { ...lengkap(3_500_000), biaya: 600_000, laba: 1_000_000 } });
    const pencilan = r.masalah.find((m) => m.kode === 'omzet')!;
    assert.equal(pencilan.tingkat, 'peringatan');
    assert.equal(pencilan.aturan, 'pencilan');
    assert.match(pencilan.pesan, /Rp3\.500\.000 jauh dari biasanya \(median 6 bulan kelompok ini Rp1\.000\.000\)/);
    assert.match(r.masalah.find((m) => m.kode === 'laba')!.pesan, /tidak sama dengan omzet − biaya/);
    assert.deepEqual(riwayatIndikator(t.db, { kelompok_id: k, indikator: 'omzet', periode: '2025-07' }).map((x) => x.nilai), omzet, 'the hint shows the group\'s months');

    const ditolak = ajukanLaporan(t.db, [r.laporan.id]);
    assert.equal(ditolak.berhasil, 0);
    assert.match(ditolak.ditolak[0]!.pesan, /perlu konfirmasi dengan catatan/);
    assert.throws(() => konfirmasiNilai(t.db, { id: r.laporan.id, indikator: 'omzet', catatan: 'ok' }), /paling sedikit 5 huruf/);
    const dikonfirmasi = konfirmasiNilai(t.db, { id: r.laporan.id, indikator: 'omzet', catatan: 'pesanan SPPG naik' });
    assert.equal(dikonfirmasi.konfirmasi?.omzet?.catatan, 'pesanan SPPG naik');
    assert.equal(periksaBulan(t.db, '2025-07').find((x) => x.indikator === 'omzet')?.catatan, 'pesanan SPPG naik', 'laporan periksa shows the note');
    assert.equal(ajukanLaporan(t.db, [r.laporan.id]).berhasil, 1, 'confirmed, it goes');
    // A value changed after it was confirmed is flagged again.
    bukaKembaliLaporan(t.db, r.laporan.id, 'salah ketik omzet');
    const lagi = simpanLaporan(t.db, { kelompok_id: k, periode: '2025-07', nilai: { omzet: 4_200_000 } });
    assert.equal(lagi.masalah.find((m) => m.kode === 'omzet')?.catatan, null);

    const negative = simpanLaporan(t.db, { kelompok_id: k, periode: '2025-08', nilai: lengkap(-5) });
    assert.ok(negative.masalah.some((m) => m.kode === 'omzet' && m.tingkat === 'galat' && /negatif/.test(m.pesan)));
  } finally {
    t.cleanup();
  }
});

test('rules between indicators: sales to an offtaker above omzet is an error that blocks submitting; a rule whose values are missing is skipped', () => {
  const t = tempDb();
  try {
    const k = kelompok(t.db, 'KUBE B');
    const r = simpanLaporan(t.db, { kelompok_id: k, periode: '2025-03', nilai: { ...lengkap(1_000_000), penjualan_offtaker: 1_500_000 } });
    const galat = r.masalah.find((m) => m.aturan === 'offtaker_le_omzet')!;
    assert.equal(galat.tingkat, 'galat');
    assert.match(galat.pesan, /Tertulis Rp1\.500\.000, pembanding Rp1\.000\.000/);
    assert.match(ajukanLaporan(t.db, [r.laporan.id]).ditolak[0]!.pesan, /tidak lebih dari omzet/);
    assert.throws(() => konfirmasiNilai(t.db, { id: r.laporan.id, indikator: 'tidak_ada', catatan: 'catatan panjang' }), /belum diisi/);
  } finally {
    t.cleanup();
  }
});

test('rolling up: flows add, stocks take the last month, rates average; higher levels add groups', () => {
  const rows = [
    { periode: '2025-02', nilai: { omzet: 200, biaya: 50, anggota_aktif: 9, kas: 700, kehadiran: 80 } },
    { periode: '2025-01', nilai: { omzet: 100, biaya: 40, anggota_aktif: 10, kas: 500, kehadiran: 100 } },
  ] as never[];
  const g = rekapKelompok(KATALOG_AWAL, rows);
  assert.deepEqual([g.omzet, g.biaya, g.laba, g.anggota_aktif, g.kas, g.kehadiran], [300, 90, 210, 9, 700, 90]);
  const total = gabungRekap(KATALOG_AWAL, [g, { ...g, kehadiran: 70 }]);
  assert.deepEqual([total.omzet, total.laba, total.anggota_aktif, total.kehadiran], [600, 420, 18, 80]);
});

test('a semester recap says how complete it is and which reports are missing', () => {
  const t = tempDb();
  try {
    const a = kelompok(t.db, 'KUBE A');
    const b = kelompok(t.db, 'KUBE B', '35.07.02.2001');
    const ids: string[] = [];
    for (const m of ['07', '08', '09', '10', '11']) ids.push(simpanLaporan(t.db, { kelompok_id: a, periode: `2025-${m}`, nilai: lengkap(1_000_000) }).laporan.id);
    ids.push(simpanLaporan(t.db, { kelompok_id: b, periode: '2025-07', nilai: lengkap(2_000_000, { anggota_aktif: 5 }) }).laporan.id);
    const draft = simpanLaporan(t.db, { kelompok_id: b, periode: '2025-08', nilai: lengkap(9_000_000) }); // a draft is not counted
    ajukanLaporan(t.db, ids, today);

    // December is not over yet on 15 December: 5 months expected per group
    const perKelompok = hitungRekap(t.db, '2025-S2', 'kelompok', today);
    const rowA = perKelompok.baris.find((r) => r.nama === 'KUBE A')!;
    assert.equal(rowA.kelengkapan, '5 dari 5 bulan');
    assert.equal(rowA.nilai.omzet, 5_000_000);
    const rowB = perKelompok.baris.find((r) => r.nama === 'KUBE B')!;
    assert.equal(rowB.kelengkapan, '1 dari 5 bulan');
    assert.deepEqual(rowB.hilang.map((h) => h.periode), ['2025-08', '2025-09', '2025-10', '2025-11']);
    assert.ok(draft.laporan.id);

    const kab = hitungRekap(t.db, '2025-S2', 'kabupaten', today);
    assert.equal(kab.total.kelengkapan, '6 dari 10 laporan');
    assert.equal(kab.total.nilai.omzet, 7_000_000);
    assert.equal(kab.total.nilai.anggota_aktif, 15);
    assert.equal(hitungRekap(t.db, '2025-S2', 'kecamatan', today).baris.length, 2);
    assert.throws(() => hitungRekap(t.db, '2025-S3'), /Periode "2025-S3" tidak dikenal/);
    // A quarter is a period like the others, from the same definitions: Triwulan III is July–September.
    const tw3 = hitungRekap(t.db, '2025-T3', 'kabupaten', today);
    assert.equal(tw3.total.nilai.omzet, 5_000_000);
    assert.equal(tw3.total.kelengkapan, '4 dari 6 laporan');
    assert.equal(hitungRekap(t.db, '2025-T4', 'kabupaten', today).total.nilai.omzet, 2_000_000);
    assert.throws(() => hitungRekap(t.db, '2025-T5'), /Periode "2025-T5" tidak dikenal/);

    const kepatuhan = hitungKepatuhan(t.db, '2025-S2', today);
    assert.deepEqual(kepatuhan.bulan, ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11']);
    const f = kepatuhan.fasilitator[0]!;
    assert.deepEqual([f.diharapkan, f.masuk], [10, 6]);
  } finally {
    t.cleanup();
  }
});

test('the recap PDF and xlsx are real documents: pdftotext reads the letterhead and page numbers, the workbook holds numbers as numbers and codes as text', async () => {
  const t = tempDb();
  try {
    const k = kelompok(t.db, 'KUBE Melati Sejahtera');
    const id = simpanLaporan(t.db, { kelompok_id: k, periode: '2025-03', nilai: lengkap(1_234_567) }).laporan.id;
    ajukanLaporan(t.db, [id], today);
    const pdf = join(t.dir, 'rekap.pdf');
    await tulisDokumenLaporan(t.db, { periode: '2025-S1', format: 'pdf', per: 'kelompok' }, pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /PEMERINTAH KABUPATEN MALANG/);
    assert.match(text, /REKAP SEMESTER I 2025 PETI KOIN BERMANTRA/);
    assert.doesNotMatch(text.split('\n').find((l) => /REKAP/.test(l))!, /\b(\w+) \1\b/i, 'no doubled words in the title');
    assert.match(text, /KUBE Melati Sejahtera/);
    assert.match(text, /Rp1\.234\.567/);
    assert.match(text, /Halaman 1 dari \d+/);
    assert.match(execFileSync('pdffonts', [pdf], { encoding: 'utf8' }), /Roboto.*yes/);

    const xlsx = join(t.dir, 'bulan.xlsx');
    await tulisDokumenLaporan(t.db, { periode: '2025-03', format: 'xlsx', per: 'kabupaten' }, xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Data')!;
    // A title row, then column names people read (row 4, frozen) and the data under them; codes stay text.
    assert.match(String(ws.getCell(1, 1).value), /^Laporan bulanan kelompok binaan/);
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 3), ['Periode', 'Kode kabupaten/kota', 'Kode kecamatan']);
    const omzetCol = header.findIndex((h) => /^Omzet/.test(String(h))) + 1;
    assert.equal(ws.getRow(5).getCell(omzetCol).value, 1_234_567);
    assert.equal(ws.getRow(5).getCell(2).value, '35.07');
    assert.equal(ws.getColumn(2).numFmt, '@');
  } finally {
    t.cleanup();
  }
});

test('a submitted report cannot be changed through any door until it is reopened with a reason; the history says so', async () => {
  const t = tempDb();
  const file = t.db.file;
  try {
    const k = kelompok(t.db, 'KUBE Terkunci');
    const id = simpanLaporan(t.db, { kelompok_id: k, periode: '2025-03', nilai: lengkap(1_000_000) }).laporan.id;
    ajukanLaporan(t.db, [id], new Date('2025-04-02T00:00:00Z'));
    t.db.close();
    const { AppContext } = await import('../../api/context');
    const { dispatch } = await import('../../api/dispatch');
    const { platformNode } = await import('../../api/platform');
    const ctx = new AppContext(file, platformNode('uji'));
    try {
      // The window and the web shell reach the service through dispatch: both are refused, and so is a photo.
      const ubah = await dispatch(ctx, 'laporan.simpan', { kelompok_id: k, periode: '2025-03', nilai: { omzet: 9_999_999 } });
      assert.equal(!ubah.ok && ubah.error.code, 'LAPORAN_TERKUNCI');
      assert.match(!ubah.ok ? ubah.error.message : '', /sudah diajukan dan terkunci.*Buka kembali/);
      const foto = await dispatch(ctx, 'laporan.fotoTambah', { laporan_id: id, berkas: ctx.files.register(file), keterangan: null });
      assert.equal(!foto.ok && foto.error.code, 'LAPORAN_TERKUNCI');
      assert.equal(((await dispatch(ctx, 'laporan.list', { periode: '2025-03' })) as { ok: true; data: { nilai: Record<string, unknown> }[] }).data[0]!.nilai.omzet, 1_000_000);
      // Reopened with a reason, it can change; the history keeps the reason.
      assert.equal((await dispatch(ctx, 'laporan.bukaKembali', { id, alasan: 'Salah ketik omzet' })).ok, true);
      assert.equal((await dispatch(ctx, 'laporan.simpan', { kelompok_id: k, periode: '2025-03', nilai: { omzet: 1_100_000 } })).ok, true);
      assert.ok(riwayat(ctx.db, 'laporan_bulanan', id).some((e) => e.alasan === 'Salah ketik omzet'));
    } finally {
      ctx.close();
    }
  } finally {
    t.cleanup();
  }
});

test('volumes in different units are never added into one number; in one unit they are, with the unit', () => {
  const satu = gabungRekap(KATALOG_AWAL, [{ volume_produksi: 100, satuan_produksi: 'bungkus' }, { volume_produksi: 50, satuan_produksi: 'Bungkus' }]);
  assert.equal(satu.volume_produksi, 150);
  assert.equal(satu.satuan_produksi, 'bungkus');
  const campur = gabungRekap(KATALOG_AWAL, [{ volume_produksi: 1200, satuan_produksi: 'bungkus' }, { volume_produksi: 300, satuan_produksi: 'kg' }, { volume_produksi: 45, satuan_produksi: 'pak' }]);
  assert.equal(campur.volume_produksi, '1.200 bungkus; 300 kg; 45 pak', 'per unit, in words');
});

test('compliance is empty, not 0 %, the day a new group submits its first report when nothing was due yet', () => {
  const t = tempDb('35.07');
  try {
    const id = buatKelompok(t.db, { nama: 'KUBE Baru', desa_kode: '35.07.01.2001', sektor: 'Jasa' }).id;
    const bulan = bulanDari(new Date());
    const r = simpanLaporan(t.db, { kelompok_id: id, periode: bulan, nilai: lengkap(500_000) });
    ajukanLaporan(t.db, [r.laporan.id]);
    const d = hitungDashboard(t.db, { bulan });
    assert.equal(d.kepatuhan_bulan.nilai, null);
    assert.equal(d.omzet_bulan.nilai, 500_000, 'its omzet counts all the same');
  } finally {
    t.cleanup();
  }
});

test('the entry sheet shows one facilitator\'s groups, those without one, or with "Semua fasilitator" every active group', () => {
  const t = tempDb();
  try {
    const a = buatFasilitator(t.db, { nama: 'Ani' }).id;
    const b = buatFasilitator(t.db, { nama: 'Budi' }).id;
    buatKelompok(t.db, { nama: 'KUBE A', fasilitator_id: a });
    buatKelompok(t.db, { nama: 'KUBE B', fasilitator_id: b });
    buatKelompok(t.db, { nama: 'KUBE Tanpa' });
    const nama = (input: Parameters<typeof lembarEntri>[1]) => lembarEntri(t.db, input).baris.map((x) => x.kelompok.nama);
    assert.deepEqual(nama({ fasilitator_id: a, periode: '2026-10' }), ['KUBE A']);
    assert.deepEqual(nama({ fasilitator_id: null, periode: '2026-10' }), ['KUBE Tanpa']);
    assert.deepEqual(nama({ fasilitator_id: null, periode: '2026-10', semua: true }), ['KUBE A', 'KUBE B', 'KUBE Tanpa']);
  } finally {
    t.cleanup();
  }
});
