import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { builder, type Db } from '../../../db/connection';
import { barisQ, jalankan, type Kerja } from '../../../db/kueri';
import { AppError } from '../../common/errors';
import { formatDesimal, formatPeriode, formatRupiah } from '../../common/format';
import { isiTemplat, pisahTembusan, samarkanNik, tujuanSurat, type ProposalDetail, type RabItem, type TemplatSurat } from '../../common/proposal';
import type { Pengaturan } from '../../common/records';
import { catatSuratKeluar, pengaturanK } from '../pengaturan';
import { tandaiMenungguTte } from '../tte';
import { FORMAT_ANGKA, FORMAT_DESIMAL, FORMAT_RUPIAH, lembarBerjudul, tulisExcel } from '../dokumen';
import { BASE_DOC, ISI_TANGAN, jumlahHalaman, nomorHalaman, tandaTangan, tulisPdf } from '../dokumen';
import { daftarTembusan, isiSurat, kakiTte, kepalaLampiran, PDF_SIAP_TTE, penandatanganKantor, pengirimSurat, PENUTUP_SURAT, type Penandatangan } from '../dokumen';
import { hariIni, hurufJudul, namaBerkas } from '../../common/format';
import { ambilProposalK, templatSuratK } from './proposal';
import { bacaAngka } from '../laporan';

const JABATAN: Record<string, string> = { ketua: 'Ketua', sekretaris: 'Sekretaris', bendahara: 'Bendahara', anggota: 'Anggota' };

function para(text: string | undefined): Content {
  return { text: text?.trim() || ISI_TANGAN, alignment: 'justify', margin: [0, 0, 0, 6] };
}

function bab(judul: string): Content {
  return { text: judul, bold: true, fontSize: 11, margin: [0, 10, 0, 4] };
}

type Proposal = ProposalDetail;

/** The RAB table: lines by spending group with subtotals, and the total. */
function tabelRab(p: Proposal): TableCell[][] {
  const rabBody: TableCell[][] = [
    [
      { text: 'No', style: 'th' },
      { text: 'Uraian', style: 'th' },
      { text: 'Volume', style: 'th', alignment: 'right' },
      { text: 'Satuan', style: 'th' },
      { text: 'Harga satuan', style: 'th', alignment: 'right' },
      { text: 'Jumlah', style: 'th', alignment: 'right' },
    ],
  ];
  for (const g of p.rab.groups) {
    rabBody.push([{ text: g.kelompok_belanja, colSpan: 6, bold: true, fillColor: '#eef2f6' }, '', '', '', '', '']);
    for (const item of g.items) {
      rabBody.push([
        String(item.no),
        item.uraian,
        { text: formatDesimal(item.volume), alignment: 'right' },
        item.satuan,
        { text: formatRupiah(item.harga_satuan), alignment: 'right', noWrap: true },
        { text: formatRupiah(item.jumlah), alignment: 'right', noWrap: true },
      ]);
    }
    rabBody.push([{ text: `Subtotal ${g.kelompok_belanja}`, colSpan: 5, bold: true, alignment: 'right' }, '', '', '', '', { text: formatRupiah(g.subtotal), bold: true, alignment: 'right', noWrap: true }]);
  }
  rabBody.push([{ text: 'TOTAL', colSpan: 5, bold: true, alignment: 'right', fillColor: '#dfe7f0' }, '', '', '', '', { text: formatRupiah(p.rab.total), bold: true, alignment: 'right', fillColor: '#dfe7f0', noWrap: true }]);
  return rabBody;
}

/** The covering letter (Tata Naskah Dinas), with the body the province wrote as template, filled for this proposal. */
function suratPengantar(templat: TemplatSurat, p: Proposal, s: Pengaturan, opsi: OpsiPdfProposal): { isi: Content[]; hal: string; kepada: string[] } {
  const isian = { dinas: p.dinas ?? 'Dinas terkait', kelompok: p.profil.nama, desa: p.profil.desa, kecamatan: p.profil.kecamatan, kabupaten: s.kabupaten_nama ?? '', total: formatRupiah(p.rab.total), terbilang: p.rab.terbilang };
  const { kepada, di: tempatTujuan } = tujuanSurat(isiTemplat(templat.kepada, isian));
  const isi = isiTemplat(templat.pembuka, isian)
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter(Boolean);
  // A closing paragraph the template may not have: the letter always ends with one.
  if (!/terima kasih/i.test(isi.at(-1) ?? '')) isi.push(PENUTUP_SURAT);
  const hal = p.perihal ?? `Usulan Bantuan Usaha ${p.profil.nama}`;
  const surat = isiSurat(s, {
    nomor: p.nomor_surat ?? '',
    sifat: 'Biasa',
    lampiran: p.lampiran ?? '1 (satu) berkas',
    hal,
    tempat: p.tempat || s.kota_surat,
    tanggal: p.tanggal ?? hariIni(),
    kepada,
    di: tempatTujuan,
    isi: isi.map((t) => ({ text: t, alignment: 'justify' }) as Content),
    penandatangan: penandatanganKantor(s, opsi.penandatangan),
    tembusan: pisahTembusan(opsi.tembusan ?? daftarTembusan(s), kepada).cetak,
    elektronik: !!opsi.siapTte,
  });
  return { isi: surat, hal, kepada };
}

/** The executive summary that opens the business plan: what, who, how much, what it returns. */
function ringkasan(p: Proposal): Content[] {
  const k = p.kelayakan;
  const hasil =
    k.laba_bulan !== null
      ? `Dengan proyeksi penjualan ${formatDesimal(p.proyeksi.penjualan_bulan ?? 0)} unit per bulan, usaha ini diperkirakan memperoleh laba ${formatRupiah(k.laba_bulan)} per bulan${k.payback_bulan !== null ? `, sehingga seluruh kebutuhan dana kembali dalam ${formatDesimal(k.payback_bulan, 1)} bulan` : ''}${k.bep_unit !== null ? `; titik impas ${formatDesimal(k.bep_unit)} unit per bulan` : ''}. ${k.alasan}`
      : 'Proyeksi penjualan dan biaya belum lengkap, sehingga laba dan masa pengembalian belum dapat dihitung.';
  const modal = k.sumber_modal === 'rab' ? `, terdiri atas investasi ${formatRupiah(k.modal_investasi ?? 0)} dan modal kerja ${formatRupiah(k.modal_kerja ?? 0)}` : '';
  return [
    bab('Ringkasan'),
    {
      ul: [
        `Usaha: ${p.profil.sektor}${p.profil.produk_utama ? `, produk utama ${p.profil.produk_utama}` : ''}.`,
        `Pengusul: ${p.profil.nama}, ${p.profil.jumlah_anggota} anggota, Desa ${p.profil.desa}, Kecamatan ${p.profil.kecamatan}.`,
        `Kebutuhan dana: ${formatRupiah(p.rab.total)} (${p.rab.terbilang})${modal}; rinciannya pada Rencana Anggaran Biaya (Lampiran I).`,
        hasil,
      ],
      margin: [0, 0, 0, 6],
    },
  ];
}

/** The last twelve months' sales: the heading stays with its table (never a heading alone at a page's foot). */
function riwayatOmzet(p: Proposal): Content {
  const baris = p.omzet.map((o) => [formatPeriode(o.periode), { text: formatRupiah(o.omzet), alignment: 'right' }, { text: o.laba === null ? '–' : formatRupiah(o.laba), alignment: 'right' }]);
  return {
    unbreakable: true,
    stack: [
      { text: 'Riwayat omzet (dari laporan bulanan)', bold: true, margin: [0, 6, 0, 3] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto'],
          body: [[{ text: 'Bulan', style: 'th' }, { text: 'Omzet', style: 'th', alignment: 'right' }, { text: 'Laba', style: 'th', alignment: 'right' }], ...baris],
        },
        fontSize: 9,
      },
    ],
  } as Content;
}

/** Sections I–IV: background, the group's profile and sales history, the market, the business plan. */
function rencanaUsaha(p: Proposal, s: Pengaturan): Content[] {
  return [
    // The last two words of the title are bound: a wrapped title never ends on a lone word or number.
    { text: p.judul.toUpperCase().replace(/\s+(\S+)\s*$/, '\u00a0$1'), style: 'judul', pageBreak: 'before' },
    { text: `${p.profil.nama} · Desa ${p.profil.desa}, Kecamatan ${p.profil.kecamatan}`, style: 'subjudul' },
    ...ringkasan(p),
    bab('I. Latar belakang'),
    para(p.isi.latar_belakang),
    bab('II. Profil kelompok'),
    {
      table: {
        widths: [150, '*'],
        body: [
          ['Nama kelompok', p.profil.nama],
          ['Alamat', `Desa ${p.profil.desa}, Kecamatan ${p.profil.kecamatan}, ${s.kabupaten_nama}`],
          ['Jenis usaha', `${p.profil.sektor}${p.profil.produk_utama ? ' · ' + p.profil.produk_utama : ''}`],
          ['Tahun berdiri', p.profil.tahun_berdiri ? String(p.profil.tahun_berdiri) : '–'],
          ['Jumlah anggota', `${p.profil.jumlah_anggota} orang`],
          ['Pengurus', p.profil.pengurus.map((x) => `${JABATAN[x.jabatan]}: ${x.nama}`).join('; ') || '–'],
          ['Fasilitator pendamping', p.profil.fasilitator ?? '–'],
        ],
      },
      layout: 'lightHorizontalLines',
    },
    ...(p.omzet.length ? [riwayatOmzet(p)] : []),
    bab('III. Analisis pasar'),
    { text: 'Target pasar', bold: true },
    para(p.isi.target_pasar),
    { text: 'Pesaing', bold: true },
    para(p.isi.pesaing),
    { text: 'Offtaker (pembeli tetap)', bold: true },
    para(p.isi.offtaker),
    bab('IV. Rencana usaha'),
    { text: 'Produk', bold: true },
    para(p.isi.produk),
    { text: 'Kapasitas produksi', bold: true },
    para(p.isi.kapasitas_produksi),
    { text: 'Pemasaran', bold: true },
    para(p.isi.pemasaran),
  ];
}

/** Section V: the feasibility figures, from what the RAB asks, and their verdict. */
function kelayakan(p: Proposal): Content[] {
  const k = p.kelayakan;
  const modal: TableCell[][] =
    k.sumber_modal === 'rab'
      ? [
          ['Modal investasi (RAB: peralatan dan sarana)', formatRupiah(k.modal_investasi ?? 0)],
          ['Modal kerja (RAB: bahan, operasional, pelatihan, pemasaran)', formatRupiah(k.modal_kerja ?? 0)],
          [{ text: 'Jumlah kebutuhan dana (RAB)', bold: true }, { text: formatRupiah(k.modal_total ?? 0), bold: true }],
        ]
      : [['Modal investasi', k.modal_total === null ? '–' : formatRupiah(k.modal_total)]];
  const tabel: TableCell[][] = [
    ...modal,
    ['Biaya tetap per bulan', formatRupiah(p.proyeksi.biaya_tetap_bulan ?? 0)],
    ['Biaya variabel per unit', formatRupiah(p.proyeksi.biaya_variabel_unit ?? 0)],
    ['Harga jual per unit', formatRupiah(p.proyeksi.harga_jual_unit ?? 0)],
    ['Penjualan per bulan', `${formatDesimal(p.proyeksi.penjualan_bulan ?? 0)} unit`],
    [{ text: 'Titik impas (BEP)', bold: true }, k.bep_unit === null ? '–' : `${formatDesimal(k.bep_unit)} unit per bulan = ${formatRupiah(k.bep_rupiah ?? 0)}`],
    [{ text: 'Laba per bulan', bold: true }, k.laba_bulan === null ? '–' : formatRupiah(k.laba_bulan)],
    [{ text: 'Rasio R/C', bold: true }, k.rc_ratio === null ? '–' : formatDesimal(k.rc_ratio)],
    [{ text: 'Masa pengembalian seluruh dana', bold: true }, k.payback_bulan === null ? '–' : `${formatDesimal(k.payback_bulan, 1)} bulan`],
    [{ text: 'Batas masa pengembalian', bold: true }, `${k.batas_pengembalian_bulan} bulan`],
    [{ text: 'Kesimpulan', bold: true }, { text: k.alasan, bold: true }],
  ];
  return [
    // The section's heading and its table on one page: the figures are read together.
    { unbreakable: true, stack: [bab('V. Analisis kelayakan usaha'), { table: { widths: [230, '*'], body: tabel }, layout: 'lightHorizontalLines' }] },
    // The composer's note that a typed figure differs from the RAB is for the officer, not for the reader.
    ...k.catatan.filter((c) => c !== k.selisih_modal).map((c) => ({ text: `Catatan: ${c}`, italics: true, fontSize: 9 }) as Content),
  ];
}

/** Section VI, the closing with its signatures, then the RAB as Lampiran I. */
function penutupDanRab(p: Proposal, s: Pengaturan): Content[] {
  const ketua = p.profil.pengurus.find((x) => x.jabatan === 'ketua')?.nama ?? '';
  const tanggal = p.tanggal ?? hariIni();
  // The group and its facilitator sign where the group is, its village, not at the office's town.
  const desa = p.profil.desa;
  return [
    {
      // The heading, the closing and the signatures stay together: no signature alone at the top of a page.
      stack: [
        bab('VI. Penutup'),
        para(p.isi.penutup),
        { columns: [tandaTangan({ kota: desa, tanggal, jabatan: `Ketua ${p.profil.nama}`, nama: ketua }), tandaTangan({ kota: desa, tanggal, jabatan: 'Fasilitator pendamping', nama: p.profil.fasilitator ?? '' })], margin: [0, 10, 0, 0] },
        { columns: [tandaTangan({ kota: '', tanggal: '', jabatan: `Kepala Desa ${p.profil.desa}`, nama: p.kepala_desa ?? '', mengetahui: true }), { text: '' }], margin: [0, 14, 0, 0] },
      ],
      unbreakable: true,
    },
    { ...(lampiran(p, s, 'I') as object), pageBreak: 'before' } as Content,
    { text: 'RENCANA ANGGARAN BIAYA (RAB)', style: 'judul' },
    { text: hurufJudul(p.judul), style: 'subjudul' },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto'], body: tabelRab(p) },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#9aa5b1', vLineColor: () => '#9aa5b1' },
      fontSize: 9,
    },
    { text: `Terbilang: ${p.rab.terbilang}`, italics: true, margin: [0, 4, 0, 0] },
  ];
}

/** The heading of the covering letter's annex: Lampiran I/II, the signer's office, the letter's number and date. */
function lampiran(p: Proposal, s: Pengaturan, romawi: string): Content {
  return kepalaLampiran({ romawi, pengirim: pengirimSurat(s), nomor: p.nomor_surat ?? '', tanggal: p.tanggal ?? hariIni() });
}

/** The member list annex: NIKs masked unless the officer asks for them in full. */
function lampiranAnggota(anggota: DataProposal['anggota'], p: Proposal, s: Pengaturan, opsi: { nikLengkap?: boolean }): Content[] {
  return [
    { ...(lampiran(p, s, 'II') as object), pageBreak: 'before' } as Content,
    { text: 'DAFTAR ANGGOTA KELOMPOK', style: 'judul' },
    { text: `${p.profil.nama}, Desa ${p.profil.desa}, Kecamatan ${p.profil.kecamatan}`, style: 'subjudul' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['auto', 'auto', '*', 'auto', 'auto'],
        body: [
          [{ text: 'No', style: 'th' }, { text: 'NIK', style: 'th' }, { text: 'Nama', style: 'th' }, { text: 'L/P', style: 'th' }, { text: 'Jabatan', style: 'th' }],
          ...anggota.map((a, index) => [String(index + 1), opsi.nikLengkap ? a.nik : samarkanNik(a.nik), a.nama, a.jenis_kelamin, JABATAN[a.jabatan] ?? a.jabatan]),
        ],
      },
      fontSize: 9,
    },
    opsi.nikLengkap ? { text: '' } : { text: 'NIK disamarkan untuk melindungi data pribadi (UU 27/2022).', fontSize: 8, italics: true, margin: [0, 4, 0, 0] },
  ];
}

export interface OpsiPdfProposal {
  nikLengkap?: boolean;
  /** This letter's signer or copies, where they differ from the office's settings. */
  penandatangan?: Partial<Penandatangan>;
  tembusan?: string[];
  /** Ready for electronic signing: PDF/A-2b, the block laid out for TTE, the BSrE sentence at the letter's foot. */
  siapTte?: boolean;
}

/** A deep copy of a pdfmake content tree: objects and arrays copied, functions (table layouts) and images shared. */
function salin<T>(v: T): T {
  if (Array.isArray(v)) return v.map(salin) as T;
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, salin(x)])) as T;
  return v;
}

/** What a proposal's documents show, read as one piece of work (one snapshot on the province's server). */
export interface DataProposal {
  p: Proposal;
  s: Pengaturan;
  templat: TemplatSurat;
  anggota: { nik: string; nama: string; jenis_kelamin: string; jabatan: string }[];
}

export function* dataProposalK(id: string): Kerja<DataProposal> {
  const p = yield* ambilProposalK(id);
  return {
    p,
    s: yield* pengaturanK(),
    templat: yield* templatSuratK(),
    anggota: yield* barisQ(builder.selectFrom('anggota').select(['nik', 'nama', 'jenis_kelamin', 'jabatan']).where('kelompok_id', '=', p.kelompok_id).where('deleted_at', 'is', null).orderBy('nama').orderBy('id')),
  };
}

/**
 * The proposal as PDF: the covering letter (its pages carry no number), then the business plan numbered from its
 * own first page, with its executive summary, feasibility from the RAB, closing and signatures, and the annexes.
 * At a district the letter's number goes into its register and a letter made ready for TTE is marked as waiting;
 * the province prints a district's proposal to read it: its own register stays its own letters'.
 */
export async function pdfProposal<T extends { path: string }>(db: Db, id: string, ke: (nama: string) => T, opsi?: OpsiPdfProposal): Promise<T>;
export async function pdfProposal(db: Db, id: string, ke: string, opsi?: OpsiPdfProposal): Promise<{ path: string }>;
export async function pdfProposal<T extends { path: string }>(db: Db, id: string, ke: string | ((nama: string) => T), opsi: OpsiPdfProposal = {}): Promise<T | { path: string }> {
  const data = jalankan(db, dataProposalK(id));
  const kabupaten = data.s.mode !== 'provinsi';
  const out = await pdfProposalDari(data, ke, opsi, (surat) => {
    // The covering letter's number goes into the register of outgoing letters; one another letter has is refused here.
    if (kabupaten) catatSuratKeluar(db, { nomor: data.p.nomor_surat ?? '', tanggal: data.p.tanggal ?? hariIni(), ...surat, jenis: 'proposal', rujukan: data.p.id });
  });
  // The proposal records that its letter waits for the Kepala's electronic signature.
  if (opsi.siapTte) tandaiMenungguTte(db, id);
  return out;
}

/** The PDF from what `dataProposalK` read; `sebelum` runs once the letter is composed, before anything is written. */
export async function pdfProposalDari<T extends { path: string }>(data: DataProposal, ke: (nama: string) => T, opsi?: OpsiPdfProposal): Promise<T>;
export async function pdfProposalDari<T extends { path: string }>(data: DataProposal, ke: string | ((nama: string) => T), opsi?: OpsiPdfProposal, sebelum?: (surat: { hal: string; tujuan: string }) => void): Promise<T | { path: string }>;
export async function pdfProposalDari<T extends { path: string }>(data: DataProposal, ke: string | ((nama: string) => T), opsi: OpsiPdfProposal = {}, sebelum?: (surat: { hal: string; tujuan: string }) => void): Promise<T | { path: string }> {
  const { p, s } = data;
  // The letter for TTE is the district's to make and sign; the province prints a district's proposal to read it.
  if (opsi.siapTte && s.mode === 'provinsi') throw new AppError('MODE_SALAH', 'Surat siap TTE dibuat dan ditandatangani oleh kabupaten/kota pengusul. Provinsi mencetak proposal ini tanpa pilihan TTE.');
  const out = typeof ke === 'string' ? { path: ke } : ke(namaBerkas(['Proposal', p.kelompok_nama, (p.tanggal ?? hariIni()).slice(0, 7)], 'pdf'));
  const dasar: TDocumentDefinitions = { ...BASE_DOC, ...(opsi.siapTte ? PDF_SIAP_TTE : {}), content: [], defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 }, info: { title: hurufJudul(p.judul), author: p.profil.nama, creator: 'Bermantra', subject: opsi.siapTte ? 'Siap tanda tangan elektronik' : 'Proposal usaha' } };
  const { isi: surat, hal, kepada } = suratPengantar(data.templat, p, s, opsi);
  sebelum?.({ hal, tujuan: kepada.join(' ') });
  // The letter's own length, laid out alone with the same settings (a copy: pdfmake marks what it lays out): the plan counts from after it.
  const halamanSurat = await jumlahHalaman({ ...dasar, content: salin(surat) });
  const doc: TDocumentDefinitions = {
    ...dasar,
    content: [...surat, ...rencanaUsaha(p, s), ...kelayakan(p), ...penutupDanRab(p, s), ...lampiranAnggota(data.anggota, p, s, opsi)],
    // Ready for TTE, every page states that the document is signed electronically (the letter and its annexes are one file).
    footer: (halaman, jumlah) => {
      const nomor = halaman > halamanSurat ? nomorHalaman(halaman - halamanSurat, jumlah - halamanSurat) : undefined;
      return opsi.siapTte ? kakiTte(nomor) : (nomor ?? { text: '' });
    },
  };
  await tulisPdf(doc, out.path);
  return out;
}

/** RAB as .xlsx: jumlah, subtotals and total are formulas, with their values stored so any reader shows numbers. */
export async function rabXlsx<T extends { path: string }>(db: Db, id: string, ke: (nama: string) => T): Promise<T>;
export async function rabXlsx(db: Db, id: string, ke: string): Promise<{ path: string }>;
export async function rabXlsx<T extends { path: string }>(db: Db, id: string, ke: string | ((nama: string) => T)): Promise<T | { path: string }> {
  return rabXlsxDari(jalankan(db, dataProposalK(id)), ke);
}

export async function rabXlsxDari<T extends { path: string }>(data: DataProposal, ke: (nama: string) => T): Promise<T>;
export async function rabXlsxDari<T extends { path: string }>(data: DataProposal, ke: string | ((nama: string) => T)): Promise<T | { path: string }>;
export async function rabXlsxDari<T extends { path: string }>(data: DataProposal, ke: string | ((nama: string) => T)): Promise<T | { path: string }> {
  const { p, s } = data;
  const out = typeof ke === 'string' ? { path: ke } : ke(namaBerkas(['RAB', p.kelompok_nama, (p.tanggal ?? hariIni()).slice(0, 7)], 'xlsx'));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bermantra';
  const ws = lembarBerjudul(wb, 'RAB', { dokumen: `Rencana Anggaran Biaya: ${p.judul}`, instansi: `${p.profil.nama}, Desa ${p.profil.desa}, Kecamatan ${p.profil.kecamatan}`, periode: s.kabupaten_nama ?? '' }, [
    { header: 'No', key: 'no', width: 6, numFmt: FORMAT_ANGKA },
    { header: 'Kelompok belanja', key: 'kb', width: 18 },
    { header: 'Uraian', key: 'uraian', width: 40 },
    { header: 'Volume', key: 'volume', width: 10, numFmt: FORMAT_DESIMAL },
    { header: 'Satuan', key: 'satuan', width: 10 },
    { header: 'Harga satuan', key: 'harga', width: 16, numFmt: FORMAT_RUPIAH },
    { header: 'Jumlah', key: 'jumlah', width: 18, numFmt: FORMAT_RUPIAH },
  ]);
  const subtotalCells: string[] = [];
  for (const g of p.rab.groups) {
    const first = ws.rowCount + 1;
    for (const item of g.items) {
      const r = ws.rowCount + 1;
      ws.addRow({ no: item.no, kb: g.kelompok_belanja, uraian: item.uraian, volume: item.volume, satuan: item.satuan, harga: item.harga_satuan, jumlah: { formula: `ROUND(D${r}*F${r},0)`, result: item.jumlah } });
    }
    const last = ws.rowCount;
    const r = ws.rowCount + 1;
    const row = ws.addRow({ kb: g.kelompok_belanja, uraian: `Subtotal ${g.kelompok_belanja}`, jumlah: { formula: `SUM(G${first}:G${last})`, result: g.subtotal } });
    row.font = { bold: true };
    subtotalCells.push(`G${r}`);
  }
  const total = ws.addRow({ uraian: 'TOTAL', jumlah: { formula: subtotalCells.length ? subtotalCells.join('+') : '0', result: p.rab.total } });
  total.font = { bold: true };
  ws.addRow({ uraian: `Terbilang: ${p.rab.terbilang}` });
  await tulisExcel(wb, out.path);
  return out;
}

/** Reads RAB rows back from such a sheet (or any sheet with URAIAN, VOLUME, SATUAN, HARGA_SATUAN columns). */
export async function imporRabXlsx(path: string): Promise<RabItem[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('BERKAS_RUSAK', 'Berkas RAB tidak dapat dibaca sebagai .xlsx. Simpan ulang dari Excel lalu pilih lagi.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('BERKAS_KOSONG', 'Berkas RAB tidak berisi lembar.');
  // The header is the first of the first ten rows that names an Uraian column (title rows may stand above it).
  const kunci = (n: number) => (ws.getRow(n).values as unknown[]).map((v) => String(v ?? '').toUpperCase().replace(/[^A-Z]/g, ''));
  const barisKepala = [...Array(10).keys()].map((i) => i + 1).find((n) => kunci(n).includes('URAIAN')) ?? 1;
  const header = kunci(barisKepala);
  const col = (name: string) => header.indexOf(name);
  const [cu, cv, cs, ch, ck] = [col('URAIAN'), col('VOLUME'), col('SATUAN'), col('HARGASATUAN'), col('KELOMPOKBELANJA')];
  if (cu < 0 || cv < 0 || cs < 0 || ch < 0) throw new AppError('KOLOM_TIDAK_ADA', 'Baris judul RAB harus memuat kolom URAIAN, VOLUME, SATUAN dan HARGA_SATUAN.');
  const items: RabItem[] = [];
  const galat: string[] = [];
  const value = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'result' in v ? v.result : v);
  ws.eachRow((row, n) => {
    if (n <= barisKepala) return;
    const uraian = String(value(row.getCell(cu).value) ?? '').trim();
    const volume = bacaAngka(value(row.getCell(cv).value));
    const harga = bacaAngka(value(row.getCell(ch).value));
    if (!uraian || /^(subtotal|total|terbilang)/i.test(uraian) || (volume === null && harga === null)) return;
    if (volume === null || Number.isNaN(volume) || volume < 0 || harga === null || Number.isNaN(harga) || harga < 0) {
      galat.push(`baris ${n}`);
      return;
    }
    items.push({ kelompok_belanja: ck >= 0 ? String(value(row.getCell(ck).value) ?? '').trim() || 'Lainnya' : 'Lainnya', uraian, volume, satuan: String(value(row.getCell(cs).value) ?? '').trim() || 'unit', harga_satuan: Math.round(harga) });
  });
  if (galat.length) throw new AppError('RAB_TIDAK_SAH', `Volume atau harga satuan bukan angka (atau negatif) pada ${galat.join(', ')}. Perbaiki lalu impor lagi; RAB tidak diubah.`);
  if (items.length === 0) throw new AppError('BERKAS_KOSONG', 'Tidak ada baris RAB yang dapat dibaca.');
  return items;
}
