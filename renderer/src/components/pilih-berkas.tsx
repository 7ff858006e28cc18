import { useState } from 'react';
import type { FileRef } from '../../../main/common/contract-kit';
import { isElectron, pesanGalat, pilihBerkas } from '../api';
import { Field, Notice } from './ui';

/** Picks a file through whichever door this page has (native dialog in Electron, file input in the browser). */
export function PilihBerkas(props: { label: string; accept: string; onPick: (file: FileRef) => void; busy?: boolean; tombol?: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [galat, setGalat] = useState('');
  const go = async () => {
    try {
      const ref = await pilihBerkas(file, [{ name: props.label, extensions: props.accept.split(',').map((e) => e.replace('.', '')) }]);
      if (ref) props.onPick(ref);
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };
  return (
    <div className="row2">
      {!isElectron() && <Field label={props.label}>{(id) => <input id={id} type="file" accept={props.accept} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}</Field>}
      <div className="actions">
        <button type="button" disabled={props.busy || (!isElectron() && !file)} onClick={go}>
          {props.tombol ?? (isElectron() ? `Pilih ${props.label.toLowerCase()}…` : `Baca ${props.label.toLowerCase()}`)}
        </button>
      </div>
      <Notice kind="error">{galat}</Notice>
    </div>
  );
}

