import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Db } from '../../../db/connection';
import { RecordWriter } from '../../../db/write';
import {
  BARIS_DATA,
  BARIS_KODE,
  FORMAT_BUKU_KERJA,
  KOLOM_ID,
  KOLOM_NILAI_PERTAMA,
  LEMBAR_INFO,
  LEMBAR_LAPORAN,
  VERSI_FORMAT,
  type BarisImporBukuKerja,
  type HasilImporBukuKerja,
  type InfoBukuKerja } from '../../common/buku-kerja';
import { salahPeriode } from '../../common/batas';
import { penghalang } from '../../common/mutu';
import { AppError } from '../../common/errors';
import { formatPeriode } from '../../common/format';
import { type NilaiLaporan } from '../../common/laporan';
import { bacaPengaturan } from '../pengaturan';
import { namaWilayah } from '../wilayah';
import { periksaXlsx, ukuranBerkas, XLSX } from '../dokumen';
import { ambilEntri, BATAS_KIRIMAN, BATAS_LEMBAR_KECIL, periksaZip } from '../dokumen';
import { periksaFoto, tambahFoto } from './foto';
import { bacaAngka, daftarLaporan, katalogAktif, masalahLaporan, normalisasiNilai, tulisNilaiLaporan } from './laporan';

import { checksumInfo, diketik } from './buku-kerja';

// Reading a facilitator's workbook back: checks, the preview of what changes, photos matched to groups, the zip.

interface Dibaca {
  info: InfoBukuKerja;
  /** Row 1 of Laporan: code per column index (0-based). */
  kode: Map<number, string>;
  baris: { nomor: number; id: string; sel: Map<string, { alamat: string; nilai: unknown }> }[];
}

function rusak(nama: string, sebab: string): AppError {
  return new AppError('BUKU_KERJA_RUSAK', `${nama}: susunan tersembunyi buku kerja rusak (${sebab}). Jangan ubah baris 1, kolom A atau lembar ${LEMBAR_INFO}; minta buku kerja baru dari Bappeda lalu salin angkanya.`);
}

function bacaBukuKerja(path: string, nama: string): Dibaca {
  ukuranBerkas(path, nama, 25);
  const bytes = readFileSync(path);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new AppError('BUKAN_BUKU_KERJA', `${nama} bukan berkas .xlsx. Kirim buku kerja laporan bulanan (.xlsx) yang diunduh dari Bermantra.`);
  periksaXlsx(path, nama, BATAS_LEMBAR_KECIL);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellDates: false });
  } catch {
    throw new AppError('BERKAS_RUSAK', `${nama} rusak atau bukan berkas Excel yang sah. Buka di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu pilih lagi.`);
  }
  const infoWs = wb.Sheets[LEMBAR_INFO];
  const ws = wb.Sheets[LEMBAR_LAPORAN];
  if (!infoWs || !ws) {
    throw new AppError('BUKAN_BUKU_KERJA', `${nama} bukan buku kerja laporan bulanan Bermantra (tidak ada lembar "${LEMBAR_LAPORAN}" dan "${LEMBAR_INFO}"). Unduh buku kerja fasilitator dari menu Laporan bulanan → Buku kerja fasilitator, isi, lalu impor berkas itu.`);
  }
  const rowsInfo = XLSX.utils.sheet_to_json<unknown[]>(infoWs, { header: 1, raw: true, defval: null });
  const kv = new Map(rowsInfo.filter((r) => typeof r[0] === 'string').map((r) => [r[0] as string, r[1]]));
  let info: InfoBukuKerja;
  try {
    const json = (k: string) => JSON.parse(String(kv.get(k))) as string[];
    info = {
      format: String(kv.get('format') ?? ''),
      versi_format: Number(kv.get('versi_format')),
      kabupaten_kode: String(kv.get('kabupaten_kode') ?? ''),
      fasilitator_id: String(kv.get('fasilitator_id') ?? ''),
      fasilitator_nama: String(kv.get('fasilitator_nama') ?? ''),
      periode: String(kv.get('periode') ?? ''),
      katalog_versi: Number(kv.get('katalog_versi')),
      kolom: json('kolom'),
      kelompok: json('kelompok'),
      checksum: String(kv.get('checksum') ?? ''),
    };
  } catch {
    throw rusak(nama, `lembar ${LEMBAR_INFO} tidak terbaca`);
  }
  if (info.format !== FORMAT_BUKU_KERJA) throw new AppError('BUKAN_BUKU_KERJA', `${nama} bukan buku kerja laporan bulanan Bermantra. Unduh buku kerja fasilitator dari Bermantra, isi, lalu impor berkas itu.`);
  if (info.versi_format > VERSI_FORMAT) throw new AppError('FORMAT_BARU', `${nama} dibuat oleh Bermantra yang lebih baru (format ${info.versi_format}). Perbarui aplikasi ini dulu.`);
  // Every value of _info is checked for what it may be before anything uses it. The checksum only guards against
  // damage (it has no key: anyone can recompute it); these checks are what protect the data.
  if (!Number.isInteger(info.versi_format) || info.versi_format < 1) throw rusak(nama, 'versi_format bukan angka bulat');
  if (!/^35\.\d{2}$/.test(info.kabupaten_kode)) throw rusak(nama, 'kabupaten_kode tidak sah');
  if (!Number.isInteger(info.katalog_versi) || info.katalog_versi < 1 || info.katalog_versi > 10_000) throw rusak(nama, 'katalog_versi bukan versi katalog yang sah');
  if (!Array.isArray(info.kolom) || !info.kolom.every((k) => typeof k === 'string') || !Array.isArray(info.kelompok) || !info.kelompok.every((k) => typeof k === 'string')) throw rusak(nama, 'daftar kolom atau kelompok tidak sah');
  const salah = salahPeriode(info.periode);
  if (salah) throw new AppError('BUKU_KERJA_BULAN', `${nama}: ${salah} Tidak ada yang diimpor; minta buku kerja bulan yang benar dari Bappeda.`);
  const { checksum, ...tanpa } = info;
  if (checksumInfo(tanpa) !== checksum) throw rusak(nama, `isi lembar ${LEMBAR_INFO} berubah`);

  const grid = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const kodeRow = grid[BARIS_KODE - 1] ?? [];
  const kode = new Map<number, string>();
  kodeRow.forEach((c, i) => {
    if (c && c.v !== undefined && c.v !== null && String(c.v).trim()) kode.set(i, String(c.v).trim());
  });
  if (JSON.stringify([...kode.values()]) !== JSON.stringify(info.kolom)) throw rusak(nama, 'kode indikator di baris 1 tidak cocok');
  const baris: Dibaca['baris'] = [];
  for (let r = BARIS_DATA - 1; r < grid.length; r++) {
    const row = grid[r];
    const id = row?.[KOLOM_ID - 1]?.v;
    if (id === undefined || id === null || String(id).trim() === '') {
      if (row && row.some((c, i) => i >= KOLOM_NILAI_PERTAMA - 1 && c && c.v !== undefined && c.v !== null && c.v !== '')) throw rusak(nama, `baris ${r + 1} tanpa ID kelompok di kolom A`);
      continue;
    }
    const sel = new Map<string, { alamat: string; nilai: unknown }>();
    for (const [i, k] of kode) {
      const c = row?.[i];
      sel.set(k, { alamat: XLSX.utils.encode_cell({ r, c: i }), nilai: c?.v ?? null });
    }
    baris.push({ nomor: r + 1, id: String(id).trim(), sel });
  }
  const ids = baris.map((b) => b.id);
  if (JSON.stringify(ids) !== JSON.stringify(info.kelompok)) throw rusak(nama, 'baris kelompok ditambah, dihapus atau dipindah');
  return { info, kode, baris };
}

const sama = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * Imports a filled workbook: every value checked, then (not a dry run) written in one transaction. New and changed
 * drafts become `status` (default diajukan) where the catalogue's rules allow; the audit names the file and the
 * facilitator. Importing the same file again changes nothing.
 */
export function imporBukuKerja(
  db: Db,
  input: { path: string; nama: string; dryRun: boolean; status: 'diajukan' | 'draft'; periode?: string | null; foto?: { path: string; nama: string }[] },
  now = new Date(),
): HasilImporBukuKerja {
  const p = bacaPengaturan(db);
  const { info, baris } = bacaBukuKerja(input.path, input.nama);
  const nama = basename(input.nama);
  if (info.kabupaten_kode !== p.kabupaten_kode) {
    throw new AppError('BUKU_KERJA_LAIN', `${nama} adalah buku kerja ${namaWilayah(info.kabupaten_kode) ?? info.kabupaten_kode}, bukan ${p.kabupaten_nama ?? p.kabupaten_kode}. Tidak ada yang diimpor; kirim berkas ini ke kabupaten/kota pemiliknya.`);
  }
  if (input.periode && input.periode !== info.periode) {
    throw new AppError('PERIODE_LAIN', `${nama} berisi laporan ${formatPeriode(info.periode)}, bukan ${formatPeriode(input.periode)}. Tidak ada yang diimpor; pilih bulan ${formatPeriode(info.periode)} atau minta buku kerja bulan yang benar.`);
  }
  const fas = db.get(db.q.selectFrom('fasilitator').select(['id', 'nama']).where('id', '=', info.fasilitator_id).where('deleted_at', 'is', null));
  if (!fas) throw new AppError('FASILITATOR_TIDAK_ADA', `${nama} dibuat untuk fasilitator ${info.fasilitator_nama}, yang tidak ada (lagi) di basis data ini. Tidak ada yang diimpor.`);
  const katalog = katalogAktif(db);
  const catatan: string[] = [];
  if (info.katalog_versi > katalog.versi) {
    throw new AppError('KATALOG_BARU', `${nama} memakai katalog indikator versi ${info.katalog_versi}, lebih baru dari katalog di sini (versi ${katalog.versi}). Impor dulu bundel referensi terbaru dari provinsi.`);
  }
  const aktif = new Map(diketik(katalog.indikator).map((i) => [i.kode, i]));
  if (info.katalog_versi < katalog.versi) {
    const hilang = info.kolom.filter((k) => !aktif.has(k));
    catatan.push(`Buku kerja memakai katalog indikator versi ${info.katalog_versi}; katalog aktif versi ${katalog.versi}. Kolom yang masih ada diimpor${hilang.length ? `; ${hilang.join(', ')} tidak ada lagi dan diabaikan` : ''}. Kirim buku kerja baru untuk bulan berikutnya.`);
  }
  const kelompok = new Map(
    db.all(db.q.selectFrom('kelompok').select(['id', 'nama', 'fasilitator_id', 'status', 'deleted_at']).where('id', 'in', info.kelompok.length ? info.kelompok : [''])).map((k) => [k.id, k]),
  );
  const ada = new Map(daftarLaporan(db, { periode: info.periode }).map((r) => [r.kelompok_id, r]));
  const fotoPer = cocokkanFoto(input.foto ?? [], baris.map((b, i) => ({ id: b.id, nomor: i + 1, nama: kelompok.get(b.id)?.nama ?? '' })));
  /** The values checked while planning, written as they are. */
  const dibaca = new Map<string, NilaiLaporan>();

  const hasil: BarisImporBukuKerja[] = baris.map((b) => {
    const k = kelompok.get(b.id);
    const out: BarisImporBukuKerja = { kelompok_id: b.id, kelompok_nama: k?.nama ?? b.id, baris: b.nomor, nasib: 'ditolak', nilai: [], pesan: [], status_akhir: null, foto: (fotoPer.get(b.id) ?? []).map((f) => f.nama) };
    for (const f of fotoPer.get(b.id) ?? []) {
      try {
        periksaFoto(readFileSync(f.path), f.nama);
      } catch (e) {
        out.pesan.push((e as Error).message);
      }
    }
    if (!k || k.deleted_at) return { ...out, pesan: ['kelompok ini sudah dihapus dari basis data'] };
    if (k.fasilitator_id !== fas.id) return { ...out, pesan: [`kelompok ini kini didampingi fasilitator lain, bukan ${fas.nama}`] };
    const raw: Record<string, unknown> = {};
    for (const [kode, sel] of b.sel) {
      const i = aktif.get(kode);
      if (!i || sel.nilai === null || sel.nilai === '') continue;
      if (i.tipe !== 'teks') {
        const n = bacaAngka(sel.nilai);
        if (n === null) continue;
        if (Number.isNaN(n)) {
          out.pesan.push(`${sel.alamat}: "${String(sel.nilai)}" bukan angka (${i.nama}). Tulis angka saja, misalnya 1250000.`);
          continue;
        }
        if (n < 0 || (i.tipe === 'persen' && n > 100)) {
          out.pesan.push(`${sel.alamat}: ${String(sel.nilai)} di luar batas (${i.nama}: ${i.tipe === 'persen' ? '0 sampai 100' : '0 atau lebih'}).`);
          continue;
        }
      }
      raw[kode] = sel.nilai;
    }
    if (out.pesan.length) return { ...out, foto: [] };
    const { nilai, masalah } = normalisasiNilai(katalog, raw);
    if (masalah.length) return { ...out, pesan: masalah.map((m) => m.pesan) };
    const lama = ada.get(b.id);
    const sebelum: NilaiLaporan = lama?.nilai ?? {};
    const berubah = Object.entries(nilai).filter(([kode, v]) => !sama(sebelum[kode], v));
    out.nilai = berubah.map(([kode, v]) => ({ kode, nama: aktif.get(kode)?.nama ?? kode, sebelum: sebelum[kode] ?? null, sesudah: v }));
    if (!Object.keys(nilai).length && !lama) return { ...out, nasib: 'tetap', pesan: ['kosong: tidak ada angka untuk kelompok ini'], status_akhir: null };
    if (lama && lama.status !== 'draft') {
      if (!berubah.length) {
        const catatanFoto = out.foto.length ? [`foto tidak dilampirkan: laporan sudah ${lama.status}; buka kembali laporan itu untuk menambah foto`] : [];
        return { ...out, nasib: 'tetap', status_akhir: lama.status, pesan: catatanFoto, foto: [] };
      }
      return { ...out, pesan: [`laporan ${formatPeriode(info.periode)} sudah ${lama.status === 'diverifikasi' ? 'diverifikasi' : 'diajukan'}; untuk mengubahnya, buka kembali laporan itu dengan alasan`], status_akhir: lama.status };
    }
    const gabungan = { ...sebelum, ...nilai };
    // The same checks as the grid (common/mutu.ts): an error, or a warning not confirmed with a note, keeps it a draft.
    const halangan = penghalang(masalahLaporan(db, { kelompok_id: b.id, periode: info.periode, nilai: gabungan, konfirmasi: lama?.konfirmasi ?? null }));
    const akhir = input.status === 'diajukan' && !halangan ? 'diajukan' : 'draft';
    if (halangan) out.pesan.push(`${input.status === 'diajukan' ? 'tetap draft: ' : ''}${halangan}`);
    const nasib = !lama ? 'baru' : berubah.length || akhir !== lama.status ? 'diubah' : 'tetap';
    dibaca.set(b.id, nilai);
    return { ...out, nasib, status_akhir: akhir };
  });

  if (hasil.length && hasil.every((h) => h.nasib === 'tetap' && h.pesan[0]?.startsWith('kosong'))) catatan.push('Buku kerja ini belum diisi: tidak ada angka untuk satu kelompok pun.');
  const jumlahFoto = hasil.filter((h) => h.nasib === 'baru' || h.nasib === 'diubah').reduce((a, h) => a + h.foto.length, 0);
  const jumlah = {
    baru: hasil.filter((h) => h.nasib === 'baru').length,
    diubah: hasil.filter((h) => h.nasib === 'diubah').length,
    tetap: hasil.filter((h) => h.nasib === 'tetap').length,
    ditolak: hasil.filter((h) => h.nasib === 'ditolak').length,
    foto: jumlahFoto,
  };
  const ringkas: HasilImporBukuKerja = {
    dryRun: input.dryRun,
    berkas: nama,
    periode: info.periode,
    fasilitator: { id: fas.id, nama: fas.nama },
    katalog_versi: info.katalog_versi,
    catatan,
    baris: hasil,
    jumlah,
    tanpaPerubahan: jumlah.baru + jumlah.diubah === 0,
  };
  if (input.dryRun || ringkas.tanpaPerubahan) return ringkas;

  const writer = RecordWriter.forDb(db);
  const alasan = `Buku kerja fasilitator ${fas.nama} (${nama})`;
  db.tx(() => {
    for (const h of hasil) {
      if (h.nasib !== 'baru' && h.nasib !== 'diubah') continue;
      const status = h.status_akhir === 'diajukan' ? { status: 'diajukan' as const, diajukan_pada: now.toISOString() } : {};
      const id = tulisNilaiLaporan(db, writer, katalog, { kelompok_id: h.kelompok_id, fasilitator_id: fas.id, periode: info.periode, nilai: dibaca.get(h.kelompok_id)! }, { alasan });
      // Photos go with the report while it is a draft; then it is submitted.
      for (const f of fotoPer.get(h.kelompok_id) ?? []) tambahFoto(db, { laporan_id: id, path: f.path, nama: f.nama, keterangan: `Dari ${nama}` });
      if (status.status) writer.update('laporan_bulanan', id, status, 'impor', alasan);
    }
  });
  return ringkas;
}

/** Photos named after a group's number ("3.jpg", "03 pertemuan.jpg") or its name ("KUBE Melati 1.jpg"). */
function cocokkanFoto(foto: { path: string; nama: string }[], kelompok: { id: string; nomor: number; nama: string }[]): Map<string, { path: string; nama: string }[]> {
  const out = new Map<string, { path: string; nama: string }[]>();
  const bersih = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim();
  // Longest name first: "KUBE Melati 10" before "KUBE Melati 1".
  const menurutNama = [...kelompok].sort((a, b) => b.nama.length - a.nama.length);
  for (const f of foto) {
    const dasar = bersih(basename(f.nama).replace(/\.[^.]+$/, ''));
    const nomor = /^0*(\d+)(\s|$)/.exec(dasar)?.[1];
    const k =
      (nomor ? kelompok.find((x) => x.nomor === Number(nomor)) : undefined) ??
      menurutNama.find((x) => x.nama && (dasar === bersih(x.nama) || dasar.startsWith(`${bersih(x.nama)} `)));
    if (!k) continue;
    out.set(k.id, [...(out.get(k.id) ?? []), f]);
  }
  return out;
}

// ---------------------------------------------------------------- what comes back, and who to remind

/**
 * A workbook as sent back: the .xlsx itself (photos given beside it), or a zip holding the .xlsx and its photos.
 * `bersihkan` removes what was unpacked.
 */
export function bukaKiriman(path: string, nama: string, foto: { path: string; nama: string }[]): { xlsx: { path: string; nama: string }; foto: { path: string; nama: string }[]; bersihkan: () => void } {
  if (!/\.zip$/i.test(nama)) return { xlsx: { path, nama }, foto, bersihkan: () => {} };
  ukuranBerkas(path, nama, 100);
  const daftar = periksaZip(path, nama, BATAS_KIRIMAN);
  const isi = Object.fromEntries(ambilEntri(path, daftar, (n) => /\.(xlsx|jpe?g|png)$/i.test(n) && !n.startsWith('__MACOSX/')));
  const buku = Object.keys(isi).filter((n) => /\.xlsx$/i.test(n));
  if (buku.length !== 1) throw new AppError('ZIP_TANPA_BUKU_KERJA', `${nama} harus berisi tepat satu buku kerja .xlsx (ada ${buku.length}). Satu zip untuk satu fasilitator dan satu bulan.`);
  const dir = mkdtempSync(join(tmpdir(), `bermantra-kiriman-${process.pid}-`));
  const tulis = (n: string) => {
    const file = join(dir, `${Object.keys(isi).indexOf(n)}-${basename(n).replace(/[^\w.\- ]+/g, '_')}`);
    writeFileSync(file, isi[n]!);
    return { path: file, nama: basename(n) };
  };
  return {
    xlsx: tulis(buku[0]!),
    foto: [...foto, ...Object.keys(isi).filter((n) => /\.(jpe?g|png)$/i.test(n)).map(tulis)],
    bersihkan: () => rmSync(dir, { recursive: true, force: true }),
  };
}
