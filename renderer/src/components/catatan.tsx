import { useState } from 'react';
import { ENTITAS, peringatanCatatan, type BarisCatatan, type EntitasKode, type FieldSpec } from '../../../main/common/mitra';
import { formatAngka, formatDesimal, formatRupiah, formatTanggal } from '../../../main/common/format';
import { invoke, pesanGalat } from '../api';
import { AngkaField } from './angka';
import { AksiRekaman, KonfirmasiHapus } from './hapus';
import { useWilayahKerja } from './provinsi';
import { Dialog, Field, fieldErrors, Notice, Pager, SelectField, TextField, useDebounced, useLoad, DateField } from './ui';
import { useWilayah } from './wilayah';

function useRujukan(entitas: 'kelompok' | 'offtaker' | 'mou' | 'isu' | 'pelatihan' | 'fasilitator') {
  const { data } = useLoad(
    () =>
      entitas === 'kelompok'
        ? invoke('kelompok.list', { per: 500 }).then((p) => p.rows.map((k) => ({ value: k.id, label: `${k.nama} (${k.desa_nama})` })))
        : entitas === 'fasilitator'
        ? invoke('fasilitator.list', { per: 500 }).then((p) => p.rows.map((f) => ({ value: f.id, label: f.nama })))
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
  if (f.tipe === 'pilihan_ganda') return String(v).split(',').map((x) => f.labelOpsi?.[x] ?? x).join(', ');
  return String(v);
}

/** A list with search, a form and a delete confirmation for any record type described in main/common/mitra.ts. */
export function CatatanPage(props: { entitas: EntitasKode; tindakan?: (r: BarisCatatan) => React.ReactNode; filter?: Record<string, string> }) {
  const spec = ENTITAS[props.entitas];
  const kerja = useWilayahKerja();
  const [cari, setCari] = useState('');
  const { terhapus, setTerhapus, halaman, setHalaman, edit, setEdit, hapus, setHapus, info, galat, saring, aksi, selesai } = useDaftarRekaman<BarisCatatan>();
  const q = useDebounced(cari);
  const list = useLoad(() => invoke('catatan.list', { entitas: props.entitas, cari: q, terhapus, halaman, filter: props.filter ?? null, kabupaten: kerja.kabupatenFilter }), [props.entitas, q, terhapus, halaman, JSON.stringify(props.filter), kerja.kabupatenFilter]);
  const kolom = spec.fields.filter((f) => f.kolom);
  const nama = (r: BarisCatatan) => String(r.nama[spec.nama] ?? r.data[spec.nama] ?? '').slice(0, 60);
  return (
    <section aria-label={spec.judul}>
      <KepalaDaftar judul={spec.judul} tingkat={2} tambah={`Tambah ${spec.tunggal}`} bolehTambah={!kerja.provinsi} onTambah={() => setEdit('baru')} />
      <div className="filters" role="search" aria-label={`Saring ${spec.judul.toLowerCase()}`}>
        {kerja.filter}
        <TextField label={`Cari ${spec.tunggal}`} value={cari} onChange={saring(setCari)} />
        <CentangTerhapus checked={terhapus} onChange={setTerhapus} />
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
                {!kerja.provinsi && aksi(r, nama(r), () => invoke('catatan.pulihkan', { entitas: props.entitas, id: r.data.id }), list.reload)}
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
          onSaved={selesai(list.reload)}
        />
      )}
      {hapus && (
        <HapusRekaman
          judul={`Hapus ${spec.tunggal}`}
          nama={nama(hapus)}
          hapus={(alasan) => invoke('catatan.hapus', { entitas: props.entitas, id: hapus.data.id, alasan })}
          onBatal={() => setHapus(null)}
          onDihapus={selesai(list.reload)}
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
  const { form, set: ubahForm, errors, message, close, gagal } = useFormRekaman<Record<string, string>>(
    () => Object.fromEntries(spec.fields.map((f) => [f.kode, props.row?.data[f.kode] === null || props.row?.data[f.kode] === undefined ? (props.awal?.[f.kode] ?? '') : String(props.row.data[f.kode])])),
    props.onClose,
  );
  const kecamatan = useWilayah('kecamatan', kerja.kabupatenWilayah);
  const desa = useWilayah('desa', form.kecamatan_kode || null);
  const set = (k: string) => (v: string) => ubahForm({ [k]: v, ...(k === 'kecamatan_kode' ? { desa_kode: '' } : {}) });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await invoke('catatan.simpan', { entitas: props.entitas, nilai: { ...(props.row ? { id: props.row.data.id } : {}), ...Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v === '' ? null : v])) } });
      props.onSaved(`${spec.judul}: data disimpan.`);
    } catch (error) {
      gagal(error);
    }
  };
  return (
    <Dialog title={props.row ? `Ubah ${spec.tunggal}` : `Tambah ${spec.tunggal}`} onClose={close} wide>
      <form onSubmit={submit} noValidate>
        <div className="row2">
          {spec.fields.map((f) => {
            const common = { label: f.label + (f.wajib ? '' : ' (boleh kosong)'), value: form[f.kode] ?? '', onChange: set(f.kode), error: errors[f.kode] };
            if (f.tipe === 'pilihan') return <SelectField key={f.kode} {...common} empty="— pilih —" options={(f.opsi ?? []).map((o) => ({ value: o, label: o }))} />;
            if (f.tipe === 'kelompok' || f.tipe === 'offtaker' || f.tipe === 'mou' || f.tipe === 'isu' || f.tipe === 'pelatihan' || f.tipe === 'fasilitator') return <RujukanField key={f.kode} f={{ ...f, label: common.label }} value={common.value} onChange={common.onChange} error={common.error} />;
            if (f.tipe === 'kecamatan') return <SelectField key={f.kode} {...common} empty="— pilih kecamatan —" options={kecamatan.map((k) => ({ value: k.kode, label: k.nama }))} />;
            if (f.tipe === 'desa') return <SelectField key={f.kode} {...common} empty={form.kecamatan_kode ? '— pilih desa —' : 'pilih kecamatan dulu'} options={desa.map((d) => ({ value: d.kode, label: d.nama }))} />;
            if (f.tipe === 'panjang')
              return (
                <Field key={f.kode} label={common.label} error={common.error}>
                  {(id, describedBy) => <textarea id={id} rows={3} value={common.value} aria-describedby={describedBy} onChange={(e) => common.onChange(e.target.value)} />}
                </Field>
              );
            if (f.tipe === 'tanggal') return <DateField key={f.kode} {...common} />;
            if (f.tipe === 'ya_tidak')
              return (
                <label key={f.kode} className="check">
                  <input type="checkbox" checked={common.value === '1' || common.value === 'true'} onChange={(e) => common.onChange(e.target.checked ? '1' : '0')} /> {f.label}
                </label>
              );
            if (f.tipe === 'pilihan_ganda') {
              const pilih = new Set(common.value.split(',').filter(Boolean));
              const ubah = (o: string, on: boolean) => common.onChange((f.opsi ?? []).filter((x) => (x === o ? on : pilih.has(x))).join(','));
              return (
                <fieldset key={f.kode} className="pilihan-ganda">
                  <legend>{common.label}</legend>
                  {(f.opsi ?? []).map((o) => (
                    <label key={o} className="check">
                      <input type="checkbox" checked={pilih.has(o)} onChange={(e) => ubah(o, e.target.checked)} /> {f.labelOpsi?.[o] ?? o}
                    </label>
                  ))}
                  {common.error && <p className="error-text">{common.error}</p>}
                </fieldset>
              );
            }
            if (f.tipe === 'rupiah' || f.tipe === 'angka') return <AngkaField key={f.kode} {...common} jenis={f.tipe === 'rupiah' ? 'rupiah' : f.desimal ? 'desimal' : 'bulat'} />;
            return <TextField key={f.kode} {...common} inputMode={f.tipe === 'tahun' ? 'numeric' : undefined} />;
          })}
        </div>
        {peringatanCatatan(props.entitas, form).map((t) => (
          <p key={t} className="peringatan" role="status">
            {t}
          </p>
        ))}
        <AkhirFormulir pesan={message} onBatal={close} />
      </form>
    </Dialog>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The list-and-edit block every record page shares (fasilitator, kelompok, anggota and the partner records):
// a heading with "Tambah …", the filters with "Tampilkan yang terhapus", a paged table, an edit dialog that
// never loses typed work, and a delete that only tombstones.

/** The state of a record list: page, deleted or not, the record being edited or deleted, the page's messages. */
export function useDaftarRekaman<R>() {
  const [terhapus, setTerhapus] = useState(false);
  const [halaman, setHalaman] = useState(1);
  const [edit, setEdit] = useState<R | 'baru' | null>(null);
  const [hapus, setHapus] = useState<R | null>(null);
  const [info, setInfo] = useState('');
  const [galat, setGalat] = useState('');
  /** A filter's setter that also goes back to the first page. */
  const saring =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setHalaman(1);
    };
  /** Ubah/Hapus on a row, or Pulihkan while the list shows deleted records. */
  const aksi = (r: R, nama: string, pulihkan: () => Promise<unknown>, muatUlang: () => void) => (
    <AksiRekaman nama={nama} terhapus={terhapus} onUbah={() => setEdit(r)} onHapus={() => setHapus(r)} onGalat={setGalat} pulihkan={pulihkan} onDipulihkan={(pesan) => (setInfo(pesan), muatUlang())} />
  );
  /** After a save or a delete: close the dialog, say what happened, reload the list. */
  const selesai = (muatUlang: () => void) => (pesan: string) => {
    setEdit(null);
    setHapus(null);
    setInfo(pesan);
    muatUlang();
  };
  return { terhapus, setTerhapus: saring(setTerhapus), halaman, setHalaman, edit, setEdit, hapus, setHapus, info, setInfo, galat, setGalat, saring, aksi, selesai };
}

/** The end of an edit form: what was refused, Batal (which asks before throwing typed work away) and Simpan. */
export function AkhirFormulir(props: { pesan: string; onBatal: () => void; children?: React.ReactNode }) {
  return (
    <>
      <Notice kind="error">{props.pesan}</Notice>
      {props.children}
      <div className="actions">
        <button type="button" onClick={props.onBatal}>
          Batal
        </button>
        <button type="submit" className="primary">
          Simpan
        </button>
      </div>
    </>
  );
}

/** The page's heading and its "Tambah …" button (the province only reads: no button there). */
export function KepalaDaftar(props: { id?: string; judul: string; tingkat?: 1 | 2; tambah: string; bolehTambah: boolean; onTambah: () => void }) {
  const H = props.tingkat === 2 ? 'h2' : 'h1';
  return (
    <div className="page-head">
      <H id={props.id}>{props.judul}</H>
      {props.bolehTambah && (
        <button type="button" className="primary" onClick={props.onTambah}>
          {props.tambah}
        </button>
      )}
    </div>
  );
}

export function CentangTerhapus(props: { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} /> Tampilkan yang terhapus
    </label>
  );
}

/** Asks, deletes (a tombstone), and tells where the record can be restored from. */
export function HapusRekaman(props: { judul: string; nama: string; namaLengkap?: string; hapus: (alasan: string) => Promise<unknown>; onBatal: () => void; onDihapus: (pesan: string) => void }) {
  return (
    <KonfirmasiHapus
      judul={props.judul}
      nama={props.namaLengkap ?? props.nama}
      onBatal={props.onBatal}
      onHapus={async (alasan) => {
        await props.hapus(alasan);
        props.onDihapus(`${props.nama} dihapus. Dapat dipulihkan dari "Tampilkan yang terhapus".`);
      }}
    />
  );
}

/**
 * An edit form's state: the fields, a message per field (gone when the field changes: it spoke of the old
 * value), whether anything was typed, and closing that asks before throwing typed work away.
 */
export function useFormRekaman<F extends object>(awal: F | (() => F), onClose: () => void) {
  const [form, setForm] = useState<F>(awal);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [dirty, setDirty] = useState(false);
  const set = (patch: Partial<F>) => {
    setForm((f) => ({ ...f, ...patch }));
    setDirty(true);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
    setMessage('');
  };
  const close = () => {
    if (!dirty || confirm('Perubahan belum disimpan. Tutup tanpa menyimpan?')) onClose();
  };
  /** A refused save: each field's message beside it, the rest above the buttons. */
  const gagal = (error: unknown) => {
    const { fields, message } = fieldErrors(error);
    setErrors(fields);
    setMessage(message || pesanGalat(error));
  };
  return { form, set, errors, setErrors, message, setMessage, ubah: () => setDirty(true), close, gagal };
}
