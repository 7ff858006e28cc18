// Indonesian formatting, shared by the UI and the documents.

export const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
export const NAMA_BULAN: readonly string[] = BULAN;

/**
 * What a number that is not finite prints as: a dash, never "Infinity" or "NaN". Such a value is a bug (the register
 * bounds every number), so under the test runner it throws, and a test that prints one fails.
 */
function takHingga(value: number): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env?.NODE_TEST_CONTEXT || env?.BERMANTRA_KETAT) throw new Error(`Angka tak hingga dicetak: ${String(value)}`);
  return '–';
}

/** Thousands separated by dots: 1234567 → "1.234.567". Integers only (money is integer Rupiah). */
export function formatAngka(value: number): string {
  if (!Number.isFinite(value)) return takHingga(value);
  const negative = value < 0;
  const digits = Math.round(Math.abs(value)).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return negative ? `-${grouped}` : grouped;
}

/** "Rp1.234.567" as PUEBI writes it (no space after Rp). */
export function formatRupiah(value: number): string {
  if (!Number.isFinite(value)) return takHingga(value);
  return value < 0 ? `-Rp${formatAngka(-value)}` : `Rp${formatAngka(value)}`;
}

/** Decimal with a comma: 12.5 → "12,5". */
/**
 * Rupiah short enough for a card: from a billion on "Rp13,13 M" (miliar) and "Rp1,25 T" (triliun), below that the
 * exact figure. Where it is shortened, the exact figure goes beside it (title, numbers table).
 */
export function formatRupiahKartu(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) < 1e9) return formatRupiah(value);
  const [bagi, akhiran] = Math.abs(value) >= 1e12 ? [1e12, 'T'] : [1e9, 'M'];
  return `${value < 0 ? '-' : ''}Rp${formatDesimal(Math.abs(value) / (bagi as number), 2)} ${akhiran}`;
}

/** "M" and "T" written out, for the title of a shortened figure. */
export function namaRingkas(ringkas: string): string {
  return ringkas.replace(/ M$/, ' miliar').replace(/ T$/, ' triliun');
}

export function formatDesimal(value: number, maxFraction = 2): string {
  if (!Number.isFinite(value)) return takHingga(value);
  const [whole = '0', fraction] = Math.abs(value).toFixed(maxFraction).replace(/0+$/, '').replace(/\.$/, '').split('.');
  const text = formatAngka(Number(whole)) + (fraction ? `,${fraction}` : '');
  return value < 0 ? `-${text}` : text;
}

/** A size in megabytes as messages say it: "10 MB", "140,3 MB". */
export function formatMb(byte: number): string {
  return `${formatDesimal(byte / 1048576, 1)} MB`;
}

/** A percentage with exactly one decimal ("79,7%", "80,0%"): rounding to whole numbers would hide a shortfall. */
export function formatPersen(value: number): string {
  if (!Number.isFinite(value)) return takHingga(value);
  const [whole = '0', fraction = '0'] = Math.abs(value).toFixed(1).split('.');
  return `${value < 0 ? '-' : ''}${formatAngka(Number(whole))},${fraction}%`;
}

/** A percentage that may not exist yet (nothing expected): "–" then. */
export function formatPersenAtau(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : formatPersen(value);
}

/** "2025-11-05" → "5 November 2025". Returns the input unchanged when it is not an ISO date. */
export function formatTanggal(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${BULAN[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** "2026-10-13" → "Selasa": the day of the week of a calendar date (no time zone involved). */
export function namaHari(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? (HARI[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()] ?? '') : '';
}

/** Words a title keeps in lower case after its first word (PUEBI: kata tugas). */
const KATA_TUGAS = new Set(['dan', 'di', 'ke', 'dari', 'untuk', 'yang', 'atas', 'pada', 'dengan', 'tentang', 'atau', 'bagi', 'dalam', 'oleh', 'serta']);

/**
 * A title as PUEBI writes it: every word with an initial capital except the function words after the first;
 * words already written with capitals or digits ("KUBE", "SPPG", "250 gram") stay as typed.
 * "Proposal Pengembangan Usaha telur ayam kampung" → "Proposal Pengembangan Usaha Telur Ayam Kampung".
 */
export function hurufJudul(teks: string): string {
  let pertama = true;
  return teks.replace(/\p{L}[\p{L}\p{N}'’-]*/gu, (kata) => {
    const awal = pertama;
    pertama = false;
    const kecil = kata.toLowerCase();
    if (!awal && KATA_TUGAS.has(kecil)) return kecil;
    return kata === kecil ? kata.charAt(0).toUpperCase() + kata.slice(1) : kata;
  });
}

/** "6 Desember 2026 pukul 14.05 WIB": Jawa Timur's time, whatever the time zone the office PC is set to. */
export function formatWaktuWib(waktu: Date | string): string {
  const t = typeof waktu === 'string' ? new Date(waktu.slice(0, 24)) : waktu;
  if (Number.isNaN(t.getTime())) return String(waktu);
  const pad = (n: number) => String(n).padStart(2, '0');
  const wib = new Date(t.getTime() + 7 * 3600_000);
  return `${formatTanggal(wib.toISOString().slice(0, 10))} pukul ${pad(wib.getUTCHours())}.${pad(wib.getUTCMinutes())} WIB`;
}

/** ISO timestamp → "5 November 2025 pukul 14.03" in the local time of the machine. */
export function formatWaktu(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.slice(0, 24));
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getDate()} ${BULAN[d.getMonth()]} ${d.getFullYear()} pukul ${pad(d.getHours())}.${pad(d.getMinutes())}`;
}

/** Period id "2025-01" → "Januari 2025", "2025-S1" → "Semester I 2025", "2025" → "Tahun 2025". */
export function formatPeriode(period: string): string {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${BULAN[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-S([12])$/.exec(period);
  if (m) return `Semester ${m[2] === '1' ? 'I' : 'II'} ${m[1]}`;
  m = /^(\d{4})-T([1-4])$/.exec(period);
  if (m) return `Triwulan ${['I', 'II', 'III', 'IV'][Number(m[2]) - 1]} ${m[1]}`;
  if (/^\d{4}$/.test(period)) return `Tahun ${period}`;
  return period;
}

/** Today's date in local time as YYYY-MM-DD. */
export function hariIni(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A file name people recognise: "Proposal-KUBE-Boga-Barokah-2026-11.pdf" from its words, safe on every system. */
export function namaBerkas(bagian: (string | null | undefined)[], ext: string): string {
  const dasar = bagian
    .filter((b): b is string => !!b)
    .map((b) => b.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('-')
    .slice(0, 100);
  return `${dasar || 'berkas'}.${ext}`;
}
