import { KATALOG_AWAL } from './laporan';
import type { KodeVariabelRiset } from './mitra';

// The research extract's variables and its protection rules (UU 27/2022): what each variable is, at which level it is
// written, whether it is a quasi-identifier (generalised until k-anonymity holds) or the sensitive attribute
// (l-diversity), and the thresholds. The extract itself is main/services/mitra/riset.ts.

/** Every class of quasi-identifier values holds at least K_MIN records (members) or groups. */
export const K_MIN = 5;
/** Every class holds at least L_MIN different desil values (an unknown desil counts as one value). */
export const L_MIN = 2;
/** At most this share of records is suppressed; beyond it the next generalisation is tried. */
export const SUPRESI_MAKS = 0.05;
/** Money is top-coded at this percentile of its values (the value above it is written as the percentile). */
export const PERSENTIL_BATAS_ATAS = 0.95;

export type TingkatRiset = 'kelompok_bulan' | 'anggota';

export interface VariabelRiset {
  kode: KodeVariabelRiset;
  label: string;
  /** The table it is written to; group attributes go to both (the member table carries its group's). */
  tingkat: TingkatRiset | 'keduanya';
  jenis: 'rupiah' | 'angka' | 'persen' | 'kategori';
  /** A quasi-identifier: generalised (bands, coarser regions) until every class has K_MIN. */
  kuasi?: true;
  /** The sensitive attribute l-diversity protects. */
  sensitif?: true;
  keterangan: string;
}

const indikator = (kode: string) => KATALOG_AWAL.indikator.find((i) => i.kode === kode)!;
const dariKamus = (kode: KodeVariabelRiset, keterangan: string): VariabelRiset => {
  const i = indikator(kode);
  return { kode, label: i.nama, tingkat: 'kelompok_bulan', jenis: i.tipe === 'rupiah' ? 'rupiah' : i.tipe === 'persen' ? 'persen' : 'angka', keterangan };
};

// Built on first use: the dictionary's labels are read then (common/laporan and common/mitra import each other's
// neighbours, so nothing here may touch the catalogue while the modules are still loading).
const buatVariabel = (): readonly VariabelRiset[] => [
  dariKamus('omzet', 'Omzet penjualan kelompok pada bulan itu (kamus indikator: omzet), dibatasi atas pada persentil 95.'),
  dariKamus('biaya', 'Biaya produksi bulan itu, dibatasi atas pada persentil 95.'),
  dariKamus('laba', 'Laba = omzet − biaya (kamus indikator), dibatasi atas pada persentil 95.'),
  dariKamus('penjualan_offtaker', 'Penjualan ke offtaker/SPPG bulan itu, dibatasi atas pada persentil 95.'),
  dariKamus('anggota_aktif', 'Anggota aktif yang dilaporkan bulan itu (orang).'),
  dariKamus('tenaga_kerja', 'Tenaga kerja bulan itu (orang).'),
  dariKamus('aset', 'Nilai aset usaha pada akhir bulan, dibatasi atas pada persentil 95.'),
  dariKamus('kas', 'Kas/tabungan kelompok pada akhir bulan, dibatasi atas pada persentil 95.'),
  dariKamus('bantuan', 'Bantuan diterima bulan itu, dibatasi atas pada persentil 95.'),
  dariKamus('pertemuan', 'Pertemuan kelompok bulan itu (kali).'),
  dariKamus('kehadiran', 'Rata-rata kehadiran pertemuan bulan itu (%).'),
  { kode: 'kepatuhan_lapor', label: 'Laporan masuk', tingkat: 'kelompok_bulan', jenis: 'angka', keterangan: '1 bila laporan bulan itu diajukan atau diverifikasi, 0 bila kelompok wajib melapor tetapi laporannya belum masuk (definisi kepatuhan pelaporan dalam kamus).' },
  { kode: 'fasilitator_dilatih', label: 'Fasilitator sudah dilatih', tingkat: 'kelompok_bulan', jenis: 'angka', keterangan: '1 bila fasilitator pendamping kelompok telah mengikuti pelatihan sebelum bulan itu, 0 bila belum (pelatihan fasilitator).' },
  { kode: 'sektor', label: 'Sektor usaha', tingkat: 'keduanya', jenis: 'kategori', kuasi: true, keterangan: 'Sektor usaha kelompok; digabung menjadi "(semua sektor)" bila diperlukan untuk k-anonimitas.' },
  { kode: 'kecamatan', label: 'Kecamatan', tingkat: 'keduanya', jenis: 'kategori', kuasi: true, keterangan: 'Kecamatan kelompok (tidak lebih rinci); kecamatan kecil digabung, atau kabupaten/kota saja bila diperlukan.' },
  { kode: 'tahun_berdiri', label: 'Tahun berdiri (rentang)', tingkat: 'keduanya', jenis: 'kategori', kuasi: true, keterangan: 'Rentang 5 tahun (atau 10 tahun) tahun berdirinya kelompok.' },
  { kode: 'usia', label: 'Kelompok umur', tingkat: 'anggota', jenis: 'kategori', kuasi: true, keterangan: 'Umur anggota pada tanggal ekstrak dalam rentang 5 tahun (atau 10/20 tahun bila diperlukan), dari tanggal lahir atau NIK.' },
  { kode: 'jenis_kelamin', label: 'Jenis kelamin', tingkat: 'anggota', jenis: 'kategori', kuasi: true, keterangan: 'L atau P.' },
  { kode: 'jabatan', label: 'Jabatan dalam kelompok', tingkat: 'anggota', jenis: 'kategori', kuasi: true, keterangan: 'ketua, sekretaris, bendahara atau anggota; digabung menjadi pengurus/anggota bila diperlukan.' },
  { kode: 'desil', label: 'Desil kesejahteraan (DT-SEN)', tingkat: 'anggota', jenis: 'kategori', sensitif: true, keterangan: 'Desil anggota menurut pencocokan DT-SEN terbaru (1 = paling miskin); kosong bila belum cocok. Dilindungi l-diversitas.' },
];

let variabel: ReadonlyMap<string, VariabelRiset> | null = null;

/** Every research variable by its code. */
export function variabelRiset(): ReadonlyMap<string, VariabelRiset> {
  return (variabel ??= new Map(buatVariabel().map((v) => [v.kode, v])));
}

/** The label of each variable, for the MoU form's checkboxes. */
export function labelVariabelRiset(): Readonly<Record<string, string>> {
  return Object.fromEntries([...variabelRiset()].map(([k, v]) => [k, v.label]));
}

/** "35–39" for 37 in bands of 5 (an age, a founding year); bands of 10 or 20 start at multiples of their width. */
export function pitaRentang(nilai: number, lebar: 5 | 10 | 20): string {
  const awal = Math.floor(nilai / lebar) * lebar;
  return `${awal}–${awal + lebar - 1}`;
}

/** A member's age in whole years on a day, from a birth date YYYY-MM-DD. */
export function umurPada(lahir: string, hari: string): number {
  const [y1, m1, d1] = lahir.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = hari.split('-').map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}
