import { formatAngka, formatDesimal, formatPeriode, formatPersenAtau, formatRupiah, formatTanggal } from '../../../../main/common/format';
import type { SisiBukti } from '../../../../main/common/api';
import { invoke } from '../../api';
import { CatatanPage } from '../../components/catatan';
import { useWilayahKerja } from '../../components/provinsi';
import { Notice, useLoad } from '../../components/ui';

/**
 * Facilitator capacity building: the trainings and their participants (records that travel to the province), each
 * facilitator's profile, the share trained per topic, and the evidence view (before and after, descriptive only).
 */
export function Pelatihan() {
  const kerja = useWilayahKerja();
  const profil = useLoad(() => invoke('pelatihan.profil', {}), []);
  const cakupan = useLoad(() => invoke('pelatihan.cakupan', {}), []);
  const bukti = useLoad(() => invoke('pelatihan.bukti', { bulan: 6 }), []);
  const tahun = new Date().getFullYear();
  return (
    <>
      <CatatanPage entitas="pelatihan" />
      <CatatanPage entitas="pelatihan_peserta" />

      <section aria-labelledby="judul-profil-kapasitas">
        <h2 id="judul-profil-kapasitas">Profil kapasitas fasilitator</h2>
        <Notice kind="error">{profil.error}</Notice>
        <table aria-labelledby="judul-profil-kapasitas">
          <thead>
            <tr>
              <th scope="col">Fasilitator</th>
              {kerja.provinsi && <th scope="col">Kabupaten/kota</th>}
              <th scope="col">Pelatihan</th>
              <th scope="col">Topik</th>
              <th scope="col">Jam {tahun}</th>
              <th scope="col">Nilai pre → post</th>
              <th scope="col">Sertifikat</th>
              <th scope="col">Pertama dilatih</th>
            </tr>
          </thead>
          <tbody>
            {(profil.data ?? []).map((p) => (
              <tr key={p.fasilitator_id}>
                <th scope="row">{p.nama}</th>
                {kerja.provinsi && <td>{p.kabupaten_nama}</td>}
                <td className="num">{formatAngka(p.pelatihan)}</td>
                <td>{p.topik.join(', ') || 'belum pernah'}</td>
                <td className="num">{formatDesimal(p.jam_tahun)}</td>
                <td>{p.nilai_pre === null && p.nilai_post === null ? '–' : `${p.nilai_pre === null ? '–' : formatDesimal(p.nilai_pre)} → ${p.nilai_post === null ? '–' : formatDesimal(p.nilai_post)}`}</td>
                <td className="num">{formatAngka(p.sertifikat)}</td>
                <td>{p.pertama ? formatTanggal(p.pertama) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="judul-cakupan">
        <h2 id="judul-cakupan">Cakupan pelatihan per topik</h2>
        <p className="muted">Bagian fasilitator terdaftar yang sudah mengikuti pelatihan (kamus: cakupan pelatihan fasilitator).</p>
        <div className="table-scroll">
          <table aria-labelledby="judul-cakupan">
            <thead>
              <tr>
                <th scope="col">Kabupaten/kota</th>
                <th scope="col">Fasilitator</th>
                <th scope="col">Sudah dilatih</th>
                {(cakupan.data?.[0]?.per_topik ?? []).map((t) => (
                  <th key={t.topik} scope="col">
                    {t.topik}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(cakupan.data ?? []).map((c) => (
                <tr key={c.kabupaten_kode}>
                  <th scope="row">{c.kabupaten_nama}</th>
                  <td className="num">{formatAngka(c.fasilitator)}</td>
                  <td className="num">
                    {formatAngka(c.dilatih)} ({formatPersenAtau(c.persen)})
                  </td>
                  {c.per_topik.map((t) => (
                    <td key={t.topik} className="num">
                      {formatPersenAtau(t.persen)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="judul-bukti">
        <h2 id="judul-bukti">Sebelum dan sesudah pelatihan</h2>
        {bukti.data && (
          <>
            <p role="note" className="peringatan">
              {bukti.data.catatan}
            </p>
            <p className="muted">
              Kelompok binaan fasilitator yang sudah dilatih: {bukti.data.bulan} bulan sebelum dan sampai {bukti.data.bulan} bulan sesudah bulan pelatihan pertamanya (yang baru dilatih bulan ini atau bulan lalu belum dihitung). Pembanding: kelompok fasilitator yang belum dilatih pada kurun yang sama di sekitar{' '}
              {bukti.data.acuan_belum ? formatPeriode(bukti.data.acuan_belum) : '–'} (bulan tengah pelatihan pertama).
            </p>
            <table aria-labelledby="judul-bukti">
              <thead>
                <tr>
                  <th scope="col">Kelompok dari fasilitator</th>
                  <th scope="col">n fasilitator</th>
                  <th scope="col">n kelompok</th>
                  <th scope="col">Omzet per laporan sebelum</th>
                  <th scope="col">sesudah</th>
                  <th scope="col">Pertumbuhan omzet</th>
                  <th scope="col">Kepatuhan lapor sebelum</th>
                  <th scope="col">sesudah</th>
                </tr>
              </thead>
              <tbody>
                <BarisBukti label="Sudah dilatih" s={bukti.data.dilatih} />
                <BarisBukti label="Belum dilatih" s={bukti.data.belum} />
              </tbody>
            </table>
          </>
        )}
        <Notice kind="error">{bukti.error}</Notice>
      </section>
    </>
  );
}

function BarisBukti(props: { label: string; s: SisiBukti | null }) {
  const s = props.s;
  const rp = (v: number | null) => (v === null ? '–' : formatRupiah(v));
  return (
    <tr>
      <th scope="row">{props.label}</th>
      {s ? (
        <>
          <td className="num">{formatAngka(s.fasilitator)}</td>
          <td className="num">{formatAngka(s.kelompok)}</td>
          <td className="num">{rp(s.omzet_sebelum)}</td>
          <td className="num">{rp(s.omzet_sesudah)}</td>
          <td className="num">{formatPersenAtau(s.pertumbuhan_omzet)}</td>
          <td className="num">{formatPersenAtau(s.kepatuhan_sebelum)}</td>
          <td className="num">{formatPersenAtau(s.kepatuhan_sesudah)}</td>
        </>
      ) : (
        <td colSpan={7}>Belum ada fasilitator pada kelompok ini.</td>
      )}
    </tr>
  );
}
