import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { builder, type Db } from '../../../db/connection';
import { barisQ, jalankan, pelaksanaBerkas, satuQ, ubahQ, type Kerja, type Pelaksana } from '../../../db/kueri';
import { bacaLampiranBerkas } from '../../../db/lampiran';
import { RecordWriter } from '../../../db/write';
import type { AkarTte, HasilVerifikasi } from '../../common/api';
import { AppError } from '../../common/errors';
import { formatMb } from '../../common/format';
import { LAMPIRAN_MAKS_BYTE } from '../../common/register';
import { tulisLampiran } from '../laporan';
import { bacaSertifikat, ringkasSertifikat, verifikasiPdf } from './verifikasi';

// The trust store and the signed letters: roots added by the office (the province) or received from the province in
// the reference bundle; a proposal's signed covering letter attached, verified, kept by its hash; verified again by
// any office that receives it (the province on import), each office recording its own verdict by the PDF's hash.

/** A file given by its path (a door's upload), or its bytes. */
const baca = (berkas: Buffer | string): Buffer => {
  const ukuran = typeof berkas === 'string' ? statSync(berkas).size : berkas.length;
  if (ukuran > TTE_MAKS_BYTE) throw new AppError('BERKAS_BESAR', `Berkas PDF bertanda tangan lebih dari ${formatMb(TTE_MAKS_BYTE)}. Periksa berkasnya: surat bertanda tangan biasanya jauh lebih kecil.`);
  return typeof berkas === 'string' ? readFileSync(berkas) : berkas;
};

/** A signed PDF larger than an attachment may be (it travels in bundles) is refused; a letter is well under it. */
export const TTE_MAKS_BYTE = LAMPIRAN_MAKS_BYTE;

export function daftarAkar(db: Db): AkarTte[] {
  return jalankan(db, daftarAkarK());
}

export function* daftarAkarK(): Kerja<AkarTte[]> {
  return yield* barisQ(builder.selectFrom('tte_akar').select(['sidik_jari', 'nama', 'penerbit', 'berlaku_sampai', 'sumber']).orderBy('nama').orderBy('sidik_jari'));
}

export function* pemAkarK(): Kerja<string[]> {
  return (yield* barisQ(builder.selectFrom('tte_akar').select('pem').orderBy('sidik_jari'))).map((r) => r.pem);
}

/** Adds a root certificate (PEM or DER) to the trust store; the same root twice is one entry. */
export function tambahAkar(db: Db, berkas: Buffer | string, sumber: 'kantor' | 'provinsi' = 'kantor'): AkarTte {
  return jalankan(db, tambahAkarK(berkas, sumber));
}

export function* tambahAkarK(berkas: Buffer | string, sumber: 'kantor' | 'provinsi' = 'kantor'): Kerja<AkarTte> {
  const isi = baca(berkas);
  let cert;
  try {
    cert = bacaSertifikat(isi);
  } catch {
    throw new AppError('AKAR_TIDAK_SAH', 'Berkas itu bukan sertifikat akar (.pem atau .crt). Minta berkas sertifikat akar BSrE dari provinsi atau BSSN.');
  }
  const der = Buffer.from(cert.toSchema().toBER(false));
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  const r = ringkasSertifikat(cert);
  const akar: AkarTte = { sidik_jari: createHash('sha256').update(der).digest('hex'), nama: r.nama || r.organisasi || '(tanpa nama)', penerbit: r.penerbit, berlaku_sampai: r.berlaku_sampai, sumber };
  yield* ubahQ(builder.insertInto('tte_akar').values({ ...akar, pem, ditambahkan_pada: new Date().toISOString() }).onConflict((oc) => oc.column('sidik_jari').doNothing()));
  return akar;
}

/**
 * The roots the province sent in the reference bundle, added to the trust store (each read as a certificate; anything
 * else, or more than 20, is left out). Returns how many it holds from the province.
 */
export function pasangAkarProvinsi(db: Db, isi: unknown): number {
  if (!Array.isArray(isi)) return 0;
  let n = 0;
  for (const pem of isi.slice(0, 20)) {
    if (typeof pem !== 'string' || pem.length > 20_000) continue;
    try {
      tambahAkar(db, Buffer.from(pem), 'provinsi');
      n++;
    } catch {
      // not a certificate: left out
    }
  }
  return n;
}

/**
 * Verifies a PDF against this office's trust store and records the verdict by the PDF's hash, through the app's
 * context: on the file or on the province's server.
 */
export async function periksaPdfLewat(x: Pelaksana, berkas: Buffer | string): Promise<HasilVerifikasi> {
  return (await periksaDanCatat(x, baca(berkas))).hasil;
}

async function periksaDanCatat(x: Pelaksana, pdf: Buffer): Promise<{ hasil: HasilVerifikasi; hash: string }> {
  const hasil = await verifikasiPdf(pdf, await x.baca(pemAkarK()));
  const hash = createHash('sha256').update(pdf).digest('hex');
  await x.tulis(() => catatPeriksaK(hash, hasil));
  return { hasil, hash };
}

/** This office's verdict on a signed PDF, kept by its hash (a later check replaces it). */
function* catatPeriksaK(hash: string, hasil: HasilVerifikasi): Kerja<void> {
  const catatan = { hasil: JSON.stringify(hasil), diperiksa_pada: new Date().toISOString() };
  yield* ubahQ(builder.insertInto('tte_periksa').values({ hash, ...catatan }).onConflict((oc) => oc.column('hash').doUpdateSet(catatan)));
}

/**
 * Attaches the signed covering letter of a proposal: it must be a PDF, it is verified offline, kept by its hash (it
 * travels to the province in the next bundle), and the proposal records signed (or not valid) with the verdict.
 */
export async function lampirkanTtd(db: Db, proposalId: string, berkas: Buffer | string): Promise<HasilVerifikasi> {
  const pdf = baca(berkas);
  const p = db.get(db.q.selectFrom('proposal').select(['id', 'tte_status']).where('id', '=', proposalId).where('deleted_at', 'is', null));
  if (!p) throw new AppError('TIDAK_DITEMUKAN', 'Proposal tidak ditemukan. Muat ulang daftar proposal.');
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('BUKAN_PDF', 'Berkas itu bukan PDF. Pilih PDF surat yang sudah ditandatangani secara elektronik.');
  const { hasil, hash } = await periksaDanCatat(pelaksanaBerkas(db), pdf);
  db.tx(() => {
    RecordWriter.forDb(db).update('proposal', proposalId, { tte_status: hasil.valid ? 'ditandatangani' : 'tidak_sah', tte_hash: hash, tte_hasil: JSON.stringify(hasil) } as never);
    tulisLampiran(db, hash, pdf);
  });
  return hasil;
}

/** The proposal's covering letter now waits for its electronic signature (exported ready for TTE). */
export function tandaiMenungguTte(db: Db, proposalId: string): void {
  const p = db.get(db.q.selectFrom('proposal').select(['tte_status']).where('id', '=', proposalId).where('deleted_at', 'is', null));
  if (p && p.tte_status !== 'ditandatangani') RecordWriter.forDb(db).update('proposal', proposalId, { tte_status: 'menunggu' } as never);
}

/** The signed PDFs this office received (in bundles) and has not yet verified itself: verified now. */
export async function periksaYangMasuk(db: Db): Promise<number> {
  const belum = db.sqlite.prepare('SELECT DISTINCT p.tte_hash AS hash FROM proposal p WHERE p.tte_hash IS NOT NULL AND p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM tte_periksa t WHERE t.hash = p.tte_hash)').all() as { hash: string }[];
  let n = 0;
  for (const { hash } of belum) {
    const pdf = bacaLampiranBerkas(db, hash);
    if (!pdf) continue;
    await periksaDanCatat(pelaksanaBerkas(db), pdf);
    n++;
  }
  return n;
}

/** This office's own verdict on a signed PDF, if it verified it. */
export function hasilPeriksa(db: Db, hash: string | null): HasilVerifikasi | null {
  return jalankan(db, hasilPeriksaK(hash));
}

export function* hasilPeriksaK(hash: string | null): Kerja<HasilVerifikasi | null> {
  if (!hash) return null;
  const r = yield* satuQ(builder.selectFrom('tte_periksa').select('hasil').where('hash', '=', hash));
  return r ? (JSON.parse(r.hasil) as HasilVerifikasi) : null;
}
