import { bulanDari } from '../../../main/common/batas';
import { invoke } from '../api';
import { useLoad } from '../components/ui';

// Hooks and small helpers several pages share. A page never imports another page; what two pages need lives here.

/** All facilitators, for pickers and filters (a kabupaten has tens, not thousands). */
export function useFasilitatorOptions() {
  const { data } = useLoad(() => invoke('fasilitator.list', { per: 500 }), []);
  return (data?.rows ?? []).map((f) => ({ value: f.id, label: f.status === 'aktif' ? f.nama : `${f.nama} (nonaktif)` }));
}

/** All kelompok, for pickers, with their village (the member form fills it from the group). */
export function useKelompokOptions() {
  const { data } = useLoad(() => invoke('kelompok.list', { per: 500 }), []);
  return (data?.rows ?? []).map((k) => ({ value: k.id, label: `${k.nama} (${k.desa_nama})`, desa: k.desa_kode }));
}

/** Last month (TTTT-BB) in Western Indonesian Time, whatever the computer's time zone: the month usually reported. */
export function bulanLalu(now = new Date()): string {
  const [y, m] = bulanDari(now).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
