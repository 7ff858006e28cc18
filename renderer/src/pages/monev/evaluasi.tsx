import { useState } from 'react';
import type { BarisEvaluasi } from '../../../../main/common/api';
import { formatDesimal, formatRupiah } from '../../../../main/common/format';
import { ROMAWI, TRIWULAN, tulisPita } from '../../../../main/common/triwulan';
import { invoke, pesanGalat, simpanBerkas } from '../../api';
import { useWilayahKerja } from '../../components/provinsi';
import { Notice, SelectField, TombolKerja, useLoad } from '../../components/ui';
import { DialogPenjelasan } from './penjelasan';

const angka = (b: BarisEvaluasi, v: number | null) => (v === null ? '–' : b.tipe === 'rupiah' ? formatRupiah(v) : formatDesimal(v));

/**
 * The regulation's evaluation table for a quarter: first what needs attention, then each target through Triwulan
 * I–IV, realisation to date, achievement and its category in colour and in words, and the district's explanation.
 */
export function EvaluasiTriwulan(props: { segar: number }) {
  const kerja = useWilayahKerja();
  const tahunIni = new Date().getFullYear();
  const [tahun, setTahun] = useState(tahunIni);
  const [triwulan, setTriwulan] = useState<number | null>(null);
  const [isi, setIsi] = useState<BarisEvaluasi | null>(null);
  const [info, setInfo] = useState('');
  const e = useLoad(() => invoke('monev.evaluasi', { tahun, triwulan }), [tahun, triwulan, props.segar]);
  const d = e.data;
  const [galat, setGalat] = useState('');
  const cetak = async (format: 'pdf' | 'xlsx') => {
    setGalat('');
    try {
      await simpanBerkas(await invoke('monev.dokumenEvaluasi', { tahun, triwulan: triwulan ?? d?.triwulan ?? null, format }));
    } catch (x) {
      setGalat(pesanGalat(x));
    }
  };
  const tw = d?.triwulan ?? 1;
  return (
    <section aria-labelledby="judul-evaluasi">
      <h2 id="judul-evaluasi">Evaluasi triwulan{d ? ` · ${d.keadaan}` : ''}</h2>
      <div className="filters">
        <SelectField label="Tahun evaluasi" value={String(tahun)} onChange={(v) => (setTahun(Number(v)), setTriwulan(null))} options={[tahunIni, tahunIni - 1].map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField label="Sampai triwulan" value={String(triwulan ?? tw)} onChange={(v) => setTriwulan(Number(v))} options={TRIWULAN.map((q) => ({ value: String(q), label: `Triwulan ${ROMAWI[q]}` }))} />
        <div className="actions">
          {(['pdf', 'xlsx'] as const).map((format) => (
            <TombolKerja key={format} kerja={() => cetak(format)} sibuk={format === 'pdf' ? 'Membuat PDF…' : 'Membuat Excel…'}>
              Tabel evaluasi ({format === 'pdf' ? 'PDF' : 'Excel'})
            </TombolKerja>
          ))}
        </div>
      </div>
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{e.error || galat}</Notice>
      {d && (
        <>
          <h3 id="judul-perhatian">Perlu perhatian ({d.perlu_perhatian.length})</h3>
          {d.perlu_perhatian.length === 0 ? (
            <p>Tidak ada: semua capaian sedang ke atas dan semua sudah dijelaskan.</p>
          ) : (
            <ul aria-labelledby="judul-perhatian" className="perhatian">
              {d.perlu_perhatian.map((p, i) => (
                <li key={i}>
                  {kerja.provinsi ? `${p.kabupaten_nama} · ` : ''}
                  {p.wilayah} · {p.nama}: {p.alasan}
                </li>
              ))}
            </ul>
          )}
          <div className="grid-scroll">
            <table aria-label="Tabel evaluasi triwulan" className="evaluasi">
              <thead>
                <tr>
                  {kerja.provinsi && <th scope="col">Kabupaten/kota</th>}
                  <th scope="col">Wilayah</th>
                  <th scope="col">Indikator</th>
                  <th scope="col" className="num">Target tahunan</th>
                  {TRIWULAN.map((q) => (
                    <th key={q} scope="col" className="num">
                      TW {ROMAWI[q]} target / realisasi
                    </th>
                  ))}
                  <th scope="col" className="num">Realisasi s.d. TW {ROMAWI[tw]}</th>
                  <th scope="col" className="num">Capaian</th>
                  <th scope="col">Kategori</th>
                  <th scope="col">Penjelasan</th>
                </tr>
              </thead>
              <tbody>
                {d.baris.map((b, i) => (
                  <tr key={i}>
                    {kerja.provinsi && <td>{b.kabupaten_nama}</td>}
                    <td>{b.wilayah}</td>
                    <th scope="row">{b.nama}</th>
                    <td className="num">{angka(b, b.target_tahunan)}</td>
                    {b.target_triwulan.map((t, q) => (
                      <td key={q} className="num">
                        {angka(b, t)}
                        <br />
                        <span className="muted">{q < tw ? angka(b, b.realisasi_triwulan[q] ?? null) : '·'}</span>
                      </td>
                    ))}
                    <td className="num">{angka(b, b.realisasi_kumulatif)}</td>
                    <td className="num">{b.capaian === null ? '–' : `${formatDesimal(b.capaian, 1)}%`}</td>
                    <td>{b.kategori ? <span className={`kategori kategori-${b.kategori.kode}`}>{b.kategori.label}</span> : '–'}</td>
                    <td>
                      {b.penjelasan ? <span>{[b.penjelasan.faktor_pendorong, b.penjelasan.faktor_penghambat].filter(Boolean).join(' / ').slice(0, 80) || 'ada'}</span> : <span className="warn-text">belum ada</span>}
                      {!kerja.provinsi && (
                        <button type="button" className="link" onClick={() => setIsi(b)} aria-label={`Penjelasan ${b.nama} ${b.wilayah}`}>
                          {b.penjelasan ? 'Ubah' : 'Isi'}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
                {d.baris.length === 0 && (
                  <tr>
                    <td colSpan={12}>Belum ada target untuk tahun {d.tahun}. Tetapkan target di bawah.</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <p className="muted">Kategori capaian: {d.pita.map(tulisPita).join(' · ')}. Mengikuti {d.regulasi}.</p>
        </>
      )}
      {isi && d && <DialogPenjelasan tahun={d.tahun} triwulan={d.triwulan} baris={isi} onClose={() => setIsi(null)} onSaved={(pesan) => (setIsi(null), setInfo(pesan), e.reload())} />}
    </section>
  );
}
