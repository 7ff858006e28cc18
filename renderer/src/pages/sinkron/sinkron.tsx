import { REGISTER, SYNCED_TABLES } from '../../../../main/common/register';
import { useState } from 'react';
import type { HasilImporBundel, InfoSinkron } from '../../../../main/common/api';
import type { FileRef } from '../../../../main/common/contract-kit';
import { formatAngka, formatWaktu } from '../../../../main/common/format';
import { invoke, isElectron, pesanGalat, pilihBanyakBerkas, simpanBerkas } from '../../api';
import { PilihBerkas } from '../../components/pilih-berkas';
import { useStatus } from '../../app-context';
import { Field, Notice, TextField, useJalankan, useLoad } from '../../components/ui';

/** Record types as people say them: from the record register, with the parts of a bundle that are not records. */
const TABEL: Record<string, string> = {
  ...Object.fromEntries(SYNCED_TABLES.map((t) => [t, REGISTER[t].labelJamak.replace(/^./, (c) => c.toUpperCase())])),
  audit: 'Riwayat perubahan',
  dtsen_ringkasan: 'Ringkasan DT-SEN per kelompok',
  lampiran: 'Foto (berkas)',
};

/**
 * A lost private key makes every bundle unreadable (province) or refused (district): the keys can be
 * saved in a file protected by a passphrase, and restored from it.
 */
function CadanganKunci(props: { provinsi: boolean; busy: boolean; run: (fn: () => Promise<void>) => Promise<void>; setPesan: (p: string) => void }) {
  const [frasa, setFrasa] = useState('');
  const [frasaPulih, setFrasaPulih] = useState('');
  return (
    <details>
      <summary>Cadangan kunci {props.provinsi ? '(wajib di provinsi)' : ''}</summary>
      <p>
        {props.provinsi
          ? 'Tanpa kunci privat provinsi, tidak satu pun bundel kabupaten/kota dapat dibuka. Simpan cadangannya di tempat aman (bukan di komputer ini) dan frasa sandinya terpisah.'
          : 'Bila komputer ini rusak, kunci dari cadangan membuat provinsi tetap mengenali kabupaten/kota ini. Simpan frasa sandinya terpisah.'}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void props.run(async () => {
            const ref = await invoke('sinkron.cadangkanKunci', { frasa });
            if (await simpanBerkas(ref)) props.setPesan('Cadangan kunci disimpan. Simpan frasa sandinya terpisah dari berkas itu.');
            setFrasa('');
          });
        }}
      >
        <Field label="Frasa sandi cadangan (paling sedikit 12 huruf)">{(id) => <input id={id} type="password" autoComplete="new-password" value={frasa} onChange={(e) => setFrasa(e.target.value)} />}</Field>
        <div className="actions" style={{ justifyContent: 'flex-start' }}>
          <button type="submit" disabled={props.busy || frasa.length < 12}>
            Simpan cadangan kunci
          </button>
        </div>
      </form>
      <h3>Pulihkan kunci dari cadangan</h3>
      <p>Kunci instalasi ini diganti dengan kunci dari cadangan.</p>
      <Field label="Frasa sandi cadangan yang dipulihkan">{(id) => <input id={id} type="password" autoComplete="off" value={frasaPulih} onChange={(e) => setFrasaPulih(e.target.value)} />}</Field>
      <PilihBerkas
        label="Berkas cadangan kunci"
        accept=".bmkey,.json"
        busy={props.busy || !frasaPulih}
        onPick={(berkas) =>
          void props.run(async () => {
            const r = await invoke('sinkron.pulihkanKunci', { berkas, frasa: frasaPulih });
            setFrasaPulih('');
            props.setPesan(`Kunci dipulihkan. Sidik jari: ${r.sidik_jari}.`);
          })
        }
      />
    </details>
  );
}

/**
 * The province imports the month's bundles of many districts in one go: first each file is checked (sender and
 * fingerprint); a district not registered yet, or whose key changed, is imported only once the officer ticks that
 * its fingerprint was confirmed (by telephone). Then each is applied (or refused) on its own, and the table says
 * what became of each file.
 */
function ImporBanyak(props: { pihak: InfoSinkron['pihak']; onSelesai: () => void }) {
  type Berkas = { berkas: FileRef; pengirim: string; sidik: string; terdaftar: boolean; setuju: boolean; hasil?: { ok: boolean; pesan: string } };
  const [files, setFiles] = useState<File[]>([]);
  const [daftar, setDaftar] = useState<Berkas[]>([]);
  const [galat, setGalat] = useState('');
  const [jalan, setJalan] = useState<string | null>(null);
  const periksa = async () => {
    setDaftar([]);
    setGalat('');
    try {
      const refs = await pilihBanyakBerkas(files, [{ name: 'Bundel Bermantra', extensions: ['bmb'] }]);
      const out: Berkas[] = [];
      for (const berkas of refs) {
        setJalan(`Memeriksa ${berkas.nama}…`);
        try {
          const r = await invoke('sinkron.periksaBundel', { berkas });
          const terdaftar = props.pihak.some((p) => p.kode === r.pengirim && p.sidik_jari === r.sidik_jari_pengirim);
          out.push({ berkas, pengirim: r.pengirim, sidik: r.sidik_jari_pengirim, terdaftar, setuju: terdaftar });
        } catch (e) {
          out.push({ berkas, pengirim: '', sidik: '', terdaftar: false, setuju: false, hasil: { ok: false, pesan: pesanGalat(e) } });
        }
      }
      setDaftar(out);
    } catch (e) {
      setGalat(pesanGalat(e));
    } finally {
      setJalan(null);
    }
  };
  const impor = async () => {
    const out = [...daftar];
    for (const [i, b] of out.entries()) {
      // Done already, or waiting for its fingerprint to be confirmed (tick, then import again).
      if (b.hasil || !b.setuju) continue;
      setJalan(`Mengimpor ${b.berkas.nama}…`);
      try {
        out[i] = { ...b, hasil: { ok: true, pesan: (await invoke('sinkron.imporBundel', { berkas: b.berkas, dryRun: false, percayai: b.terdaftar ? null : b.sidik })).pesan } };
      } catch (e) {
        out[i] = { ...b, hasil: { ok: false, pesan: pesanGalat(e) } };
      }
      setDaftar([...out]);
    }
    setDaftar([...out]);
    setJalan(null);
    props.onSelesai();
  };
  const siap = daftar.filter((b) => !b.hasil && b.setuju).length;
  return (
    <details>
      <summary>Impor beberapa bundel sekaligus</summary>
      <div className="row2">
        {!isElectron() && <Field label="Bundel dari beberapa kabupaten/kota (pilih sekaligus)">{(id) => <input id={id} type="file" accept=".bmb" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />}</Field>}
        <div className="actions">
          <button type="button" disabled={jalan !== null || (!isElectron() && files.length === 0)} onClick={periksa}>
            {isElectron() ? 'Pilih bundel lalu periksa…' : `Periksa ${files.length || ''} bundel`.replace('  ', ' ')}
          </button>
          {daftar.length > 0 && (
            <button type="button" className="primary" disabled={jalan !== null || siap === 0} onClick={impor}>
              Impor {siap} bundel yang siap
            </button>
          )}
        </div>
      </div>
      <Notice kind="error">{galat}</Notice>
      {jalan && (
        <p role="status" aria-busy="true">
          {jalan}
        </p>
      )}
      {daftar.length > 0 && (
        <table aria-label="Hasil impor beberapa bundel">
          <thead>
            <tr>
              <th scope="col">Berkas</th>
              <th scope="col">Pengirim dan sidik jari</th>
              <th scope="col">Hasil</th>
            </tr>
          </thead>
          <tbody>
            {daftar.map((b, i) => (
              <tr key={i}>
                <th scope="row">{b.berkas.nama}</th>
                <td>
                  {b.pengirim && (
                    <>
                      {b.pengirim} · <code>{b.sidik}</code>
                      {b.terdaftar ? (
                        <div className="muted">terdaftar</div>
                      ) : (
                        <label className="check">
                          <input type="checkbox" checked={b.setuju} disabled={!!b.hasil} onChange={(e) => setDaftar((d) => d.map((x, j) => (j === i ? { ...x, setuju: e.target.checked } : x)))} /> Sidik jari {b.pengirim} sudah dicocokkan lewat telepon
                        </label>
                      )}
                    </>
                  )}
                </td>
                <td className={b.hasil && !b.hasil.ok ? 'error-text' : undefined}>{b.hasil ? `${b.hasil.ok ? 'Berhasil: ' : 'Ditolak: '}${b.hasil.pesan}` : b.setuju ? 'siap diimpor' : 'menunggu sidik jari dicocokkan'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

function RingkasanBundel({ r }: { r: HasilImporBundel }) {
  return (
    <section aria-label={r.dryRun ? 'Hasil uji coba bundel' : 'Hasil impor bundel'}>
      <p role="status">{r.pesan}</p>
      {Object.keys(r.tabel).length > 0 && (
        <table aria-label="Ringkasan per tabel">
          <thead>
            <tr>
              <th scope="col">Tabel</th>
              <th scope="col" className="num">Baru</th>
              <th scope="col" className="num">Diperbarui</th>
              <th scope="col" className="num">Dihapus</th>
              <th scope="col" className="num">Diabaikan</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(r.tabel).map(([t, c]) => (
              <tr key={t}>
                <th scope="row">{TABEL[t] ?? t}</th>
                <td className="num">{formatAngka(c.baru)}</td>
                <td className="num">{formatAngka(c.diperbarui)}</td>
                <td className="num">{formatAngka(c.dihapus)}</td>
                <td className="num">{formatAngka(c.diabaikan)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!!r.temuan?.jumlah && (
        <table aria-label="Temuan mutu laporan dari bundel ini">
          <caption>
            Temuan mutu laporan {r.pengirim}: {formatAngka(r.temuan.galat)} galat, {formatAngka(r.temuan.peringatan)} peringatan
            {r.temuan.jumlah > r.temuan.contoh.length ? ` (${formatAngka(r.temuan.contoh.length)} pertama ditampilkan)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Kelompok</th>
              <th scope="col">Indikator</th>
              <th scope="col">Tingkat</th>
              <th scope="col">Temuan</th>
              <th scope="col">Catatan kabupaten/kota</th>
            </tr>
          </thead>
          <tbody>
            {r.temuan.contoh.map((t) => (
              <tr key={`${t.laporan_id}-${t.indikator}-${t.aturan}`}>
                <th scope="row">{t.kelompok_nama}</th>
                <td>{t.indikator}</td>
                <td>{t.tingkat === 'galat' ? 'Galat' : 'Peringatan'}</td>
                <td>{t.pesan}</td>
                <td>{t.catatan ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The exchange as numbered steps, each saying whether it is done and, if not, what to do. */
function LangkahSinkron({ provinsi, info }: { provinsi: boolean; info: InfoSinkron }) {
  const terakhir = info.bundel_keluar[0];
  const langkah: { judul: string; selesai: boolean; ket: string }[] = provinsi
    ? [
        { judul: 'Buat kunci instalasi provinsi', selesai: info.punyaKunci, ket: info.punyaKunci ? `Sidik jari ${info.sidik_jari}.` : 'Tekan "Buat kunci instalasi" di bawah, lalu buat cadangan kuncinya.' },
        { judul: 'Kirim berkas identitas provinsi ke kabupaten/kota', selesai: !!info.identitas_disimpan_pada, ket: info.identitas_disimpan_pada ? `Berkas identitas disimpan ${formatWaktu(info.identitas_disimpan_pada)}; kirim ke kabupaten/kota yang belum menerimanya.` : 'Tekan "Simpan berkas identitas" dan kirim berkas .bmid itu ke setiap kabupaten/kota (flashdisk atau surel).' },
        { judul: 'Daftarkan kabupaten/kota', selesai: info.pihak.length > 0, ket: info.pihak.length ? `${formatAngka(info.pihak.length)} kabupaten/kota terdaftar.` : 'Impor berkas identitas (.bmid) dari tiap kabupaten/kota dan cocokkan sidik jarinya lewat telepon.' },
        { judul: 'Terima bundel data', selesai: false, ket: 'Pilih berkas bundel (.bmb) yang dikirim kabupaten/kota, periksa, lalu impor. Tanda terimanya dibuat di tabel status.' },
      ]
    : [
        { judul: 'Buat kunci instalasi', selesai: info.punyaKunci, ket: info.punyaKunci ? `Sidik jari ${info.sidik_jari}.` : 'Tekan "Buat kunci instalasi" di bawah.' },
        { judul: 'Kirim berkas identitas kabupaten/kota ke provinsi', selesai: !!info.identitas_disimpan_pada, ket: info.identitas_disimpan_pada ? `Berkas identitas disimpan ${formatWaktu(info.identitas_disimpan_pada)}; pastikan sudah dikirim ke provinsi.` : 'Tekan "Simpan berkas identitas" dan kirim berkas .bmid itu ke provinsi.' },
        { judul: 'Daftarkan provinsi', selesai: info.pihak.length > 0, ket: info.pihak.length ? 'Identitas provinsi sudah diimpor.' : 'Minta berkas identitas provinsi (.bmid), lalu imporkan di bagian "Provinsi" di bawah.' },
        {
          judul: 'Kirim bundel data ke provinsi',
          selesai: !!terakhir && info.perubahan_belum_dikirim === 0,
          ket: terakhir ? `Bundel terakhir ke-${terakhir.seq}, ${formatWaktu(terakhir.dibuat_pada)}. ${formatAngka(info.perubahan_belum_dikirim)} perubahan belum dikonfirmasi provinsi.` : 'Belum pernah mengirim bundel. Tekan "Buat dan simpan bundel perubahan" di bawah.',
        },
      ];
  return (
    <ol className="langkah" aria-label="Langkah sinkronisasi">
      {langkah.map((l) => (
        <li key={l.judul} className={l.selesai ? 'selesai' : undefined}>
          <strong>{l.judul}</strong> {l.selesai && <span className="badge">selesai</span>}
          <br />
          <span className="muted">{l.ket}</span>
        </li>
      ))}
    </ol>
  );
}

export function SinkronPage() {
  const { status } = useStatus();
  const provinsi = status.pengaturan.mode === 'provinsi';
  const info = useLoad(() => invoke('sinkron.info', {}), []);
  const jalankan = useJalankan();
  const { pesan, setPesan, galat, busy } = jalankan;
  const [berkas, setBerkas] = useState<FileRef | null>(null);
  const [periksa, setPeriksa] = useState<Awaited<ReturnType<typeof invoke<'sinkron.periksaBundel'>>> | null>(null);
  const [hasil, setHasil] = useState<HasilImporBundel | null>(null);
  const [sidik, setSidik] = useState('');
  const [siap, setSiap] = useState<{ berkas: FileRef; ukuran: number; jumlah: Record<string, number>; seq: number; disimpan: string | null } | null>(null);
  // One click: the bundle is made and the save dialog (or download) follows at once.
  const buatDanSimpan = (penuh: boolean) =>
    run(async () => {
      const b = await invoke('sinkron.eksporBundel', { penuh });
      const disimpan = await simpanBerkas(b.berkas);
      setSiap({ ...b, disimpan: disimpan || null });
      if (disimpan) setPesan(`Bundel ke-${b.seq} disimpan: ${disimpan}.`);
    });
  const run = (fn: () => Promise<void>) =>
    jalankan.run(async () => {
      await fn();
      info.reload();
    });
  const i = info.data;
  return (
    <section aria-labelledby="judul-sinkron">
      <h1 id="judul-sinkron">Sinkronisasi {provinsi ? 'dengan kabupaten/kota' : 'dengan provinsi'}</h1>
      <Notice kind="ok">{pesan}</Notice>
      <Notice kind="error">{galat || info.error}</Notice>
      {i && <LangkahSinkron provinsi={provinsi} info={i} />}
      <h2>Identitas instalasi ini</h2>
      {i && !i.punyaKunci && (
        <div className="actions" style={{ justifyContent: 'flex-start' }}>
          <button type="button" className="primary" disabled={busy} onClick={() => run(async () => setPesan(`Kunci dibuat. Sidik jari: ${(await invoke('sinkron.buatKunci', {})).sidik_jari}`))}>
            Buat kunci instalasi
          </button>
        </div>
      )}
      {i?.punyaKunci && (
        <p>
          Sidik jari: <strong className="mono">{i.sidik_jari}</strong>{' '}
          <button type="button" onClick={() => run(async () => void (await simpanBerkas(await invoke('sinkron.eksporIdentitas', {}))))}>
            Simpan berkas identitas
          </button>
        </p>
      )}
      {i?.punyaKunci && <CadanganKunci provinsi={provinsi} busy={busy} run={run} setPesan={setPesan} />}
      <h2>{provinsi ? 'Kabupaten/kota terdaftar' : 'Provinsi'}</h2>
      {i && i.pihak.length === 0 && <p>{provinsi ? 'Belum ada kabupaten/kota terdaftar.' : 'Identitas provinsi belum diimpor. Minta berkas identitas provinsi (.bmid) lalu impor di bawah.'}</p>}
      <ul>
        {i?.pihak.map((m) => (
          <li key={m.kode}>
            {m.nama} ({m.kode}) · sidik jari <span className="mono">{m.sidik_jari}</span>
          </li>
        ))}
      </ul>
      <details>
        <summary>Impor berkas identitas {provinsi ? 'kabupaten/kota' : 'provinsi'}</summary>
        <PilihBerkas label="Berkas identitas" accept=".bmid" onPick={(f) => run(async () => {
          const r = await invoke('sinkron.imporIdentitas', { berkas: f });
          setPesan(`${r.kode === '35' ? 'Provinsi Jawa Timur' : (r.nama || `Kabupaten/kota ${r.kode}`)} ${r.baru ? 'didaftarkan' : 'diperbarui'}. Sidik jari: ${r.sidik_jari}. Cocokkan sidik jari ini dengan pemiliknya (misalnya lewat telepon) sebelum bertukar bundel.`);
        })} />
      </details>

      {!provinsi && i && (
        <>
          <h2>Kirim data ke provinsi</h2>
          <p>
            {formatAngka(i.perubahan_belum_dikirim)} perubahan belum dikonfirmasi provinsi. Bundel terenkripsi untuk provinsi dan ditandatangani instalasi ini; kirim lewat flashdisk atau surel.
          </p>
          <div className="actions" style={{ justifyContent: 'flex-start' }}>
            <button type="button" className="primary" disabled={busy || !i.punyaKunci || i.pihak.length === 0} aria-busy={busy || undefined} onClick={() => buatDanSimpan(false)}>
              {busy ? 'Membuat bundel…' : 'Buat dan simpan bundel perubahan'}
            </button>
            <button type="button" disabled={busy || !i.punyaKunci || i.pihak.length === 0} onClick={() => buatDanSimpan(true)}>
              Buat dan simpan bundel lengkap
            </button>
          </div>
          {!i.punyaKunci && <p className="peringatan">Tombol di atas belum aktif: kunci instalasi ini belum dibuat. Tekan "Buat kunci instalasi" di atas dulu, lalu impor berkas identitas provinsi (.bmid).</p>}
          {i.punyaKunci && i.pihak.length === 0 && <p className="peringatan">Tombol di atas belum aktif: identitas provinsi belum diimpor. Minta berkas identitas provinsi (.bmid) lalu impor di atas.</p>}
          {siap && (
            <div className="panel" role="region" aria-label="Bundel tersimpan">
              <p>
                Bundel ke-{siap.seq}: <strong>{siap.berkas.nama}</strong>, {formatAngka(Math.ceil(siap.ukuran / 1024))} KB
                {siap.ukuran > 20 * 1024 * 1024 ? ' (terlalu besar untuk lampiran surel; pakai flashdisk)' : ' (cukup untuk lampiran surel)'}.{' '}
                {Object.entries(siap.jumlah).filter(([, n]) => n > 0).map(([t, n]) => `${TABEL[t] ?? t} ${formatAngka(n)}`).join(', ') || 'Tidak ada perubahan baru.'}
              </p>
              {siap.disimpan ? (
                <p>Disimpan: {siap.disimpan}. Kirim berkas ini ke provinsi lewat flashdisk atau surel.</p>
              ) : (
                <div className="actions" style={{ justifyContent: 'flex-start' }}>
                  <button type="button" className="primary" onClick={() => run(async () => {
                    const saved = await simpanBerkas(siap.berkas);
                    if (saved) setSiap({ ...siap, disimpan: saved });
                  })}>
                    Simpan bundel
                  </button>
                  <span className="muted">Penyimpanan dibatalkan; bundelnya sudah dibuat dan bisa disimpan sekarang.</span>
                </div>
              )}
            </div>
          )}
          {i.bundel_keluar.length > 0 && (
            <table aria-label="Bundel terkirim">
              <thead>
                <tr>
                  <th scope="col">No.</th>
                  <th scope="col">Berkas</th>
                  <th scope="col">Jenis</th>
                  <th scope="col" className="num">Ukuran</th>
                  <th scope="col">Dibuat</th>
                </tr>
              </thead>
              <tbody>
                {i.bundel_keluar.map((b) => (
                  <tr key={b.seq}>
                    <td>{b.seq}</td>
                    <td>{b.nama_berkas}</td>
                    <td>{b.penuh ? 'lengkap' : 'perubahan'}</td>
                    <td className="num">{formatAngka(Math.ceil(b.ukuran / 1024))} KB</td>
                    <td>{formatWaktu(b.dibuat_pada)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}

      <h2>{provinsi ? 'Terima bundel dari kabupaten/kota' : 'Terima tanda terima atau bundel referensi dari provinsi'}</h2>
      <PilihBerkas label="Berkas bundel" accept=".bmb" busy={busy} onPick={(f) => run(async () => {
        setBerkas(f);
        setHasil(null);
        setPeriksa(await invoke('sinkron.periksaBundel', { berkas: f }));
      })} />
      {berkas && periksa && (
        <div className="panel">
          <p>
            {periksa.jenis === 'data' ? 'Bundel data' : periksa.jenis === 'tanda-terima' ? 'Tanda terima' : 'Bundel referensi'} dari <strong>{String(periksa.manifest.nama_pengirim || periksa.pengirim)}</strong>, sidik jari{' '}
            <span className="mono">{periksa.sidik_jari_pengirim}</span>, {formatAngka(Math.ceil(periksa.ukuran / 1024))} KB, tanda tangan {periksa.tanda_tangan_utuh ? 'utuh' : 'TIDAK cocok'}.
          </p>
          {provinsi && periksa.jenis === 'data' && !i?.pihak.some((m) => m.kode === periksa.pengirim) && (
            <TextField label="Konfirmasi sidik jari pengirim" value={sidik} onChange={setSidik} hint="Pengirim belum terdaftar. Tanyakan sidik jarinya kepada operator kabupaten/kota (misalnya lewat telepon) lalu ketik di sini." />
          )}
          <div className="actions" style={{ justifyContent: 'flex-start' }}>
            <button type="button" disabled={busy} onClick={() => run(async () => setHasil(await invoke('sinkron.imporBundel', { berkas, dryRun: true, percayai: sidik || null })))}>
              Periksa dulu (uji coba)
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => run(async () => setHasil(await invoke('sinkron.imporBundel', { berkas, dryRun: false, percayai: sidik || null })))}>
              Impor bundel
            </button>
          </div>
          {hasil && <RingkasanBundel r={hasil} />}
        </div>
      )}
      {provinsi && info.data && <ImporBanyak pihak={info.data.pihak} onSelesai={info.reload} />}
      {provinsi && <StatusKabupaten segar={i} onTandaTerima={(kode) => run(async () => void (await simpanBerkas(await invoke('sinkron.tandaTerima', { kabupaten: kode }))))} onReferensi={() => run(async () => void (await simpanBerkas(await invoke('sinkron.bundelReferensi', {}))))} />}
    </section>
  );
}

/** `segar` changes after every import (the page's sync info reloads), and the table with it. */
function StatusKabupaten(props: { segar: unknown; onTandaTerima: (kode: string) => void; onReferensi: () => void }) {
  const data = useLoad(() => invoke('sinkron.statusKabupaten', {}), [props.segar]);
  return (
    <section aria-labelledby="judul-status-kab">
      <h2 id="judul-status-kab">Status kabupaten/kota</h2>
      <div className="actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" onClick={props.onReferensi}>
          Buat bundel referensi (katalog indikator, daftar dinas)
        </button>
      </div>
      <table aria-label="Status kabupaten/kota">
        <thead>
          <tr>
            <th scope="col">Kabupaten/kota</th>
            <th scope="col">Bundel terakhir</th>
            <th scope="col">Dibuat</th>
            <th scope="col">Diterima</th>
            <th scope="col" className="num">Kelompok</th>
            <th scope="col" className="num">Anggota</th>
            <th scope="col" className="num">Laporan</th>
            <th scope="col">Kebaruan</th>
            <th scope="col">
              <span className="sr-only">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.data?.map((k) => (
            <tr key={k.kode} className={k.hari_sejak !== null && k.hari_sejak > 45 ? 'stale' : undefined}>
              <th scope="row">{k.nama}</th>
              <td>{k.bundel_terakhir ?? '–'}</td>
              <td>{formatWaktu(k.dibuat_pada)}</td>
              <td>{formatWaktu(k.diterima_pada)}</td>
              <td className="num">{formatAngka(k.kelompok)}</td>
              <td className="num">{formatAngka(k.anggota)}</td>
              <td className="num">{formatAngka(k.laporan)}</td>
              <td>{k.hari_sejak === null ? 'belum pernah mengirim' : k.hari_sejak === 0 ? 'hari ini' : `${k.hari_sejak} hari lalu`}</td>
              <td>
                {k.bundel_terakhir !== null && (
                  <button type="button" onClick={() => props.onTandaTerima(k.kode)} aria-label={`Tanda terima ${k.nama}`}>
                    Tanda terima
                  </button>
                )}
              </td>
            </tr>
          ))}
          {data.data?.length === 0 && (
            <tr>
              <td colSpan={9}>Belum ada kabupaten/kota terdaftar atau mengirim bundel.</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
