import { useState } from 'react';
import { ENTITAS, type BarisCatatan, type EntitasKode, type FieldSpec } from '../../../main/common/mitra';
import { formatAngka, formatDesimal, formatRupiah, formatTanggal } from '../../../main/common/format';
import { invoke, pesanGalat } from '../api';
import { AksiRekaman, KonfirmasiHapus } from './hapus';
import { useWilayahKerja } from './provinsi';
import { Dialog, Field, fieldErrors, Notice, Pager, SelectField, TextField, useDebounced, useLoad, DateField } from './ui';
import { useWilayah } from './wilayah';

function useRujukan(entitas: 'kelompok' | 'offtaker' | 'mou' | 'isu') {
  const { data } = useLoad(
    () =>
      entitas === 'kelompok'
        ? invoke('kelompok.list', { per: 500 }).then((p) => p.rows.map((k) => ({ value: k.id, label: `${k.nama} (${k.desa_nama})` })))
        : invoke('catatan.list', { entitas, per: 500 }).then((p) => p.rows.map((r) => ({ value: r.data.id, label: String(r.data[ENTITAS[entitas].nama] ?? '').slice(0, 80) }))),
    [entitas],
  );
  return data ?? [];
}

function tampil(f: FieldSpec, r: BarisCatatan): string {
  const v = r.data[f.kode];
  if (v === null || v === undefined || v === '') return '';
  if (r.nama[f.kode]) return r.nama[f.kode]!;
  if (f.tipe === 'rupiah') return formatRupiah(Number(v));
  if (f.tipe === 'angka') return f.desimal ? formatDesimal(Number(v)) : formatAngka(Number(v));
  if (f.tipe === 'tanggal') return formatTanggal(String(v));
  if (f.tipe === 'ya_tidak') return v ? 'ya' : 'tidak';
  return String(v);
}

/** A list with search, a form and a delete confirmation for any record type described in main/common/mitra.ts. */
export function CatatanPage(props: { entitas: EntitasKode; tindakan?: (r: BarisCatatan) => React.ReactNode; filter?: Record<string, string> }) {
  const spec = ENTITAS[props.entitas];
  const kerja = useWilayahKerja();
  const [cari, setCari] = useState('');
  const [halaman, setHalaman] = useState(1);
  const [terhapus, setTerhapus] = useState(false);
  const [edit, setEdit] = useState<BarisCatatan | 'baru' | null>(null);
  const [hapus, setHapus] = useState<BarisCatatan | null>(null);
  const [info, setInfo] = useState('');
  const [galat, setGalat] = useState('');
  const q = useDebounced(cari);
  const list = useLoad(() => invoke('catatan.list', { entitas: props.entitas, cari: q, terhapus, halaman, filter: props.filter ?? null, kabupaten: kerja.kabupatenFilter }), [props.entitas, q, terhapus, halaman, JSON.stringify(props.filter), kerja.kabupatenFilter]);
  const kolom = spec.fields.filter((f) => f.kolom);
  const nama = (r: BarisCatatan) => String(r.nama[spec.nama] ?? r.data[spec.nama] ?? '').slice(0, 60);
  return (
    <section aria-label={spec.judul}>
      <div className="page-head">
        <h2>{spec.judul}</h2>
        {!kerja.provinsi && (
          <button type="button" className="primary" onClick={() => setEdit('baru')}>
            Tambah {spec.tunggal}
          </button>
        )}
      </div>
      <div className="filters" role="search" aria-label={`Saring ${spec.judul.toLowerCase()}`}>
        {kerja.filter}
        <TextField label={`Cari ${spec.tunggal}`} value={cari} onChange={(v) => (setCari(v), setHalaman(1))} />
        <label className="check">
          <input type="checkbox" checked={terhapus} onChange={(e) => (setTerhapus(e.target.checked), setHalaman(1))} /> Tampilkan yang terhapus
        </label>
      </div>
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{list.error || galat}</Notice>
      <table aria-label={`Daftar ${spec.judul.toLowerCase()}`}>
        <thead>
          <tr>
            {kolom.map((f) => (
              <th key={f.kode} scope="col" className={f.tipe === 'rupiah' || f.tipe === 'angka' ? 'num' : undefined}>
                {f.label}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data?.rows.map((r) => (
            <tr key={r.data.id}>
              {kolom.map((f) => (
                <td key={f.kode} className={f.tipe === 'rupiah' || f.tipe === 'angka' ? 'num' : undefined}>
                  {tampil(f, r)}
                </td>
              ))}
              <td className="actions-cell">
                {props.tindakan?.(r)}
                {!kerja.provinsi && (
                  <AksiRekaman
                    nama={nama(r)}
                    terhapus={terhapus}
                    onUbah={() => setEdit(r)}
                    onHapus={() => setHapus(r)}
                    onGalat={setGalat}
                    pulihkan={() => invoke('catatan.pulihkan', { entitas: props.entitas, id: r.data.id })}
                    onDipulihkan={(pesan) => (setInfo(pesan), list.reload())}
                  />
                )}
              </td>
            </tr>
          ))}
          {list.data?.rows.length === 0 && (
            <tr>
              <td colSpan={kolom.length + 1}>Belum ada data.</td>
            </tr>
          )}
        </tbody>
      </table>
      {list.data && <Pager label={spec.tunggal} halaman={list.data.halaman} per={list.data.per} total={list.data.total} onPage={setHalaman} />}
      {edit && (
        <CatatanForm
          entitas={props.entitas}
          row={edit === 'baru' ? null : edit}
          awal={props.filter}
          onClose={() => setEdit(null)}
          onSaved={(pesan) => (setEdit(null), setInfo(pesan), list.reload())}
        />
      )}
      {hapus && (
        <KonfirmasiHapus
          judul={`Hapus ${spec.tunggal}`}
          nama={nama(hapus)}
          onBatal={() => setHapus(null)}
          onHapus={async (alasan) => {
            await invoke('catatan.hapus', { entitas: props.entitas, id: hapus.data.id, alasan });
            setHapus(null);
            setInfo(`${nama(hapus)} dihapus. Dapat dipulihkan dari "Tampilkan yang terhapus".`);
            list.reload();
          }}
        />
      )}
    </section>
  );
}

function RujukanField(props: { f: FieldSpec; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  const options = useRujukan(props.f.tipe as 'kelompok');
  return <SelectField label={props.f.label} value={props.value} onChange={props.onChange} empty="— pilih —" options={options} error={props.error} />;
}

function CatatanForm(props: { entitas: EntitasKode; row: BarisCatatan | null; awal?: Record<string, string> | undefined; onClose: () => void; onSaved: (pesan: string) => void }) {
  const spec = ENTITAS[props.entitas];
  const kerja = useWilayahKerja();
  const [form, setForm] = useState<Record<string, string>>(() => Object.fromEntries(spec.fields.map((f) => [f.kode, props.row?.data[f.kode] === null || props.row?.data[f.kode] === undefined ? (props.awal?.[f.kode] ?? '') : String(props.row.data[f.kode])])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const kecamatan = useWilayah('kecamatan', kerja.kabupatenWilayah);
  const desa = useWilayah('desa', form.kecamatan_kode || null);
  const set = (k: string) => (v: string) => setForm((f) => ({ ...f, [k]: v, ...(k === 'kecamatan_kode' ? { desa_kode: '' } : {}) }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await invoke('catatan.simpan', { entitas: props.entitas, nilai: { ...(props.row ? { id: props.row.data.id } : {}), ...Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v === '' ? null : v])) } });
      props.onSaved(`${spec.judul}: data disimpan.`);
    } catch (error) {
      const { fields, message } = fieldErrors(error);
      setErrors(fields);
      setMessage(message || pesanGalat(error));
    }
  };
  return (
    <Dialog title={props.row ? `Ubah ${spec.tunggal}` : `Tambah ${spec.tunggal}`} onClose={props.onClose} wide>
      <form onSubmit={submit} noValidate>
        <div className="row2">
          {spec.fields.map((f) => {
            const common = { label: f.label + (f.wajib ? '' : ' (boleh kosong)'), value: form[f.kode] ?? '', onChange: set(f.kode), error: errors[f.kode] };
            if (f.tipe === 'pilihan') return <SelectField key={f.kode} {...common} empty="— pilih —" options={(f.opsi ?? []).map((o) => ({ value: o, label: o }))} />;
            if (f.tipe === 'kelompok' || f.tipe === 'offtaker' || f.tipe === 'mou' || f.tipe === 'isu') return <RujukanField key={f.kode} f={{ ...f, label: common.label }} value={common.value} onChange={common.onChange} error={common.error} />;
            if (f.tipe === 'kecamatan') return <SelectField key={f.kode} {...common} empty="— pilih kecamatan —" options={kecamatan.map((k) => ({ value: k.kode, label: k.nama }))} />;
            if (f.tipe === 'desa') return <SelectField key={f.kode} {...common} empty={form.kecamatan_kode ? '— pilih desa —' : 'pilih kecamatan dulu'} options={desa.map((d) => ({ value: d.kode, label: d.nama }))} />;
            if (f.tipe === 'panjang')
              return (
                <Field key={f.kode} label={common.label} error={common.error}>
                  {(id, describedBy) => <textarea id={id} rows={3} value={common.value} aria-describedby={describedBy} onChange={(e) => common.onChange(e.target.value)} />}
                </Field>
              );
            if (f.tipe === 'tanggal') return <DateField key={f.kode} {...common} />;
            return <TextField key={f.kode} {...common} inputMode={f.tipe === 'angka' || f.tipe === 'rupiah' || f.tipe === 'tahun' ? 'numeric' : undefined} />;
          })}
        </div>
        <Notice kind="error">{message}</Notice>
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            Batal
          </button>
          <button type="submit" className="primary">
            Simpan
          </button>
        </div>
      </form>
    </Dialog>
  );
}
