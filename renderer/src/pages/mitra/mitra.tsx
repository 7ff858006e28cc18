import { PraktikBersama } from './praktik';
import { Pelatihan } from './pelatihan';
import { useEffect, useState } from 'react';
import type { PenilaianGerobak } from '../../../../main/common/api';
import { formatAngka, formatDesimal, formatRupiah, formatTanggal, hariIni } from '../../../../main/common/format';
import { invoke, pesanGalat, simpanBerkas } from '../../api';
import { CatatanPage } from '../../components/catatan';
import { useWilayahKerja } from '../../components/provinsi';
import { Notice, Pager, SelectField, TextField, useLoad } from '../../components/ui';

const TABS = [
  { id: 'ringkasan', label: 'Ringkasan' },
  { id: 'offtaker', label: 'Offtaker' },
  { id: 'perjanjian', label: 'Perjanjian pembelian' },
  { id: 'gerobak', label: 'Bantuan gerobak' },
  { id: 'mou', label: 'MoU perguruan tinggi' },
  { id: 'pelatihan', label: 'Pelatihan fasilitator' },
  { id: 'isu', label: 'Isu strategis' },
  { id: 'praktik', label: 'Praktik baik' },
] as const;

export function MitraPage() {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('ringkasan');
  const [galat, setGalat] = useState('');
  const [info, setInfo] = useState('');
  // The province reads the districts' agreements and MoUs: the district prints its agreement and makes its extracts.
  const kerja = useWilayahKerja();
  return (
    <section aria-labelledby="judul-mitra">
      <h1 id="judul-mitra">Mitra, offtaker dan kesepakatan forum</h1>
      <div role="tablist" aria-label="Bagian mitra" className="tabs">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <Notice kind="error">{galat}</Notice>
      <Notice kind="warn">{info}</Notice>
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)!.label}>
        {tab === 'ringkasan' && <Ringkasan />}
        {tab === 'offtaker' && <CatatanPage entitas="offtaker" />}
        {tab === 'perjanjian' && (
          <CatatanPage
            entitas="perjanjian"
            tindakan={(r) =>
              kerja.provinsi ? null : (
                <button
                  type="button"
                  aria-label={`PDF ${String(r.data.nomor)}`}
                  onClick={async () => {
                    try {
                      setGalat('');
                      const hasil = await invoke('perjanjian.pdf', { id: r.data.id });
                      await simpanBerkas(hasil.berkas);
                      setInfo(hasil.draf ? `Perjanjian ${String(r.data.nomor)} dicetak sebagai DRAF${hasil.kekurangan.length ? `: belum ada ${hasil.kekurangan.join(', ')}. Lengkapi lalu cetak lagi untuk naskah yang ditandatangani.` : ' karena statusnya masih draf.'}` : '');
                    } catch (e) {
                      setGalat(pesanGalat(e));
                    }
                  }}
                >
                  PDF
                </button>
              )
            }
          />
        )}
        {tab === 'gerobak' && <Gerobak />}
        {tab === 'mou' && (
          <>
            <CatatanPage
              entitas="mou"
              tindakan={(r) =>
                // Only an MoU in force that allows data sharing offers an extract (the service refuses the others too).
                !kerja.provinsi && r.data.berbagi_data === 1 && r.data.status !== 'berakhir' && String(r.data.berlaku_sampai) >= hariIni() ? (
                  <button
                    type="button"
                    aria-label={`Ekstrak data riset ${String(r.data.perguruan_tinggi)}`}
                    onClick={async () => {
                      try {
                        setGalat('');
                        const hasil = await invoke('riset.ekstrak', { mou_id: String(r.data.id) });
                        await simpanBerkas(hasil.berkas);
                        setInfo(`Ekstrak riset untuk ${String(r.data.perguruan_tinggi)} dibuat: ${hasil.ringkasan.tabel.map((t) => `${t.nama} ${formatAngka(t.baris)} baris, k = ${t.k}${t.l === null ? '' : `, l = ${t.l}`}, ${formatAngka(t.disupresi)} ${t.unit} disupresi`).join('; ')}. Sertakan penilaian dampak (PDF di dalamnya) setelah dilengkapi.`);
                      } catch (e) {
                        setGalat(pesanGalat(e));
                      }
                    }}
                  >
                    Ekstrak data riset
                  </button>
                ) : null
              }
            />
            <CatatanPage entitas="mou_kegiatan" />
          </>
        )}
        {tab === 'isu' && (
          <>
            <CatatanPage entitas="isu" />
            <CatatanPage entitas="tindak_lanjut" />
          </>
        )}
        {tab === 'pelatihan' && <Pelatihan />}
        {tab === 'praktik' && (
          <>
            <CatatanPage entitas="praktik_baik" />
            <PraktikBersama />
          </>
        )}
      </div>
    </section>
  );
}

function Ringkasan() {
  const { data, error } = useLoad(() => invoke('mitra.ringkasan', {}), []);
  if (!data) return <Notice kind="error">{error}</Notice>;
  return (
    <>
      <h2 id="judul-sppg">SPPG per kecamatan</h2>
      <p className="muted">Dapur SPPG program makan bergizi gratis adalah peluang pasar terbesar kelompok binaan.</p>
      <table aria-labelledby="judul-sppg">
        <thead>
          <tr>
            <th scope="col">Kecamatan</th>
            <th scope="col" className="num">Jumlah SPPG</th>
            <th scope="col" className="num">Kebutuhan per bulan</th>
          </tr>
        </thead>
        <tbody>
          {data.sppg_per_kecamatan.map((s) => (
            <tr key={s.kecamatan_kode}>
              <th scope="row">{s.kecamatan}</th>
              <td className="num">{formatAngka(s.jumlah)}</td>
              <td className="num">{formatRupiah(s.kebutuhan_bulan)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="judul-berakhir">Perjanjian berakhir dalam 60 hari</h2>
      <table aria-labelledby="judul-berakhir">
        <thead>
          <tr>
            <th scope="col">Nomor</th>
            <th scope="col">Kelompok</th>
            <th scope="col">Offtaker</th>
            <th scope="col">Berakhir</th>
          </tr>
        </thead>
        <tbody>
          {data.perjanjian_berakhir.map((p) => (
            <tr key={p.id}>
              <td>{p.nomor}</td>
              <td>{p.kelompok}</td>
              <td>{p.offtaker}</td>
              <td>
                {formatTanggal(p.selesai)} ({p.sisa_hari} hari lagi)
              </td>
            </tr>
          ))}
          {data.perjanjian_berakhir.length === 0 && (
            <tr>
              <td colSpan={4}>Tidak ada.</td>
            </tr>
          )}
        </tbody>
      </table>
      <h2 id="judul-nilai">Nilai kontrak aktif per bulan per kecamatan</h2>
      <table aria-labelledby="judul-nilai">
        <thead>
          <tr>
            <th scope="col">Kecamatan</th>
            <th scope="col" className="num">Perjanjian</th>
            <th scope="col" className="num">Nilai per bulan</th>
          </tr>
        </thead>
        <tbody>
          {data.nilai_per_kecamatan.map((n) => (
            <tr key={n.kecamatan_kode}>
              <th scope="row">{n.kecamatan}</th>
              <td className="num">{n.perjanjian}</td>
              <td className="num">{formatRupiah(n.nilai_bulan)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="judul-tanpa">Kelompok aktif tanpa offtaker ({data.kelompok_tanpa_offtaker.length})</h2>
      <ul aria-labelledby="judul-tanpa" className="pesan-baris">
        {data.kelompok_tanpa_offtaker.map((k) => (
          <li key={k.id}>
            {k.nama} ({k.desa})
          </li>
        ))}
      </ul>
      <h2 id="judul-mou-berakhir">MoU yang segera berakhir (90 hari)</h2>
      <ul aria-labelledby="judul-mou-berakhir">
        {data.mou_berakhir.map((m) => (
          <li key={m.id}>
            {m.perguruan_tinggi} ({m.nomor}): berakhir {formatTanggal(m.berlaku_sampai)}, {m.sisa_hari} hari lagi
          </li>
        ))}
        {data.mou_berakhir.length === 0 && <li>Tidak ada.</li>}
      </ul>
      <p>Tindak lanjut isu strategis yang belum selesai: {formatAngka(data.tindak_lanjut_terbuka)}</p>
    </>
  );
}

function Gerobak() {
  const kerja = useWilayahKerja();
  const [tahun, setTahun] = useState(String(new Date().getFullYear()));
  const [info, setInfo] = useState('');
  const [galat, setGalat] = useState('');
  const list = useLoad(() => invoke('gerobak.list', { tahun: Number(tahun) || new Date().getFullYear() }), [tahun]);
  // Long lists in pages of 25, with a filter on the assessment, so the tab fits a laptop screen.
  const [halaman, setHalaman] = useState(1);
  const [saring, setSaring] = useState('');
  // Another district chosen: its list from its first page.
  useEffect(() => setHalaman(1), [kerja.kabupatenFilter]);
  const semua = (list.data ?? []).filter((g) => (!kerja.kabupatenFilter || g.kabupaten_kode === kerja.kabupatenFilter) && (saring === 'layak' ? g.layak : saring === 'belum' ? !g.layak : saring === 'diusulkan' ? g.keputusan === 'diusulkan' : true));
  const PER = 25;
  const tampil = semua.slice((halaman - 1) * PER, halaman * PER);
  const simpan = async (g: PenilaianGerobak, patch: Partial<Pick<PenilaianGerobak, 'usaha_keliling' | 'keputusan' | 'catatan'>>) => {
    try {
      const next = { ...g, ...patch };
      await invoke('gerobak.simpan', { kelompok_id: g.kelompok_id, tahun: Number(tahun), usaha_keliling: next.usaha_keliling, keputusan: next.keputusan, catatan: next.catatan });
      setInfo(`${g.kelompok}: disimpan.`);
      list.reload();
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };
  // The letter's number: the one this year's letter already has in the register of outgoing letters, until typed.
  const [nomor, setNomor] = useState<string | null>(null);
  const tercatat = useLoad(() => invoke('suratKeluar.list', { tahun: null }).then((r) => r.find((s) => s.jenis === 'gerobak' && s.rujukan === tahun)?.nomor ?? ''), [tahun]);
  const nomorSurat = nomor ?? tercatat.data ?? '';
  const unduh = async (format: 'pdf' | 'xlsx') => {
    try {
      setGalat('');
      await simpanBerkas(await invoke('gerobak.usulan', { tahun: Number(tahun), format, nomor: nomorSurat || null }));
      if (format === 'pdf') setInfo(nomorSurat ? `Surat usulan nomor ${nomorSurat} dicatat di buku surat keluar.` : 'Surat usulan dicetak tanpa nomor: isi nomor surat agar tercatat di buku surat keluar.');
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };
  return (
    <section aria-labelledby="judul-gerobak">
      <h2 id="judul-gerobak">Identifikasi ulang penerima bantuan gerobak</h2>
      <div className="filters">
        {kerja.filter}
        <TextField label="Tahun usulan" value={tahun} onChange={(v) => (setTahun(v), setHalaman(1))} inputMode="numeric" />
        <SelectField
          label="Tampilkan kelompok"
          value={saring}
          onChange={(v) => (setSaring(v), setHalaman(1))}
          empty="Semua kelompok"
          options={[
            { value: 'layak', label: 'Memenuhi syarat' },
            { value: 'belum', label: 'Belum memenuhi' },
            { value: 'diusulkan', label: 'Diusulkan' },
          ]}
        />
        {/* The letter is a district's, to the Governor c.q. the province's Bappeda: the province takes the list of all. */}
        {!kerja.provinsi && <TextField label="Nomor surat usulan" value={nomorSurat} onChange={setNomor} hint="Dari buku agenda surat keluar, misalnya 500/123/35.07.301/2026." />}
        <div className="actions">
          {!kerja.provinsi && (
            <button type="button" onClick={() => unduh('pdf')}>
              Surat usulan (PDF)
            </button>
          )}
          <button type="button" onClick={() => unduh('xlsx')}>
            {kerja.provinsi ? 'Daftar usulan seluruh kabupaten/kota (Excel)' : 'Daftar usulan (Excel)'}
          </button>
        </div>
      </div>
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{galat || list.error}</Notice>
      <table aria-label="Penilaian gerobak">
        <thead>
          <tr>
            <th scope="col">Kelompok</th>
            <th scope="col">Usaha keliling</th>
            <th scope="col" className="num">Laporan aktif (3 bln)</th>
            <th scope="col" className="num">% desil 1–4</th>
            <th scope="col">Penilaian</th>
            <th scope="col">Keputusan</th>
          </tr>
        </thead>
        <tbody>
          {tampil.map((g) => (
            <tr key={g.kelompok_id}>
              <th scope="row">
                {g.kelompok}
                <div className="muted">
                  {kerja.provinsi && `${kerja.nama(g.kabupaten_kode)} · `}
                  {g.desa} · {g.sektor}
                </div>
              </th>
              <td>
                <input type="checkbox" aria-label={`Usaha keliling ${g.kelompok}`} disabled={kerja.provinsi} checked={g.usaha_keliling} onChange={(e) => simpan(g, { usaha_keliling: e.target.checked })} />
              </td>
              <td className="num">{g.laporan_aktif}</td>
              <td className="num">{g.persen_desil_1_4 === null ? '–' : `${formatDesimal(g.persen_desil_1_4, 1)}%`}</td>
              <td>
                <strong className={g.layak ? 'ok-text' : 'warn-text'}>{g.layak ? 'Memenuhi syarat' : 'Belum memenuhi'}</strong>
                <div className="muted">{g.alasan.join('; ')}</div>
              </td>
              <td>
                <select className="pilih-keputusan" aria-label={`Keputusan ${g.kelompok}`} disabled={kerja.provinsi} value={g.keputusan ?? ''} onChange={(e) => simpan(g, { keputusan: (e.target.value || null) as 'diusulkan' | null })}>
                  <option value="">— belum —</option>
                  <option value="diusulkan">Diusulkan</option>
                  <option value="tidak">Tidak diusulkan</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager halaman={halaman} per={PER} total={semua.length} onPage={setHalaman} label="kelompok" />
      <CatatanPage entitas="gerobak_diterima" />
    </section>
  );
}
