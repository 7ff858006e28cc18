import { useEffect, useState } from 'react';
import type { Wilayah } from '../../../main/common/api';
import { invoke } from '../api';
import { SelectField } from './ui';

const cache = new Map<string, Promise<Wilayah[]>>();
function load(kind: 'kecamatan' | 'desa', parent: string): Promise<Wilayah[]> {
  const key = `${kind}:${parent}`;
  let promise = cache.get(key);
  if (!promise) {
    promise = kind === 'kecamatan' ? invoke('wilayah.kecamatan', { kabupaten: parent }) : invoke('wilayah.desa', { kecamatan: parent });
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return promise;
}

export function useWilayah(kind: 'kecamatan' | 'desa', parent: string | null | undefined): Wilayah[] {
  const [list, setList] = useState<Wilayah[]>([]);
  useEffect(() => {
    let live = true;
    if (!parent) setList([]);
    else load(kind, parent).then((l) => live && setList(l), () => live && setList([]));
    return () => {
      live = false;
    };
  }, [kind, parent]);
  return list;
}

/** Kecamatan → desa/kelurahan, cascading from the installation's kabupaten (Kemendagri codes). */
export function WilayahPicker(props: {
  kabupaten: string;
  kecamatan: string;
  desa: string;
  onChange: (value: { kecamatan: string; desa: string }) => void;
  desaLabel?: string;
  kecamatanLabel?: string;
  requireDesa?: boolean;
  errors?: { kecamatan?: string | undefined; desa?: string | undefined };
  emptyLabel?: string;
}) {
  const kecamatan = useWilayah('kecamatan', props.kabupaten);
  const desa = useWilayah('desa', props.kecamatan || null);
  return (
    <>
      <SelectField
        label={props.kecamatanLabel ?? 'Kecamatan'}
        value={props.kecamatan}
        empty={props.emptyLabel ?? '— pilih kecamatan —'}
        options={kecamatan.map((k) => ({ value: k.kode, label: k.nama }))}
        error={props.errors?.kecamatan}
        onChange={(v) => props.onChange({ kecamatan: v, desa: '' })}
      />
      <SelectField
        label={props.desaLabel ?? 'Desa/Kelurahan'}
        value={props.desa}
        empty={props.kecamatan ? (props.emptyLabel ?? '— pilih desa/kelurahan —') : 'pilih kecamatan dulu'}
        disabled={!props.kecamatan}
        required={props.requireDesa}
        options={desa.map((d) => ({ value: d.kode, label: d.nama }))}
        error={props.errors?.desa}
        onChange={(v) => props.onChange({ kecamatan: props.kecamatan, desa: v })}
      />
    </>
  );
}
