import { bacaIsianAngka } from '../../../../main/common/angka-isian';
import { formatRupiah } from '../../../../main/common/format';
import { jumlahItem, KELOMPOK_BELANJA, type RabItem } from '../../../../main/common/proposal';
import { uraikanTempelRab } from '../../../../main/common/rab-tempel';
import { terbilangRupiah } from '../../../../main/common/terbilang';
import { invoke, pesanGalat, unggah } from '../../api';
import { InputAngka } from '../../components/angka';

/**
 * One RAB line as typed: numbers stay text until saved, so "1,5" and "25.000" are kept as the officer wrote them.
 * `tebakan`: the group was guessed from the words of a pasted line; `catatan`: the pasted Jumlah did not add up.
 */
export type RabRow = { id?: string; kelompok_belanja: string; uraian: string; volume: string; satuan: string; harga_satuan: string; tebakan?: boolean; catatan?: string };
/** A number typed the Indonesian way ("25.000", "1,5"), or null with the reason (common/angka-isian.ts). */
export const angka = (s: string) => bacaIsianAngka(s, 'rupiah').nilai;

export const rabDariItem = (i: RabItem): RabRow => ({ ...(i.id ? { id: i.id } : {}), kelompok_belanja: i.kelompok_belanja, uraian: i.uraian, volume: String(i.volume).replace('.', ','), satuan: i.satuan, harga_satuan: String(i.harga_satuan) });

/** A line as the RAB counts it, or what is wrong with its numbers (shown on the cell; the line is not counted). */
export function bacaBaris(r: RabRow): { item: RabItem | null; galat: { volume?: string; harga_satuan?: string } } {
  const volume = bacaIsianAngka(r.volume || '0', 'desimal');
  const harga = bacaIsianAngka(r.harga_satuan || '0', 'rupiah');
  const galat = { ...(volume.pesan ? { volume: volume.pesan } : {}), ...(harga.pesan ? { harga_satuan: harga.pesan } : {}) };
  if (volume.pesan || harga.pesan) return { item: null, galat };
  return { item: { ...(r.id ? { id: r.id } : {}), kelompok_belanja: r.kelompok_belanja || 'Lainnya', uraian: r.uraian, volume: volume.nilai ?? 0, satuan: r.satuan, harga_satuan: harga.nilai ?? 0 }, galat };
}

/** Lines pasted from a spreadsheet (common/rab-tempel.ts), written from row `index` on. */
export function tempelRab(current: RabRow[], index: number, text: string): RabRow[] {
  const next = [...current];
  // Pasted into a line already filled in, the lines take its group; into an empty line, each line's own words decide.
  const sasaran = current[index];
  uraikanTempelRab(text, sasaran?.uraian.trim() && !sasaran.tebakan ? sasaran.kelompok_belanja : null).forEach((b, i) => {
    const { catatan, ...baris } = b;
    next[index + i] = { ...(next[index + i]?.id ? { id: next[index + i]!.id } : {}), ...baris, ...(catatan ? { catatan } : {}) };
  });
  return next;
}

/** "2 bh" typed as a volume: the number stays, the unit goes to an empty unit cell. */
function pisahSatuan(r: RabRow): Partial<RabRow> | null {
  const v = bacaIsianAngka(r.volume, 'desimal');
  if (!v.satuan || v.nilai === null) return null;
  return { volume: String(v.nilai).replace('.', ','), ...(!r.satuan || r.satuan === 'unit' ? { satuan: v.satuan } : {}) };
}

/** The RAB table: typed, pasted from Excel or imported from a workbook; totals and the amount in words as it is typed. */
export function RabFieldset(props: { rab: RabRow[]; onRab: (f: (rows: RabRow[]) => RabRow[]) => void; total: number; locked: boolean; onGalat: (pesan: string) => void }) {
  const setRow = (index: number, patch: Partial<RabRow>) => props.onRab((rows) => rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, d: number) =>
    props.onRab((rows) => {
      const next = [...rows];
      const [row] = next.splice(index, 1);
      next.splice(Math.max(0, Math.min(next.length, index + d)), 0, row!);
      return next;
    });
  const onPaste = (e: React.ClipboardEvent, index: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/\t/.test(text)) return;
    e.preventDefault();
    props.onRab((rows) => tempelRab(rows, index, text));
  };
  const sel = (i: number, kode: 'kelompok_belanja' | 'uraian' | 'satuan', label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <td>
      <input aria-label={`${label} baris ${i + 1}`} value={props.rab[i]![kode] ?? ''} onChange={(e) => setRow(i, kode === 'kelompok_belanja' ? { kelompok_belanja: e.target.value, tebakan: false } : { [kode]: e.target.value })} {...extra} />
    </td>
  );
  return (
    <fieldset disabled={props.locked}>
      <legend>Rencana Anggaran Biaya (RAB)</legend>
      <p className="muted">Tempel dari Excel ke sel uraian mana pun: baris judul kolom, kolom No dan Jumlah, serta judul kelompok (misalnya "A. Bahan baku") dikenali; kategori yang ditebak dari kata-katanya ditandai "periksa kategori".</p>
      <datalist id="kelompok-belanja">
        {KELOMPOK_BELANJA.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <table className="grid" aria-label="Tabel RAB">
        <thead>
          <tr>
            {['No', 'Kelompok belanja', 'Uraian', 'Volume', 'Satuan', 'Harga satuan'].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
            <th scope="col" className="num">
              Jumlah
            </th>
            <th scope="col">
              <span className="sr-only">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rab.map((r, i) => {
            const { item, galat } = bacaBaris(r);
            return (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>
                <input list="kelompok-belanja" aria-label={`Kelompok belanja baris ${i + 1}`} value={r.kelompok_belanja} onChange={(e) => setRow(i, { kelompok_belanja: e.target.value, tebakan: false })} />
                {r.tebakan && <div className="warn-text">periksa kategori</div>}
              </td>
              <td>
                <input aria-label={`Uraian baris ${i + 1}`} value={r.uraian} onChange={(e) => setRow(i, { uraian: e.target.value })} onPaste={(e) => onPaste(e, i)} />
                {r.catatan && <div className="warn-text">{r.catatan}</div>}
              </td>
              <td>
                <InputAngka className="num-cell short" jenis="desimal" aria-label={`Volume baris ${i + 1}`} value={r.volume} onChange={(v) => setRow(i, { volume: v })} onBlur={() => { const p = pisahSatuan(r); if (p) setRow(i, p); }} />
                {galat.volume && <div className="error-text">{galat.volume}</div>}
              </td>
              {sel(i, 'satuan', 'Satuan', { className: 'short' })}
              <td>
                <InputAngka className="num-cell" jenis="rupiah" aria-label={`Harga satuan baris ${i + 1}`} value={r.harga_satuan} onChange={(v) => setRow(i, { harga_satuan: v })} />
                {galat.harga_satuan && <div className="error-text">{galat.harga_satuan}</div>}
              </td>
              <td className="num">{item ? formatRupiah(jumlahItem(item)) : '–'}</td>
              <td className="actions-cell">
                <button type="button" aria-label={`Naikkan baris ${i + 1}`} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" aria-label={`Turunkan baris ${i + 1}`} onClick={() => move(i, 1)}>
                  ↓
                </button>
                <button type="button" className="danger" aria-label={`Hapus baris ${i + 1}`} onClick={() => props.onRab((rows) => rows.filter((_, j) => j !== i))}>
                  ×
                </button>
              </td>
            </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="total-row">
            <th scope="row" colSpan={6}>
              Total
            </th>
            <td className="num" aria-label="Total RAB">
              {formatRupiah(props.total)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p>
        <em>Terbilang: {terbilangRupiah(props.total)}</em>
      </p>
      <div className="actions">
        <button type="button" onClick={() => props.onRab((rows) => [...rows, { kelompok_belanja: rows[rows.length - 1]?.kelompok_belanja ?? 'Peralatan', uraian: '', volume: '1', satuan: 'unit', harga_satuan: '' }])}>
          Tambah baris RAB
        </button>
        <label className="file-button">
          Impor RAB dari Excel
          <input
            type="file"
            accept=".xlsx"
            className="sr-only"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              try {
                const imported = await invoke('proposal.imporRab', { berkas: await unggah(file, file.name) });
                props.onRab(() => imported.map(({ id: _id, ...i }) => rabDariItem(i)));
              } catch (err) {
                props.onGalat(pesanGalat(err));
              }
            }}
          />
        </label>
      </div>
    </fieldset>
  );
}
