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

/**
 * Generalises along the ladder, then suppresses the units of classes smaller than K_MIN (or with fewer than L_MIN
 * sensitive values, an unknown value counting as one; a class of unknowns only is exempt). Returns null when even the last rung needs more than SUPRESI_MAKS suppressed: the data are too
 * few to share safely with these variables.
 */
const SEP = '\u0001';

export function anonimkan<U>(units: U[], tangga: Anak<U>[], sensitif: ((u: U) => string) | null): HasilAnonim<U> | null {
  // One key string per unit per rung (its quasi-identifier values joined), indexed like the units: memory stays one
  // string per unit however many quasi-identifiers, and each class is counted once.
  const peka = sensitif ? units.map(sensitif) : null;
  for (let i = 0; i < tangga.length; i++) {
    const rung = tangga[i]!;
    const kunci = units.map((u) => rung.nilai(u).join(SEP));
    const kelas = new Map<string, { n: number; s: Set<string> }>();
    kunci.forEach((k, j) => {
      let c = kelas.get(k);
      if (!c) kelas.set(k, (c = { n: 0, s: new Set() }));
      c.n++;
      if (peka) c.s.add(peka[j]!);
    });
    const langgar = (j: number) => {
      const c = kelas.get(kunci[j]!)!;
      return c.n < K_MIN || (peka !== null && !tanpaNilai(c.s) && c.s.size < L_MIN);
    };
    const buang = units.map((_, j) => langgar(j));
    const jumlahBuang = buang.reduce((n, b) => n + (b ? 1 : 0), 0);
    if (jumlahBuang > SUPRESI_MAKS * units.length) continue;
    // The kept units' classes, counted again without the suppressed ones.
    const akhir = new Map<string, { n: number; s: Set<string> }>();
    const tetap: U[] = [];
    const nilai = new Map<U, string[]>();
    units.forEach((u, j) => {
      if (buang[j]) return;
      tetap.push(u);
      nilai.set(u, kunci[j]!.split(SEP));
      let c = akhir.get(kunci[j]!);
      if (!c) akhir.set(kunci[j]!, (c = { n: 0, s: new Set() }));
      c.n++;
      if (peka) c.s.add(peka[j]!);
    });
    const ukuran = [...akhir.values()];
    return {
      units: tetap,
      nilai,
      disupresi: units.filter((_, j) => buang[j]),
      generalisasi: tangga.slice(0, i + 1).map((t) => t.nama),
      k: ukuran.reduce((m, c) => Math.min(m, c.n), ukuran.length ? Infinity : 0),
      // l over the classes with a known sensitive value (an unknown counts as one value beside the known ones).
      l: peka ? ukuran.filter((c) => !tanpaNilai(c.s)).reduce<number | null>((m, c) => Math.min(m ?? Infinity, c.s.size), null) : null,
    };
  }
  return null;
}
