import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';

// Signed-PDF fixtures for the verifier's tests, made in the test with openssl: a test root CA standing in for BSrE,
// signer certificates (valid; expired; issued by a root the app does not trust) and PKCS#12 files, and PDFs signed with
// a maintained signing library (@signpdf), used only here. Nothing of this ships with the app.

export interface CaUji {
  dir: string;
  /** The trusted test root (PEM), and the one the app does not trust. */
  akar: string;
  akarLain: string;
  p12: { sah: Buffer; kedaluwarsa: Buffer; takDipercaya: Buffer; kedua: Buffer };
}

const PASS = 'uji';

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function akar(dir: string, nama: string, cn: string): void {
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${nama}.key`, '-out', `${nama}.pem`, '-days', '3650', '-subj', `/CN=${cn}/O=Uji Bermantra/C=ID`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
}

/** A signer's certificate from a root, with the dates given (YYYYMMDDHHMMSSZ), and its PKCS#12 (3DES, as node-forge reads). */
function penanda(dir: string, nama: string, dariAkar: string, subjek: string, mulai: string, sampai: string): Buffer {
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${nama}.key`, '-out', `${nama}.csr`, '-subj', subjek]);
  mkdirSync(join(dir, `${nama}-ca`), { recursive: true });
  writeFileSync(join(dir, `${nama}-ca`, 'index.txt'), '');
  writeFileSync(join(dir, `${nama}-ca`, 'serial'), `${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}\n`);
  writeFileSync(
    join(dir, `${nama}.cnf`),
    `[ca]\ndefault_ca=uji\n[uji]\ndir=${nama}-ca\ndatabase=$dir/index.txt\nserial=$dir/serial\nnew_certs_dir=$dir\ndefault_md=sha256\npolicy=bebas\nunique_subject=no\ncopy_extensions=none\nx509_extensions=ttd\n[bebas]\ncommonName=supplied\n[ttd]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection\nauthorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n`,
  );
  openssl(dir, ['ca', '-batch', '-config', `${nama}.cnf`, '-cert', `${dariAkar}.pem`, '-keyfile', `${dariAkar}.key`, '-in', `${nama}.csr`, '-out', `${nama}.pem`, '-startdate', mulai, '-enddate', sampai, '-notext', '-preserveDN']);
  openssl(dir, ['pkcs12', '-export', '-inkey', `${nama}.key`, '-in', `${nama}.pem`, '-certfile', `${dariAkar}.pem`, '-out', `${nama}.p12`, '-passout', `pass:${PASS}`, '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']);
  return readFileSync(join(dir, `${nama}.p12`));
}

export function buatCaUji(dir: string): CaUji {
  mkdirSync(dir, { recursive: true });
  akar(dir, 'akar', 'BSrE Uji Root CA');
  akar(dir, 'akar-lain', 'CA Tak Dikenal');
  const subjek = (cn: string, nik: string, nip: string) => `/CN=${cn}/serialNumber=${nik}/title=NIP ${nip}/O=Pemerintah Kabupaten Malang/C=ID`;
  const tahun = new Date().getUTCFullYear();
  return {
    dir,
    akar: readFileSync(join(dir, 'akar.pem'), 'utf8'),
    akarLain: readFileSync(join(dir, 'akar-lain.pem'), 'utf8'),
    p12: {
      sah: penanda(dir, 'budi', 'akar', subjek('Dr. Ir. Budi Santoso, M.T.', '3507011204700001', '197001012000031001'), `${tahun - 1}0101000000Z`, `${tahun + 2}0101000000Z`),
      kedaluwarsa: penanda(dir, 'lama', 'akar', subjek('Drs. Lama Sekali', '3507011204600002', '196001011990031002'), '20200101000000Z', '20210101000000Z'),
      takDipercaya: penanda(dir, 'asing', 'akar-lain', subjek('Orang Asing', '3507011204800003', '198001012005031003'), `${tahun - 1}0101000000Z`, `${tahun + 2}0101000000Z`),
      kedua: penanda(dir, 'siti', 'akar', subjek('Siti Aminah, S.E., M.M.', '3507014502750004', '197502022001122002'), `${tahun - 1}0101000000Z`, `${tahun + 2}0101000000Z`),
    },
  };
}

/** Signs a PDF (a new incremental update with the signature), as the office's signing application would. */
export async function tandatangani(pdf: Buffer, p12: Buffer, nama = 'Penanda tangan'): Promise<Buffer> {
  const dengan = plainAddPlaceholder({ pdfBuffer: pdf, reason: 'Disetujui', contactInfo: 'uji@example.go.id', name: nama, location: 'Malang', signatureLength: 8192 });
  return Buffer.from(await new SignPdf().sign(dengan, new P12Signer(p12, { passphrase: PASS })));
}

/** Something appended after signing: an incremental update that changes the document's title. */
export function ubahSetelahTtd(pdf: Buffer): Buffer {
  const teks = pdf.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(teks)![1]);
  const root = /\/Root\s+(\d+ \d+ R)/.exec(teks.slice(teks.lastIndexOf('trailer')))![1];
  const size = Number([...teks.matchAll(/\/Size\s+(\d+)/g)].at(-1)![1]);
  const obj = `${size} 0 obj\n<< /Title (Diubah setelah ditandatangani) >>\nendobj\n`;
  const awal = pdf.length + 1;
  const xref = awal + obj.length;
  const tambahan = `\n${obj}xref\n${size} 1\n${String(awal).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${startxref} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(tambahan, 'latin1')]);
}

/** poppler's verdict on each signature: the lines pdfsig prints, by signature number. */
export function pdfsig(file: string, akarDipercaya?: string): { tanda: string; sah: boolean; dipercaya: boolean; kedaluwarsa: boolean; seluruh: boolean; penanda: string }[] {
  const args = akarDipercaya ? ['-nssdir', akarDipercaya, file] : [file];
  let out: string;
  try {
    out = execFileSync('pdfsig', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  return out
    .split(/^Signature #\d+:/m)
    .slice(1)
    .map((b) => ({
      tanda: b,
      sah: /Signature Validation: Signature is Valid/.test(b),
      dipercaya: /Certificate Validation: Certificate is Trusted/.test(b),
      kedaluwarsa: /Certificate Validation: Certificate has Expired/.test(b),
      seluruh: /Total document signed/.test(b) && !/not total document signed/i.test(b),
      penanda: /Signer Certificate Common Name: (.*)/.exec(b)?.[1]?.trim() ?? '',
    }));
}
