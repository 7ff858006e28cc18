import { formatPeriode } from '../../common/format';
import type { DataSitus, WilayahPublik } from './data';
import { BATAS_SENSOR } from './sensor';
import { kutipCsv, netralkanRumus } from '../dokumen';

// The open data behind every chart and table, in the Satu Data Indonesia way (Perpres 39/2019): one standard per
// table (columns with unit and definition), metadata, Kemendagri region codes beside names, CSV and JSON, and one
// catalogue listing them all.

type Tipe = 'kode' | 'teks' | 'bilangan' | 'rupiah' | 'persen' | 'periode' | 'tanggal';

interface Kolom {
  nama: string;
  judul: string;
  tipe: Tipe;
  satuan?: string;
  definisi: string;
}

export interface Dataset {
  id: string;
  judul: string;
  deskripsi: string;
  kolom: Kolom[];
  baris: Record<string, string | number | null>[];
}

const DISENSOR = `Kosong (null) di JSON dan "<${BATAS_SENSOR}" di CSV bila kurang dari ${BATAS_SENSOR} orang, atau disamarkan agar angka kecil lain tidak dapat dihitung dari selisihnya.`;
const k = (nama: string, judul: string, tipe: Tipe, definisi: string, satuan?: string): Kolom => ({ nama, judul, tipe, definisi, ...(satuan ? { satuan } : {}) });
const KODE = k('kode_wilayah', 'Kode wilayah', 'kode', 'Kode wilayah Kemendagri (Kepmendagri 300.2.2-2138 Tahun 2025): 35 untuk provinsi, 35.xx untuk kabupaten/kota.');
const NAMA = k('nama_wilayah', 'Wilayah', 'teks', 'Nama wilayah sesuai kode.');

/** A column's definition from the dictionary of figures: the same words as the app and the documents, and `tambah`. */
function dariKamus(d: DataSitus, kode: string, tambah = ''): string {
  const x = d.kamus.find((a) => a.kode === kode);
  if (!x) throw new Error(`Angka "${kode}" tidak ada di kamus indikator.`);
  return `${x.definisi} ${x.rumus} ${x.laporan === 'Tidak bergantung pada laporan.' ? '' : x.laporan}${tambah ? ` ${tambah}` : ''}`.replace(/\s+/g, ' ').trim();
}

export function daftarDataset(d: DataSitus): Dataset[] {
  const semua: WilayahPublik[] = d.mode === 'provinsi' ? [d.utama, ...d.kabupaten] : [d.utama];
  const tahun = d.bulan.slice(0, 4);
  return [
    {
      id: 'ringkasan-wilayah',
      judul: 'Angka utama per wilayah',
      deskripsi: `Angka utama program Peti Koin Bermantra per wilayah, bulan ${formatPeriode(d.bulan)} dan tahun berjalan ${tahun}.`,
      kolom: [
        KODE,
        NAMA,
        k('kelompok_aktif', 'Kelompok aktif', 'bilangan', dariKamus(d, 'kelompok_aktif'), 'kelompok'),
        k('anggota', 'Anggota', 'bilangan', dariKamus(d, 'anggota', DISENSOR), 'orang'),
        k('persen_dtsen', 'Terdaftar DT-SEN', 'persen', dariKamus(d, 'persen_terdaftar_dtsen', 'Kosong bila belum dicocokkan atau bila angkanya akan menunjuk kurang dari 5 orang.'), 'persen'),
        k('persen_desil_1_4', 'Desil 1–4', 'persen', dariKamus(d, 'persen_desil_1_4'), 'persen'),
        k('omzet_bulan', 'Omzet bulan terakhir', 'rupiah', dariKamus(d, 'omzet', `Bulan ${formatPeriode(d.bulan)}.`), 'rupiah'),
        k('omzet_tahun_berjalan', 'Omzet tahun berjalan', 'rupiah', dariKamus(d, 'omzet', `Dijumlahkan Januari–${formatPeriode(d.bulan)}.`), 'rupiah'),
        k('penjualan_offtaker_bulan', 'Penjualan ke offtaker/SPPG', 'rupiah', dariKamus(d, 'penjualan_offtaker', `Bulan ${formatPeriode(d.bulan)}.`), 'rupiah'),
        k('perjanjian_aktif', 'Perjanjian aktif', 'bilangan', dariKamus(d, 'perjanjian_aktif'), 'perjanjian'),
        k('nilai_perjanjian_bulan', 'Nilai perjanjian per bulan', 'rupiah', dariKamus(d, 'nilai_perjanjian_bulan'), 'rupiah'),
        k('nilai_perjanjian_sppg_bulan', 'Nilai perjanjian SPPG per bulan', 'rupiah', dariKamus(d, 'nilai_perjanjian_bulan', 'Hanya perjanjian dengan dapur SPPG (program makan bergizi gratis).'), 'rupiah'),
        k('kepatuhan_pelaporan', 'Kepatuhan pelaporan', 'persen', dariKamus(d, 'kepatuhan', dariKamus(d, 'laporan_diharapkan')), 'persen'),
        k('data_per', 'Data per tanggal', 'tanggal', 'Tanggal data kabupaten/kota itu dibuat (bundel terakhir yang diterima provinsi).'),
      ],
      baris: semua.map((w) => ({
        kode_wilayah: w.kode,
        nama_wilayah: w.nama,
        kelompok_aktif: w.ringkasan.kelompok_aktif,
        anggota: w.ringkasan.anggota,
        persen_dtsen: w.ringkasan.persen_dtsen,
        persen_desil_1_4: w.ringkasan.persen_desil_1_4,
        omzet_bulan: w.ringkasan.omzet_bulan,
        omzet_tahun_berjalan: w.ringkasan.omzet_tahun,
        penjualan_offtaker_bulan: w.ringkasan.penjualan_offtaker_bulan,
        perjanjian_aktif: w.ringkasan.perjanjian_aktif,
        nilai_perjanjian_bulan: w.ringkasan.nilai_perjanjian_bulan,
        nilai_perjanjian_sppg_bulan: w.ringkasan.nilai_perjanjian_sppg_bulan,
        kepatuhan_pelaporan: w.ringkasan.kepatuhan,
        data_per: w.data_per,
      })),
    },
    {
      id: 'omzet-bulanan',
      judul: 'Omzet dan laba per bulan (24 bulan)',
      deskripsi: 'Jumlah omzet dan laba (omzet dikurangi biaya) kelompok binaan per bulan, dari laporan bulanan yang diajukan.',
      kolom: [KODE, NAMA, k('periode', 'Bulan', 'periode', 'Bulan laporan (YYYY-MM).'), k('omzet', 'Omzet', 'rupiah', 'Jumlah omzet.', 'rupiah'), k('laba', 'Laba', 'rupiah', 'Omzet dikurangi biaya.', 'rupiah')],
      baris: semua.flatMap((w) => w.seri_omzet.map((s) => ({ kode_wilayah: w.kode, nama_wilayah: w.nama, periode: s.periode, omzet: s.omzet, laba: s.laba }))),
    },
    {
      id: 'kelompok-per-sektor',
      judul: 'Kelompok aktif per sektor usaha',
      deskripsi: 'Jumlah kelompok binaan aktif menurut sektor usaha.',
      kolom: [KODE, NAMA, k('sektor', 'Sektor', 'teks', 'Sektor usaha kelompok.'), k('kelompok_aktif', 'Kelompok aktif', 'bilangan', 'Kelompok binaan aktif.', 'kelompok')],
      baris: semua.flatMap((w) => w.sektor.map((s) => ({ kode_wilayah: w.kode, nama_wilayah: w.nama, sektor: s.sektor, kelompok_aktif: s.jumlah }))),
    },
    {
      id: 'desil-dtsen',
      judul: 'Anggota menurut desil DT-SEN',
      deskripsi: 'Anggota yang cocok dengan DT-SEN menurut desil kesejahteraan (1 = 10% termiskin).',
      kolom: [KODE, NAMA, k('desil', 'Desil', 'bilangan', 'Desil DT-SEN, 1 sampai 10.'), k('anggota', 'Anggota', 'bilangan', `Anggota yang cocok di desil itu. ${DISENSOR}`, 'orang')],
      baris: semua.flatMap((w) => w.desil.map((n, i) => ({ kode_wilayah: w.kode, nama_wilayah: w.nama, desil: i + 1, anggota: n }))),
    },
    {
      id: 'kecamatan',
      judul: 'Rincian per kecamatan',
      deskripsi: `Kelompok aktif, anggota dan omzet tahun berjalan ${tahun} per kecamatan.`,
      kolom: [
        k('kode_kabupaten', 'Kode kabupaten/kota', 'kode', 'Kode Kemendagri kabupaten/kota.'),
        k('kode_kecamatan', 'Kode kecamatan', 'kode', 'Kode Kemendagri kecamatan (35.xx.yy).'),
        k('nama_kecamatan', 'Kecamatan', 'teks', 'Nama kecamatan.'),
        k('kelompok_aktif', 'Kelompok aktif', 'bilangan', 'Kelompok binaan aktif.', 'kelompok'),
        k('anggota', 'Anggota', 'bilangan', `Anggota kelompok binaan. ${DISENSOR}`, 'orang'),
        k('omzet_tahun_berjalan', 'Omzet tahun berjalan', 'rupiah', `Jumlah omzet Januari–${formatPeriode(d.bulan)}.`, 'rupiah'),
      ],
      baris: d.kabupaten.flatMap((w) => w.kecamatan.map((c) => ({ kode_kabupaten: w.kode, kode_kecamatan: c.kode, nama_kecamatan: c.nama, kelompok_aktif: c.kelompok_aktif, anggota: c.anggota, omzet_tahun_berjalan: c.omzet_tahun }))),
    },
    {
      id: 'monev-target-realisasi',
      judul: `Target dan realisasi e-monev ${tahun}`,
      deskripsi: `Target indikator tahun ${tahun} (arus dibagi rata per bulan sampai ${formatPeriode(d.bulan)}) dibanding realisasi dari laporan bulanan; katalog indikator versi ${d.regulasi.versi}.`,
      kolom: [
        KODE,
        NAMA,
        k('kode_indikator', 'Kode indikator', 'kode', `Kode indikator di katalog versi ${d.regulasi.versi}.`),
        k('indikator', 'Indikator', 'teks', 'Nama indikator.'),
        k('satuan', 'Satuan', 'teks', 'Satuan indikator.'),
        k('target', 'Target', 'bilangan', 'Target untuk tahun berjalan.'),
        k('realisasi', 'Realisasi', 'bilangan', 'Realisasi dari laporan bulanan.'),
        k('persen', 'Capaian', 'persen', 'Realisasi dibagi target.', 'persen'),
      ],
      baris: d.utama.monev.map((m) => ({ kode_wilayah: m.kode_wilayah, nama_wilayah: m.wilayah, kode_indikator: m.indikator, indikator: m.nama, satuan: m.satuan, target: m.target, realisasi: m.realisasi, persen: m.persen })),
    },
  ];
}

const ORANG = new Set(['anggota']);

function selCsv(v: string | number | null, kolom: string): string {
  if (v === null) return ORANG.has(kolom) ? `<${BATAS_SENSOR}` : '';
  // Numbers stay numbers (a negative one is not a formula); text is neutralised like the app's own CSVs.
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return kutipCsv(netralkanRumus(v), ',');
}

/** RFC 4180 CSV, UTF-8, comma-separated, numbers without thousands separators. */
export function csvDataset(ds: Dataset): string {
  return [ds.kolom.map((c) => c.nama).join(','), ...ds.baris.map((b) => ds.kolom.map((c) => selCsv(b[c.nama] ?? null, c.nama)).join(','))].join('\r\n') + '\r\n';
}

export function metadataDataset(ds: Dataset, d: DataSitus) {
  return {
    id: ds.id,
    judul: ds.judul,
    deskripsi: ds.deskripsi,
    produsen_data: d.produsen,
    program: 'Peti Koin Bermantra (pemberdayaan ekonomi kelompok binaan), Provinsi Jawa Timur',
    periode: d.bulan,
    frekuensi: 'bulanan',
    tanggal_pembaruan: d.tanggal_pembaruan,
    regulasi: { katalog_versi: d.regulasi.versi, nama: d.regulasi.nama, dasar: d.regulasi.regulasi },
    kode_referensi: 'Kode wilayah Kemendagri, Kepmendagri 300.2.2-2138 Tahun 2025',
    lisensi: 'Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)',
    perlindungan_data: `Hanya angka agregat; tanpa NIK, nama, alamat atau nomor telepon (UU 27/2022). Jumlah orang kurang dari ${BATAS_SENSOR} disamarkan.`,
    jumlah_baris: ds.baris.length,
    kolom: ds.kolom,
    distribusi: [
      { format: 'CSV', media_type: 'text/csv; charset=utf-8', berkas: `${ds.id}.csv` },
      { format: 'JSON', media_type: 'application/json', berkas: `${ds.id}.json` },
    ],
  };
}
