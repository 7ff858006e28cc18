import type { Db } from '../db/connection';
import { contract, type Input, type MethodName } from '../main/common/api';
import { simpanAnggota } from '../main/services/anggota';
import { simpanFasilitator } from '../main/services/fasilitator';
import { simpanKelompok } from '../main/services/kelompok';
import { simpanProposal } from '../main/services/proposal';

// One fixture builder per core record: a test names only what it is about, the rest comes from these
// defaults, and every fixture passes the same input schema (derived from the register) as the form's.
// A nullable column added to the register needs no edit here or in the tests that use these.

type Sebagian<M extends MethodName> = Partial<Input<M>>;
const baca = <M extends MethodName>(m: M, nilai: object) => contract[m].input.parse(nilai) as never;

/** A facilitator in Kabupaten Malang (the test database's district). */
export function buatFasilitator(db: Db, sebagian: Sebagian<'fasilitator.simpan'> = {}) {
  return simpanFasilitator(db, baca('fasilitator.simpan', { nama: 'Fasilitator Uji', ...sebagian }));
}

/** A kelompok in a village of Kabupaten Malang. */
export function buatKelompok(db: Db, sebagian: Sebagian<'kelompok.simpan'> = {}) {
  return simpanKelompok(db, baca('kelompok.simpan', { nama: 'KUBE Uji', desa_kode: '35.07.01.2001', sektor: 'Jasa', ...sebagian }));
}

/** A member: the NIK must be valid for the birth date and sex given (synthetic NIKs only). */
export function buatAnggota(db: Db, sebagian: Sebagian<'anggota.simpan'> & Pick<Input<'anggota.simpan'>, 'kelompok_id' | 'nik'>) {
  return simpanAnggota(db, baca('anggota.simpan', { nama: 'Anggota Uji', jenis_kelamin: 'P', ...sebagian }));
}

/** A draft proposal of a kelompok, with empty text and projection unless given. */
export function buatProposal(db: Db, sebagian: Sebagian<'proposal.simpan'> & Pick<Input<'proposal.simpan'>, 'kelompok_id'>) {
  return simpanProposal(db, baca('proposal.simpan', { judul: 'Proposal Uji', isi: {}, proyeksi: {}, ...sebagian }));
}
