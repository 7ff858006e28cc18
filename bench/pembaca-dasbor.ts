// A process of officers reading the province-wide dashboard from the server (bench/dashboard.ts forks it, so their
// reads are not delayed by the importing officer's work in the bench's own process): `jumlah` readers, each reading
// from "mulai" until "berhenti" (and at least five times); the latencies go back to the parent.
import { ServerProvinsi } from '../main/api/server-provinsi';
import { hitungDashboardK } from '../main/services/dasbor/dashboard';

const [url, jumlah] = [process.argv[2]!, Number(process.argv[3] ?? 10)];
const pembaca = Array.from({ length: jumlah }, () => new ServerProvinsi(url));
for (const p of pembaca) await p.siap();
let berhenti = false;
process.on('message', async (pesan) => {
  if (pesan === 'berhenti') berhenti = true;
  if (pesan !== 'mulai') return;
  const waktu: number[] = [];
  await Promise.all(
    pembaca.map(async (p) => {
      for (let i = 0; !berhenti || i < 5; i++) {
        const mulai = performance.now();
        await p.baca(hitungDashboardK({}));
        waktu.push(performance.now() - mulai);
      }
    }),
  );
  for (const p of pembaca) await p.tutup();
  process.send!(waktu, () => process.exit(0));
});
process.send!('siap');
