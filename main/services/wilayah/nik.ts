import type { NikInfo } from '../../common/nik-info';
import { adaWilayah, namaWilayah } from './wilayah';

/** 1992-11-28 → 28/11/1992: dates in messages read as the date fields are typed (hh/bb/tttt). */
const hbt = (iso: string | null | undefined) => (iso ? iso.split('-').reverse().join('/') : '');

export interface NikCompare {
  jenisKelamin?: 'L' | 'P' | null;
  tanggalLahir?: string | null;
  /** For tests: "today", to resolve the century of a two-digit year. */
  today?: Date;
}

/**
 * Reads a NIK: 16 digits; 1–2 province, 3–4 kabupaten/kota, 5–6 kecamatan (Kemendagri codes);
 * 7–12 birth date DDMMYY with 40 added to the day for women; 13–16 a serial, never 0000.
 * An unknown kecamatan is only a warning: NIKs issued before a region split keep their old codes.
 */
export function periksaNik(raw: string, compare: NikCompare = {}): NikInfo {
  const nik = raw.replace(/[\s.-]/g, '');
  const info: NikInfo = {
    valid: false,
    errors: [],
    warnings: [],
    provinsi: null,
    kabupaten: null,
    kecamatan: null,
    tanggalLahir: null,
    jenisKelamin: null,
    namaProvinsi: null,
    namaKabupaten: null,
    namaKecamatan: null,
  };
  if (/^\d(\.\d+)?e\+?\d+$/i.test(raw.trim())) {
    info.errors.push(`NIK tertulis dalam notasi ilmiah (${raw.trim()}): angkanya sudah rusak oleh Excel. Ketik ulang NIK dari KTP/KK dan format kolomnya sebagai Teks.`);
    return info;
  }
  if (!/^\d{16}$/.test(nik)) {
    info.errors.push(nik.length === 0 ? 'NIK wajib diisi.' : /\D/.test(nik) ? 'NIK hanya boleh berisi angka.' : `NIK harus 16 angka (tertulis ${nik.length} angka).`);
    return info;
  }
  const prov = nik.slice(0, 2);
  const kab = `${prov}.${nik.slice(2, 4)}`;
  const kec = `${kab}.${nik.slice(4, 6)}`;
  info.provinsi = prov;
  info.kabupaten = kab;
  info.kecamatan = kec;
  info.namaProvinsi = namaWilayah(prov);
  info.namaKabupaten = namaWilayah(kab);
  info.namaKecamatan = namaWilayah(kec);
  if (!adaWilayah(prov)) info.errors.push(`Kode provinsi ${prov} (angka 1–2 NIK) tidak ada. Periksa kembali NIK pada KTP/KK.`);
  else if (!adaWilayah(kab)) info.errors.push(`Kode kabupaten/kota ${kab.replace('.', '')} (angka 1–4 NIK) tidak ada di ${info.namaProvinsi}. Periksa kembali NIK pada KTP/KK.`);
  else if (prov === '35' && !adaWilayah(kec)) {
    info.warnings.push(`Kode kecamatan ${nik.slice(0, 6)} tidak ada dalam daftar kecamatan terbaru; bisa jadi NIK lama sebelum pemekaran wilayah.`);
  }

  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = day > 40;
  if (female) day -= 40;
  const today = compare.today ?? new Date();
  const century = yy > today.getFullYear() % 100 ? 1900 : 2000;
  const year = century + yy;
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDate = day >= 1 && month >= 1 && month <= 12 && date.getUTCDate() === day && date.getUTCMonth() === month - 1;
  if (!realDate) {
    info.errors.push(`Angka 7–12 NIK (${nik.slice(6, 12)}) bukan tanggal lahir yang sah (hari 01–31, atau 41–71 untuk perempuan; bulan 01–12).`);
  } else {
    info.tanggalLahir = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    info.jenisKelamin = female ? 'P' : 'L';
  }
  if (nik.slice(12) === '0000') info.errors.push('Nomor urut NIK (angka 13–16) tidak boleh 0000.');

  if (info.jenisKelamin && compare.jenisKelamin && compare.jenisKelamin !== info.jenisKelamin) {
    info.warnings.push(`Menurut NIK, pemiliknya ${info.jenisKelamin === 'P' ? 'perempuan' : 'laki-laki'}, tetapi jenis kelamin yang diisi ${compare.jenisKelamin === 'P' ? 'perempuan' : 'laki-laki'}.`);
  }
  if (info.tanggalLahir && compare.tanggalLahir && compare.tanggalLahir !== info.tanggalLahir) {
    info.warnings.push(`Menurut NIK, tanggal lahirnya ${hbt(info.tanggalLahir)}, tetapi yang diisi ${hbt(compare.tanggalLahir)}.`);
  }
  info.valid = info.errors.length === 0;
  return info;
}

/** Builds a valid NIK (for synthetic data): kecamatan code "35.07.01", birth date, sex, serial. */
export function buatNik(kecamatan: string, tanggalLahir: string, jenisKelamin: 'L' | 'P', serial: number): string {
  const [y, m, d] = tanggalLahir.split('-');
  const day = Number(d) + (jenisKelamin === 'P' ? 40 : 0);
  return `${kecamatan.replace(/\./g, '')}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(serial).padStart(4, '0')}`;
}
