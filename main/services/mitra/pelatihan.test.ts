import assert from 'node:assert/strict';
import test from 'node:test';
import { tempDb } from '../../../test/db';
import { buatFasilitator, buatKelompok } from '../../../test/rekaman';
import { AppError } from '../../common/errors';
import { bulanSebelumnya } from '../../common/laporan';
import { ajukanLaporan, simpanLaporan } from '../laporan/laporan';
import { simpanCatatan } from './catatan';
import { buktiPelatihan, cakupanPelatihan, profilKapasitas } from './pelatihan';

const HARI = '2026-12-06';

/** Two facilitators with one group each, registered long ago; A trained in May 2026, B not yet. */
function dunia(omzetA: (bulan: string) => number, omzetB: (bulan: string) => number | null) {
  const t = tempDb();
  const a = buatFasilitator(t.db, { nama: 'Fasilitator A' }).id;
  const b = buatFasilitator(t.db, { nama: 'Fasilitator B' }).id;
  const ka = buatKelompok(t.db, { nama: 'KUBE A', fasilitator_id: a }).id;
  const kb = buatKelompok(t.db, { nama: 'KUBE B', fasilitator_id: b }).id;
  t.db.sqlite.prepare("UPDATE kelompok SET created_at = '2025-01-15T00:00:00.000Z_0000_00000000'").run();
  const ids: string[] = [];
  for (let i = 1; i <= 14; i++) {
    const bulan = bulanSebelumnya('2026-12', i);
    ids.push(simpanLaporan(t.db, { kelompok_id: ka, periode: bulan, nilai: { omzet: omzetA(bulan), biaya: 100_000, anggota_aktif: 5 } }).laporan.id);
    const ob = omzetB(bulan);
    if (ob !== null) ids.push(simpanLaporan(t.db, { kelompok_id: kb, periode: bulan, nilai: { omzet: ob, biaya: 100_000, anggota_aktif: 5 } }).laporan.id);
  }
  ajukanLaporan(t.db, ids, new Date('2026-12-05T00:00:00Z'));
  const mou = simpanCatatan(t.db, 'mou', { perguruan_tinggi: 'Universitas Uji', nomor: '1/UJI', tanggal: '2026-01-01', berlaku_sampai: '2028-01-01', ruang_lingkup: 'pelatihan', status: 'aktif' }).id;
  const pel = simpanCatatan(t.db, 'pelatihan', { tanggal: '2026-05-15', judul: 'Pencatatan keuangan', topik: 'pengelolaan keuangan', penyelenggara: 'perguruan tinggi (MoU)', mou_id: mou, jam: 16 }).id;
  simpanCatatan(t.db, 'pelatihan_peserta', { pelatihan_id: pel, fasilitator_id: a, nilai_pre: 55, nilai_post: 80, nomor_sertifikat: 'S/1' });
  return { t, a, b, pel };
}

test('a facilitator\'s capacity profile and the share trained per topic follow the training records', () => {
  const { t, a, b, pel } = dunia(() => 1_000_000, () => 2_000_000);
  try {
    const profil = profilKapasitas(t.db, 2026);
    const pa = profil.find((p) => p.fasilitator_id === a)!;
    assert.deepEqual([pa.pelatihan, pa.topik, pa.jam_tahun, pa.nilai_pre, pa.nilai_post, pa.sertifikat, pa.pertama], [1, ['pengelolaan keuangan'], 16, 55, 80, 1, '2026-05-15']);
    assert.equal(profil.find((p) => p.fasilitator_id === b)!.pelatihan, 0);
    const [c] = cakupanPelatihan(t.db);
    assert.deepEqual([c!.fasilitator, c!.dilatih, c!.persen], [2, 1, 50]);
    assert.equal(c!.per_topik.find((x) => x.topik === 'pengelolaan keuangan')!.persen, 50);
    assert.equal(c!.per_topik.find((x) => x.topik === 'pemasaran digital')!.persen, 0);
    // A score above 100, or the same facilitator twice in one training, is refused with a message per field.
    assert.throws(() => simpanCatatan(t.db, 'pelatihan_peserta', { pelatihan_id: pel, fasilitator_id: b, nilai_post: 120 }), (e: AppError) => e.details?.some((d) => d.field === 'nilai_post') === true);
    assert.throws(() => simpanCatatan(t.db, 'pelatihan_peserta', { pelatihan_id: pel, fasilitator_id: a }), /sudah tercatat sebagai peserta/);
  } finally {
    t.cleanup();
  }
});

test('the evidence view sets the trained facilitators\' groups before and after beside the untrained ones over the same months', () => {
  // A's group: Rp1.000.000 a month before May 2026, Rp1.500.000 after. B's group: Rp2.000.000, missing two months after.
  const { t } = dunia(
    (m) => (m < '2026-05' ? 1_000_000 : 1_500_000),
    (m) => (m === '2026-07' || m === '2026-09' ? null : 2_000_000),
  );
  try {
    const e = buktiPelatihan(t.db, 6, HARI);
    assert.equal(e.acuan_belum, '2026-05');
    // Before: November 2025–April 2026; after: June–November 2026 (the training month itself is in neither).
    assert.deepEqual(e.dilatih, { fasilitator: 1, kelompok: 1, laporan_sebelum: 6, laporan_sesudah: 6, omzet_sebelum: 1_000_000, omzet_sesudah: 1_500_000, pertumbuhan_omzet: 50, kepatuhan_sebelum: 100, kepatuhan_sesudah: 100 });
    assert.deepEqual(e.belum, { fasilitator: 1, kelompok: 1, laporan_sebelum: 6, laporan_sesudah: 4, omzet_sebelum: 2_000_000, omzet_sesudah: 2_000_000, pertumbuhan_omzet: 0, kepatuhan_sebelum: 100, kepatuhan_sesudah: 66.7 });
    assert.match(e.catatan, /deskriptif, bukan bukti sebab-akibat/);
  } finally {
    t.cleanup();
  }
});
