import type { DefinisiAngka, Kamus } from '../../../main/common/kamus';
import { invoke } from '../api';
import { useLoad } from './ui';

// "Definisi" beside a figure: what it counts, how, which reports and groups, as the dictionary of figures
// (main/common/kamus.ts) says — the same words as the documents and the public website.

let kamus: Promise<Kamus> | null = null;

/** The dictionary, read once per window. */
export function useKamus() {
  return useLoad(() => (kamus ??= invoke('laporan.kamus', {}).catch((e) => ((kamus = null), Promise.reject(e)))), []);
}

export function IsiDefinisi({ d }: { d: DefinisiAngka }) {
  return (
    <dl className="definisi-isi">
      <dt>Definisi</dt>
      <dd>{d.definisi}</dd>
      <dt>Cara menghitung</dt>
      <dd>{d.rumus}</dd>
      <dt>Laporan yang dihitung</dt>
      <dd>{d.laporan}</dd>
      <dt>Kelompok yang dihitung</dt>
      <dd>{d.kelompok}</dd>
      <dt>Tanggal acuan</dt>
      <dd>{d.acuan}</dd>
      <dt>Atas bulan</dt>
      <dd>{d.bulan}</dd>
      <dt>Atas wilayah</dt>
      <dd>
        {d.wilayah}
        {d.bolehDijumlah ? '' : ' (tidak dijumlahkan menjadi satu angka)'}
      </dd>
    </dl>
  );
}

/** A "Definisi" disclosure for one figure of the dictionary. */
export function Definisi({ kode, label }: { kode: string; label: string }) {
  const k = useKamus();
  const d = k.data?.angka.find((x) => x.kode === kode);
  if (!d) return null;
  return (
    <details className="definisi">
      <summary aria-label={`Definisi ${label}`}>Definisi</summary>
      <IsiDefinisi d={d} />
    </details>
  );
}
