import type { BarisEvaluasi } from '../../../../main/common/api';
import { ROMAWI, type Triwulan } from '../../../../main/common/triwulan';
import { invoke } from '../../api';
import { AkhirFormulir, useFormRekaman } from '../../components/catatan';
import { Dialog, Field, TextField } from '../../components/ui';

const BIDANG = [
  ['faktor_pendorong', 'Faktor pendorong'],
  ['faktor_penghambat', 'Faktor penghambat'],
  ['tindak_lanjut', 'Tindak lanjut / rekomendasi'],
] as const;

/** The district's explanation of one indicator's achievement in one quarter, as the evaluation table prints it. */
export function DialogPenjelasan(props: { tahun: number; triwulan: number; baris: BarisEvaluasi; onClose: () => void; onSaved: (pesan: string) => void }) {
  const p = props.baris.penjelasan;
  const { form, set, errors, message, close, gagal } = useFormRekaman(
    { faktor_pendorong: p?.faktor_pendorong ?? '', faktor_penghambat: p?.faktor_penghambat ?? '', tindak_lanjut: p?.tindak_lanjut ?? '', penanggung_jawab: p?.penanggung_jawab ?? '' },
    props.onClose,
  );
  const judul = `Penjelasan ${props.baris.nama}, Triwulan ${ROMAWI[props.triwulan as Triwulan]} ${props.tahun}`;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await invoke('monev.simpanPenjelasan', {
        tahun: props.tahun,
        triwulan: props.triwulan,
        indikator: props.baris.indikator,
        kecamatan_kode: props.baris.kecamatan_kode,
        faktor_pendorong: form.faktor_pendorong || null,
        faktor_penghambat: form.faktor_penghambat || null,
        tindak_lanjut: form.tindak_lanjut || null,
        penanggung_jawab: form.penanggung_jawab || null,
      });
      props.onSaved(`${judul} disimpan.`);
    } catch (error) {
      gagal(error);
    }
  };
  return (
    <Dialog title={judul} onClose={close} wide>
      <form onSubmit={submit} noValidate>
        {BIDANG.map(([kode, label]) => (
          <Field key={kode} label={label} error={errors[kode]} hint="Paling banyak 2.000 huruf.">
            {(id, describedBy) => <textarea id={id} rows={3} maxLength={2000} aria-describedby={describedBy} value={form[kode]} onChange={(e) => set({ [kode]: e.target.value })} />}
          </Field>
        ))}
        <TextField label="Penanggung jawab" value={form.penanggung_jawab} onChange={(v) => set({ penanggung_jawab: v })} error={errors.penanggung_jawab} />
        <AkhirFormulir pesan={message} onBatal={close} />
      </form>
    </Dialog>
  );
}
