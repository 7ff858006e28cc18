// The dictionary of figures (kamus indikator): every number the programme prints is defined here once — what it
// counts, in which unit, which reports and which groups count, on which date, how it rolls up over months and over
// regions, and whether it may be added up at all. The window, the documents, e-monev, the province and the public
// website read their numbers through main/services/angka (one query per figure) and their words from here.
// Pure: used by the UI, the services, the documents and the website.

import type { Agregasi, Indikator, Katalog } from './laporan';

/** How a figure rolls up over the months of a period, in the words the documents print. */
export type CaraBulan = 'dijumlahkan' | 'bulan terakhir' | 'dirata-rata' | 'dihitung ulang' | 'pada tanggal acuan' | 'tidak diringkas';
/** How a figure rolls up over regions (kelompok → kecamatan → kabupaten/kota → provinsi). */
export type CaraWilayah = 'dijumlahkan' | 'dirata-rata' | 'dihitung ulang' | 'tidak dijumlahkan';

export interface DefinisiAngka {
  kode: string;
  nama: string;
  /** What it is, in plain Indonesian. */
  definisi: string;
  satuan: string;
  /** How it is computed (a formula in words). */
  rumus: string;
  /** Which reports count. */
  laporan: string;
  /** Which groups count. */
  kelompok: string;
  /** The date the figure refers to. */
  acuan: string;
  bulan: CaraBulan;
  wilayah: CaraWilayah;
  /** False where adding up makes no sense (volumes in different units): shown per unit, never as a total. */
  bolehDijumlah: boolean;
}

/** The statuses of a monthly report that count in every figure: submitted, verified (and, later, accepted). */
export const STATUS_DIHITUNG = ['diajukan', 'diverifikasi'] as const;
/** The same list for an SQL `IN (…)`. */
export const STATUS_DIHITUNG_SQL = STATUS_DIHITUNG.map((s) => `'${s}'`).join(', ');

export const LAPORAN_DIHITUNG = 'Laporan bulanan yang sudah diajukan atau diverifikasi; draf tidak pernah dihitung.';
export const KELOMPOK_WAJIB =
  'Kelompok berstatus aktif wajib melapor untuk setiap bulan sesudah bulan ia didaftarkan di aplikasi, sampai bulan yang sudah berakhir. Kelompok yang dinonaktifkan tidak lagi diharapkan melapor; laporannya yang sudah masuk tetap dihitung pada angka usaha.';
const KELOMPOK_SEMUA = 'Semua kelompok yang terdaftar (tidak dihapus), termasuk yang kini tidak aktif, untuk laporan yang sudah mereka ajukan.';

/** Month-by-month rule of a catalogue indicator, said as the documents say it. */
export function caraBulan(a: Agregasi): CaraBulan {
  return a === 'SUM' ? 'dijumlahkan' : a === 'LAST' ? 'bulan terakhir' : a === 'AVERAGE' ? 'dirata-rata' : 'tidak diringkas';
}

/** The figures that are not catalogue indicators: groups, members, reporting, agreements, DT-SEN, targets. */
export const DEFINISI_TETAP: readonly DefinisiAngka[] = [
  {
    kode: 'kelompok_aktif',
    nama: 'Kelompok aktif',
    definisi: 'Banyaknya kelompok binaan berstatus aktif.',
    satuan: 'kelompok',
    rumus: 'Hitungan kelompok berstatus aktif yang tidak dihapus.',
    laporan: 'Tidak bergantung pada laporan.',
    kelompok: 'Kelompok berstatus aktif, tidak dihapus.',
    acuan: 'Saat angka dibuat.',
    bulan: 'pada tanggal acuan',
    wilayah: 'dijumlahkan',
    bolehDijumlah: true,
  },
  {
    kode: 'anggota',
    nama: 'Anggota',
    definisi: 'Banyaknya anggota kelompok binaan yang terdaftar.',
    satuan: 'orang',
    rumus: 'Hitungan anggota yang tidak dihapus, di kelompok yang tidak dihapus.',
    laporan: 'Tidak bergantung pada laporan.',
    kelompok: 'Semua kelompok yang tidak dihapus.',
    acuan: 'Saat angka dibuat; pembandingnya anggota yang sudah terdaftar sebelum awal bulan yang dipilih.',
    bulan: 'pada tanggal acuan',
    wilayah: 'dijumlahkan',
    bolehDijumlah: true,
  },
  {
    kode: 'laporan_diharapkan',
    nama: 'Laporan diharapkan',
    definisi: 'Banyaknya laporan bulanan yang wajib masuk pada periode itu.',
    satuan: 'laporan',
    rumus: 'Untuk setiap bulan periode yang sudah berakhir: banyaknya kelompok yang wajib melapor bulan itu.',
    laporan: 'Tidak bergantung pada laporan yang masuk.',
    kelompok: KELOMPOK_WAJIB,
    acuan: 'Bulan laporan.',
    bulan: 'dijumlahkan',
    wilayah: 'dijumlahkan',
    bolehDijumlah: true,
  },
  {
    kode: 'laporan_masuk',
    nama: 'Laporan masuk',
    definisi: 'Banyaknya laporan bulanan yang diharapkan dan sudah masuk.',
    satuan: 'laporan',
    rumus: 'Laporan diharapkan yang sudah diajukan atau diverifikasi; tidak pernah lebih dari laporan diharapkan.',
    laporan: LAPORAN_DIHITUNG,
    kelompok: KELOMPOK_WAJIB,
    acuan: 'Bulan laporan.',
    bulan: 'dijumlahkan',
    wilayah: 'dijumlahkan',
    bolehDijumlah: true,
  },
  {
    kode: 'laporan_tepat_waktu',
    nama: 'Laporan tepat waktu',
    definisi: 'Laporan masuk yang diajukan paling lambat tanggal 10 bulan berikutnya.',
    satuan: 'laporan',
    rumus: 'Laporan masuk dengan tanggal diajukan ≤ tanggal 10 bulan sesudah bulan laporan.',
    laporan: LAPORAN_DIHITUNG,
    kelompok: KELOMPOK_WAJIB,
    acuan: 'Tanggal diajukan.',
    bulan: 'dijumlahkan',
    wilayah: 'dijumlahkan',
    bolehDijumlah: true,
  },
  {
    kode: 'kepatuhan',
    nama: 'Kepatuhan pelaporan',
    definisi: 'Bagian laporan yang diharapkan yang sudah masuk.',
    satuan: '%',
    rumus: 'Laporan masuk ÷ laporan diharapkan × 100, satu desimal. Belum ada angka bila belum ada laporan yang diharapkan.',
    laporan: LAPORAN_DIHITUNG,
    kelompok: KELOMPOK_WAJIB,
    acuan: 'Bulan laporan.',
    bulan: 'dihitung ulang',
    wilayah: 'dihitung ulang',
    bolehDijumlah: false,
  },
  {
    kode: 'kepatuhan_tepat_waktu',
    nama: 'Ketepatan waktu pelaporan',
    definisi: 'Bagian laporan yang diharapkan yang masuk tepat waktu.',
    satuan: '%',
    rumus: 'Laporan tepat waktu ÷ laporan diharapkan × 100, satu desimal.',
    laporan: LAPORAN_DIHITUNG,
    kelompok: KELOMPOK_WAJIB,
    acuan: 'Tanggal diajukan.',
    bulan: 'dihitung ulang',
    wilayah: 'dihitung ulang',
    bolehDijumlah: false,
  },
  {
    kode: 'kelompok_dikunjungi',
    nama: 'Kelompok dikunjungi',
    definisi: 'Banyaknya kelompok aktif seorang fasilitator yang laporannya masuk pada periode itu.',
    satuan: 'kelompok',
    rumus: 'Kelompok aktif dengan paling sedikit satu laporan masuk pada periode; tidak pernah lebih dari kelompok aktif.',
    laporan: LAPORAN_DIHITUNG,
    kelompok: KELOMPOK_WAJIB,
    acuan: 'Bulan laporan.',
    bulan: 'dihitung ulang',
    wilayah: 'dijumlahkan',
    bolehDijumlah: true,
  },
  {
    kode: 'laporan_diverifikasi',
    nama: 'Laporan diverifikasi',
    definisi: 'Laporan diharapkan yang sudah diverifikasi kabupaten/kota.',
    satuan: 'laporan',
    rumus: 'Laporan masuk berstatus diverifikasi; tidak pernah lebih dari laporan diharapkan.',
    laporan: 'Laporan bulanan berstatus diverifikasi.',
    kelompok: KELOMPOK_WAJIB,
    acuan: 'Bulan laporan.',
    bulan: 'dijumlahkan',
    wilayah: 'dijumlahkan',
    bolehDijumlah: true,
  },
  {
    kode: 'perjanjian_aktif',
    nama: 'Perjanjian aktif',
    definisi: 'Perjanjian pembelian dengan offtaker yang berlaku pada tanggal acuan.',
    satuan: 'perjanjian',
    rumus: 'Perjanjian berstatus aktif dengan tanggal mulai ≤ tanggal acuan ≤ tanggal selesai.',
    laporan: 'Tidak bergantung pada laporan.',
    kelompok: 'Kelompok yang tidak dihapus.',
    acuan: 'Hari ini; pembandingnya tanggal 1 bulan sebelumnya.',
    bulan: 'pada tanggal acuan',
    wilayah: 'dijumlahkan',
    bolehDijumlah: true,
  },
  {
    kode: 'nilai_perjanjian_bulan',
    nama: 'Nilai perjanjian per bulan',
    definisi: 'Nilai pembelian per bulan dari perjanjian yang berlaku.',
    satuan: 'Rp',
    rumus: 'Jumlah (volume per bulan × harga satuan), dibulatkan ke rupiah, atas perjanjian aktif.',
    laporan: 'Tidak bergantung pada laporan.',
    kelompok: 'Kelompok yang tidak dihapus.',
    acuan: 'Hari ini.',
    bulan: 'pada tanggal acuan',
    wilayah: 'dijumlahkan',
    bolehDijumlah: true,
  },
  {
    kode: 'nilai_perjanjian_seluruh',
    nama: 'Nilai seluruh perjanjian',
    definisi: 'Nilai pembelian sepanjang jangka waktu satu perjanjian, seperti tertulis di naskahnya.',
    satuan: 'Rp',
    rumus: 'Nilai per bulan (volume per bulan × harga satuan, dibulatkan ke rupiah) × banyaknya bulan kalender dari bulan mulai sampai bulan selesai, keduanya dihitung.',
    laporan: 'Tidak bergantung pada laporan.',
    kelompok: 'Satu perjanjian.',
    acuan: 'Jangka waktu perjanjian.',
    bulan: 'tidak diringkas',
    wilayah: 'tidak dijumlahkan',
    bolehDijumlah: false,
  },
  {
    kode: 'persen_terdaftar_dtsen',
    nama: 'Terdaftar DT-SEN',
    definisi: 'Bagian anggota yang cocok dengan DT-SEN (atau DTKS) pada pencocokan terakhir.',
    satuan: '%',
    rumus: 'Anggota cocok ÷ anggota × 100, satu desimal.',
    laporan: 'Tidak bergantung pada laporan.',
    kelompok: 'Semua kelompok yang tidak dihapus.',
    acuan: 'Tanggal data ekstrak DT-SEN terakhir.',
    bulan: 'pada tanggal acuan',
    wilayah: 'dihitung ulang',
    bolehDijumlah: false,
  },
  {
    kode: 'persen_desil_1_4',
    nama: 'Desil 1–4',
    definisi: 'Bagian anggota yang tercatat di DT-SEN pada desil 1 sampai 4 (40% termiskin).',
    satuan: '%',
    rumus: 'Anggota cocok dengan desil 1–4 ÷ anggota × 100, satu desimal.',
    laporan: 'Tidak bergantung pada laporan.',
    kelompok: 'Semua kelompok yang tidak dihapus.',
    acuan: 'Tanggal data ekstrak DT-SEN terakhir.',
    bulan: 'pada tanggal acuan',
    wilayah: 'dihitung ulang',
    bolehDijumlah: false,
  },
  {
    kode: 'target',
    nama: 'Target',
    definisi: 'Target tahunan satu indikator untuk satu wilayah, ditetapkan kabupaten/kota atau provinsi.',
    satuan: 'menurut indikator',
    rumus: 'Untuk indikator yang dijumlahkan: target tahunan × banyak bulan periode ÷ 12; lainnya: target tahunan.',
    laporan: 'Tidak bergantung pada laporan.',
    kelompok: 'Tidak bergantung pada kelompok.',
    acuan: 'Tahun target.',
    bulan: 'dihitung ulang',
    wilayah: 'dijumlahkan',
    bolehDijumlah: true,
  },
  {
    kode: 'realisasi',
    nama: 'Realisasi',
    definisi: 'Nilai indikator pada periode, menurut definisi indikator itu.',
    satuan: 'menurut indikator',
    rumus: 'Seperti indikatornya (omzet dijumlahkan, anggota aktif bulan terakhir, …).',
    laporan: LAPORAN_DIHITUNG,
    kelompok: KELOMPOK_SEMUA,
    acuan: 'Bulan laporan.',
    bulan: 'dihitung ulang',
    wilayah: 'dihitung ulang',
    bolehDijumlah: false,
  },
  {
    kode: 'capaian',
    nama: 'Capaian',
    definisi: 'Realisasi dibanding target.',
    satuan: '%',
    rumus: 'Realisasi ÷ target × 100, satu desimal.',
    laporan: LAPORAN_DIHITUNG,
    kelompok: KELOMPOK_SEMUA,
    acuan: 'Periode e-monev.',
    bulan: 'dihitung ulang',
    wilayah: 'dihitung ulang',
    bolehDijumlah: false,
  },
  {
    kode: 'cakupan_pelatihan',
    nama: 'Cakupan pelatihan fasilitator',
    definisi: 'Bagian fasilitator yang sudah mengikuti pelatihan (per topik, atau topik apa pun).',
    satuan: '%',
    rumus: 'Fasilitator yang tercatat sebagai peserta pelatihan (topik itu) sampai tanggal acuan ÷ fasilitator terdaftar × 100, satu desimal.',
    laporan: 'Tidak bergantung pada laporan.',
    kelompok: 'Fasilitator yang tidak dihapus; pelatihan dan peserta yang tidak dihapus.',
    acuan: 'Saat angka dibuat.',
    bulan: 'pada tanggal acuan',
    wilayah: 'dihitung ulang',
    bolehDijumlah: false,
  },
  {
    kode: 'jam_pelatihan',
    nama: 'Jam pelatihan',
    definisi: 'Lama pelatihan yang diikuti seorang fasilitator.',
    satuan: 'jam pelajaran',
    rumus: 'Jumlah lama pelatihan yang diikutinya dalam tahun itu.',
    laporan: 'Tidak bergantung pada laporan.',
    kelompok: 'Pelatihan dan peserta yang tidak dihapus.',
    acuan: 'Tanggal pelatihan.',
    bulan: 'dijumlahkan',
    wilayah: 'dijumlahkan',
    bolehDijumlah: true,
  },
  {
    kode: 'omzet_per_laporan',
    nama: 'Omzet rata-rata per laporan',
    definisi: 'Omzet sebulan rata-rata kelompok, dari laporan yang masuk.',
    satuan: 'Rp',
    rumus: 'Jumlah omzet laporan yang dihitung ÷ banyaknya laporan itu, dibulatkan ke rupiah.',
    laporan: LAPORAN_DIHITUNG,
    kelompok: KELOMPOK_SEMUA,
    acuan: 'Bulan laporan.',
    bulan: 'dihitung ulang',
    wilayah: 'dihitung ulang',
    bolehDijumlah: false,
  },
  {
    kode: 'pertumbuhan_omzet',
    nama: 'Pertumbuhan omzet',
    definisi: 'Perubahan omzet rata-rata per laporan dari satu kurun ke kurun berikutnya.',
    satuan: '%',
    rumus: '(Omzet rata-rata per laporan sesudah − sebelum) ÷ sebelum × 100, satu desimal; tidak ada angka bila kurun sebelum tidak berlaporan.',
    laporan: LAPORAN_DIHITUNG,
    kelompok: KELOMPOK_SEMUA,
    acuan: 'Dua kurun yang sama panjang.',
    bulan: 'dihitung ulang',
    wilayah: 'dihitung ulang',
    bolehDijumlah: false,
  },
];

/** A catalogue indicator as a figure of the dictionary. */
export function definisiIndikator(i: Indikator): DefinisiAngka {
  const bulan = caraBulan(i.agregasi);
  const volume = i.kode === 'volume_produksi';
  return {
    kode: i.kode,
    nama: i.nama,
    definisi: i.turunan ? `${i.nama}: ${i.turunan.selisih[0]} dikurangi ${i.turunan.selisih[1]}, dihitung aplikasi (tidak diketik).` : `${i.nama} yang dilaporkan kelompok dalam laporan bulanan.`,
    satuan: i.satuan || (i.tipe === 'teks' ? 'teks' : ''),
    rumus:
      i.tipe === 'teks'
        ? 'Teks; tidak diringkas menjadi angka.'
        : `Per kelompok: ${bulan === 'dijumlahkan' ? 'dijumlahkan atas bulan' : bulan === 'bulan terakhir' ? 'nilai bulan terakhir yang dilaporkan' : 'dirata-rata atas bulan yang dilaporkan'}; atas kelompok: ${i.agregasi === 'AVERAGE' ? 'dirata-rata' : volume ? 'dijumlahkan per satuan produk' : 'dijumlahkan'}.`,
    laporan: LAPORAN_DIHITUNG,
    kelompok: KELOMPOK_SEMUA,
    acuan: 'Bulan laporan.',
    bulan,
    wilayah: i.tipe === 'teks' ? 'tidak dijumlahkan' : i.agregasi === 'AVERAGE' ? 'dirata-rata' : volume ? 'tidak dijumlahkan' : 'dijumlahkan',
    // Volumes are typed in their own units (bungkus, pak, kg): added up per unit only.
    bolehDijumlah: i.tipe !== 'teks' && i.tipe !== 'persen' && !volume,
  };
}

/** The whole dictionary for a catalogue: the fixed figures, then the catalogue's indicators. */
export function kamusAngka(katalog: Katalog): DefinisiAngka[] {
  return [...DEFINISI_TETAP, ...katalog.indikator.filter((i) => i.kode !== 'satuan_produksi').map(definisiIndikator)];
}

/** One figure's definition; throws on a code the dictionary does not hold (a figure nobody defined is a bug). */
export function definisi(katalog: Katalog, kode: string): DefinisiAngka {
  const d = kamusAngka(katalog).find((x) => x.kode === kode);
  if (!d) throw new Error(`Angka "${kode}" tidak ada di kamus indikator.`);
  return d;
}

/** The footnote a recap prints: how months and groups roll up, in words (no SUM/LAST/AVERAGE). */
export function catatanAgregasi(katalog: Katalog): string {
  const angka = katalog.indikator.filter((i) => i.tipe !== 'teks' && !i.turunan);
  // "Penjualan ke offtaker/SPPG" → "penjualan ke offtaker/SPPG": only the first letter changes (SPPG stays SPPG).
  const kecil = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);
  const nama = (a: Agregasi) => angka.filter((i) => i.agregasi === a).map((i) => kecil(i.nama));
  const daftar = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} dan ${xs.at(-1)}` : (xs[0] ?? ''));
  const bagian = [
    nama('SUM').length ? `${daftar(nama('SUM'))} dijumlahkan atas bulan` : '',
    nama('LAST').length ? `${daftar(nama('LAST'))} diambil dari bulan terakhir yang dilaporkan` : '',
    nama('AVERAGE').length ? `${daftar(nama('AVERAGE'))} dirata-rata` : '',
  ].filter(Boolean);
  const turunan = katalog.indikator.filter((i) => i.turunan).map((i) => `${kecil(i.nama)} = ${i.turunan!.selisih.join(' − ')}`);
  const rata = nama('AVERAGE');
  const volume = angka.some((i) => i.kode === 'volume_produksi');
  const pengecualian = [rata.length ? `${daftar(rata)} yang dirata-rata` : '', volume ? 'volume produksi yang dijumlahkan per satuan (tidak menjadi satu jumlah)' : ''].filter(Boolean);
  return `Per kelompok: ${bagian.join('; ')}${turunan.length ? `; ${turunan.join('; ')}` : ''}. Baris jumlah: dijumlahkan atas kelompok${pengecualian.length ? `, kecuali ${pengecualian.join(', dan ')}` : ''}. Hanya laporan yang diajukan atau diverifikasi yang dihitung; draf tidak.`;
}

/** What the "Definisi angka" page and the website show: every figure, the quality rules and how outliers are found. */
export interface Kamus {
  angka: DefinisiAngka[];
  aturan: { id: string; uraian: string; tingkat: string }[];
  pencilan: string;
  persetujuan: string;
}

/** Which kelompok a figure counts, as filtered on a screen: district, kecamatan, facilitator, sector. */
export interface SaringKelompok {
  kabupaten?: string | null;
  kecamatan?: string | null;
  fasilitator?: string | null;
  sektor?: string | null;
}

/**
 * The filter on kelompok (alias k) every figure query shares, whichever domain runs it: conditions and their named
 * parameters. Part of the dictionary's "which groups count", so it lives here rather than being handed between domains.
 */
export function saringKelompokSql(f: SaringKelompok): { where: string; p: Record<string, unknown> } {
  const where: string[] = ['k.deleted_at IS NULL'];
  const p: Record<string, unknown> = {};
  if (f.kabupaten) (where.push('k.kabupaten_kode = @kabupaten'), (p.kabupaten = f.kabupaten));
  if (f.kecamatan) (where.push('k.kecamatan_kode = @kecamatan'), (p.kecamatan = f.kecamatan));
  if (f.fasilitator) (where.push('k.fasilitator_id = @fasilitator'), (p.fasilitator = f.fasilitator));
  if (f.sektor) (where.push('k.sektor = @sektor'), (p.sektor = f.sektor));
  return { where: where.join(' AND '), p };
}
