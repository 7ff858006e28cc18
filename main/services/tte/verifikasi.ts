import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HasilVerifikasi, VerifikasiTandaTangan } from '../../common/api';

// Offline verification of the electronic signatures in a PDF (PAdES / adbe.pkcs7.detached, as BSrE's signing
// application writes them), with maintained libraries (pkijs, asn1js): for every signature, its byte ranges cover the
// whole file but the signature itself (or later incremental updates came after it), the digest of the signed bytes
// matches, the CMS signature verifies with the signer's certificate, that certificate chains to a root in the app's
// trust store and was valid at the signing time, embedded revocation data is noticed. No network.

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const OID = {
  signingTime: '1.2.840.113549.1.9.5',
  messageDigest: '1.2.840.113549.1.9.4',
  revocationArchival: '1.2.840.113583.1.1.8',
  cn: '2.5.4.3',
  serialNumber: '2.5.4.5',
  title: '2.5.4.12',
  o: '2.5.4.10',
  email: '1.2.840.113549.1.9.1',
};

const ab = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** The attributes of a name (subject or issuer) by OID. */
function nama(n: pkijs.RelativeDistinguishedNames): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of n.typesAndValues) out[t.type] = String((t.value as { valueBlock: { value: string } }).valueBlock.value ?? '');
  return out;
}

/** A certificate read from PEM or DER (a root the province adds). */
export function bacaSertifikat(isi: Buffer | string): pkijs.Certificate {
  const teks = typeof isi === 'string' ? isi : isi.toString('latin1');
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(teks);
  const der = pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : Buffer.isBuffer(isi) ? isi : Buffer.from(isi, 'latin1');
  const asn = asn1js.fromBER(ab(der));
  if (asn.offset === -1) throw new Error('bukan sertifikat X.509 (PEM atau DER)');
  return new pkijs.Certificate({ schema: asn.result });
}

/** What people read of a certificate: common name, NIK (serialNumber attribute), NIP (in title), organisation, validity. */
export function ringkasSertifikat(c: pkijs.Certificate): { nama: string; nik: string | null; nip: string | null; organisasi: string | null; penerbit: string; berlaku_dari: string; berlaku_sampai: string; sidik_jari?: string } {
  const s = nama(c.subject);
  const i = nama(c.issuer);
  const nip = /(\d{18})/.exec(s[OID.title] ?? '')?.[1] ?? null;
  const nik = /(\d{16})/.exec(s[OID.serialNumber] ?? '')?.[1] ?? null;
  return { nama: s[OID.cn] ?? '', nik, nip, organisasi: s[OID.o] ?? null, penerbit: i[OID.cn] ?? i[OID.o] ?? '', berlaku_dari: c.notBefore.value.toISOString(), berlaku_sampai: c.notAfter.value.toISOString() };
}

/** The signer as the certificate names them. */
function kenali(h: VerifikasiTandaTangan, c: pkijs.Certificate): void {
  const r = ringkasSertifikat(c);
  Object.assign(h, { penanda_tangan: r.nama, nik: r.nik, nip: r.nip, organisasi: r.organisasi, penerbit: r.penerbit });
}

interface Tanda {
  rentang: [number, number, number, number];
  isi: Buffer;
}

/** Every signature's ByteRange and its Contents (the hex string in the range's gap). */
function cariTanda(pdf: Buffer, teks: string): Tanda[] {
  const out: Tanda[] = [];
  for (const m of teks.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const r = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    if (r[1] >= r[2] || r[2] > pdf.length) continue;
    const hex = teks.slice(r[0] + r[1], r[2]).replace(/^\s*</, '').replace(/>\s*$/, '');
    if (!/^[0-9a-fA-F\s]*$/.test(hex)) continue;
    out.push({ rentang: r, isi: Buffer.from(hex.replace(/\s+/g, ''), 'hex') });
  }
  return out;
}

/** Verifies one signature against the file and the trusted roots; the reasons say what failed, in Indonesian. */
async function verifikasiSatu(pdf: Buffer, t: Tanda, akar: pkijs.Certificate[], sekarang: Date, ditutupTtdLain: boolean, adaDss: boolean): Promise<VerifikasiTandaTangan> {
  const [a, b, c, d] = t.rentang;
  const alasan: string[] = [];
  const seluruh = a === 0 && c + d === pdf.length;
  // Bytes after this signature that no later signature covering the whole file accounts for: changed after signing.
  const diubah = a === 0 && c + d < pdf.length && !ditutupTtdLain;
  const hasil: VerifikasiTandaTangan = {
    penanda_tangan: '',
    nik: null,
    nip: null,
    organisasi: null,
    penerbit: '',
    waktu: null,
    utuh: false,
    sah: false,
    dipercaya: false,
    kedaluwarsa: false,
    seluruh_dokumen: seluruh,
    diubah_setelah_ttd: diubah,
    data_pencabutan: false,
    valid: false,
    alasan,
  };
  if (a !== 0 || c + d > pdf.length) alasan.push('Rentang bita tanda tangan tidak mulai dari awal berkas atau melampaui ujungnya.');
  const asn = asn1js.fromBER(ab(t.isi));
  let sd: pkijs.SignedData;
  try {
    if (asn.offset === -1) throw new Error('DER');
    const ci = new pkijs.ContentInfo({ schema: asn.result });
    sd = new pkijs.SignedData({ schema: ci.content });
  } catch {
    alasan.push('Isi tanda tangan bukan CMS/PKCS#7 yang dapat dibaca.');
    return hasil;
  }
  const signer = sd.signerInfos[0];
  const atribut = signer?.signedAttrs?.attributes ?? [];
  const waktu = atribut.find((x) => x.type === OID.signingTime)?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  hasil.waktu = waktu ? waktu.toDate().toISOString() : null;
  hasil.data_pencabutan = atribut.some((x) => x.type === OID.revocationArchival) || (sd.crls?.length ?? 0) > 0 || adaDss;
  const data = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const sertifikat = (sd.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
  try {
    const v = await sd.verify({ signer: 0, data: ab(data), extendedMode: true, checkChain: false });
    hasil.utuh = hasil.sah = v.signatureVerified === true;
    if (!hasil.sah) alasan.push('Isi dokumen tidak sama dengan yang ditandatangani, atau tanda tangan kriptografisnya tidak sah.');
    if (v.signerCertificate) kenali(hasil, v.signerCertificate);
  } catch (e) {
    const err = e as { signerCertificate?: pkijs.Certificate | null; message?: string };
    if (err.signerCertificate) kenali(hasil, err.signerCertificate);
    alasan.push(/digest/i.test(String(err.message)) ? 'Isi dokumen tidak sama dengan yang ditandatangani (ringkasan tidak cocok).' : 'Tanda tangan kriptografis tidak sah.');
  }
  // The signer's certificate: valid at the signing time, and chaining to a trusted root.
  const cert = sertifikat.find((x) => ringkasSertifikat(x).nama === hasil.penanda_tangan) ?? sertifikat[0];
  if (cert) {
    const saat = hasil.waktu ? new Date(hasil.waktu) : sekarang;
    hasil.kedaluwarsa = saat > cert.notAfter.value || saat < cert.notBefore.value || sekarang > cert.notAfter.value;
    if (hasil.kedaluwarsa) alasan.push(`Sertifikat penanda tangan tidak berlaku (berlaku ${cert.notBefore.value.toISOString().slice(0, 10)} s.d. ${cert.notAfter.value.toISOString().slice(0, 10)}).`);
    if (akar.length) {
      try {
        const rantai = new pkijs.CertificateChainValidationEngine({ trustedCerts: akar, certs: [...sertifikat], checkDate: saat });
        const r = await rantai.verify();
        hasil.dipercaya = r.result === true;
      } catch {
        hasil.dipercaya = false;
      }
    }
    if (!hasil.dipercaya) alasan.push(akar.length ? `Penerbit sertifikat (${hasil.penerbit}) tidak dipercaya: tidak berantai ke akar yang terpasang.` : 'Belum ada akar tepercaya di aplikasi: provinsi memasangnya dengan "tte akar tambah" dan mengirimkannya lewat bundel referensi.');
  } else alasan.push('Tanda tangan tidak memuat sertifikat penanda tangan.');
  if (diubah) alasan.push('Berkas diubah setelah ditandatangani (ada pembaruan sesudah tanda tangan ini).');
  hasil.valid = hasil.sah && hasil.dipercaya && !hasil.kedaluwarsa && !diubah && a === 0 && c + d <= pdf.length;
  return hasil;
}

/**
 * Every signature of a PDF, and the verdict: valid only when there is at least one signature, every signature is
 * valid and trusted, and the last one covers the whole file (nothing was changed after the last signing).
 */
export async function verifikasiPdf(pdf: Buffer, akarPem: string[], sekarang = new Date()): Promise<HasilVerifikasi> {
  const akar = akarPem.map((p) => bacaSertifikat(p));
  // The file as text once: the signatures' ranges and whether it holds a DSS (revocation data) are read from it.
  const teks = pdf.toString('latin1');
  const tanda = cariTanda(pdf, teks);
  const adaDss = /\/DSS\s/.test(teks);
  const akhir = tanda.at(-1)?.rentang;
  const terakhirSeluruh = !!akhir && akhir[0] === 0 && akhir[2] + akhir[3] === pdf.length;
  const hasil: VerifikasiTandaTangan[] = [];
  for (const [i, t] of tanda.entries()) hasil.push(await verifikasiSatu(pdf, t, akar, sekarang, terakhirSeluruh && i < tanda.length - 1, adaDss));
  const valid = hasil.length > 0 && hasil.every((h) => h.valid) && terakhirSeluruh;
  const ringkasan = !hasil.length
    ? 'Berkas ini tidak memuat tanda tangan elektronik.'
    : valid
      ? `${hasil.length} tanda tangan elektronik sah dan tepercaya; dokumen tidak berubah sejak ditandatangani.`
      : `Tanda tangan elektronik tidak sah: ${[...new Set(hasil.flatMap((h) => h.alasan))].join(' ')}`;
  return { valid, tanda_tangan: hasil, ringkasan };
}
