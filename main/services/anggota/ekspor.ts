import { renameSync, writeFileSync } from 'node:fs';
import type { Db } from '../../../db/connection';
import { awalCsv, barisCsv } from '../dokumen/csv';
import { semuaAnggota, type AnggotaFilter } from './anggota';
import { textCell, tulisWorkbook, waktuDibuat, XLSX } from '../dokumen/spreadsheet';
import { bacaPengaturan } from '../pengaturan/pengaturan';
import { formatAngka } from '../../common/format';
import { namaWilayah } from '../wilayah/wilayah';

/** Column names as officers read them; the member import recognises each of them (tebakMapping). */
export const KOLOM_EKSPOR = ['NIK', 'No. KK', 'Nama', 'Jenis kelamin', 'Tanggal lahir', 'Alamat', 'Desa/kelurahan', 'Kecamatan', 'Kelompok', 'Jabatan'] as const;

/** Excel's serial day number for a YYYY-MM-DD date (1900 date system). */
function excelSerial(iso: string): number {
  return Math.round((Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * The member list as .xlsx in the same layout the import reads. NIK and No. KK are text cells
 * (format "@"), so Excel never turns them into numbers; birth dates are real dates.
 */
export function eksporAnggota(db: Db, filter: AnggotaFilter, path: string): { jumlah: number } {
  const rows = semuaAnggota(db, filter);
  const p = bacaPengaturan(db);
  // Title rows above the column names; the import finds the header below them.
  const aoa: XLSX.CellObject[][] = [
    [{ t: 's', v: 'Daftar anggota kelompok binaan Peti Koin Bermantra' }],
    [{ t: 's', v: `${p.nama_instansi || p.kabupaten_nama} · ${formatAngka(rows.length)} anggota · dibuat ${waktuDibuat()}` }],
    [],
    KOLOM_EKSPOR.map((h) => ({ t: 's', v: h }) as XLSX.CellObject),
  ];
  for (const a of rows) {
    aoa.push([
      textCell(a.nik),
      textCell(a.no_kk),
      { t: 's', v: a.nama },
      { t: 's', v: a.jenis_kelamin },
      a.tanggal_lahir ? { t: 'n', v: excelSerial(a.tanggal_lahir), z: 'dd/mm/yyyy' } : { t: 's', v: '' },
      { t: 's', v: a.alamat ?? '' },
      { t: 's', v: namaWilayah(a.desa_kode) ?? '' },
      { t: 's', v: namaWilayah(a.kecamatan_kode) ?? '' },
      { t: 's', v: a.kelompok_nama },
      { t: 's', v: a.jabatan },
    ]);
  }
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!cols'] = [18, 18, 28, 8, 12, 32, 20, 20, 28, 12].map((wch) => ({ wch }));
  ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 3, c: 0 }, e: { r: rows.length + 3, c: KOLOM_EKSPOR.length - 1 } }) };
  // The column names stay in view while scrolling (frozen below row 4).
  ws['!freeze'] = { xSplit: 0, ySplit: 4 };
  (ws as Record<string, unknown>)['!views'] = [{ state: 'frozen', ySplit: 4 }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Anggota');
  wb.Props = { Title: 'Daftar anggota kelompok binaan', Author: 'Bermantra' };
  tulisWorkbook(wb, path);
  return { jumlah: rows.length };
}

/** The same list as CSV for Indonesian spreadsheets (";", BOM, NIK and No. KK kept as text, formulas neutralised). */
export function eksporAnggotaCsv(db: Db, filter: AnggotaFilter, path: string): { jumlah: number } {
  const rows = semuaAnggota(db, filter);
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
