import type { z } from 'zod';

/** One API method: its input schema (checked at every door) and, as a type only, its result. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Phantom: carries the result type, never set. */
  readonly output?: O;
}

export function method<I extends z.ZodType>(input: I) {
  return { returns: <O>(): MethodSpec<I, O> => ({ input }) };
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins the per-domain maps into one; a method name defined twice is a programming error. */
export function defineContract<T extends Record<string, MethodSpec>[]>(...maps: T): UnionToIntersection<T[number]> {
  const all: Record<string, MethodSpec> = {};
  for (const map of maps) {
    for (const [name, spec] of Object.entries(map)) {
      if (name in all) throw new Error(`API method ${name} is defined twice`);
      all[name] = spec;
    }
  }
  return all as UnionToIntersection<T[number]>;
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
