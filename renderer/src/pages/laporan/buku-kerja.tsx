import { useState } from 'react';
import { bulanLalu } from '../../hooks/pilihan';
import type { HasilImporBukuKerja } from '../../../../main/common/buku-kerja';
import type { FileRef } from '../../../../main/common/contract-kit';
import { formatAngka, formatDesimal, formatPeriode, formatWaktu } from '../../../../main/common/format';
import { invoke, isElectron, pilihBanyakBerkas, simpanBerkas } from '../../api';
import { PilihBerkas } from '../../components/pilih-berkas';
import { Field, MonthField, Notice, SelectField, useJalankan, useLoad } from '../../components/ui';

const NASIB: Record<string, string> = { baru: 'Baru', diubah: 'Diubah', tetap: 'Tetap', ditolak: 'Ditolak' };
const tampil = (v: number | string | null) => (v === null ? '–' : typeof v === 'number' ? (Number.isInteger(v) ? formatAngka(v) : formatDesimal(v)) : v);

/** One data from the field: a workbook per facilitator goes out, comes back filled, and is imported without retyping. */
const FILTER_FOTO = [{ name: 'Foto kegiatan', extensions: ['jpg', 'jpeg', 'png'] }];

export function BukuKerjaView() {
  const [periode, setPeriode] = useState(bulanLalu());
  const status = useLoad(() => invoke('laporan.statusBukuKerja', { periode }), [periode]);
  const { busy, galat, pesan, setPesan, run } = useJalankan();
  const [berkas, setBerkas] = useState<FileRef | null>(null);
  // Photos of the month's activity, named by the group's number or name ("3.jpg"); or inside a zip with the workbook.
  const [fotoFiles, setFotoFiles] = useState<File[]>([]);
  const [foto, setFoto] = useState<FileRef[]>([]);
  const [statusAkhir, setStatusAkhir] = useState<'diajukan' | 'draft'>('diajukan');
  const [hasil, setHasil] = useState<HasilImporBukuKerja | null>(null);
  /** Checks (dry run) or imports the workbook with its photos; callers run it through `run`. */
  const impor = async (dryRun: boolean, f: FileRef, fotoRefs: FileRef[]) => {
    const h = await invoke('laporan.imporBukuKerja', { berkas: f, foto: fotoRefs, dryRun, status: statusAkhir, periode });
    setHasil(h);
    if (!dryRun) {
      const j = h.jumlah;
      setPesan(h.tanpaPerubahan ? 'Tidak ada perubahan: buku kerja ini sudah diimpor.' : `Diimpor: ${j.baru} laporan baru, ${j.diubah} diubah, ${j.foto} foto; ${j.ditolak} ditolak.`);
      status.reload();
    }
  };
  return (
    <section aria-labelledby="judul-buku-kerja">
      <h2 id="judul-buku-kerja">Buku kerja fasilitator</h2>
      <p className="muted">
        Setiap fasilitator menerima satu buku kerja Excel per bulan untuk kelompoknya, mengisinya di laptop atau ponsel (Excel, LibreOffice, WPS), lalu mengirimnya kembali. Angkanya masuk sebagai laporan bulanan tanpa diketik ulang. Foto kegiatan dapat dikirim bersama buku kerja dalam satu zip, diberi nama nomor atau nama kelompok (misalnya "3.jpg").
      </p>
      <div className="filters">
        <MonthField label="Bulan laporan" value={periode} onChange={(v) => (setPeriode(v), setHasil(null), setBerkas(null))} />
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => run(async () => void (await simpanBerkas(await invoke('laporan.templatSemua', { periode }))))}>
            Unduh semua buku kerja (.zip)
          </button>
        </div>
      </div>
      <Notice kind="ok">{pesan}</Notice>
      <Notice kind="error">{galat || status.error}</Notice>
      {status.data && (
        <table aria-label="Buku kerja per fasilitator">
          <thead>
            <tr>
              <th scope="col">Fasilitator</th>
              <th scope="col" className="num">Kelompok</th>
              <th scope="col" className="num">Sudah ada laporan</th>
              <th scope="col">Buku kerja kembali</th>
              <th scope="col">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {status.data.fasilitator.map((f) => (
              <tr key={f.id}>
                <th scope="row">{f.nama}</th>
                <td className="num">{formatAngka(f.kelompok)}</td>
                <td className="num">{formatAngka(f.terisi)}</td>
                <td>{f.dikembalikan_pada ? formatWaktu(f.dikembalikan_pada) : 'belum'}</td>
                <td>
                  <button type="button" className="small" disabled={busy} aria-label={`Unduh buku kerja ${f.nama}`} onClick={() => run(async () => void (await simpanBerkas(await invoke('laporan.templat', { fasilitator_id: f.id, periode }))))}>
                    Unduh buku kerja
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>Impor buku kerja yang sudah diisi</h3>
      <div className="filters">
        <SelectField
          label="Status laporan setelah impor"
          value={statusAkhir}
          onChange={(v) => setStatusAkhir(v as 'diajukan' | 'draft')}
          options={[
            { value: 'diajukan', label: 'Diajukan (yang lolos pemeriksaan)' },
            { value: 'draft', label: 'Draf (diperiksa dulu di layar entri)' },
          ]}
        />
      </div>
      <div className="row2">
        {isElectron() ? (
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => run(async () => setFoto(await pilihBanyakBerkas([], FILTER_FOTO)))}>
              Pilih foto kegiatan…
            </button>
            <span className="muted">{foto.length ? `${foto.length} foto dipilih` : 'boleh tanpa foto'}</span>
          </div>
        ) : (
          <Field label="Foto kegiatan (boleh beberapa, nama berkas = nomor atau nama kelompok)">{(id) => <input id={id} type="file" accept=".jpg,.jpeg,.png" multiple onChange={(e) => setFotoFiles([...(e.target.files ?? [])])} />}</Field>
        )}
      </div>
      <PilihBerkas
        label="Buku kerja terisi"
        accept=".xlsx,.zip"
        busy={busy}
        onPick={(f) =>
          run(async () => {
            const refs = isElectron() ? foto : await pilihBanyakBerkas(fotoFiles, FILTER_FOTO);
            setFoto(refs);
            setBerkas(f);
            await impor(true, f, refs);
          })
        }
      />
      {hasil && (
        <div className="panel" role="region" aria-label="Pratinjau impor buku kerja">
          <p>
            <strong>{hasil.berkas}</strong> · {hasil.fasilitator.nama} · {formatPeriode(hasil.periode)} · katalog versi {hasil.katalog_versi}: {hasil.jumlah.baru} baru, {hasil.jumlah.diubah} diubah, {hasil.jumlah.tetap} tetap, {hasil.jumlah.ditolak} ditolak, {hasil.jumlah.foto} foto.
            {hasil.dryRun ? ' Belum ada yang ditulis.' : ''}
          </p>
          {hasil.catatan.map((c) => (
            <p key={c} className="peringatan">
              {c}
            </p>
          ))}
          <div className="grid-scroll">
            <table aria-label="Rincian impor per kelompok">
              <thead>
                <tr>
                  <th scope="col">Baris</th>
                  <th scope="col">Kelompok</th>
                  <th scope="col">Hasil</th>
                  <th scope="col">Angka (sebelum → sesudah)</th>
                  <th scope="col">Keterangan</th>
                </tr>
              </thead>
              <tbody>
                {hasil.baris.map((b) => (
                  <tr key={b.kelompok_id}>
                    <td>{b.baris}</td>
                    <th scope="row">{b.kelompok_nama}</th>
                    <td className={b.nasib === 'ditolak' ? 'warn-text' : undefined}>{NASIB[b.nasib]}</td>
                    <td>{b.nilai.map((n) => `${n.nama}: ${tampil(n.sebelum)} → ${tampil(n.sesudah)}`).join('; ')}</td>
                    <td>
                      {[...b.pesan, ...(b.foto.length ? [`foto: ${b.foto.join(', ')}`] : [])].join(' ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {hasil.dryRun && (
            <div className="actions" style={{ justifyContent: 'flex-start' }}>
              <button type="button" className="primary" disabled={busy || hasil.tanpaPerubahan} onClick={() => berkas && run(() => impor(false, berkas, foto))}>
                Impor {hasil.jumlah.baru + hasil.jumlah.diubah} laporan
              </button>
              {hasil.tanpaPerubahan && (
                <span className="muted">
                  {hasil.jumlah.ditolak > 0
                    ? `Tidak ada yang dapat diimpor: ${hasil.jumlah.ditolak} baris ditolak (alasannya di tabel). Perbaiki buku kerjanya lalu periksa lagi.`
                    : 'Tidak ada yang berubah: buku kerja ini sudah diimpor atau masih kosong.'}
                </span>
              )}
            </div>
          )}
        </div>
      )}

      {status.data && status.data.fasilitator.some((f) => f.kosong.length) && (
        <>
          <h3>Pengingat untuk dikirim</h3>
          <p className="muted">Salin pesan ini ke WhatsApp atau SMS fasilitator; tidak perlu internet di aplikasi ini.</p>
          {status.data.fasilitator
            .filter((f) => f.kosong.length)
            .map((f) => (
              <div key={f.id} className="pengingat">
                <label htmlFor={`pengingat-${f.id}`}>
                  Pengingat untuk {f.nama}
                  {f.no_hp ? ` (${f.no_hp})` : ''}
                </label>
                <textarea id={`pengingat-${f.id}`} readOnly rows={3} value={f.pengingat} />
                <button type="button" className="small" onClick={() => void navigator.clipboard?.writeText(f.pengingat).then(() => setPesan(`Pengingat untuk ${f.nama} disalin.`))}>
                  Salin pengingat {f.nama}
                </button>
              </div>
            ))}
        </>
      )}
    </section>
  );
}
