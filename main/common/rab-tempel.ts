import { bacaAngka } from './angka-isian';
import { formatRupiah } from './format';
import { KELOMPOK_BELANJA, tebakKategori } from './proposal';

// RAB lines pasted from a spreadsheet, in the layouts offices use: with or without a header row, a "No" column,
// a spending-group column or group headings ("A. Bahan baku"), and a "Jumlah" column. Columns are found by the
// header's words, else by what the cells hold (text, number, text, number).

export interface BarisTempel {
  kelompok_belanja: string;
  /** The group came from the line's words, not from the sheet: the screen asks to check it. */
  tebakan: boolean;
  uraian: string;
  volume: string;
  satuan: string;
  harga_satuan: string;
  /** The pasted Jumlah differs from volume × harga satuan. */
  catatan?: string;
}

type Kolom = 'no' | 'kelompok' | 'uraian' | 'volume' | 'satuan' | 'harga' | 'jumlah';
const JUDUL: [Kolom, RegExp][] = [
  ['no', /^(no\.?|nomor|#)$/i],
  ['kelompok', /kelompok|kategori|jenis belanja|^jenis$/i],
  ['uraian', /uraian|barang|nama|keterangan|rincian|item/i],
  ['volume', /^(vol|volume|jml|jumlah unit|banyak|qty|kuantitas)\.?$/i],
  ['satuan', /^(sat|satuan|unit)\.?$/i],
  ['harga', /harga/i],
  ['jumlah', /^(jumlah|total|sub ?total|jumlah harga|nilai)( \(rp\))?$/i],
];
const angka = (t: string) => {
  const n = bacaAngka(t);
  return n !== null && !Number.isNaN(n);
};

function judulKolom(cells: string[]): (Kolom | null)[] | null {
  const peta = cells.map((c) => JUDUL.find(([, p]) => p.test(c.trim()))?.[0] ?? null);
  return peta.includes('uraian') && (peta.includes('harga') || peta.includes('volume')) ? peta : null;
}

/** A group heading: one text cell ("A. Bahan baku", "Peralatan"), the rest empty. */
function judulKelompok(cells: string[]): string | null {
  const isi = cells.map((c) => c.trim()).filter(Boolean);
  if (isi.length !== 1 || angka(isi[0]!)) return null;
  const nama = isi[0]!.replace(/^([A-Z]|[IVX]+|\d+)[.)]\s*/, '').trim();
  const baku = KELOMPOK_BELANJA.find((k) => k.toLowerCase() === nama.toLowerCase());
  return baku ?? (nama.length <= 40 ? nama : null);
}

/** Reads a pasted block of lines (tab-separated); `kelompokAwal` is the group of the row pasted into. */
export function uraikanTempelRab(text: string, kelompokAwal: string | null): BarisTempel[] {
  const baris = text.replace(/\r/g, '').split('\n').map((l) => l.split('\t'));
  let peta: (Kolom | null)[] | null = null;
  let kelompok = kelompokAwal;
  const hasil: BarisTempel[] = [];
  for (const raw of baris) {
    const cells = raw.map((c) => c.trim());
    if (cells.every((c) => !c)) continue;
    const judul = judulKolom(cells);
    if (judul) {
      peta = judul;
      continue;
    }
    const kel = judulKelompok(cells);
    if (kel) {
      kelompok = kel;
      continue;
    }
    const ambil = (k: Kolom) => (peta ? (cells[peta.indexOf(k)] ?? '') : '');
    let r: Record<Kolom, string>;
    if (peta) r = { no: ambil('no'), kelompok: ambil('kelompok'), uraian: ambil('uraian'), volume: ambil('volume'), satuan: ambil('satuan'), harga: ambil('harga'), jumlah: ambil('jumlah') };
    else {
      // By content: [No] [Kelompok] Uraian Volume Satuan Harga [Jumlah].
      let c = cells;
      const no = c.length >= 5 && /^\d+\.?$/.test(c[0]!) ? c[0]! : '';
      if (no) c = c.slice(1);
      const v = c.findIndex((x, i) => i > 0 && angka(x));
      const teks = v > 0 ? c.slice(0, v) : c.slice(0, 1);
      const [uraian, kel] = teks.length >= 2 ? [teks[teks.length - 1]!, teks[0]!] : [teks[0] ?? '', ''];
      const sisa = v > 0 ? c.slice(v) : c.slice(1);
      r = { no, kelompok: kel, uraian, volume: sisa[0] ?? '', satuan: sisa[1] ?? '', harga: sisa[2] ?? '', jumlah: sisa[3] ?? '' };
    }
    // A line's own group carries to the lines after it that have none (as a heading does).
    if (r.kelompok) kelompok = r.kelompok;
    const kategori = kelompok;
    const tebak = kategori ? null : tebakKategori(r.uraian);
    const satu: BarisTempel = {
      kelompok_belanja: kategori || tebak || 'Lainnya',
      tebakan: !kategori,
      uraian: r.uraian,
      volume: r.volume,
      satuan: r.satuan,
      harga_satuan: r.harga.replace(/[^\d.,]/g, ''),
    };
    const vol = bacaAngka(r.volume);
    const harga = bacaAngka(r.harga);
    const jumlah = bacaAngka(r.jumlah);
    if (vol !== null && harga !== null && jumlah !== null && ![vol, harga, jumlah].some(Number.isNaN) && Math.abs(Math.round(vol * harga) - jumlah) > 1) {
      satu.catatan = `Jumlah di tempelan ${formatRupiah(jumlah)} berbeda dari volume × harga satuan (${formatRupiah(Math.round(vol * harga))}); periksa baris ini.`;
    }
    hasil.push(satu);
  }
  return hasil;
}
