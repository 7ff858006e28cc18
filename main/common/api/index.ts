import type { z } from 'zod';
import { defineContract } from '../contract-kit';
import { anggotaApi } from './anggota';
import { appApi, auditApi, cadanganApi, demoApi, pengaturanApi, serverApi, tugasApi } from './aplikasi';
import { dashboardApi } from './dasbor';
import { dtsenApi } from './dtsen';
import { fasilitatorApi } from './fasilitator';
import { kelompokApi } from './kelompok';
import { laporanApi } from './laporan';
import { mitraApi } from './mitra';
import { proposalApi } from './proposal';
import { sinkronApi } from './sinkron';
import { situsApi } from './situs';
import { tteApi } from './tte';
import { nikApi, wilayahApi } from './wilayah';

// The one contract behind the three doors (Electron IPC, web shell, CLI), split by domain: each file
// holds a domain's methods (input schema, whether it reads or writes, result type) and its result types.
// Joined here; a method name defined twice is refused at start.

export const contract = defineContract(appApi, pengaturanApi, demoApi, wilayahApi, nikApi, fasilitatorApi, kelompokApi, anggotaApi, laporanApi, proposalApi, sinkronApi, tugasApi, dtsenApi, mitraApi, dashboardApi, auditApi, cadanganApi, serverApi, situsApi, tteApi);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** What a caller sends (before defaults are applied). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = Contract[M] extends { output?: infer O } ? O : never;

export type * from './anggota';
export { MAPPING_FIELDS,MappingSchema } from './anggota';
export type * from './aplikasi';
export type * from './dasbor';
export type * from './dtsen';
export type * from './tte';
export { FIELD_EKSTRAK,LABEL_STATUS_COCOK,NAMA_SUMBER,STATUS_COCOK } from './dtsen';
export type * from './fasilitator';
export type { Disimpan } from './isian';
export type * from './kelompok';
export type * from './laporan';
export type * from './mitra';
export type * from './proposal';
export type * from './situs';
export type * from './sinkron';
export type * from './wilayah';
