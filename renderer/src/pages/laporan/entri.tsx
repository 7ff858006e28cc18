import { useEffect, useState } from 'react';
import { formatPeriode } from '../../../../main/common/format';
import type { Masalah } from '../../../../main/common/laporan';
import { invoke, pesanGalat } from '../../api';
import { MonthField, Notice, SelectField } from '../../components/ui';
import { bulanLalu, useFasilitatorOptions } from '../../hooks/pilihan';
import { BarisEntri } from './entri-baris';
import { BukaKembali, FotoLaporan } from './entri-dialog';
import { terkunci, useLembar, type Row } from './lembar';
import { KonfirmasiNilai } from './mutu';

/** One facilitator × one month: every group × every indicator, typed like a spreadsheet, saved as you go. */
export function EntriLaporan() {
  const fasilitatorOptions = useFasilitatorOptions();
  const [fasilitator, setFasilitator] = useState('');
  const [periode, setPeriode] = useState(bulanLalu);
  const [pilih, setPilih] = useState<Set<string>>(new Set());
  const [info, setInfo] = useState('');
  const [galat, setGalat] = useState('');
  const [buka, setBuka] = useState<Row | null>(null);
  const [foto, setFoto] = useState<Row | null>(null);
  const [periksa, setPeriksa] = useState<{ row: Row; masalah: Masalah } | null>(null);
  const { rows, katalog, muat, ubah, tempel } = useLembar(fasilitator, periode, setGalat);

  useEffect(() => {
    if (!fasilitator && fasilitatorOptions[0]) setFasilitator(fasilitatorOptions[0].value);
  }, [fasilitatorOptions, fasilitator]);
  useEffect(() => setPilih(new Set()), [fasilitator, periode]);

  if (!katalog) return <Notice kind="error">{galat}</Notice>;
  const kolom = katalog.indikator;
  const kolomKetik = kolom.filter((i) => !i.turunan);

  const ubahStatus = async (aksi: 'laporan.ajukan' | 'laporan.verifikasi') => {
    const ids = rows.filter((r) => pilih.has(r.baris.kelompok.id) && r.baris.laporan).map((r) => r.baris.laporan!.id);
    if (ids.length === 0) return setGalat('Pilih laporan yang sudah berisi data.');
    try {
      const hasil = await invoke(aksi, { ids });
      setInfo(`${hasil.berhasil} laporan ${aksi === 'laporan.ajukan' ? 'diajukan' : 'diverifikasi'}.${hasil.ditolak.length ? ` ${hasil.ditolak.length} tidak: ${hasil.ditolak.map((d) => `${d.kelompok} (${d.pesan})`).join('; ')}` : ''}`);
      setPilih(new Set());
      await muat();
    } catch (e) {
      setGalat(pesanGalat(e));
    }
  };
  const selesai = (pesan: string) => (done: boolean) => {
    setBuka(null);
    setPeriksa(null);
    if (done) {
      setInfo(pesan);
      void muat();
    }
  };

  const belumTersimpan = rows.filter((r) => r.save !== 'tersimpan').length;
  return (
    <section aria-labelledby="judul-entri">
      <h2 id="judul-entri">Entri laporan bulanan</h2>
      <div className="filters">
        <SelectField label="Fasilitator" value={fasilitator} onChange={setFasilitator} options={[{ value: '*', label: 'Semua fasilitator' }, ...fasilitatorOptions, { value: '-', label: '(kelompok tanpa fasilitator)' }]} />
        <MonthField label="Bulan laporan" value={periode} onChange={setPeriode} />
      </div>
      <p className="muted">
        {formatPeriode(periode)} · ketik seperti di Excel: Enter/panah untuk pindah sel, tempel dari Excel langsung ke sel. Setiap perubahan tersimpan otomatis sebagai draft.{' '}
        <span role="status">{belumTersimpan ? `${belumTersimpan} baris sedang disimpan…` : 'Semua perubahan tersimpan.'}</span>
      </p>
      <Notice kind="ok">{info}</Notice>
      <Notice kind="error">{galat}</Notice>
      <div className="actions">
        <button type="button" onClick={() => ubahStatus('laporan.ajukan')}>
          Ajukan yang dipilih
        </button>
        <button type="button" onClick={() => ubahStatus('laporan.verifikasi')}>
          Verifikasi yang dipilih
        </button>
      </div>
      <div className="grid-scroll">
        <table className="grid" aria-label="Lembar entri laporan">
          <thead>
            <tr>
              <th scope="col" className="kol-pilih">
                <input type="checkbox" aria-label="Pilih semua kelompok" checked={rows.length > 0 && pilih.size === rows.length} onChange={(e) => setPilih(e.target.checked ? new Set(rows.map((r) => r.baris.kelompok.id)) : new Set())} />
              </th>
              <th scope="col" className="sticky">
                Kelompok
              </th>
              <th scope="col" className="kol-status">
                Status
              </th>
              <th scope="col">Pemeriksaan</th>
              {kolom.map((i) => (
                <th key={i.kode} scope="col" title={i.satuan}>
                  {i.nama}
                  {i.wajib ? ' *' : ''}
                  {i.satuan && i.tipe !== 'rupiah' ? <span className="unit"> ({i.satuan})</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const id = row.baris.kelompok.id;
              return (
                <BarisEntri
                  key={id}
                  row={row}
                  r={r}
                  kolom={kolom}
                  dipilih={pilih.has(id)}
                  onPilih={(ya) => setPilih((s) => (ya ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))))}
                  onBuka={() => setBuka(row)}
                  onFoto={() => setFoto(row)}
                  onPeriksa={(masalah) => setPeriksa({ row, masalah })}
                  onUbah={(changes) => ubah(id, changes)}
                  onTempel={(text, col) => tempel(text, r, col, kolomKetik)}
                />
              );
            })}
            {rows.length === 0 && (
              <tr>
                <td colSpan={kolom.length + 4}>Tidak ada kelompok aktif untuk fasilitator ini.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {buka?.baris.laporan && <BukaKembali row={buka} onClose={selesai(`Laporan ${buka.baris.kelompok.nama} dibuka kembali menjadi draft.`)} />}
      {periksa?.row.baris.laporan && (
        <KonfirmasiNilai
          laporanId={periksa.row.baris.laporan.id}
          kelompokId={periksa.row.baris.kelompok.id}
          kelompokNama={periksa.row.baris.kelompok.nama}
          periode={periode}
          indikator={kolom.find((i) => i.kode === periksa.masalah.kode)}
          masalah={periksa.masalah}
          onClose={selesai(`Angka ${periksa.row.baris.kelompok.nama} dikonfirmasi dengan catatan.`)}
        />
      )}
      {foto?.baris.laporan && <FotoLaporan laporanId={foto.baris.laporan.id} nama={foto.baris.kelompok.nama} terkunci={terkunci(foto.baris.laporan.status)} onClose={() => setFoto(null)} />}
    </section>
  );
}
