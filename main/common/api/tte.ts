import { z } from 'zod';
import { method, type FileRef } from '../contract-kit';
import { fileRef, id } from './isian';

// Electronic signatures (TTE, BSrE): letters exported ready for signing, the signed PDF attached and verified offline
// against the trust store (roots the province adds and sends in the reference bundle).

/** One signature of a PDF, as verified here. */
export interface VerifikasiTandaTangan {
  penanda_tangan: string;
  /** From the certificate where present: NIK (serialNumber), NIP (in title), organisation. */
  nik: string | null;
  nip: string | null;
  organisasi: string | null;
  penerbit: string;
  /** Signing time (signed attribute), ISO. */
  waktu: string | null;
  /** The signed bytes' digest matches. */
  utuh: boolean;
  /** The CMS signature verifies with the signer's certificate. */
  sah: boolean;
  /** The certificate chains to a root in the app's trust store. */
  dipercaya: boolean;
  kedaluwarsa: boolean;
  /** Its byte ranges cover the whole file but the signature. */
  seluruh_dokumen: boolean;
  /** Incremental updates were appended after this signature. */
  diubah_setelah_ttd: boolean;
  /** Revocation data (CRL/OCSP, DSS) embedded. */
  data_pencabutan: boolean;
  valid: boolean;
  alasan: string[];
}

export interface HasilVerifikasi {
  /** Every signature valid and trusted, and nothing changed after the last one. */
  valid: boolean;
  tanda_tangan: VerifikasiTandaTangan[];
  ringkasan: string;
}

/** A root in the trust store. */
export interface AkarTte {
  sidik_jari: string;
  nama: string;
  penerbit: string;
  berlaku_sampai: string;
  sumber: 'kantor' | 'provinsi';
}

export const tteApi = {
  'tte.akar': method(z.object({})).reads<AkarTte[]>(),
  'tte.tambahAkar': method(z.object({ berkas: fileRef })).writes<AkarTte>(),
  'dokumen.verifikasi': method(z.object({ berkas: fileRef })).reads<HasilVerifikasi>(),
  /** Attaches the signed PDF of a proposal's covering letter: verified, kept, the verdict recorded on the proposal. */
  'proposal.ttd': method(z.object({ id, berkas: fileRef })).writes<HasilVerifikasi>(),
};

export type { FileRef };
