import { openDatabase } from '../db/connection';
import { REGISTER, SYNCED_TABLES } from '../main/common/register';
import { rekapLaporanKabupaten } from '../main/services/dasbor/dashboard';

// A national simulation for the dashboard bench (BENCH_KABUPATEN above 38): one small demo district's rows copied
// under made-up region codes until there are `jumlah` districts. Only the dashboard reads them; no bundle carries them.

/** `jumlah` district codes: the base's, then made-up ones (11.01, 11.02, …) that are not it. */
function kodeNasional(jumlah: number, dasar: string): string[] {
  const out = [dasar];
  for (let i = 0; out.length < jumlah; i++) {
    const kode = `${String(11 + Math.floor(i / 25)).padStart(2, '0')}.${String((i % 25) + 1).padStart(2, '0')}`;
    if (kode !== dasar) out.push(kode);
  }
  return out;
}

/** Copies the base district's rows of the province file at path under jumlah − 1 other codes, then its sums. */
export function perbanyakKabupaten(path: string, dasar: string, jumlah: number): void {
  const db = openDatabase(path);
  try {
    db.sqlite.pragma('foreign_keys = OFF');
    const kode = kodeNasional(jumlah, dasar).slice(1);
    db.tx(() => {
      for (const [n, k] of kode.entries()) {
        for (const t of SYNCED_TABLES) {
          const kolom = db.sqlite.prepare('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0').pluck().all(t) as string[];
          const ref = new Set(Object.entries(REGISTER[t].kolom).filter(([, s]) => s.ref).map(([c]) => c));
          const pilih = kolom.map((c) => (c === 'kabupaten_kode' ? '@k' : c === 'id' || ref.has(c) ? `${c} || @akhiran` : c));
          db.sqlite.prepare(`INSERT INTO ${t} (${kolom.join(', ')}) SELECT ${pilih.join(', ')} FROM ${t} WHERE kabupaten_kode = @dasar`).run({ k, akhiran: `-${n}`, dasar });
        }
        db.sqlite.prepare(`INSERT INTO dtsen_ringkasan SELECT kelompok_id || @akhiran, @k, sumber, tanggal_data, anggota, cocok, ${Array.from({ length: 10 }, (_, i) => `desil_${i + 1}`).join(', ')} FROM dtsen_ringkasan WHERE kabupaten_kode = @dasar`).run({ k, akhiran: `-${n}`, dasar });
        rekapLaporanKabupaten(db, k);
      }
    });
  } finally {
    db.close();
  }
}
