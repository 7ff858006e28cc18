import { useState, type ReactNode } from 'react';
import { pesanGalat } from '../api';
import { Dialog, Notice, TextField } from './ui';

/**
 * A decision that takes a reason: what it does, the reason, Batal and the action. `kirim` does it; a refusal is shown
 * in the dialog and nothing closes. Used to reopen a report, to return one (province) and to delete a record.
 */
export function DialogAlasan(props: { judul: string; children: ReactNode; label: string; wajib?: boolean; tombol: string; bahaya?: boolean; onBatal: () => void; kirim: (alasan: string) => Promise<unknown> }) {
  const [alasan, setAlasan] = useState('');
  const [galat, setGalat] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={props.judul} onClose={props.onBatal}>
      {props.children}
      <TextField label={props.label} value={alasan} onChange={setAlasan} required={props.wajib} />
      <Notice kind="error">{galat}</Notice>
      <div className="actions">
        <button type="button" onClick={props.onBatal}>
          Batal
        </button>
        <button
          type="button"
          className={props.bahaya ? 'danger' : 'primary'}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await props.kirim(alasan);
            } catch (e) {
              setGalat(pesanGalat(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          {props.tombol}
        </button>
      </div>
    </Dialog>
  );
}
