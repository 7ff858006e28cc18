import { readFileSync } from 'node:fs';
import { builder, type Db } from '../../../db/connection';
import { barisQ, ingat, jalankan, ubahQ, type Kerja } from '../../../db/kueri';
import { AppError } from '../../common/errors';
import { MODE_TANDA_TANGAN, type Mode, type ModeTandaTangan, type Pengaturan } from '../../common/records';
import { PENGATURAN_KANTOR, type KunciKantor } from '../../common/register';
import { namaWilayah } from '../wilayah';

/** The keys this module reads: the app's own and the office's (register.ts, PENGATURAN_KANTOR). */
const KUNCI = ['mode', 'kabupaten_kode', 'lambang', ...(Object.keys(PENGATURAN_KANTOR) as KunciKantor[])] as const;
type Kunci = (typeof KUNCI)[number];

export type PengaturanInput = Partial<Omit<Pengaturan, 'mode' | 'kabupaten_kode' | 'kabupaten_nama' | 'operator'>> & { operator: string };

/** The settings, read once per change (db.ingat) and frozen: a caller that needs other values makes a copy. */
export function bacaPengaturan(db: Db): Pengaturan {
  return jalankan(db, pengaturanK());
}

/** The settings, as a piece of work (db/kueri.ts) that runs on the file or the server. */
export function* pengaturanK(): Kerja<Pengaturan> {
  return yield* ingat('pengaturan', function* () {
    return Object.freeze(dariBaris(yield* barisQ(builder.selectFrom('pengaturan').select(['kunci', 'nilai']))));
  });
}

function dariBaris(rows: { kunci: string; nilai: string }[]): Pengaturan {
  const map = new Map(rows.map((r) => [r.kunci, r.nilai]));
  const get = (k: Kunci) => map.get(k) ?? '';
  const mode = (get('mode') || null) as Mode | null;
  const kabupaten = get('kabupaten_kode') || null;
  const kantor = Object.fromEntries((Object.keys(PENGATURAN_KANTOR) as KunciKantor[]).map((k) => [k, get(k)])) as Record<KunciKantor, string>;
  // The order of the keys is the JSON `pengaturan show --json` prints: identity, the office's keys, the emblem.
  return {
    mode,
    kabupaten_kode: kabupaten,
    kabupaten_nama: mode === 'provinsi' ? 'Provinsi Jawa Timur' : namaWilayah(kabupaten),
    ...kantor,
    ttd_mode: ((MODE_TANDA_TANGAN as readonly string[]).includes(get('ttd_mode')) ? get('ttd_mode') : 'langsung') as ModeTandaTangan,
    lambang: get('lambang'),
  };
}

/**
 * Writes one row of the settings table (insert or replace). The one place that does: the office's keys below and
 * the app's own (sync state, the province's targets and shared practices, lists, templates) all go through it.
 */
export function simpanNilai(db: Db, kunci: string, nilai: string): void {
  jalankan(db, simpanNilaiK(kunci, nilai));
}

export function simpanNilaiK(kunci: string, nilai: string): Kerja<unknown> {
  return ubahQ(builder.insertInto('pengaturan').values({ kunci, nilai }).onConflict((oc) => oc.column('kunci').doUpdateSet({ nilai })));
}

function tulis(db: Db, values: Partial<Record<Kunci, string>>): void {
  db.tx(() => {
    for (const [kunci, nilai] of Object.entries(values)) if (nilai !== undefined) simpanNilai(db, kunci, nilai);
  });
}

/**
 * First run: which installation this is. A kabupaten/kota of Jawa Timur, or the province ("35").
 * Cannot be changed once set, because every record carries the owner's code.
 */
export function setup(db: Db, input: PengaturanInput & { mode: Mode; kabupaten_kode: string | null }): Pengaturan {
  const current = bacaPengaturan(db);
  if (current.mode) {
    throw new AppError('SUDAH_DISIAPKAN', `Aplikasi ini sudah disiapkan untuk ${current.kabupaten_nama}. Wilayah tidak dapat diganti; ubah data kantor di menu Pengaturan.`);
  }
  let kode: string;
  if (input.mode === 'provinsi') kode = '35';
  else {
    if (!input.kabupaten_kode || !input.kabupaten_kode.startsWith('35.') || !namaWilayah(input.kabupaten_kode)) {
      throw new AppError('WILAYAH_TIDAK_DIKENAL', 'Pilih kabupaten/kota di Jawa Timur dari daftar.', [{ field: 'kabupaten_kode', message: 'Pilih kabupaten/kota.' }]);
    }
    kode = input.kabupaten_kode;
  }
  const nama = input.mode === 'provinsi' ? 'Jawa Timur' : namaWilayah(kode)!.replace(/^(Kabupaten|Kota) /, '');
  tulis(db, {
    ...input,
    mode: input.mode,
    kabupaten_kode: kode,
    kota_surat: input.kota_surat || (input.mode === 'provinsi' ? 'Surabaya' : nama),
    nama_instansi: input.nama_instansi || (input.mode === 'provinsi' ? 'Badan Perencanaan Pembangunan Daerah Provinsi Jawa Timur' : `Badan Perencanaan Pembangunan Daerah ${namaWilayah(kode)}`),
  });
  return bacaPengaturan(db);
}

export function simpanPengaturan(db: Db, input: PengaturanInput): Pengaturan {
  return db.tx(() => jalankan(db, simpanPengaturanK(input)));
}

/** The office's settings saved (the file, or the province's server in one transaction), then read back. */
export function* simpanPengaturanK(input: PengaturanInput): Kerja<Pengaturan> {
  if (!(yield* pengaturanK()).mode) throw new AppError('BELUM_DISIAPKAN', 'Selesaikan layar Persiapan lebih dulu.');
  for (const [kunci, nilai] of Object.entries(input)) if (nilai !== undefined) yield* simpanNilaiK(kunci, nilai as string);
  return yield* pengaturanK();
}

/** The emblem from the file the officer picked (null: remove it). */
export function simpanLambangDariK(path: string | null, nama?: string): Kerja<Pengaturan> {
  return simpanLambangK(path ? readFileSync(path) : null, nama);
}

export function simpanLambang(db: Db, bytes: Buffer | null, nama = 'lambang'): Pengaturan {
  return db.tx(() => jalankan(db, simpanLambangK(bytes, nama)));
}

/** The emblem of the letterhead: a PNG or JPEG of at most 512 KB, kept as a data: URL; null removes it. */
export function* simpanLambangK(bytes: Buffer | null, nama = 'lambang'): Kerja<Pengaturan> {
  if (!(yield* pengaturanK()).mode) throw new AppError('BELUM_DISIAPKAN', 'Selesaikan layar Persiapan lebih dulu.');
  if (!bytes) {
    yield* simpanNilaiK('lambang', '');
    return yield* pengaturanK();
  }
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) throw new AppError('BUKAN_GAMBAR', `${nama} bukan gambar PNG atau JPEG. Pilih berkas lambang daerah dalam format PNG atau JPEG.`);
  if (bytes.length > 512 * 1024) throw new AppError('GAMBAR_TERLALU_BESAR', `${nama} terlalu besar (${Math.round(bytes.length / 1024)} KB; paling besar 512 KB). Perkecil gambarnya lalu pilih lagi.`);
  yield* simpanNilaiK('lambang', `data:image/${png ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`);
  return yield* pengaturanK();
}

/** The kabupaten this installation owns; throws the setup message when it has none yet. */
export function kabupatenAktif(db: Db): string {
  const p = bacaPengaturan(db);
  if (!p.kabupaten_kode) throw new AppError('BELUM_DISIAPKAN', 'Aplikasi belum disiapkan. Pilih kabupaten/kota atau mode provinsi pada layar Persiapan lebih dulu.');
  return p.kabupaten_kode;
}
