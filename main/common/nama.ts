// Comparing names as officers write them: case, spacing, punctuation and titles don't matter.

const GELAR = new Set(['H', 'HJ', 'HAJI', 'HAJAH', 'DRS', 'DRA', 'DR', 'IR', 'PROF', 'SPD', 'SAG', 'SE', 'SH', 'ST', 'SKOM', 'SIP', 'SSOS', 'SKM', 'SPDI', 'AMD', 'MM', 'MSI', 'MPD', 'BA', 'KH', 'NY', 'TN', 'SDR', 'SDRI', 'ALM', 'ALMH', 'BIN', 'BINTI']);

export function normalisasiNama(nama: string): string {
  return nama
    .toUpperCase()
    .replace(/\b(S|M|A)\.\s?(PD|AG|E|H|T|KOM|IP|SOS|KM|PDI|MD|SI)\b\.?/g, ' ')
    .replace(/[^A-Z\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !GELAR.has(w))
    .join(' ');
}

/** Jaro–Winkler similarity, 0..1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (bMatch[j] || a[i] !== b[j]) continue;
      aMatch[i] = bMatch[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
