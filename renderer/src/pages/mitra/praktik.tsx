import { useState } from 'react';
import { formatTanggal } from '../../../../main/common/format';
import { invoke, pesanGalat } from '../../api';
import { useWilayahKerja } from '../../components/provinsi';
import { Notice, useLoad } from '../../components/ui';

/**
 * Best practices between districts. At the province: every district's practices, each marked to share with every
 * district (in the reference bundle) and to publish on the website. At a district: those the province shared, read-only.
 */
export function PraktikBersama() {
  const kerja = useWilayahKerja();
  const list = useLoad(() => invoke('praktik.bersama', {}), []);
  const [galat, setGalat] = useState('');
  const tandai = async (id: string, bagikan: boolean, terbitkan: boolean) => {
    setGalat('');
    try {
      await invoke('praktik.tandai', { id, bagikan, terbitkan });
      list.reload();
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };
  const judul = kerja.provinsi ? 'Bagikan praktik baik kabupaten/kota' : 'Praktik baik dari kabupaten/kota lain';
  return (
    <section aria-labelledby="judul-praktik-bersama">
      <h2 id="judul-praktik-bersama">{judul}</h2>
      <p className="muted">
        {kerja.provinsi
          ? 'Yang dibagikan ikut bundel referensi ke setiap kabupaten/kota; yang diterbitkan tampil di situs web publik. Nama kelompok hanya tampil bila kabupaten/kotanya mencentang "Tampilkan di situs web publik".'
          : 'Dikirim provinsi lewat bundel referensi; hanya untuk dibaca.'}
      </p>
      <Notice kind="error">{galat || list.error}</Notice>
      <table aria-labelledby="judul-praktik-bersama">
        <thead>
          <tr>
            <th scope="col">Praktik baik</th>
            <th scope="col">Kabupaten/kota</th>
            <th scope="col">Tanggal</th>
            <th scope="col">Cerita</th>
            {kerja.provinsi && <th scope="col">Bagikan / terbitkan</th>}
          </tr>
        </thead>
        <tbody>
          {list.data?.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.judul}
                {p.kelompok_nama && <div className="muted">{p.kelompok_nama}</div>}
              </th>
              <td>{p.kabupaten_nama}</td>
              <td>{formatTanggal(p.tanggal)}</td>
              <td>{p.cerita}</td>
              {kerja.provinsi && (
                <td>
                  <label className="check">
                    <input type="checkbox" checked={p.bagikan} onChange={(e) => void tandai(p.id, e.target.checked, p.terbitkan && e.target.checked)} /> Bagikan {p.judul}
                  </label>
                  <label className="check">
                    <input type="checkbox" checked={p.terbitkan} disabled={!p.bagikan} onChange={(e) => void tandai(p.id, p.bagikan, e.target.checked)} /> Terbitkan {p.judul} di situs web
                  </label>
                </td>
              )}
            </tr>
          ))}
          {list.data?.length === 0 && (
            <tr>
              <td colSpan={5}>{kerja.provinsi ? 'Belum ada praktik baik dari kabupaten/kota.' : 'Belum ada praktik baik yang dibagikan provinsi.'}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
