import { useState } from 'react';
import { formatAngka, formatDesimal, formatRupiah } from '../../../../main/common/format';
import { invoke, pesanGalat, simpanBerkas } from '../../api';
import { useWilayahKerja } from '../../components/provinsi';
import { useWilayah } from '../../components/wilayah';
import { Notice, SelectField, useLoad } from '../../components/ui';
import { EvaluasiTriwulan } from './evaluasi';
import { ROMAWI, TRIWULAN } from '../../../../main/common/triwulan';
import { AngkaField } from '../../components/angka';
import { bacaIsianAngka } from '../../../../main/common/angka-isian';

const nilai = (tipe: string, v: number | null) => (v === null ? '–' : tipe === 'rupiah' ? formatRupiah(v) : tipe === 'persen' ? `${formatDesimal(v, 1)}%` : formatDesimal(v));

export function MonevPage() {
  const kerja = useWilayahKerja();
  const year = new Date().getFullYear();
  const [periode, setPeriode] = useState(String(year));
  const [info, setInfo] = useState('');
  const [galat, setGalat] = useState('');
  const monev = useLoad(() => invoke('monev.get', { periode }), [periode]);
  const fas = useLoad(() => invoke('monev.fasilitator', { periode }), [periode]);
  const katalog = useLoad(() => invoke('laporan.katalog', {}), []);
  const [indikator, setIndikator] = useState('omzet');
  const [target, setTarget] = useState('');
  const [bagian, setBagian] = useState(['', '', '', '']);
  // A saved target redraws the evaluation table above as well.
  const [segar, setSegar] = useState(0);
  const [kecamatanTarget, setKecamatanTarget] = useState('');
  const kecamatanList = useWilayah('kecamatan', kerja.provinsi ? null : kerja.kabupatenWilayah);
  const periodeOptions = [year, year - 1].flatMap((y) => [
    { value: `${y}`, label: `Tahun ${y}` },
    { value: `${y}-S1`, label: `Semester I ${y}` },
    { value: `${y}-S2`, label: `Semester II ${y}` },
    ...Array.from({ length: 12 }, (_, i) => ({ value: `${y}-${String(i + 1).padStart(2, '0')}`, label: `Bulan ${i + 1}/${y}` })),
  ]);
  const unduh = async (format: 'pdf' | 'xlsx') => {
    try {
      await simpanBerkas(await invoke('monev.dokumen', { periode, format }));
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };
  return (
    <section aria-labelledby="judul-monev">
      <h1 id="judul-monev">E-monev</h1>
      {monev.data && (
        <p className="muted">
          Mengikuti katalog indikator versi {monev.data.katalog_versi}: {monev.data.regulasi}
        </p>
      )}
      <div className="filters">
        <SelectField label="Periode" value={periode} onChange={setPeriode} options={periodeOptions} />
        <div className="actions">
          <button type="button" onClick={() => unduh('pdf')}>
            Rekap e-monev (PDF)
          </button>
          <button type="button" onClick={() => unduh('xlsx')}>
            Rekap e-monev (Excel)
          </button>
        </div>
      </div>
      <EvaluasiTriwulan segar={segar} />
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{galat || monev.error}</Notice>
      <h2 id="judul-capaian">Target dan realisasi</h2>
      <p className="muted">Target tahunan arus (omzet, penjualan…) dibagi rata ke bulan periode; stok dan rata-rata dibandingkan apa adanya. Realisasi dihitung dari laporan bulanan yang diajukan/diverifikasi.</p>
      <table aria-labelledby="judul-capaian">
        <thead>
          <tr>
            {kerja.provinsi && <th scope="col">Kabupaten/kota</th>}
            <th scope="col">Wilayah</th>
            <th scope="col">Indikator</th>
            <th scope="col" className="num">Target</th>
            <th scope="col" className="num">Realisasi</th>
            <th scope="col" className="num">Capaian</th>
          </tr>
        </thead>
        <tbody>
          {monev.data?.baris.map((b) => (
            <tr key={`${b.kode_wilayah}-${b.indikator}-${b.sumber}`}>
              {kerja.provinsi && <td>{b.kabupaten_nama}</td>}
              <td>
                {b.wilayah}
                {kerja.provinsi && <span className="muted"> · target {b.sumber === 'kabupaten' ? 'kabupaten/kota' : 'provinsi'}</span>}
              </td>
              <th scope="row">{b.nama}</th>
              <td className="num">{nilai(b.tipe, b.target)}</td>
              <td className="num">{nilai(b.tipe, b.realisasi)}</td>
              <td className="num">
                {b.persen === null ? '–' : `${formatDesimal(b.persen, 1)}%`}
                {b.persen !== null && <meter min={0} max={120} low={80} high={100} optimum={110} value={Math.min(120, b.persen)} aria-label={`Capaian ${b.nama}`} />}
              </td>
            </tr>
          ))}
          {monev.data?.baris.length === 0 && (
            <tr>
              <td colSpan={5}>Belum ada target untuk tahun {periode.slice(0, 4)}.</td>
            </tr>
          )}
        </tbody>
      </table>
      {(
        <form
          className="filters"
          aria-label="Tetapkan target"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              const n = (t: string) => bacaIsianAngka(t, 'desimal').nilai;
              const tw = bagian.map(n);
              await invoke('monev.simpanTarget', {
                tahun: Number(periode.slice(0, 4)),
                indikator,
                kecamatan_kode: kerja.provinsi ? null : kecamatanTarget || null,
                kabupaten: kerja.kabupatenFilter,
                nilai: n(target) ?? NaN,
                target_t1: tw[0] ?? null,
                target_t2: tw[1] ?? null,
                target_t3: tw[2] ?? null,
                target_t4: tw[3] ?? null,
              });
              setInfo('Target disimpan.');
              setTarget('');
              setBagian(['', '', '', '']);
              setSegar((x) => x + 1);
              monev.reload();
            } catch (err) {
              setGalat(pesanGalat(err));
            }
          }}
        >
          {kerja.provinsi && kerja.filter}
          {!kerja.provinsi && <SelectField label="Wilayah target" value={kecamatanTarget} onChange={setKecamatanTarget} empty="Seluruh kabupaten/kota" options={kecamatanList.map((k) => ({ value: k.kode, label: `Kecamatan ${k.nama}` }))} />}
          <SelectField label="Indikator target" value={indikator} onChange={setIndikator} options={(katalog.data?.indikator ?? []).filter((i) => i.tipe !== 'teks' && !i.turunan).map((i) => ({ value: i.kode, label: i.nama }))} />
          <AngkaField label={`Target tahun ${periode.slice(0, 4)}`} value={target} onChange={setTarget} jenis="desimal" />
          {/* The quarters: empty, the year is split by default (flows evenly, stocks repeated). */}
          {TRIWULAN.map((q, i) => (
            <AngkaField key={q} label={`Target Triwulan ${ROMAWI[q]} (boleh kosong)`} value={bagian[i]!} onChange={(v) => setBagian((b) => b.map((x, j) => (j === i ? v : x)))} jenis="desimal" />
          ))}
          <div className="actions">
            <button type="submit">Simpan target</button>
          </div>
        </form>
      )}
      <h2 id="judul-pantau">Pemantauan fasilitator</h2>
      <table aria-labelledby="judul-pantau">
        <thead>
          <tr>
            <th scope="col">Fasilitator</th>
            {kerja.provinsi && <th scope="col">Kabupaten/kota</th>}
            <th scope="col" className="num">Kelompok</th>
            <th scope="col" className="num">Laporan diharapkan</th>
            <th scope="col" className="num">Laporan masuk</th>
            <th scope="col" className="num">Diajukan tepat waktu</th>
            <th scope="col" className="num">Diverifikasi</th>
            <th scope="col" className="num">Kelompok dikunjungi</th>
            <th scope="col" className="num">Tindak lanjut terbuka</th>
          </tr>
        </thead>
        <tbody>
          {fas.data?.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.nama}</th>
              {kerja.provinsi && <td>{f.kabupaten_nama}</td>}
              <td className="num">{formatAngka(f.kelompok)}</td>
              <td className="num">{formatAngka(f.laporan_diharapkan)}</td>
              <td className="num">{formatAngka(f.laporan_masuk)}</td>
              <td className="num">{formatAngka(f.diajukan_tepat_waktu)}</td>
              <td className="num">{formatAngka(f.diverifikasi)}</td>
              <td className="num">{formatAngka(f.kelompok_dikunjungi)}</td>
              <td className="num">{formatAngka(f.tindak_lanjut_terbuka)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
