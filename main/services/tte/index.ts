// The tte domain's one door: other domains and the API handlers import only this file.
export * from './tte';
export * from './verifikasi';
