import ExcelJS from 'exceljs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BarisEvaluasi, EvaluasiMonev } from '../../common/api';
import type { Kerja } from '../../../db/kueri';
import type { Pengaturan } from '../../common/records';
import type { Katalog } from '../../common/laporan';
import { formatDesimal, formatRupiah, formatTanggal, hariIni } from '../../common/format';
import { ROMAWI, tulisPita, type Triwulan } from '../../common/triwulan';
import { BASE_DOC, blokTandaTangan, formatIndikator, FORMAT_PERSEN, kopSurat, lembarBerjudul, penandatanganKantor, tulisExcel, tulisPdf } from '../dokumen';
import { pengaturanK } from '../pengaturan';
import { katalogAktifK } from '../laporan';
import { hitungEvaluasiK } from './evaluasi';

// The evaluation table as the regulation prints it (Permendagri 86/2017, quarterly as Permen PPN/Bappenas 1/2023):
// A4 landscape, numbered column heads ((1), (2), …), the cut-off stated, categories in words, signed by the office.

const angka = (b: BarisEvaluasi, v: number | null) => (v === null ? '–' : b.tipe === 'rupiah' ? formatRupiah(v) : formatDesimal(v));
const penjelasan = (b: BarisEvaluasi) =>
  b.penjelasan
    ? [
        b.penjelasan.faktor_pendorong && `Pendorong: ${b.penjelasan.faktor_pendorong}`,
        b.penjelasan.faktor_penghambat && `Penghambat: ${b.penjelasan.faktor_penghambat}`,
        b.penjelasan.tindak_lanjut && `Tindak lanjut: ${b.penjelasan.tindak_lanjut}`,
        b.penjelasan.penanggung_jawab && `Penanggung jawab: ${b.penjelasan.penanggung_jawab}`,
      ]
        .filter(Boolean)
        .join('\n')
    : 'belum ada penjelasan';

/** Writes the evaluation table to the end of `triwulan` (null: the latest closed quarter); `keluar` names the file. */
/** Folio (F4, 215 × 330 mm), the paper many regional offices print on, in points. */
const F4 = { width: 609.45, height: 935.43 };

/** What the evaluation document shows, read as one piece of work (the file, or the province's server). */
export function* dataEvaluasiK(tahun: number, triwulan: Triwulan | null): Kerja<{ e: EvaluasiMonev; p: Pengaturan; katalog: Katalog }> {
  return { e: yield* hitungEvaluasiK(tahun, triwulan), p: yield* pengaturanK(), katalog: yield* katalogAktifK() };
}

/** The document written from what was read. */
export async function tulisDokumenEvaluasi<T extends { path: string }>({ e, p, katalog }: { e: EvaluasiMonev; p: Pengaturan; katalog: Katalog }, tahun: number, format: 'pdf' | 'xlsx', keluar: (nama: string) => T, kertas: 'A4' | 'F4' = 'A4'): Promise<T> {
  const desimal = new Set(katalog.indikator.filter((i) => i.desimal).map((i) => i.kode));
  const tw = ROMAWI[e.triwulan];
  const out = keluar(`Evaluasi-e-monev-${(p.kabupaten_kode ?? '35').replace('.', '-')}-${tahun}-TW${e.triwulan}.${format}`);
  const judul = `EVALUASI CAPAIAN KINERJA PETI KOIN BERMANTRA TRIWULAN ${tw} TAHUN ${tahun}`;
  const provinsi = p.mode === 'provinsi';
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = lembarBerjudul(wb, `Evaluasi TW ${tw}`, { instansi: p.nama_instansi || (p.kabupaten_nama ?? ''), periode: `${e.keadaan}`, dokumen: `${judul} (${e.regulasi})` }, [
      { header: '(1) Kabupaten/kota', key: 'kab', width: 15 },
      { header: '(2) Wilayah', key: 'wil', width: 15 },
      { header: '(3) Indikator', key: 'ind', width: 20 },
      { header: '(4) Satuan', key: 'sat', width: 7 },
      { header: '(5) Target tahunan', key: 'tt', width: 15 },
      ...[1, 2, 3, 4].flatMap((q) => [
        { header: `(${4 + q * 2}) Target TW ${ROMAWI[q as Triwulan]}`, key: `t${q}`, width: 14 },
        { header: `(${5 + q * 2}) Realisasi TW ${ROMAWI[q as Triwulan]}`, key: `r${q}`, width: 14 },
      ]),
      { header: `(14) Realisasi s.d. TW ${tw}`, key: 'rk', width: 15 },
      { header: '(15) Tingkat capaian (%)', key: 'cap', width: 9, numFmt: FORMAT_PERSEN },
      { header: '(16) Kategori capaian', key: 'kat', width: 12 },
      { header: '(17) Faktor pendorong', key: 'fp', width: 18 },
      { header: '(18) Faktor penghambat', key: 'fh', width: 18 },
      { header: '(19) Tindak lanjut', key: 'tl', width: 18 },
      { header: '(20) Penanggung jawab', key: 'pj', width: 12 },
    ]);
    for (const b of e.baris) {
      const row = ws.addRow({
        kab: b.kabupaten_nama,
        wil: b.wilayah,
        ind: b.nama,
        sat: b.tipe === 'rupiah' ? 'Rp' : b.satuan,
        tt: b.target_tahunan,
        ...Object.fromEntries([0, 1, 2, 3].flatMap((q) => [[`t${q + 1}`, b.target_triwulan[q]], [`r${q + 1}`, q < e.triwulan ? b.realisasi_triwulan[q] : null]])),
        rk: b.realisasi_kumulatif,
        cap: b.capaian,
        kat: b.kategori?.label ?? '–',
        fp: b.penjelasan?.faktor_pendorong ?? '',
        fh: b.penjelasan?.faktor_penghambat ?? '',
        tl: b.penjelasan?.tindak_lanjut ?? '',
        pj: b.penjelasan?.penanggung_jawab ?? '',
      });
      const fmt = formatIndikator({ tipe: b.tipe, desimal: desimal.has(b.indikator) });
      // Text wraps inside its column: the sheet prints one page wide without the explanations widening it.
      for (const k of ['kab', 'wil', 'ind', 'fp', 'fh', 'tl', 'pj']) row.getCell(k).alignment = { wrapText: true, vertical: 'top' };
      for (const k of ['tt', 't1', 'r1', 't2', 'r2', 't3', 'r3', 't4', 'r4', 'rk']) row.getCell(k).numFmt = fmt;
    }
    ws.addRow({});
    ws.addRow({ kab: `Kategori capaian: ${e.pita.map((x) => tulisPita(x)).join('; ')}.` });
    await tulisExcel(wb, out.path);
    return out;
  }
  const kepala = ['No', 'Wilayah', 'Indikator (satuan)', 'Target tahunan', ...[1, 2, 3, 4].map((q) => `TW ${ROMAWI[q as Triwulan]}\ntarget / realisasi`), `Realisasi s.d. TW ${tw}`, 'Capaian (%)', 'Kategori', 'Penjelasan'];
  const th = (t: string, i: number) => ({ text: t, style: 'th', alignment: i >= 3 && i <= 9 ? ('right' as const) : ('left' as const) });
  const doc: TDocumentDefinitions = {
    ...BASE_DOC,
    pageSize: kertas === 'F4' ? F4 : 'A4',
    pageOrientation: 'landscape',
    info: { title: judul, creator: 'Bermantra' },
    content: [
      kopSurat(p, 'landscape'),
      { text: judul, style: 'judul' },
      { text: `${p.kabupaten_nama ?? ''} · ${e.keadaan} · ${e.regulasi}`, style: 'subjudul' },
      {
        table: {
          headerRows: 2,
          dontBreakRows: true,
          widths: [16, 70, 80, 52, 52, 52, 52, 52, 56, 38, 46, '*'],
          body: [
            kepala.map(th),
            kepala.map((_, i) => ({ text: `(${i + 1})`, style: 'th', alignment: 'center' as const })),
            ...e.baris.map((b, i) => [
              { text: String(i + 1) },
              { text: provinsi ? `${b.wilayah}${b.kode_wilayah !== b.kabupaten_kode ? `\n(${b.kabupaten_nama})` : ''}` : b.wilayah },
              { text: `${b.nama} (${b.tipe === 'rupiah' ? 'Rp' : b.satuan})` },
              { text: angka(b, b.target_tahunan), alignment: 'right' as const },
              ...[0, 1, 2, 3].map((q) => ({ text: `${angka(b, b.target_triwulan[q]!)}\n${q < e.triwulan ? angka(b, b.realisasi_triwulan[q] ?? null) : '·'}`, alignment: 'right' as const })),
              { text: angka(b, b.realisasi_kumulatif), alignment: 'right' as const },
              { text: b.capaian === null ? '–' : formatDesimal(b.capaian, 1), alignment: 'right' as const },
              { text: b.kategori?.label ?? '–' },
              { text: penjelasan(b), fontSize: 6.5 },
            ]),
          ],
        },
        fontSize: 7,
      },
      e.baris.length === 0 ? { text: `Belum ada target untuk tahun ${tahun}.`, italics: true } : { text: '' },
      { text: `Kategori capaian: ${e.pita.map((x) => tulisPita(x)).join('; ')}. Realisasi dihitung dari laporan bulanan yang diajukan atau diverifikasi; target triwulan yang tidak ditetapkan dibagi dari target tahunan.`, fontSize: 7.5, italics: true, margin: [0, 6, 0, 0] },
      { columns: [{ text: '' }, { ...(blokTandaTangan(penandatanganKantor(p), { text: `${p.kota_surat}, ${formatTanggal(hariIni())}` }) as object), width: 260 } as Content], margin: [0, 14, 0, 0], unbreakable: true },
    ],
  };
  await tulisPdf(doc, out.path);
  return out;
}
