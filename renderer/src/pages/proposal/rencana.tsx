import { formatRupiah } from '../../../../main/common/format';
import type { IsiProposal, Kelayakan, Proyeksi } from '../../../../main/common/proposal';
import { AngkaField } from '../../components/angka';
import { Field } from '../../components/ui';

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

/** The business plan's chapters, as the officer writes them. */
export function RencanaFieldset(props: { isi: IsiProposal; onIsi: (patch: Partial<IsiProposal>) => void; locked: boolean }) {
  return (
    <fieldset disabled={props.locked}>
      <legend>Rencana usaha</legend>
      {SECTIONS.map(([key, label]) => (
        <Field key={key} label={label}>
          {(id) => <textarea id={id} rows={2} value={props.isi[key] ?? ''} onChange={(e) => props.onIsi({ [key]: e.target.value })} />}
        </Field>
      ))}
    </fieldset>
  );
}

/** The projection typed and the feasibility computed from it and the RAB (common/proposal.ts). */
export function ProyeksiFieldset(props: { proyeksi: Record<string, string>; onProyeksi: (patch: Record<string, string>) => void; kelayakan: Kelayakan; locked: boolean }) {
  const k = props.kelayakan;
  const catatan = k.catatan.filter((c) => c !== k.selisih_modal).join(' ');
  return (
    <fieldset disabled={props.locked}>
      <legend>Proyeksi dan kelayakan usaha</legend>
      <div className="row3">
        {PROYEKSI.map(([key, label]) => (
          <AngkaField key={key} label={label} jenis={key === 'penjualan_bulan' ? 'desimal' : 'rupiah'} value={props.proyeksi[key] ?? ''} onChange={(v) => props.onProyeksi({ [key]: v })} />
        ))}
      </div>
      <p role="status" aria-label="Kelayakan usaha">
        {k.bep_unit !== null ? `BEP ${k.bep_unit} unit (${formatRupiah(k.bep_rupiah ?? 0)}) · ` : ''}
        {k.laba_bulan !== null ? `laba per bulan ${formatRupiah(k.laba_bulan)} · ` : ''}
        {k.rc_ratio !== null ? `rasio R/C ${String(k.rc_ratio).replace('.', ',')} · ` : ''}
        {k.payback_bulan !== null ? `balik modal ${String(k.payback_bulan).replace('.', ',')} bulan · ` : ''}
        {k.modal_total !== null ? `modal ${k.sumber_modal === 'rab' ? 'dari RAB' : 'diketik'} ${formatRupiah(k.modal_total)} · ` : ''}
        {k.layak === null ? catatan : k.alasan}
      </p>
      {k.tanpa_modal_kerja && (
        <p className="peringatan" role="alert">
          {k.tanpa_modal_kerja}
        </p>
      )}
      {k.selisih_modal && (
        <p className="peringatan" role="alert">
          {k.selisih_modal}
        </p>
      )}
    </fieldset>
  );
}
