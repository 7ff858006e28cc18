import type { Db } from '../../../db/connection';
import type { InfoSinkron } from '../../common/api';
import { adaKunci, kunciPublik, sidikJari } from './kunci';
import { bacaPengaturan } from '../pengaturan';

/** What the Sinkronisasi screen shows: own fingerprint, registered partners, what is not yet acknowledged. */
export function infoSinkron(db: Db): InfoSinkron {
  const p = bacaPengaturan(db);
  const sign = kunciPublik(db, 'tanda_tangan');
  const ackCl = Number(db.get(db.q.selectFrom('pengaturan').select('nilai').where('kunci', '=', 'ack_cl'))?.nilai ?? 0);
  const pending = (db.sqlite.prepare('SELECT count(*) AS n FROM change_log WHERE seq > ?').get(ackCl) as { n: number }).n;
  return {
    mode: p.mode,
    punyaKunci: adaKunci(db),
    sidik_jari: sign ? sidikJari(sign) : null,
    pihak: db.all(db.q.selectFrom('pihak_sinkron').select(['kode', 'nama', 'sidik_jari', 'didaftarkan_pada']).orderBy('kode')),
    ack_cl: ackCl,
    identitas_disimpan_pada: db.get(db.q.selectFrom('pengaturan').select('nilai').where('kunci', '=', 'identitas_disimpan_pada'))?.nilai ?? null,
    perubahan_belum_dikirim: pending,
    bundel_keluar: db.all(db.q.selectFrom('bundle_keluar').select(['seq', 'penuh', 'ukuran', 'nama_berkas', 'dibuat_pada']).orderBy('seq', 'desc').limit(20)).map((b) => ({ ...b, penuh: b.penuh === 1 })),
  };
}
