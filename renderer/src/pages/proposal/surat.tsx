import { useState } from 'react';
import { useStatus } from '../../app-context';
import { invoke, pesanGalat, simpanBerkas } from '../../api';
import { DateField, Field, SelectField, TextField, TombolKerja, useLoad } from '../../components/ui';
import { isiTemplat, pisahTembusan, tujuanSurat } from '../../../../main/common/proposal';

export type FormSurat = { kelompok_id: string; judul: string; nomor_surat: string; tempat: string; tanggal: string; lampiran: string; perihal: string; dinas: string; kepala_desa: string };

/** The covering letter's fields, addressed to the Governor c.q. the head of the chosen office. */
export function SuratFieldset(props: {
  form: FormSurat;
  onForm: (patch: Partial<FormSurat>) => void;
  onKelompok: (id: string) => void;
  kelompokOptions: { value: string; label: string }[];
  dinas: string[];
  locked: boolean;
}) {
  const f = props.form;
  const teks = (kode: keyof FormSurat, label: string) => <TextField label={label} value={f[kode]} onChange={(v) => props.onForm({ [kode]: v })} />;
  return (
    <fieldset disabled={props.locked}>
      <legend>Surat pengantar</legend>
      <SelectField label="Kelompok pengusul" value={f.kelompok_id} onChange={props.onKelompok} empty="— pilih kelompok —" options={props.kelompokOptions} />
      {teks('judul', 'Judul proposal')}
      <div className="row3">
        {teks('nomor_surat', 'Nomor surat')}
        {teks('tempat', 'Tempat')}
        <DateField label="Tanggal surat" value={f.tanggal} onChange={(v) => props.onForm({ tanggal: v })} />
      </div>
      <div className="row3">
        {teks('lampiran', 'Lampiran')}
        {teks('perihal', 'Perihal')}
        <SelectField label="Kepala Dinas yang dituju (c.q.)" value={f.dinas} onChange={(v) => props.onForm({ dinas: v })} empty="— pilih dinas —" options={props.dinas.map((d) => ({ value: d, label: d }))} />
      </div>
      {teks('kepala_desa', 'Nama Kepala Desa')}
    </fieldset>
  );
}

/** Printing a saved proposal: full NIKs or masked, and this letter's signer and copies where they differ from the office's. */
export function UnduhPdf(props: { id: string; dinas: string; onGalat: (pesan: string) => void }) {
  const kantor = useStatus().status.pengaturan;
  const namaKantor = kantor.ttd_mode === 'langsung' ? kantor.kepala_nama : kantor.ttd_nama;
  const [nikLengkap, setNikLengkap] = useState(false);
  const [surat, setSurat] = useState({ mode: kantor.ttd_mode as string, nama: namaKantor, tembusan: kantor.tembusan });
  const templat = useLoad(() => invoke('proposal.templatSurat', {}), []);
  // A copy to the letter's own addressee is left out of print: say so before the officer prints.
  const kepada = templat.data ? tujuanSurat(isiTemplat(templat.data.templat.kepada, { dinas: props.dinas || 'Dinas terkait', kelompok: '', desa: '', kecamatan: '', kabupaten: '', total: '', terbilang: '' })).kepada : [];
  const keTujuan = pisahTembusan(surat.tembusan.split('\n').map((t) => t.trim()).filter(Boolean), kepada).tujuan;
  const unduh = async () => {
    try {
      const penandatangan = surat.mode !== kantor.ttd_mode || surat.nama !== namaKantor ? { mode: surat.mode as 'langsung', nama: surat.nama } : null;
      const tembusan = surat.tembusan !== kantor.tembusan ? surat.tembusan.split('\n').map((t) => t.trim()).filter(Boolean) : null;
      await simpanBerkas(await invoke('proposal.pdf', { id: props.id, nikLengkap, penandatangan, tembusan }));
    } catch (e) {
      props.onGalat(pesanGalat(e));
    }
  };
  return (
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
      {keTujuan.length > 0 && (
        <p className="peringatan" role="status">
          Tembusan {keTujuan.map((t) => `"${t}"`).join(', ')} tidak dicetak: surat ini sudah ditujukan kepadanya. Ubah daftar tembusan di bawah "Penanda tangan dan tembusan surat ini" atau di Pengaturan.
        </p>
      )}
      <TombolKerja kerja={unduh} sibuk="Membuat PDF…">
        Unduh PDF
      </TombolKerja>
    </>
  );
}
