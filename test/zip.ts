// Test and bench helpers for zips (never imported by the app).

/**
 * Rewrites the declared uncompressed size of every entry (or only the one named `hanya`) in the central directory
 * and the local headers: a "false size" bomb.
 */
export function ukuranPalsu(zip: Uint8Array, ukuran: number, hanya?: string): Buffer {
  const b = Buffer.from(zip);
  for (let i = 0; i + 46 <= b.length; i++) {
    const sig = b.readUInt32LE(i);
    if (sig === 0x04034b50 && (!hanya || b.toString('utf8', i + 30, i + 30 + b.readUInt16LE(i + 26)) === hanya)) b.writeUInt32LE(ukuran, i + 22);
    if (sig === 0x02014b50 && (!hanya || b.toString('utf8', i + 46, i + 46 + b.readUInt16LE(i + 28)) === hanya)) b.writeUInt32LE(ukuran, i + 24);
  }
  return b;
}
