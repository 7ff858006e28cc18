import { useEffect, useRef, useState } from 'react';
import { useFasilitatorOptions, useKelompokOptions } from '../../hooks/pilihan';
import { LABEL_STATUS_COCOK, type AnggotaRow, type StatusDtsenAnggota } from '../../../../main/common/api';
import type { NikInfo } from '../../../../main/common/nik-info';
import { JABATAN, type Jabatan } from '../../../../main/common/records';
import { formatTanggal } from '../../../../main/common/format';
import { invoke, pesanGalat, simpanBerkas } from '../../api';
import { useWilayahKerja } from '../../components/provinsi';
import { AkhirFormulir, CentangTerhapus, HapusRekaman, useDaftarRekaman, useFormRekaman } from '../../components/catatan';
import { Riwayat } from '../../components/riwayat';
import { Dialog, Notice, Pager, SelectField, TextField, useDebounced, useLoad, DateField } from '../../components/ui';
import { WilayahPicker } from '../../components/wilayah';
import { useKolomLain } from '../../components/kolom-lain';
import { ImporAnggota } from './impor';

const JABATAN_LABEL: Record<Jabatan, string> = { ketua: 'Ketua', sekretaris: 'Sekretaris', bendahara: 'Bendahara', anggota: 'Anggota' };

/** A member's status in the latest DTKS/DT-SEN snapshot matched, with its desil and which snapshot. */
function labelDtsen(d: StatusDtsenAnggota | null): string {
  if (!d) return '–';
  const status = d.status === 'COCOK_NAMA' ? (d.dikonfirmasi === 1 ? 'Cocok nama (dikonfirmasi)' : 'Cocok nama (perlu konfirmasi)') : LABEL_STATUS_COCOK[d.status];
  return `${status}${d.desil ? `, desil ${d.desil}` : ''} (${d.sumber} ${formatTanggal(d.tanggal_data)})`;
}

const KELOMPOK_TERAKHIR = 'bermantra-kelompok-terakhir';

/** The group a new member form starts with: the one filtered on, the only one there is, or the last one used. */
function kelompokAwal(filter: string, options: { value: string }[]): string {
  if (filter) return filter;
  if (options.length === 1) return options[0]!.value;
  const terakhir = localStorage.getItem(KELOMPOK_TERAKHIR) ?? '';
  return options.some((o) => o.value === terakhir) ? terakhir : '';
}

function kelompokFromHash(): string {
  return new URLSearchParams(location.hash.split('?')[1] ?? '').get('kelompok') ?? '';
}

export function AnggotaPage() {
  const kerja = useWilayahKerja();
  const kabupaten = kerja.kabupatenWilayah;
  const [cari, setCari] = useState('');
  const [wilayah, setWilayah] = useState({ kecamatan: '', desa: '' });
  const [kelompok, setKelompok] = useState(kelompokFromHash);
  const [fasilitator, setFasilitator] = useState('');
  const [jabatan, setJabatan] = useState('');
  const [ganda, setGanda] = useState(false);
  const { terhapus, setTerhapus, halaman, setHalaman, edit, setEdit, hapus, setHapus, info, setInfo, galat, setGalat, saring: first, aksi, selesai } = useDaftarRekaman<AnggotaRow>();
  const [impor, setImpor] = useState(false);
  const kelompokOptions = useKelompokOptions();
  const fasilitatorOptions = useFasilitatorOptions();
  const q = useDebounced(cari);
  const filter = { kabupaten: kerja.kabupatenFilter, cari: q, kecamatan: wilayah.kecamatan || null, desa: wilayah.desa || null, kelompok: kelompok || null, fasilitator: fasilitator || null, jabatan: (jabatan || null) as Jabatan | null, ganda };
  const list = useLoad(() => invoke('anggota.list', { ...filter, terhapus, halaman }), [kerja.kabupatenFilter, q, wilayah, kelompok, fasilitator, jabatan, ganda, terhapus, halaman]);

  const ekspor = async () => {
    setGalat('');
    try {
      const file = await invoke('anggota.ekspor', filter);
      const saved = await simpanBerkas(file);
      if (saved) setInfo(`Daftar anggota diekspor: ${saved}`);
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };

  return (
    <section aria-labelledby="judul-anggota">
      <div className="page-head">
        <h1 id="judul-anggota">Anggota</h1>
        <div className="actions">
          {!kerja.provinsi && (
            <button type="button" onClick={() => setImpor(true)}>
              Impor dari Excel
            </button>
          )}
          <button type="button" onClick={ekspor}>
            Ekspor ke Excel
          </button>
          {!kerja.provinsi && (
            <button type="button" className="primary" onClick={() => setEdit('baru')}>
              Tambah anggota
            </button>
          )}
        </div>
      </div>
      <div className="filters" role="search" aria-label="Saring anggota">
        {kerja.filter}
        <TextField label="Cari anggota" value={cari} onChange={first(setCari)} placeholder="nama, NIK, No. KK atau kelompok" />
        <WilayahPicker kabupaten={kabupaten} kecamatan={wilayah.kecamatan} desa={wilayah.desa} onChange={first(setWilayah)} emptyLabel="Semua" />
        <SelectField label="Kelompok" value={kelompok} onChange={first(setKelompok)} empty="Semua kelompok" options={kelompokOptions} />
        <SelectField label="Fasilitator" value={fasilitator} onChange={first(setFasilitator)} empty="Semua fasilitator" options={fasilitatorOptions} />
        <SelectField label="Jabatan" value={jabatan} onChange={first(setJabatan)} empty="Semua jabatan" options={JABATAN.map((j) => ({ value: j, label: JABATAN_LABEL[j] }))} />
        <label className="check">
          <input type="checkbox" checked={ganda} onChange={(e) => first(setGanda)(e.target.checked)} /> Hanya NIK ganda
        </label>
        <CentangTerhapus checked={terhapus} onChange={setTerhapus} />
      </div>
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{list.error || galat}</Notice>
      <table aria-label="Daftar anggota" aria-busy={list.loading}>
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">NIK</th>
            <th scope="col">L/P</th>
            <th scope="col">Tanggal lahir</th>
            <th scope="col">Kelompok</th>
            <th scope="col">Jabatan</th>
            <th scope="col">Desa</th>
            <th scope="col">DT-SEN</th>
            <th scope="col">
              <span className="sr-only">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data?.rows.map((a) => (
            <tr key={a.id}>
              <td>{a.nama}</td>
              <td className="mono">
                {a.nik}
                {a.ganda && (
                  <span className="badge warn" title="NIK ini juga terdaftar di kelompok lain">
                    NIK ganda
                  </span>
                )}
              </td>
              <td>{a.jenis_kelamin}</td>
              <td>{formatTanggal(a.tanggal_lahir)}</td>
              <td>{a.kelompok_nama}</td>
              <td>{JABATAN_LABEL[a.jabatan]}</td>
              <td>{a.desa_nama}</td>
              <td>{labelDtsen(a.dtsen)}</td>
              <td className="actions-cell">
                {!kerja.provinsi && aksi(a, a.nama, () => invoke('anggota.pulihkan', { id: a.id }), list.reload)}
              </td>
            </tr>
          ))}
          {list.data?.rows.length === 0 && (
            <tr>
              <td colSpan={9}>{terhapus ? 'Tidak ada anggota terhapus.' : 'Belum ada anggota yang cocok.'}</td>
            </tr>
          )}
        </tbody>
      </table>
      {list.data && <Pager label="anggota" halaman={list.data.halaman} per={list.data.per} total={list.data.total} onPage={setHalaman} />}
      {edit && (
        <AnggotaForm
          kabupaten={kabupaten}
          row={edit === 'baru' ? null : edit}
          kelompokOptions={kelompokOptions}
          defaultKelompok={kelompokAwal(kelompok, kelompokOptions)}
          onClose={() => setEdit(null)}
          onSaved={selesai(list.reload)}
        />
      )}
      {hapus && (
        <HapusRekaman
          judul="Hapus anggota"
          nama={hapus.nama}
          namaLengkap={`${hapus.nama} (${hapus.nik})`}
          hapus={(alasan) => invoke('anggota.hapus', { id: hapus.id, alasan })}
          onBatal={() => setHapus(null)}
          onDihapus={selesai(list.reload)}
        />
      )}
      {impor && (
        <ImporAnggota
          kelompokOptions={kelompokOptions}
          onClose={(pesan) => {
            setImpor(false);
            if (pesan) {
              setInfo(pesan);
              list.reload();
            }
          }}
        />
      )}
    </section>
  );
}

/**
 * What the NIK says of its holder. Its birth date and sex fill the fields when they are empty; when they differ from
 * what is filled in, a button offers to use the NIK's (the officer decides, nothing is overwritten silently).
 */
function NikKeterangan(props: { nik: string; jenisKelamin: string; tanggalLahir: string; onIsi: (isi: { jenis_kelamin?: string; tanggal_lahir?: string }, paksa?: boolean) => void }) {
  const nik = useDebounced(props.nik.trim(), 250);
  const [info, setInfo] = useState<NikInfo | null>(null);
  useEffect(() => {
    let live = true;
    if (nik.length < 16) setInfo(null);
    else
      invoke('nik.periksa', { nik, jenisKelamin: (props.jenisKelamin || null) as 'L' | null, tanggalLahir: props.tanggalLahir || null }).then(
        (i) => live && setInfo(i),
        () => live && setInfo(null),
      );
    return () => {
      live = false;
    };
  }, [nik, props.jenisKelamin, props.tanggalLahir]);
  useEffect(() => {
    if (!info?.valid) return;
    const isi: { jenis_kelamin?: string; tanggal_lahir?: string } = {};
    if (!props.jenisKelamin && info.jenisKelamin) isi.jenis_kelamin = info.jenisKelamin;
    if (!props.tanggalLahir && info.tanggalLahir) isi.tanggal_lahir = info.tanggalLahir;
    if (Object.keys(isi).length) props.onIsi(isi);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [info]);
  if (!info) return <span>NIK 16 angka, dari KTP atau KK.</span>;
  const beda = info.valid && ((props.jenisKelamin && info.jenisKelamin && props.jenisKelamin !== info.jenisKelamin) || (props.tanggalLahir && info.tanggalLahir && props.tanggalLahir !== info.tanggalLahir));
  return (
    <span aria-live="polite" data-testid="nik-keterangan">
      {info.valid ? (
        <>
          Menurut NIK: {info.jenisKelamin === 'P' ? 'perempuan' : 'laki-laki'}, lahir {formatTanggal(info.tanggalLahir)}, {[info.namaKecamatan ? `Kec. ${info.namaKecamatan}` : null, info.namaKabupaten].filter(Boolean).join(', ')}.
        </>
      ) : (
        <strong>{info.errors.join(' ')}</strong>
      )}
      {info.warnings.map((w) => (
        <span key={w} className="warn-text">
          {' '}
          ⚠ {w}
        </span>
      ))}
      {beda && (
        <button type="button" className="link" onClick={() => props.onIsi({ jenis_kelamin: info.jenisKelamin ?? undefined, tanggal_lahir: info.tanggalLahir ?? undefined }, true)}>
          Pakai jenis kelamin dan tanggal lahir dari NIK
        </button>
      )}
    </span>
  );
}

/** The columns this form lays out; any other typed column of the register follows them (KolomLain). */
const TATA_ANGGOTA = ['kelompok_id', 'nik', 'no_kk', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'alamat', 'desa_kode', 'jabatan'] as const;

function AnggotaForm(props: {
  kabupaten: string;
  row: AnggotaRow | null;
  kelompokOptions: { value: string; label: string; desa: string }[];
  defaultKelompok: string;
  onClose: () => void;
  onSaved: (pesan: string) => void;
}) {
  const r = props.row;
  const { form, set, errors, message, ubah, close, gagal } = useFormRekaman({
    kelompok_id: r?.kelompok_id ?? props.defaultKelompok,
    nik: r?.nik ?? '',
    no_kk: r?.no_kk ?? '',
    nama: r?.nama ?? '',
    jenis_kelamin: r?.jenis_kelamin ?? '',
    tanggal_lahir: r?.tanggal_lahir ?? '',
    alamat: r?.alamat ?? '',
    kecamatan: r?.desa_kode ? r.desa_kode.slice(0, 8) : '',
    desa_kode: r?.desa_kode ?? '',
    jabatan: r?.jabatan ?? 'anggota',
  }, props.onClose);
  const [konfirmasiGanda, setKonfirmasiGanda] = useState(false);
  // Fields the officer has changed in this form: a NIK lookup that answers late never fills them (only the button does).
  const disentuh = useRef(new Set<string>());
  const [perluKonfirmasi, setPerluKonfirmasi] = useState(false);
  const lain = useKolomLain('anggota', TATA_ANGGOTA, r, errors, ubah);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const saved = await invoke('anggota.simpan', {
        ...(r ? { id: r.id } : {}),
        kelompok_id: form.kelompok_id,
        nik: form.nik,
        no_kk: form.no_kk || null,
        nama: form.nama,
        jenis_kelamin: form.jenis_kelamin as 'L',
        tanggal_lahir: form.tanggal_lahir || null,
        alamat: form.alamat || null,
        desa_kode: form.desa_kode || null,
        jabatan: form.jabatan as Jabatan,
        konfirmasiGanda,
        ...lain.kirim(),
      });
      localStorage.setItem(KELOMPOK_TERAKHIR, form.kelompok_id);
      props.onSaved(`Anggota ${form.nama} disimpan.${saved.peringatan.length ? ' Perhatian: ' + saved.peringatan.join(' ') : ''}`);
    } catch (error) {
      gagal(error);
      if ((error as { code?: string }).code === 'NIK_GANDA' && /Tetap simpan/.test(pesanGalat(error))) setPerluKonfirmasi(true);
    }
  };
  return (
    <Dialog title={r ? `Ubah anggota: ${r.nama}` : 'Tambah anggota'} onClose={close} wide>
      <form onSubmit={submit} noValidate>
        <SelectField label="Kelompok" value={form.kelompok_id} onChange={(v) => set({ kelompok_id: v })} empty="— pilih kelompok —" options={props.kelompokOptions} error={errors.kelompok_id} required />
        <div className="row2">
          <TextField
            label="NIK"
            value={form.nik}
            // NIKs are pasted as printed: "3507 1345 0190 0009", "3507.1345.0190.0009". Only the digits are kept.
            onChange={(v) => set({ nik: v.replace(/[\s.\-]/g, '') })}
            error={errors.nik}
            inputMode="numeric"
            maxLength={24}
            required
            hint={<NikKeterangan nik={form.nik} jenisKelamin={form.jenis_kelamin} tanggalLahir={form.tanggal_lahir} onIsi={(isi, paksa) => set(paksa ? isi : Object.fromEntries(Object.entries(isi).filter(([k]) => !disentuh.current.has(k))))} />}
          />
          <TextField label="No. KK" value={form.no_kk} onChange={(v) => set({ no_kk: v })} error={errors.no_kk} inputMode="numeric" maxLength={16} />
        </div>
        <TextField label="Nama lengkap" value={form.nama} onChange={(v) => set({ nama: v })} error={errors.nama} required />
        <div className="row3">
          <SelectField label="Jenis kelamin" value={form.jenis_kelamin} onChange={(v) => (disentuh.current.add('jenis_kelamin'), set({ jenis_kelamin: v }))} empty="— pilih —" options={[{ value: 'L', label: 'Laki-laki' }, { value: 'P', label: 'Perempuan' }]} error={errors.jenis_kelamin} required />
          <DateField label="Tanggal lahir" value={form.tanggal_lahir} onChange={(v) => (disentuh.current.add('tanggal_lahir'), set({ tanggal_lahir: v }))} error={errors.tanggal_lahir} />
          <SelectField label="Jabatan dalam kelompok" value={form.jabatan} onChange={(v) => set({ jabatan: v as Jabatan })} options={JABATAN.map((j) => ({ value: j, label: JABATAN_LABEL[j] }))} />
        </div>
        <TextField label="Alamat" value={form.alamat} onChange={(v) => set({ alamat: v })} />
        <div className="row2">
          <WilayahPicker
            kabupaten={props.kabupaten}
            kecamatan={form.kecamatan}
            desa={form.desa_kode}
            desaLabel="Desa/Kelurahan tempat tinggal"
            emptyLabel="— sama dengan desa kelompok —"
            onChange={(w) => set({ kecamatan: w.kecamatan, desa_kode: w.desa })}
          />
        </div>
        {lain.isian}
        <AkhirFormulir pesan={message} onBatal={close}>
          {perluKonfirmasi && (
            <label className="check">
              <input type="checkbox" checked={konfirmasiGanda} onChange={(e) => setKonfirmasiGanda(e.target.checked)} /> Tetap simpan NIK ganda (orang yang sama memang anggota dua kelompok)
            </label>
          )}
        </AkhirFormulir>
      </form>
      {r && <Riwayat tabel="anggota" id={r.id} />}
    </Dialog>
  );
}
