import { builder, type Db } from '../../../db/connection';
import { barisQ, jalankan, type Kerja } from '../../../db/kueri';
import { uuidv7 } from '../../../db/ids';
import type { SuratKeluar } from '../../common/api';
import { AppError } from '../../common/errors';
import { formatTanggal } from '../../common/format';
import { bacaPengaturan } from './pengaturan';

// The register of outgoing letters (buku agenda surat keluar). The officer types a letter's number; printing the
// letter keeps it here with its date, subject and addressee. A number is one letter's only: the same number on
// another letter is refused (say which letter has it), and reprinting a letter updates its own row.

/** Records (or updates) a printed letter's number; nothing is recorded for a letter printed without a number. */
export function catatSuratKeluar(db: Db, s: Pick<SuratKeluar, 'nomor' | 'tanggal' | 'hal' | 'tujuan' | 'jenis' | 'rujukan'>): void {
  const nomor = s.nomor.trim();
  // A district's proposal printed at the province is that district's letter, not one the province sends.
  if (!nomor || (s.jenis === 'proposal' && bacaPengaturan(db).mode === 'provinsi')) return;
  db.tx(() => {
    const lain = db.get(db.q.selectFrom('surat_keluar').selectAll().where('nomor', '=', nomor).where((w) => w.or([w('jenis', '!=', s.jenis), w('rujukan', '!=', s.rujukan)])));
    if (lain) {
      throw new AppError('NOMOR_SURAT_DIPAKAI', `Nomor ${nomor} sudah dipakai untuk surat "${lain.hal}" tanggal ${formatTanggal(lain.tanggal)}. Ambil nomor berikutnya dari buku agenda surat keluar, lalu cetak lagi.`, [{ field: 'nomor', message: 'Nomor ini sudah dipakai surat lain.' }]);
    }
    const baris = { nomor, tanggal: s.tanggal, hal: s.hal, tujuan: s.tujuan, dicatat_pada: new Date().toISOString(), operator: bacaPengaturan(db).operator || 'operator' };
    db.run(
      db.q
        .insertInto('surat_keluar')
        .values({ id: uuidv7(), jenis: s.jenis, rujukan: s.rujukan, ...baris })
        .onConflict((oc) => oc.columns(['jenis', 'rujukan']).doUpdateSet(baris)),
    );
  });
}

/** The register, newest first; or one letter's row. */
export function daftarSuratKeluar(db: Db, tahun?: number | null): SuratKeluar[] {
  return jalankan(db, daftarSuratKeluarK(tahun));
}

export function* daftarSuratKeluarK(tahun?: number | null): Kerja<SuratKeluar[]> {
  let q = builder.selectFrom('surat_keluar').select(['nomor', 'tanggal', 'hal', 'tujuan', 'jenis', 'rujukan', 'dicatat_pada', 'operator']);
  if (tahun) q = q.where('tanggal', 'like', `${tahun}-%`);
  return (yield* barisQ(q.orderBy('tanggal', 'desc').orderBy('dicatat_pada', 'desc').orderBy('nomor'))) as SuratKeluar[];
}

export function suratKeluarUntuk(db: Db, jenis: SuratKeluar['jenis'], rujukan: string): SuratKeluar | null {
  return db.get(db.q.selectFrom('surat_keluar').select(['nomor', 'tanggal', 'hal', 'tujuan', 'jenis', 'rujukan', 'dicatat_pada', 'operator']).where('jenis', '=', jenis).where('rujukan', '=', rujukan)) ?? null;
}
