import { useState } from 'react';
import type { FasilitatorRow } from '../../../../main/common/api';
import { invoke } from '../../api';
import { useWilayahKerja } from '../../components/provinsi';
import { AkhirFormulir, CentangTerhapus, HapusRekaman, KepalaDaftar, useDaftarRekaman, useFormRekaman } from '../../components/catatan';
import { Riwayat } from '../../components/riwayat';
import { Dialog, Notice, Pager, SelectField, TextField, useDebounced, useLoad } from '../../components/ui';
import { useWilayah, WilayahPicker } from '../../components/wilayah';
import { useKolomLain } from '../../components/kolom-lain';

export function FasilitatorPage() {
  const kerja = useWilayahKerja();
  const kabupaten = kerja.kabupatenWilayah;
  const [cari, setCari] = useState('');
  const [kecamatan, setKecamatan] = useState('');
  const [statusFilter, setStatusFilter] = useState('');
  const { terhapus, setTerhapus, halaman, setHalaman, edit, setEdit, hapus, setHapus, info, galat, saring, aksi, selesai } = useDaftarRekaman<FasilitatorRow>();
  const kecamatanList = useWilayah('kecamatan', kabupaten);
  const q = useDebounced(cari);
  const list = useLoad(
    () => invoke('fasilitator.list', { kabupaten: kerja.kabupatenFilter, cari: q, kecamatan: kecamatan || null, status: (statusFilter || null) as 'aktif' | null, terhapus, halaman }),
    [kerja.kabupatenFilter, q, kecamatan, statusFilter, terhapus, halaman],
  );

  return (
    <section aria-labelledby="judul-fasilitator">
      <KepalaDaftar id="judul-fasilitator" judul="Fasilitator" tambah="Tambah fasilitator" bolehTambah={!kerja.provinsi} onTambah={() => setEdit('baru')} />
      <div className="filters" role="search" aria-label="Saring fasilitator">
        {kerja.filter}
        <TextField label="Cari fasilitator" value={cari} onChange={saring(setCari)} placeholder="nama, no. HP atau NIK" />
        <SelectField label="Kecamatan" value={kecamatan} onChange={saring(setKecamatan)} empty="Semua kecamatan" options={kecamatanList.map((k) => ({ value: k.kode, label: k.nama }))} />
        <SelectField label="Status" value={statusFilter} onChange={saring(setStatusFilter)} empty="Semua status" options={[{ value: 'aktif', label: 'Aktif' }, { value: 'nonaktif', label: 'Nonaktif' }]} />
        <CentangTerhapus checked={terhapus} onChange={setTerhapus} />
      </div>
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{list.error || galat}</Notice>
      <table aria-label="Daftar fasilitator">
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">No. HP</th>
            <th scope="col">Wilayah tugas</th>
            <th scope="col">Kelompok</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data?.rows.map((f) => (
            <tr key={f.id}>
              <td>{f.nama}</td>
              <td>{f.no_hp}</td>
              <td>{[f.desa_nama, f.kecamatan_nama].filter(Boolean).join(', ')}</td>
              <td className="num">{f.jumlah_kelompok}</td>
              <td>{f.status === 'aktif' ? 'Aktif' : 'Nonaktif'}</td>
              <td className="actions-cell">
                {!kerja.provinsi && aksi(f, f.nama, () => invoke('fasilitator.pulihkan', { id: f.id }), list.reload)}
              </td>
            </tr>
          ))}
          {list.data?.rows.length === 0 && (
            <tr>
              <td colSpan={6}>{terhapus ? 'Tidak ada fasilitator terhapus.' : 'Belum ada fasilitator yang cocok.'}</td>
            </tr>
          )}
        </tbody>
      </table>
      {list.data && <Pager label="fasilitator" halaman={list.data.halaman} per={list.data.per} total={list.data.total} onPage={setHalaman} />}
      {edit && (
        <FasilitatorForm
          kabupaten={kabupaten}
          row={edit === 'baru' ? null : edit}
          onClose={() => setEdit(null)}
          onSaved={selesai(list.reload)}
        />
      )}
      {hapus && (
        <HapusRekaman
          judul="Hapus fasilitator"
          nama={hapus.nama}
          hapus={(alasan) => invoke('fasilitator.hapus', { id: hapus.id, alasan })}
          onBatal={() => setHapus(null)}
          onDihapus={selesai(list.reload)}
        />
      )}
    </section>
  );
}

/** The columns this form lays out; any other typed column of the register follows them (KolomLain). */
const TATA_FASILITATOR = ['nama', 'nik', 'no_hp', 'kecamatan_kode', 'desa_kode', 'status'] as const;

function FasilitatorForm(props: { kabupaten: string; row: FasilitatorRow | null; onClose: () => void; onSaved: (pesan: string) => void }) {
  const r = props.row;
  const { form, set, errors, message, ubah, close, gagal } = useFormRekaman({
    nama: r?.nama ?? '',
    nik: r?.nik ?? '',
    no_hp: r?.no_hp ?? '',
    kecamatan_kode: r?.kecamatan_kode ?? '',
    desa_kode: r?.desa_kode ?? '',
    status: r?.status ?? 'aktif',
  }, props.onClose);
  const lain = useKolomLain('fasilitator', TATA_FASILITATOR, r, errors, ubah);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const saved = await invoke('fasilitator.simpan', {
        ...(r ? { id: r.id } : {}),
        ...form,
        nik: form.nik || null,
        no_hp: form.no_hp || null,
        kecamatan_kode: form.kecamatan_kode || null,
        desa_kode: form.desa_kode || null,
        ...lain.kirim(),
      });
      props.onSaved(`Fasilitator ${form.nama} disimpan.${saved.peringatan.length ? ' Perhatian: ' + saved.peringatan.join(' ') : ''}`);
    } catch (error) {
      gagal(error);
    }
  };
  return (
    <Dialog title={r ? `Ubah fasilitator: ${r.nama}` : 'Tambah fasilitator'} onClose={close}>
      <form onSubmit={submit} noValidate>
        <TextField label="Nama fasilitator" value={form.nama} onChange={(v) => set({ nama: v })} error={errors.nama} required autoFocus />
        <div className="row2">
          <TextField label="NIK fasilitator" value={form.nik} onChange={(v) => set({ nik: v })} error={errors.nik} inputMode="numeric" maxLength={16} />
          <TextField label="No. HP" value={form.no_hp} onChange={(v) => set({ no_hp: v })} error={errors.no_hp} inputMode="tel" placeholder="08…" />
        </div>
        <fieldset>
          <legend>Wilayah tugas</legend>
          <WilayahPicker
            kabupaten={props.kabupaten}
            kecamatan={form.kecamatan_kode}
            desa={form.desa_kode}
            desaLabel="Desa/Kelurahan tugas (boleh kosong)"
            kecamatanLabel="Kecamatan tugas"
            errors={{ kecamatan: errors.kecamatan_kode, desa: errors.desa_kode }}
            onChange={(w) => set({ kecamatan_kode: w.kecamatan, desa_kode: w.desa })}
          />
        </fieldset>
        <SelectField label="Status" value={form.status} onChange={(v) => set({ status: v as 'aktif' })} options={[{ value: 'aktif', label: 'Aktif' }, { value: 'nonaktif', label: 'Nonaktif' }]} />
        {lain.isian}
        <AkhirFormulir pesan={message} onBatal={close} />
      </form>
      {r && <Riwayat tabel="fasilitator" id={r.id} />}
    </Dialog>
  );
}
