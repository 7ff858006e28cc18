import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { openDatabase, type Db } from '../../../db/connection';
import { RecordWriter } from '../../../db/write';
import { STATUS_DIHITUNG } from '../../common/kamus';
import { bulanSebelumnya } from '../../common/laporan';
import { hitungDashboard, hitungMonev, monitoringFasilitator } from '../dasbor/dashboard';
import { buatDemoProvinsi } from '../demo/provinsi';
import { daftarLaporan } from '../laporan/laporan';
import { tulisDokumenLaporan } from '../laporan/dokumen';
import { hitungKepatuhan, hitungRekap } from '../laporan/rekap';
import { bangunSitus } from '../situs/situs';
import { TANPA_PELINDUNG } from '../sinkron/kunci';

// One figure, one definition (common/kamus.ts): for the same region and period every output gives the same number,
// at the district and at the province after its bundle; drafts change none of them; a facilitator's reports never
// exceed what was expected of them, and visited groups never exceed groups.

const HARI = '2026-11-29';
const TODAY = new Date(`${HARI}T10:00:00+07:00`);
const BULAN = bulanSebelumnya(HARI.slice(0, 7), 1); // the dashboard's default: last complete month

interface Angka {
  omzet: number;
  diharapkan: number;
  masuk: number;
  kepatuhan: number | null;
}

const persen = (masuk: number, diharapkan: number) => (diharapkan ? Math.round((masuk / diharapkan) * 1000) / 10 : null);

/** Omzet and reporting of one month in every output that shows them, named by where they were read. */
async function semuaKeluaran(db: Db, kabupaten: string | null, dir: string): Promise<Record<string, Angka>> {
  const out: Record<string, Angka> = {};
  const d = hitungDashboard(db, { bulan: BULAN, kabupaten }, HARI);
  const rekap = hitungRekap(db, BULAN, 'kecamatan', TODAY, kabupaten);
  out.dasbor = { omzet: d.omzet_bulan.nilai, diharapkan: NaN, masuk: NaN, kepatuhan: d.kepatuhan_bulan.nilai };
  out.rekap = { omzet: Number(rekap.total.nilai.omzet ?? 0), diharapkan: rekap.total.laporan_diharapkan, masuk: rekap.total.laporan_masuk, kepatuhan: persen(rekap.total.laporan_masuk, rekap.total.laporan_diharapkan) };
  const perKec = rekap.baris.reduce((a, b) => ({ omzet: a.omzet + Number(b.nilai.omzet ?? 0), diharapkan: a.diharapkan + b.laporan_diharapkan, masuk: a.masuk + b.laporan_masuk }), { omzet: 0, diharapkan: 0, masuk: 0 });
  out['rekap per kecamatan dijumlah'] = { ...perKec, kepatuhan: persen(perKec.masuk, perKec.diharapkan) };
  const daftar = daftarLaporan(db, { periode: BULAN }).filter((r) => (STATUS_DIHITUNG as readonly string[]).includes(r.status) && (!kabupaten || r.kecamatan_kode.startsWith(`${kabupaten}.`)));
  out['daftar laporan'] = { omzet: daftar.reduce((a, r) => a + Number(r.nilai.omzet ?? 0), 0), diharapkan: NaN, masuk: NaN, kepatuhan: out.rekap.kepatuhan };
  if (!kabupaten) {
    const k = hitungKepatuhan(db, BULAN, TODAY);
    out.kepatuhan = { omzet: out.rekap.omzet, diharapkan: k.total.diharapkan, masuk: k.total.masuk, kepatuhan: k.total.diharapkan ? k.total.persen : null };
    const fas = monitoringFasilitator(db, BULAN, HARI);
    const f = fas.reduce((a, x) => ({ diharapkan: a.diharapkan + x.laporan_diharapkan, masuk: a.masuk + x.laporan_masuk }), { diharapkan: 0, masuk: 0 });
    out['pemantauan fasilitator'] = { omzet: out.rekap.omzet, ...f, kepatuhan: persen(f.masuk, f.diharapkan) };
  }
  // The monthly workbook's Jumlah row (the PDF's is the same function); at the province, of the district chosen.
  const xlsx = join(dir, `bulanan-${Math.random().toString(36).slice(2)}.xlsx`);
  await tulisDokumenLaporan(db, { periode: BULAN, format: 'xlsx', per: 'kelompok', kabupaten }, xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet('Data')!;
  let kolomOmzet = 0;
  let omzet = NaN;
  ws.eachRow((row) => {
    row.eachCell((c, i) => {
      if (String(c.value).startsWith('Omzet penjualan')) kolomOmzet = i;
    });
    if (row.values && (row.values as unknown[]).some((v) => typeof v === 'string' && v.startsWith('Jumlah ('))) omzet = Number(row.getCell(kolomOmzet).value ?? 0);
  });
  out['buku kerja laporan bulanan'] = { omzet, diharapkan: NaN, masuk: NaN, kepatuhan: out.rekap.kepatuhan };
  // The recap workbook names the region it covers (at the province: the district chosen).
  const rekapXlsx = join(dir, `rekap-${Math.random().toString(36).slice(2)}.xlsx`);
  await tulisDokumenLaporan(db, { periode: BULAN.slice(0, 4), format: 'xlsx', per: 'kecamatan', kabupaten }, rekapXlsx);
  const wr = new ExcelJS.Workbook();
  await wr.xlsx.readFile(rekapXlsx);
  const kodeWilayah = (wr.getWorksheet('Keterangan')!.getColumn(2).values as unknown[]).find((v) => typeof v === 'string' && /^35(\.\d{2})?$/.test(v));
  if (kabupaten) assert.equal(kodeWilayah, kabupaten, 'the recap workbook names the district chosen');
  const situs = bangunSitus(db, HARI);
  const wilayah = kabupaten ? situs.data.kabupaten.find((k) => k.kode === kabupaten)! : situs.data.utama;
  if (situs.data.bulan === BULAN) out['situs web'] = { omzet: wilayah.ringkasan.omzet_bulan, diharapkan: NaN, masuk: NaN, kepatuhan: wilayah.ringkasan.kepatuhan };
  return out;
}

function sama(keluaran: Record<string, Angka>, label: string): void {
  const acuan = keluaran.rekap!;
  for (const [nama, a] of Object.entries(keluaran)) {
    assert.equal(a.omzet, acuan.omzet, `${label}: omzet ${nama}`);
    assert.equal(a.kepatuhan, acuan.kepatuhan, `${label}: kepatuhan ${nama}`);
    if (!Number.isNaN(a.diharapkan)) assert.equal(a.diharapkan, acuan.diharapkan, `${label}: laporan diharapkan ${nama}`);
    if (!Number.isNaN(a.masuk)) assert.equal(a.masuk, acuan.masuk, `${label}: laporan masuk ${nama}`);
  }
}

test('every output gives the same omzet and compliance for the same month, at the district and at the province; drafts change none of them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-konsisten-'));
  try {
    const provPath = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: ['35.10', '35.07'], demo: { kelompok: 14, bulan: 8, today: TODAY } });
    const kab = openDatabase(join(dir, '35.10.sqlite'));
    const prov = openDatabase(provPath);
    try {
      const diKab = await semuaKeluaran(kab, null, dir);
      sama(diKab, 'kabupaten');
      assert.ok(diKab.rekap!.omzet > 0 && diKab.rekap!.diharapkan > 0, 'the demo month has reports and expected ones');

      // The headline figures (groups, members, agreements, DT-SEN) read the same in the window and on the website,
      // at the district and at the province after its bundle.
      const utama = (db: Db, kabupaten: string | null) => {
        const d = hitungDashboard(db, { bulan: BULAN, kabupaten }, HARI);
        const situs = bangunSitus(db, HARI).data;
        const w = kabupaten ? situs.kabupaten.find((k) => k.kode === kabupaten)! : situs.utama;
        return {
          dasbor: { kelompok_aktif: d.kelompok_aktif.nilai, anggota: d.anggota.nilai, perjanjian_aktif: d.perjanjian_aktif.nilai, nilai_perjanjian_bulan: d.nilai_perjanjian_bulan, persen_desil_1_4: d.persen_desil_1_4 },
          situs: { kelompok_aktif: w.ringkasan.kelompok_aktif, anggota: w.ringkasan.anggota, perjanjian_aktif: w.ringkasan.perjanjian_aktif, nilai_perjanjian_bulan: w.ringkasan.nilai_perjanjian_bulan },
        };
      };
      const uKab = utama(kab, null);
      const uProv = utama(prov, '35.10');
      assert.deepEqual(uProv.dasbor, uKab.dasbor, 'the province\'s dashboard for 35.10 reads as the district\'s');
      for (const u of [uKab, uProv]) {
        const { persen_desil_1_4: _, ...dasbor } = u.dasbor;
        assert.deepEqual(u.situs, { ...dasbor, anggota: dasbor.anggota >= 5 ? dasbor.anggota : null }, 'the website shows the dashboard\'s figures');
      }
      assert.ok(uKab.dasbor.kelompok_aktif > 0 && uKab.dasbor.perjanjian_aktif > 0);

      // The province reads the same figures for 35.10 from the bundle.
      const diProv = await semuaKeluaran(prov, '35.10', dir);
      sama(diProv, 'provinsi');
      assert.equal(diProv.rekap!.omzet, diKab.rekap!.omzet, 'province and district agree on omzet');
      assert.equal(diProv.rekap!.kepatuhan, diKab.rekap!.kepatuhan, 'province and district agree on compliance');

      // A draft with a huge omzet, for a group that has not reported: no figure moves.
      const tanpa = kab.sqlite.prepare("SELECT k.id, k.fasilitator_id FROM kelompok k WHERE k.status = 'aktif' AND NOT EXISTS (SELECT 1 FROM laporan_bulanan l WHERE l.kelompok_id = k.id AND l.periode = ? AND l.deleted_at IS NULL) LIMIT 1").get(BULAN) as { id: string; fasilitator_id: string | null } | undefined;
      const draf = kab.sqlite.prepare("SELECT id FROM laporan_bulanan WHERE periode = ? AND status = 'draft' AND deleted_at IS NULL LIMIT 1").get(BULAN) as { id: string } | undefined;
      const w = RecordWriter.forDb(kab);
      if (tanpa) w.insert('laporan_bulanan', { kelompok_id: tanpa.id, fasilitator_id: tanpa.fasilitator_id, periode: BULAN, status: 'draft', katalog_versi: 1, nilai: JSON.stringify({ omzet: 900_000_000 }), diajukan_pada: null, diverifikasi_pada: null, diverifikasi_oleh: null });
      if (draf) w.update('laporan_bulanan', draf.id, { nilai: JSON.stringify({ omzet: 800_000_000, biaya: 1 }) });
      assert.ok(tanpa || draf, 'the demo leaves a group to draft for');
      assert.deepEqual(await semuaKeluaran(kab, null, dir), diKab, 'drafts change no figure');
    } finally {
      kab.close();
      prov.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a facilitator\'s verified and on-time reports never exceed expected ones, visited groups never exceed groups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-konsisten-'));
  try {
    const provPath = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: ['35.10', '35.07'], demo: { kelompok: 14, bulan: 14, today: TODAY } });
    for (const file of [join(dir, '35.10.sqlite'), provPath]) {
      const db = openDatabase(file);
      try {
        // Inactive groups with reports, reports of months before a group was expected: counted in none of these.
        db.sqlite.prepare("UPDATE kelompok SET status = 'tidak_aktif' WHERE rowid IN (SELECT rowid FROM kelompok LIMIT 2)").run();
        for (const periode of ['2026', '2026-S1', '2026-S2', BULAN]) {
          const fas = monitoringFasilitator(db, periode, HARI);
          assert.ok(fas.length > 0);
          for (const f of fas) {
            const label = `${periode} ${f.kabupaten_nama} ${f.nama}`;
            assert.ok(f.laporan_masuk <= f.laporan_diharapkan, `${label}: masuk ≤ diharapkan`);
            assert.ok(f.diverifikasi <= f.laporan_masuk, `${label}: diverifikasi ≤ masuk`);
            assert.ok(f.diajukan_tepat_waktu <= f.laporan_masuk, `${label}: tepat waktu ≤ masuk`);
            assert.ok(f.kelompok_dikunjungi <= f.kelompok, `${label}: dikunjungi ≤ kelompok`);
            assert.match(f.kabupaten_nama, /^(Kabupaten|Kota) /, `${label}: names its kabupaten/kota`);
          }
          const rekap = hitungRekap(db, periode, 'fasilitator', TODAY);
          const total = fas.reduce((a, f) => a + f.laporan_diharapkan, 0);
          assert.equal(rekap.total.laporan_diharapkan, total, `${periode}: the recap expects what monitoring expects`);
        }
      } finally {
        db.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the province sees districts: e-monev shows the targets each district set, and every province row names its kabupaten/kota', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bermantra-konsisten-'));
  try {
    const provPath = buatDemoProvinsi(dir, TANPA_PELINDUNG, { kabupaten: ['35.10', '35.07'], demo: { kelompok: 6, bulan: 4, today: TODAY } });
    const kab = openDatabase(join(dir, '35.10.sqlite'));
    const prov = openDatabase(provPath);
    try {
      const diKab = hitungMonev(kab, '2026', TODAY).baris;
      assert.ok(diKab.length > 0, 'the demo district set targets');
      const diProv = hitungMonev(prov, '2026', TODAY).baris.filter((b) => b.kabupaten_kode === '35.10');
      assert.equal(diProv.length, diKab.length, 'every target of the district arrives at the province');
      for (const b of diKab) {
        const p = diProv.find((x) => x.kode_wilayah === b.kode_wilayah && x.indikator === b.indikator)!;
        assert.ok(p, `${b.wilayah} ${b.nama}`);
        assert.equal(p.kabupaten_nama, 'Kabupaten Banyuwangi');
        assert.deepEqual([p.target, p.realisasi, p.persen], [b.target, b.realisasi, b.persen], `${b.wilayah} ${b.nama}: the same target and realisation at both ends`);
      }
    } finally {
      kab.close();
      prov.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
