import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { tempDb } from '../../../test/db';
import { K_MIN, L_MIN } from '../../common/riset';
import { buatDemo, tulisEkstrakDemo } from '../demo';
import { cocokkan, imporEkstrak } from '../dtsen';
import { parseCsv } from '../dokumen';
import { simpanCatatan } from './catatan';
import { buatEkstrakRiset, logEkstrakRiset } from './riset';
import { pdfPerjanjian } from './perjanjian-dokumen';

// The research extract read as the Inspektorat and a privacy officer would: nothing personal in any file, k and l
// as claimed (computed here again, independently), two MoUs' pseudonyms disjoint, and refusals that write nothing.

const HARI = '2026-12-06';

async function dunia() {
  const t = tempDb(null);
  buatDemo(t.db, { kelompok: 140, bulan: 26, seed: 5, kabupaten: '35.07' });
  const csv = join(t.dir, 'dtsen.csv');
  await tulisEkstrakDemo(t.db, csv, 3000, 5);
  await imporEkstrak(t.db, csv, 'dtsen.csv', { sumber: 'DTSEN', tanggal: '2026-10-01' });
  cocokkan(t.db);
  const mou = (nama: string) => (t.db.sqlite.prepare('SELECT id FROM mou WHERE perguruan_tinggi = ?').get(nama) as { id: string }).id;
  return { t, ub: mou('Universitas Brawijaya'), um: mou('Universitas Negeri Malang'), umm: mou('Universitas Muhammadiyah Malang') };
}

const bacaCsv = (file: string) => {
  const [kolom, ...baris] = parseCsv(readFileSync(file, 'utf8').trimEnd(), ',');
  return baris.map((b) => Object.fromEntries(b.map((v, i) => [kolom![i]!, v])) as Record<string, string>);
};

/** k (smallest class) and l (fewest desil values in a class with any known desil) computed from the CSV alone. */
function kDanL(rows: Record<string, string>[], kuasi: string[], unit: (r: Record<string, string>) => string, sensitif?: string): { k: number; l: number | null } {
  const kelas = new Map<string, { unit: Set<string>; s: Set<string> }>();
  for (const r of rows) {
    const key = kuasi.map((q) => r[q]).join('|');
    const c = kelas.get(key) ?? { unit: new Set(), s: new Set() };
    kelas.set(key, c);
    c.unit.add(unit(r));
    if (sensitif) c.s.add(r[sensitif]!);
  }
  const semua = [...kelas.values()];
  const dikenal = semua.filter((c) => !(c.s.size === 1 && c.s.has('')));
  return { k: Math.min(...semua.map((c) => c.unit.size)), l: sensitif ? Math.min(...dikenal.map((c) => c.s.size)) : null };
}

test('a research extract holds none of the personal values, k and l hold as reported, and two MoUs share no pseudonym', async () => {
  const { t, ub, um } = await dunia();
  try {
    const a = join(t.dir, 'ub');
    const hasil = await buatEkstrakRiset(t.db, ub, a, { hari: HARI });
    const berkas = readdirSync(a).sort();
    assert.deepEqual(berkas, ['KAMUS_DATA.md', 'LAPORAN_RISIKO.md', 'MANIFEST.sha256', 'PENILAIAN_DAMPAK_PDP.pdf', 'README_PENELITI.md', 'anggota.csv', 'anggota.json', 'kelompok_bulan.csv', 'kelompok_bulan.json']);

    // No name, NIK, KK, address, phone or raw id of the database appears in any file (the PDF's text included).
    const rahasia = new Set<string>();
    for (const r of t.db.sqlite.prepare('SELECT id, nik, no_kk, nama, alamat, tanggal_lahir FROM anggota').all() as Record<string, string | null>[]) for (const v of Object.values(r)) if (v && v.length >= 6) rahasia.add(v);
    for (const r of t.db.sqlite.prepare('SELECT id, nama FROM kelompok').all() as Record<string, string>[]) for (const v of Object.values(r)) rahasia.add(v);
    for (const r of t.db.sqlite.prepare('SELECT id, nama, nik, no_hp FROM fasilitator').all() as Record<string, string | null>[]) for (const v of Object.values(r)) if (v && v.length >= 6) rahasia.add(v);
    assert.ok(rahasia.size > 1500, `${rahasia.size} nilai pribadi diperiksa`);
    for (const f of berkas) {
      const isi = f.endsWith('.pdf') ? (await import('node:child_process')).execFileSync('pdftotext', [join(a, f), '-'], { encoding: 'utf8' }) : readFileSync(join(a, f), 'utf8');
      for (const v of rahasia) assert.ok(!isi.includes(v), `${f} memuat nilai pribadi ${v.slice(0, 4)}…`);
    }

    // k and l as the metadata claims, computed again from the CSV; suppression within 5 %.
    const anggota = bacaCsv(join(a, 'anggota.csv'));
    const metaA = JSON.parse(readFileSync(join(a, 'anggota.json'), 'utf8'));
    assert.deepEqual(metaA.kuasi_identifikator, ['kecamatan', 'sektor', 'usia', 'jenis_kelamin']);
    const ka = kDanL(anggota, metaA.kuasi_identifikator, (r) => r.id_anggota!, 'desil');
    assert.ok(ka.k >= K_MIN && ka.k === metaA.k_tercapai, `k anggota ${ka.k} / ${metaA.k_tercapai}`);
    assert.ok(ka.l !== null && ka.l >= L_MIN && ka.l === metaA.l_tercapai, `l ${ka.l} / ${metaA.l_tercapai}`);
    assert.ok(anggota.some((r) => r.desil !== ''), 'desil hasil DT-SEN ikut');
    assert.ok(metaA.disupresi.persen <= 5);
    assert.equal(metaA.disupresi.jumlah, hasil.tabel.find((x) => x.nama === 'anggota')!.disupresi);
    assert.ok(anggota.every((r) => /^\d+–\d+$|^tidak diketahui$/.test(r.usia!)), 'umur dalam rentang');
    const kb = bacaCsv(join(a, 'kelompok_bulan.csv'));
    const metaK = JSON.parse(readFileSync(join(a, 'kelompok_bulan.json'), 'utf8'));
    const kk = kDanL(kb, metaK.kuasi_identifikator, (r) => r.id_kelompok!);
    assert.ok(kk.k >= K_MIN && kk.k === metaK.k_tercapai);
    // Money top-coded at its 95th percentile; compliance 0/1 for each month a group had to report.
    assert.ok(kb.every((r) => Number(r.omzet || 0) <= metaK.batas_atas.omzet.nilai));
    assert.ok(kb.some((r) => r.laporan_masuk === '0') && kb.some((r) => r.laporan_masuk === '1'));
    // The manifest checks every file; the log records the extract with the manifest's hash.
    const manifest = readFileSync(join(a, 'MANIFEST.sha256'), 'utf8');
    for (const baris of manifest.trim().split('\n')) {
      const [hash, nama] = baris.split(/\s+/);
      assert.equal(createHash('sha256').update(readFileSync(join(a, nama!))).digest('hex'), hash, nama);
    }
    assert.equal(logEkstrakRiset(t.db, ub)[0]!.hash, createHash('sha256').update(manifest).digest('hex'));

    // Another MoU: its own secret, so no pseudonym is shared with the first extract.
    const b = join(t.dir, 'um');
    await buatEkstrakRiset(t.db, um, b, { hari: HARI });
    const idA = new Set([...anggota.map((r) => r.id_anggota), ...kb.map((r) => r.id_kelompok)]);
    const lain = bacaCsv(join(b, 'anggota.csv'));
    assert.ok(lain.length > 1000);
    assert.ok(lain.every((r) => !idA.has(r.id_anggota) && !idA.has(r.id_kelompok)), 'samaran dua MoU tidak sama');
    // The same MoU again: the same pseudonyms (a researcher can add a later extract to the first).
    const c = join(t.dir, 'ub-lagi');
    await buatEkstrakRiset(t.db, ub, c, { hari: HARI });
    assert.equal(readFileSync(join(c, 'anggota.csv'), 'utf8'), readFileSync(join(a, 'anggota.csv'), 'utf8'));
  } finally {
    t.cleanup();
  }
});

test('an extract is refused, with nothing written, for an expired MoU, one without data sharing, variables not approved, a folder in use, or at the province', async () => {
  const { t, ub, umm } = await dunia();
  try {
    const out = join(t.dir, 'x');
    const ditolak = async (mou: string, pesan: RegExp, opsi = {}) => {
      await assert.rejects(() => buatEkstrakRiset(t.db, mou, out, { hari: HARI, ...opsi }), pesan);
      assert.ok(!existsSync(out) || readdirSync(out).length === 0 || readdirSync(out).join() === 'punya-orang.txt', 'tidak ada yang ditulis');
    };
    await ditolak(umm, /sudah berakhir .*Tidak ada berkas yang ditulis/);
    await ditolak(ub, /Variabel nama, nik tidak disetujui|tidak disetujui dalam MoU/, { variabel: ['omzet', 'nik'] });
    const tanpa = simpanCatatan(t.db, 'mou', { perguruan_tinggi: 'Politeknik Negeri Malang', nomor: '9/PL/2026', tanggal: '2026-01-01', berlaku_sampai: '2028-01-01', ruang_lingkup: 'riset', status: 'aktif', berbagi_data: false }).id;
    await ditolak(tanpa, /tidak mengizinkan berbagi data/);
    mkdirSync(out);
    writeFileSync(join(out, 'punya-orang.txt'), 'jangan dihapus');
    await ditolak(ub, /sudah ada\. Pilih folder atau nama berkas baru/);
    assert.equal(readFileSync(join(out, 'punya-orang.txt'), 'utf8'), 'jangan dihapus');
    assert.equal(logEkstrakRiset(t.db).length, 0);
    // A subset of the approved variables is written, with no other column.
    const z = await buatEkstrakRiset(t.db, ub, join(t.dir, 'kecil'), { hari: HARI, variabel: ['omzet', 'kecamatan'], zip: true });
    assert.ok(z.keluaran.endsWith('.zip') && existsSync(z.keluaran));
    assert.deepEqual(z.tabel.map((x) => x.nama), ['kelompok_bulan']);
    // The province holds every district's rows: a district's MoU is not extracted there (its partner would get all
    // of them), nor is the district's agreement printed under the province's letterhead.
    t.db.sqlite.prepare("UPDATE pengaturan SET nilai = 'provinsi' WHERE kunci = 'mode'").run();
    await ditolak(ub, /adalah perjanjian Kabupaten Malang: ekstrak data riset dibuat oleh kabupaten\/kota itu .*Tidak ada berkas yang ditulis/);
    const perjanjian = t.db.sqlite.prepare('SELECT id FROM perjanjian LIMIT 1').pluck().get() as string;
    const pdf = join(t.dir, 'perjanjian.pdf');
    await assert.rejects(() => pdfPerjanjian(t.db, perjanjian, pdf), /disaksikan Kepala Kabupaten Malang dan dicetak oleh kabupaten\/kota itu/);
    assert.equal(existsSync(pdf), false);
  } finally {
    t.cleanup();
  }
});
