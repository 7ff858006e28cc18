import type { z } from 'zod';

/** Whether a method only reads the database or also writes it: dispatch locks by this flag, never by the name. */
export type Akses = 'baca' | 'tulis';

/** One API method: its input schema (checked at every door), whether it writes, and, as a type only, its result. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly akses: Akses;
  /** Phantom: carries the result type, never set. */
  readonly output?: O;
}

/** `method(schema).reads<Result>()` for a method that changes nothing; `.writes<Result>()` for one that does. */
export function method<I extends z.ZodType>(input: I) {
  return {
    reads: <O>(): MethodSpec<I, O> => ({ input, akses: 'baca' }),
    writes: <O>(): MethodSpec<I, O> => ({ input, akses: 'tulis' }),
  };
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins per-domain maps (method specs, handlers) into one; a method name given twice is a programming error. */
export function gabung<T extends Record<string, unknown>[]>(...maps: T): UnionToIntersection<T[number]> {
  const all: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, value] of Object.entries(map)) {
      if (Object.hasOwn(all, name)) throw new Error(`API method ${name} is defined twice`);
      all[name] = value;
    }
  }
  return all as UnionToIntersection<T[number]>;
}

/** The contract: the per-domain method maps joined. */
export function defineContract<T extends Record<string, MethodSpec>[]>(...maps: T): UnionToIntersection<T[number]> {
  return gabung(...maps);
}

/** A file the user picked (native dialog or upload) or a file the app produced, known by an opaque ref. */
export interface FileRef {
  ref: string;
  nama: string;
  ukuran?: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
  halaman: number;
  per: number;
}
