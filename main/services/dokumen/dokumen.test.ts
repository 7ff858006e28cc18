import ExcelJS from 'exceljs';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { eksporAnggota } from '../anggota/ekspor';
import { dokumenMonev } from '../dasbor/monev-dokumen';
import { buatDemo } from '../demo/demo';
import { tulisDokumenLaporan } from '../laporan/dokumen';
import { dokumenUsulanGerobak, penilaianGerobak, simpanPenilaianGerobak } from '../mitra/mitra';
import { pdfPerjanjian } from '../mitra/perjanjian-dokumen';
import { simpanLambang, simpanPengaturan } from '../pengaturan/pengaturan';
import { pdfProposal, rabXlsx } from '../proposal/dokumen';
import { tempDb } from '../../../test/db';
import { libreOffice } from '../../../test/libreoffice';

// Every document of a demo database, read as the Governor's staff would: rendered to pages (pdftoppm) and checked
// for what a reader notices; every workbook opened by LibreOffice.

const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A demo kabupaten with its office's letter settings, an emblem, proposals, agreements and proposed carts. */
async function semuaDokumen(dir: string): Promise<{ pdf: string[]; xlsx: string[] }> {
  const t = tempDb(null);
  buatDemo(t.db, { kelompok: 8, bulan: 14, seed: 11, kabupaten: '35.07' });
  simpanPengaturan(t.db, {
    operator: 'Penguji',
    alamat_instansi: 'Jalan Panji No. 158, Kepanjen',
    kota_surat: 'Kepanjen',
    telepon: '(0341) 392024',
    email: 'bappeda@malangkab.go.id',
    kode_pos: '65163',
    kepala_nama: 'Dr. Ir. Budi Santoso, M.T.',
    kepala_nip: '197001012000031001',
    kepala_pangkat: 'Pembina Utama Muda (IV/c)',
    kepala_jabatan: 'Kepala Badan Perencanaan Pembangunan Daerah Kabupaten Malang',
    ttd_mode: 'a.n.',
    ttd_nama: 'Siti Aminah, S.E., M.M.',
    ttd_nip: '197502022001122002',
    ttd_pangkat: 'Pembina (IV/a)',
    ttd_jabatan: 'Sekretaris',
    tembusan: 'Gubernur Jawa Timur\nKepala Bappeda Provinsi Jawa Timur',
  });
  simpanLambang(t.db, PNG_1x1, 'lambang.png');
  const tahun = new Date().getFullYear();
  for (const g of penilaianGerobak(t.db, tahun).slice(0, 2)) simpanPenilaianGerobak(t.db, { kelompok_id: g.kelompok_id, tahun, usaha_keliling: true, keputusan: 'diusulkan', catatan: null });
  const proposal = (t.db.sqlite.prepare('SELECT id FROM proposal WHERE deleted_at IS NULL LIMIT 1').get() as { id: string }).id;
  const perjanjian = (t.db.sqlite.prepare('SELECT id FROM perjanjian WHERE deleted_at IS NULL LIMIT 1').get() as { id: string }).id;
  const bulan = (t.db.sqlite.prepare("SELECT max(periode) AS p FROM laporan_bulanan WHERE status <> 'draft'").get() as { p: string }).p;
  const pdf: string[] = [];
  const xlsx: string[] = [];
  const f = (nama: string) => join(dir, nama);
  try {
    await pdfProposal(t.db, proposal, f('proposal.pdf'));
    await pdfPerjanjian(t.db, perjanjian, f('perjanjian.pdf'));
    await dokumenUsulanGerobak(t.db, tahun, 'pdf', f('gerobak.pdf'));
    await dokumenUsulanGerobak(t.db, tahun, 'xlsx', f('gerobak.xlsx'));
    await dokumenMonev(t.db, String(tahun), 'pdf', f('emonev.pdf'));
    await dokumenMonev(t.db, String(tahun), 'xlsx', f('emonev.xlsx'));
    await rabXlsx(t.db, proposal, f('rab.xlsx'));
    await eksporAnggota(t.db, { cari: '', ganda: false }, f('anggota.xlsx'));
    await tulisDokumenLaporan(t.db, { periode: String(tahun), format: 'pdf' }, f('tahunan-bawaan.pdf'));
    for (const format of ['pdf', 'xlsx'] as const) {
      await tulisDokumenLaporan(t.db, { periode: bulan, format, per: 'kabupaten' }, f(`bulanan.${format}`));
      for (const per of ['kabupaten', 'kecamatan', 'fasilitator', 'kelompok'] as const) {
        await tulisDokumenLaporan(t.db, { periode: `${bulan.slice(0, 4)}-S${Number(bulan.slice(5)) <= 6 ? 1 : 2}`, format, per }, f(`semester-${per}.${format}`));
        await tulisDokumenLaporan(t.db, { periode: bulan.slice(0, 4), format, per }, f(`tahunan-${per}.${format}`));
      }
    }
    for (const n of readdirSync(dir)) (n.endsWith('.pdf') ? pdf : n.endsWith('.xlsx') ? xlsx : []).push(f(n));
    return { pdf, xlsx };
  } finally {
    t.cleanup();
  }
}

/** The pages of a PDF as grey images (PGM from pdftoppm), 40 dpi. */
function halamanAbu(pdf: string, dir: string): { lebar: number; tinggi: number; px: Buffer }[] {
  const prefix = join(dir, 'hal');
  execFileSync('pdftoppm', ['-r', '40', '-gray', pdf, prefix]);
  return readdirSync(dir)
    .filter((n) => n.startsWith('hal') && n.endsWith('.pgm'))
    .sort()
    .map((n) => {
      const data = readFileSync(join(dir, n));
      const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'))!;
      return { lebar: Number(m[1]), tinggi: Number(m[2]), px: data.subarray(m[0].length) };
    });
}

/** The longest run of dark pixels on any row of the upper part of a page, as a share of the page's width. */
function garisTerpanjang(h: { lebar: number; tinggi: number; px: Buffer }): number {
  let best = 0;
  for (let y = 0; y < h.tinggi * 0.35; y++) {
    let run = 0;
    for (let x = 0; x < h.lebar; x++) {
      run = h.px[y * h.lebar + x]! < 128 ? run + 1 : 0;
      best = Math.max(best, run);
    }
  }
  return best / h.lebar;
}

test('every document reads right: no page holds only a signature, letterhead rules span the text width, titles never double a word; every workbook prints', async () => {
  const dir = join(tempDb(null).dir, 'dokumen');
  mkdirSync(dir, { recursive: true });
  const { pdf, xlsx } = await semuaDokumen(dir);
  assert.ok(pdf.length >= 12 && xlsx.length >= 12, `${pdf.length} PDF, ${xlsx.length} xlsx`);
  for (const file of pdf) {
    const nama = file.split('/').at(-1)!;
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const halaman = text.split('\f').filter((p) => p.trim());
    halaman.forEach((p, i) => {
      const baris = p.split('\n').map((l) => l.trim()).filter((l) => l && !/^Halaman \d+ dari \d+$/.test(l));
      // Only a signature: signature lines, and no sentence (a line of prose, not two columns of names) before them.
      const prosa = baris.some((l) => l.length >= 40 && !/\s{3,}/.test(l) && !/\bNIP\b/.test(l));
      const hanyaTtd = baris.some((l) => /\bNIP\b|Mengetahui|PIHAK (PERTAMA|KEDUA)/.test(l)) && !prosa && !baris.some((l) => /\d{1,3}(\.\d{3})+|Pasal|Lampiran|Tembusan/.test(l));
      assert.ok(!hanyaTtd, `${nama} halaman ${i + 1} hanya berisi tanda tangan:\n${baris.join('\n')}`);
    });
    // A document never prints a placeholder; the signature block follows the document's last section.
    assert.doesNotMatch(text, /belum diisi|belum tercatat/, `${nama}: placeholder tercetak`);
    const ttd = text.lastIndexOf('NIP ');
    for (const bagian of ['Kelompok yang belum melapor', 'Kendala dan rencana tindak lanjut', 'Semua laporan yang diharapkan']) {
      if (!/^(bulanan|semester|tahunan)/.test(nama) || !text.includes(bagian)) continue;
      assert.ok(text.indexOf(bagian) < ttd, `${nama}: "${bagian}" sesudah tanda tangan`);
    }
    for (const judul of text.split('\n').map((l) => l.trim()).filter((l) => /^[A-Z0-9 ,./()-]{12,}$/.test(l) && /[A-Z]{4}/.test(l))) {
      assert.doesNotMatch(judul, /\b(\w{3,}) \1\b/, `${nama}: judul "${judul}" mengulang kata`);
    }
    if (!/perjanjian/.test(nama)) {
      // Official documents open with the letterhead: its double rule spans the text width, portrait or landscape.
      const sub = join(dir, `png-${nama}`);
      mkdirSync(sub);
      const [first] = halamanAbu(file, sub);
      const lebar = garisTerpanjang(first!);
      const landscape = first!.lebar > first!.tinggi;
      const harap = landscape ? (841.89 - 104) / 841.89 : (595.28 - 104) / 595.28;
      assert.ok(lebar > harap - 0.03, `${nama}: garis kop ${(lebar * 100).toFixed(1)}% lebar halaman, harus ±${(harap * 100).toFixed(1)}%`);
    }
  }
  // What an auditor rejected in the proposal: numbering, verdict, annex headings, letterhead, where the group signs.
  const proposal = execFileSync('pdftotext', ['-layout', join(dir, 'proposal.pdf'), '-'], { encoding: 'utf8' });
  const kop = proposal.split('\n').slice(0, 6).join('\n');
  assert.equal(kop.match(/KABUPATEN MALANG/g)?.length, 1, `kop menyebut kabupaten sekali:\n${kop}`);
  const nomorRab = [...proposal.matchAll(/^(\d+)\s{2,}\S.*Rp[\d.]+\s+Rp[\d.]+$/gm)].map((m) => Number(m[1]));
  assert.deepEqual(nomorRab, nomorRab.map((_, i) => i + 1), 'nomor RAB 1…N dalam urutan cetak');
  assert.match(proposal, /Kesimpulan\s+(Layak|Belum layak): [\s\S]{0,400}?batas \d+ bulan/, 'kesimpulan menyebut alasan dan batas masa pengembalian');
  for (const l of ['LAMPIRAN I\n', 'LAMPIRAN II\n']) assert.ok(proposal.replace(/ +/g, ' ').includes(` ${l}`), `kepala ${l.trim()}`);
  assert.match(proposal, /NOMOR\s+: \S+/);
  assert.doesNotMatch(proposal.slice(proposal.indexOf('Tembusan:'), proposal.indexOf('Tembusan:') + 200), /Gubernur Jawa Timur/, 'tembusan tidak menyebut yang dituju');
  assert.doesNotMatch(proposal.slice(proposal.indexOf('VI. Penutup')), /Kepanjen, \d/, 'kelompok menandatangani di desanya, bukan di kota kantor');
  // Recaps and e-monev of a year still running state their cut-off; a district's recap is per kecamatan unless asked.
  const tahunan = execFileSync('pdftotext', ['-layout', join(dir, 'emonev.pdf'), '-'], { encoding: 'utf8' });
  assert.match(tahunan, /keadaan s\.d\. \w+ \d{4}|belum ada bulan yang berakhir/, 'e-monev tahunan menyebut batas keadaannya');
  assert.match(execFileSync('pdftotext', ['-layout', join(dir, 'tahunan-bawaan.pdf'), '-'], { encoding: 'utf8' }), /per kecamatan · (keadaan s\.d\.|belum ada bulan yang berakhir)/);
  // Every visible sheet prints: fit to one page wide, page numbers in the footer; titled sheets repeat their header.
  for (const file of xlsx) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.eachSheet((ws) => {
      if (ws.state !== 'visible') return;
      const label = `${file.split('/').at(-1)} · ${ws.name}`;
      assert.equal(ws.pageSetup.fitToPage, true, `${label}: muat selebar satu halaman`);
      assert.equal(ws.pageSetup.fitToWidth, 1, label);
      assert.match(ws.headerFooter?.oddFooter ?? '', /Halaman &P dari &N/, `${label}: nomor halaman`);
      // The sheets with title rows (dokumen/spreadsheet.ts lembarBerjudul) repeat their header row on every page.
      if (/dibuat /.test(String(ws.getCell('A2').value ?? ''))) assert.ok(ws.pageSetup.printTitlesRow, `${label}: baris judul diulang di setiap halaman`);
      // Counts print whole, Rupiah with "Rp": never "#,##0" for money beside "Rp" elsewhere.
      ws.eachRow((row) => row.eachCell((c) => assert.notEqual(c.numFmt, '#,##0.00', `${label} ${c.address}: format angka`)));
    });
  }
});

test('LibreOffice opens every workbook the app writes', async (c) => {
  const soffice = libreOffice(c);
  if (!soffice) return;
  const dir = join(tempDb(null).dir, 'dokumen');
  mkdirSync(dir, { recursive: true });
  const { xlsx } = await semuaDokumen(dir);
  const keluar = join(dir, 'csv');
  const r = spawnSync(soffice, ['--headless', '--convert-to', 'csv', '--outdir', keluar, ...xlsx], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
  assert.equal(r.status, 0, r.stderr);
  for (const file of xlsx) {
    const csv = join(keluar, file.split('/').at(-1)!.replace(/\.xlsx$/, '.csv'));
    assert.ok(existsSync(csv) && readFileSync(csv, 'utf8').length > 20, `LibreOffice membuka ${file}`);
  }
});
