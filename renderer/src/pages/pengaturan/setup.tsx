import { useState } from 'react';
import { invoke } from '../../api';
import { fieldErrors, Notice, SelectField, TextField, useLoad } from '../../components/ui';

/** First run: which installation this is, who operates it, and the office details for letters. */
export function SetupPage(props: { onDone: () => void }) {
  const { data: kabupaten } = useLoad(() => invoke('wilayah.kabupaten', {}), []);
  const [mode, setMode] = useState<'kabupaten' | 'provinsi'>('kabupaten');
  const [form, setForm] = useState({
    kabupaten_kode: '',
    operator: '',
    nama_instansi: '',
    alamat_instansi: '',
    kota_surat: '',
    telepon: '',
    email: '',
    kepala_nama: '',
    kepala_nip: '',
    kepala_jabatan: 'Kepala Bappeda',
  });
  const [demo, setDemo] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await invoke('pengaturan.setup', { ...form, mode, kabupaten_kode: mode === 'provinsi' ? null : form.kabupaten_kode || null });
      if (demo && mode === 'kabupaten') await invoke('demo.buat', { kelompok: 20 });
      props.onDone();
    } catch (error) {
      const { fields, message } = fieldErrors(error);
      setErrors(fields);
      setMessage(message);
      setBusy(false);
    }
  };

  return (
    <main className="setup">
      <h1>Persiapan Bermantra</h1>
      <p>Isi sekali saja. Data kantor dipakai pada kop surat dan tanda tangan dokumen; dapat diubah nanti di menu Pengaturan.</p>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Aplikasi ini dipakai oleh</legend>
          <label className="radio">
            <input type="radio" name="mode" checked={mode === 'kabupaten'} onChange={() => setMode('kabupaten')} /> Bappeda kabupaten/kota
          </label>
          <label className="radio">
            <input type="radio" name="mode" checked={mode === 'provinsi'} onChange={() => setMode('provinsi')} /> Bappeda Provinsi Jawa Timur (mode provinsi)
          </label>
        </fieldset>
        {mode === 'kabupaten' && (
          <SelectField
            label="Kabupaten/Kota"
            value={form.kabupaten_kode}
            onChange={set('kabupaten_kode')}
            empty="— pilih kabupaten/kota —"
            options={(kabupaten ?? []).map((k) => ({ value: k.kode, label: `${k.nama} (${k.kode})` }))}
            error={errors.kabupaten_kode}
            required
          />
        )}
        <TextField label="Nama operator" value={form.operator} onChange={set('operator')} error={errors.operator} required hint="Tercatat pada riwayat setiap perubahan data." />
        <TextField label="Nama instansi" value={form.nama_instansi} onChange={set('nama_instansi')} hint="Kosongkan untuk memakai nama Bappeda baku." />
        <TextField label="Alamat kantor" value={form.alamat_instansi} onChange={set('alamat_instansi')} />
        <TextField label="Kota penandatanganan surat" value={form.kota_surat} onChange={set('kota_surat')} hint="Misalnya Kepanjen. Kosongkan untuk memakai nama kabupaten/kota." />
        <div className="row2">
          <TextField label="Telepon kantor" value={form.telepon} onChange={set('telepon')} />
          <TextField label="Email kantor" value={form.email} onChange={set('email')} type="email" />
        </div>
        <div className="row2">
          <TextField label="Nama Kepala Bappeda" value={form.kepala_nama} onChange={set('kepala_nama')} />
          <TextField label="NIP Kepala Bappeda" value={form.kepala_nip} onChange={set('kepala_nip')} inputMode="numeric" error={errors.kepala_nip} />
        </div>
        <TextField label="Jabatan penanda tangan" value={form.kepala_jabatan} onChange={set('kepala_jabatan')} />
        {mode === 'kabupaten' && (
          <label className="check">
            <input type="checkbox" checked={demo} onChange={(e) => setDemo(e.target.checked)} /> Isi dengan data contoh untuk latihan (nama dan NIK rekaan)
          </label>
        )}
        <Notice kind="error">{message}</Notice>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Simpan dan mulai
          </button>
        </div>
      </form>
    </main>
  );
}
