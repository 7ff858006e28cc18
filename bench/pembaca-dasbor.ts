// A process of officers reading the province-wide dashboard from the server (bench/dashboard.ts forks it, so their
// reads are not delayed by the importing officer's work in the bench's own process): `jumlah` readers, each its own
// app context on the server, asking for the home screen as the window does (dispatch 'dashboard.get'), from "mulai"
// until "berhenti" (and at least five times); the latencies go back to the parent.
import { AppContext } from '../main/api/context';
import { dispatch } from '../main/api/dispatch';
import { platformNode } from '../main/api/platform';

const [url, jumlah] = [process.argv[2]!, Number(process.argv[3] ?? 10)];
const pembaca = Array.from({ length: jumlah }, () => new AppContext(url, platformNode('uji')));
for (const p of pembaca) await p.server!.siap();
let berhenti = false;
process.on('message', async (pesan) => {
  if (pesan === 'berhenti') berhenti = true;
  if (pesan !== 'mulai') return;
  const waktu: number[] = [];
  await Promise.all(
    pembaca.map(async (p) => {
      for (let i = 0; !berhenti || i < 5; i++) {
        const mulai = performance.now();
        const r = await dispatch(p, 'dashboard.get', {});
        if (!r.ok) throw new Error(r.error.message);
        waktu.push(performance.now() - mulai);
      }
    }),
  );
  for (const p of pembaca) p.close();
  process.send!(waktu, () => process.exit(0));
});
process.send!('siap');
