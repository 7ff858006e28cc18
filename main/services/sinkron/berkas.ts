import { readFileSync, writeFileSync } from 'node:fs';
import type { Db } from '../../../db/connection';
import { bacaIdentitas, type Identitas, type Pelindung, cadangkanKunci, identitas, pulihkanKunci } from './kunci';
import { simpanNilai } from '../pengaturan';
import { periksaBundel } from './amplop';
import { imporBundel } from './impor';
import { periksaYangMasuk } from '../tte';

// The sync files a person picks or saves (identity, key backup, bundles), by path: the API handlers only
// resolve a picked file or name a new one (`keluar`), and these read and write them.

/** Where a new file goes: the caller names it, the file store gives its path (and later its reference). */
export type Keluar<T extends { path: string }> = (nama: string) => T;

/** This installation's identity file (.bmid), to send to the other side. */
export function eksporIdentitas<T extends { path: string }>(db: Db, pelindung: Pelindung, keluar: Keluar<T>): T {
  const out = tulisIdentitas(identitas(db, pelindung), keluar);
  // The sync guide's step "send the identity file" ticks from here.
  simpanNilai(db, 'identitas_disimpan_pada', new Date().toISOString());
  return out;
}

/** An identity (made by `identitas` or, on the province's server, `identitasDari`) written as its .bmid file. */
export function tulisIdentitas<T extends { path: string }>(id: Identitas, keluar: Keluar<T>): T {
  const out = keluar(`identitas-${id.kode}.bmid`);
  writeFileSync(out.path, JSON.stringify(id, null, 2));
  return out;
}

/** The keys, wrapped by a passphrase, as a .bmkey file. */
export function cadangkanKunciKe<T extends { path: string }>(db: Db, pelindung: Pelindung, frasa: string, keluar: Keluar<T>): T {
  const isi = cadangkanKunci(db, pelindung, frasa);
  const out = keluar(`cadangan-kunci-${identitas(db, pelindung).kode}.bmkey`);
  writeFileSync(out.path, isi);
  return out;
}

export function pulihkanKunciDari(db: Db, pelindung: Pelindung, path: string, frasa: string): { sidik_jari: string } {
  pulihkanKunci(db, pelindung, readFileSync(path, 'utf8'), frasa);
  return { sidik_jari: identitas(db, pelindung).sidik_jari };
}

/** An identity file (.bmid) read and its signature checked (registered by `daftarkanPihakK` on the file or the server). */
export function bacaIdentitasDari(path: string): Identitas {
  return bacaIdentitas(readFileSync(path, 'utf8'));
}

export function periksaBundelDari(path: string, nama: string) {
  return periksaBundel(readFileSync(path), nama);
}

/** Imports a bundle from a file; signed letters that came in are then verified here too (the province's own verdict). */
export async function imporBundelDari(db: Db, pelindung: Pelindung, path: string, opsi: { nama: string; dryRun?: boolean; percayai?: string | null; operator?: string | null }) {
  const hasil = imporBundel(db, pelindung, readFileSync(path), opsi);
  if (hasil.dryRun || hasil.jenis !== 'data') return hasil;
  const diperiksa = await periksaYangMasuk(db);
  return diperiksa ? { ...hasil, pesan: `${hasil.pesan} ${diperiksa} surat bertanda tangan elektronik diverifikasi ulang di sini.` } : hasil;
}
