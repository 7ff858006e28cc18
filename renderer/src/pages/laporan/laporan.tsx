import { useState } from 'react';
import { bulanLalu } from '../../hooks/pilihan';
import { TINGKAT_REKAP, type Indikator, type NilaiLaporan, type Rekap, type TingkatRekap } from '../../../../main/common/laporan';
import { formatAngka, formatDesimal, formatPeriode, formatRupiah } from '../../../../main/common/format';
import { invoke, pesanGalat, simpanBerkas } from '../../api';
import { Notice, SelectField, TombolKerja, useLoad } from '../../components/ui';
import { EntriLaporan } from './entri';
import { BukuKerjaView } from './buku-kerja';
import { PersetujuanView } from './persetujuan';
import { useWilayahKerja } from '../../components/provinsi';

const TABS = [
  { id: 'entri', label: 'Entri bulanan' },
  { id: 'buku', label: 'Buku kerja fasilitator' },
  { id: 'rekap', label: 'Rekap' },
  { id: 'kepatuhan', label: 'Kepatuhan pelaporan' },
  { id: 'persetujuan', label: 'Persetujuan' },
] as const;

export function LaporanPage() {
  const { provinsi } = useWilayahKerja();
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>(provinsi ? 'rekap' : 'entri');
  return (
    <section aria-labelledby="judul-laporan">
      <h1 id="judul-laporan">Laporan bulanan</h1>
      <div role="tablist" aria-label="Bagian laporan" className="tabs">
        {TABS.filter((t) => (provinsi ? t.id !== 'entri' && t.id !== 'buku' : t.id !== 'persetujuan')).map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)!.label}>
        {tab === 'entri' && <EntriLaporan />}
        {tab === 'buku' && <BukuKerjaView />}
        {tab === 'rekap' && <RekapView />}
        {tab === 'kepatuhan' && <KepatuhanView />}
        {tab === 'persetujuan' && <PersetujuanView />}
      </div>
    </section>
  );
}

function nilai(i: Indikator, v: NilaiLaporan[string] | undefined): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v !== 'number') return String(v);
  if (i.tipe === 'rupiah') return formatRupiah(v);
  if (i.tipe === 'persen') return `${formatDesimal(v, 1)}%`;
  return i.desimal ? formatDesimal(v) : formatAngka(v);
}

const LABEL: Record<TingkatRekap, string> = { kelompok: 'Kelompok', fasilitator: 'Fasilitator', kecamatan: 'Kecamatan', kabupaten: 'Kabupaten/kota' };

function PilihPeriode(props: { value: string; onChange: (v: string) => void; bulanan?: boolean }) {
  const year = new Date().getFullYear();
  const years = [year, year - 1, year - 2, year - 3];
  const options = years.flatMap((y) => [
    { value: `${y}`, label: `Tahun ${y}` },
    { value: `${y}-S2`, label: `Semester II ${y}` },
    { value: `${y}-S1`, label: `Semester I ${y}` },
    ...(props.bulanan ? Array.from({ length: 12 }, (_, i) => `${y}-${String(12 - i).padStart(2, '0')}`).map((m) => ({ value: m, label: formatPeriode(m) })) : []),
  ]);
  return <SelectField label="Periode" value={props.value} onChange={props.onChange} options={options} />;
}

function RekapView() {
  const [periode, setPeriode] = useState(String(new Date().getFullYear()));
  const kerja = useWilayahKerja();
  const [per, setPer] = useState<TingkatRekap>(kerja.provinsi ? 'kabupaten' : 'kecamatan');
  const [galat, setGalat] = useState('');
  const katalog = useLoad(() => invoke('laporan.katalog', {}), []);
  const rekap = useLoad(() => invoke('laporan.rekap', { periode, per, kabupaten: kerja.kabupatenFilter }), [periode, per, kerja.kabupatenFilter]);
  const unduh = async (format: 'pdf' | 'xlsx') => {
    setGalat('');
    try {
      // The document shows what the window shows: at the province, the district chosen in the filter.
      await simpanBerkas(await invoke('laporan.dokumen', { periode, per, format, kabupaten: kerja.kabupatenFilter }));
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };
  const cols = (katalog.data?.indikator ?? []).filter((i) => i.tipe !== 'teks');
  const r: Rekap | undefined = rekap.data;
  return (
    <section aria-labelledby="judul-rekap">
      <h2 id="judul-rekap">{r ? r.judul : 'Rekap'}</h2>
      <div className="filters">
        {kerja.filter}
        <PilihPeriode value={periode} onChange={setPeriode} />
        <SelectField label="Rekap per" value={per} onChange={(v) => setPer(v as TingkatRekap)} options={TINGKAT_REKAP.map((t) => ({ value: t, label: LABEL[t] }))} />
        <div className="actions">
          <TombolKerja kerja={() => unduh('pdf')} sibuk="Membuat PDF…">
            Unduh PDF
          </TombolKerja>
          <TombolKerja kerja={() => unduh('xlsx')} sibuk="Membuat Excel…">
            Unduh Excel
          </TombolKerja>
        </div>
      </div>
      <p className="muted">Dihitung dari laporan bulanan yang diajukan atau diverifikasi: arus (omzet, biaya…) dijumlahkan, stok (anggota aktif, aset, kas) diambil dari bulan terakhir, kehadiran dirata-rata.</p>
      <Notice kind="error">{rekap.error || galat}</Notice>
      {r && (
        <>
          <p role="status">Kelengkapan: {r.total.kelengkapan}</p>
          <div className="grid-scroll">
            <table aria-label="Tabel rekap">
              <thead>
                <tr>
                  <th scope="col">{LABEL[r.per]}</th>
                  <th scope="col">Kelengkapan</th>
                  {cols.map((i) => (
                    <th key={i.kode} scope="col" className="num">
                      {i.nama}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...r.baris, { ...r.total, nama: 'Jumlah' }].map((b) => (
                  <tr key={b.kunci} className={b.kunci === 'total' ? 'total-row' : undefined}>
                    <th scope="row">{b.nama}</th>
                    <td>{b.kelengkapan}</td>
                    {cols.map((i) => (
                      <td key={i.kode} className="num">
                        {nilai(i, b.nilai[i.kode])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.total.hilang.length > 0 && (
            <details>
              <summary>Laporan yang belum masuk ({formatAngka(r.total.hilang.length)})</summary>
              <ul className="pesan-baris">
                {r.total.hilang.map((h) => (
                  <li key={h.kelompok_id + h.periode}>
                    {kerja.provinsi && `${kerja.nama(h.kabupaten_kode)} · `}
                    {h.kelompok_nama}: {formatPeriode(h.periode)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

const SIMBOL: Record<string, string> = { diverifikasi: '✔', diajukan: '●', draft: '◐', belum_wajib: '–' };

function KepatuhanView() {
  const kerja = useWilayahKerja();
  const [periode, setPeriode] = useState(bulanLalu());
  const data = useLoad(() => invoke('laporan.kepatuhan', { periode }), [periode]);
  const k = data.data;
  return (
    <section aria-labelledby="judul-kepatuhan">
      <h2 id="judul-kepatuhan">Kepatuhan pelaporan</h2>
      <div className="filters">
        <PilihPeriode value={periode} onChange={setPeriode} bulanan />
      </div>
      <Notice kind="error">{data.error}</Notice>
      {k && (
        <>
          <table aria-label="Kepatuhan per fasilitator">
            <thead>
              <tr>
                <th scope="col">Fasilitator</th>
                {kerja.provinsi && <th scope="col">Kabupaten/kota</th>}
                <th scope="col" className="num">Laporan diharapkan</th>
                <th scope="col" className="num">Masuk</th>
                <th scope="col" className="num">Kepatuhan</th>
                <th scope="col" className="num">Tepat waktu</th>
                <th scope="col" className="num">% tepat waktu</th>
              </tr>
            </thead>
            <tbody>
              {k.fasilitator.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{f.nama}</th>
                  {kerja.provinsi && <td>{kerja.nama(f.kabupaten_kode)}</td>}
                  <td className="num">{formatAngka(f.diharapkan)}</td>
                  <td className="num">{formatAngka(f.masuk)}</td>
                  <td className="num">{formatDesimal(f.persen, 1)}%</td>
                  <td className="num">{formatAngka(f.tepat_waktu)}</td>
                  <td className="num">{formatDesimal(f.persen_tepat_waktu, 1)}%</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Jumlah</th>
                {kerja.provinsi && <td />}
                <td className="num">{formatAngka(k.total.diharapkan)}</td>
                <td className="num">{formatAngka(k.total.masuk)}</td>
                <td className="num">{formatDesimal(k.total.persen, 1)}%</td>
                <td className="num">{formatAngka(k.total.tepat_waktu)}</td>
                <td className="num">{formatDesimal(k.total.persen_tepat_waktu, 1)}%</td>
              </tr>
            </tfoot>
          </table>
          <p className="muted">
            ✔ diverifikasi · ● diajukan · ◐ draft · ✖ belum ada · – belum wajib (kelompok wajib melapor mulai bulan sesudah didaftarkan). Kepatuhan: laporan yang diajukan dari laporan yang
            diharapkan, dihitung sama seperti di Beranda dan rekap. Tepat waktu: diajukan paling lambat tanggal 10 bulan berikutnya.
          </p>
          <div className="grid-scroll">
            <table aria-label="Laporan per kelompok per bulan">
              <thead>
                <tr>
                  <th scope="col">Kelompok</th>
                  {kerja.provinsi && <th scope="col">Kabupaten/kota</th>}
                  <th scope="col">Fasilitator</th>
                  {k.bulan.map((b) => (
                    <th key={b} scope="col">
                      {formatPeriode(b).slice(0, 3)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {k.kelompok.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.nama}</th>
                    {kerja.provinsi && <td>{kerja.nama(g.kabupaten_kode)}</td>}
                    <td>{g.fasilitator_nama}</td>
                    {g.status.map((s, index) => (
                      <td key={index} className={s ? `st-${s}` : 'st-hilang'} aria-label={`${formatPeriode(k.bulan[index]!)}: ${s === 'belum_wajib' ? 'belum wajib' : (s ?? 'belum ada')}`}>
                        {s ? SIMBOL[s] : '✖'}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
