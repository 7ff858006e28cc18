import { useState } from 'react';
import { pesanGalat } from '../api';
import { Dialog, Notice, TextField } from './ui';

/** Asks before deleting; the record is only tombstoned and can be restored from "Tampilkan yang terhapus". */
export function KonfirmasiHapus(props: { judul: string; nama: string; onBatal: () => void; onHapus: (alasan: string) => Promise<void> }) {
  const [alasan, setAlasan] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={props.judul} onClose={props.onBatal}>
      <p>
        Hapus <strong>{props.nama}</strong>? Data tidak hilang: ia dipindah ke daftar terhapus dan dapat dipulihkan.
      </p>
      <TextField label="Alasan penghapusan (boleh kosong)" value={alasan} onChange={setAlasan} />
      <Notice kind="error">{error}</Notice>
      <div className="actions">
        <button type="button" onClick={props.onBatal}>
          Batal
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await props.onHapus(alasan);
            } catch (e) {
              setError(pesanGalat(e));
              setBusy(false);
            }
          }}
        >
          Ya, hapus
        </button>
      </div>
    </Dialog>
  );
}
