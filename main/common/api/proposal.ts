import { z } from 'zod';
import { RUPIAH_MAKS } from '../batas';
import { method, type FileRef } from '../contract-kit';
import { MODE_TANDA_TANGAN } from '../records';
import { STATUS_PROPOSAL, type ProposalDetail, type ProposalRow, type RabItem, type TemplatSurat } from '../proposal';
import { fileRef, hapusInput, id } from './isian';
import { skemaRekaman } from './rekaman';

/** One RAB row, from the register (register.ts). */
export const rabItem = skemaRekaman('rab_item');
export const angkaOpsional = z.number().min(0, 'Angka tidak boleh negatif.').max(RUPIAH_MAKS, 'Angka terlalu besar; periksa jumlah angka nolnya.').optional();

/** The proposal's letter and plan, from the register (register.ts); its text and projection are objects here. */
export const proposalInput = skemaRekaman('proposal', {
  isi: z.object({
    latar_belakang: z.string().max(20000).optional(),
    target_pasar: z.string().max(5000).optional(),
    pesaing: z.string().max(5000).optional(),
    offtaker: z.string().max(5000).optional(),
    produk: z.string().max(5000).optional(),
    kapasitas_produksi: z.string().max(5000).optional(),
    pemasaran: z.string().max(5000).optional(),
    penutup: z.string().max(5000).optional(),
  }),
  proyeksi: z.object({
    modal_investasi: angkaOpsional,
    biaya_tetap_bulan: angkaOpsional,
    biaya_variabel_unit: angkaOpsional,
    harga_jual_unit: angkaOpsional,
    penjualan_bulan: angkaOpsional,
  }),
});

export const proposalApi = {
  'proposal.list': method(z.object({ kelompok: z.string().nullish(), status: z.enum(STATUS_PROPOSAL).nullish() })).reads<ProposalRow[]>(),
  'proposal.get': method(z.object({ id })).reads<ProposalDetail>(),
  'proposal.simpan': method(proposalInput).writes<{ id: string }>(),
  'proposal.simpanRab': method(z.object({ id, items: z.array(rabItem).max(5000) })).writes<{ total: number }>(),
  'proposal.status': method(z.object({ id, status: z.enum(STATUS_PROPOSAL), nilai_disetujui: z.number().int().min(0).nullish() })).writes<void>(),
  'proposal.hapus': method(hapusInput).writes<void>(),
  'proposal.pdf': method(
    z.object({
      id,
      nikLengkap: z.boolean().default(false),
      /** This letter's signer and copies, where they differ from the office's settings. */
      penandatangan: z
        .object({ mode: z.enum(MODE_TANDA_TANGAN), nama: z.string().trim().max(100), nip: z.string().trim().max(30), pangkat: z.string().trim().max(100), jabatan: z.string().trim().max(150) })
        .partial()
        .nullish(),
      tembusan: z.array(z.string().trim().min(1).max(200)).max(20).nullish(),
      /** Ready for electronic signing (PDF/A-2b, TTE block, BSrE sentence); the proposal then waits for TTE. */
      siapTte: z.boolean().default(false),
    }),
    // Printing keeps the covering letter's number in the register of outgoing letters.
  ).writes<FileRef>(),
  'proposal.rabXlsx': method(z.object({ id })).reads<FileRef>(),
  'proposal.imporRab': method(z.object({ berkas: fileRef })).reads<RabItem[]>(),
  'proposal.dinas': method(z.object({})).reads<string[]>(),
  'proposal.templatSurat': method(z.object({})).reads<{ templat: TemplatSurat; isian: string[]; bolehUbah: boolean }>(),
  'proposal.simpanTemplatSurat': method(z.object({ kepada: z.string().max(1000), pembuka: z.string().max(3000) })).writes<TemplatSurat>(),
  'proposal.simpanDinas': method(z.object({ daftar: z.array(z.string().trim().min(3).max(200)).min(1, 'Daftar dinas tidak boleh kosong.').max(100) })).writes<string[]>(),
  'proposal.terbilang': method(z.object({ n: z.number().int().min(0).max(999_999_999_999_999) })).reads<string>(),
};
