// The anggota domain's one door: other domains and the API handlers import only this file.
export * from './anggota';
export * from './ekspor';
export * from './impor';
