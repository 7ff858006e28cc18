// The pengaturan domain's one door: other domains and the API handlers import only this file.
export * from './audit';
export * from './pengaturan';
export * from './versi';
export * from './cadangan';
export * from './surat-keluar';
