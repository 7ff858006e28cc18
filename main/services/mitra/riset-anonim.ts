import { K_MIN, L_MIN, SUPRESI_MAKS } from '../../common/riset';

// k-anonymity by generalisation, then local suppression (at most SUPRESI_MAKS of the units), with l-diversity of a
// sensitive attribute. A unit is what is counted: a member, or a group (whose months are written or dropped together).
// The ladder is tried from its first rung (finest) to its last; the first rung whose violating units are within the
// suppression limit is taken.

export interface Anak<U> {
  /** What the rung is called in the report ("umur 10 tahun"). */
  nama: string;
  /** The quasi-identifier values of a unit at this rung. */
  nilai: (u: U) => string[];
}

export interface HasilAnonim<U> {
  units: U[];
  /** The values each kept unit is written with, in the order of the quasi-identifier names. */
  nilai: Map<U, string[]>;
  disupresi: U[];
  /** The rungs applied (names), the k and l the kept units achieve. */
  generalisasi: string[];
  k: number;
  l: number | null;
}

/** A class whose sensitive values are all unknown ('') discloses nothing: l-diversity does not apply to it. */
const tanpaNilai = (s: Set<string>) => s.size === 1 && s.has('');

/** Classes of units with the same quasi-identifier values: the smallest class, and the fewest sensitive values. */
function kelas<U>(units: U[], nilai: (u: U) => string[], sensitif: ((u: U) => string) | null): Map<string, { n: number; s: Set<string> }> {
  const m = new Map<string, { n: number; s: Set<string> }>();
  for (const u of units) {
    const key = nilai(u).join('\u0001');
    let c = m.get(key);
    if (!c) m.set(key, (c = { n: 0, s: new Set() }));
    c.n++;
    if (sensitif) c.s.add(sensitif(u));
  }
  return m;
}

/**
 * Generalises along the ladder, then suppresses the units of classes smaller than K_MIN (or with fewer than L_MIN
 * sensitive values, an unknown value counting as one; a class of unknowns only is exempt). Returns null when even the last rung needs more than SUPRESI_MAKS suppressed: the data are too
 * few to share safely with these variables.
 */
export function anonimkan<U>(units: U[], tangga: Anak<U>[], sensitif: ((u: U) => string) | null): HasilAnonim<U> | null {
  for (let i = 0; i < tangga.length; i++) {
    const rung = tangga[i]!;
    const cache = new Map<U, string[]>();
    const nilai = (u: U) => {
      let v = cache.get(u);
      if (!v) cache.set(u, (v = rung.nilai(u)));
      return v;
    };
    const k = kelas(units, nilai, sensitif);
    const langgar = (u: U) => {
      const c = k.get(nilai(u).join('\u0001'))!;
      return c.n < K_MIN || (sensitif !== null && !tanpaNilai(c.s) && c.s.size < L_MIN);
    };
    const disupresi = units.filter(langgar);
    if (disupresi.length > SUPRESI_MAKS * units.length) continue;
    const buang = new Set(disupresi);
    const tetap = units.filter((u) => !buang.has(u));
    const akhir = kelas(tetap, nilai, sensitif);
    const ukuran = [...akhir.values()];
    return {
      units: tetap,
      nilai: new Map(tetap.map((u) => [u, nilai(u)])),
      disupresi,
      generalisasi: tangga.slice(0, i + 1).map((t) => t.nama),
      k: ukuran.reduce((m, c) => Math.min(m, c.n), ukuran.length ? Infinity : 0),
      // l over the classes with a known sensitive value (an unknown counts as one value beside the known ones).
      l: sensitif ? (ukuran.filter((c) => !tanpaNilai(c.s)).reduce<number | null>((m, c) => Math.min(m ?? Infinity, c.s.size), null)) : null,
    };
  }
  return null;
}
