import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AppError } from '../../common/errors';
import { riwayat } from '../pengaturan/audit';
import { buatTandaTerima, imporBundel } from '../sinkron/bundle';
import { TANPA_PELINDUNG } from '../sinkron/kunci';
import { dunia } from '../../../test/bundel';
import { ajukanLaporan, bukaKembaliLaporan, daftarLaporan, simpanLaporan } from './laporan';
import { kembalikanLaporan, terimaBulan } from './persetujuan';

// Approval up the chain (the "one figure" issue, part 3): the province accepts a district's month or returns single
// reports with a reason; the decision travels back in the acknowledgement bundle; a returned report unlocks at the
// district with the reason shown, is corrected and submitted again; an accepted one is locked at both ends.

test('the province accepts a month and returns one report; the district sees it, corrects, resubmits; the province accepts it', () => {
  const w = dunia(3);
  try {
    const bulan = (w.kab.db.sqlite.prepare("SELECT max(periode) AS p FROM laporan_bulanan WHERE status <> 'draft'").get() as { p: string }).p;
    const draf = daftarLaporan(w.kab.db, { periode: bulan }).filter((r) => r.status === 'draft');
    if (draf.length) ajukanLaporan(w.kab.db, draf.map((r) => r.id));
    imporBundel(w.prov.db, TANPA_PELINDUNG, w.ekspor());
    const diProv = daftarLaporan(w.prov.db, { periode: bulan, kabupaten: '35.07' });
    const dikirim = diProv.filter((r) => r.status !== 'draft');
    assert.ok(dikirim.length >= 2);

    // A district cannot decide for the province.
    assert.throws(() => terimaBulan(w.kab.db, { kabupaten: '35.07', periode: bulan }), (e: AppError) => e.code === 'MODE_SALAH');
    const kembali = dikirim[0]!;
    assert.throws(() => kembalikanLaporan(w.prov.db, { id: kembali.id, alasan: 'x' }), /paling sedikit 5 huruf/);
    kembalikanLaporan(w.prov.db, { id: kembali.id, alasan: 'Omzet tidak sesuai nota penjualan' });
    const t = terimaBulan(w.prov.db, { kabupaten: '35.07', periode: bulan });
    assert.equal(t.diterima, dikirim.length - 1, 'the returned one is not accepted with the month');
    const sesudah = daftarLaporan(w.prov.db, { periode: bulan, kabupaten: '35.07' });
    assert.equal(sesudah.find((r) => r.id === kembali.id)!.status_efektif, 'dikembalikan');
    assert.equal(sesudah.find((r) => r.id === kembali.id)!.alasan_provinsi, 'Omzet tidak sesuai nota penjualan');
    assert.equal(daftarLaporan(w.prov.db, { periode: bulan, kabupaten: '35.07', hanyaDiterima: true }).length, dikirim.length - 1, 'the province can show accepted reports only');

    // The acknowledgement carries the decisions to the district.
    const ackPath = join(w.prov.dir, 'tanda-terima.bmb');
    buatTandaTerima(w.prov.db, TANPA_PELINDUNG, '35.07', ackPath);
    const ack = imporBundel(w.kab.db, TANPA_PELINDUNG, readFileSync(ackPath));
    assert.match(ack.pesan, new RegExp(`${dikirim.length - 1} laporan diterima \\(terkunci\\), 1 dikembalikan`));
    const diKab = daftarLaporan(w.kab.db, { periode: bulan });
    const returned = diKab.find((r) => r.id === kembali.id)!;
    assert.equal(returned.status, 'draft', 'a returned report is a draft again at the district');
    assert.equal(returned.status_efektif, 'dikembalikan');
    assert.equal(returned.alasan_provinsi, 'Omzet tidak sesuai nota penjualan');
    const accepted = diKab.find((r) => r.id === dikirim[1]!.id)!;
    assert.equal(accepted.status_efektif, 'diterima');
    assert.throws(() => bukaKembaliLaporan(w.kab.db, accepted.id, 'ingin mengubah'), (e: AppError) => e.code === 'DITERIMA_PROVINSI', 'accepted is locked');
    assert.throws(() => simpanLaporan(w.kab.db, { kelompok_id: accepted.kelompok_id, periode: bulan, nilai: { omzet: 1 } }), (e: AppError) => e.code === 'LAPORAN_TERKUNCI');

    // Corrected and submitted again: a new version; the old values and the province's reason stay in the history.
    const lama = returned.nilai.omzet;
    simpanLaporan(w.kab.db, { kelompok_id: returned.kelompok_id, periode: bulan, nilai: { omzet: 1_234_000 } });
    assert.equal(ajukanLaporan(w.kab.db, [returned.id]).berhasil, 1);
    const jejak = riwayat(w.kab.db, 'laporan_bulanan', returned.id);
    assert.ok(jejak.some((j) => /Dikembalikan provinsi .*Omzet tidak sesuai nota penjualan/.test(j.alasan ?? '')), 'the return is in the audit trail');
    assert.ok(jejak.some((j) => JSON.stringify(j.perubahan).includes(String(lama))), 'the earlier value is kept in the history');

    // The same acknowledgement again changes nothing: the report it returned is a newer version now.
    const lagi = imporBundel(w.kab.db, TANPA_PELINDUNG, readFileSync(ackPath));
    assert.doesNotMatch(lagi.pesan, /dikembalikan untuk diperbaiki/);
    assert.equal(daftarLaporan(w.kab.db, { periode: bulan }).find((r) => r.id === returned.id)!.status, 'diajukan');

    // The province receives the new version and accepts it.
    imporBundel(w.prov.db, TANPA_PELINDUNG, w.ekspor());
    assert.equal(daftarLaporan(w.prov.db, { periode: bulan, kabupaten: '35.07' }).find((r) => r.id === returned.id)!.status_efektif, 'diajukan');
    assert.equal(terimaBulan(w.prov.db, { kabupaten: '35.07', periode: bulan }).diterima, 1);
    buatTandaTerima(w.prov.db, TANPA_PELINDUNG, '35.07', ackPath);
    imporBundel(w.kab.db, TANPA_PELINDUNG, readFileSync(ackPath));
    assert.ok(daftarLaporan(w.kab.db, { periode: bulan }).filter((r) => r.status !== 'draft').every((r) => r.status_efektif === 'diterima'), 'the whole month is accepted at the district');
  } finally {
    w.cleanup();
  }
});
