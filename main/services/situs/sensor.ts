// Statistical disclosure control for published counts of people (UU 27/2022): a count from 1 to 4 is not shown
// ("< 5"), and where the other cells of the same breakdown and its total are shown, one more cell is hidden so the
// small one cannot be recovered by subtraction.

export const BATAS_SENSOR = 5;

/** A published count of people: a number, or null when suppressed. */
export type Cacah = number | null;

export const teksCacah = (n: Cacah, format: (n: number) => string = String): string => (n === null ? `< ${BATAS_SENSOR}` : format(n));

/**
 * Suppresses a breakdown whose total is published: primary suppression of 1–4, then, while exactly one cell is hidden,
 * the smallest other non-zero cell too (a zero does not protect: x + 0 = x). When no such cell exists the hidden
 * one stays recoverable, so the caller must hide the total: `totalTersembunyi` says so.
 */
export function sensorRincian(nilai: number[]): { nilai: Cacah[]; totalTersembunyi: boolean } {
  const out: Cacah[] = nilai.map((n) => (n > 0 && n < BATAS_SENSOR ? null : n));
  const tersembunyi = () => out.filter((x) => x === null).length;
  if (tersembunyi() === 1) {
    let pilih = -1;
    out.forEach((x, i) => {
      if (x !== null && x > 0 && (pilih < 0 || x < (out[pilih] as number))) pilih = i;
    });
    if (pilih >= 0) out[pilih] = null;
  }
  return { nilai: out, totalTersembunyi: tersembunyi() === 1 };
}

/** A single published count with no published breakdown beside it. */
export const sensorSatu = (n: number): Cacah => (n > 0 && n < BATAS_SENSOR ? null : n);

/** A share of people, hidden when its count or its complement is 1–4 (either would name a handful of people). */
export function sensorPersen(bagian: number, dari: number): number | null {
  if (dari <= 0) return null;
  if ((bagian > 0 && bagian < BATAS_SENSOR) || (dari - bagian > 0 && dari - bagian < BATAS_SENSOR)) return null;
  return Math.round((bagian / dari) * 1000) / 10;
}
