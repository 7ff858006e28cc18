import { builder, type Db } from '../../../db/connection';
import { baris, jalankan, satu, satuQ, type Kerja } from '../../../db/kueri';
import type { PraktikBersama } from '../../common/api';
import { AppError } from '../../common/errors';
import { pengaturanK, simpanNilai, simpanNilaiK } from '../pengaturan';
import { namaWilayah } from '../wilayah';

// Best practices shared between districts: the province marks a district's practice to share (it reaches every
// district in the reference bundle, read-only, with its source) and to publish (the public website). A group is
// named only where its district ticked "Tampilkan di situs web publik"; the story is the district's own text.

const KUNCI_TANDA = 'praktik_bersama';
const KUNCI_TERIMA = 'praktik_provinsi';
/** Limits of what a reference bundle may bring (trust no value from a file). */
const MAKS = { judul: 300, cerita: 5000, nama: 200, jumlah: 500 };

type Tanda = Record<string, { bagikan: boolean; terbitkan: boolean }>;

function* bacaJsonK<T>(kunci: string, kosong: T): Kerja<T> {
  const row = yield* satuQ(builder.selectFrom('pengaturan').select('nilai').where('kunci', '=', kunci));
  try {
    return row ? (JSON.parse(row.nilai) as T) : kosong;
  } catch {
    return kosong;
  }
}

function tulisJson(db: Db, kunci: string, isi: unknown): void {
  simpanNilai(db, kunci, JSON.stringify(isi));
}

/** Province: every district's practices with the province's marks. District: the practices the province shared. */
export function daftarPraktikBersama(db: Db): PraktikBersama[] {
  return jalankan(db, daftarPraktikBersamaK());
}

export function* daftarPraktikBersamaK(): Kerja<PraktikBersama[]> {
  if ((yield* pengaturanK()).mode !== 'provinsi') return yield* bacaJsonK<PraktikBersama[]>(KUNCI_TERIMA, []);
  const tanda = yield* bacaJsonK<Tanda>(KUNCI_TANDA, {});
  const rows = yield* baris<{ id: string; kabupaten_kode: string; judul: string; tanggal: string; cerita: string; kelompok_nama: string | null }>(
    `SELECT p.id, p.kabupaten_kode, p.judul, p.tanggal, p.cerita, CASE WHEN k.tampil_publik = 1 THEN k.nama END AS kelompok_nama
     FROM praktik_baik p LEFT JOIN kelompok k ON k.id = p.kelompok_id AND k.deleted_at IS NULL
     WHERE p.deleted_at IS NULL ORDER BY p.tanggal DESC, p.id`,
  );
  return rows.map((r) => ({ ...r, kabupaten_nama: namaWilayah(r.kabupaten_kode) ?? r.kabupaten_kode, bagikan: !!tanda[r.id]?.bagikan, terbitkan: !!tanda[r.id]?.terbitkan }));
}

/** Province: share a district's practice with every district, and/or publish it on the website. */
export function tandaiPraktik(db: Db, input: { id: string; bagikan: boolean; terbitkan: boolean }): void {
  db.tx(() => jalankan(db, tandaiPraktikK(input)));
}

export function* tandaiPraktikK(input: { id: string; bagikan: boolean; terbitkan: boolean }): Kerja<void> {
  if ((yield* pengaturanK()).mode !== 'provinsi') throw new AppError('HANYA_PROVINSI', 'Praktik baik dibagikan oleh provinsi. Kirim praktik baik kabupaten/kota ini ke provinsi lewat bundel.');
  const ada = yield* satu('SELECT 1 AS ada FROM praktik_baik WHERE id = ? AND deleted_at IS NULL', [input.id]);
  if (!ada) throw new AppError('TIDAK_DITEMUKAN', 'Praktik baik tidak ditemukan. Muat ulang daftar.');
  const tanda = yield* bacaJsonK<Tanda>(KUNCI_TANDA, {});
  tanda[input.id] = { bagikan: input.bagikan, terbitkan: input.terbitkan };
  yield* simpanNilaiK(KUNCI_TANDA, JSON.stringify(tanda));
}

/** Province: what the reference bundle carries — the shared practices, marks left out. */
export function* praktikUntukReferensiK(): Kerja<PraktikBersama[]> {
  return (yield* daftarPraktikBersamaK()).filter((p) => p.bagikan);
}

/** District: the practices the province shared, as a reference bundle brings them; anything malformed is left out. */
export function pasangPraktikProvinsi(db: Db, list: unknown): number {
  if (!Array.isArray(list)) return 0;
  const teks = (v: unknown, maks: number) => (typeof v === 'string' ? v.slice(0, maks) : '');
  const baik = list.slice(0, MAKS.jumlah).flatMap((x): PraktikBersama[] => {
    if (!x || typeof x !== 'object') return [];
    const p = x as Record<string, unknown>;
    if (typeof p.id !== 'string' || typeof p.judul !== 'string' || typeof p.kabupaten_kode !== 'string' || !namaWilayah(p.kabupaten_kode)) return [];
    return [
      {
        id: teks(p.id, 64),
        kabupaten_kode: p.kabupaten_kode,
        kabupaten_nama: namaWilayah(p.kabupaten_kode)!,
        judul: teks(p.judul, MAKS.judul),
        tanggal: /^\d{4}-\d{2}-\d{2}$/.test(teks(p.tanggal, 10)) ? teks(p.tanggal, 10) : '',
        cerita: teks(p.cerita, MAKS.cerita),
        kelompok_nama: typeof p.kelompok_nama === 'string' ? teks(p.kelompok_nama, MAKS.nama) : null,
        bagikan: true,
        terbitkan: p.terbitkan === true,
      },
    ];
  });
  tulisJson(db, KUNCI_TERIMA, baik);
  return baik.length;
}
