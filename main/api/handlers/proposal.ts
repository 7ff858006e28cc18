import { ISIAN_SURAT } from '../../common/proposal';
import { terbilang } from '../../common/terbilang';
import { pengaturanK } from '../../services/pengaturan';
import { dataProposalK, imporRabXlsx, pdfProposal, pdfProposalDari, rabXlsxDari } from '../../services/proposal';
import { ambilProposalK, daftarDinasK, hapusProposal, daftarProposalK, simpanDaftarDinasK, simpanProposal, simpanRab, simpanTemplatSuratK, templatSuratK, ubahStatusProposal } from '../../services/proposal';

import type { proposalApi } from '../../common/api/proposal';
import type { HandlersFor } from './types';

export const proposalHandlers: HandlersFor<keyof typeof proposalApi> = {
  'proposal.list': (ctx, input) => ctx.baca(daftarProposalK(input)),
  'proposal.get': (ctx, input) => ctx.baca(ambilProposalK(input.id)),
  'proposal.simpan': (ctx, input) => simpanProposal(ctx.db, input),
  'proposal.simpanRab': (ctx, input) => simpanRab(ctx.db, input.id, input.items),
  'proposal.status': (ctx, input) => ubahStatusProposal(ctx.db, input.id, input.status, input.nilai_disetujui ?? null),
  'proposal.hapus': (ctx, input) => hapusProposal(ctx.db, input.id, input.alasan),
  'proposal.pdf': async (ctx, input) => {
    const opsi = { nikLengkap: input.nikLengkap, siapTte: input.siapTte, ...(input.penandatangan ? { penandatangan: input.penandatangan } : {}), ...(input.tembusan ? { tembusan: input.tembusan } : {}) };
    // A district records the letter in its register; on the province's server the proposal is read and printed.
    if (!ctx.server) return (await pdfProposal(ctx.db, input.id, ctx.files.output, opsi)).ref();
    return (await pdfProposalDari(await ctx.baca(dataProposalK(input.id)), ctx.files.output, opsi)).ref();
  },
  'proposal.rabXlsx': async (ctx, input) => (await rabXlsxDari(await ctx.baca(dataProposalK(input.id)), ctx.files.output)).ref(),
  'proposal.imporRab': (ctx, input) => imporRabXlsx(ctx.files.resolve(input.berkas)),
  'proposal.dinas': (ctx) => ctx.baca(daftarDinasK()),
  'proposal.simpanDinas': (ctx, input) => ctx.tulis(() => simpanDaftarDinasK(input.daftar)),
  'proposal.templatSurat': async (ctx) => ({ templat: await ctx.baca(templatSuratK()), isian: [...ISIAN_SURAT], bolehUbah: (await ctx.baca(pengaturanK())).mode === 'provinsi' }),
  'proposal.simpanTemplatSurat': (ctx, input) => ctx.tulis(() => simpanTemplatSuratK(input)),
  'proposal.terbilang': (_ctx, input) => terbilang(input.n),
};
