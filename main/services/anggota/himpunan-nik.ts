/**
 * The NIKs of a file being imported, with the row each first appeared in: an open-addressing table over typed
 * arrays (12 bytes a NIK), so checking a million rows for repeats costs megabytes, not a Map of strings.
 */
export class HimpunanNik {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  private baris = new Int32Array(1 << 12);
  private n = 0;

  /** The row a 16-digit NIK was first seen in, or undefined. */
  get(nik: string): number | undefined {
    const i = this.cari(nik);
    return this.baris[i]! > 0 ? this.baris[i] : undefined;
  }

  has(nik: string): boolean {
    return this.get(nik) !== undefined;
  }

  set(nik: string, baris: number): void {
    const i = this.cari(nik);
    if (this.baris[i]! > 0) return;
    this.hi[i] = Number(nik.slice(0, 8));
    this.lo[i] = Number(nik.slice(8, 16));
    this.baris[i] = baris;
    if (++this.n * 2 > this.baris.length) this.perbesar();
  }

  private cari(nik: string): number {
    const hi = Number(nik.slice(0, 8));
    const lo = Number(nik.slice(8, 16));
    const mask = this.baris.length - 1;
    let i = (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
    while (this.baris[i]! > 0 && (this.hi[i] !== hi || this.lo[i] !== lo)) i = (i + 1) & mask;
    return i;
  }

  private perbesar(): void {
    const { hi, lo, baris } = this;
    this.hi = new Uint32Array(baris.length * 2);
    this.lo = new Uint32Array(baris.length * 2);
    this.baris = new Int32Array(baris.length * 2);
    this.n = 0;
    for (let i = 0; i < baris.length; i++) if (baris[i]! > 0) this.set(String(hi[i]).padStart(8, '0') + String(lo[i]).padStart(8, '0'), baris[i]!);
  }
}
