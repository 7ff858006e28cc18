import { formatAngka } from '../../../../main/common/format';
import { LABEL_STATUS, type Indikator, type Masalah } from '../../../../main/common/laporan';
import { InputAngka } from '../../components/angka';
import { tampilLaba, terkunci, type Row } from './lembar';

/** One kelompok's row of the sheet: status and actions, the checks' findings, a cell per indicator. */
export function BarisEntri(props: {
  row: Row;
  r: number;
  kolom: Indikator[];
  dipilih: boolean;
  onPilih: (pilih: boolean) => void;
  onBuka: () => void;
  onFoto: () => void;
  onPeriksa: (m: Masalah) => void;
  onUbah: (changes: Record<string, string>) => void;
  onTempel: (text: string, col: number) => void;
}) {
  const { row, r } = props;
  const locked = terkunci(row.baris.laporan?.status);
  const k = row.baris.kelompok;
  const lap = row.baris.laporan;
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>, c: number) => {
    const move = (dr: number, dc: number) => {
      const target = document.querySelector<HTMLInputElement>(`[data-cell="${r + dr}:${c + dc}"]`);
      if (target) {
        e.preventDefault();
        target.focus();
        target.select();
      }
    };
    if (e.key === 'ArrowDown' || e.key === 'Enter') move(1, 0);
    else if (e.key === 'ArrowUp') move(-1, 0);
    else if (e.key === 'ArrowRight' && e.currentTarget.selectionStart === e.currentTarget.value.length) move(0, 1);
    else if (e.key === 'ArrowLeft' && e.currentTarget.selectionStart === 0) move(0, -1);
  };
  const onPaste = (e: React.ClipboardEvent<HTMLInputElement>, c: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    props.onTempel(text, c);
  };
  let c = -1;
  return (
    <tr className={locked ? 'locked' : undefined}>
      <td className="kol-pilih">
        <input type="checkbox" aria-label={`Pilih ${k.nama}`} checked={props.dipilih} onChange={(e) => props.onPilih(e.target.checked)} />
      </td>
      <th scope="row" className="sticky">
        {k.nama}
        <div className="muted">{formatAngka(k.jumlah_anggota)} anggota</div>
      </th>
      <td className="kol-status">
        {lap ? LABEL_STATUS[lap.status_efektif] : 'Belum ada'}
        {lap?.status_efektif === 'dikembalikan' && <div className="warn-text">Alasan provinsi: {lap.alasan_provinsi}</div>}
        <div className={`save save-${row.save}`}>{row.save === 'menyimpan' ? 'menyimpan…' : row.save === 'galat' ? 'gagal disimpan' : row.save === 'belum' ? 'belum tersimpan' : ''}</div>
        {lap && (
          <div className="row-actions">
            {lap.status !== 'draft' && lap.status_efektif !== 'diterima' && (
              <button type="button" onClick={props.onBuka} aria-label={`Buka kembali laporan ${k.nama}`}>
                Buka kembali
              </button>
            )}
            <button type="button" onClick={props.onFoto} aria-label={`Foto kegiatan ${k.nama}`}>
              Foto
            </button>
          </div>
        )}
      </td>
      <td className="problems">
        {row.pesanSimpan && <div className="error-text">{row.pesanSimpan}</div>}
        {row.masalah.map((m) => (
          <div key={m.kode + m.pesan} className={m.tingkat === 'galat' ? 'error-text' : m.catatan ? 'muted' : 'warn-text'}>
            {m.tingkat === 'galat' ? '✖' : m.catatan ? '✓' : '⚠'} {m.pesan}
            {m.catatan && <> Dikonfirmasi: “{m.catatan}”.</>}
            {m.tingkat === 'peringatan' && !m.catatan && m.aturan && lap && !locked && (
              <button type="button" className="link" onClick={() => props.onPeriksa(m)}>
                Periksa dan konfirmasi {props.kolom.find((i) => i.kode === m.kode)?.nama.toLowerCase() ?? m.kode} {k.nama}
              </button>
            )}
          </div>
        ))}
      </td>
      {props.kolom.map((i) => {
        if (i.turunan) return <td key={i.kode} className="num derived">{tampilLaba(lap?.nilai[i.kode])}</td>;
        c++;
        const col = c;
        const problem = row.masalah.find((m) => m.kode === i.kode);
        const sel = {
          'aria-label': `${i.nama} ${k.nama}`,
          'data-cell': `${r}:${col}`,
          readOnly: locked,
          'aria-invalid': problem?.tingkat === 'galat' ? true : undefined,
          title: problem?.pesan,
          onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => onKeyDown(e, col),
          onPaste: (e: React.ClipboardEvent<HTMLInputElement>) => onPaste(e, col),
        };
        const nilai = row.cells[i.kode] ?? '';
        return (
          <td key={i.kode} className={problem ? `cell-${problem.tingkat}` : undefined}>
            {i.tipe === 'rupiah' ? (
              // Money reads "Rp2.500.000" when the cell is left, the digits as typed while in it.
              <InputAngka {...sel} jenis="rupiah" className="num-cell" value={nilai} onChange={(v) => props.onUbah({ [i.kode]: v })} />
            ) : (
              <input {...sel} className={i.tipe === 'teks' ? 'text-cell' : 'num-cell'} inputMode={i.tipe === 'teks' ? 'text' : 'decimal'} value={nilai} onChange={(e) => props.onUbah({ [i.kode]: e.target.value })} />
            )}
          </td>
        );
      })}
    </tr>
  );
}
