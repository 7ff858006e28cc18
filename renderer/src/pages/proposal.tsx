import { useEffect, useState } from 'react';
import { formatRupiah, formatTanggal } from '../../../main/common/format';
import { hitungKelayakan, jumlahItem, KELOMPOK_BELANJA, susunRab, type IsiProposal, type ProposalRow, type Proyeksi, type RabItem, type StatusProposal } from '../../../main/common/proposal';
import { terbilangRupiah } from '../../../main/common/terbilang';
import { useStatus } from '../app-context';
import { invoke, pesanGalat, simpanBerkas, unggah } from '../api';
import { Dialog, Field, Notice, SelectField, TextField, useLoad, DateField } from '../components/ui';
import { useKelompokOptions } from './anggota';

const STATUS: Record<StatusProposal, string> = { draft: 'Draf', diajukan: 'Diajukan', disetujui: 'Disetujui', ditolak: 'Ditolak' };

export function ProposalPage() {
  const list = useLoad(() => invoke('proposal.list', {}), []);
  const [edit, setEdit] = useState<string | 'baru' | null>(null);
  const [info, setInfo] = useState('');
  const [galat, setGalat] = useState('');
  const unduh = async (fn: () => Promise<Parameters<typeof simpanBerkas>[0]>) => {
    setGalat('');
    try {
      await simpanBerkas(await fn());
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };
  return (
    <section aria-labelledby="judul-proposal">
      <div className="page-head">
        <h1 id="judul-proposal">Proposal usaha</h1>
        <button type="button" className="primary" onClick={() => setEdit('baru')}>
          Buat proposal
        </button>
      </div>
      <p className="muted">Proposal ditujukan kepada Gubernur Jawa Timur c.q. Kepala Dinas terkait, berisi rencana usaha dan RAB, dicetak sebagai PDF.</p>
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{galat || list.error}</Notice>
      <table aria-label="Daftar proposal">
        <thead>
          <tr>
            <th scope="col">Judul</th>
            <th scope="col">Kelompok</th>
            <th scope="col">Tanggal</th>
            <th scope="col" className="num">Total RAB</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data?.map((p: ProposalRow) => (
            <tr key={p.id}>
              <td>{p.judul}</td>
              <td>{p.kelompok_nama}</td>
              <td>{formatTanggal(p.tanggal)}</td>
              <td className="num">{formatRupiah(p.total_rab)}</td>
              <td>
                {STATUS[p.status]}
                {p.nilai_disetujui ? ` (${formatRupiah(p.nilai_disetujui)})` : ''}
              </td>
              <td className="actions-cell">
                <button type="button" onClick={() => setEdit(p.id)} aria-label={`Buka ${p.judul}`}>
                  Buka
                </button>
                <button type="button" onClick={() => unduh(() => invoke('proposal.pdf', { id: p.id }))} aria-label={`PDF ${p.judul}`}>
                  PDF
                </button>
                <button type="button" onClick={() => unduh(() => invoke('proposal.rabXlsx', { id: p.id }))} aria-label={`RAB Excel ${p.judul}`}>
                  RAB Excel
                </button>
              </td>
            </tr>
          ))}
          {list.data?.length === 0 && (
            <tr>
              <td colSpan={6}>Belum ada proposal.</td>
            </tr>
          )}
        </tbody>
      </table>
      {edit && (
        <ProposalForm
          id={edit === 'baru' ? null : edit}
          onClose={(pesan) => {
            setEdit(null);
            if (pesan) setInfo(pesan);
            list.reload();
          }}
        />
      )}
    </section>
  );
}

const SECTIONS: [keyof IsiProposal, string][] = [
  ['latar_belakang', 'Latar belakang'],
  ['target_pasar', 'Target pasar'],
  ['pesaing', 'Pesaing'],
  ['offtaker', 'Offtaker (pembeli tetap)'],
  ['produk', 'Produk'],
  ['kapasitas_produksi', 'Kapasitas produksi'],
  ['pemasaran', 'Pemasaran'],
  ['penutup', 'Penutup'],
];
const PROYEKSI: [keyof Proyeksi, string][] = [
  ['modal_investasi', 'Modal investasi (Rp)'],
  ['biaya_tetap_bulan', 'Biaya tetap per bulan (Rp)'],
  ['biaya_variabel_unit', 'Biaya variabel per unit (Rp)'],
  ['harga_jual_unit', 'Harga jual per unit (Rp)'],
  ['penjualan_bulan', 'Penjualan per bulan (unit)'],
];

type RabRow = { id?: string; kelompok_belanja: string; uraian: string; volume: string; satuan: string; harga_satuan: string };
const angka = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

function ProposalForm(props: { id: string | null; onClose: (pesan?: string) => void }) {
  const kelompokOptions = useKelompokOptions();
  const dinas = useLoad(() => invoke('proposal.dinas', {}), []);
  const [form, setForm] = useState({ kelompok_id: '', judul: '', nomor_surat: '', tempat: '', tanggal: new Date().toISOString().slice(0, 10), lampiran: '1 (satu) berkas', perihal: '', dinas: '', kepala_desa: '' });
  const [isi, setIsi] = useState<IsiProposal>({});
  const [proyeksi, setProyeksi] = useState<Record<string, string>>({});
  const [rab, setRab] = useState<RabRow[]>([]);
  const [status, setStatus] = useState<StatusProposal>('draft');
  const [nilai, setNilai] = useState('');
  const [galat, setGalat] = useState('');
  const [nikLengkap, setNikLengkap] = useState(false);
  const kantor = useStatus().status.pengaturan;
  // This letter's signer and copies: the office's settings unless the officer changes them for this letter.
  const [surat, setSurat] = useState({ mode: kantor.ttd_mode as string, nama: kantor.ttd_mode === 'langsung' ? kantor.kepala_nama : kantor.ttd_nama, tembusan: kantor.tembusan });
  useEffect(() => {
    if (!props.id) return;
    void invoke('proposal.get', { id: props.id }).then((p) => {
      setForm({ kelompok_id: p.kelompok_id, judul: p.judul, nomor_surat: p.nomor_surat ?? '', tempat: p.tempat ?? '', tanggal: p.tanggal ?? '', lampiran: p.lampiran ?? '', perihal: p.perihal ?? '', dinas: p.dinas ?? '', kepala_desa: p.kepala_desa ?? '' });
      setIsi(p.isi);
      setProyeksi(Object.fromEntries(Object.entries(p.proyeksi).map(([k, v]) => [k, String(v)])));
      setRab(p.rab.items.map((i) => ({ ...(i.id ? { id: i.id } : {}), kelompok_belanja: i.kelompok_belanja, uraian: i.uraian, volume: String(i.volume).replace('.', ','), satuan: i.satuan, harga_satuan: String(i.harga_satuan) })));
      setStatus(p.status);
      setNilai(p.nilai_disetujui ? String(p.nilai_disetujui) : '');
    }, (e) => setGalat(pesanGalat(e)));
  }, [props.id]);

  // Choosing the group fills what the app already knows and the officer has not typed yet: the title, the place,
  // the product, the sales history's latest month as the date.
  const pilihKelompok = async (id: string) => {
    setForm((f) => ({ ...f, kelompok_id: id }));
    if (!id || props.id) return;
    try {
      const k = await invoke('kelompok.get', { id });
      const usaha = k.produk_utama || k.sektor;
      setForm((f) => ({ ...f, judul: f.judul || `Proposal Pengembangan Usaha ${usaha} ${k.nama}`, tempat: f.tempat || kantor.kota_surat, perihal: f.perihal || `Usulan Bantuan Usaha ${k.nama}` }));
      setIsi((x) => ({ ...x, produk: x.produk || (k.produk_utama ? `${k.produk_utama} (${k.sektor.toLowerCase()}).` : '') }));
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };

  const items: RabItem[] = rab.map((r) => ({ ...(r.id ? { id: r.id } : {}), kelompok_belanja: r.kelompok_belanja || 'Lainnya', uraian: r.uraian, volume: angka(r.volume || '0'), satuan: r.satuan, harga_satuan: Math.round(angka(r.harga_satuan || '0')) }));
  const proy: Proyeksi = Object.fromEntries(Object.entries(proyeksi).filter(([, v]) => v !== '').map(([k, v]) => [k, angka(v)]));
  const kelayakan = hitungKelayakan(proy, items);
  const total = susunRab(items).total;
  const locked = status !== 'draft';

  const setRow = (index: number, patch: Partial<RabRow>) => setRab((rows) => rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, d: number) => setRab((rows) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(Math.max(0, Math.min(next.length, index + d)), 0, row!);
    return next;
  });
  const onPaste = (e: React.ClipboardEvent, index: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/\t/.test(text)) return;
    e.preventDefault();
    const rows = text.replace(/\r/g, '').trim().split('\n').map((line) => line.split('\t'));
    setRab((current) => {
      const next = [...current];
      // Lines as Excel copies them: [No,] [Kelompok belanja,] Uraian, Volume, Satuan, Harga satuan[, Jumlah]. A line
      // with its group keeps it; one without takes the group of the line above (or of the row pasted into).
      let kelompok = current[index]?.kelompok_belanja ?? 'Peralatan';
      rows.forEach((raw, i) => {
        let cells = raw.map((t) => t.trim());
        if (cells.length >= 6 && /^\d+$/.test(cells[0]!)) cells = cells.slice(1);
        if (cells.length >= 5 && !/^[\d.,]+$/.test(cells[0]!)) {
          kelompok = cells[0]!;
          cells = cells.slice(1);
        }
        const [uraian = '', volume = '', satuan = '', harga = ''] = cells;
        next[index + i] = { ...(next[index + i] ?? {}), kelompok_belanja: kelompok, uraian, volume, satuan, harga_satuan: harga.replace(/[^\d]/g, '') } as RabRow;
      });
      return next;
    });
  };

  const simpan = async () => {
    setGalat('');
    try {
      const bad = items.findIndex((i) => !i.uraian || Number.isNaN(i.volume) || Number.isNaN(i.harga_satuan));
      if (bad >= 0) throw new Error(`Baris RAB ${bad + 1}: isi uraian, volume dan harga satuan dengan angka.`);
      const saved = await invoke('proposal.simpan', {
        ...(props.id ? { id: props.id } : {}),
        ...form,
        nomor_surat: form.nomor_surat || null,
        tempat: form.tempat || null,
        tanggal: form.tanggal || null,
        lampiran: form.lampiran || null,
        perihal: form.perihal || null,
        dinas: form.dinas || null,
        kepala_desa: form.kepala_desa || null,
        isi,
        proyeksi: proy,
      });
      await invoke('proposal.simpanRab', { id: saved.id, items });
      props.onClose(`Proposal "${form.judul}" disimpan; total RAB ${formatRupiah(total)}.`);
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };

  return (
    <Dialog title={props.id ? `Proposal: ${form.judul}` : 'Buat proposal'} onClose={() => props.onClose()} wide>
      <fieldset disabled={locked}>
        <legend>Surat pengantar</legend>
        <SelectField label="Kelompok pengusul" value={form.kelompok_id} onChange={(v) => void pilihKelompok(v)} empty="— pilih kelompok —" options={kelompokOptions} />
        <TextField label="Judul proposal" value={form.judul} onChange={(v) => setForm((f) => ({ ...f, judul: v }))} />
        <div className="row3">
          <TextField label="Nomor surat" value={form.nomor_surat} onChange={(v) => setForm((f) => ({ ...f, nomor_surat: v }))} />
          <TextField label="Tempat" value={form.tempat} onChange={(v) => setForm((f) => ({ ...f, tempat: v }))} />
          <DateField label="Tanggal surat" value={form.tanggal} onChange={(v) => setForm((f) => ({ ...f, tanggal: v }))} />
        </div>
        <div className="row3">
          <TextField label="Lampiran" value={form.lampiran} onChange={(v) => setForm((f) => ({ ...f, lampiran: v }))} />
          <TextField label="Perihal" value={form.perihal} onChange={(v) => setForm((f) => ({ ...f, perihal: v }))} />
          <SelectField label="Kepala Dinas yang dituju (c.q.)" value={form.dinas} onChange={(v) => setForm((f) => ({ ...f, dinas: v }))} empty="— pilih dinas —" options={(dinas.data ?? []).map((d) => ({ value: d, label: d }))} />
        </div>
        <TextField label="Nama Kepala Desa" value={form.kepala_desa} onChange={(v) => setForm((f) => ({ ...f, kepala_desa: v }))} />
      </fieldset>
      <fieldset disabled={locked}>
        <legend>Rencana usaha</legend>
        {SECTIONS.map(([key, label]) => (
          <Field key={key} label={label}>
            {(id) => <textarea id={id} rows={2} value={isi[key] ?? ''} onChange={(e) => setIsi((s) => ({ ...s, [key]: e.target.value }))} />}
          </Field>
        ))}
      </fieldset>
      <fieldset disabled={locked}>
        <legend>Proyeksi dan kelayakan usaha</legend>
        <div className="row3">
          {PROYEKSI.map(([key, label]) => (
            <TextField key={key} label={label} inputMode="numeric" value={proyeksi[key] ?? ''} onChange={(v) => setProyeksi((p) => ({ ...p, [key]: v }))} />
          ))}
        </div>
        <p role="status" aria-label="Kelayakan usaha">
          {kelayakan.bep_unit !== null ? `BEP ${kelayakan.bep_unit} unit (${formatRupiah(kelayakan.bep_rupiah ?? 0)}) · ` : ''}
          {kelayakan.laba_bulan !== null ? `laba per bulan ${formatRupiah(kelayakan.laba_bulan)} · ` : ''}
          {kelayakan.rc_ratio !== null ? `R/C ${String(kelayakan.rc_ratio).replace('.', ',')} · ` : ''}
          {kelayakan.payback_bulan !== null ? `balik modal ${String(kelayakan.payback_bulan).replace('.', ',')} bulan · ` : ''}
          {kelayakan.modal_total !== null ? `modal ${kelayakan.sumber_modal === 'rab' ? 'dari RAB' : 'diketik'} ${formatRupiah(kelayakan.modal_total)} · ` : ''}
          {kelayakan.layak === null ? kelayakan.catatan.filter((c) => c !== kelayakan.selisih_modal).join(' ') : kelayakan.layak ? 'Layak' : `Belum layak. ${kelayakan.catatan.filter((c) => c !== kelayakan.selisih_modal).join(' ')}`}
        </p>
        {kelayakan.selisih_modal && (
          <p className="peringatan" role="alert">
            {kelayakan.selisih_modal}
          </p>
        )}
      </fieldset>
      <fieldset disabled={locked}>
        <legend>Rencana Anggaran Biaya (RAB)</legend>
        <p className="muted">Tempel dari Excel (kolom: uraian, volume, satuan, harga satuan) ke sel uraian mana pun.</p>
        <datalist id="kelompok-belanja">
          {KELOMPOK_BELANJA.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <table className="grid" aria-label="Tabel RAB">
          <thead>
            <tr>
              <th scope="col">No</th>
              <th scope="col">Kelompok belanja</th>
              <th scope="col">Uraian</th>
              <th scope="col">Volume</th>
              <th scope="col">Satuan</th>
              <th scope="col">Harga satuan</th>
              <th scope="col" className="num">Jumlah</th>
              <th scope="col">
                <span className="sr-only">Tindakan</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rab.map((r, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  <input list="kelompok-belanja" aria-label={`Kelompok belanja baris ${i + 1}`} value={r.kelompok_belanja} onChange={(e) => setRow(i, { kelompok_belanja: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`Uraian baris ${i + 1}`} value={r.uraian} onChange={(e) => setRow(i, { uraian: e.target.value })} onPaste={(e) => onPaste(e, i)} />
                </td>
                <td>
                  <input className="num-cell short" aria-label={`Volume baris ${i + 1}`} inputMode="decimal" value={r.volume} onChange={(e) => setRow(i, { volume: e.target.value })} />
                </td>
                <td>
                  <input className="short" aria-label={`Satuan baris ${i + 1}`} value={r.satuan} onChange={(e) => setRow(i, { satuan: e.target.value })} />
                </td>
                <td>
                  <input className="num-cell" aria-label={`Harga satuan baris ${i + 1}`} inputMode="numeric" value={r.harga_satuan} onChange={(e) => setRow(i, { harga_satuan: e.target.value })} />
                </td>
                <td className="num">{formatRupiah(jumlahItem(items[i]!) || 0)}</td>
                <td className="actions-cell">
                  <button type="button" aria-label={`Naikkan baris ${i + 1}`} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" aria-label={`Turunkan baris ${i + 1}`} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="danger" aria-label={`Hapus baris ${i + 1}`} onClick={() => setRab((rows) => rows.filter((_, j) => j !== i))}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th scope="row" colSpan={6}>
                Total
              </th>
              <td className="num" aria-label="Total RAB">
                {formatRupiah(total)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
        <p>
          <em>Terbilang: {terbilangRupiah(total)}</em>
        </p>
        <div className="actions">
          <button type="button" onClick={() => setRab((rows) => [...rows, { kelompok_belanja: rows[rows.length - 1]?.kelompok_belanja ?? 'Peralatan', uraian: '', volume: '1', satuan: 'unit', harga_satuan: '' }])}>
            Tambah baris RAB
          </button>
          <label className="file-button">
            Impor RAB dari Excel
            <input
              type="file"
              accept=".xlsx"
              className="sr-only"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                try {
                  const imported = await invoke('proposal.imporRab', { berkas: await unggah(file, file.name) });
                  setRab(imported.map((i) => ({ kelompok_belanja: i.kelompok_belanja, uraian: i.uraian, volume: String(i.volume).replace('.', ','), satuan: i.satuan, harga_satuan: String(i.harga_satuan) })));
                } catch (err) {
                  setGalat(pesanGalat(err));
                }
              }}
            />
          </label>
        </div>
      </fieldset>
      {props.id && (
        <fieldset>
          <legend>Status proposal</legend>
          <div className="row3">
            <SelectField label="Status" value={status} onChange={(v) => setStatus(v as StatusProposal)} options={Object.entries(STATUS).map(([value, label]) => ({ value, label }))} />
            {status === 'disetujui' && <TextField label="Nilai disetujui (Rp)" value={nilai} onChange={setNilai} inputMode="numeric" />}
            <div className="actions">
              <button
                type="button"
                onClick={async () => {
                  try {
                    await invoke('proposal.status', { id: props.id!, status, nilai_disetujui: nilai ? angka(nilai) : null });
                    props.onClose(`Status proposal menjadi ${STATUS[status].toLowerCase()}.`);
                  } catch (e) {
                    setGalat(pesanGalat(e));
                  }
                }}
              >
                Simpan status
              </button>
            </div>
          </div>
        </fieldset>
      )}
      <Notice kind="error">{galat}</Notice>
      <div className="actions">
        {props.id && (
          <>
            <label className="check">
              <input type="checkbox" checked={nikLengkap} onChange={(e) => setNikLengkap(e.target.checked)} /> NIK lengkap di lampiran
            </label>
            <details>
              <summary>Penanda tangan dan tembusan surat ini</summary>
              <SelectField
                label="Cara tanda tangan surat ini"
                value={surat.mode}
                onChange={(mode) => setSurat((x) => ({ ...x, mode }))}
                options={[
                  { value: 'langsung', label: 'Ditandatangani Kepala' },
                  { value: 'a.n.', label: 'a.n. Kepala' },
                  { value: 'Plt.', label: 'Plt. Kepala' },
                  { value: 'Plh.', label: 'Plh. Kepala' },
                ]}
              />
              <TextField label="Nama penanda tangan surat ini" value={surat.nama} onChange={(nama) => setSurat((x) => ({ ...x, nama }))} />
              <Field label="Tembusan surat ini (satu per baris)">
                {(id) => <textarea id={id} rows={3} value={surat.tembusan} onChange={(e) => setSurat((x) => ({ ...x, tembusan: e.target.value }))} />}
              </Field>
            </details>
            <button
              type="button"
              onClick={async () => {
                try {
                  const ubah = surat.mode !== kantor.ttd_mode || surat.nama !== (kantor.ttd_mode === 'langsung' ? kantor.kepala_nama : kantor.ttd_nama);
                  const penandatangan = ubah ? { mode: surat.mode as 'langsung', nama: surat.nama } : null;
                  const tembusan = surat.tembusan !== kantor.tembusan ? surat.tembusan.split('\n').map((t) => t.trim()).filter(Boolean) : null;
                  await simpanBerkas(await invoke('proposal.pdf', { id: props.id!, nikLengkap, penandatangan, tembusan }));
                } catch (e) {
                  setGalat(pesanGalat(e));
                }
              }}
            >
              Unduh PDF
            </button>
          </>
        )}
        <button type="button" onClick={() => props.onClose()}>
          Tutup
        </button>
        {!locked && (
          <button type="button" className="primary" onClick={simpan}>
            Simpan proposal
          </button>
        )}
      </div>
    </Dialog>
  );
}
