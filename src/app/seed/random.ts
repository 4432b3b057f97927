/**
 * Seeded pseudo-random numbers for the demo data. The demo must be the same on every machine
 * for the same seed (screenshots, tests, bug reports), so nothing here reads Math.random or
 * the clock: sfc32 (128-bit state, passes PractRand) seeded through splitmix32.
 */

/** A deterministic random source. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** A random UUID (version 4 layout) drawn from this stream. */
  uuid(): string;
  /**
   * A time-ordered UUID (version 7, RFC 9562) for the moment `at`: rows written in time order
   * then land at the end of their indexes instead of all over them, which makes bulk loads faster.
   */
  uuidV7(at: number): string;
}

/** splitmix32 step: spreads a 32-bit input over the whole state space. */
function splitmix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return HEX[value >>> 24]! + HEX[(value >>> 16) & 0xff]! + HEX[(value >>> 8) & 0xff]! + HEX[value & 0xff]!;
}

/**
 * An independent stream for (seed, stream): the demo uses one stream per purpose and one per
 * dossier, so adding a dossier or a field never shifts the numbers of the others.
 */
export function createRandom(seed: number, stream = 0): Random {
  let a = splitmix32(seed >>> 0);
  let b = splitmix32(a ^ (stream >>> 0));
  let c = splitmix32(b ^ Math.floor(stream / 0x1_0000_0000));
  let d = splitmix32(c ^ 0x5bd1e995);
  const nextUint32 = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator).
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up: the first outputs of a freshly seeded sfc32 are still correlated with the seed.
  for (let i = 0; i < 12; i += 1) nextUint32();
  const next = (): number => nextUint32() / 0x1_0000_0000;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    uuid: () => {
      const w1 = nextUint32();
      const w2 = ((nextUint32() & 0xffff0fff) | 0x00004000) >>> 0;
      const w3 = ((nextUint32() & 0x3fffffff) | 0x80000000) >>> 0;
      const w4 = nextUint32();
      const h2 = hex32(w2);
      const h3 = hex32(w3);
      return `${hex32(w1)}-${h2.slice(0, 4)}-${h2.slice(4)}-${h3.slice(0, 4)}-${h3.slice(4)}${hex32(w4)}`;
    },
    uuidV7: (at) => {
      const ms = Math.max(0, Math.floor(at));
      const high = hex32(Math.floor(ms / 0x1_0000) >>> 0);
      const low = HEX[(ms >>> 8) & 0xff]! + HEX[ms & 0xff]!;
      const w2 = ((nextUint32() & 0x0fff) | 0x7000) >>> 0;
      const w3 = ((nextUint32() & 0x3fffffff) | 0x80000000) >>> 0;
      const h3 = hex32(w3);
      return `${high}-${low}-${hex32(w2).slice(4)}-${h3.slice(0, 4)}-${h3.slice(4)}${hex32(nextUint32())}`;
    },
  };
}

/** Draws indexes in proportion to fixed weights (cumulative table + binary search). */
export interface WeightedSampler {
  sample(random: Random): number;
}

/** A sampler over `weights` (non-negative, at least one positive). */
export function createSampler(weights: readonly number[]): WeightedSampler {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => {
    if (!(weight >= 0)) throw new RangeError(`weight ${index} must be non-negative`);
    total += weight;
    cumulative[index] = total;
  });
  if (total <= 0) throw new RangeError('at least one weight must be positive');
  return {
    sample: (random) => {
      const target = random.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (cumulative[middle]! > target) high = middle;
        else low = middle + 1;
      }
      return low;
    },
  };
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
