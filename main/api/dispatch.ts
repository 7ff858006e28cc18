import { z } from 'zod';
import { contract, type MethodName } from '../common/api';
import { AppError, type ApiErrorData, type ApiResult } from '../common/errors';
import type { AppContext } from './context';
import { handlers } from './handlers';

z.config(z.locales.id());

function validationError(error: z.ZodError): ApiErrorData {
  const details = error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
  const first = details[0];
  const message = details.length === 1 && first ? first.message : `Ada ${details.length} isian yang perlu diperbaiki: ${details.map((d) => d.message).join(' ')}`;
  return { code: 'INPUT_TIDAK_SAH', message, details };
}

export function isMethod(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}


/** The one entry point of every door: validate the input against the method's schema, run it, wrap the result. */
export async function dispatch(ctx: AppContext, method: string, input: unknown): Promise<ApiResult<unknown>> {
  if (!isMethod(method)) return { ok: false, error: { code: 'METODE_TIDAK_DIKENAL', message: `Perintah "${method}" tidak dikenal oleh aplikasi ini.` } };
  const busy = ctx.tugas.aktif();
  // While a long job holds the write transaction, only methods that read may run.
  if (busy && contract[method].akses === 'tulis') {
    const persen = busy.progres && busy.progres.total ? ` (${Math.floor((busy.progres.byte / busy.progres.total) * 100)}%)` : '';
    return { ok: false, error: { code: 'SEDANG_SIBUK', message: `Impor besar sedang berjalan${persen}. Perubahan data menunggu sampai selesai; tunggu sebentar atau batalkan impornya.` } };
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  try {
    const handler = handlers[method] as (ctx: AppContext, input: unknown) => unknown;
    const data = await handler(ctx, parsed.data);
    return { ok: true, data: data ?? null };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toData() };
    console.error(`[${method}]`, error);
    return {
      ok: false,
      error: {
        code: 'GALAT_INTERNAL',
        message: `Terjadi kesalahan yang tidak terduga (${(error as Error).message ?? error}). Perubahan tidak disimpan. Coba lagi; bila berulang, laporkan pesan ini ke admin TI.`,
      },
    };
  }
}
