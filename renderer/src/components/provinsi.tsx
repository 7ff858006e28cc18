import { useState } from 'react';
import { invoke } from '../api';
import { useStatus } from '../app-context';
import { SelectField, useLoad } from './ui';

/**
 * In province mode every list is read-only and gets a kabupaten/kota filter; in a district it is
 * the installation's own kabupaten. `kabupaten` is what region pickers and queries should use.
 */
export function useWilayahKerja() {
  const { status } = useStatus();
  const provinsi = status.pengaturan.mode === 'provinsi';
  const [pilihan, setPilihan] = useState('');
  const list = useLoad(() => (provinsi ? invoke('wilayah.kabupaten', {}) : Promise.resolve([])), [provinsi]);
  const filter = provinsi ? (
    <SelectField label="Kabupaten/Kota" value={pilihan} onChange={setPilihan} empty="Semua kabupaten/kota" options={(list.data ?? []).map((k) => ({ value: k.kode, label: k.nama }))} />
  ) : null;
  return {
    provinsi,
    /** For queries: null = all (province) */
    kabupatenFilter: provinsi ? pilihan || null : null,
    /** For region pickers: empty when the province has not chosen one */
    kabupatenWilayah: provinsi ? pilihan : status.pengaturan.kabupaten_kode!,
    filter,
    /** Choose a kabupaten/kota (province), e.g. from a click on the map. */
    pilih: setPilihan,
    /** The name of a kabupaten/kota by its code (province lists name each row's district). */
    nama: (kode: string) => (list.data ?? []).find((k) => k.kode === kode)?.nama ?? kode,
  };
}
