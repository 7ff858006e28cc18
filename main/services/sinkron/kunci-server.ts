import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { builder } from '../../../db/connection';
import { barisQ, ubahQ, type Kerja } from '../../../db/kueri';
import { AppError } from '../../common/errors';
import { PELINDUNG_FRASA, TANPA_PELINDUNG, type Pelindung } from './kunci';

// The province's private keys on its PostgreSQL server, which every officer's PC opens. A key wrapped by one PC
// (its device key, or the OS keychain) opens only there; on the server the keys are wrapped instead by the
// province's key phrase ("frasa kunci"), which each officer enters once and the app keeps wrapped by that PC's key,
// as it keeps the server's password. The phrase is stretched by scrypt; each key is sealed with AES-256-GCM.

const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const GARAM = 16;
const NONCE = 12;

/** A protector from the province's key phrase: salt | nonce | ciphertext | tag; a derived key kept per salt. */
export function pelindungFrasa(frasa: string): Pelindung {
  const turunan = new Map<string, Buffer>();
  const kunci = (garam: Buffer) => {
    const k = garam.toString('hex');
    let v = turunan.get(k);
    if (!v) turunan.set(k, (v = scryptSync(frasa, garam, 32, SCRYPT)));
    return v;
  };
  return {
    nama: PELINDUNG_FRASA,
    bungkus(data) {
      const garam = randomBytes(GARAM);
      const nonce = randomBytes(NONCE);
      const c = createCipheriv('aes-256-gcm', kunci(garam), nonce);
      return Buffer.concat([garam, nonce, c.update(data), c.final(), c.getAuthTag()]);
    },
    buka(data) {
      try {
        const garam = data.subarray(0, GARAM);
        const d = createDecipheriv('aes-256-gcm', kunci(garam), data.subarray(GARAM, GARAM + NONCE));
        d.setAuthTag(data.subarray(data.length - 16));
        return Buffer.concat([d.update(data.subarray(GARAM + NONCE, data.length - 16)), d.final()]);
      } catch {
        throw new AppError('FRASA_KUNCI_SALAH', 'Frasa kunci provinsi salah: kunci privat di server tidak terbuka. Periksa frasa di Pengaturan → Server basis data provinsi (atau BERMANTRA_FRASA_KUNCI). Tidak ada yang diubah.');
      }
    },
  };
}

/**
 * The protector an officer's app uses on the server: the phrase's when the officer gave it; without it, this PC's own
 * (keys not yet wrapped by the phrase open only on the PC that made them).
 */
export function pelindungServer(perangkat: Pelindung, frasa: string | null): Pelindung {
  return frasa ? pelindungFrasa(frasa) : perangkat;
}

/**
 * Wraps the province's private keys on the server by the key phrase, from whatever wraps them now (this PC's
 * protector, or none). Run once, on the PC that made the keys (or restored them), after pindah-ke-postgres.
 */
export function* bungkusKunciServerK(perangkat: Pelindung, frasa: string): Kerja<{ dibungkus: number; sudah: number }> {
  if (frasa.length < 12) throw new AppError('FRASA_PENDEK', 'Frasa kunci provinsi paling sedikit 12 huruf. Simpan frasa itu terpisah; setiap petugas provinsi memerlukannya.');
  const baru = pelindungFrasa(frasa);
  const rows = yield* barisQ(builder.selectFrom('kunci').select(['jenis', 'privat', 'pelindung']).orderBy('jenis'));
  if (!rows.length) throw new AppError('KUNCI_BELUM_ADA', 'Server belum memuat kunci provinsi. Buat kunci di berkas provinsi lalu pindahkan lagi, atau pulihkan dari cadangan kunci.');
  let dibungkus = 0;
  let sudah = 0;
  for (const r of rows) {
    const lama = r.pelindung === 'tanpa' ? TANPA_PELINDUNG : r.pelindung === PELINDUNG_FRASA ? baru : perangkat;
    if (r.pelindung !== 'tanpa' && r.pelindung !== PELINDUNG_FRASA && r.pelindung !== perangkat.nama) {
      throw new AppError('KUNCI_TERKUNCI', `Kunci ${r.jenis} di server dibungkus ${r.pelindung} komputer lain. Jalankan perintah ini di komputer yang membuat kunci provinsi.`);
    }
    // Opening proves the phrase when the key is wrapped by it already (a wrong phrase is refused, not used).
    const der = lama.buka(Buffer.from(r.privat, 'base64'));
    if (r.pelindung === PELINDUNG_FRASA) {
      sudah++;
      continue;
    }
    yield* ubahQ(builder.updateTable('kunci').set({ privat: baru.bungkus(der).toString('base64'), pelindung: PELINDUNG_FRASA }).where('jenis', '=', r.jenis));
    dibungkus++;
  }
  return { dibungkus, sudah };
}
