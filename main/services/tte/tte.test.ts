import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { tempDb } from '../../../test/db';
import { dunia } from '../../../test/bundel';
import { ambilProposal, pdfProposal } from '../proposal';
import { main } from '../../cli/utama';
import { buatBundelReferensi, imporBundel, imporBundelDari } from '../sinkron';
import { TANPA_PELINDUNG } from '../sinkron/kunci';
import { buatKelompok, buatProposal } from '../../../test/rekaman';
import { buatCaUji, pdfsig, tandatangani, ubahSetelahTtd, type CaUji } from '../../../test/tte';
import { AppError } from '../../common/errors';
import { renderPdf } from '../dokumen';
import { daftarAkar, hasilPeriksa, lampirkanTtd, tambahAkar } from './tte';
import { verifikasiPdf } from './verifikasi';

// Fixtures made here with a test CA (openssl) and a maintained signing library (@signpdf): a valid signature, a file
// changed after signing, a root the app does not trust, an expired certificate, two signatures. The verifier's verdict
// on each is compared with poppler's pdfsig given the same trusted root (an NSS database holding it).

let ca: CaUji;
let nss: string | null = null;
const berkas: Record<string, Buffer> = {};

test.before(async () => {
  const dir = join(tempDb(null).dir, 'tte');
  ca = buatCaUji(join(dir, 'ca'));
  writeFileSync(join(dir, 'akar.pem'), ca.akar);
  if (spawnSync('certutil', ['-H']).error === undefined) {
    nss = join(dir, 'nss');
    mkdirSync(nss);
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'uji', '-t', 'CT,C,C', '-i', join(dir, 'akar.pem')]);
  }
  const surat = await renderPdf({ content: [{ text: 'Surat pengantar proposal (uji)' }] });
  berkas.sah = await tandatangani(surat, ca.p12.sah);
  berkas.diubah = ubahSetelahTtd(berkas.sah);
  berkas.takDipercaya = await tandatangani(surat, ca.p12.takDipercaya);
  berkas.kedaluwarsa = await tandatangani(surat, ca.p12.kedaluwarsa);
  berkas.dua = await tandatangani(berkas.sah, ca.p12.kedua);
  for (const [n, b] of Object.entries(berkas)) writeFileSync(join(dir, `${n}.pdf`), b);
  (globalThis as { dirTte?: string }).dirTte = dir;
});

test('the verifier agrees with pdfsig on every fixture, signature by signature', async (c) => {
  // pdfsig is given the trusted root through an NSS database (certutil, libnss3-tools): .ci/run installs it.
  if (!nss) {
    assert.ok(!process.env.CI, 'CI installs libnss3-tools (.ci/run)');
    return c.skip('certutil (libnss3-tools) tidak terpasang');
  }
  const dir = (globalThis as { dirTte?: string }).dirTte!;
  const harapan: Record<string, boolean> = { sah: true, diubah: false, takDipercaya: false, kedaluwarsa: false, dua: true };
  for (const [nama, pdf] of Object.entries(berkas)) {
    const kita = await verifikasiPdf(pdf, [ca.akar]);
    const poppler = pdfsig(join(dir, `${nama}.pdf`), `sql:${nss}`);
    assert.equal(kita.tanda_tangan.length, poppler.length, `${nama}: jumlah tanda tangan`);
    kita.tanda_tangan.forEach((t, i) => {
      const p = poppler[i]!;
      assert.equal(t.sah, p.sah, `${nama} #${i + 1}: sah`);
      assert.equal(t.dipercaya && !t.kedaluwarsa, p.dipercaya, `${nama} #${i + 1}: dipercaya (pdfsig: ${p.tanda.match(/Certificate Validation: .*/)?.[0]})`);
      assert.equal(t.kedaluwarsa, p.kedaluwarsa, `${nama} #${i + 1}: kedaluwarsa`);
      assert.equal(t.seluruh_dokumen, p.seluruh, `${nama} #${i + 1}: seluruh dokumen`);
      assert.equal(t.penanda_tangan, p.penanda, `${nama} #${i + 1}: penanda tangan`);
    });
    assert.equal(kita.valid, harapan[nama], `${nama}: ${kita.ringkasan}`);
  }
  // What the verdict says: the signer with NIK and NIP from the certificate, the issuer, the time, and why not.
  const sah = (await verifikasiPdf(berkas.sah!, [ca.akar])).tanda_tangan[0]!;
  assert.deepEqual([sah.penanda_tangan, sah.nik, sah.nip, sah.penerbit], ['Dr. Ir. Budi Santoso, M.T.', '3507011204700001', '197001012000031001', 'BSrE Uji Root CA']);
  assert.ok(sah.waktu && Math.abs(Date.parse(sah.waktu) - Date.now()) < 600_000);
  assert.match((await verifikasiPdf(berkas.diubah!, [ca.akar])).ringkasan, /diubah setelah ditandatangani/);
  assert.match((await verifikasiPdf(berkas.takDipercaya!, [ca.akar])).ringkasan, /CA Tak Dikenal\) tidak dipercaya/);
  assert.match((await verifikasiPdf(berkas.kedaluwarsa!, [ca.akar])).ringkasan, /Sertifikat penanda tangan tidak berlaku \(berlaku 2020-01-01 s\.d\. 2021-01-01\)/);
  // No root installed: nothing is trusted, and the verdict says how to install one.
  assert.match((await verifikasiPdf(berkas.sah!, [])).ringkasan, /Belum ada akar tepercaya/);
  // A PDF without signatures, and a signature whose bytes were altered inside the signed range.
  assert.equal((await verifikasiPdf(await renderPdf({ content: ['tanpa tanda tangan'] }), [ca.akar])).valid, false);
  const rusak = Buffer.from(berkas.sah!);
  const i = rusak.indexOf('/Producer');
  assert.ok(i > 0 && i < rusak.indexOf('/ByteRange'));
  rusak[i + 1] = 'p'.charCodeAt(0);
  const r = await verifikasiPdf(rusak, [ca.akar]);
  assert.equal(r.valid, false);
  assert.equal(r.tanda_tangan[0]!.sah, false);
  assert.match(r.ringkasan, /tidak sama dengan yang ditandatangani/);
});

test('the trust store takes roots as PEM or DER once, and a signed letter attached to a proposal records its verdict', async () => {
  const t = tempDb();
  try {
    assert.throws(() => tambahAkar(t.db, Buffer.from('bukan sertifikat')), (e: AppError) => e.code === 'AKAR_TIDAK_SAH');
    const akar = tambahAkar(t.db, Buffer.from(ca.akar));
    tambahAkar(t.db, Buffer.from(ca.akar));
    assert.deepEqual(daftarAkar(t.db).map((a) => [a.nama, a.sidik_jari]), [['BSrE Uji Root CA', akar.sidik_jari]]);
    const k = buatKelompok(t.db).id;
    const { id } = buatProposal(t.db, { kelompok_id: k });
    await assert.rejects(() => lampirkanTtd(t.db, id, Buffer.from('bukan pdf')), /bukan PDF/);
    const hasil = await lampirkanTtd(t.db, id, berkas.sah!);
    assert.equal(hasil.valid, true);
    const row = t.db.sqlite.prepare('SELECT tte_status, tte_hash, tte_hasil FROM proposal WHERE id = ?').get(id) as { tte_status: string; tte_hash: string; tte_hasil: string };
    assert.equal(row.tte_status, 'ditandatangani');
    assert.equal(JSON.parse(row.tte_hasil).tanda_tangan[0].penanda_tangan, 'Dr. Ir. Budi Santoso, M.T.');
    assert.equal(hasilPeriksa(t.db, row.tte_hash)!.valid, true);
    // A letter changed after signing: attached, kept, but recorded as not valid, with why.
    const lagi = await lampirkanTtd(t.db, id, berkas.diubah!);
    assert.equal(lagi.valid, false);
    assert.equal((t.db.sqlite.prepare('SELECT tte_status FROM proposal WHERE id = ?').get(id) as { tte_status: string }).tte_status, 'tidak_sah');
  } finally {
    t.cleanup();
  }
});

test('the province sends its root in the reference bundle; a district attaches a signed letter; the province imports the PDF and verifies it again', async () => {
  const w = dunia(3);
  try {
    tambahAkar(w.prov.db, Buffer.from(ca.akar));
    const ref = join(w.prov.dir, 'referensi.bmb');
    buatBundelReferensi(w.prov.db, TANPA_PELINDUNG, ref);
    assert.match(imporBundel(w.kab.db, TANPA_PELINDUNG, readFileSync(ref)).pesan, /1 akar tanda tangan elektronik tepercaya/);
    assert.deepEqual(daftarAkar(w.kab.db).map((a) => a.sumber), ['provinsi']);
    const id = (w.kab.db.sqlite.prepare('SELECT id FROM proposal WHERE deleted_at IS NULL LIMIT 1').get() as { id: string }).id;
    assert.equal((await lampirkanTtd(w.kab.db, id, berkas.sah!)).valid, true);
    const file = join(w.prov.dir, 'kab.bmb');
    writeFileSync(file, w.ekspor());
    const hasil = await imporBundelDari(w.prov.db, TANPA_PELINDUNG, file, { nama: 'kab.bmb' });
    assert.match(hasil.pesan, /1 surat bertanda tangan elektronik diverifikasi ulang di sini/);
    const p = ambilProposal(w.prov.db, id);
    assert.equal(p.tte.status, 'ditandatangani');
    assert.equal(p.tte.hasil!.valid, true);
    assert.equal(p.tte.periksa!.valid, true);
    assert.equal(p.tte.periksa!.tanda_tangan[0]!.nip, '197001012000031001');
    // The same signed letter, with the root the province does not trust: the province's own verdict says so.
    const lain = dunia(3);
    try {
      const id2 = (lain.kab.db.sqlite.prepare('SELECT id FROM proposal WHERE deleted_at IS NULL LIMIT 1').get() as { id: string }).id;
      await lampirkanTtd(lain.kab.db, id2, berkas.takDipercaya!);
      const f2 = join(lain.prov.dir, 'kab.bmb');
      writeFileSync(f2, lain.ekspor());
      tambahAkar(lain.prov.db, Buffer.from(ca.akar));
      await imporBundelDari(lain.prov.db, TANPA_PELINDUNG, f2, { nama: 'kab.bmb' });
      const q = ambilProposal(lain.prov.db, id2);
      assert.equal(q.tte.status, 'tidak_sah');
      assert.equal(q.tte.periksa!.valid, false);
      assert.match(q.tte.periksa!.ringkasan, /CA Tak Dikenal\) tidak dipercaya/);
    } finally {
      lain.cleanup();
    }
  } finally {
    w.cleanup();
  }
});

test('a letter exported ready for TTE is PDF/A-2b with fonts embedded, laid out for an e-signature, and the proposal waits for it; the CLI verifies offline with exit 0 only when valid', async () => {
  const t = tempDb();
  try {
    const { id } = buatProposal(t.db, { kelompok_id: buatKelompok(t.db).id, nomor_surat: '500/1/35.07.301/2026' });
    const file = join(t.dir, 'siap-tte.pdf');
    await pdfProposal(t.db, id, file, { siapTte: true });
    const pdf = readFileSync(file);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /PDF version:\s+1\.7/);
    assert.match(info, /Encrypted:\s+no/);
    assert.match(pdf.toString('latin1'), /<pdfaid:part>2<\/pdfaid:part>[\s\S]*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    assert.match(pdf.toString('latin1'), /\/OutputIntents \[\d+ 0 R\]/);
    assert.match(pdf.toString('latin1'), /\/S \/GTS_PDFA1/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    assert.ok(fonts.length > 0 && fonts.every((f) => / yes +yes /.test(f)), `huruf tertanam: ${fonts.join(' | ')}`);
    const teks = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(teks, /Tempat tanda tangan elektronik/);
    assert.match(teks, /ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh Balai Besar Sertifikasi Elektronik \(BSrE\)/);
    assert.equal(ambilProposal(t.db, id).tte.status, 'menunggu');
    // The CLI: no root given, not trusted (exit 1); with the database that trusts the root, valid (exit 0).
    const sah = join(t.dir, 'sah.pdf');
    writeFileSync(sah, berkas.sah!);
    const io = () => {
      const out: string[] = [];
      return { out, io: { out: (s: string) => void out.push(s), err: (s: string) => void out.push(s) } };
    };
    const a = io();
    assert.equal(await main(['dokumen', 'verifikasi', sah, '--json'], a.io), 1);
    assert.equal(JSON.parse(a.out.join('')).valid, false);
    tambahAkar(t.db, Buffer.from(ca.akar));
    t.db.close();
    const b = io();
    assert.equal(await main(['dokumen', 'verifikasi', sah, '--db', t.db.file, '--json'], b.io), 0, b.out.join(''));
    assert.equal(JSON.parse(b.out.join('')).tanda_tangan[0].penanda_tangan, 'Dr. Ir. Budi Santoso, M.T.');
    const c = io();
    writeFileSync(join(t.dir, 'diubah.pdf'), berkas.diubah!);
    assert.equal(await main(['dokumen', 'verifikasi', join(t.dir, 'diubah.pdf'), '--db', t.db.file], c.io), 1);
    assert.match(c.out.join(''), /diubah setelah ditandatangani/);
    const d = io();
    assert.equal(await main(['proposal', 'ttd', '--db', t.db.file, '--id', id, sah, '--json'], d.io), 0, d.out.join(''));
  } finally {
    t.cleanup();
  }
});
