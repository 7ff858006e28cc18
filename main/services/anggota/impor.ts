import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { HimpunanNik } from './himpunan-nik';
import type { Db } from '../../../db/connection';
import { makeBackup } from '../../../db/backup';
import { berkasSementara } from '../../../db/sementara';
import { RecordWriter } from '../../../db/write';
import { MAPPING_FIELDS, type BarisPesan, type Mapping, type MappingField, type PratinjauImpor, type RingkasanImpor } from '../../common/api';
import type { FileRef } from '../../common/contract-kit';
import { besok, tanggalSah } from '../../common/batas';
import { AppError } from '../../common/errors';
import { parseTanggal } from '../../common/tanggal';
import { JABATAN, type AnggotaFields, type Jabatan } from '../../common/records';
import { periksaNik } from '../wilayah';
import { bukaLembar, type SumberLembar } from '../dokumen';
import { headerKey, XLSX, type Sel } from '../dokumen';
import { desaDi, desaDiKabupaten, namaWilayah } from '../wilayah';
import { kabupatenAktif } from '../pengaturan';

/** Common headers of member lists and Dinas Sosial extracts, by field. */
const HEADER_GUESSES: Record<MappingField, string[]> = {
  nik: ['NIK', 'NIKANGGOTA', 'NOKTP', 'NIKKTP', 'NOMORINDUKKEPENDUDUKAN', 'NONIK'],
  no_kk: ['NOKK', 'NOMORKK', 'KK', 'NKK', 'NOKARTUKELUARGA', 'NOMORKARTUKELUARGA'],
  nama: ['NAMA', 'NAMALENGKAP', 'NAMAANGGOTA', 'NAMAART', 'NAMAPENERIMA'],
  tanggal_lahir: ['TGLLAHIR', 'TANGGALLAHIR', 'TGLLHR', 'TANGGALLHR'],
  jenis_kelamin: ['JENISKELAMIN', 'JK', 'LP', 'JNSKELAMIN', 'KELAMIN', 'SEX'],
  alamat: ['ALAMAT', 'ALAMATLENGKAP', 'ALAMATRUMAH'],
  desa: ['DESA', 'KELURAHAN', 'DESAKELURAHAN', 'NAMADESA', 'KODEDESA', 'KDDESA'],
  jabatan: ['JABATAN', 'JABATANKELOMPOK', 'POSISI'],
  kelompok: ['KELOMPOK', 'NAMAKELOMPOK', 'KELOMPOKBINAAN'],
};

export function tebakMapping(headers: string[]): Mapping {
  const mapping: Mapping = {};
  const keys = headers.map(headerKey);
  for (const field of MAPPING_FIELDS) {
    const index = keys.findIndex((k) => HEADER_GUESSES[field].includes(k));
    if (index >= 0 && !Object.values(mapping).includes(headers[index]!)) mapping[field] = headers[index]!;
  }
  return mapping;
}

/** A row with no text in any cell: skipped, as Excel users leave blank lines between groups. */
function kosong(sel: Sel[]): boolean {
  return sel.every((c) => !c || c.text === '');
}

/**
 * The header row and the data rows after it, a batch at a time. The header is the first row (of the first ten that
 * are not empty) in which a NIK column is recognised, so title rows above it (as the app's own exports have) are
 * skipped; without one, the first row that is not empty.
 */
async function* barisData(sumber: SumberLembar, nama: string, onKepala: (headers: string[]) => void): AsyncGenerator<{ baris: number; sel: Sel[] }[]> {
  let kepala: string[] | null = null;
  let calon: { baris: number; sel: Sel[] }[] = [];
  const judul = (sel: Sel[]) => sel.map((c, i) => c?.text || `Kolom ${XLSX.utils.encode_col(i)}`);
  const pilih = (): { baris: number; sel: Sel[] }[] => {
    const i = Math.max(0, calon.findIndex((r) => tebakMapping(judul(r.sel)).nik));
    kepala = judul(calon[i]!.sel);
    onKepala(kepala);
    return calon.slice(i + 1);
  };
  for await (const batch of sumber.baris()) {
    let out: { baris: number; sel: Sel[] }[] = [];
    for (const r of batch) {
      if (kosong(r.sel)) continue;
      if (kepala) out.push(r);
      else {
        calon.push(r);
        if (tebakMapping(judul(r.sel)).nik || calon.length === 10) out = pilih();
      }
    }
    if (out.length) yield out;
  }
  if (!kepala && calon.length) {
    const sisa = pilih();
    if (sisa.length) yield sisa;
  }
  if (!kepala) throw new AppError('BERKAS_KOSONG', `Lembar "${sumber.sheet}" di berkas ${nama} kosong. Pilih lembar atau berkas yang berisi daftar.`);
}

/** The sheet's header, the guessed column mapping, ten sample rows and how many rows there are (read once, a batch at a time). */
export async function pratinjauImpor(path: string, berkas: FileRef, sheet?: string | null): Promise<PratinjauImpor> {
  const sumber = bukaLembar(path, berkas.nama, sheet);
  let headers: string[] = [];
  const sampel: string[][] = [];
  let totalBaris = 0;
  for await (const batch of barisData(sumber, berkas.nama, (h) => (headers = h))) {
    for (const r of batch) if (sampel.length < 10) sampel.push(headers.map((_, i) => r.sel[i]?.text ?? ''));
    totalBaris += batch.length;
  }
  if (totalBaris === 0) throw new AppError('BERKAS_KOSONG', `Lembar "${sumber.sheet}" di berkas ${berkas.nama} hanya berisi judul kolom, tanpa data.`);
  return { berkas, sheets: sumber.sheets, sheet: sumber.sheet, headers, mapping: tebakMapping(headers), sampel, totalBaris };
}


export function parseJenisKelamin(text: string): 'L' | 'P' | null {
  const t = text.trim().toUpperCase();
  if (['L', 'LK', 'LAKI-LAKI', 'LAKI LAKI', 'LAKI', 'PRIA', 'M', '1'].includes(t)) return 'L';
  if (['P', 'PR', 'PEREMPUAN', 'WANITA', 'W', 'F', '2'].includes(t)) return 'P';
  return null;
}

/**
 * The NIK of a cell, with the damage Excel does to it: a number keeps 15 significant digits, so a NIK
 * stored as a number ends in 0 where its last digit was lost; "3.50712E+15" is already destroyed.
 */
export function nikDariSel(cell: Sel): { nik: string; galat?: string; peringatan?: string } {
  const text = cell.text.trim();
  if (/^\d([.,]\d+)?e\+?\d+$/i.test(text)) {
    return { nik: text, galat: `NIK tertulis dalam notasi ilmiah (${text}): angkanya sudah rusak oleh Excel. Format kolom NIK sebagai Teks dan ketik ulang NIK dari KTP/KK.` };
  }
  const nik = text.replace(/[\s'.-]/g, '');
  if (cell.angka && /^\d{16}$/.test(nik) && nik.endsWith('0')) {
    return { nik, peringatan: `NIK ${nik} tersimpan sebagai angka di Excel dan berakhir 0: kemungkinan rusak oleh Excel (Excel hanya menyimpan 15 angka). Cocokkan dengan KTP/KK.` };
  }
  return { nik };
}

interface Rencana {
  baris: number;
  kelompokId: string;
  values: AnggotaFields;
  existingId: string | null;
  changed: boolean;
}

type Kelompok = { id: string; nama: string; desa_kode: string; kecamatan_kode: string };
type Terdaftar = AnggotaFields & { id: string };

/** What checking a row needs, read once per import. */
interface KonteksImpor {
  kabupaten: string;
  kelompokId: string | null;
  kelompokById: Map<string, Kelompok>;
  kelompokByName: Map<string, Kelompok[]>;
  /** Live members by NIK. */
  terdaftar: Map<string, Terdaftar[]>;
  desaKabupaten: { kode: string; nama: string }[];
  /** NIK → the row of this file it first appeared in. */
  seen: HimpunanNik;
  peringatan: BarisPesan[];
  jumlahPeringatan: number;
}

function konteksImpor(db: Db, kabupaten: string, kelompokId: string | null): KonteksImpor {
  const kelompokRows = db.all(db.q.selectFrom('kelompok').select(['id', 'nama', 'desa_kode', 'kecamatan_kode']).where('deleted_at', 'is', null));
  const kelompokById = new Map(kelompokRows.map((k) => [k.id, k]));
  const kelompokByName = new Map<string, Kelompok[]>();
  for (const k of kelompokRows) {
    const key = k.nama.trim().toLowerCase();
    kelompokByName.set(key, [...(kelompokByName.get(key) ?? []), k]);
  }
  if (kelompokId && !kelompokById.has(kelompokId)) throw new AppError('TIDAK_DITEMUKAN', 'Kelompok tujuan tidak ditemukan. Pilih kelompok dari daftar.');
  const terdaftar = new Map<string, Terdaftar[]>();
  for (const a of db.all(db.q.selectFrom('anggota').select(['id', 'kelompok_id', 'nik', 'no_kk', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'alamat', 'desa_kode', 'jabatan']).where('deleted_at', 'is', null))) {
    terdaftar.set(a.nik, [...(terdaftar.get(a.nik) ?? []), a]);
  }
  return { kabupaten, kelompokId, kelompokById, kelompokByName, terdaftar, desaKabupaten: desaDiKabupaten(kabupaten), seen: new HimpunanNik(), peringatan: [], jumlahPeringatan: 0 };
}

/** A row's fields as read and checked, before it is compared with the members already registered. */
interface IsianBaris {
  problems: string[];
  nik: string;
  nama: string;
  noKk: string | null;
  tanggalLahir: string | null;
  jenisKelamin: 'L' | 'P' | null;
  jabatan: Jabatan;
  jabatanDiisi: boolean;
  alamat: string;
  kelompok: Kelompok | undefined;
  desaKode: string | null;
  desaDiisi: boolean;
}

function bacaIsian(k: KonteksImpor, row: Sel[], col: Partial<Record<MappingField, number>>, baris: number): IsianBaris {
  const get = (f: MappingField) => (col[f] === undefined ? '' : row[col[f]!]!.text.trim());
  const problems: string[] = [];
  const warn = (pesan: string) => {
    k.jumlahPeringatan++;
    if (k.peringatan.length < MAKS_PESAN) k.peringatan.push({ baris, pesan });
  };

  const nikCell = nikDariSel(row[col.nik!]!);
  if (nikCell.galat) problems.push(nikCell.galat);
  if (nikCell.peringatan) warn(nikCell.peringatan);
  const nama = get('nama');
  if (!nama) problems.push('Nama kosong.');

  let tanggalLahir: string | null = null;
  const tanggalText = get('tanggal_lahir');
  if (tanggalText) {
    tanggalLahir = parseTanggal(tanggalText);
    if (!tanggalLahir || !tanggalSah(tanggalLahir)) problems.push(`Tanggal lahir "${tanggalText.slice(0, 40)}" tidak dikenali; tulis sebagai 12/03/1980 atau 1980-03-12.`);
    else if (tanggalLahir > besok()) problems.push(`Tanggal lahir ${tanggalText.slice(0, 40)} di masa depan; periksa tahunnya.`);
  }
  let jenisKelamin: 'L' | 'P' | null = null;
  const jkText = get('jenis_kelamin');
  if (jkText) {
    jenisKelamin = parseJenisKelamin(jkText);
    if (!jenisKelamin) problems.push(`Jenis kelamin "${jkText}" tidak dikenali; isi L atau P.`);
  }
  let nik = nikCell.nik;
  if (!nikCell.galat) {
    const info = periksaNik(nik, { jenisKelamin, tanggalLahir });
    if (!info.valid) problems.push(...info.errors);
    else {
      nik = nik.replace(/\D/g, '');
      for (const w of info.warnings) warn(w);
      jenisKelamin ??= info.jenisKelamin;
    }
  }
  const noKk: string | null = get('no_kk').replace(/[\s'.-]/g, '') || null;
  if (noKk && !/^\d{16}$/.test(noKk)) {
    if (/e\+?\d+$/i.test(noKk)) problems.push(`No. KK tertulis dalam notasi ilmiah (${get('no_kk')}): rusak oleh Excel. Ketik ulang dari Kartu Keluarga.`);
    else problems.push(`No. KK "${get('no_kk')}" harus 16 angka.`);
  } else if (noKk && col.no_kk !== undefined && row[col.no_kk]!.angka && noKk.endsWith('0')) {
    warn(`No. KK ${noKk} tersimpan sebagai angka di Excel: kemungkinan rusak oleh Excel. Cocokkan dengan Kartu Keluarga.`);
  }
  let jabatan: Jabatan = 'anggota';
  const jabatanText = get('jabatan').toLowerCase();
  if (jabatanText) {
    if ((JABATAN as readonly string[]).includes(jabatanText)) jabatan = jabatanText as Jabatan;
    else problems.push(`Jabatan "${get('jabatan')}" tidak dikenal; isi ketua, sekretaris, bendahara atau anggota.`);
  }
  const kelompok = cariKelompok(k, get('kelompok'), problems);
  const desaText = get('desa');
  const desaKode = desaText && kelompok ? cariDesa(k, desaText, kelompok, warn) : (kelompok?.desa_kode ?? null);
  return { problems, nik, nama, noKk, tanggalLahir, jenisKelamin, jabatan, jabatanDiisi: !!jabatanText, alamat: get('alamat'), kelompok, desaKode, desaDiisi: !!desaText };
}

function cariKelompok(k: KonteksImpor, name: string, problems: string[]): Kelompok | undefined {
  if (k.kelompokId) return k.kelompokById.get(k.kelompokId);
  const found = k.kelompokByName.get(name.toLowerCase()) ?? [];
  if (!name) problems.push('Nama kelompok kosong.');
  else if (found.length === 0) problems.push(`Kelompok "${name}" belum terdaftar. Tambahkan kelompoknya dulu, atau pilih satu kelompok tujuan untuk semua baris.`);
  else if (found.length > 1) problems.push(`Ada ${found.length} kelompok bernama "${name}". Impor per kelompok dengan memilih kelompok tujuan.`);
  else return found[0];
  return undefined;
}

function cariDesa(k: KonteksImpor, desaText: string, kelompok: Kelompok, warn: (pesan: string) => void): string | null {
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(desaText) && namaWilayah(desaText)) return desaText;
  const key = desaText.toLowerCase();
  const inKecamatan = desaDi(kelompok.kecamatan_kode).filter((d) => d.nama.toLowerCase() === key);
  const inKabupaten = k.desaKabupaten.filter((d) => d.nama.toLowerCase() === key);
  const pick = inKecamatan.length === 1 ? inKecamatan[0] : inKabupaten.length === 1 ? inKabupaten[0] : undefined;
  if (pick) return pick.kode;
  warn(`Desa "${desaText}" tidak ditemukan (atau ada lebih dari satu) di ${namaWilayah(k.kabupaten)}; dipakai desa kelompok.`);
  return kelompok.desa_kode;
}

/** Compares a checked row with the members already registered: a new member, an update, unchanged, or an error. */
function rencanakan(k: KonteksImpor, x: IsianBaris, baris: number): { galat: string } | { lewati: true } | { rencana: Rencana } {
  const { problems, nik, kelompok } = x;
  if (!problems.length && k.seen.has(nik)) problems.push(`NIK ${nik} sudah muncul di baris ${k.seen.get(nik)} berkas ini.`);
  let same: Terdaftar | undefined;
  if (!problems.length && kelompok) {
    const holders = k.terdaftar.get(nik) ?? [];
    same = holders.find((a) => a.kelompok_id === kelompok.id);
    const other = holders.find((a) => a.kelompok_id !== kelompok.id);
    if (!same && other) problems.push(`NIK ${nik} sudah terdaftar atas nama ${other.nama} di kelompok ${k.kelompokById.get(other.kelompok_id)?.nama ?? 'lain'}. Bila memang anggota dua kelompok, tambahkan lewat formulir anggota.`);
  }
  if (problems.length || !kelompok) return { galat: problems.join(' ') };
  k.seen.set(nik, baris);
  const values: AnggotaFields = {
    kelompok_id: kelompok.id,
    nik,
    no_kk: x.noKk ?? same?.no_kk ?? null,
    nama: x.nama,
    jenis_kelamin: x.jenisKelamin ?? same?.jenis_kelamin ?? 'L',
    tanggal_lahir: x.tanggalLahir ?? same?.tanggal_lahir ?? null,
    alamat: x.alamat || same?.alamat || null,
    desa_kode: x.desaDiisi || !same ? x.desaKode : same.desa_kode,
    jabatan: x.jabatanDiisi || !same ? x.jabatan : same.jabatan,
  };
  const changed = !same || (Object.keys(values) as (keyof AnggotaFields)[]).some((f) => (values[f] ?? null) !== (same[f] ?? null));
  if (same && !changed) return { lewati: true };
  return { rencana: { baris, kelompokId: kelompok.id, existingId: same?.id ?? null, changed, values } };
}

/** How many error and warning lines a summary lists (the counts cover them all). */
export const MAKS_PESAN = 1000;

/**
 * Checks every row, a batch at a time, then (unless dry run) writes the valid ones in one transaction. A dry run
 * keeps only counts and the first messages, so its memory does not grow with the file.
 */
export async function imporAnggota(
  db: Db,
  path: string,
  berkas: FileRef,
  options: { sheet?: string | null; mapping: Mapping; kelompokId?: string | null; dryRun: boolean },
): Promise<RingkasanImpor> {
  const kabupaten = kabupatenAktif(db);
  const sumber = bukaLembar(path, berkas.nama, options.sheet);
  const k = konteksImpor(db, kabupaten, options.kelompokId ?? null);
  const galat: BarisPesan[] = [];
  // The plan of a real import goes to a private temporary file, one JSON line per row, not into memory: a million
  // rows would otherwise hold gigabytes. It is removed whatever happens.
  const rencana = options.dryRun ? null : new BerkasRencana(berkasSementara(db.file, 'impor-anggota'));
  const jumlah = { total: 0, baru: 0, diperbarui: 0, dilewati: 0, galat: 0 };
  try {
    let col: Partial<Record<MappingField, number>> = {};
    for await (const batch of barisData(sumber, berkas.nama, (headers) => (col = resolveMapping(headers, sumber.sheet, options.mapping, options.kelompokId)))) {
      for (const r of batch) {
        jumlah.total++;
        const hasil = rencanakan(k, bacaIsian(k, r.sel, col, r.baris), r.baris);
        if ('galat' in hasil) {
          jumlah.galat++;
          if (galat.length < MAKS_PESAN) galat.push({ baris: r.baris, pesan: hasil.galat });
        } else if ('lewati' in hasil) jumlah.dilewati++;
        else {
          if (hasil.rencana.existingId) jumlah.diperbarui++;
          else jumlah.baru++;
          rencana?.tambah({ existingId: hasil.rencana.existingId, values: hasil.rencana.values });
        }
      }
    }
    if (jumlah.total === 0) throw new AppError('BERKAS_KOSONG', `Lembar "${sumber.sheet}" di berkas ${berkas.nama} hanya berisi judul kolom, tanpa data.`);

    const summary: RingkasanImpor = {
      dryRun: options.dryRun,
      totalBaris: jumlah.total,
      baru: jumlah.baru,
      diperbarui: jumlah.diperbarui,
      dilewati: jumlah.dilewati,
      galat,
      peringatan: k.peringatan.slice(0, MAKS_PESAN),
      jumlahGalat: jumlah.galat,
      jumlahPeringatan: k.jumlahPeringatan,
    };
    if (!rencana || jumlah.baru + jumlah.diperbarui === 0) return summary;

    if (db.file !== ':memory:') makeBackup(db.sqlite, db.file, 'sebelum-impor');
    const writer = RecordWriter.forDb(db);
    db.tx(() => {
      for (const r of rencana.baca()) {
        if (r.existingId) writer.update('anggota', r.existingId, r.values, 'impor');
        else writer.insert('anggota', r.values, 'impor');
      }
    });
    return summary;
  } finally {
    rencana?.hapus();
  }
}

type BarisRencana = Pick<Rencana, 'existingId' | 'values'>;

/** The rows to write, kept in a private temporary file (mode 0600) and read back a megabyte at a time. */
class BerkasRencana {
  private fd: number;
  private antre: string[] = [];
  constructor(private readonly path: string) {
    this.fd = openSync(path, 'w', 0o600);
  }

  tambah(r: BarisRencana): void {
    this.antre.push(JSON.stringify(r));
    if (this.antre.length >= 5000) this.siram();
  }

  private siram(): void {
    if (this.antre.length) writeSync(this.fd, this.antre.join('\n') + '\n');
    this.antre = [];
  }

  *baca(): Generator<BarisRencana> {
    this.siram();
    const fd = openSync(this.path, 'r');
    try {
      const buf = Buffer.alloc(1024 * 1024);
      const decoder = new StringDecoder('utf8');
      let sisa = '';
      for (let pos = 0; ; ) {
        const n = readSync(fd, buf, 0, buf.length, pos);
        if (n <= 0) break;
        pos += n;
        const baris = (sisa + decoder.write(buf.subarray(0, n))).split('\n');
        sisa = baris.pop()!;
        for (const b of baris) if (b) yield JSON.parse(b) as BarisRencana;
      }
      if (sisa) yield JSON.parse(sisa) as BarisRencana;
    } finally {
      closeSync(fd);
    }
  }

  hapus(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* closed already */
    }
    rmSync(this.path, { force: true });
  }
}

function resolveMapping(headers: string[], sheet: string, mapping: Mapping, kelompokId?: string | null): Partial<Record<MappingField, number>> {
  const col: Partial<Record<MappingField, number>> = {};
  for (const [field, header] of Object.entries(mapping) as [MappingField, string][]) {
    const index = headers.indexOf(header);
    if (index < 0) throw new AppError('KOLOM_TIDAK_ADA', `Kolom "${header}" tidak ada di lembar "${sheet}". Pilih ulang pemetaan kolom.`);
    col[field] = index;
  }
  if (col.nik === undefined) throw new AppError('KOLOM_NIK_TIDAK_ADA', `Kolom NIK tidak ditemukan di baris judul lembar "${sheet}". Pilih kolom yang berisi NIK.`, [{ field: 'nik', message: 'Pilih kolom NIK.' }]);
  if (col.nama === undefined) throw new AppError('KOLOM_NAMA_TIDAK_ADA', 'Pilih kolom yang berisi nama anggota.', [{ field: 'nama', message: 'Pilih kolom nama.' }]);
  if (col.kelompok === undefined && !kelompokId) {
    throw new AppError('KELOMPOK_BELUM_DIPILIH', 'Pilih kelompok tujuan untuk semua baris, atau pilih kolom yang berisi nama kelompok.', [{ field: 'kelompok', message: 'Pilih kelompok.' }]);
  }
  return col;
}

