// Values have bounds, not only shapes. One place states them; the register (bundle rows), the API's input
// schemas, the catalogue's indicator check, the workbook import and the province's row checks all read them here.
// A value outside them is refused where it is typed, imported or received, with what to do.

/** Rupiah: whole, ≥ 0, and below Rp1 triliun — above any group's, agreement's or proposal's figure. */
export const RUPIAH_MAKS = 1_000_000_000_000;
/** Counts of people, meetings, carts, items: whole, ≥ 0. */
export const JUMLAH_MAKS = 10_000_000;
/** Volumes (kg, pak, bungkus …) and other decimal quantities. */
export const VOLUME_MAKS = 1_000_000_000;
/** Members of one kelompok that DT-SEN counts can name. */
export const ANGGOTA_KELOMPOK_MAKS = 10_000;
/** Years a record may name (founding year, a cart-aid year, a target year). */
export const TAHUN_MIN = 1950;
export const TAHUN_MAKS = 2100;
/** The first month a report can be for (before the programme began, so that earlier records of a group can be entered); the last is the month after the current one. */
export const PERIODE_AWAL = '2020-01';
/** Dates: real calendar dates from this day on; "past" dates (birth, data date) not after tomorrow. */
export const TANGGAL_MIN = '1900-01-01';
export const TANGGAL_MAKS = '2100-12-31';

/** The month of a date, in WIB (UTC+7): a report month starts at local midnight. */
export function bulanDari(now: Date): string {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  return `${wib.getUTCFullYear()}-${String(wib.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The latest month a report may be for: the month after the current one (a workbook made ahead of time). */
export function periodeTerakhir(now = new Date()): string {
  const [y, m] = bulanDari(now).split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const NAMA_BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const bulanTeks = (p: string) => `${NAMA_BULAN[Number(p.slice(5, 7)) - 1]} ${p.slice(0, 4)}`;

/** Null when `periode` is a real month inside the programme's window; otherwise what is wrong, in Indonesian. */
export function salahPeriode(periode: string, now = new Date()): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(periode)) return `Bulan "${periode.slice(0, 20)}" tidak sah: tulis TTTT-BB dengan bulan 01–12, misalnya 2026-07.`;
  const akhir = periodeTerakhir(now);
  if (periode < PERIODE_AWAL || periode > akhir) return `Bulan ${bulanTeks(periode)} di luar masa program (${bulanTeks(PERIODE_AWAL)} sampai ${bulanTeks(akhir)}).`;
  return null;
}

/** A real calendar date (no 30 February, no month 19) between TANGGAL_MIN and TANGGAL_MAKS. */
export function tanggalSah(t: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || t < TANGGAL_MIN || t > TANGGAL_MAKS) return false;
  const [y, m, d] = t.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Tomorrow's date (UTC): the latest a past-event date may be, allowing for office clocks and time zones. */
export function besok(now = new Date()): string {
  return new Date(now.getTime() + 24 * 3600_000).toISOString().slice(0, 10);
}

/** A number a figure may hold: finite and within [min, max]. */
export function angkaDalamBatas(v: number, min: number, max: number): boolean {
  return Number.isFinite(v) && v >= min && v <= max;
}
