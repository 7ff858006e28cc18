import { useEffect, useState } from 'react';
import { formatRupiah, hurufJudul } from '../../../../main/common/format';
import { batasPengembalian, hitungKelayakan, type TteProposal, susunRab, type IsiProposal, type Proyeksi, type StatusProposal } from '../../../../main/common/proposal';
import { useStatus } from '../../app-context';
import { invoke, pesanGalat } from '../../api';
import { Dialog, Notice, useLoad } from '../../components/ui';
import { useDraf } from '../../hooks/draf';
import { useKelompokOptions } from '../../hooks/pilihan';
import { angka, bacaBaris, RabFieldset, rabDariItem, type RabRow } from './rab';
import { ProyeksiFieldset, RencanaFieldset } from './rencana';
import { StatusFieldset } from './status';
import { SuratFieldset, UnduhPdf, type FormSurat } from './surat';
import { TteProposalPanel } from './tte';

/** One proposal: the covering letter, the plan, the projection, the RAB; saved together, printed once saved. */
export function ProposalForm(props: { id: string | null; onClose: (pesan?: string) => void }) {
  const kelompokOptions = useKelompokOptions();
  const dinas = useLoad(() => invoke('proposal.dinas', {}), []);
  const kantor = useStatus().status.pengaturan;
  const [form, setForm] = useState<FormSurat>({ kelompok_id: '', judul: '', nomor_surat: '', tempat: '', tanggal: new Date().toISOString().slice(0, 10), lampiran: '1 (satu) berkas', perihal: '', dinas: '', kepala_desa: '' });
  const [isi, setIsi] = useState<IsiProposal>({});
  const [proyeksi, setProyeksi] = useState<Record<string, string>>({});
  const [rab, setRab] = useState<RabRow[]>([]);
  const [status, setStatus] = useState<StatusProposal>('draft');
  const [nilai, setNilai] = useState('');
  const [galat, setGalat] = useState('');
  const [tte, setTte] = useState<TteProposal | null>(null);
  const muatTte = () => props.id && void invoke('proposal.get', { id: props.id }).then((p) => setTte(p.tte), (e) => setGalat(pesanGalat(e)));
  const draf = useDraf(`bermantra-draf-proposal-${props.id ?? 'baru'}`, { form, isi, proyeksi, rab }, (d) => (setForm(d.form), setIsi(d.isi), setProyeksi(d.proyeksi), setRab(d.rab)));
  useEffect(() => {
    if (!props.id) return draf.termuat({ form, isi, proyeksi, rab });
    void invoke('proposal.get', { id: props.id }).then((p) => {
      const awal = {
        form: { kelompok_id: p.kelompok_id, judul: p.judul, nomor_surat: p.nomor_surat ?? '', tempat: p.tempat ?? '', tanggal: p.tanggal ?? '', lampiran: p.lampiran ?? '', perihal: p.perihal ?? '', dinas: p.dinas ?? '', kepala_desa: p.kepala_desa ?? '' },
        isi: p.isi,
        proyeksi: Object.fromEntries(Object.entries(p.proyeksi).map(([k, v]) => [k, String(v)])),
        rab: p.rab.items.map(rabDariItem),
      };
      setForm(awal.form);
      setIsi(awal.isi);
      setProyeksi(awal.proyeksi);
      setRab(awal.rab);
      setStatus(p.status);
      setNilai(p.nilai_disetujui ? String(p.nilai_disetujui) : '');
      setTte(p.tte);
      draf.termuat(awal, p.status === 'draft');
    }, (e) => setGalat(pesanGalat(e)));
  }, [props.id]);
  const tutup = (pesan?: string) => {
    if (!pesan && draf.berubah && !confirm('Perubahan belum disimpan. Tutup? Ketikan tetap tersimpan sebagai draf di komputer ini dan muncul lagi saat proposal ini dibuka.')) return;
    props.onClose(pesan);
  };
  const buangDraf = () => (draf.hapus(), props.onClose('Draf ketikan dibuang; proposal kembali seperti yang tersimpan.'));

  // Choosing the group fills what the app already knows and the officer has not typed yet: the title, the place,
  // the subject, the product.
  const pilihKelompok = async (id: string) => {
    setForm((f) => ({ ...f, kelompok_id: id }));
    if (!id || props.id) return;
    try {
      const k = await invoke('kelompok.get', { id });
      const usaha = k.produk_utama || k.sektor;
      setForm((f) => ({ ...f, judul: f.judul || `${hurufJudul(`Proposal Pengembangan Usaha ${usaha}`)} ${k.nama}`, tempat: f.tempat || kantor.kota_surat, perihal: f.perihal || `Usulan Bantuan Usaha ${k.nama}` }));
      setIsi((x) => ({ ...x, produk: x.produk || (k.produk_utama ? `${k.produk_utama} (${k.sektor.toLowerCase()}).` : '') }));
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };

  // Lines whose numbers cannot be read are marked on their cells and left out of the totals until corrected.
  const bacaan = rab.map(bacaBaris);
  const items = bacaan.flatMap((b) => (b.item ? [b.item] : []));
  const proy: Proyeksi = Object.fromEntries(Object.entries(proyeksi).flatMap(([k, v]) => (angka(v) === null ? [] : [[k, angka(v)]])));
  const kelayakan = hitungKelayakan(proy, items, batasPengembalian(kantor.batas_pengembalian_bulan));
  const total = susunRab(items).total;
  const locked = status !== 'draft';

  const simpan = async () => {
    setGalat('');
    try {
      const bad = bacaan.findIndex((b, i) => !b.item || !rab[i]!.uraian.trim());
      if (bad >= 0) {
        const g = bacaan[bad]!.galat;
        throw new Error(`Baris RAB ${bad + 1}: ${g.volume ?? g.harga_satuan ?? 'isi uraiannya.'} Perbaiki baris itu lalu simpan lagi; yang lain sudah tetap di layar.`);
      }
      const kosong = (v: string) => v || null;
      const f = form;
      const saved = await invoke('proposal.simpan', {
        ...(props.id ? { id: props.id } : {}),
        kelompok_id: f.kelompok_id,
        judul: f.judul,
        nomor_surat: kosong(f.nomor_surat),
        tempat: kosong(f.tempat),
        tanggal: kosong(f.tanggal),
        lampiran: kosong(f.lampiran),
        perihal: kosong(f.perihal),
        dinas: kosong(f.dinas),
        kepala_desa: kosong(f.kepala_desa),
        isi,
        proyeksi: proy,
      });
      await invoke('proposal.simpanRab', { id: saved.id, items });
      draf.hapus();
      props.onClose(`Proposal "${form.judul}" disimpan; total RAB ${formatRupiah(total)}.`);
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };

  return (
    <Dialog title={props.id ? `Proposal: ${form.judul}` : 'Buat proposal'} onClose={() => tutup()} wide>
      {draf.pesan && (
        <div className="notice notice-ok" role="status">
          {draf.pesan}{' '}
          <button type="button" className="link" onClick={buangDraf}>
            Buang draf
          </button>
        </div>
      )}
      <SuratFieldset form={form} onForm={(patch) => setForm((f) => ({ ...f, ...patch }))} onKelompok={(id) => void pilihKelompok(id)} kelompokOptions={kelompokOptions} dinas={dinas.data ?? []} locked={locked} />
      <RencanaFieldset isi={isi} onIsi={(patch) => setIsi((s) => ({ ...s, ...patch }))} locked={locked} />
      <ProyeksiFieldset proyeksi={proyeksi} onProyeksi={(patch) => setProyeksi((p) => ({ ...p, ...patch }))} kelayakan={kelayakan} locked={locked} />
      <RabFieldset rab={rab} onRab={setRab} total={total} locked={locked} onGalat={setGalat} />
      {props.id && <TteProposalPanel id={props.id} tte={tte} onBerubah={muatTte} />}
      {props.id && <StatusFieldset id={props.id} status={status} nilai={nilai} onStatus={setStatus} onNilai={setNilai} onClose={props.onClose} onGalat={setGalat} />}
      <Notice kind="error">{galat}</Notice>
      <div className="actions">
        {props.id && <UnduhPdf id={props.id} dinas={form.dinas} onGalat={setGalat} />}
        <button type="button" onClick={() => tutup()}>
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
