import { useState } from 'react';
import { formatAngka, formatTanggal, formatWaktu } from '../../../../main/common/format';
import { invoke, pesanGalat } from '../../api';
import { useStatus } from '../../app-context';
import { PilihBerkas } from '../../components/pilih-berkas';
import { ServerProvinsi } from './server';
import { Field, fieldErrors, Notice, SelectField, TextField, useLoad } from '../../components/ui';

const JENIS: Record<string, string> = {
  otomatis: 'Otomatis harian',
  'sebelum-migrasi': 'Sebelum pembaruan skema',
  'sebelum-impor': 'Sebelum impor',
  'sebelum-pemulihan': 'Sebelum pemulihan',
  manual: 'Manual',
  server: 'Server (pg_dump)',
};

const JENIS_SURAT: Record<string, string> = { proposal: 'Surat pengantar proposal', gerobak: 'Usulan bantuan gerobak' };

/** The register of outgoing letters: every letter printed with a number, newest first. */
function BukuSuratKeluar() {
  const daftar = useLoad(() => invoke('suratKeluar.list', {}), []);
  const rows = daftar.data ?? [];
  return (
    <section aria-labelledby="judul-surat-keluar">
      <h2 id="judul-surat-keluar">Buku surat keluar</h2>
      <p>Surat yang dicetak dengan nomor tercatat di sini. Satu nomor hanya untuk satu surat; mencetak ulang surat yang sama memperbarui barisnya.</p>
      {rows.length === 0 ? (
        <p>Belum ada surat keluar yang bernomor.</p>
      ) : (
        <table aria-label="Buku surat keluar">
          <thead>
            <tr>
              <th scope="col">Nomor</th>
              <th scope="col">Tanggal</th>
              <th scope="col">Hal</th>
              <th scope="col">Kepada</th>
              <th scope="col">Jenis</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.jenis}-${r.rujukan}`}>
                <td>{r.nomor}</td>
                <td>{formatTanggal(r.tanggal)}</td>
                <td>{r.hal}</td>
                <td>{r.tujuan}</td>
                <td>{JENIS_SURAT[r.jenis] ?? r.jenis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The electronic-signature roots this office trusts: the province adds them (and sends them in the reference bundle). */
function AkarTepercaya() {
  const daftar = useLoad(() => invoke('tte.akar', {}), []);
  const provinsi = useStatus().status.pengaturan.mode === 'provinsi';
  const [pesan, setPesan] = useState('');
  const [galat, setGalat] = useState('');
  return (
    <section aria-labelledby="judul-akar-tte">
      <h2 id="judul-akar-tte">Akar tepercaya tanda tangan elektronik</h2>
      <p>Tanda tangan elektronik dinyatakan tepercaya bila sertifikatnya berantai ke salah satu akar ini. {provinsi ? 'Akar yang ditambahkan di sini ikut bundel referensi ke setiap kabupaten/kota.' : 'Akar dari provinsi datang lewat bundel referensi.'}</p>
      {(daftar.data ?? []).length === 0 ? (
        <p>Belum ada akar tepercaya.</p>
      ) : (
        <table aria-label="Akar tepercaya">
          <thead>
            <tr>
              <th scope="col">Nama</th>
              <th scope="col">Berlaku sampai</th>
              <th scope="col">Asal</th>
              <th scope="col">Sidik jari (SHA-256)</th>
            </tr>
          </thead>
          <tbody>
            {(daftar.data ?? []).map((a) => (
              <tr key={a.sidik_jari}>
                <td>{a.nama}</td>
                <td>{formatTanggal(a.berlaku_sampai.slice(0, 10))}</td>
                <td>{a.sumber === 'provinsi' ? 'dari provinsi' : 'kantor ini'}</td>
                <td>
                  <code>{a.sidik_jari.slice(0, 24)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PilihBerkas
        label="Sertifikat akar (.pem atau .crt)"
        accept=".pem,.crt,.cer"
        tombol="Tambahkan akar"
        onPick={async (berkas) => {
          setGalat('');
          try {
            const a = await invoke('tte.tambahAkar', { berkas });
            setPesan(`Akar ditambahkan: ${a.nama}.`);
            daftar.reload();
          } catch (e) {
            setGalat(pesanGalat(e));
          }
        }}
      />
      <Notice kind="ok">{pesan}</Notice>
      <Notice kind="error">{galat}</Notice>
    </section>
  );
}

export function PengaturanPage() {
  const { status, reload } = useStatus();
  const p = status.pengaturan;
  const [form, setForm] = useState({
    operator: p.operator,
    nama_instansi: p.nama_instansi,
    alamat_instansi: p.alamat_instansi,
    kota_surat: p.kota_surat,
    telepon: p.telepon,
    email: p.email,
    website: p.website,
    kode_pos: p.kode_pos,
    kepala_nama: p.kepala_nama,
    kepala_nip: p.kepala_nip,
    kepala_pangkat: p.kepala_pangkat,
    kepala_jabatan: p.kepala_jabatan,
    ttd_mode: p.ttd_mode,
    ttd_nama: p.ttd_nama,
    ttd_nip: p.ttd_nip,
    ttd_pangkat: p.ttd_pangkat,
    ttd_jabatan: p.ttd_jabatan,
    tembusan: p.tembusan,
    batas_pengembalian_bulan: p.batas_pengembalian_bulan,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [info, setInfo] = useState('');
  const [galat, setGalat] = useState('');
  const cadangan = useLoad(() => invoke('cadangan.list', {}), []);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const simpan = async (e: React.FormEvent) => {
    e.preventDefault();
    setInfo('');
    setGalat('');
    try {
      await invoke('pengaturan.simpan', form);
      setErrors({});
      setInfo('Pengaturan disimpan.');
      reload();
    } catch (error) {
      const { fields, message } = fieldErrors(error);
      setErrors(fields);
      setGalat(message);
    }
  };

  return (
    <section aria-labelledby="judul-pengaturan">
      <h1 id="judul-pengaturan">Pengaturan</h1>
      <p>
        Wilayah: <strong>{p.kabupaten_nama}</strong> ({p.kabupaten_kode}) · basis data <code>{status.dbFile}</code>
      </p>
      <form onSubmit={simpan} noValidate aria-labelledby="judul-kantor">
        <h2 id="judul-kantor">Data kantor</h2>
        <TextField label="Nama operator" value={form.operator} onChange={set('operator')} error={errors.operator} />
        <TextField label="Nama instansi" value={form.nama_instansi} onChange={set('nama_instansi')} />
        <TextField label="Alamat kantor" value={form.alamat_instansi} onChange={set('alamat_instansi')} />
        <div className="row3">
          <TextField label="Kota penandatanganan surat" value={form.kota_surat} onChange={set('kota_surat')} />
          <TextField label="Telepon kantor" value={form.telepon} onChange={set('telepon')} />
          <TextField label="Email kantor" value={form.email} onChange={set('email')} />
        </div>
        <div className="row3">
          <TextField label="Laman (website)" value={form.website} onChange={set('website')} />
          <TextField label="Kode pos" value={form.kode_pos} onChange={set('kode_pos')} error={errors.kode_pos} inputMode="numeric" />
        </div>
        <h2 id="judul-ttd">Penanda tangan surat</h2>
        <div className="row3">
          <TextField label="Jabatan kepala (kop tanda tangan)" value={form.kepala_jabatan} onChange={set('kepala_jabatan')} />
          <TextField label="Nama Kepala Bappeda" value={form.kepala_nama} onChange={set('kepala_nama')} />
          <TextField label="NIP Kepala Bappeda" value={form.kepala_nip} onChange={set('kepala_nip')} error={errors.kepala_nip} hint="18 angka, misalnya 19700101 200003 1 001" />
        </div>
        <div className="row3">
          <TextField label="Pangkat/golongan Kepala" value={form.kepala_pangkat} onChange={set('kepala_pangkat')} />
          <SelectField
            label="Cara tanda tangan"
            value={form.ttd_mode}
            onChange={set('ttd_mode')}
            options={[
              { value: 'langsung', label: 'Ditandatangani Kepala' },
              { value: 'a.n.', label: 'a.n. (atas nama) Kepala' },
              { value: 'Plt.', label: 'Plt. (pelaksana tugas) Kepala' },
              { value: 'Plh.', label: 'Plh. (pelaksana harian) Kepala' },
            ]}
          />
        </div>
        {form.ttd_mode !== 'langsung' && (
          <div className="row3">
            <TextField label="Nama penanda tangan" value={form.ttd_nama} onChange={set('ttd_nama')} />
            <TextField label="NIP penanda tangan" value={form.ttd_nip} onChange={set('ttd_nip')} error={errors.ttd_nip} />
            <TextField label="Pangkat/golongan penanda tangan" value={form.ttd_pangkat} onChange={set('ttd_pangkat')} />
            {form.ttd_mode === 'a.n.' && <TextField label="Jabatan penanda tangan (misalnya Sekretaris)" value={form.ttd_jabatan} onChange={set('ttd_jabatan')} />}
          </div>
        )}
        <Field label="Tembusan (satu instansi per baris)">
          {(id, describedBy) => <textarea id={id} aria-describedby={describedBy} rows={3} value={form.tembusan} onChange={(e) => set('tembusan')(e.target.value)} />}
        </Field>
        <h2 id="judul-kelayakan">Penilaian proposal</h2>
        <div className="row3">
          <TextField
            label="Batas masa pengembalian (bulan)"
            value={form.batas_pengembalian_bulan}
            onChange={set('batas_pengembalian_bulan')}
            error={errors.batas_pengembalian_bulan}
            inputMode="numeric"
            hint="Proposal dinilai layak hanya bila seluruh dana kembali dalam waktu ini. Kosong: 36 bulan."
          />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Simpan pengaturan
          </button>
        </div>
      </form>
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{galat}</Notice>
      <section aria-labelledby="judul-lambang">
        <h2 id="judul-lambang">Lambang daerah pada kop surat</h2>
        {p.lambang ? <img src={p.lambang} alt="Lambang daerah yang dipakai pada kop surat" style={{ maxHeight: 72 }} /> : <p>Belum ada lambang: kop surat dicetak tanpa lambang.</p>}
        <PilihBerkas
          label="Berkas lambang (PNG atau JPEG)"
          accept=".png,.jpg,.jpeg"
          tombol="Pasang lambang"
          onPick={async (berkas) => {
            try {
              await invoke('pengaturan.lambang', { berkas });
              setInfo('Lambang dipasang pada kop surat.');
              reload();
            } catch (error) {
              setGalat(pesanGalat(error));
            }
          }}
        />
        {p.lambang && (
          <button type="button" onClick={() => void invoke('pengaturan.lambang', { berkas: null }).then(() => (setInfo('Lambang dilepas dari kop surat.'), reload()), (e) => setGalat(pesanGalat(e)))}>
            Lepas lambang
          </button>
        )}
      </section>

      <DaftarDinas />
      <TemplatSuratPengantar />
      <BukuSuratKeluar />
      <AkarTepercaya />
      {p.mode === 'provinsi' && <ServerProvinsi />}

      <h2 id="judul-cadangan">Cadangan basis data</h2>
      <p>Aplikasi mencadangkan basis data setiap hari dan sebelum pembaruan atau impor besar; 14 cadangan terakhir tiap jenis disimpan di folder “cadangan” di samping berkas basis data.</p>
      <div className="actions">
        <button
          type="button"
          onClick={async () => {
            try {
              const c = await invoke('cadangan.buat', {});
              setInfo(`Cadangan dibuat: ${c.nama}`);
              cadangan.reload();
            } catch (e) {
              setGalat(pesanGalat(e));
            }
          }}
        >
          Buat cadangan sekarang
        </button>
      </div>
      <table aria-labelledby="judul-cadangan">
        <thead>
          <tr>
            <th scope="col">Waktu</th>
            <th scope="col">Jenis</th>
            <th scope="col">Ukuran</th>
            <th scope="col">
              <span className="sr-only">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cadangan.data?.map((c) => (
            <tr key={c.nama}>
              <td>{formatWaktu(c.waktu)}</td>
              <td>{JENIS[c.jenis] ?? c.jenis}</td>
              <td className="num">{formatAngka(Math.ceil(c.ukuran / 1024))} KB</td>
              <td>
                <button
                  type="button"
                  onClick={async () => {
                    if (!confirm(`Pulihkan basis data ke keadaan ${formatWaktu(c.waktu)}? Keadaan sekarang dicadangkan dulu, jadi pemulihan dapat dibatalkan.`)) return;
                    try {
                      const r = await invoke('cadangan.pulihkan', { nama: c.nama });
                      setInfo(`Basis data dipulihkan. Keadaan sebelumnya disimpan sebagai ${r.sebelumnya.nama}.`);
                      cadangan.reload();
                      reload();
                    } catch (e) {
                      setGalat(pesanGalat(e));
                    }
                  }}
                  aria-label={`Pulihkan cadangan ${formatWaktu(c.waktu)}`}
                >
                  Pulihkan
                </button>
              </td>
            </tr>
          ))}
          {cadangan.data?.length === 0 && (
            <tr>
              <td colSpan={4}>Belum ada cadangan.</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

/** The Dinas proposals are addressed to (c.q.), one per line, editable by the office. */
function DaftarDinas() {
  const dinas = useLoad(() => invoke('proposal.dinas', {}), []);
  const [text, setText] = useState<string | null>(null);
  const [pesan, setPesan] = useState('');
  const value = text ?? (dinas.data ?? []).join('\n');
  return (
    <section aria-labelledby="judul-dinas">
      <h2 id="judul-dinas">Dinas tujuan proposal</h2>
      <label htmlFor="daftar-dinas">Daftar dinas (satu per baris)</label>
      <textarea id="daftar-dinas" rows={6} value={value} onChange={(e) => setText(e.target.value)} />
      <div className="actions">
        <span role="status">{pesan}</span>
        <button
          type="button"
          onClick={async () => {
            try {
              const saved = await invoke('proposal.simpanDinas', { daftar: value.split('\n').filter((d) => d.trim()) });
              setText(saved.join('\n'));
              setPesan(`${saved.length} dinas disimpan.`);
            } catch (e) {
              setPesan(pesanGalat(e));
            }
          }}
        >
          Simpan daftar dinas
        </button>
      </div>
    </section>
  );
}

/**
 * The covering letter of proposals: written by the province, sent to the districts in the reference
 * bundle; a district sees the one in force.
 */
function TemplatSuratPengantar() {
  const data = useLoad(() => invoke('proposal.templatSurat', {}), []);
  const [ubah, setUbah] = useState<{ kepada: string; pembuka: string } | null>(null);
  const [pesan, setPesan] = useState('');
  const [galat, setGalat] = useState<Record<string, string>>({});
  const t = data.data?.templat;
  const form = ubah ?? { kepada: t?.kepada ?? '', pembuka: t?.pembuka ?? '' };
  return (
    <section aria-labelledby="judul-templat">
      <h2 id="judul-templat">Templat surat pengantar proposal</h2>
      {t && (
        <p className="muted">
          Versi {t.versi}. {data.data?.bolehUbah ? 'Versi baru dikirim ke kabupaten/kota bersama bundel referensi berikutnya.' : 'Ditetapkan provinsi; versi baru datang bersama bundel referensi.'} Isian yang dapat dipakai:{' '}
          {data.data?.isian.map((i) => `{${i}}`).join(', ')}.
        </p>
      )}
      <Field label="Kepada Yth. (satu baris per baris surat)" error={galat.kepada}>
        {(id, d) => <textarea id={id} aria-describedby={d} rows={4} value={form.kepada} readOnly={!data.data?.bolehUbah} onChange={(e) => setUbah({ ...form, kepada: e.target.value })} />}
      </Field>
      <Field label="Paragraf pembuka" error={galat.pembuka}>
        {(id, d) => <textarea id={id} aria-describedby={d} rows={5} value={form.pembuka} readOnly={!data.data?.bolehUbah} onChange={(e) => setUbah({ ...form, pembuka: e.target.value })} />}
      </Field>
      {data.data?.bolehUbah && (
        <div className="actions">
          <span role="status">{pesan}</span>
          <button
            type="button"
            onClick={async () => {
              setGalat({});
              try {
                const saved = await invoke('proposal.simpanTemplatSurat', form);
                setUbah(null);
                data.reload();
                setPesan(`Templat surat versi ${saved.versi} disimpan.`);
              } catch (e) {
                const f = fieldErrors(e);
                setGalat(f.fields);
                setPesan(f.message);
              }
            }}
          >
            Simpan templat surat
          </button>
        </div>
      )}
    </section>
  );
}
