// Builds db/reference/wilayah.json from the Kemendagri CSVs in ../shared/data (see its README).
// Run once when the reference data changes: node scripts/wilayah.mjs [DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'data');

function readCsv(name) {
  const lines = readFileSync(join(dir, name), 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines.shift().split(',');
  return lines.map((line) => {
    const cells = [];
    let cur = '', quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) { cells.push(cur); cur = ''; }
      else cur += ch;
    }
    cells.push(cur);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

const data = {
  sumber: 'Kepmendagri No. 300.2.2-2138 Tahun 2025 (dataset cahyadsn/wilayah, lisensi MIT)',
  provinsi: readCsv('provinsi.csv').map((r) => [r.kode, r.nama]),
  kabupatenIndonesia: readCsv('kabupaten_kota_indonesia.csv').map((r) => [r.kode, r.nama]),
  kabupatenJatim: readCsv('jatim_kabkota.csv').map((r) => [r.kode, r.nama]),
  kecamatanJatim: readCsv('jatim_kecamatan.csv').map((r) => [r.kode, r.nama]),
  desaJatim: readCsv('jatim_desa_kelurahan.csv').map((r) => [r.kode, r.nama, r.level === 'kelurahan' ? 'K' : 'D']),
};
writeFileSync(join(import.meta.dirname, '..', 'db', 'reference', 'wilayah.json'), JSON.stringify(data));
console.log(Object.entries(data).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.length : v}`).join('\n'));
