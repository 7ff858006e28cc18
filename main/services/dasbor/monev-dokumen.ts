import ExcelJS from 'exceljs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Db } from '../../../db/connection';
import { formatAngka, formatDesimal, formatPeriode, formatPersen, formatRupiah, formatTanggal, hariIni } from '../../common/format';
import { BASE_DOC, kopSurat, tulisPdf } from '../dokumen';
import { FORMAT_ANGKA, formatIndikator, FORMAT_PERSEN, FORMAT_TEKS, lembarBerjudul, tulisExcel } from '../dokumen';
import { blokTandaTangan, penandatanganKantor } from '../dokumen';
import { pengaturanK } from '../pengaturan';
import { katalogAktifK } from '../laporan';
import { batasKeadaan, type Katalog } from '../../common/laporan';
import { hitungMonevK, monitoringFasilitatorK } from './dashboard';
import { jalankan, type Kerja } from '../../../db/kueri';
import type { Pengaturan } from '../../common/records';
import type { Monev, MonitoringFasilitator } from '../../common/api';

const angka = (tipe: string, v: number | null) => (v === null ? '–' : tipe === 'rupiah' ? formatRupiah(v) : tipe === 'persen' ? formatPersen(v) : formatDesimal(v));

/** The e-monev recap (targets, realisation, percentage; facilitator monitoring) as PDF or .xlsx. */
export async function dokumenMonev(db: Db, periode: string, format: 'pdf' | 'xlsx', path: string): Promise<void> {
  await tulisDokumenMonev(jalankan(db, dataMonevK(periode)), periode, format, path);
}

/** What the e-monev document shows, read in one piece of work (the file, or the province's server). */
export interface DataMonev {
  m: Monev;
  fas: MonitoringFasilitator[];
  p: Pengaturan;
  katalog: Katalog;
}

export function* dataMonevK(periode: string): Kerja<DataMonev> {
  return { m: yield* hitungMonevK(periode), fas: yield* monitoringFasilitatorK(periode), p: yield* pengaturanK(), katalog: yield* katalogAktifK() };
}

/** The document written from what was read. */
export async function tulisDokumenMonev({ m, fas, p, katalog }: DataMonev, periode: string, format: 'pdf' | 'xlsx', path: string): Promise<void> {
  // The province lists 22 districts' rows: each names its kabupaten/kota (two "Sumiati Hidayat" can be told apart).
  const provinsi = p.mode === 'provinsi';
  const desimal = new Set(katalog.indikator.filter((i) => i.desimal).map((i) => i.kode));
  // A period still running states how far its figures reach (the annual recap on 6 December: s.d. November).
  const batas = batasKeadaan(periode, hariIni());
  const namaPeriode = `${formatPeriode(periode)}${batas ? ` (${batas})` : ''}`;
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const judul = { instansi: p.nama_instansi || (p.kabupaten_nama ?? ''), periode: namaPeriode };
    const ws = lembarBerjudul(wb, 'Capaian', { ...judul, dokumen: `Rekap e-monev Peti Koin Bermantra: target dan realisasi (katalog versi ${m.katalog_versi}, ${m.regulasi})` }, [
      { header: 'Periode', key: 'periode', width: 12, numFmt: FORMAT_TEKS },
      { header: 'Kabupaten/kota', key: 'kab', width: 22 },
      { header: 'Kode wilayah', key: 'kode', width: 12, numFmt: FORMAT_TEKS },
      { header: 'Wilayah', key: 'wilayah', width: 26 },
      { header: 'Sumber target', key: 'sumber', width: 14 },
      { header: 'Indikator', key: 'nama', width: 34 },
      { header: 'Satuan', key: 'satuan', width: 12 },
      { header: 'Target', key: 'target', width: 16 },
      { header: 'Realisasi', key: 'realisasi', width: 16 },
      { header: 'Capaian (%)', key: 'persen', width: 12, numFmt: FORMAT_PERSEN },
    ]);
    for (const b of m.baris) {
      const row = ws.addRow({ periode, kab: b.kabupaten_nama, kode: b.kode_wilayah, wilayah: b.wilayah, sumber: b.sumber === 'kabupaten' ? 'kabupaten/kota' : 'provinsi', nama: b.nama, satuan: b.tipe === 'rupiah' ? 'Rp' : b.satuan, target: b.target, realisasi: b.realisasi, persen: b.persen });
      // Each value in its own kind: Rupiah whole, percentages and decimals with their fraction (79,7 is not 80).
      const fmt = formatIndikator({ tipe: b.tipe, desimal: desimal.has(b.indikator) });
      row.getCell('target').numFmt = fmt;
      row.getCell('realisasi').numFmt = fmt;
    }
    const wf = lembarBerjudul(wb, 'Fasilitator', { ...judul, dokumen: 'Pemantauan fasilitator' }, [
      { header: 'Fasilitator', key: 'nama', width: 28 },
      { header: 'Kabupaten/kota', key: 'kab', width: 22 },
      { header: 'Kelompok', key: 'kelompok', width: 11, numFmt: FORMAT_ANGKA },
      { header: 'Laporan diharapkan', key: 'diharapkan', width: 13, numFmt: FORMAT_ANGKA },
      { header: 'Laporan masuk', key: 'masuk', width: 12, numFmt: FORMAT_ANGKA },
      { header: 'Diajukan tepat waktu', key: 'tepat', width: 13, numFmt: FORMAT_ANGKA },
      { header: 'Diverifikasi', key: 'verifikasi', width: 12, numFmt: FORMAT_ANGKA },
      { header: 'Kelompok dikunjungi', key: 'kunjungan', width: 13, numFmt: FORMAT_ANGKA },
      { header: 'Tindak lanjut terbuka', key: 'tl', width: 13, numFmt: FORMAT_ANGKA },
    ]);
    for (const f of fas) wf.addRow({ nama: f.nama, kab: f.kabupaten_nama, kelompok: f.kelompok, diharapkan: f.laporan_diharapkan, masuk: f.laporan_masuk, tepat: f.diajukan_tepat_waktu, verifikasi: f.diverifikasi, kunjungan: f.kelompok_dikunjungi, tl: f.tindak_lanjut_terbuka });
    await tulisExcel(wb, path);
    return;
  }
  const doc: TDocumentDefinitions = {
    ...BASE_DOC,
    pageOrientation: 'landscape',
    info: { title: `E-monev ${formatPeriode(periode)}`, creator: 'Bermantra' },
    content: [
      kopSurat(p, 'landscape'),
      { text: `REKAP E-MONEV PETI KOIN BERMANTRA ${formatPeriode(periode).toUpperCase()}`, style: 'judul' },
      { text: `${p.kabupaten_nama}${batas ? ` · ${batas}` : ''} · katalog indikator versi ${m.katalog_versi} · ${m.regulasi}`, style: 'subjudul' },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['*', '*', 'auto', 'auto', 'auto'],
          body: [
            ['Wilayah', 'Indikator', 'Target', 'Realisasi', 'Capaian'].map((h, i) => ({ text: h, style: 'th', ...(i > 1 ? { alignment: 'right' as const } : {}) })),
            ...m.baris.map((b) => [provinsi ? `${b.wilayah}${b.kode_wilayah !== b.kabupaten_kode ? ` (${b.kabupaten_nama})` : ''} · target ${b.sumber === 'kabupaten' ? 'kabupaten/kota' : 'provinsi'}` : b.wilayah, b.nama, { text: angka(b.tipe, b.target), alignment: 'right' as const }, { text: angka(b.tipe, b.realisasi), alignment: 'right' as const }, { text: b.persen === null ? '–' : formatPersen(b.persen), alignment: 'right' as const }]),
          ],
        },
        fontSize: 8.5,
      },
      m.baris.length === 0 ? { text: 'Belum ada target untuk tahun ini.', italics: true } : { text: '' },
      { text: 'Pemantauan fasilitator', bold: true, margin: [0, 12, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [
            ['Fasilitator', 'Kelompok', 'Laporan diharapkan', 'Laporan masuk', 'Diajukan tepat waktu', 'Diverifikasi', 'Kelompok dikunjungi', 'Tindak lanjut terbuka'].map((h, i) => ({ text: h, style: 'th', ...(i > 0 ? { alignment: 'right' as const } : {}) })),
            ...fas.map((f) => [provinsi ? `${f.nama} (${f.kabupaten_nama})` : f.nama, ...[f.kelompok, f.laporan_diharapkan, f.laporan_masuk, f.diajukan_tepat_waktu, f.diverifikasi, f.kelompok_dikunjungi, f.tindak_lanjut_terbuka].map((n) => ({ text: formatAngka(n), alignment: 'right' as const }))]),
          ],
        },
        fontSize: 8.5,
      },
      { columns: [{ text: '' }, { ...(blokTandaTangan(penandatanganKantor(p), { text: `${p.kota_surat}, ${formatTanggal(hariIni())}` }) as object), width: 260 } as Content], margin: [0, 14, 0, 0], unbreakable: true },
    ],
  };
  await tulisPdf(doc, path);
}
