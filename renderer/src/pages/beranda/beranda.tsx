import { useMemo, useState } from 'react';
import { useFasilitatorOptions } from '../../hooks/pilihan';
import type { Angka } from '../../../../main/common/api';
import { formatAngka, formatDesimal, formatPeriode, formatPersenAtau, formatRupiah, formatRupiahKartu, namaRingkas } from '../../../../main/common/format';
import { invoke } from '../../api';
import { useStatus } from '../../app-context';
import { Definisi } from '../../components/definisi';
import { GrafikEcharts } from '../../components/grafik';
import { grafikDasbor, grafikPeta, INDIKATOR_PETA, type IndikatorPeta } from '../../../../main/common/grafik/dasbor';
import { useWilayahKerja } from '../../components/provinsi';
import { Notice, SelectField, useLoad, MonthField } from '../../components/ui';
import { useWilayah } from '../../components/wilayah';

function Perubahan({ a, persen }: { a: { nilai: number | null; sebelumnya: number | null }; persen?: boolean }) {
  if (a.sebelumnya === null || a.sebelumnya === undefined || a.nilai === null) return null;
  const d = a.nilai - a.sebelumnya;
  if (d === 0) return <span className="delta">tetap</span>;
  const rel = a.sebelumnya ? ` (${d > 0 ? '+' : ''}${formatDesimal((d / a.sebelumnya) * 100, 1)}%)` : '';
  return (
    <span className={`delta ${d > 0 ? 'naik' : 'turun'}`}>
      {d > 0 ? '▲' : '▼'} {persen ? `${formatDesimal(Math.abs(d), 1)} poin` : formatAngka(Math.abs(d))}
      {persen ? '' : rel}
    </span>
  );
}

/** A card's figure on one line: a Rupiah figure in the billions is shortened, the exact one kept as its title. */
function NilaiKartu(props: { teks: string; angka: number | null }) {
  const ringkas = props.angka !== null && props.teks.startsWith('Rp') ? formatRupiahKartu(props.angka) : props.teks;
  // A long figure ("Rp164.415.000") is set a size smaller so that it stays whole on one line.
  const kelas = `card-value${ringkas.length >= 12 ? ' panjang' : ''}`;
  if (ringkas === props.teks) return <span className={kelas}>{props.teks}</span>;
  return (
    <span className={kelas} title={`${props.teks} (${namaRingkas(ringkas)})`}>
      <abbr title={`${props.teks} (${namaRingkas(ringkas)})`}>{ringkas}</abbr>
    </span>
  );
}

function Kartu(props: { label: string; nilai: string; a?: Angka | { nilai: number | null; sebelumnya: number | null }; persen?: boolean; ket?: string; kode?: string }) {
  return (
    <li className="kartu">
      <span className="card-label">{props.label}</span>
      <NilaiKartu teks={props.nilai} angka={props.a?.nilai ?? null} />
      {props.a && <Perubahan a={props.a} persen={props.persen} />}
      {props.ket && <span className="muted">{props.ket}</span>}
      {props.kode && <Definisi kode={props.kode} label={props.label} />}
    </li>
  );
}

export function BerandaPage() {
  const { status } = useStatus();
  const kerja = useWilayahKerja();
  const [bulan, setBulan] = useState('');
  const [kecamatan, setKecamatan] = useState('');
  const [fasilitator, setFasilitator] = useState('');
  const [sektor, setSektor] = useState('');
  const kecamatanList = useWilayah('kecamatan', kerja.kabupatenWilayah || null);
  const fasilitatorOptions = useFasilitatorOptions();
  const sektorList = useLoad(() => invoke('kelompok.sektor', {}), []);
  const d = useLoad(
    () => invoke('dashboard.get', { bulan: /^\d{4}-\d{2}$/.test(bulan) ? bulan : null, kabupaten: kerja.kabupatenFilter, kecamatan: kecamatan || null, fasilitator: fasilitator || null, sektor: sektor || null }),
    [bulan, kerja.kabupatenFilter, kecamatan, fasilitator, sektor],
  );
  const x = d.data;
  const [indikatorPeta, setIndikatorPeta] = useState<IndikatorPeta>('kelompok');
  const grafik = useMemo(() => (x ? grafikDasbor(x) : []), [x]);
  const peta = useMemo(() => (x?.peringkat ? grafikPeta(x.peringkat, indikatorPeta) : null), [x, indikatorPeta]);
  return (
    <section aria-labelledby="judul-beranda">
      <h1 id="judul-beranda">Beranda</h1>
      <p className="muted">
        {status.pengaturan.nama_instansi} · Program Peti Koin Bermantra
        {x && ` · mengikuti ${x.regulasi.nama} (versi ${x.regulasi.versi})`}
      </p>
      <div className="filters" role="search" aria-label="Saring beranda">
        {kerja.filter}
        <MonthField label="Bulan" value={bulan} onChange={setBulan} kosong="Bulan terakhir" />
        <SelectField label="Kecamatan" value={kecamatan} onChange={setKecamatan} empty="Semua kecamatan" options={kecamatanList.map((k) => ({ value: k.kode, label: k.nama }))} />
        <SelectField label="Fasilitator" value={fasilitator} onChange={setFasilitator} empty="Semua fasilitator" options={fasilitatorOptions} />
        <SelectField label="Sektor" value={sektor} onChange={setSektor} empty="Semua sektor" options={(sektorList.data ?? []).map((s) => ({ value: s, label: s }))} />
      </div>
      <Notice kind="error">{d.error}</Notice>
      {x && (
        <>
          <h2>Angka utama · {formatPeriode(x.bulan)}</h2>
          <ul className="cards" aria-label="Angka utama">
            <Kartu kode="kelompok_aktif" label="Kelompok aktif" nilai={formatAngka(x.kelompok_aktif.nilai)} />
            <Kartu kode="anggota" label="Anggota" nilai={formatAngka(x.anggota.nilai)} a={x.anggota} ket={x.persen_cocok_dtsen === null ? 'belum dicocokkan DT-SEN' : `${formatDesimal(x.persen_cocok_dtsen, 1)}% terdaftar DT-SEN · ${formatDesimal(x.persen_desil_1_4 ?? 0, 1)}% desil 1–4`} />
            <Kartu kode="omzet" label="Omzet bulan ini" nilai={formatRupiah(x.omzet_bulan.nilai)} a={x.omzet_bulan} />
            <Kartu kode="omzet" label="Omzet tahun berjalan" nilai={formatRupiah(x.omzet_tahun_berjalan.nilai)} a={x.omzet_tahun_berjalan} ket="dibanding periode sama tahun lalu" />
            <Kartu kode="penjualan_offtaker" label="Penjualan ke offtaker/SPPG" nilai={formatRupiah(x.penjualan_offtaker_bulan.nilai)} a={x.penjualan_offtaker_bulan} />
            <Kartu kode="perjanjian_aktif" label="Perjanjian aktif" nilai={formatAngka(x.perjanjian_aktif.nilai)} a={x.perjanjian_aktif} ket={`${formatRupiah(x.nilai_perjanjian_bulan)}/bulan, SPPG ${formatRupiah(x.nilai_perjanjian_sppg_bulan)}`} />
            <Kartu kode="kepatuhan" label="Kepatuhan pelaporan" nilai={formatPersenAtau(x.kepatuhan_bulan.nilai)} a={x.kepatuhan_bulan} persen ket={x.kepatuhan_bulan.nilai === null ? 'belum ada laporan yang wajib masuk' : undefined} />
          </ul>
          {x.peringkat && (
            <section aria-labelledby="judul-peta" className="peta">
              <h2 id="judul-peta">Peta kabupaten/kota program</h2>
              <SelectField label="Warna peta menurut" value={indikatorPeta} onChange={(v) => setIndikatorPeta(v as IndikatorPeta)} options={INDIKATOR_PETA.map((i) => ({ value: i.kode, label: i.label }))} />
              <p className="muted">Kabupaten/kota program berwarna dan bergaris tepi; yang abu-abu belum ikut program. Klik satu kabupaten/kota untuk membukanya.</p>
              <GrafikEcharts grafik={peta!} tinggi={380} onKlik={(kode) => x.peringkat!.some((p) => p.kode === kode) && kerja.pilih(kode)} />
            </section>
          )}
          <div className="grafik-grid">
            {grafik.map((g) => (
              <GrafikEcharts key={g.id} grafik={g} />
            ))}
          </div>
          {x.peringkat && (
            <>
              <h2 id="judul-peringkat">Peringkat kabupaten/kota</h2>
              <table aria-labelledby="judul-peringkat">
                <thead>
                  <tr>
                    <th scope="col">Kabupaten/kota</th>
                    <th scope="col" className="num">Kelompok aktif</th>
                    <th scope="col" className="num">Anggota</th>
                    <th scope="col" className="num">Omzet tahun berjalan</th>
                    <th scope="col" className="num">Kepatuhan</th>
                    <th scope="col" className="num">Nilai perjanjian/bulan</th>
                  </tr>
                </thead>
                <tbody>
                  {x.peringkat.map((k) => (
                    <tr key={k.kode}>
                      <th scope="row">{k.nama}</th>
                      <td className="num">{formatAngka(k.kelompok)}</td>
                      <td className="num">{formatAngka(k.anggota)}</td>
                      <td className="num">{formatRupiah(k.omzet_tahun)}</td>
                      <td className="num">{formatPersenAtau(k.kepatuhan)}</td>
                      <td className="num">{formatRupiah(k.nilai_perjanjian)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
      <p className="muted">
        Basis data: {status.dbFile} · versi aplikasi {status.versi}, skema {status.skema}
      </p>
    </section>
  );
}
