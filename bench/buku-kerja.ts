// The facilitator's workbook round trip for 50 kelompok × the catalogue's 14 typed indicators (target: under 2 s):
// make the workbook, fill it with another library (SheetJS), check it (dry run) and import it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { BARIS_DATA, KOLOM_NILAI_PERTAMA, LEMBAR_LAPORAN } from '../main/common/buku-kerja';
import { buatDemo } from '../main/services/demo/demo';
import { buatBukuKerja } from '../main/services/laporan/buku-kerja';
import { imporBukuKerja } from '../main/services/laporan/buku-kerja-impor';
import { tempDb } from '../test/db';

export async function benchBukuKerja(): Promise<void> {
  const t = tempDb('35.07');
  try {
    buatDemo(t.db, { kelompok: 50, bulan: 2, seed: 1 });
    const fas = (t.db.sqlite.prepare('SELECT id FROM fasilitator LIMIT 1').get() as { id: string }).id;
    t.db.sqlite.prepare("UPDATE kelompok SET fasilitator_id = ?, status = 'aktif'").run(fas);
    const periode = '2030-01';
    const kosong = join(t.dir, 'buku.xlsx');
    const terisi = join(t.dir, 'terisi.xlsx');
    let t0 = performance.now();
    await buatBukuKerja(t.db, { fasilitator_id: fas, periode }, kosong);
    const buat = performance.now() - t0;
    const wb = XLSX.read(readFileSync(kosong), { type: 'buffer' });
    const ws = wb.Sheets[LEMBAR_LAPORAN]!;
    const range = XLSX.utils.decode_range(ws['!ref']!);
    let sel = 0;
    for (let c = KOLOM_NILAI_PERTAMA - 1; c <= range.e.c; c++) {
      const kode = ws[XLSX.utils.encode_cell({ r: 0, c })]?.v as string | undefined;
      if (!kode) continue;
      for (let r = BARIS_DATA - 1; r <= range.e.r; r++, sel++) ws[XLSX.utils.encode_cell({ r, c })] = kode === 'kehadiran' ? { t: 'n', v: 80 } : ['satuan_produksi', 'kendala', 'rencana_tindak_lanjut'].includes(kode) ? { t: 's', v: 'teks' } : { t: 'n', v: 1000 * (r + c) };
    }
    writeFileSync(terisi, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    t0 = performance.now();
    const coba = imporBukuKerja(t.db, { path: terisi, nama: 'terisi.xlsx', dryRun: true, status: 'diajukan' });
    const periksa = performance.now() - t0;
    t0 = performance.now();
    const h = imporBukuKerja(t.db, { path: terisi, nama: 'terisi.xlsx', dryRun: false, status: 'diajukan' });
    const impor = performance.now() - t0;
    console.log(`${coba.baris.length} kelompok, ${sel} sel: buat ${buat.toFixed(0)} ms, periksa ${periksa.toFixed(0)} ms, impor ${impor.toFixed(0)} ms (${h.jumlah.baru} laporan); pulang-pergi ${(buat + periksa + impor).toFixed(0)} ms  (target < 2000 ms)`);
  } finally {
    t.cleanup();
  }
}
