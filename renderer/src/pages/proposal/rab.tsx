import { formatRupiah } from '../../../../main/common/format';
import { jumlahItem, KELOMPOK_BELANJA, type RabItem } from '../../../../main/common/proposal';
import { terbilangRupiah } from '../../../../main/common/terbilang';
import { invoke, pesanGalat, unggah } from '../../api';

/** One RAB line as typed: numbers stay text until saved, so "1,5" and "25.000" are kept as the officer wrote them. */
export type RabRow = { id?: string; kelompok_belanja: string; uraian: string; volume: string; satuan: string; harga_satuan: string };
/** A number typed the Indonesian way ("25.000", "1,5"). */
export const angka = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

export const rabDariItem = (i: RabItem): RabRow => ({ ...(i.id ? { id: i.id } : {}), kelompok_belanja: i.kelompok_belanja, uraian: i.uraian, volume: String(i.volume).replace('.', ','), satuan: i.satuan, harga_satuan: String(i.harga_satuan) });
export const itemDariRab = (r: RabRow): RabItem => ({ ...(r.id ? { id: r.id } : {}), kelompok_belanja: r.kelompok_belanja || 'Lainnya', uraian: r.uraian, volume: angka(r.volume || '0'), satuan: r.satuan, harga_satuan: Math.round(angka(r.harga_satuan || '0')) });

/**
 * Lines as Excel copies them: [No,] [Kelompok belanja,] Uraian, Volume, Satuan, Harga satuan[, Jumlah], pasted
 * from row `index` on. A line with its group keeps it; one without takes the group of the line above.
 */
export function tempelRab(current: RabRow[], index: number, text: string): RabRow[] {
  const next = [...current];
  let kelompok = current[index]?.kelompok_belanja ?? 'Peralatan';
  text.replace(/\r/g, '').trim().split('\n').forEach((line, i) => {
    let cells = line.split('\t').map((t) => t.trim());
    if (cells.length >= 6 && /^\d+$/.test(cells[0]!)) cells = cells.slice(1);
    if (cells.length >= 5 && !/^[\d.,]+$/.test(cells[0]!)) {
      kelompok = cells[0]!;
      cells = cells.slice(1);
    }
    const [uraian = '', volume = '', satuan = '', harga = ''] = cells;
    next[index + i] = { ...(next[index + i] ?? {}), kelompok_belanja: kelompok, uraian, volume, satuan, harga_satuan: harga.replace(/[^\d]/g, '') } as RabRow;
  });
  return next;
}

/** The RAB table: typed, pasted from Excel or imported from a workbook; totals and the amount in words as it is typed. */
export function RabFieldset(props: { rab: RabRow[]; onRab: (f: (rows: RabRow[]) => RabRow[]) => void; items: RabItem[]; total: number; locked: boolean; onGalat: (pesan: string) => void }) {
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
  const sel = (i: number, kode: keyof RabRow, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <td>
      <input aria-label={`${label} baris ${i + 1}`} value={props.rab[i]![kode] ?? ''} onChange={(e) => setRow(i, { [kode]: e.target.value })} {...extra} />
    </td>
  );
  return (
    <fieldset disabled={props.locked}>
      <legend>Rencana Anggaran Biaya (RAB)</legend>
      <p className="muted">Tempel dari Excel (kolom: uraian, volume, satuan, harga satuan) ke sel uraian mana pun.</p>
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
          {props.rab.map((_, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              {sel(i, 'kelompok_belanja', 'Kelompok belanja', { list: 'kelompok-belanja' })}
              {sel(i, 'uraian', 'Uraian', { onPaste: (e) => onPaste(e, i) })}
              {sel(i, 'volume', 'Volume', { className: 'num-cell short', inputMode: 'decimal' })}
              {sel(i, 'satuan', 'Satuan', { className: 'short' })}
              {sel(i, 'harga_satuan', 'Harga satuan', { className: 'num-cell', inputMode: 'numeric' })}
              <td className="num">{formatRupiah(jumlahItem(props.items[i]!) || 0)}</td>
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
          ))}
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
