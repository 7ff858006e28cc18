import { formatDesimal, formatRupiah } from './format';
// Business proposals with a RAB, addressed to Gubernur Jawa Timur c.q. Kepala Dinas terkait.

import { STATUS_PROPOSAL } from './register';
import type { HasilVerifikasi } from './api/tte';
export { STATUS_PROPOSAL };
export type StatusProposal = (typeof STATUS_PROPOSAL)[number];

export const DINAS_AWAL = [
  'Dinas Koperasi dan Usaha Kecil dan Menengah',
  'Dinas Sosial',
  'Dinas Perindustrian dan Perdagangan',
  'Dinas Pertanian dan Ketahanan Pangan',
  'Dinas Peternakan',
  'Dinas Kelautan dan Perikanan',
  'Dinas Pemberdayaan Masyarakat dan Desa',
  'Dinas Tenaga Kerja dan Transmigrasi',
];

export const KELOMPOK_BELANJA = ['Peralatan', 'Bahan baku', 'Kemasan', 'Operasional', 'Pelatihan', 'Pemasaran'];

/** Words that say which spending group a RAB line belongs to, most specific first. */
const KATA_KATEGORI: [string, RegExp][] = [
  ['Pelatihan', /pelatihan|pendampingan|workshop|kursus|bimtek|magang|sertifikasi/i],
  ['Kemasan', /kemasan|plastik|pouch|label|stiker|kardus|dus\b|botol|toples|mika|sablon|kotak|standing/i],
  ['Peralatan', /mesin|alat|kompor|wajan|panci|gerobak|etalase|timbangan|freezer|kulkas|blender|oven|mixer|sealer|rak|meja|kursi|tenda|gilingan|cetakan|pisau|dandang|spinner|dispenser|showcase|mesin jahit|obras|etalase/i],
  ['Pemasaran', /pemasaran|promosi|iklan|brosur|spanduk|banner|pameran|ongkir|marketplace/i],
  ['Operasional', /transport|bensin|bbm|listrik|air\b|sewa|gas\b|elpiji|lpg|pulsa|internet|perizinan|pirt|nib|halal|upah|gaji/i],
  ['Bahan baku', /bahan|tepung|gula|minyak|kedelai|kedele|telur|beras|daging|ayam|ikan|susu|bumbu|garam|cabai|cabe|bawang|kain|benang|kayu|bambu|pakan|bibit|benih|pupuk|ragi|mentega|coklat|cokelat|keju|buah|sayur|kopi|teh\b/i],
];

/** The spending group a RAB line's words suggest, or null when none does: the screen marks it "periksa kategori". */
export function tebakKategori(uraian: string): string | null {
  for (const [kategori, pola] of KATA_KATEGORI) if (pola.test(uraian)) return kategori;
  return null;
}

export interface IsiProposal {
  latar_belakang?: string;
  target_pasar?: string;
  pesaing?: string;
  offtaker?: string;
  produk?: string;
  kapasitas_produksi?: string;
  pemasaran?: string;
  penutup?: string;
}

export interface Proyeksi {
  modal_investasi?: number;
  biaya_tetap_bulan?: number;
  biaya_variabel_unit?: number;
  harga_jual_unit?: number;
  penjualan_bulan?: number;
}

/** RAB groups that buy lasting things (equipment, carts, buildings): the investment; the rest is working capital. */
export function kelompokInvestasi(kelompokBelanja: string): boolean {
  return /peralatan|mesin|sarana|prasarana|gerobak|renovasi|bangunan|investasi|kendaraan|etalase/i.test(kelompokBelanja);
}

/** What the RAB asks, split into investment and working capital. */
export function modalDariRab(items: RabItem[]): { investasi: number; kerja: number; total: number } {
  let investasi = 0;
  let kerja = 0;
  for (const i of items) {
    if (kelompokInvestasi(i.kelompok_belanja)) investasi += jumlahItem(i);
    else kerja += jumlahItem(i);
  }
  return { investasi, kerja, total: investasi + kerja };
}

export interface Kelayakan {
  /** Investment and working capital the figures use: from the RAB when it has lines, else as typed. */
  modal_investasi: number | null;
  modal_kerja: number | null;
  modal_total: number | null;
  sumber_modal: 'rab' | 'isian' | null;
  /** The typed investment differs from the RAB's: the composer shows it, the PDF uses the RAB. */
  selisih_modal: string | null;
  /** Every RAB line is an investment: working capital Rp0 is rarely meant (a paste left every line under Peralatan). */
  tanpa_modal_kerja: string | null;
  /** Break-even point in units per month. */
  bep_unit: number | null;
  bep_rupiah: number | null;
  laba_bulan: number | null;
  rc_ratio: number | null;
  /** Months to earn back the investment. */
  payback_bulan: number | null;
  layak: boolean | null;
  /** The verdict in words with its reasons (each criterion and its limit), as the document prints it. */
  alasan: string;
  /** The payback limit the verdict used, in months (the office's setting, else 36). */
  batas_pengembalian_bulan: number;
  catatan: string[];
}

/** The payback limit when the office set none (Pengaturan: batas masa pengembalian). */
export const BATAS_PENGEMBALIAN_BAWAAN = 36;

/** The office's payback limit from its settings text: a whole number of months 1–999, else the default. */
export function batasPengembalian(teks: string | null | undefined): number {
  const n = Number(teks);
  return Number.isInteger(n) && n >= 1 && n <= 999 ? n : BATAS_PENGEMBALIAN_BAWAAN;
}

export interface RabItem {
  id?: string;
  kelompok_belanja: string;
  uraian: string;
  volume: number;
  satuan: string;
  harga_satuan: number;
}

export interface RabGroup {
  kelompok_belanja: string;
  items: (RabItem & { no: number; jumlah: number })[];
  subtotal: number;
}

/** jumlah = round(volume × harga satuan), integer Rupiah. */
export function jumlahItem(item: Pick<RabItem, 'volume' | 'harga_satuan'>): number {
  return Math.round(item.volume * item.harga_satuan);
}

export function susunRab(items: RabItem[]): { groups: RabGroup[]; total: number } {
  const groups: RabGroup[] = [];
  let no = 0;
  for (const item of items) {
    let g = groups.find((x) => x.kelompok_belanja === item.kelompok_belanja);
    if (!g) {
      g = { kelompok_belanja: item.kelompok_belanja, items: [], subtotal: 0 };
      groups.push(g);
    }
    const jumlah = jumlahItem(item);
    g.items.push({ ...item, no: ++no, jumlah });
    g.subtotal += jumlah;
  }
  return { groups, total: groups.reduce((a, g) => a + g.subtotal, 0) };
}

/**
 * Feasibility from the projection the user enters and the RAB: the capital it is paid back from is what the RAB
 * asks (investment and working capital), so the proposal cannot promise a payback on a smaller sum than it asks.
 */
export function hitungKelayakan(p: Proyeksi, rab: RabItem[] = [], batasBulan: number = BATAS_PENGEMBALIAN_BAWAAN): Kelayakan {
  const catatan: string[] = [];
  const { biaya_tetap_bulan: tetap, biaya_variabel_unit: variabel, harga_jual_unit: harga, penjualan_bulan: jual } = p;
  const dariRab = rab.length ? modalDariRab(rab) : null;
  const modal = dariRab ? { modal_investasi: dariRab.investasi, modal_kerja: dariRab.kerja, modal_total: dariRab.total, sumber_modal: 'rab' as const } : p.modal_investasi ? { modal_investasi: p.modal_investasi, modal_kerja: null, modal_total: p.modal_investasi, sumber_modal: 'isian' as const } : { modal_investasi: null, modal_kerja: null, modal_total: null, sumber_modal: null };
  const selisih =
    dariRab && p.modal_investasi && p.modal_investasi !== dariRab.investasi
      ? `Modal investasi yang diketik (${formatRupiah(p.modal_investasi)}) berbeda dari investasi di RAB (${formatRupiah(dariRab.investasi)}; seluruh RAB ${formatRupiah(dariRab.total)}). Kelayakan dan dokumen memakai angka RAB.`
      : null;
  if (selisih) catatan.push(selisih);
  const tanpaKerja = dariRab && dariRab.total > 0 && dariRab.kerja === 0 ? `Seluruh RAB (${formatRupiah(dariRab.total)}) tercatat sebagai investasi dan modal kerja Rp0. Periksa kategori belanja tiap baris (bahan baku, kemasan, pelatihan, operasional adalah modal kerja).` : null;
  if ([tetap, variabel, harga, jual].some((v) => v === undefined || v === null)) {
    const alasan = 'Belum dapat dinilai: proyeksi biaya tetap, biaya variabel, harga jual dan penjualan per bulan belum lengkap.';
    return { ...modal, selisih_modal: selisih, tanpa_modal_kerja: tanpaKerja, bep_unit: null, bep_rupiah: null, laba_bulan: null, rc_ratio: null, payback_bulan: null, layak: null, alasan, batas_pengembalian_bulan: batasBulan, catatan: [...catatan, 'Isi biaya tetap, biaya variabel, harga jual dan penjualan per bulan untuk menghitung kelayakan.'] };
  }
  const margin = harga! - variabel!;
  const bepUnit = margin > 0 ? Math.ceil(tetap! / margin) : null;
  if (margin <= 0) catatan.push('Harga jual per unit tidak lebih besar dari biaya variabel per unit: usaha rugi pada setiap penjualan.');
  const pendapatan = jual! * harga!;
  const biaya = tetap! + jual! * variabel!;
  const laba = pendapatan - biaya;
  const rc = biaya > 0 ? Math.round((pendapatan / biaya) * 100) / 100 : null;
  const payback = modal.modal_total && laba > 0 ? Math.round((modal.modal_total / laba) * 10) / 10 : null;
  if (laba <= 0) catatan.push('Proyeksi laba per bulan tidak positif.');
  if (bepUnit !== null && jual! < bepUnit) catatan.push(`Penjualan per bulan (${jual}) di bawah titik impas (${bepUnit} unit).`);
  if (payback !== null && payback > batasBulan) catatan.push(`Masa pengembalian ${formatDesimal(payback, 1)} bulan melebihi batas ${batasBulan} bulan.`);
  const { layak, alasan } = nilaiKelayakan({ laba, rc, payback, bepUnit, jual: jual!, modalAda: !!modal.modal_total, batasBulan });
  return { ...modal, selisih_modal: selisih, tanpa_modal_kerja: tanpaKerja, bep_unit: bepUnit, bep_rupiah: bepUnit === null ? null : bepUnit * harga!, laba_bulan: laba, rc_ratio: rc, payback_bulan: payback, layak, alasan, batas_pengembalian_bulan: batasBulan, catatan };
}

/**
 * The verdict: feasible only when every criterion holds — profit per month positive, R/C above 1, sales at or above
 * the break-even point, and the whole sum asked earned back within the limit. The reason names each criterion with
 * its figure and, when not feasible, the ones that failed.
 */
function nilaiKelayakan(a: { laba: number; rc: number | null; payback: number | null; bepUnit: number | null; jual: number; modalAda: boolean; batasBulan: number }): { layak: boolean; alasan: string } {
  const syarat: [boolean, string][] = [
    [a.laba > 0, a.laba > 0 ? `laba ${formatRupiah(a.laba)} per bulan` : 'laba per bulan tidak positif'],
    [(a.rc ?? 0) > 1, `rasio R/C ${a.rc === null ? '–' : formatDesimal(a.rc, 2)} ${(a.rc ?? 0) > 1 ? '>' : '≤'} 1`],
    [a.bepUnit !== null && a.jual >= a.bepUnit, a.bepUnit === null ? 'tidak ada titik impas (harga jual tidak melebihi biaya variabel)' : `penjualan ${formatDesimal(a.jual)} unit ${a.jual >= a.bepUnit ? '≥' : '<'} titik impas ${formatDesimal(a.bepUnit)} unit`],
  ];
  if (a.modalAda) syarat.push([a.payback !== null && a.payback <= a.batasBulan, a.payback === null ? `dana tidak kembali (batas ${a.batasBulan} bulan)` : `kembali dalam ${formatDesimal(a.payback, 1)} bulan ${a.payback <= a.batasBulan ? '≤' : '>'} batas ${a.batasBulan} bulan`]);
  const layak = syarat.every(([ok]) => ok);
  const gagal = syarat.filter(([ok]) => !ok).map(([, t]) => t);
  return { layak, alasan: layak ? `Layak: ${syarat.map(([, t]) => t).join('; ')}.` : `Belum layak: ${gagal.join('; ')}.` };
}

/** NIK shown on documents: 350701******0003 unless the user chose full NIKs. */
export function samarkanNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 6)}******${nik.slice(12)}` : nik;
}

export interface ProposalRow {
  id: string;
  kelompok_id: string;
  kelompok_nama: string;
  judul: string;
  status: StatusProposal;
  nilai_disetujui: number | null;
  nomor_surat: string | null;
  tanggal: string | null;
  dinas: string | null;
  total_rab: number;
  jumlah_item: number;
  updated_at: string;
}

/** The covering letter's electronic signature: waiting, signed or not valid; the verdict recorded where it was attached, and this office's own. */
export interface TteProposal {
  status: 'menunggu' | 'ditandatangani' | 'tidak_sah' | null;
  hash: string | null;
  /** The verdict recorded when the signed PDF was attached (at the district). */
  hasil: HasilVerifikasi | null;
  /** This office's own verification of the same PDF (the province's, after import), if done. */
  periksa: HasilVerifikasi | null;
}

export interface ProposalDetail extends ProposalRow {
  tte: TteProposal;
  tempat: string | null;
  lampiran: string | null;
  perihal: string | null;
  kepala_desa: string | null;
  sertakan_omzet: boolean;
  isi: IsiProposal;
  proyeksi: Proyeksi;
  kelayakan: Kelayakan;
  rab: { items: RabItem[]; groups: RabGroup[]; total: number; terbilang: string };
  profil: {
    nama: string;
    desa: string;
    kecamatan: string;
    sektor: string;
    produk_utama: string | null;
    tahun_berdiri: number | null;
    fasilitator: string | null;
    jumlah_anggota: number;
    pengurus: { jabatan: string; nama: string }[];
  };
  omzet: { periode: string; omzet: number; laba: number | null }[];
}

/**
 * The covering letter of a proposal, set by the province and sent to every district in its reference
 * bundle, so that all 22 districts write to the Gubernur the same way. `{isian}` are filled per proposal.
 */
export interface TemplatSurat {
  versi: number;
  /** Addressee lines after "Kepada Yth."; the first is printed bold, a line after "di" indented. */
  kepada: string;
  /** The opening paragraph. */
  pembuka: string;
}

export const ISIAN_SURAT = ['dinas', 'kelompok', 'desa', 'kecamatan', 'kabupaten', 'total', 'terbilang'] as const;
export type IsianSurat = (typeof ISIAN_SURAT)[number];

export const TEMPLAT_SURAT_AWAL: TemplatSurat = {
  versi: 1,
  kepada: 'Gubernur Jawa Timur\nc.q. Kepala {dinas} Provinsi Jawa Timur\ndi\nSurabaya',
  pembuka:
    'Dengan hormat, bersama ini kami sampaikan proposal usaha kelompok binaan {kelompok} di Desa {desa}, Kecamatan {kecamatan}, {kabupaten}, peserta program Peti Koin Bermantra, dengan kebutuhan anggaran sebesar {total} ({terbilang}) sebagaimana Rencana Anggaran Biaya terlampir. Atas perhatian dan bantuan Bapak/Ibu, kami sampaikan terima kasih.',
};

/** The `{…}` in a template text that are not one of ISIAN_SURAT. */
export function isianTakDikenal(teks: string): string[] {
  return [...teks.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((k) => !(ISIAN_SURAT as readonly string[]).includes(k));
}

/** The covering letter's addressee lines (those before "di") and where the addressee is, from the filled template. */
export function tujuanSurat(kepadaTerisi: string): { kepada: string[]; di: string } {
  const baris = kepadaTerisi.split('\n').map((t) => t.trim()).filter(Boolean);
  const di = baris.findIndex((t) => t.toLowerCase() === 'di');
  return { kepada: di >= 0 ? baris.slice(0, di) : baris, di: di >= 0 ? baris.slice(di + 1).join(' ') || 'Tempat' : 'Surabaya' };
}

const bandingNama = (t: string) =>
  t
    .toLowerCase()
    .replace(/^(yth\.?|c\.\s*q\.?|bapak\/ibu|bapak|ibu)\s+/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * A letter's copies split into those printed and those naming its own addressee (a copy to whom the letter is sent
 * says nothing; the Tata Naskah Dinas lists under Tembusan only other offices): the window says which were left out.
 */
export function pisahTembusan(tembusan: string[], kepada: string[]): { cetak: string[]; tujuan: string[] } {
  const dituju = new Set(kepada.map(bandingNama));
  const tujuan = tembusan.filter((t) => dituju.has(bandingNama(t)));
  return { cetak: tembusan.filter((t) => !tujuan.includes(t)), tujuan };
}

export function isiTemplat(teks: string, nilai: Record<IsianSurat, string>): string {
  return teks.replace(/\{([a-z]+)\}/g, (m, k: string) => (Object.hasOwn(nilai, k) ? nilai[k as IsianSurat] : m));
}
