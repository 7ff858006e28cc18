// The mitra domain's one door: other domains and the API handlers import only this file.
export * from './catatan';
export * from './mitra';
export * from './perjanjian-dokumen';
export * from './praktik';
export * from './riset';
export * from './pelatihan';
