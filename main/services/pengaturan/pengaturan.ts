import type { Db } from '../../../db/connection';
import { AppError } from '../../common/errors';
import type { Mode, Pengaturan } from '../../common/records';
import { namaWilayah } from '../wilayah/wilayah';

const KUNCI = ['mode', 'kabupaten_kode', 'operator', 'nama_instansi', 'alamat_instansi', 'kota_surat', 'telepon', 'email', 'kepala_nama', 'kepala_nip', 'kepala_jabatan'] as const;
type Kunci = (typeof KUNCI)[number];

export type PengaturanInput = Omit<Pengaturan, 'mode' | 'kabupaten_kode' | 'kabupaten_nama'>;

export function bacaPengaturan(db: Db): Pengaturan {
  const rows = db.all(db.q.selectFrom('pengaturan').select(['kunci', 'nilai']));
  const map = new Map(rows.map((r) => [r.kunci, r.nilai]));
  const get = (k: Kunci) => map.get(k) ?? '';
  const mode = (get('mode') || null) as Mode | null;
  const kabupaten = get('kabupaten_kode') || null;
  return {
    mode,
    kabupaten_kode: kabupaten,
    kabupaten_nama: mode === 'provinsi' ? 'Provinsi Jawa Timur' : namaWilayah(kabupaten),
    operator: get('operator'),
    nama_instansi: get('nama_instansi'),
    alamat_instansi: get('alamat_instansi'),
    kota_surat: get('kota_surat'),
    telepon: get('telepon'),
    email: get('email'),
    kepala_nama: get('kepala_nama'),
    kepala_nip: get('kepala_nip'),
    kepala_jabatan: get('kepala_jabatan'),
  };
}

function tulis(db: Db, values: Partial<Record<Kunci, string>>): void {
  db.tx(() => {
    for (const [kunci, nilai] of Object.entries(values)) {
      if (nilai === undefined) continue;
      db.run(db.q.insertInto('pengaturan').values({ kunci, nilai }).onConflict((oc) => oc.column('kunci').doUpdateSet({ nilai })));
    }
  });
}

/**
 * First run: which installation this is. A kabupaten/kota of Jawa Timur, or the province ("35").
 * Cannot be changed once set, because every record carries the owner's code.
 */
export function setup(db: Db, input: PengaturanInput & { mode: Mode; kabupaten_kode: string | null }): Pengaturan {
  const current = bacaPengaturan(db);
  if (current.mode) {
    throw new AppError('SUDAH_DISIAPKAN', `Aplikasi ini sudah disiapkan untuk ${current.kabupaten_nama}. Wilayah tidak dapat diganti; ubah data kantor di menu Pengaturan.`);
  }
  let kode: string;
  if (input.mode === 'provinsi') kode = '35';
  else {
    if (!input.kabupaten_kode || !input.kabupaten_kode.startsWith('35.') || !namaWilayah(input.kabupaten_kode)) {
      throw new AppError('WILAYAH_TIDAK_DIKENAL', 'Pilih kabupaten/kota di Jawa Timur dari daftar.', [{ field: 'kabupaten_kode', message: 'Pilih kabupaten/kota.' }]);
    }
    kode = input.kabupaten_kode;
  }
  const nama = input.mode === 'provinsi' ? 'Jawa Timur' : namaWilayah(kode)!.replace(/^(Kabupaten|Kota) /, '');
  tulis(db, {
    ...input,
    mode: input.mode,
    kabupaten_kode: kode,
    kota_surat: input.kota_surat || (input.mode === 'provinsi' ? 'Surabaya' : nama),
    nama_instansi: input.nama_instansi || (input.mode === 'provinsi' ? 'Badan Perencanaan Pembangunan Daerah Provinsi Jawa Timur' : `Badan Perencanaan Pembangunan Daerah ${namaWilayah(kode)}`),
  });
  return bacaPengaturan(db);
}

export function simpanPengaturan(db: Db, input: PengaturanInput): Pengaturan {
  if (!bacaPengaturan(db).mode) throw new AppError('BELUM_DISIAPKAN', 'Selesaikan layar Persiapan lebih dulu.');
  tulis(db, input);
  return bacaPengaturan(db);
}

/** The kabupaten this installation owns; throws the setup message when it has none yet. */
export function kabupatenAktif(db: Db): string {
  const p = bacaPengaturan(db);
  if (!p.kabupaten_kode) throw new AppError('BELUM_DISIAPKAN', 'Aplikasi belum disiapkan. Pilih kabupaten/kota atau mode provinsi pada layar Persiapan lebih dulu.');
  return p.kabupaten_kode;
}
