// Numbers in Indonesian words, for amounts on letters: "dua juta lima ratus ribu rupiah".

const SATUAN = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

function bawahSeribu(n: number): string {
  if (n < 12) return SATUAN[n]!;
  if (n < 20) return `${SATUAN[n - 10]} belas`;
  if (n < 100) return `${SATUAN[Math.floor(n / 10)]} puluh${n % 10 ? ' ' + SATUAN[n % 10] : ''}`;
  const ratus = Math.floor(n / 100);
  const sisa = n % 100;
  return `${ratus === 1 ? 'seratus' : SATUAN[ratus] + ' ratus'}${sisa ? ' ' + bawahSeribu(sisa) : ''}`;
}

const TINGKAT: [bigint, string][] = [
  [1_000_000_000_000n, 'triliun'],
  [1_000_000_000n, 'miliar'],
  [1_000_000n, 'juta'],
  [1_000n, 'ribu'],
];

/** Whole numbers from 0 to 999.999.999.999.999 (999 triliun). */
export function terbilang(value: number | bigint): string {
  let n = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
  if (n < 0n) return `minus ${terbilang(-n)}`;
  if (n >= 1_000_000_000_000_000n) throw new RangeError('Terbilang hanya sampai 999 triliun.');
  if (n === 0n) return 'nol';
  const parts: string[] = [];
  for (const [size, name] of TINGKAT) {
    const count = n / size;
    if (count > 0n) {
      parts.push(size === 1_000n && count === 1n ? 'seribu' : `${bawahSeribu(Number(count))} ${name}`);
      n %= size;
    }
  }
  if (n > 0n) parts.push(bawahSeribu(Number(n)));
  return parts.join(' ');
}

export function terbilangRupiah(value: number): string {
  // A screen shows the words as the officer types: a value that is not a whole number in range shows none.
  if (!Number.isFinite(value) || value < 0 || value >= 1e15) return '';
  return `${terbilang(value)} rupiah`;
}
