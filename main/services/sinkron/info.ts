import { builder } from '../../../db/connection';
import { barisQ, satu, satuQ, type Kerja } from '../../../db/kueri';
import type { InfoSinkron } from '../../common/api';
import { sidikJari } from './kunci';
import { pengaturanK } from '../pengaturan';

/** What the Sinkronisasi screen shows: own fingerprint, registered partners, what is not yet acknowledged. */
export function* infoSinkronK(): Kerja<InfoSinkron> {
  const p = yield* pengaturanK();
  const sign = (yield* satuQ(builder.selectFrom('kunci').select('publik').where('jenis', '=', 'tanda_tangan')))?.publik ?? null;
  const ackCl = Number((yield* satuQ(builder.selectFrom('pengaturan').select('nilai').where('kunci', '=', 'ack_cl')))?.nilai ?? 0);
  const pending = (yield* satu<{ n: number }>('SELECT count(*) AS n FROM change_log WHERE seq > ?', [ackCl]))!.n;
  return {
    mode: p.mode,
    punyaKunci: sign !== null,
    sidik_jari: sign ? sidikJari(sign) : null,
    pihak: yield* barisQ(builder.selectFrom('pihak_sinkron').select(['kode', 'nama', 'sidik_jari', 'didaftarkan_pada']).orderBy('kode')),
    ack_cl: ackCl,
    identitas_disimpan_pada: (yield* satuQ(builder.selectFrom('pengaturan').select('nilai').where('kunci', '=', 'identitas_disimpan_pada')))?.nilai ?? null,
    perubahan_belum_dikirim: pending,
    bundel_keluar: (yield* barisQ(builder.selectFrom('bundle_keluar').select(['seq', 'penuh', 'ukuran', 'nama_berkas', 'dibuat_pada']).orderBy('seq', 'desc').limit(20))).map((b) => ({ ...b, penuh: b.penuh === 1 })),
  };
}
