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

/**
 * The actions on one record of a list: "Pulihkan" while the list shows deleted records, otherwise "Ubah"
 * and "Hapus". After a restore it says so through `onDipulihkan`; a restore that fails (a NIK or a name
 * taken meanwhile, or restored elsewhere first) is reported through `onGalat`.
 */
export function AksiRekaman(props: { nama: string; terhapus: boolean; onUbah: () => void; onHapus: () => void; pulihkan: () => Promise<unknown>; onDipulihkan: (pesan: string) => void; onGalat: (pesan: string) => void }) {
  const [busy, setBusy] = useState(false);
  if (props.terhapus) {
    return (
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          props.onGalat('');
          try {
            await props.pulihkan();
            props.onDipulihkan(`${props.nama} dipulihkan.`);
          } catch (e) {
            props.onGalat(pesanGalat(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        Pulihkan {props.nama}
      </button>
    );
  }
  return (
    <>
      <button type="button" onClick={props.onUbah} aria-label={`Ubah ${props.nama}`}>
        Ubah
      </button>
      <button type="button" className="danger" onClick={() => (props.onGalat(''), props.onHapus())} aria-label={`Hapus ${props.nama}`}>
        Hapus
      </button>
    </>
  );
}
