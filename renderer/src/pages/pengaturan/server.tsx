import { useState } from 'react';
import { invoke, pesanGalat } from '../../api';
import { fieldErrors, Notice, TextField, useLoad } from '../../components/ui';

// Pengaturan → "Server basis data provinsi": the province's PostgreSQL server the app opens at its next start. The
// address is kept without its password; the password wrapped by this PC's key (never shown again, never in the clear).

export function ServerProvinsi() {
  const tersimpan = useLoad(() => invoke('server.tersimpan', {}), []);
  const [alamat, setAlamat] = useState('');
  const [sandi, setSandi] = useState('');
  const [frasa, setFrasa] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [info, setInfo] = useState('');
  const [galat, setGalat] = useState('');
  const [sibuk, setSibuk] = useState(false);

  const jalankan = async (aksi: () => Promise<string>) => {
    setInfo('');
    setGalat('');
    setSibuk(true);
    try {
      setInfo(await aksi());
      setErrors({});
      tersimpan.reload();
    } catch (error) {
      const { fields, message } = fieldErrors(error);
      setErrors(fields);
      setGalat(message);
    } finally {
      setSibuk(false);
    }
  };
  const masukan = () => ({ alamat, sandi: sandi || null, frasa: frasa || null });

  return (
    <section aria-labelledby="judul-server">
      <h2 id="judul-server">Server basis data provinsi</h2>
      <p>
        Beberapa petugas provinsi dapat bekerja pada satu basis data di server PostgreSQL kantor. Pindahkan dulu basis data provinsi ke server
        (<code>pindah-ke-postgres</code>), lalu isi alamatnya di sini. Aplikasi memakai server itu sejak dibuka lagi.
      </p>
      <p>
        {tersimpan.data?.aktif ? (
          <>
            Sekarang bekerja pada server <code>{tersimpan.data.aktif}</code>.{' '}
          </>
        ) : (
          'Sekarang bekerja pada berkas basis data di komputer ini. '
        )}
        {tersimpan.data?.alamat ? (
          <>
            Tersimpan untuk dibuka berikutnya: <code>{tersimpan.data.alamat}</code>.
          </>
        ) : (
          'Belum ada server yang disimpan.'
        )}
      </p>
      <form
        noValidate
        aria-labelledby="judul-server"
        onSubmit={(e) => {
          e.preventDefault();
          void jalankan(async () => {
            const r = await invoke('server.simpan', masukan());
            // Kept wrapped; not left in the form.
            setSandi('');
            setFrasa('');
            return r.pesan;
          });
        }}
      >
        <TextField label="Alamat server" value={alamat} onChange={setAlamat} error={errors.alamat} placeholder="postgres://petugas@192.168.1.10:5432/bermantra?sslmode=require" hint="postgres://pengguna@alamat:port/basisdata; sslmode=require untuk jaringan kantor." />
        <TextField label="Kata sandi server" type="password" value={sandi} onChange={setSandi} error={errors.sandi} hint="Disimpan terbungkus kunci komputer ini; tidak pernah ditampilkan lagi." />
        <TextField
          label="Frasa kunci provinsi"
          type="password"
          value={frasa}
          onChange={setFrasa}
          error={errors.frasa}
          hint="Membuka kunci privat provinsi di server (impor bundel, tanda terima). Dibuat sekali dengan perintah keys server di komputer yang membuat kunci; disimpan terbungkus seperti kata sandi."
        />
        <div className="actions">
          <button type="button" disabled={sibuk} onClick={() => void jalankan(async () => (await invoke('server.uji', masukan())).pesan)}>
            Uji sambungan
          </button>
          <button type="submit" disabled={sibuk}>
            Simpan server
          </button>
          {tersimpan.data?.alamat && (
            <button type="button" disabled={sibuk} onClick={() => void jalankan(async () => (await invoke('server.lupakan', {})).pesan)}>
              Lupakan server
            </button>
          )}
        </div>
      </form>
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{galat}</Notice>
      {tersimpan.error && <Notice kind="error">{tersimpan.error}</Notice>}
    </section>
  );
}

/** On the start page's error: when the app opened the stored server and it fails, the way back to the file. */
export function KembaliKeBerkas() {
  const tersimpan = useLoad(() => invoke('server.tersimpan', {}), []);
  const [pesan, setPesan] = useState('');
  if (!tersimpan.data?.aktif || !tersimpan.data.alamat) return null;
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void invoke('server.lupakan', {}).then(
            (r) => setPesan(r.pesan),
            (e) => setPesan(pesanGalat(e)),
          )
        }
      >
        Lupakan server, pakai berkas di komputer ini
      </button>
      <p role="status">{pesan}</p>
    </>
  );
}
