import { renameSync, writeFileSync } from 'node:fs';
import type { Db } from '../../../db/connection';
import { awalCsv, barisCsv } from '../dokumen';
import { semuaAnggotaK, type AnggotaFilter } from './anggota';
import { jalankan, type Kerja } from '../../../db/kueri';
import type { AnggotaRow } from '../../common/api/anggota';
import type { Pengaturan } from '../../common/records';
import ExcelJS from 'exceljs';
import { FORMAT_TEKS, lembarBerjudul, tulisExcel } from '../dokumen';
import { pengaturanK } from '../pengaturan';
import { formatAngka } from '../../common/format';
import { namaWilayah } from '../wilayah';

/** Column names as officers read them; the member import recognises each of them (tebakMapping). */
export const KOLOM_EKSPOR = ['NIK', 'No. KK', 'Nama', 'Jenis kelamin', 'Tanggal lahir', 'Alamat', 'Desa/kelurahan', 'Kecamatan', 'Kelompok', 'Jabatan'] as const;

/**
 * The member list as .xlsx in the same layout the import reads (title rows, the column names on row 4). NIK and
 * No. KK are text cells (format "@"), so Excel never turns them into numbers; birth dates are real dates; the sheet
 * has a frozen header, a filter and print settings like every other workbook (dokumen/spreadsheet.ts).
 */
export async function eksporAnggota(db: Db, filter: AnggotaFilter, path: string): Promise<{ jumlah: number }> {
  return tulisAnggotaXlsx(jalankan(db, dataEksporAnggotaK(filter)), path);
}

/** The members the export lists and the office's settings, read as one piece of work (the file's or the server's). */
export function* dataEksporAnggotaK(filter: AnggotaFilter): Kerja<{ rows: AnggotaRow[]; p: Pengaturan }> {
  return { rows: yield* semuaAnggotaK(filter), p: yield* pengaturanK() };
}

export async function tulisAnggotaXlsx({ rows, p }: { rows: AnggotaRow[]; p: Pengaturan }, path: string): Promise<{ jumlah: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bermantra';
  wb.title = 'Daftar anggota kelompok binaan';
  const lebar = [18, 18, 28, 8, 12, 32, 20, 20, 28, 12];
  const ws = lembarBerjudul(
    wb,
    'Anggota',
    { dokumen: 'Daftar anggota kelompok binaan Peti Koin Bermantra', instansi: `${p.nama_instansi || p.kabupaten_nama} · ${formatAngka(rows.length)} anggota` },
    KOLOM_EKSPOR.map((header, i) => ({ header, key: `k${i}`, width: lebar[i]!, ...(i < 2 ? { numFmt: FORMAT_TEKS } : i === 4 ? { numFmt: 'dd/mm/yyyy' } : {}) })),
  );
  for (const a of rows) {
    ws.addRow([
      a.nik,
      a.no_kk ?? '',
      a.nama,
      a.jenis_kelamin,
      a.tanggal_lahir ? new Date(`${a.tanggal_lahir}T00:00:00Z`) : '',
      a.alamat ?? '',
      namaWilayah(a.desa_kode) ?? '',
      namaWilayah(a.kecamatan_kode) ?? '',
      a.kelompok_nama,
      // Read as people say it; the import reads either form.
      a.jabatan.charAt(0).toUpperCase() + a.jabatan.slice(1),
    ]);
  }
  await tulisExcel(wb, path);
  return { jumlah: rows.length };
}

/** The same list as CSV for Indonesian spreadsheets (";", BOM, NIK and No. KK kept as text, formulas neutralised). */
export function eksporAnggotaCsv(db: Db, filter: AnggotaFilter, path: string): { jumlah: number } {
  return tulisAnggotaCsv(jalankan(db, semuaAnggotaK(filter)), path);
}

export function tulisAnggotaCsv(rows: AnggotaRow[], path: string): { jumlah: number } {
  const tanggal = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null);
  const lines = [awalCsv([...KOLOM_EKSPOR])];
  for (const a of rows) {
    const noKk = a.no_kk ? { kode: a.no_kk } : null;
    lines.push(barisCsv([{ kode: a.nik }, noKk, a.nama, a.jenis_kelamin, tanggal(a.tanggal_lahir), a.alamat, namaWilayah(a.desa_kode) ?? '', namaWilayah(a.kecamatan_kode) ?? '', a.kelompok_nama, a.jabatan]) + '\r\n');
  }
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, lines.join(''));
  renameSync(temp, path);
  return { jumlah: rows.length };
}
