// One research extract in a process of its own, so its peak memory (maxRSS) is its own: npm run bench -- riset.
import { openDatabase } from '../db/connection';
import { buatEkstrakRiset } from '../main/services/mitra';

const [db, mou, out, zip] = process.argv.slice(2) as [string, string, string, string];
const d = openDatabase(db, { backupBeforeMigrate: false });
const awal = process.resourceUsage().maxRSS;
const t = performance.now();
const r = await buatEkstrakRiset(d, mou, out, { zip: zip === 'zip' });
console.log(JSON.stringify({ detik: (performance.now() - t) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, awalMb: awal / 1024, tabel: r.tabel }));
d.close();
