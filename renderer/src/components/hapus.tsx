import { useState } from 'react';
import { pesanGalat } from '../api';
import { DialogAlasan } from './alasan';

/** Asks before deleting; the record is only tombstoned and can be restored from "Tampilkan yang terhapus". */
export function KonfirmasiHapus(props: { judul: string; nama: string; onBatal: () => void; onHapus: (alasan: string) => Promise<void> }) {
  return (
    <DialogAlasan judul={props.judul} label="Alasan penghapusan (boleh kosong)" tombol="Ya, hapus" bahaya onBatal={props.onBatal} kirim={props.onHapus}>
      <p>
        Hapus <strong>{props.nama}</strong>? Data tidak hilang: ia dipindah ke daftar terhapus dan dapat dipulihkan.
      </p>
    </DialogAlasan>
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
