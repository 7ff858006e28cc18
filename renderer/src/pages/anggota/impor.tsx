import { useState } from 'react';
import { MAPPING_FIELDS, type Mapping, type MappingField, type PratinjauImpor, type RingkasanImpor } from '../../../../main/common/api';
import { formatAngka } from '../../../../main/common/format';
import { invoke, isElectron, pilihBerkas } from '../../api';
import { PemetaanKolom, PratinjauTabel } from '../../components/pratinjau';
import { Dialog, Field, Notice, SelectField, useJalankan } from '../../components/ui';

const LABEL: Record<MappingField, string> = {
  nik: 'Kolom NIK',
  no_kk: 'Kolom No. KK',
  nama: 'Kolom nama',
  tanggal_lahir: 'Kolom tanggal lahir',
  jenis_kelamin: 'Kolom jenis kelamin',
  alamat: 'Kolom alamat',
  desa: 'Kolom desa/kelurahan',
  jabatan: 'Kolom jabatan',
  kelompok: 'Kolom nama kelompok',
};

function Ringkasan({ r }: { r: RingkasanImpor }) {
  return (
    <section aria-label={r.dryRun ? 'Hasil uji coba' : 'Hasil impor'} className="ringkasan">
      <h3>{r.dryRun ? 'Hasil pemeriksaan (belum ada yang disimpan)' : 'Impor selesai'}</h3>
      <dl className="summary">
        <div>
          <dt>Baris dibaca</dt>
          <dd>{formatAngka(r.totalBaris)}</dd>
        </div>
        <div>
          <dt>Baru</dt>
          <dd>{formatAngka(r.baru)}</dd>
        </div>
        <div>
          <dt>Diperbarui</dt>
          <dd>{formatAngka(r.diperbarui)}</dd>
        </div>
        <div>
          <dt>Dilewati (sudah sama)</dt>
          <dd>{formatAngka(r.dilewati)}</dd>
        </div>
        <div>
          <dt>Galat</dt>
          <dd>{formatAngka(r.galat.length)}</dd>
        </div>
      </dl>
      {r.galat.length > 0 && (
        <>
          <h4>Baris bergalat (tidak diimpor)</h4>
          <ul className="pesan-baris">
            {r.galat.slice(0, 200).map((g) => (
              <li key={g.baris}>
                Baris {g.baris}: {g.pesan}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.peringatan.length > 0 && (
        <>
          <h4>Peringatan</h4>
          <ul className="pesan-baris">
            {r.peringatan.slice(0, 200).map((g, i) => (
              <li key={i}>
                Baris {g.baris}: {g.pesan}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Choose a file → map its columns → dry run with a summary → import in one transaction. */
export function ImporAnggota(props: { kelompokOptions: { value: string; label: string }[]; onClose: (pesan?: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [pratinjau, setPratinjau] = useState<PratinjauImpor | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [kelompokId, setKelompokId] = useState('');
  const [ujiCoba, setUjiCoba] = useState<RingkasanImpor | null>(null);
  const [hasil, setHasil] = useState<RingkasanImpor | null>(null);
  const { busy, galat, run } = useJalankan();

  const baca = (sheet?: string) =>
    run(async () => {
      const berkas = pratinjau && sheet ? pratinjau.berkas : await pilihBerkas(file, [{ name: 'Spreadsheet', extensions: ['xlsx', 'xls', 'ods', 'csv'] }]);
      if (!berkas) return;
      const p = await invoke('anggota.imporPratinjau', { berkas, sheet: sheet ?? null });
      setPratinjau(p);
      setMapping(p.mapping);
      setUjiCoba(null);
    });

  const input = (dryRun: boolean) => ({ berkas: pratinjau!.berkas, sheet: pratinjau!.sheet, mapping, kelompokId: kelompokId || null, dryRun });

  return (
    <Dialog title="Impor anggota dari Excel" onClose={() => props.onClose(hasil ? `Impor selesai: ${hasil.baru} baru, ${hasil.diperbarui} diperbarui.` : undefined)} wide>
      {!hasil && (
        <>
          <p>Berkas .xlsx atau .csv dengan satu baris judul kolom, misalnya NIK, NO_KK, NAMA, TGL_LAHIR, JENIS_KELAMIN, ALAMAT, DESA. Tidak ada yang disimpan sebelum Anda menekan “Impor sekarang”.</p>
          <div className="row2">
            {!isElectron() && (
              <Field label="Berkas daftar anggota">
                {(id) => <input id={id} type="file" accept=".xlsx,.xls,.ods,.csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
              </Field>
            )}
            <div className="actions">
              <button type="button" disabled={busy || (!isElectron() && !file)} onClick={() => baca()}>
                {isElectron() ? 'Pilih berkas…' : 'Baca berkas'}
              </button>
            </div>
          </div>
        </>
      )}
      <Notice kind="error">{galat}</Notice>
      {pratinjau && !hasil && (
        <>
          <p>
            {pratinjau.berkas.nama}: {formatAngka(pratinjau.totalBaris)} baris data.
          </p>
          {pratinjau.sheets.length > 1 && <SelectField label="Lembar" value={pratinjau.sheet} onChange={(s) => baca(s)} options={pratinjau.sheets.map((s) => ({ value: s, label: s }))} />}
          <PemetaanKolom fields={MAPPING_FIELDS} labels={LABEL} headers={pratinjau.headers} mapping={mapping} onChange={(f, v) => (setMapping((m) => ({ ...m, [f]: v })), setUjiCoba(null))} />
          <SelectField
            label="Kelompok tujuan"
            value={kelompokId}
            onChange={(v) => (setKelompokId(v), setUjiCoba(null))}
            empty="— ambil dari kolom nama kelompok —"
            options={props.kelompokOptions}
          />
          <PratinjauTabel label="Pratinjau berkas" headers={pratinjau.headers} sampel={pratinjau.sampel} />
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => run(async () => setUjiCoba(await invoke('anggota.impor', input(true))))}>
              Periksa dulu (uji coba)
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || !ujiCoba || ujiCoba.baru + ujiCoba.diperbarui === 0}
              onClick={() => run(async () => setHasil(await invoke('anggota.impor', input(false))))}
            >
              Impor sekarang
            </button>
          </div>
          {ujiCoba && <Ringkasan r={ujiCoba} />}
        </>
      )}
      {hasil && (
        <>
          <Ringkasan r={hasil} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => props.onClose(`Impor selesai: ${hasil.baru} baru, ${hasil.diperbarui} diperbarui, ${hasil.dilewati} dilewati, ${hasil.galat.length} galat.`)}>
              Selesai
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
