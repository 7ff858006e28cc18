import type { ParsedInput } from '../../common/api';
import { isianDari } from '../../common/register';
import { sql } from 'kysely';
import { builder, type Db } from '../../../db/connection';
import { barisQ, jalankan, satuQ, type Kerja } from '../../../db/kueri';
import { RecordWriter } from '../../../db/write';
import { AppError } from '../../common/errors';
import { DINAS_AWAL, ISIAN_SURAT, TEMPLAT_SURAT_AWAL, batasPengembalian, hitungKelayakan, isianTakDikenal, type TemplatSurat, susunRab, type IsiProposal, type ProposalDetail, type ProposalRow, type Proyeksi, type RabItem, type StatusProposal } from '../../common/proposal';
import { terbilangRupiah } from '../../common/terbilang';
import { daftarLaporanK } from '../laporan';
import { pengaturanK, simpanNilai, simpanNilaiK } from '../pengaturan';
import { namaWilayah } from '../wilayah';
import { hasilPeriksaK } from '../tte';
import type { HasilVerifikasi } from '../../common/api';

function rows() {
  return builder
    .selectFrom('proposal as p')
    .innerJoin('kelompok as k', 'k.id', 'p.kelompok_id')
    .where('p.deleted_at', 'is', null)
    .select(['p.id', 'p.kelompok_id', 'k.nama as kelompok_nama', 'p.judul', 'p.status', 'p.nilai_disetujui', 'p.nomor_surat', 'p.tanggal', 'p.dinas', 'p.updated_at'])
    .select(sql<number>`(SELECT coalesce(sum(round(r.volume * r.harga_satuan)), 0) FROM rab_item r WHERE r.proposal_id = p.id AND r.deleted_at IS NULL)`.as('total_rab'))
    .select(sql<number>`(SELECT count(*) FROM rab_item r WHERE r.proposal_id = p.id AND r.deleted_at IS NULL)`.as('jumlah_item'));
}

/** The proposals (a district's own; at the province every district's, read-only), on the file or the server. */
export function* daftarProposalK(filter: { kelompok?: string | null; status?: StatusProposal | null } = {}): Kerja<ProposalRow[]> {
  return yield* barisQ(
    rows()
      .$if(!!filter.kelompok, (q) => q.where('p.kelompok_id', '=', filter.kelompok!))
      .$if(!!filter.status, (q) => q.where('p.status', '=', filter.status!))
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.id'),
  );
}

export function itemRab(db: Db, proposalId: string): RabItem[] {
  return jalankan(db, itemRabK(proposalId));
}

function* itemRabK(proposalId: string): Kerja<RabItem[]> {
  return yield* barisQ(
    builder
      .selectFrom('rab_item')
      .select(['id', 'kelompok_belanja', 'uraian', 'volume', 'satuan', 'harga_satuan'])
      .where('proposal_id', '=', proposalId)
      .where('deleted_at', 'is', null)
      .orderBy('urutan'),
  );
}

export function ambilProposal(db: Db, id: string): ProposalDetail {
  return jalankan(db, ambilProposalK(id));
}

export function* ambilProposalK(id: string): Kerja<ProposalDetail> {
  const row = yield* satuQ(rows().where('p.id', '=', id));
  const full = yield* satuQ(builder.selectFrom('proposal').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!row || !full) throw new AppError('TIDAK_DITEMUKAN', 'Proposal tidak ditemukan. Muat ulang daftar.');
  const k = (yield* satuQ(
    builder
      .selectFrom('kelompok as k')
      .leftJoin('fasilitator as f', 'f.id', 'k.fasilitator_id')
      .select(['k.nama', 'k.desa_kode', 'k.kecamatan_kode', 'k.sektor', 'k.produk_utama', 'k.tahun_berdiri', 'f.nama as fasilitator'])
      .where('k.id', '=', full.kelompok_id),
  ))!;
  const anggota = yield* barisQ(builder.selectFrom('anggota').select(['nama', 'jabatan']).where('kelompok_id', '=', full.kelompok_id).where('deleted_at', 'is', null).orderBy('id'));
  const order = ['ketua', 'sekretaris', 'bendahara'];
  const items = yield* itemRabK(id);
  const rab = susunRab(items);
  const proyeksi = JSON.parse(full.proyeksi) as Proyeksi;
  const omzet = full.sertakan_omzet
    ? (yield* daftarLaporanK({ kelompok: full.kelompok_id, status: ['diajukan', 'diverifikasi'] }))
        .slice(-12)
        .map((r) => ({ periode: r.periode, omzet: Number(r.nilai.omzet ?? 0), laba: typeof r.nilai.laba === 'number' ? r.nilai.laba : null }))
    : [];
  return {
    ...row,
    tempat: full.tempat,
    lampiran: full.lampiran,
    perihal: full.perihal,
    kepala_desa: full.kepala_desa,
    sertakan_omzet: full.sertakan_omzet === 1,
    tte: { status: full.tte_status ?? null, hash: full.tte_hash ?? null, hasil: full.tte_hasil ? (JSON.parse(full.tte_hasil) as HasilVerifikasi) : null, periksa: yield* hasilPeriksaK(full.tte_hash ?? null) },
    isi: JSON.parse(full.isi) as IsiProposal,
    proyeksi,
    kelayakan: hitungKelayakan(proyeksi, items, batasPengembalian((yield* pengaturanK()).batas_pengembalian_bulan)),
    rab: { items, groups: rab.groups, total: rab.total, terbilang: terbilangRupiah(rab.total) },
    profil: {
      nama: k.nama,
      desa: namaWilayah(k.desa_kode) ?? k.desa_kode,
      kecamatan: namaWilayah(k.kecamatan_kode) ?? k.kecamatan_kode,
      sektor: k.sektor,
      produk_utama: k.produk_utama,
      tahun_berdiri: k.tahun_berdiri,
      fasilitator: k.fasilitator,
      jumlah_anggota: anggota.length,
      pengurus: anggota.filter((a) => a.jabatan !== 'anggota').sort((a, b) => order.indexOf(a.jabatan) - order.indexOf(b.jabatan)),
    },
    omzet,
  };
}

/** What the proposal form sends (common/api/proposal.ts, from the register). */
export type ProposalInput = ParsedInput<'proposal.simpan'>;

function pastikanDraft(db: Db, id: string): void {
  const p = db.get(db.q.selectFrom('proposal').select('status').where('id', '=', id).where('deleted_at', 'is', null));
  if (!p) throw new AppError('TIDAK_DITEMUKAN', 'Proposal tidak ditemukan. Muat ulang daftar.');
  if (p.status !== 'draft') throw new AppError('PROPOSAL_TERKUNCI', `Proposal berstatus ${p.status} tidak dapat diubah. Kembalikan ke draft dulu bila perlu perbaikan.`);
}

export function simpanProposal(db: Db, input: ProposalInput): { id: string } {
  const writer = RecordWriter.forDb(db);
  const k = db.get(db.q.selectFrom('kelompok').select('id').where('id', '=', input.kelompok_id).where('deleted_at', 'is', null));
  if (!k) throw new AppError('TIDAK_DITEMUKAN', 'Kelompok pengusul tidak ditemukan. Pilih kelompok dari daftar.', [{ field: 'kelompok_id', message: 'Pilih kelompok.' }]);
  const values = { ...isianDari('proposal', input), isi: JSON.stringify(input.isi), proyeksi: JSON.stringify(input.proyeksi) };
  if (input.id) {
    pastikanDraft(db, input.id);
    writer.update('proposal', input.id, values);
    return { id: input.id };
  }
  return { id: writer.insert('proposal', { ...values, status: 'draft' }) };
}

/** Replaces the RAB with the given rows in one transaction: kept rows are updated, removed ones tombstoned. */
export function simpanRab(db: Db, proposalId: string, items: RabItem[]): { total: number } {
  pastikanDraft(db, proposalId);
  const writer = RecordWriter.forDb(db);
  const existing = new Set(itemRab(db, proposalId).map((i) => i.id!));
  db.tx(() => {
    const kept = new Set<string>();
    items.forEach((item, urutan) => {
      const values = { ...isianDari('rab_item', item), proposal_id: proposalId, urutan };
      if (item.id && existing.has(item.id)) {
        writer.update('rab_item', item.id, values);
        kept.add(item.id);
      } else writer.insert('rab_item', values);
    });
    for (const id of existing) if (!kept.has(id)) writer.remove('rab_item', id);
  });
  return { total: susunRab(items).total };
}

export function ubahStatusProposal(db: Db, id: string, status: StatusProposal, nilaiDisetujui: number | null): void {
  const current = db.get(db.q.selectFrom('proposal').select('status').where('id', '=', id).where('deleted_at', 'is', null));
  if (!current) throw new AppError('TIDAK_DITEMUKAN', 'Proposal tidak ditemukan.');
  if (status === 'disetujui' && (nilaiDisetujui === null || nilaiDisetujui <= 0)) {
    throw new AppError('NILAI_WAJIB', 'Isi nilai yang disetujui (Rupiah) untuk proposal yang disetujui.', [{ field: 'nilai_disetujui', message: 'Isi nilai yang disetujui.' }]);
  }
  if (status === 'diajukan' && itemRab(db, id).length === 0) throw new AppError('RAB_KOSONG', 'RAB masih kosong. Isi RAB sebelum mengajukan proposal.');
  RecordWriter.forDb(db).update('proposal', id, { status, nilai_disetujui: status === 'disetujui' ? nilaiDisetujui : null });
}

/** The Dinas a proposal can be addressed to (c.q.): editable per installation. */
export function daftarDinas(db: Db): string[] {
  return jalankan(db, daftarDinasK());
}

export function* daftarDinasK(): Kerja<string[]> {
  const row = yield* satuQ(builder.selectFrom('pengaturan').select('nilai').where('kunci', '=', 'daftar_dinas'));
  return row ? (JSON.parse(row.nilai) as string[]) : [...DINAS_AWAL];
}

export function simpanDaftarDinas(db: Db, daftar: string[]): string[] {
  return jalankan(db, simpanDaftarDinasK(daftar));
}

export function* simpanDaftarDinasK(daftar: string[]): Kerja<string[]> {
  const unique = [...new Set(daftar.map((d) => d.trim()).filter(Boolean))];
  yield* simpanNilaiK('daftar_dinas', JSON.stringify(unique));
  return unique;
}

/** The covering letter in force: the province's latest, or the built-in one. */
export function templatSurat(db: Db): TemplatSurat {
  return jalankan(db, templatSuratK());
}

export function* templatSuratK(): Kerja<TemplatSurat> {
  const row = yield* satuQ(builder.selectFrom('pengaturan').select('nilai').where('kunci', '=', 'templat_surat'));
  return row ? (JSON.parse(row.nilai) as TemplatSurat) : { ...TEMPLAT_SURAT_AWAL };
}

/** Province: a new version of the covering letter, sent to the districts with the next reference bundle. */
export function simpanTemplatSurat(db: Db, input: { kepada: string; pembuka: string }): TemplatSurat {
  return db.tx(() => jalankan(db, simpanTemplatSuratK(input)));
}

export function* simpanTemplatSuratK(input: { kepada: string; pembuka: string }): Kerja<TemplatSurat> {
  if ((yield* pengaturanK()).mode !== 'provinsi') throw new AppError('MODE_SALAH', 'Templat surat ditetapkan provinsi dan diterima lewat bundel referensi.');
  const kepada = input.kepada.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  const pembuka = input.pembuka.trim();
  const fields: { field: string; message: string }[] = [];
  for (const [field, teks] of [['kepada', kepada], ['pembuka', pembuka]] as const) {
    const salah = isianTakDikenal(teks);
    if (salah.length) fields.push({ field, message: `Isian {${salah.join('}, {')}} tidak dikenal. Yang dapat dipakai: {${ISIAN_SURAT.join('}, {')}}.` });
  }
  if (!kepada) fields.push({ field: 'kepada', message: 'Tulis alamat tujuan surat.' });
  if (kepada.split('\n').length > 8) fields.push({ field: 'kepada', message: 'Alamat tujuan paling banyak 8 baris.' });
  if (pembuka.length < 20) fields.push({ field: 'pembuka', message: 'Tulis paragraf pembuka surat.' });
  if (fields.length) throw new AppError('TEMPLAT_TIDAK_SAH', fields.map((f) => f.message).join(' '), fields);
  const templat: TemplatSurat = { versi: (yield* templatSuratK()).versi + 1, kepada, pembuka };
  yield* simpanNilaiK('templat_surat', JSON.stringify(templat));
  return templat;
}

/** District: installs the province's covering letter from a reference bundle when it is newer. */
export function pasangTemplatSurat(db: Db, templat: TemplatSurat): boolean {
  if (templat.versi <= templatSurat(db).versi || isianTakDikenal(templat.kepada + templat.pembuka).length) return false;
  simpanNilai(db, 'templat_surat', JSON.stringify({ versi: templat.versi, kepada: templat.kepada, pembuka: templat.pembuka }));
  return true;
}

/** Deletes a proposal with the officer's reason; restorable from the audit trail. */
export function hapusProposal(db: Db, id: string, alasan: string | null): void {
  RecordWriter.forDb(db).remove('proposal', id, alasan);
}
