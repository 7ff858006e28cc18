// One-off correction of ../shared/data/jatim_kabkota.geojson into main/common/grafik/jatim_kabkota.json (run again
// only when the reference file changes: `npm i --no-save polygon-clipping@0.15.7 && node scripts/peta-jatim.mjs`).
//
// The reference file has two defects that a choropleth shows at once:
// 1. Kabupaten Blitar (35.05) and Kota Blitar (35.72) carry each other's shapes (the kabupaten was a 0.003 deg²
//    enclave, the kota 0.145 deg²): the codes and names are swapped back.
// 2. Kabupaten Jember (35.09) holds only the former Kota Administratif Jember (0.008 deg², the city centre). Its real
//    land borders are the borders of its neighbours (Lumajang, Probolinggo, Bondowoso, Situbondo, Banyuwangi), so
//    Jember is rebuilt as the land between them, closed in the south by an approximate coastline (Puger, Watu Ulo,
//    Papuma, to the Banyuwangi border at Meru Betiri); Nusa Barung island is not drawn. Good for a map of the
//    province; not a survey line.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const pc = require(process.env.POLYGON_CLIPPING ?? 'polygon-clipping');

const src = JSON.parse(readFileSync(new URL('../../shared/data/jatim_kabkota.geojson', import.meta.url), 'utf8'));
const polys = (f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);
const by = (k) => src.features.find((f) => f.properties.kode === k);

const blitarKab = by('35.05');
const blitarKota = by('35.72');
[blitarKab.geometry, blitarKota.geometry] = [blitarKota.geometry, blitarKab.geometry];

const jember = by('35.09');
const pantai = [
  [113.25, -7.9], [114.25, -7.9], [114.25, -8.4], [113.87, -8.565], [113.8, -8.53], [113.7, -8.48], [113.62, -8.445],
  [113.55, -8.435], [113.5, -8.4], [113.47, -8.37], [113.4, -8.33], [113.31, -8.3], [113.25, -8.2], [113.25, -7.9],
];
const lain = src.features.filter((f) => f !== jember).flatMap(polys);
const sisa = pc.union(pc.difference([pantai], ...lain), polys(jember));
const luas = (ring) => Math.abs(ring.reduce((a, p, i) => (i ? a + ring[i - 1][0] * p[1] - p[0] * ring[i - 1][1] : 0), 0) / 2);
const terbesar = sisa.sort((a, b) => luas(b[0]) - luas(a[0]))[0];
const bulat = (ring) => ring.map(([x, y]) => [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5]);
jember.geometry = { type: 'Polygon', coordinates: terbesar.map(bulat) };
console.log(`Jember: ${terbesar[0].length} titik, ${luas(terbesar[0]).toFixed(3)} deg² (${sisa.length} potongan, sisanya dibuang)`);

writeFileSync(new URL('../main/common/grafik/jatim_kabkota.json', import.meta.url), JSON.stringify(src));
