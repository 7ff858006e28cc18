import { builder, type Db } from '../../../db/connection';
import { barisQ, jalankan, type Kerja } from '../../../db/kueri';
import type { AuditEntry } from '../../common/records';

/** The audit trail of one record, newest first: by id, which increases in the order entries were written. */
export function riwayat(db: Db, tabel: string, rowId: string): AuditEntry[] {
  return jalankan(db, riwayatK(tabel, rowId));
}

export function* riwayatK(tabel: string, rowId: string): Kerja<AuditEntry[]> {
  return (yield* barisQ(builder.selectFrom('audit').select(['id', 'waktu', 'operator', 'tabel', 'row_id', 'aksi', 'perubahan', 'alasan']).where('tabel', '=', tabel).where('row_id', '=', rowId).orderBy('id', 'desc')))
    .map((r) => ({ ...r, aksi: r.aksi as AuditEntry['aksi'], perubahan: JSON.parse(r.perubahan) as AuditEntry['perubahan'] }));
}
