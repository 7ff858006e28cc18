import { useCallback, useEffect, useRef, useState } from 'react';
import { LABEL_STATUS, type BarisLembar, type Indikator, type Katalog, type Masalah, type NilaiLaporan } from '../../../main/common/laporan';
import { formatAngka, formatPeriode, formatRupiah } from '../../../main/common/format';
import { invoke, kecilkanFoto, pesanGalat, unggah } from '../api';
import { Dialog, Notice, SelectField, TextField, useLoad, MonthField } from '../components/ui';
import { useFasilitatorOptions } from './kelompok';
import { KonfirmasiNilai } from './laporan-mutu';
import { DialogAlasan } from '../components/alasan';

type SaveState = 'tersimpan' | 'menyimpan' | 'belum' | 'galat';
interface Row {
  baris: BarisLembar;
  /** What the officer typed, by indicator (text as typed, for numbers too). */
  cells: Record<string, string>;
  masalah: Masalah[];
  save: SaveState;
  pesanSimpan: string;
}

/** A report that is submitted or verified changes only after "Buka kembali" with a reason. */
const terkunci = (status: string | undefined) => status === 'diajukan' || status === 'diverifikasi';

export function bulanLalu(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function teksNilai(i: Indikator, v: NilaiLaporan[string] | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return i.desimal ? String(v).replace('.', ',') : String(v);
  return v;
}

function tampilLaba(v: NilaiLaporan[string] | undefined): string {
  return typeof v === 'number' ? formatRupiah(v) : '–';
}

function toRow(b: BarisLembar, katalog: Katalog): Row {
  const cells: Record<string, string> = {};
  for (const i of katalog.indikator) if (!i.turunan) cells[i.kode] = teksNilai(i, b.laporan?.nilai[i.kode]);
  return { baris: b, cells, masalah: b.masalah, save: 'tersimpan', pesanSimpan: '' };
}

/** One facilitator × one month: every group × every indicator, typed like a spreadsheet, saved as you go. */
export function EntriLaporan() {
  const fasilitatorOptions = useFasilitatorOptions();
  const [fasilitator, setFasilitator] = useState('');
  const [periode, setPeriode] = useState(bulanLalu);
  const [rows, setRows] = useState<Row[]>([]);
  const [katalog, setKatalog] = useState<Katalog | null>(null);
  const [pilih, setPilih] = useState<Set<string>>(new Set());
  const [info, setInfo] = useState('');
  const [galat, setGalat] = useState('');
  const [buka, setBuka] = useState<Row | null>(null);
  const [foto, setFoto] = useState<Row | null>(null);
  const [periksa, setPeriksa] = useState<{ row: Row; masalah: Masalah } | null>(null);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const pending = useRef(new Map<string, Record<string, string>>());
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  useEffect(() => {
    if (!fasilitator && fasilitatorOptions[0]) setFasilitator(fasilitatorOptions[0].value);
  }, [fasilitatorOptions, fasilitator]);

  const muat = useCallback(async () => {
    if (!fasilitator || !/^\d{4}-\d{2}$/.test(periode)) return;
    try {
      const lembar = await invoke('laporan.lembar', { fasilitator_id: fasilitator === '-' ? null : fasilitator, periode });
      setKatalog(lembar.katalog);
      setRows(lembar.baris.map((b) => toRow(b, lembar.katalog)));
      setPilih(new Set());
      setGalat('');
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  }, [fasilitator, periode]);
  useEffect(() => void muat(), [muat]);

  // Never lose typed work: warn before leaving while a save is pending.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (pending.current.size > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const simpan = async (kelompokId: string) => {
    const cells = pending.current.get(kelompokId);
    if (!cells) return;
    pending.current.delete(kelompokId);
    setRows((rs) => rs.map((r) => (r.baris.kelompok.id === kelompokId ? { ...r, save: 'menyimpan' } : r)));
    try {
      const result = await invoke('laporan.simpan', { kelompok_id: kelompokId, periode, nilai: cells });
      setRows((rs) =>
        rs.map((r) =>
          r.baris.kelompok.id === kelompokId ? { ...r, baris: { ...r.baris, laporan: result.laporan }, masalah: result.masalah, save: pending.current.has(kelompokId) ? 'belum' : 'tersimpan', pesanSimpan: '' } : r,
        ),
      );
    } catch (e) {
      pending.current.set(kelompokId, { ...cells, ...(pending.current.get(kelompokId) ?? {}) });
      setRows((rs) => rs.map((r) => (r.baris.kelompok.id === kelompokId ? { ...r, save: 'galat', pesanSimpan: pesanGalat(e) } : r)));
    }
  };

  const ubah = (kelompokId: string, changes: Record<string, string>) => {
    setRows((rs) => rs.map((r) => (r.baris.kelompok.id === kelompokId ? { ...r, cells: { ...r.cells, ...changes }, save: 'belum' } : r)));
    pending.current.set(kelompokId, { ...(pending.current.get(kelompokId) ?? {}), ...changes });
    clearTimeout(timers.current.get(kelompokId));
    timers.current.set(kelompokId, setTimeout(() => void simpan(kelompokId), 500));
  };

  if (!katalog) return <Notice kind="error">{galat}</Notice>;
  const kolom = katalog.indikator;
  const editable = kolom.filter((i) => !i.turunan);

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>, r: number, c: number) => {
    const move = (dr: number, dc: number) => {
      const target = document.querySelector<HTMLInputElement>(`[data-cell="${r + dr}:${c + dc}"]`);
      if (target) {
        e.preventDefault();
        target.focus();
        target.select();
      }
    };
    if (e.key === 'ArrowDown' || e.key === 'Enter') move(1, 0);
    else if (e.key === 'ArrowUp') move(-1, 0);
    else if (e.key === 'ArrowRight' && e.currentTarget.selectionStart === e.currentTarget.value.length) move(0, 1);
    else if (e.key === 'ArrowLeft' && e.currentTarget.selectionStart === 0) move(0, -1);
  };

  /** Paste from Excel: tab-separated columns, one line per row, filled from the focused cell. */
  const onPaste = (e: React.ClipboardEvent<HTMLInputElement>, r: number, c: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    const lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n');
    lines.forEach((line, dr) => {
      const row = rowsRef.current[r + dr];
      // Submitted and verified reports are locked: pasting skips them (the service refuses them too).
      if (!row || terkunci(row.baris.laporan?.status)) return;
      const changes: Record<string, string> = {};
      line.split('\t').forEach((value, dc) => {
        const i = editable[c + dc];
        if (i) changes[i.kode] = value.trim();
      });
      ubah(row.baris.kelompok.id, changes);
    });
  };

  const ubahStatus = async (aksi: 'laporan.ajukan' | 'laporan.verifikasi') => {
    const ids = rows.filter((r) => pilih.has(r.baris.kelompok.id) && r.baris.laporan).map((r) => r.baris.laporan!.id);
    if (ids.length === 0) return setGalat('Pilih laporan yang sudah berisi data.');
    try {
      const hasil = await invoke(aksi, { ids });
      setInfo(`${hasil.berhasil} laporan ${aksi === 'laporan.ajukan' ? 'diajukan' : 'diverifikasi'}.${hasil.ditolak.length ? ` ${hasil.ditolak.length} tidak: ${hasil.ditolak.map((d) => `${d.kelompok} (${d.pesan})`).join('; ')}` : ''}`);
      await muat();
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };

  const belumTersimpan = rows.filter((r) => r.save !== 'tersimpan').length;
  return (
    <section aria-labelledby="judul-entri">
      <h2 id="judul-entri">Entri laporan bulanan</h2>
      <div className="filters">
        <SelectField label="Fasilitator" value={fasilitator} onChange={setFasilitator} options={[...fasilitatorOptions, { value: '-', label: '(kelompok tanpa fasilitator)' }]} />
        <MonthField label="Bulan laporan" value={periode} onChange={setPeriode} />
      </div>
      <p className="muted">
        {formatPeriode(periode)} · ketik seperti di Excel: Enter/panah untuk pindah sel, tempel dari Excel langsung ke sel. Setiap perubahan tersimpan otomatis sebagai draft.{' '}
        <span role="status">{belumTersimpan ? `${belumTersimpan} baris sedang disimpan…` : 'Semua perubahan tersimpan.'}</span>
      </p>
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{galat}</Notice>
      <div className="actions">
        <button type="button" onClick={() => ubahStatus('laporan.ajukan')}>
          Ajukan yang dipilih
        </button>
        <button type="button" onClick={() => ubahStatus('laporan.verifikasi')}>
          Verifikasi yang dipilih
        </button>
      </div>
      <div className="grid-scroll">
        <table className="grid" aria-label="Lembar entri laporan">
          <thead>
            <tr>
              <th scope="col" className="kol-pilih">
                <input
                  type="checkbox"
                  aria-label="Pilih semua kelompok"
                  checked={rows.length > 0 && pilih.size === rows.length}
                  onChange={(e) => setPilih(e.target.checked ? new Set(rows.map((r) => r.baris.kelompok.id)) : new Set())}
                />
              </th>
              <th scope="col" className="sticky">
                Kelompok
              </th>
              <th scope="col" className="kol-status">
                Status
              </th>
              <th scope="col">Pemeriksaan</th>
              {kolom.map((i) => (
                <th key={i.kode} scope="col" title={i.satuan}>
                  {i.nama}
                  {i.wajib ? ' *' : ''}
                  {i.satuan && i.tipe !== 'rupiah' ? <span className="unit"> ({i.satuan})</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const locked = terkunci(row.baris.laporan?.status);
              const k = row.baris.kelompok;
              let c = -1;
              return (
                <tr key={k.id} className={locked ? 'locked' : undefined}>
                  <td className="kol-pilih">
                    <input type="checkbox" aria-label={`Pilih ${k.nama}`} checked={pilih.has(k.id)} onChange={(e) => setPilih((s) => (e.target.checked ? new Set(s).add(k.id) : new Set([...s].filter((x) => x !== k.id))))} />
                  </td>
                  <th scope="row" className="sticky">
                    {k.nama}
                    <div className="muted">{formatAngka(k.jumlah_anggota)} anggota</div>
                  </th>
                  <td className="kol-status">
                    {row.baris.laporan ? LABEL_STATUS[row.baris.laporan.status_efektif] : 'Belum ada'}
                    {row.baris.laporan?.status_efektif === 'dikembalikan' && <div className="warn-text">Alasan provinsi: {row.baris.laporan.alasan_provinsi}</div>}
                    <div className={`save save-${row.save}`}>{row.save === 'menyimpan' ? 'menyimpan…' : row.save === 'galat' ? 'gagal disimpan' : row.save === 'belum' ? 'belum tersimpan' : ''}</div>
                    {row.baris.laporan && (
                      <div className="row-actions">
                        {row.baris.laporan.status !== 'draft' && row.baris.laporan.status_efektif !== 'diterima' && (
                          <button type="button" onClick={() => setBuka(row)} aria-label={`Buka kembali laporan ${k.nama}`}>
                            Buka kembali
                          </button>
                        )}
                        <button type="button" onClick={() => setFoto(row)} aria-label={`Foto kegiatan ${k.nama}`}>
                          Foto
                        </button>
                      </div>
                    )}
                  </td>
                  <td className="problems">
                    {row.pesanSimpan && <div className="error-text">{row.pesanSimpan}</div>}
                    {row.masalah.map((m) => (
                      <div key={m.kode + m.pesan} className={m.tingkat === 'galat' ? 'error-text' : m.catatan ? 'muted' : 'warn-text'}>
                        {m.tingkat === 'galat' ? '✖' : m.catatan ? '✓' : '⚠'} {m.pesan}
                        {m.catatan && <> Dikonfirmasi: “{m.catatan}”.</>}
                        {m.tingkat === 'peringatan' && !m.catatan && m.aturan && row.baris.laporan && !locked && (
                          <button type="button" className="link" onClick={() => setPeriksa({ row, masalah: m })}>
                            Periksa dan konfirmasi {katalog?.indikator.find((i) => i.kode === m.kode)?.nama.toLowerCase() ?? m.kode} {k.nama}
                          </button>
                        )}
                      </div>
                    ))}
                  </td>
                  {kolom.map((i) => {
                    if (i.turunan) return <td key={i.kode} className="num derived">{tampilLaba(row.baris.laporan?.nilai[i.kode])}</td>;
                    c++;
                    const col = c;
                    const problem = row.masalah.find((m) => m.kode === i.kode);
                    return (
                      <td key={i.kode} className={problem ? `cell-${problem.tingkat}` : undefined}>
                        <input
                          aria-label={`${i.nama} ${k.nama}`}
                          data-cell={`${r}:${col}`}
                          className={i.tipe === 'teks' ? 'text-cell' : 'num-cell'}
                          inputMode={i.tipe === 'teks' ? 'text' : 'decimal'}
                          value={row.cells[i.kode] ?? ''}
                          readOnly={locked}
                          aria-invalid={problem?.tingkat === 'galat' ? true : undefined}
                          title={problem?.pesan}
                          onChange={(e) => ubah(k.id, { [i.kode]: e.target.value })}
                          onKeyDown={(e) => onKeyDown(e, r, col)}
                          onPaste={(e) => onPaste(e, r, col)}
                        />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr>
                <td colSpan={kolom.length + 4}>Tidak ada kelompok aktif untuk fasilitator ini.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {buka?.baris.laporan && <BukaKembali row={buka} onClose={(done) => (setBuka(null), done && (setInfo(`Laporan ${buka.baris.kelompok.nama} dibuka kembali menjadi draft.`), void muat()))} />}
      {periksa?.row.baris.laporan && (
        <KonfirmasiNilai
          laporanId={periksa.row.baris.laporan.id}
          kelompokId={periksa.row.baris.kelompok.id}
          kelompokNama={periksa.row.baris.kelompok.nama}
          periode={periode}
          indikator={katalog?.indikator.find((i) => i.kode === periksa.masalah.kode)}
          masalah={periksa.masalah}
          onClose={(done) => (setPeriksa(null), done && (setInfo(`Angka ${periksa.row.baris.kelompok.nama} dikonfirmasi dengan catatan.`), void muat()))}
        />
      )}
      {foto?.baris.laporan && <FotoLaporan laporanId={foto.baris.laporan.id} nama={foto.baris.kelompok.nama} terkunci={terkunci(foto.baris.laporan.status)} onClose={() => setFoto(null)} />}
    </section>
  );
}

function BukaKembali(props: { row: Row; onClose: (done: boolean) => void }) {
  return (
    <DialogAlasan
      judul={`Buka kembali laporan ${props.row.baris.kelompok.nama}`}
      label="Alasan membuka kembali"
      wajib
      tombol="Buka kembali"
      onBatal={() => props.onClose(false)}
      kirim={async (alasan) => {
        await invoke('laporan.bukaKembali', { id: props.row.baris.laporan!.id, alasan });
        props.onClose(true);
      }}
    >
      <p>Laporan yang sudah {props.row.baris.laporan!.status} akan kembali menjadi draft dan dapat diubah. Alasannya dicatat di riwayat.</p>
    </DialogAlasan>
  );
}

function FotoLaporan(props: { laporanId: string; nama: string; terkunci: boolean; onClose: () => void }) {
  const list = useLoad(() => invoke('laporan.foto', { laporan_id: props.laporanId }), [props.laporanId]);
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [keterangan, setKeterangan] = useState('');
  const [galat, setGalat] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    for (const f of list.data ?? []) {
      if (!urls[f.id]) void invoke('laporan.fotoData', { id: f.id }).then((d) => setUrls((u) => ({ ...u, [f.id]: d.dataUrl })));
    }
  }, [list.data, urls]);
  return (
    <Dialog title={`Foto kegiatan ${props.nama}`} onClose={props.onClose} wide>
      <p>Paling banyak 4 foto per laporan. Foto dikecilkan otomatis (paling besar 1280 piksel, sekitar 200 KB) dan tampil di PDF laporan bulanan.</p>
      <ul className="photos">
        {list.data?.map((f) => (
          <li key={f.id}>
            {urls[f.id] ? <img src={urls[f.id]} alt={f.keterangan ?? `Foto kegiatan ${props.nama}`} /> : <span>Memuat…</span>}
            <div>{f.keterangan}</div>
            {!props.terkunci && (
              <button type="button" className="danger" onClick={async () => (await invoke('laporan.fotoHapus', { id: f.id }), list.reload())}>
                Hapus foto
              </button>
            )}
          </li>
        ))}
      </ul>
      {!props.terkunci && (list.data?.length ?? 0) < 4 && (
        <div className="row2">
          <TextField label="Keterangan foto" value={keterangan} onChange={setKeterangan} />
          <label className="field">
            <span>Tambah foto</span>
            <input
              type="file"
              accept="image/jpeg,image/png"
              disabled={busy}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                setBusy(true);
                setGalat('');
                try {
                  const kecil = await kecilkanFoto(file);
                  const berkas = await unggah(kecil, file.name.replace(/\.\w+$/, '') + '.jpg');
                  await invoke('laporan.fotoTambah', { laporan_id: props.laporanId, berkas, keterangan: keterangan || null });
                  setKeterangan('');
                  list.reload();
                } catch (err) {
                  setGalat(pesanGalat(err));
                } finally {
                  setBusy(false);
                }
              }}
            />
          </label>
        </div>
      )}
      <Notice kind="error">{galat || list.error}</Notice>
    </Dialog>
  );
}
