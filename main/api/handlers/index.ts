import { gabung } from '../../common/contract-kit';
import { anggotaHandlers } from './anggota';
import { aplikasiHandlers } from './aplikasi';
import { dasborHandlers } from './dasbor';
import { dtsenHandlers } from './dtsen';
import { fasilitatorHandlers } from './fasilitator';
import { kelompokHandlers } from './kelompok';
import { laporanHandlers } from './laporan';
import { mitraHandlers } from './mitra';
import { proposalHandlers } from './proposal';
import { sinkronHandlers } from './sinkron';
import { situsHandlers } from './situs';
import { tteHandlers } from './tte';
import type { Handlers } from './types';
import { wilayahHandlers } from './wilayah';

export type { Handler,Handlers } from './types';

// Each door (IPC, web, CLI) reaches the services only through this map, one file per domain beside the
// contract's; a handler maps the validated input to a service call and holds no logic of its own. A method
// name handled twice is refused at start; one not handled fails the type check.
export const handlers: Handlers = gabung(aplikasiHandlers, wilayahHandlers, fasilitatorHandlers, kelompokHandlers, anggotaHandlers, laporanHandlers, proposalHandlers, sinkronHandlers, dtsenHandlers, mitraHandlers, dasborHandlers, situsHandlers, tteHandlers);
