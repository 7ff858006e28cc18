// The laporan domain's one door: other domains and the API handlers import only this file.
export * from './buku-kerja';
export * from './buku-kerja-impor';
export * from './dokumen';
export * from './foto';
export * from './laporan';
export * from './mutu';
export * from './persetujuan';
export * from './rekap';
