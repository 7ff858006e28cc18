import { useEffect, useState } from 'react';
import { invoke, kecilkanFoto, pesanGalat, unggah } from '../../api';
import { DialogAlasan } from '../../components/alasan';
import { Dialog, Notice, TextField, useLoad } from '../../components/ui';
import type { Row } from './lembar';

// The dialogs of a report row: reopening a submitted report with a reason, and its activity photos.

/** Reopens a submitted report as a draft; the reason goes to the audit trail. */
export function BukaKembali(props: { row: Row; onClose: (done: boolean) => void }) {
  return (
    <DialogAlasan
      judul={`Buka kembali laporan ${props.row.baris.kelompok.nama}`}
      label="Alasan membuka kembali"
      wajib
      tombol="Buka kembali"
      onBatal={() => props.onClose(false)}
      kirim={async (alasan) => {
        await invoke('laporan.bukaKembali', { id: props.row.baris.laporan!.id, alasan });
        props.onClose(true);
      }}
    >
      <p>Laporan yang sudah {props.row.baris.laporan!.status} akan kembali menjadi draft dan dapat diubah. Alasannya dicatat di riwayat.</p>
    </DialogAlasan>
  );
}

/** The photos of a month's activity: added (made smaller first), shown, removed while the report is a draft. */
export function FotoLaporan(props: { laporanId: string; nama: string; terkunci: boolean; onClose: () => void }) {
  const list = useLoad(() => invoke('laporan.foto', { laporan_id: props.laporanId }), [props.laporanId]);
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [keterangan, setKeterangan] = useState('');
  const [galat, setGalat] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    for (const f of list.data ?? []) {
      if (!urls[f.id]) void invoke('laporan.fotoData', { id: f.id }).then((d) => setUrls((u) => ({ ...u, [f.id]: d.dataUrl })));
    }
  }, [list.data, urls]);
  return (
    <Dialog title={`Foto kegiatan ${props.nama}`} onClose={props.onClose} wide>
      <p>Paling banyak 4 foto per laporan. Foto dikecilkan otomatis (paling besar 1280 piksel, sekitar 200 KB) dan tampil di PDF laporan bulanan.</p>
      <ul className="photos">
        {list.data?.map((f) => (
          <li key={f.id}>
            {urls[f.id] ? <img src={urls[f.id]} alt={f.keterangan ?? `Foto kegiatan ${props.nama}`} /> : <span>Memuat…</span>}
            <div>{f.keterangan}</div>
            {!props.terkunci && (
              <button type="button" className="danger" onClick={async () => (await invoke('laporan.fotoHapus', { id: f.id }), list.reload())}>
                Hapus foto
              </button>
            )}
          </li>
        ))}
      </ul>
      {!props.terkunci && (list.data?.length ?? 0) < 4 && (
        <div className="row2">
          <TextField label="Keterangan foto" value={keterangan} onChange={setKeterangan} />
          <label className="field">
            <span>Tambah foto</span>
            <input
              type="file"
              accept="image/jpeg,image/png"
              disabled={busy}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                setBusy(true);
                setGalat('');
                try {
                  const kecil = await kecilkanFoto(file);
                  const berkas = await unggah(kecil, file.name.replace(/\.\w+$/, '') + '.jpg');
                  await invoke('laporan.fotoTambah', { laporan_id: props.laporanId, berkas, keterangan: keterangan || null });
                  setKeterangan('');
                  list.reload();
                } catch (err) {
                  setGalat(pesanGalat(err));
                } finally {
                  setBusy(false);
                }
              }}
            />
          </label>
        </div>
      )}
      <Notice kind="error">{galat || list.error}</Notice>
    </Dialog>
  );
}
