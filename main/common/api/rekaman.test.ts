import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import { buatKelompok } from '../../../test/rekaman';
import { tempDb } from '../../../test/db';
import { ambilKelompok, simpanKelompok } from '../../services/kelompok';
import { KOLOM_INTI, kolomMasukan, PENGATURAN_KANTOR, type KolomSpec, type TabelInti } from '../register';
import { bacaPengaturan, simpanPengaturan } from '../../services/pengaturan';
import { contract } from './index';

// The input schemas of the core records and the register say the same thing: the same columns, the same
// limits. A column added to the register is in the API; a limit changed there is the API's limit.

type Bentuk = Record<string, z.ZodType>;
const bentuk = (m: keyof typeof contract): Bentuk => (contract[m].input as unknown as z.ZodObject).shape as Bentuk;

const SKEMA: Record<Exclude<TabelInti, 'laporan_bulanan' | 'foto_laporan'>, Bentuk> = {
  fasilitator: bentuk('fasilitator.simpan'),
  kelompok: bentuk('kelompok.simpan'),
  anggota: bentuk('anggota.simpan'),
  proposal: bentuk('proposal.simpan'),
  rab_item: ((bentuk('proposal.simpanRab').items as z.ZodArray).element as z.ZodObject).shape as Bentuk,
  gerobak_penilaian: bentuk('gerobak.simpan'),
  target_indikator: bentuk('monev.simpanTarget'),
  penjelasan_monev: bentuk('monev.simpanPenjelasan'),
};
/** Inputs that are not columns: the record's id, the officer's confirmation, the district a province target is for. */
const BUKAN_KOLOM = new Set(['id', 'konfirmasiGanda', 'kabupaten']);
/** Columns whose rule the register cannot say, kept in the API (a phone number's pattern, JSON objects). */
const DIGANTI: Record<string, string[]> = { fasilitator: ['no_hp'], proposal: ['isi', 'proyeksi'] };

const lolos = (s: z.ZodType, v: unknown) => s.safeParse(v).success;

test('every input schema of a core record has exactly the typed columns of its register entry', () => {
  for (const [tabel, shape] of Object.entries(SKEMA) as [TabelInti, Bentuk][]) {
    const kolom = kolomMasukan(tabel);
    assert.deepEqual(
      Object.keys(shape).filter((k) => !BUKAN_KOLOM.has(k)).sort(),
      [...kolom].sort(),
      `${tabel}: the API's input and the register's typed columns differ`,
    );
  }
  // The reports and their photos are built by their services from the catalogue and the file.
  assert.deepEqual(kolomMasukan('laporan_bulanan'), []);
});

test('every input schema keeps the limits of the register: length, bounds, choices, required or optional', () => {
  let diperiksa = 0;
  for (const [tabel, shape] of Object.entries(SKEMA) as [TabelInti, Bentuk][]) {
    for (const kode of kolomMasukan(tabel)) {
      if (DIGANTI[tabel]?.includes(kode)) continue;
      const k = (KOLOM_INTI[tabel] as Record<string, KolomSpec>)[kode]!;
      const s = shape[kode]!;
      const di = `${tabel}.${kode}`;
      if (k.bawaan === undefined) assert.equal(lolos(s, undefined), !k.wajib, `${di}: left out is ${k.wajib ? 'refused' : 'accepted'}`);
      if (!k.wajib) assert.ok(lolos(s, null), `${di}: null (emptied) is accepted`);
      if (k.opsi) {
        for (const o of k.opsi) assert.ok(lolos(s, o), `${di}: ${o} is a choice`);
        assert.ok(!lolos(s, 'bukan-pilihan'), `${di}: only the register's choices`);
      } else if (k.tipe === 'teks' && !k.format && !k.ref && k.maks) {
        assert.ok(lolos(s, 'a'.repeat(k.maks)), `${di}: ${k.maks} characters fit`);
        assert.ok(!lolos(s, 'a'.repeat(k.maks + 1)), `${di}: ${k.maks + 1} characters are refused`);
      } else if (k.tipe !== 'teks' && !(k.min === 0 && k.max === 1)) {
        assert.ok(lolos(s, k.min) && lolos(s, k.max), `${di}: ${k.min} and ${k.max} are accepted`);
        assert.ok(!lolos(s, k.min! - 1) && !lolos(s, k.max! + 1), `${di}: outside ${k.min}–${k.max} is refused`);
        assert.ok(!lolos(s, Infinity) && !lolos(s, NaN), `${di}: Infinity and NaN are refused`);
        if (k.tipe === 'bulat') assert.ok(!lolos(s, k.min! + 0.5), `${di}: a fraction is refused`);
      } else if (k.tipe === 'bulat') {
        assert.ok(lolos(s, true) && lolos(s, false) && !lolos(s, 2), `${di}: yes or no`);
      }
      diperiksa++;
    }
  }
  assert.ok(diperiksa >= 40, `only ${diperiksa} columns checked`);
});

test('a form that leaves a column out keeps its value; a column the officer emptied becomes empty', () => {
  const t = tempDb();
  try {
    const { id } = buatKelompok(t.db, { produk_utama: 'keripik tempe', catatan: 'rapat tiap Kamis' });
    // An older form that does not know `catatan` (the way an older form will not know a column added later).
    simpanKelompok(t.db, contract['kelompok.simpan'].input.parse({ id, nama: 'KUBE Uji', desa_kode: '35.07.01.2001', sektor: 'Jasa', produk_utama: '' }));
    const k = ambilKelompok(t.db, id);
    assert.equal(k.catatan, 'rapat tiap Kamis');
    assert.equal(k.produk_utama, null);
  } finally {
    t.cleanup();
  }
});

test('the office settings are the register\'s keys: the form\'s input, what is read back, what a left-out key keeps', () => {
  const shape = bentuk('pengaturan.simpan');
  assert.deepEqual(Object.keys(shape).sort(), Object.keys(PENGATURAN_KANTOR).sort());
  const t = tempDb();
  try {
    const masuk = contract['pengaturan.simpan'].input.parse({ operator: 'Rina', kepala_nip: '19700101 200003 1 001', kepala_nama: 'Dr. Budi' });
    simpanPengaturan(t.db, masuk);
    simpanPengaturan(t.db, contract['pengaturan.simpan'].input.parse({ operator: 'Rina', kepala_nama: '' }));
    const p = bacaPengaturan(t.db);
    for (const k of Object.keys(PENGATURAN_KANTOR)) assert.equal(typeof p[k as keyof typeof p], 'string', `${k} is read back`);
    assert.equal(p.kepala_nip, '197001012000031001', 'a NIP typed with spaces is kept as 18 digits; left out later, it stays');
    assert.equal(p.kepala_nama, '', 'an emptied name is empty');
    assert.equal(p.ttd_mode, 'langsung');
    assert.ok(!contract['pengaturan.simpan'].input.safeParse({ operator: 'Rina', kode_pos: '6512' }).success, 'a 4-digit postcode is refused');
  } finally {
    t.cleanup();
  }
});
