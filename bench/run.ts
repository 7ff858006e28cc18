// npm run bench [-- NAME]: runs the benches and prints their figures. No pass/fail: targets are read by people.
import { benchDaftarAnggota } from './daftar-anggota';
import { benchRekap } from './rekap';
import { benchProposal } from './proposal';
import { benchSinkron } from './sinkron';
import { benchDtsen } from './dtsen';
import { benchDashboard } from './dashboard';
import { benchAnggotaImpor } from './anggota-impor';
import { benchSitus } from './situs';
import { benchBukuKerja } from './buku-kerja';
import { benchBom } from './bom';
import { benchPeriksa } from './periksa';
import { benchEvaluasi } from './evaluasi';
import { benchRiset } from './riset';

const benches: Record<string, () => Promise<void>> = {
  'daftar-anggota': benchDaftarAnggota,
  rekap: benchRekap,
  proposal: benchProposal,
  sinkron: benchSinkron,
  dtsen: benchDtsen,
  dashboard: benchDashboard,
  'anggota-impor': benchAnggotaImpor,
  situs: benchSitus,
  'buku-kerja': benchBukuKerja,
  bom: benchBom,
  periksa: benchPeriksa,
  evaluasi: benchEvaluasi,
  riset: benchRiset,
};

const only = process.argv[2];
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(`\n== ${name}`);
  await run();
}
