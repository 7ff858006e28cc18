// The sinkron domain's one door: other domains and the API handlers import only this file.
export * from './berkas';
export { imporBundelServer } from './impor-server';
export { bungkusKunciServerK, pelindungFrasa, pelindungServer } from './kunci-server';
export { bundelReferensiK, segelReferensi, segelTandaTerima, tandaTerimaK } from './referensi';
export * from './bundle';
export * from './info';
export * from './kunci';
export * from './provinsi';
