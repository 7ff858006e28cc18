// The dasbor domain's one door: other domains and the API handlers import only this file.
export * from './dashboard';
export * from './evaluasi';
export * from './evaluasi-dokumen';
export * from './monev-dokumen';
export * from './statistik';
