import { useState } from 'react';
import { useFasilitatorOptions } from '../../hooks/pilihan';
import type { KelompokRow } from '../../../../main/common/api';
import { invoke } from '../../api';
import { useWilayahKerja } from '../../components/provinsi';
import { AkhirFormulir, CentangTerhapus, HapusRekaman, KepalaDaftar, useDaftarRekaman, useFormRekaman } from '../../components/catatan';
import { Riwayat } from '../../components/riwayat';
import { Dialog, Field, Notice, Pager, SelectField, TextField, useDebounced, useLoad } from '../../components/ui';
import { WilayahPicker } from '../../components/wilayah';
import { useKolomLain } from '../../components/kolom-lain';

export function KelompokPage() {
  const kerja = useWilayahKerja();
  const kabupaten = kerja.kabupatenWilayah;
  const [cari, setCari] = useState('');
  const [wilayah, setWilayah] = useState({ kecamatan: '', desa: '' });
  const [fasilitator, setFasilitator] = useState('');
  const [statusFilter, setStatusFilter] = useState('');
  const [sektor, setSektor] = useState('');
  const { terhapus, setTerhapus, halaman, setHalaman, edit, setEdit, hapus, setHapus, info, galat, saring: first, aksi, selesai } = useDaftarRekaman<KelompokRow>();
  const fasilitatorOptions = useFasilitatorOptions();
  const sektorList = useLoad(() => invoke('kelompok.sektor', {}), []);
  const q = useDebounced(cari);
  const list = useLoad(
    () =>
      invoke('kelompok.list', {
        kabupaten: kerja.kabupatenFilter,
        cari: q,
        kecamatan: wilayah.kecamatan || null,
        desa: wilayah.desa || null,
        fasilitator: fasilitator || null,
        status: (statusFilter || null) as 'aktif' | null,
        sektor: sektor || null,
        terhapus,
        halaman,
      }),
    [kerja.kabupatenFilter, q, wilayah, fasilitator, statusFilter, sektor, terhapus, halaman],
  );

  return (
    <section aria-labelledby="judul-kelompok">
      <KepalaDaftar id="judul-kelompok" judul="Kelompok binaan" tambah="Tambah kelompok" bolehTambah={!kerja.provinsi} onTambah={() => setEdit('baru')} />
      <div className="filters" role="search" aria-label="Saring kelompok">
        {kerja.filter}
        <TextField label="Cari kelompok" value={cari} onChange={first(setCari)} placeholder="nama kelompok atau produk" />
        <WilayahPicker kabupaten={kabupaten} kecamatan={wilayah.kecamatan} desa={wilayah.desa} onChange={first(setWilayah)} emptyLabel="Semua" />
        <SelectField label="Fasilitator" value={fasilitator} onChange={first(setFasilitator)} empty="Semua fasilitator" options={fasilitatorOptions} />
        <SelectField label="Sektor" value={sektor} onChange={first(setSektor)} empty="Semua sektor" options={(sektorList.data ?? []).map((s) => ({ value: s, label: s }))} />
        <SelectField label="Status" value={statusFilter} onChange={first(setStatusFilter)} empty="Semua status" options={[{ value: 'aktif', label: 'Aktif' }, { value: 'tidak_aktif', label: 'Tidak aktif' }]} />
        <CentangTerhapus checked={terhapus} onChange={setTerhapus} />
      </div>
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{list.error || galat}</Notice>
      <table aria-label="Daftar kelompok">
        <thead>
          <tr>
            <th scope="col">Nama kelompok</th>
            <th scope="col">Desa, kecamatan</th>
            <th scope="col">Sektor · produk</th>
            <th scope="col">Fasilitator</th>
            <th scope="col">Ketua</th>
            <th scope="col">Anggota</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data?.rows.map((k) => (
            <tr key={k.id}>
              <td>{k.nama}</td>
              <td>
                {k.desa_nama}, {k.kecamatan_nama}
              </td>
              <td>
                {k.sektor}
                {k.produk_utama ? ` · ${k.produk_utama}` : ''}
              </td>
              <td>{k.fasilitator_nama}</td>
              <td>{k.ketua_nama}</td>
              <td className="num">
                <a href={`#/anggota?kelompok=${k.id}`}>{k.jumlah_anggota}</a>
              </td>
              <td>{k.status === 'aktif' ? 'Aktif' : 'Tidak aktif'}</td>
              <td className="actions-cell">
                {!kerja.provinsi && aksi(k, k.nama, () => invoke('kelompok.pulihkan', { id: k.id }), list.reload)}
              </td>
            </tr>
          ))}
          {list.data?.rows.length === 0 && (
            <tr>
              <td colSpan={8}>{terhapus ? 'Tidak ada kelompok terhapus.' : 'Belum ada kelompok yang cocok.'}</td>
            </tr>
          )}
        </tbody>
      </table>
      {list.data && <Pager label="kelompok" halaman={list.data.halaman} per={list.data.per} total={list.data.total} onPage={setHalaman} />}
      {edit && (
        <KelompokForm
          kabupaten={kabupaten}
          row={edit === 'baru' ? null : edit}
          fasilitatorOptions={fasilitatorOptions}
          sektorList={sektorList.data ?? []}
          onClose={() => setEdit(null)}
          onSaved={(pesan) => (selesai(list.reload)(pesan), sektorList.reload())}
        />
      )}
      {hapus && (
        <HapusRekaman
          judul="Hapus kelompok"
          nama={hapus.nama}
          hapus={(alasan) => invoke('kelompok.hapus', { id: hapus.id, alasan })}
          onBatal={() => setHapus(null)}
          onDihapus={selesai(list.reload)}
        />
      )}
    </section>
  );
}

/** The columns this form lays out; any other typed column of the register follows them (KolomLain). */
const TATA_KELOMPOK = ['nama', 'desa_kode', 'sektor', 'produk_utama', 'tahun_berdiri', 'status', 'fasilitator_id', 'catatan', 'tampil_publik'] as const;

function KelompokForm(props: {
  kabupaten: string;
  row: KelompokRow | null;
  fasilitatorOptions: { value: string; label: string }[];
  sektorList: string[];
  onClose: () => void;
  onSaved: (pesan: string) => void;
}) {
  const r = props.row;
  const { form, set, errors, setErrors, message, setMessage, ubah, close, gagal } = useFormRekaman({
    nama: r?.nama ?? '',
    kecamatan: r?.kecamatan_kode ?? '',
    desa_kode: r?.desa_kode ?? '',
    sektor: r?.sektor ?? '',
    produk_utama: r?.produk_utama ?? '',
    tahun_berdiri: r?.tahun_berdiri ? String(r.tahun_berdiri) : '',
    status: r?.status ?? 'aktif',
    fasilitator_id: r?.fasilitator_id ?? '',
    catatan: r?.catatan ?? '',
    tampil_publik: r?.tampil_publik === 1,
  }, props.onClose);
  const lain = useKolomLain('kelompok', TATA_KELOMPOK, r, errors, ubah);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const tahun = form.tahun_berdiri.trim();
    if (tahun && !/^\d{4}$/.test(tahun)) {
      setErrors({ tahun_berdiri: 'Tahun berdiri ditulis 4 angka, misalnya 2021.' });
      setMessage('Periksa isian tahun berdiri.');
      return;
    }
    try {
      const saved = await invoke('kelompok.simpan', {
        ...(r ? { id: r.id } : {}),
        nama: form.nama,
        desa_kode: form.desa_kode,
        sektor: form.sektor,
        produk_utama: form.produk_utama || null,
        tahun_berdiri: tahun ? Number(tahun) : null,
        status: form.status,
        fasilitator_id: form.fasilitator_id || null,
        catatan: form.catatan || null,
        tampil_publik: form.tampil_publik,
        ...lain.kirim(),
      });
      props.onSaved(`Kelompok ${form.nama} disimpan.${saved.peringatan.length ? ' Perhatian: ' + saved.peringatan.join(' ') : ''}`);
    } catch (error) {
      gagal(error);
    }
  };
  return (
    <Dialog title={r ? `Ubah kelompok: ${r.nama}` : 'Tambah kelompok'} onClose={close} wide>
      <form onSubmit={submit} noValidate>
        <TextField label="Nama kelompok" value={form.nama} onChange={(v) => set({ nama: v })} error={errors.nama} required autoFocus />
        <div className="row2">
          <WilayahPicker
            kabupaten={props.kabupaten}
            kecamatan={form.kecamatan}
            desa={form.desa_kode}
            requireDesa
            errors={{ desa: errors.desa_kode }}
            onChange={(w) => set({ kecamatan: w.kecamatan, desa_kode: w.desa })}
          />
        </div>
        <div className="row2">
          <Field label="Sektor/jenis usaha" error={errors.sektor}>
            {(id, describedBy) => (
              <>
                <input id={id} list={`${id}-daftar`} value={form.sektor} aria-describedby={describedBy} aria-invalid={errors.sektor ? true : undefined} onChange={(e) => set({ sektor: e.target.value })} />
                <datalist id={`${id}-daftar`}>
                  {props.sektorList.map((s) => (
                    <option key={s} value={s} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <TextField label="Produk utama" value={form.produk_utama} onChange={(v) => set({ produk_utama: v })} error={errors.produk_utama} />
        </div>
        <div className="row3">
          <TextField label="Tahun berdiri" value={form.tahun_berdiri} onChange={(v) => set({ tahun_berdiri: v })} error={errors.tahun_berdiri} inputMode="numeric" maxLength={4} />
          <SelectField label="Status kelompok" value={form.status} onChange={(v) => set({ status: v as 'aktif' })} options={[{ value: 'aktif', label: 'Aktif' }, { value: 'tidak_aktif', label: 'Tidak aktif' }]} />
          <SelectField label="Fasilitator pendamping" value={form.fasilitator_id} onChange={(v) => set({ fasilitator_id: v })} empty="— belum ada —" options={props.fasilitatorOptions} error={errors.fasilitator_id} />
        </div>
        <Field label="Catatan">
          {(id) => <textarea id={id} rows={3} value={form.catatan} onChange={(e) => set({ catatan: e.target.value })} />}
        </Field>
        <label className="cek">
          <input type="checkbox" checked={form.tampil_publik} onChange={(e) => set({ tampil_publik: e.target.checked })} /> Tampilkan di situs web publik (kelompok sudah setuju namanya ditampilkan; tanpa centang hanya dihitung)
        </label>
        {lain.isian}
        <AkhirFormulir pesan={message} onBatal={close} />
      </form>
      {r && <Riwayat tabel="kelompok" id={r.id} />}
    </Dialog>
  );
}
