import ExcelJS from 'exceljs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Db } from '../../../db/connection';
import { formatDesimal, formatPeriode, formatRupiah, hariIni } from '../../common/format';
import { hitungMonev, monitoringFasilitator } from './dashboard';
import { bacaPengaturan } from '../pengaturan/pengaturan';
import { tulisExcel } from '../dokumen/spreadsheet';
import { BASE_DOC, kopSurat, tandaTangan, tulisPdf } from '../dokumen/pdf';

const angka = (tipe: string, v: number | null) => (v === null ? '–' : tipe === 'rupiah' ? formatRupiah(v) : tipe === 'persen' ? `${formatDesimal(v, 1)}%` : formatDesimal(v));

/** The e-monev recap (targets, realisation, percentage; facilitator monitoring) as PDF or .xlsx. */
export async function dokumenMonev(db: Db, periode: string, format: 'pdf' | 'xlsx', path: string): Promise<void> {
  const m = hitungMonev(db, periode);
  const fas = monitoringFasilitator(db, periode);
  const p = bacaPengaturan(db);
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Capaian');
    ws.columns = [
      { header: 'PERIODE', key: 'periode', width: 10 },
      { header: 'KODE_WILAYAH', key: 'kode', width: 12 },
      { header: 'WILAYAH', key: 'wilayah', width: 24 },
      { header: 'INDIKATOR', key: 'indikator', width: 20 },
      { header: 'NAMA', key: 'nama', width: 30 },
      { header: 'TARGET', key: 'target', width: 16 },
      { header: 'REALISASI', key: 'realisasi', width: 16 },
      { header: 'PERSEN', key: 'persen', width: 10 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const b of m.baris) ws.addRow({ periode, kode: b.kecamatan_kode ?? p.kabupaten_kode, wilayah: b.wilayah, indikator: b.indikator, nama: b.nama, target: b.target, realisasi: b.realisasi, persen: b.persen });
    for (const k of ['periode', 'kode']) ws.getColumn(k).numFmt = '@';
    ws.getColumn('target').numFmt = '#,##0';
    ws.getColumn('realisasi').numFmt = '#,##0';
    const wf = wb.addWorksheet('Fasilitator');
    wf.columns = ['NAMA', 'KELOMPOK', 'LAPORAN_DIHARAPKAN', 'DIAJUKAN_TEPAT_WAKTU', 'DIVERIFIKASI', 'KELOMPOK_DIKUNJUNGI', 'TINDAK_LANJUT_TERBUKA'].map((h) => ({ header: h, key: h, width: 18 }));
    wf.getRow(1).font = { bold: true };
    for (const f of fas) wf.addRow([f.nama, f.kelompok, f.laporan_diharapkan, f.diajukan_tepat_waktu, f.diverifikasi, f.kelompok_dikunjungi, f.tindak_lanjut_terbuka]);
    await tulisExcel(wb, path);
    return;
  }
  const doc: TDocumentDefinitions = {
    ...BASE_DOC,
    pageOrientation: 'landscape',
    info: { title: `E-monev ${formatPeriode(periode)}`, creator: 'Bermantra' },
    content: [
      kopSurat(p),
      { text: `REKAP E-MONEV PETI KOIN BERMANTRA ${formatPeriode(periode).toUpperCase()}`, style: 'judul' },
      { text: `${p.kabupaten_nama} · katalog indikator versi ${m.katalog_versi} · ${m.regulasi}`, style: 'subjudul' },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['*', '*', 'auto', 'auto', 'auto'],
          body: [
            ['Wilayah', 'Indikator', 'Target', 'Realisasi', 'Capaian'].map((h) => ({ text: h, style: 'th' })),
            ...m.baris.map((b) => [b.wilayah, b.nama, { text: angka(b.tipe, b.target), alignment: 'right' as const }, { text: angka(b.tipe, b.realisasi), alignment: 'right' as const }, { text: b.persen === null ? '–' : `${formatDesimal(b.persen, 1)}%`, alignment: 'right' as const }]),
          ],
        },
        fontSize: 8.5,
      },
      m.baris.length === 0 ? { text: 'Belum ada target untuk tahun ini.', italics: true } : { text: '' },
      { text: 'Pemantauan fasilitator', bold: true, margin: [0, 12, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [
            ['Fasilitator', 'Kelompok', 'Laporan diharapkan', 'Diajukan tepat waktu', 'Diverifikasi', 'Kelompok dikunjungi', 'Tindak lanjut terbuka'].map((h) => ({ text: h, style: 'th' })),
            ...fas.map((f) => [f.nama, String(f.kelompok), String(f.laporan_diharapkan), String(f.diajukan_tepat_waktu), String(f.diverifikasi), String(f.kelompok_dikunjungi), String(f.tindak_lanjut_terbuka)]),
          ],
        },
        fontSize: 8.5,
      },
      { columns: [{ text: '' }, tandaTangan({ kota: p.kota_surat, tanggal: hariIni(), jabatan: p.kepala_jabatan || 'Kepala Bappeda', nama: p.kepala_nama, nip: p.kepala_nip })], margin: [0, 14, 0, 0] },
    ],
  };
  await tulisPdf(doc, path);
}
