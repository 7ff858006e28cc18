import { useCallback, useEffect, useRef, useState } from 'react';
import { formatRupiah } from '../../../../main/common/format';
import type { BarisLembar, Indikator, Katalog, Masalah, NilaiLaporan } from '../../../../main/common/laporan';
import { invoke, pesanGalat } from '../../api';

// The sheet of one facilitator × one month as the grid holds it: what was typed, what is saved, what is pending.
// Typing saves each row half a second after the last key; a failed save keeps the typed values and says why.

export type SaveState = 'tersimpan' | 'menyimpan' | 'belum' | 'galat';
export interface Row {
  baris: BarisLembar;
  /** What the officer typed, by indicator (text as typed, for numbers too). */
  cells: Record<string, string>;
  masalah: Masalah[];
  save: SaveState;
  pesanSimpan: string;
}

/** A report that is submitted or verified changes only after "Buka kembali" with a reason. */
export const terkunci = (status: string | undefined) => status === 'diajukan' || status === 'diverifikasi';

function teksNilai(i: Indikator, v: NilaiLaporan[string] | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return i.desimal ? String(v).replace('.', ',') : String(v);
  return v;
}

export function tampilLaba(v: NilaiLaporan[string] | undefined): string {
  return typeof v === 'number' ? formatRupiah(v) : '–';
}

function toRow(b: BarisLembar, katalog: Katalog): Row {
  const cells: Record<string, string> = {};
  for (const i of katalog.indikator) if (!i.turunan) cells[i.kode] = teksNilai(i, b.laporan?.nilai[i.kode]);
  return { baris: b, cells, masalah: b.masalah, save: 'tersimpan', pesanSimpan: '' };
}

export function useLembar(fasilitator: string, periode: string, onGalat: (pesan: string) => void) {
  const [rows, setRows] = useState<Row[]>([]);
  const [katalog, setKatalog] = useState<Katalog | null>(null);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const pending = useRef(new Map<string, Record<string, string>>());
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const muat = useCallback(async () => {
    if (!fasilitator || !/^\d{4}-\d{2}$/.test(periode)) return;
    try {
      const lembar = await invoke('laporan.lembar', { fasilitator_id: fasilitator === '-' || fasilitator === '*' ? null : fasilitator, periode, semua: fasilitator === '*' });
      setKatalog(lembar.katalog);
      setRows(lembar.baris.map((b) => toRow(b, lembar.katalog)));
      onGalat('');
    } catch (e) {
      onGalat(pesanGalat(e));
    }
    // onGalat is a state setter (stable): not a dependency.
  }, [fasilitator, periode]);
  useEffect(() => void muat(), [muat]);

  // Never lose typed work: warn before leaving while a save is pending.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (pending.current.size > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const setRow = (kelompokId: string, f: (r: Row) => Row) => setRows((rs) => rs.map((r) => (r.baris.kelompok.id === kelompokId ? f(r) : r)));
  const simpan = async (kelompokId: string) => {
    const cells = pending.current.get(kelompokId);
    if (!cells) return;
    pending.current.delete(kelompokId);
    setRow(kelompokId, (r) => ({ ...r, save: 'menyimpan' }));
    try {
      const result = await invoke('laporan.simpan', { kelompok_id: kelompokId, periode, nilai: cells });
      setRow(kelompokId, (r) => ({ ...r, baris: { ...r.baris, laporan: result.laporan }, masalah: result.masalah, save: pending.current.has(kelompokId) ? 'belum' : 'tersimpan', pesanSimpan: '' }));
    } catch (e) {
      pending.current.set(kelompokId, { ...cells, ...(pending.current.get(kelompokId) ?? {}) });
      setRow(kelompokId, (r) => ({ ...r, save: 'galat', pesanSimpan: pesanGalat(e) }));
    }
  };

  const ubah = (kelompokId: string, changes: Record<string, string>) => {
    setRow(kelompokId, (r) => ({ ...r, cells: { ...r.cells, ...changes }, save: 'belum' }));
    pending.current.set(kelompokId, { ...(pending.current.get(kelompokId) ?? {}), ...changes });
    clearTimeout(timers.current.get(kelompokId));
    timers.current.set(kelompokId, setTimeout(() => void simpan(kelompokId), 500));
  };

  /** Paste from Excel: tab-separated columns, one line per row, filled from row `r`, typed column `c`. */
  const tempel = (text: string, r: number, c: number, kolomKetik: Indikator[]) => {
    text.replace(/\r/g, '').replace(/\n$/, '').split('\n').forEach((line, dr) => {
      const row = rowsRef.current[r + dr];
      // Submitted and verified reports are locked: pasting skips them (the service refuses them too).
      if (!row || terkunci(row.baris.laporan?.status)) return;
      const changes: Record<string, string> = {};
      line.split('\t').forEach((value, dc) => {
        const i = kolomKetik[c + dc];
        if (i) changes[i.kode] = value.trim();
      });
      ubah(row.baris.kelompok.id, changes);
    });
  };

  return { rows, katalog, muat, ubah, tempel };
}
