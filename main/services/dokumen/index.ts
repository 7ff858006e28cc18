// The dokumen domain's one door: other domains and the API handlers import only this file.
export * from './csv';
export * from './ekstrak';
export * from './lembar-bertahap';
export * from './pdf';
export * from './spreadsheet';
export * from './surat';
export * from './zip-aman';
