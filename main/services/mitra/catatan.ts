import type { Db } from '../../../db/connection';
import { RecordWriter } from '../../../db/write';
import { baris, jalankan, satu, type Kerja } from '../../../db/kueri';
import type { Page } from '../../common/contract-kit';
import { JUMLAH_MAKS, RUPIAH_MAKS, TAHUN_MAKS, tanggalSah, VOLUME_MAKS } from '../../common/batas';
import { AppError } from '../../common/errors';
import { ENTITAS, type BarisCatatan, type Catatan, type EntitasKode, type FieldSpec } from '../../common/mitra';
import { bacaAngka } from '../laporan';
import { kecamatanDariDesa, namaWilayah } from '../wilayah';

// Records described by a field spec (offtakers, agreements, MoUs, issues…): one validation, one list,
// one writer for all of them, so each new kind of record is a spec, not a new service.

const REF: Partial<Record<FieldSpec['tipe'], { tabel: string; nama: string; label: string }>> = {
  kelompok: { tabel: 'kelompok', nama: 'nama', label: 'Kelompok' },
  offtaker: { tabel: 'offtaker', nama: 'nama', label: 'Offtaker' },
  mou: { tabel: 'mou', nama: 'perguruan_tinggi', label: 'MoU' },
  isu: { tabel: 'isu', nama: 'uraian', label: 'Isu' },
  pelatihan: { tabel: 'pelatihan', nama: 'judul', label: 'Pelatihan' },
  fasilitator: { tabel: 'fasilitator', nama: 'nama', label: 'Fasilitator' },
};

function nilaiField(f: FieldSpec, raw: unknown): { value: string | number | null; galat?: string } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return f.wajib ? { value: null, galat: `${f.label} wajib diisi.` } : { value: null };
  }
  switch (f.tipe) {
    case 'angka':
    case 'rupiah':
    case 'tahun': {
      const n = bacaAngka(raw);
      if (n === null || Number.isNaN(n) || n < 0) return { value: null, galat: `${f.label} harus angka, tidak negatif.` };
      if (f.tipe === 'tahun' && (n < 2000 || n > TAHUN_MAKS || !Number.isInteger(n))) return { value: null, galat: `${f.label} ditulis 4 angka, misalnya 2025.` };
      const maks = f.tipe === 'rupiah' ? RUPIAH_MAKS : f.desimal ? VOLUME_MAKS : JUMLAH_MAKS;
      if (n > maks) return { value: null, galat: `${f.label} terlalu besar; periksa jumlah angka nolnya.` };
      return { value: f.tipe === 'angka' && f.desimal ? Math.round(n * 100) / 100 : Math.round(n) };
    }
    case 'ya_tidak':
      return { value: raw === true || raw === 1 || raw === '1' || raw === 'ya' ? 1 : 0 };
    case 'tanggal': {
      const t = String(raw).trim();
      if (!tanggalSah(t)) return { value: null, galat: `${f.label} ditulis TTTT-BB-HH, misalnya 2025-11-05.` };
      return { value: t };
    }
    case 'pilihan_ganda': {
      const daftar = (Array.isArray(raw) ? raw.map(String) : String(raw).split(',')).map((t) => t.trim()).filter(Boolean);
      const asing = daftar.filter((t) => f.opsi && !f.opsi.includes(t));
      if (asing.length) return { value: null, galat: `${f.label}: ${asing.join(', ')} tidak dikenal. Pilih dari daftar.` };
      return { value: [...new Set(daftar)].join(',') || null };
    }
    case 'pilihan': {
      const t = String(raw).trim();
      if (f.opsi && !f.opsi.includes(t)) return { value: null, galat: `${f.label} harus salah satu dari: ${f.opsi.join(', ')}.` };
      return { value: t };
    }
    case 'kecamatan':
    case 'desa': {
      const t = String(raw).trim();
      if (!namaWilayah(t)) return { value: null, galat: `${f.label} tidak dikenal. Pilih dari daftar.` };
      return { value: t };
    }
    default: {
      const t = String(raw).trim();
      if (t.length > (f.tipe === 'panjang' ? 5000 : 300)) return { value: null, galat: `${f.label} terlalu panjang.` };
      return { value: t };
    }
  }
}

export function simpanCatatan(db: Db, entitas: EntitasKode, input: Record<string, unknown>): { id: string } {
  const spec = ENTITAS[entitas];
  const writer = RecordWriter.forDb(db);
  const values: Record<string, string | number | null> = {};
  const details: { field: string; message: string }[] = [];
  for (const f of spec.fields) {
    const r = nilaiField(f, input[f.kode]);
    if (r.galat) details.push({ field: f.kode, message: r.galat });
    // A region of the office's own district (the province would refuse another district's code in the bundle).
    if ((f.tipe === 'kecamatan' || f.tipe === 'desa') && typeof r.value === 'string' && !r.value.startsWith(`${writer.kabupatenKode}.`)) {
      details.push({ field: f.kode, message: `${f.label} harus di ${namaWilayah(writer.kabupatenKode) ?? writer.kabupatenKode}. Pilih dari daftar.` });
    }
    values[f.kode] = r.value;
    const ref = REF[f.tipe];
    if (ref && r.value) {
      const found = db.sqlite.prepare(`SELECT id FROM ${ref.tabel} WHERE id = ? AND deleted_at IS NULL`).get(r.value);
      if (!found) details.push({ field: f.kode, message: `${f.label} tidak ditemukan. Pilih dari daftar.` });
    }
  }
  if (values.desa_kode && values.kecamatan_kode && kecamatanDariDesa(String(values.desa_kode)) !== values.kecamatan_kode) {
    details.push({ field: 'desa_kode', message: 'Desa/kelurahan tidak berada di kecamatan yang dipilih.' });
  }
  if (values.desa_kode && !values.kecamatan_kode && 'kecamatan_kode' in values) values.kecamatan_kode = kecamatanDariDesa(String(values.desa_kode));
  if (entitas === 'perjanjian' && values.mulai && values.selesai && String(values.selesai) < String(values.mulai)) {
    details.push({ field: 'selesai', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai.' });
  }
  if (entitas === 'pelatihan_peserta') {
    for (const k of ['nilai_pre', 'nilai_post']) if (typeof values[k] === 'number' && (values[k] as number) > 100) details.push({ field: k, message: 'Nilai tes 0 sampai 100.' });
    const sama = values.pelatihan_id && values.fasilitator_id ? db.sqlite.prepare('SELECT id FROM pelatihan_peserta WHERE pelatihan_id = ? AND fasilitator_id = ? AND deleted_at IS NULL AND id <> ?').get(values.pelatihan_id, values.fasilitator_id, String(input.id ?? '')) : null;
    if (sama) details.push({ field: 'fasilitator_id', message: 'Fasilitator ini sudah tercatat sebagai peserta pelatihan itu.' });
  }
  if (details.length) throw new AppError('INPUT_TIDAK_SAH', details.length === 1 ? details[0]!.message : `Ada ${details.length} isian yang perlu diperbaiki: ${details.map((d) => d.message).join(' ')}`, details);
  const id = typeof input.id === 'string' && input.id ? input.id : null;
  if (id) {
    writer.update(entitas, id, values as never);
    return { id };
  }
  return { id: writer.insert(entitas, values as never) };
}

export interface FilterCatatan {
  cari?: string | null;
  /** field → exact value */
  filter?: Record<string, string> | null;
  terhapus?: boolean;
  halaman?: number;
  per?: number;
  kabupaten?: string | null;
}

/** Display names for referenced records and regions, by field. */
function* namaRujukanK(entitas: EntitasKode, rows: Catatan[]): Kerja<BarisCatatan[]> {
  const spec = ENTITAS[entitas];
  const caches = new Map<string, Map<string, string>>();
  for (const f of spec.fields) {
    const ref = REF[f.tipe];
    if (!ref) continue;
    const ids = [...new Set(rows.map((r) => r[f.kode]).filter((v): v is string => typeof v === 'string'))];
    const map = new Map<string, string>();
    for (const id of ids) {
      const row = yield* satu<{ n: string }>(`SELECT ${ref.nama} AS n FROM ${ref.tabel} WHERE id = ?`, [id]);
      map.set(id, row ? String(row.n).slice(0, 80) : '(terhapus)');
    }
    caches.set(f.kode, map);
  }
  return rows.map((data) => {
    const nama: Record<string, string> = {};
    for (const f of spec.fields) {
      const v = data[f.kode];
      if (v === null || v === undefined) continue;
      if (caches.has(f.kode)) nama[f.kode] = caches.get(f.kode)!.get(String(v)) ?? '';
      else if (f.tipe === 'kecamatan' || f.tipe === 'desa') nama[f.kode] = namaWilayah(String(v)) ?? String(v);
    }
    return { data, nama };
  });
}

export function daftarCatatan(db: Db, entitas: EntitasKode, f: FilterCatatan = {}): Page<BarisCatatan> {
  return jalankan(db, daftarCatatanK(entitas, f));
}

/** A page of partner records (offtakers, agreements, MoUs, issues, …), on the district's file or the province's server. */
export function* daftarCatatanK(entitas: EntitasKode, f: FilterCatatan = {}): Kerja<Page<BarisCatatan>> {
  const spec = ENTITAS[entitas];
  const where: string[] = [f.terhapus ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
  const params: unknown[] = [];
  if (f.kabupaten) {
    where.push('kabupaten_kode = ?');
    params.push(f.kabupaten);
  }
  const textFields = spec.fields.filter((x) => ['teks', 'panjang', 'pilihan'].includes(x.tipe)).map((x) => x.kode);
  if (f.cari?.trim() && textFields.length) {
    where.push(`(${textFields.map((c) => `${c} LIKE ?`).join(' OR ')})`);
    for (const _ of textFields) params.push(`%${f.cari.trim()}%`);
  }
  for (const [k, v] of Object.entries(f.filter ?? {})) {
    if (!v || !spec.fields.some((x) => x.kode === k)) continue;
    where.push(`${k} = ?`);
    params.push(v);
  }
  const per = Math.min(f.per ?? 50, 500);
  const halaman = Math.max(1, f.halaman ?? 1);
  // The id last: records of the same day (or name) come in one order on every database.
  const order = spec.fields.some((x) => x.kode === 'tanggal') ? 'tanggal DESC, created_at DESC, id' : `${spec.nama}, id`;
  const total = (yield* satu<{ n: number }>(`SELECT count(*) AS n FROM ${entitas} WHERE ${where.join(' AND ')}`, params))!.n;
  const rows = yield* baris<Catatan>(`SELECT * FROM ${entitas} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, per, (halaman - 1) * per]);
  return { rows: yield* namaRujukanK(entitas, rows), total, halaman, per };
}

export function ambilCatatan(db: Db, entitas: EntitasKode, id: string): BarisCatatan {
  return jalankan(db, ambilCatatanK(entitas, id));
}

export function* ambilCatatanK(entitas: EntitasKode, id: string): Kerja<BarisCatatan> {
  const row = yield* satu<Catatan>(`SELECT * FROM ${entitas} WHERE id = ?`, [id]);
  if (!row) throw new AppError('TIDAK_DITEMUKAN', `${ENTITAS[entitas].judul}: data tidak ditemukan. Muat ulang daftar.`);
  return (yield* namaRujukanK(entitas, [row]))[0]!;
}

/** Deletes a partner record (offtaker, agreement, MoU, issue, …) with the officer's reason; restorable. */
export function hapusCatatan(db: Db, entitas: EntitasKode, id: string, alasan: string | null): void {
  RecordWriter.forDb(db).remove(entitas, id, alasan);
}

/** Brings a deleted partner record back. */
export function pulihkanCatatan(db: Db, entitas: EntitasKode, id: string): void {
  RecordWriter.forDb(db).restore(entitas, id);
}
