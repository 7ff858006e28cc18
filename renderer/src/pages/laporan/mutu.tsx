import { useState } from 'react';
import type { Indikator, Masalah } from '../../../../main/common/laporan';
import { formatDesimal, formatPeriode, formatRupiah } from '../../../../main/common/format';
import { invoke, pesanGalat } from '../../api';
import { Dialog, Notice, TextField, useLoad } from '../../components/ui';

// A flagged value of the monthly grid (an outlier, a rule's warning): the finding, the group's last 12 months of that
// indicator as the yardstick, and the confirmation with a note that clears the flag and travels with the report.

function angka(i: Indikator | undefined, v: number | null): string {
  if (v === null) return '–';
  return i?.tipe === 'rupiah' ? formatRupiah(v) : formatDesimal(v);
}

export function KonfirmasiNilai(props: { laporanId: string; kelompokId: string; kelompokNama: string; periode: string; indikator: Indikator | undefined; masalah: Masalah; onClose: (done: boolean) => void }) {
  const kode = props.masalah.kode;
  const riwayat = useLoad(() => invoke('laporan.riwayat', { kelompok_id: props.kelompokId, indikator: kode, periode: props.periode }), [props.kelompokId, kode, props.periode]);
  const [catatan, setCatatan] = useState('');
  const [galat, setGalat] = useState('');
  const [busy, setBusy] = useState(false);
  const nama = props.indikator?.nama ?? kode;
  return (
    <Dialog title={`Periksa ${nama.toLowerCase()} ${props.kelompokNama}`} onClose={() => props.onClose(false)}>
      <p className="warn-text">⚠ {props.masalah.pesan}</p>
      <table aria-label={`${nama} ${props.kelompokNama} 12 bulan terakhir`}>
        <caption>
          {nama} {props.kelompokNama}, 12 bulan sebelum {formatPeriode(props.periode)} (laporan yang diajukan atau diverifikasi)
        </caption>
        <thead>
          <tr>
            <th scope="col">Bulan</th>
            <th scope="col" className="num">{nama}</th>
          </tr>
        </thead>
        <tbody>
          {(riwayat.data ?? []).map((r) => (
            <tr key={r.periode}>
              <th scope="row">{formatPeriode(r.periode)}</th>
              <td className="num">{angka(props.indikator, r.nilai)}</td>
            </tr>
          ))}
          {riwayat.data?.length === 0 && (
            <tr>
              <td colSpan={2}>Belum ada laporan bulan sebelumnya.</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="muted">Bila angkanya salah, tutup jendela ini dan perbaiki selnya. Bila benar, tulis alasannya; catatan ikut dikirim ke provinsi.</p>
      <TextField label="Catatan konfirmasi" value={catatan} onChange={setCatatan} required />
      <Notice kind="error">{galat}</Notice>
      <div className="actions">
        <button type="button" onClick={() => props.onClose(false)}>
          Perbaiki angkanya
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await invoke('laporan.konfirmasi', { id: props.laporanId, indikator: kode, catatan });
              props.onClose(true);
            } catch (e) {
              setGalat(pesanGalat(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          Konfirmasi angka ini benar
        </button>
      </div>
    </Dialog>
  );
}
