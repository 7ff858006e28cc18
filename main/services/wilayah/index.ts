// The wilayah domain's one door: other domains and the API handlers import only this file.
export * from './nik';
export * from './wilayah';
