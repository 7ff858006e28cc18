/** What a NIK says about its holder (see main/services/wilayah/nik.ts). Field names are a stable CLI interface. */
export interface NikInfo {
  valid: boolean;
  errors: string[];
  warnings: string[];
  provinsi: string | null;
  kabupaten: string | null;
  kecamatan: string | null;
  tanggalLahir: string | null;
  jenisKelamin: 'L' | 'P' | null;
  namaProvinsi: string | null;
  namaKabupaten: string | null;
  namaKecamatan: string | null;
}
