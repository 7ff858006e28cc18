import { IsiDefinisi, useKamus } from '../../components/definisi';
import { Notice } from '../../components/ui';

/** Every figure the programme prints, its definition, the quality rules and the approval chain, on one page. */
export function DefinisiPage() {
  const k = useKamus();
  return (
    <section aria-labelledby="judul-definisi">
      <h1 id="judul-definisi">Definisi angka</h1>
      <p className="muted">Satu angka, satu definisi: setiap angka di aplikasi, dokumen, e-monev, provinsi dan situs web publik dihitung menurut definisi di halaman ini.</p>
      <Notice kind="error">{k.error}</Notice>
      {k.data && (
        <>
          <h2 id="judul-angka">Angka</h2>
          {k.data.angka.map((d) => (
            <section key={d.kode} aria-label={d.nama} className="kartu-definisi">
              <h3>
                {d.nama} {d.satuan && <span className="muted">({d.satuan})</span>}
              </h3>
              <IsiDefinisi d={d} />
            </section>
          ))}
          <h2 id="judul-aturan">Aturan mutu data</h2>
          <table aria-labelledby="judul-aturan">
            <thead>
              <tr>
                <th scope="col">Aturan</th>
                <th scope="col">Tingkat</th>
              </tr>
            </thead>
            <tbody>
              {k.data.aturan.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.uraian}</th>
                  <td>{a.tingkat === 'galat' ? 'Galat: menghalangi pengajuan' : 'Peringatan: perlu catatan konfirmasi'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>Aturan yang nilainya belum diisi dilewati, dan laporan pemeriksaan menyebutnya.</p>
          <h2>Angka yang tidak biasa (pencilan)</h2>
          <p>{k.data.pencilan}</p>
          <h2>Alur persetujuan laporan</h2>
          <p>{k.data.persetujuan}</p>
        </>
      )}
    </section>
  );
}
