import { useEffect, useState } from 'react';
import { FIELD_EKSTRAK, LABEL_STATUS_COCOK, STATUS_COCOK, type RingkasanEkstrak, type StatusCocok, type StatusTugas } from '../../../../main/common/api';
import type { FileRef } from '../../../../main/common/contract-kit';
import { formatAngka, formatTanggal, formatWaktu, hariIni } from '../../../../main/common/format';
import { invoke, isElectron, pesanGalat, pilihBerkas, simpanBerkas } from '../../api';
import { PemetaanKolom, PratinjauTabel } from '../../components/pratinjau';
import { Field, Notice, SelectField, useLoad, DateField } from '../../components/ui';

const LABEL_FIELD: Record<(typeof FIELD_EKSTRAK)[number], string> = {
  nik: 'Kolom NIK',
  no_kk: 'Kolom No. KK',
  nama: 'Kolom nama',
  tanggal_lahir: 'Kolom tanggal lahir',
  jenis_kelamin: 'Kolom jenis kelamin',
  kode_wilayah: 'Kolom kode wilayah',
  desil: 'Kolom desil',
  id_dtks: 'Kolom ID DTKS',
};

export function DtsenPage() {
  const ringkasan = useLoad(() => invoke('dtsen.ringkasan', {}), []);
  const snapshot = useLoad(() => invoke('dtsen.snapshot', {}), []);
  const [pesan, setPesan] = useState('');
  const [galat, setGalat] = useState('');
  const reload = () => (ringkasan.reload(), snapshot.reload());
  const r = ringkasan.data;
  return (
    <section aria-labelledby="judul-dtsen">
      <h1 id="judul-dtsen">Pencocokan DTKS / DT-SEN</h1>
      <p className="muted">Anggota kelompok dicocokkan dengan ekstrak Dinas Sosial: menurut NIK, lalu menurut tanggal lahir dan nama yang mirip. Ekstrak hanya disimpan di komputer ini dan tidak ikut dikirim ke provinsi.</p>
      <Notice kind="ok">{pesan}</Notice>
      <Notice kind="error">{galat || ringkasan.error}</Notice>
      <ImporEkstrak onDone={(m) => (setPesan(m), reload())} />
      <h2>Ekstrak yang diimpor</h2>
      <table aria-label="Ekstrak yang diimpor">
        <thead>
          <tr>
            <th scope="col">Sumber</th>
            <th scope="col">Tanggal data</th>
            <th scope="col">Berkas</th>
            <th scope="col" className="num">Baris</th>
            <th scope="col" className="num">Ditolak</th>
            <th scope="col">Diimpor</th>
            <th scope="col">
              <span className="sr-only">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {snapshot.data?.map((s) => (
            <tr key={s.id}>
              <td>{s.sumber}</td>
              <td>{formatTanggal(s.tanggal_data)}</td>
              <td>{s.nama_berkas}</td>
              <td className="num">{formatAngka(s.jumlah_baris)}</td>
              <td className="num">{formatAngka(s.jumlah_ditolak)}</td>
              <td>{formatWaktu(s.diimpor_pada)}</td>
              <td>
                <button
                  type="button"
                  className="danger"
                  aria-label={`Hapus snapshot ${s.nama_berkas}`}
                  onClick={async () => {
                    if (!confirm(`Hapus snapshot ${s.sumber} ${formatTanggal(s.tanggal_data)} beserta hasil pencocokannya?`)) return;
                    try {
                      await invoke('dtsen.hapusSnapshot', { id: s.id });
                      reload();
                    } catch (e) {
                      setGalat(pesanGalat(e));
                    }
                  }}
                >
                  Hapus
                </button>
              </td>
            </tr>
          ))}
          {snapshot.data?.length === 0 && (
            <tr>
              <td colSpan={7}>Belum ada ekstrak.</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="actions" style={{ justifyContent: 'flex-start' }}>
        <button
          type="button"
          className="primary"
          disabled={!snapshot.data?.length}
          onClick={async () => {
            setGalat('');
            try {
              const c = await invoke('dtsen.cocokkan', {});
              setPesan(`Pencocokan selesai: ${Object.entries(c.jumlah).filter(([, n]) => n).map(([k, n]) => `${LABEL_STATUS_COCOK[k as StatusCocok]} ${n}`).join(', ')}.`);
              reload();
            } catch (e) {
              setGalat(pesanGalat(e));
            }
          }}
        >
          Cocokkan anggota dengan snapshot terbaru
        </button>
      </div>
      {r?.snapshot && r.total > 0 && (
        <>
          <h2>Hasil ({r.snapshot.sumber} data {formatTanggal(r.snapshot.tanggal_data)})</h2>
          <dl className="summary" aria-label="Ringkasan pencocokan">
            {STATUS_COCOK.map((s) => (
              <div key={s}>
                <dt>{LABEL_STATUS_COCOK[s]}</dt>
                <dd>{formatAngka(r.jumlah[s])}</dd>
              </div>
            ))}
          </dl>
          <p>
            Di atas desil 4 (perlu ditinjau sasarannya): <strong>{formatAngka(r.di_atas_desil_4)}</strong> anggota · menunggu konfirmasi nama: <strong>{formatAngka(r.menunggu_konfirmasi)}</strong>
          </p>
          <figure>
            <figcaption id="judul-desil">Sebaran desil anggota yang cocok</figcaption>
            <div className="bars" role="img" aria-labelledby="judul-desil">
              {r.desil.map((n, i) => (
                <div key={i} className="bar-col">
                  <div className={`bar ${i < 4 ? 'bar-sasaran' : 'bar-luar'}`} style={{ height: `${(n / Math.max(1, ...r.desil)) * 140}px` }} />
                  <span>{i + 1}</span>
                </div>
              ))}
            </div>
            <table aria-label="Angka sebaran desil">
              <tbody>
                <tr>
                  <th scope="row">Desil</th>
                  {r.desil.map((_, i) => (
                    <td key={i} className="num">
                      {i + 1}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Anggota</th>
                  {r.desil.map((n, i) => (
                    <td key={i} className="num">
                      {formatAngka(n)}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </figure>
          <TinjauNama onDone={reload} />
          <h2>Per kelompok</h2>
          <table aria-label="Hasil per kelompok">
            <thead>
              <tr>
                <th scope="col">Kelompok</th>
                <th scope="col" className="num">Anggota</th>
                <th scope="col" className="num">Cocok</th>
                <th scope="col" className="num">Desil 1–4</th>
                <th scope="col" className="num">Di atas desil 4</th>
                <th scope="col" className="num">Tidak ditemukan</th>
              </tr>
            </thead>
            <tbody>
              {r.per_kelompok.map((k) => (
                <tr key={k.kelompok_id}>
                  <th scope="row">{k.kelompok}</th>
                  <td className="num">{k.anggota}</td>
                  <td className="num">{k.cocok}</td>
                  <td className="num">{k.desil_1_4}</td>
                  <td className="num">{k.di_atas_4}</td>
                  <td className="num">{k.tidak_ditemukan}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions" style={{ justifyContent: 'flex-start' }}>
            <button type="button" onClick={async () => { try { await simpanBerkas(await invoke('dtsen.ekspor', { status: 'TIDAK_DITEMUKAN', format: 'xlsx' })); } catch (e) { setGalat(pesanGalat(e)); } }}>
              Ekspor anggota tidak ditemukan (untuk Dinas Sosial)
            </button>
            <button type="button" onClick={async () => { try { await simpanBerkas(await invoke('dtsen.ekspor', { format: 'xlsx' })); } catch (e) { setGalat(pesanGalat(e)); } }}>
              Ekspor semua hasil
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function TinjauNama(props: { onDone: () => void }) {
  const list = useLoad(() => invoke('dtsen.hasil', { status: 'COCOK_NAMA' }), []);
  const pending = (list.data ?? []).filter((r) => r.dikonfirmasi === null);
  if (!pending.length) return null;
  return (
    <section aria-labelledby="judul-tinjau">
      <h2 id="judul-tinjau">Kecocokan nama menunggu konfirmasi</h2>
      <table aria-label="Kecocokan nama">
        <thead>
          <tr>
            <th scope="col">Anggota</th>
            <th scope="col">NIK anggota</th>
            <th scope="col">Nama di ekstrak</th>
            <th scope="col" className="num">Skor</th>
            <th scope="col" className="num">Desil</th>
            <th scope="col">
              <span className="sr-only">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pending.map((r) => (
            <tr key={r.anggota_id}>
              <th scope="row">
                {r.nama} <span className="muted">({r.kelompok})</span>
              </th>
              <td className="mono">{r.nik}</td>
              <td>{r.nama_dtsen}</td>
              <td className="num">{r.skor?.toFixed(2).replace('.', ',')}</td>
              <td className="num">{r.desil ?? '–'}</td>
              <td className="actions-cell">
                <button type="button" onClick={async () => (await invoke('dtsen.konfirmasi', { anggota_id: r.anggota_id, terima: true }), list.reload(), props.onDone())} aria-label={`Terima ${r.nama}`}>
                  Orang yang sama
                </button>
                <button type="button" className="danger" onClick={async () => (await invoke('dtsen.konfirmasi', { anggota_id: r.anggota_id, terima: false }), list.reload(), props.onDone())} aria-label={`Tolak ${r.nama}`}>
                  Bukan
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ImporEkstrak(props: { onDone: (pesan: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [berkas, setBerkas] = useState<FileRef | null>(null);
  const [pratinjau, setPratinjau] = useState<Awaited<ReturnType<typeof invoke<'dtsen.pratinjau'>>> | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | undefined>>({});
  const [sumber, setSumber] = useState<'DTSEN' | 'DTKS'>('DTSEN');
  const [tanggal, setTanggal] = useState(hariIni());
  const [tugas, setTugas] = useState<StatusTugas | null>(null);
  const [galat, setGalat] = useState('');
  useEffect(() => {
    if (!tugas || tugas.status !== 'berjalan') return;
    const t = setInterval(async () => {
      const s = await invoke('tugas.status', { id: tugas.id });
      setTugas(s);
      if (s.status === 'selesai') {
        const h = s.hasil as RingkasanEkstrak;
        props.onDone(`Ekstrak ${h.sumber} diimpor: ${formatAngka(h.dibaca)} baris dibaca, ${formatAngka(h.disimpan)} disimpan, ${formatAngka(h.ditolak)} ditolak.`);
        setPratinjau(null);
      } else if (s.status !== 'berjalan') setGalat(s.galat?.message ?? 'Impor tidak selesai.');
    }, 400);
    return () => clearInterval(t);
  }, [tugas, props]);
  const persen = tugas?.progres?.total ? Math.floor((tugas.progres.byte / tugas.progres.total) * 100) : 0;
  return (
    <details open={!!pratinjau || tugas?.status === 'berjalan'}>
      <summary>Impor ekstrak dari Dinas Sosial (.csv atau .xlsx)</summary>
      <div className="row2">
        {!isElectron() && <Field label="Berkas ekstrak">{(id) => <input id={id} type="file" accept=".csv,.xlsx,.txt" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}</Field>}
        <div className="actions">
          <button
            type="button"
            disabled={!isElectron() && !file}
            onClick={async () => {
              setGalat('');
              try {
                const f = await pilihBerkas(file, [{ name: 'Ekstrak', extensions: ['csv', 'xlsx', 'txt'] }]);
                if (!f) return;
                setBerkas(f);
                const p = await invoke('dtsen.pratinjau', { berkas: f });
                setPratinjau(p);
                setMapping(p.mapping);
              } catch (e) {
                setGalat(pesanGalat(e));
              }
            }}
          >
            Baca berkas ekstrak
          </button>
        </div>
      </div>
      <Notice kind="error">{galat}</Notice>
      {pratinjau && berkas && (
        <>
          <p>
            {berkas.nama}: {pratinjau.format.toUpperCase()} ({pratinjau.encoding}), {formatAngka(Math.ceil(pratinjau.ukuran / 1024))} KB.
          </p>
          <div className="row3">
            <SelectField label="Sumber data" value={sumber} onChange={(v) => setSumber(v as 'DTSEN')} options={[{ value: 'DTSEN', label: 'DT-SEN' }, { value: 'DTKS', label: 'DTKS' }]} />
            <DateField label="Tanggal data" value={tanggal} onChange={setTanggal} />
          </div>
          <PemetaanKolom fields={FIELD_EKSTRAK} labels={LABEL_FIELD} headers={pratinjau.headers} mapping={mapping} onChange={(f, v) => setMapping((m) => ({ ...m, [f]: v }))} />
          <PratinjauTabel label="Pratinjau ekstrak" headers={pratinjau.headers} sampel={pratinjau.sampel} />
          <div className="actions" style={{ justifyContent: 'flex-start' }}>
            <button
              type="button"
              className="primary"
              disabled={tugas?.status === 'berjalan'}
              onClick={async () => {
                setGalat('');
                try {
                  const clean = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) as Record<string, string>;
                  setTugas(await invoke('dtsen.impor', { berkas, sumber, tanggal, mapping: clean }));
                } catch (e) {
                  setGalat(pesanGalat(e));
                }
              }}
            >
              Impor ekstrak
            </button>
            {tugas?.status === 'berjalan' && (
              <>
                <progress max={100} value={persen} aria-label="Kemajuan impor">
                  {persen}%
                </progress>
                <span role="status">
                  {formatAngka(tugas.progres?.baris ?? 0)} baris ({persen}%)
                </span>
                <button type="button" className="danger" onClick={async () => setTugas(await invoke('tugas.batal', { id: tugas.id }))}>
                  Batalkan impor
                </button>
              </>
            )}
          </div>
        </>
      )}
    </details>
  );
}
