import { useState } from 'react';
import { formatAngka, formatPeriode, formatTanggal } from '../../../../main/common/format';
import { invoke, pesanGalat, simpanBerkas } from '../../api';
import { useStatus } from '../../app-context';
import { Notice, useLoad } from '../../components/ui';

/** Publishes the programme's public dashboard website: a preview, the freshness of each district, one zip. */
export function SitusPage() {
  const { status } = useStatus();
  const provinsi = status.pengaturan.mode === 'provinsi';
  const p = useLoad(() => invoke('situs.pratinjau', {}), []);
  const [pesan, setPesan] = useState('');
  const [galat, setGalat] = useState('');
  const [busy, setBusy] = useState(false);
  const unduh = async () => {
    setBusy(true);
    setPesan('');
    setGalat('');
    try {
      const r = await invoke('situs.unduh', {});
      const disimpan = await simpanBerkas(r);
      if (disimpan) setPesan(`Situs web disimpan: ${disimpan}. Ekstrak berkas zip itu, lalu salin isi folder situs-bermantra ke server web (atau ke flashdisk).`);
    } catch (e) {
      setGalat(pesanGalat(e));
    } finally {
      setBusy(false);
    }
  };
  const x = p.data;
  return (
    <section aria-labelledby="judul-situs">
      <h1 id="judul-situs">Terbitkan situs web</h1>
      <p>
        Situs web dasbor program untuk masyarakat, DPRD, perguruan tinggi mitra dan OPD lain, dibuat dari data di aplikasi ini: {provinsi ? 'peta Jawa Timur, angka utama, halaman setiap kabupaten/kota' : 'angka utama kabupaten/kota ini dan rincian per kecamatan'}, target dan realisasi e-monev, serta data terbuka (CSV dan JSON dengan metadata). Situsnya berupa folder berkas biasa: dapat dibuka langsung dari flashdisk atau disalin ke server web mana pun, tanpa basis data dan tanpa internet.
      </p>
      <p className="muted">
        Hanya angka agregat: tanpa NIK, No. KK, nama anggota atau fasilitator, nama kelompok, alamat atau nomor telepon. Jumlah orang kurang dari 5 ditulis "&lt; 5", dan satu angka lain ikut disamarkan bila angka kecil itu dapat dihitung dari selisih.
      </p>
      <Notice kind="ok">{pesan}</Notice>
      <Notice kind="error">{galat || p.error}</Notice>
      {!x && !p.error && (
        <p role="status" aria-busy="true">
          Menyiapkan pratinjau situs web dari data terbaru…
        </p>
      )}
      {x && (
        <>
          <ul className="cards" aria-label="Isi situs">
            {[
              ['Angka sampai', formatPeriode(x.bulan)],
              ['Diperbarui', formatTanggal(x.tanggal_pembaruan)],
              ['Halaman', formatAngka(x.halaman)],
              ['Dataset terbuka', formatAngka(x.dataset)],
              ['Ukuran', `${formatAngka(Math.ceil(x.byte / 1024))} KB`],
            ].map(([label, nilai]) => (
              <li key={label} className="kartu">
                <span className="card-label">{label}</span>
                <span className="card-value">{nilai}</span>
              </li>
            ))}
          </ul>
          <div className="actions" style={{ justifyContent: 'flex-start' }}>
            <button type="button" className="primary" disabled={busy} aria-busy={busy || undefined} onClick={unduh}>
              {busy ? 'Membuat situs web…' : 'Unduh situs web (.zip)'}
            </button>
          </div>
          {provinsi && (
            <>
              <h2 id="judul-kesegaran">Kesegaran data per kabupaten/kota</h2>
              <table aria-labelledby="judul-kesegaran">
                <thead>
                  <tr>
                    <th scope="col">Kabupaten/kota</th>
                    <th scope="col">Data per (bundel terakhir)</th>
                  </tr>
                </thead>
                <tbody>
                  {x.kabupaten.map((k) => (
                    <tr key={k.kode}>
                      <th scope="row">{k.nama}</th>
                      <td>{k.data_per ? formatTanggal(k.data_per) : 'belum ada bundel'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h2>Pratinjau halaman depan</h2>
          <iframe title="Pratinjau situs web" className="pratinjau-situs" sandbox="" srcDoc={x.html} />
          <h2>Cara menerbitkan</h2>
          <ol>
            <li>Tekan "Unduh situs web (.zip)" dan simpan berkasnya.</li>
            <li>Ekstrak zip itu: isinya satu folder, situs-bermantra.</li>
            <li>Salin isi folder itu ke server web provinsi (hosting statis apa pun), atau serahkan di flashdisk: index.html dapat dibuka langsung di peramban.</li>
            <li>Setiap bulan, setelah bundel kabupaten/kota diimpor, ulangi: berkas yang datanya tidak berubah tetap sama persis.</li>
          </ol>
        </>
      )}
    </section>
  );
}
