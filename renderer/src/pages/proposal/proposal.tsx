import { useState } from 'react';
import { formatRupiah, formatTanggal } from '../../../../main/common/format';
import type { ProposalRow } from '../../../../main/common/proposal';
import { invoke, pesanGalat, simpanBerkas } from '../../api';
import { Notice, TombolKerja, useLoad } from '../../components/ui';
import { ProposalForm } from './form';
import { STATUS } from './status';

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
                <TombolKerja kerja={() => unduh(() => invoke('proposal.pdf', { id: p.id }))} sibuk="Membuat PDF…" aria-label={`PDF ${p.judul}`}>
                  PDF
                </TombolKerja>
                <TombolKerja kerja={() => unduh(() => invoke('proposal.rabXlsx', { id: p.id }))} sibuk="Membuat Excel…" aria-label={`RAB Excel ${p.judul}`}>
                  RAB Excel
                </TombolKerja>
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
