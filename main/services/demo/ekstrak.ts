import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Db } from '../../../db/connection';
import { bacaPengaturan } from '../pengaturan';
import { buatNik } from '../wilayah';
import { kecamatanDi } from '../wilayah';
import { namaOrang, rng } from './demo';

/**
 * A synthetic extract matching the demo members: most present by NIK, some only by a misspelt name
 * with a different NIK, some absent; plus `rows` other people. Streams, so a million rows is fine.
 */
export async function tulisEkstrakDemo(db: Db, path: string, rows = 1000, seed = 1): Promise<{ baris: number; anggota: number }> {
  const r = rng(seed);
  const kab = bacaPengaturan(db).kabupaten_kode ?? '35.07';
  const members = db.all(db.q.selectFrom('anggota').select(['nik', 'no_kk', 'nama', 'tanggal_lahir', 'jenis_kelamin']).where('deleted_at', 'is', null));
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line + '\r\n')) await once(out, 'drain');
  };
  const tgl = (iso: string | null) => (iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : '');
  const desil = () => (r.next() < 0.75 ? r.int(1, 4) : r.int(5, 10));
  const typo = (nama: string) => {
    const i = r.int(1, nama.length - 2);
    return nama.slice(0, i) + nama[i + 1] + nama[i] + nama.slice(i + 2);
  };
  await write('NIK,NO_KK,NAMA_LENGKAP,TGL_LAHIR,JENIS_KELAMIN,KDKAB,DESIL,ID_DTKS');
  let count = 0;
  let id = 1;
  for (const m of members) {
    const p = r.next();
    if (p < 0.1) continue; // not registered
    const nik = p < 0.15 ? `${m.nik.slice(0, 12)}${String(r.int(5000, 9999))}` : m.nik; // registered under another NIK
    const nama = p < 0.15 ? typo(m.nama) : m.nama.toUpperCase();
    await write([nik, m.no_kk ?? '', `"${nama}"`, tgl(m.tanggal_lahir), m.jenis_kelamin, kab.replace('.', ''), desil(), `DTKS${String(id++).padStart(9, '0')}`].join(','));
    count++;
  }
  const kecamatan = kecamatanDi(kab).map((k) => k.kode);
  for (let i = 0; i < rows; i++) {
    const jk = r.next() < 0.5 ? 'L' : 'P';
    const lahir = `${r.int(1945, 2020)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const nik = buatNik(r.pick(kecamatan), lahir, jk, r.int(1, 9999));
    await write([nik, `${nik.slice(0, 6)}${String(r.int(1, 9999999999)).padStart(10, '0')}`, namaOrang(r, jk).toUpperCase(), tgl(lahir), jk, kab.replace('.', ''), desil(), `DTKS${String(id++).padStart(9, '0')}`].join(','));
    count++;
  }
  out.end();
  await once(out, 'finish');
  return { baris: count, anggota: members.length };
}
