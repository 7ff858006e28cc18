// The sync domain's public surface: bundles between a district and the province.
//   amplop.ts     the envelope: layout, signature, encryption, manifest
//   muatan.ts     the payload of a data bundle (SQLite, columns from the record register)
//   ekspor.ts     district: the changes since the last acknowledgement
//   impor.ts      province: check the sender and every row, then apply in one transaction
//   referensi.ts  province → districts: acknowledgements and reference data
//   kunci.ts      keys and identities; info.ts, provinsi.ts: what the sync page shows
export { periksaBundel, susun, uraikan, type HeaderBundel, type JenisBundel, type Manifest } from './amplop';
export { eksporBundel, type HasilEkspor } from './ekspor';
export { imporBundel } from './impor';
export { buatBundelReferensi, buatTandaTerima } from './referensi';
