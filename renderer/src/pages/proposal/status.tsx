import type { StatusProposal } from '../../../../main/common/proposal';
import { invoke, pesanGalat } from '../../api';
import { AngkaField } from '../../components/angka';
import { SelectField } from '../../components/ui';
import { angka } from './rab';

export const STATUS: Record<StatusProposal, string> = { draft: 'Draf', diajukan: 'Diajukan', disetujui: 'Disetujui', ditolak: 'Ditolak' };

/** A saved proposal's decision: submitted, approved (with the amount) or refused; only a draft can be edited. */
export function StatusFieldset(props: { id: string; status: StatusProposal; nilai: string; onStatus: (s: StatusProposal) => void; onNilai: (v: string) => void; onClose: (pesan: string) => void; onGalat: (pesan: string) => void }) {
  return (
    <fieldset>
      <legend>Status proposal</legend>
      <div className="row3">
        <SelectField label="Status" value={props.status} onChange={(v) => props.onStatus(v as StatusProposal)} options={Object.entries(STATUS).map(([value, label]) => ({ value, label }))} />
        {props.status === 'disetujui' && <AngkaField label="Nilai disetujui (Rp)" jenis="rupiah" value={props.nilai} onChange={props.onNilai} />}
        <div className="actions">
          <button
            type="button"
            onClick={async () => {
              try {
                await invoke('proposal.status', { id: props.id, status: props.status, nilai_disetujui: props.nilai ? angka(props.nilai) : null });
                props.onClose(`Status proposal menjadi ${STATUS[props.status].toLowerCase()}.`);
              } catch (e) {
                props.onGalat(pesanGalat(e));
              }
            }}
          >
            Simpan status
          </button>
        </div>
      </div>
    </fieldset>
  );
}
