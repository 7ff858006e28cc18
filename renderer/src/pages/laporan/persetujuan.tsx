import { bulanLalu } from '../../hooks/pilihan';
import { useState } from 'react';
import { LABEL_STATUS, type LaporanRow } from '../../../../main/common/laporan';
import { formatPeriode, formatRupiah } from '../../../../main/common/format';
import { invoke, pesanGalat } from '../../api';
import { useWilayahKerja } from '../../components/provinsi';
import { DialogAlasan } from '../../components/alasan';
import { MonthField, Notice, useLoad } from '../../components/ui';

// Province: approval up the chain. A district's month is accepted at once, or single reports are returned with a
// reason; the decisions reach the district in its next acknowledgement bundle (Sinkronisasi → tanda terima).

export function PersetujuanView() {
  const kerja = useWilayahKerja();
  const [periode, setPeriode] = useState(bulanLalu);
  const [hanyaDiterima, setHanyaDiterima] = useState(false);
  const [info, setInfo] = useState('');
  const [galat, setGalat] = useState('');
  const [kembalikan, setKembalikan] = useState<LaporanRow | null>(null);
  const [muat, setMuat] = useState(0);
  const list = useLoad(() => (kerja.kabupatenFilter ? invoke('laporan.list', { periode, kabupaten: kerja.kabupatenFilter, hanyaDiterima }) : Promise.resolve([])), [periode, kerja.kabupatenFilter, hanyaDiterima, muat]);
  const terima = async () => {
    setGalat('');
    setInfo('');
    try {
      const r = await invoke('laporan.terima', { kabupaten: kerja.kabupatenFilter!, periode });
      setInfo(`${r.diterima} laporan diterima${r.sudah ? `, ${r.sudah} sudah diterima sebelumnya` : ''}.${r.dilewati.length ? ` Tidak diterima: ${r.dilewati.map((d) => `${d.kelompok} (${d.alasan})`).join('; ')}.` : ''} Keputusan sampai ke kabupaten/kota lewat tanda terima berikutnya.`);
      setMuat((n) => n + 1);
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };
  return (
    <section aria-labelledby="judul-persetujuan">
      <h2 id="judul-persetujuan">Persetujuan laporan</h2>
      <p className="muted">
        Alur: Draf → Diajukan → Diverifikasi (kabupaten/kota) → Diterima atau Dikembalikan (provinsi). Laporan yang dikembalikan dibuka lagi di kabupaten/kota dengan alasannya; yang diterima terkunci di kedua pihak. Keputusan dikirim
        bersama tanda terima (menu Sinkronisasi).
      </p>
      <div className="filters">
        {kerja.filter}
        <MonthField label="Bulan laporan" value={periode} onChange={setPeriode} />
        <label className="check">
          <input type="checkbox" checked={hanyaDiterima} onChange={(e) => setHanyaDiterima(e.target.checked)} /> Hanya yang diterima
        </label>
        <div className="actions">
          <button type="button" className="primary" disabled={!kerja.kabupatenFilter} onClick={terima}>
            Terima semua laporan {formatPeriode(periode)}
          </button>
        </div>
      </div>
      {!kerja.kabupatenFilter && <p role="status">Pilih kabupaten/kota lebih dulu.</p>}
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{galat || list.error}</Notice>
      {!!kerja.kabupatenFilter && (
        <table aria-label={`Laporan ${formatPeriode(periode)} untuk persetujuan`}>
          <thead>
            <tr>
              <th scope="col">Kelompok</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Omzet</th>
              <th scope="col">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.kelompok_nama}</th>
                <td>
                  {LABEL_STATUS[r.status_efektif]}
                  {r.alasan_provinsi && <span className="muted">: {r.alasan_provinsi}</span>}
                </td>
                <td className="num">{typeof r.nilai.omzet === 'number' ? formatRupiah(r.nilai.omzet) : '–'}</td>
                <td>
                  {r.status !== 'draft' && r.status_efektif !== 'dikembalikan' && (
                    <button type="button" onClick={() => setKembalikan(r)}>
                      Kembalikan {r.kelompok_nama}
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {list.data?.length === 0 && (
              <tr>
                <td colSpan={4}>Belum ada laporan bulan ini dari kabupaten/kota ini (impor bundelnya dulu).</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {kembalikan && <Kembalikan laporan={kembalikan} onClose={(done) => (setKembalikan(null), done && (setInfo(`Laporan ${kembalikan.kelompok_nama} dikembalikan.`), setMuat((n) => n + 1)))} />}
    </section>
  );
}

function Kembalikan(props: { laporan: LaporanRow; onClose: (done: boolean) => void }) {
  return (
    <DialogAlasan
      judul={`Kembalikan laporan ${props.laporan.kelompok_nama}`}
      label="Alasan mengembalikan"
      wajib
      tombol="Kembalikan"
      onBatal={() => props.onClose(false)}
      kirim={async (alasan) => {
        await invoke('laporan.kembalikan', { id: props.laporan.id, alasan });
        props.onClose(true);
      }}
    >
      <p>Laporan {formatPeriode(props.laporan.periode)} kembali menjadi draf di kabupaten/kota, dengan alasan ini. Setelah diperbaiki dan diajukan lagi, laporan itu dapat diterima.</p>
    </DialogAlasan>
  );
}
