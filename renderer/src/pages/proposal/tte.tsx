import { useState } from 'react';
import type { HasilVerifikasi } from '../../../../main/common/api';
import { formatWaktuWib } from '../../../../main/common/format';
import type { TteProposal } from '../../../../main/common/proposal';
import { invoke, pesanGalat, simpanBerkas } from '../../api';
import { useWilayahKerja } from '../../components/provinsi';
import { PilihBerkas } from '../../components/pilih-berkas';
import { Notice, TombolKerja, useLoad } from '../../components/ui';

const STATUS: Record<string, string> = { menunggu: 'Menunggu TTE', ditandatangani: 'Ditandatangani secara elektronik (sah)', tidak_sah: 'Tanda tangan tidak sah' };

/** The verdict of a signed PDF as a table: one row per signature, and why not. */
export function TabelVerifikasi(props: { hasil: HasilVerifikasi; judul: string }) {
  return (
    <>
      <p role="status" className={props.hasil.valid ? 'ok-text' : 'warn-text'} aria-label={props.judul}>
        {props.judul}: {props.hasil.ringkasan}
      </p>
      {props.hasil.tanda_tangan.length > 0 && (
        <table aria-label={`${props.judul}, per tanda tangan`}>
          <thead>
            <tr>
              <th scope="col">Penanda tangan</th>
              <th scope="col">NIP / NIK</th>
              <th scope="col">Penerbit sertifikat</th>
              <th scope="col">Waktu tanda tangan</th>
              <th scope="col">Hasil</th>
            </tr>
          </thead>
          <tbody>
            {props.hasil.tanda_tangan.map((t, i) => (
              <tr key={i}>
                <th scope="row">{t.penanda_tangan || '(tanpa nama)'}</th>
                <td>{[t.nip && `NIP ${t.nip}`, t.nik && `NIK ${t.nik}`].filter(Boolean).join(' · ') || '–'}</td>
                <td>{t.penerbit || '–'}</td>
                <td>{t.waktu ? formatWaktuWib(t.waktu) : '–'}</td>
                <td>{t.valid ? 'Sah dan tepercaya' : t.alasan.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/**
 * The covering letter's electronic signature: export it ready for TTE (the proposal then waits for the signature),
 * attach the PDF the signing application returned, and read the verdict; at the province, its own verdict too.
 */
export function TteProposalPanel(props: { id: string; tte: TteProposal | null; onBerubah: () => void }) {
  const kerja = useWilayahKerja();
  const akar = useLoad(() => invoke('tte.akar', {}), []);
  const [galat, setGalat] = useState('');
  const [hasil, setHasil] = useState<HasilVerifikasi | null>(null);
  const t = props.tte;
  return (
    <fieldset>
      <legend>Tanda tangan elektronik (TTE)</legend>
      <p>
        Status: <strong>{t?.status ? STATUS[t.status] : 'Belum disiapkan untuk TTE'}</strong>
      </p>
      {!kerja.provinsi && (
        <div className="actions">
          <TombolKerja
            kerja={async () => {
              setGalat('');
              await simpanBerkas(await invoke('proposal.pdf', { id: props.id, siapTte: true }));
              props.onBerubah();
            }}
            sibuk="Membuat PDF…"
          >
            Unduh PDF siap TTE
          </TombolKerja>
        </div>
      )}
      {!kerja.provinsi && (
        <PilihBerkas
          label="PDF surat yang sudah ditandatangani"
          accept=".pdf"
          tombol="Lampirkan PDF bertanda tangan"
          onPick={async (berkas) => {
            setGalat('');
            try {
              setHasil(await invoke('proposal.ttd', { id: props.id, berkas }));
              props.onBerubah();
            } catch (e) {
              setGalat(pesanGalat(e));
            }
          }}
        />
      )}
      {akar.data && akar.data.length === 0 && <p className="peringatan">Belum ada akar tepercaya di aplikasi ini: tanda tangan belum dapat dinyatakan tepercaya. {kerja.provinsi ? 'Tambahkan akar BSrE di Pengaturan.' : 'Impor bundel referensi terbaru dari provinsi.'}</p>}
      <Notice kind="error">{galat}</Notice>
      {(hasil ?? t?.hasil) && <TabelVerifikasi hasil={(hasil ?? t?.hasil)!} judul={kerja.provinsi ? 'Verifikasi di kabupaten/kota' : 'Hasil verifikasi'} />}
      {kerja.provinsi && t?.periksa && <TabelVerifikasi hasil={t.periksa} judul="Verifikasi ulang di provinsi" />}
    </fieldset>
  );
}
