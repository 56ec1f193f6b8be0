/**
 * Seeded randomness: one API (`seededRandom`) for every reproducible choice in the app. The same
 * seed gives the same sequence on every machine and in every runtime: only 32-bit integer
 * arithmetic, never Math.random.
 *
 * Three generators stay, each a named algorithm, because stored data depends on their exact
 * sequences (changing one changes what an old seed gives):
 * - `sfc32` (default): cyrb53 string hash -> sfc32, 12 warm-up draws. Interview kits: a saved
 *   kit's seed rebuilds the same kit (values pinned in tests/unit/kits/builder.test.ts).
 * - `mulberry32`: question choice for a practice session, re-derived from the seed it stores.
 * - `xorshift32`: `hashSeed` -> xorshift32; `int` takes the 32-bit output modulo n. The offline
 *   interviewer's phrasing, in stored transcripts and the interviewer evaluation.
 * New uses take the default.
 */

export const RANDOM_ALGORITHMS = ["sfc32", "mulberry32", "xorshift32"] as const;
export type RandomAlgorithm = (typeof RANDOM_ALGORITHMS)[number];

/** A string, or parts joined by SEED_SEPARATOR (`["abc", 3]` is the seed "abc␟3"). */
export type Seed = string | readonly (string | number)[];
export const SEED_SEPARATOR = "\u241f";

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A shuffled copy (Fisher-Yates, drawing `int(i + 1)` from the last item down). */
  shuffle<T>(items: readonly T[]): T[];
};

function seedText(seed: Seed): string {
  return typeof seed === "string" ? seed : seed.join(SEED_SEPARATOR);
}

/** FNV-1a over the seed, then the murmur3 finaliser: a well-spread unsigned 32-bit hash. */
export function hashSeed(...parts: (string | number)[]): number {
  const text = parts.join(SEED_SEPARATOR);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 53-bit string hash (cyrb53), split into the four 32-bit words sfc32 needs. */
function cyrb53Words(seed: string): [number, number, number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < seed.length; i++) {
    const ch = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0, (h1 ^ 0x9e3779b9) >>> 0, (h2 ^ 0x85ebca6b) >>> 0];
}

/** A generator's core: `next` in [0, 1), and how it maps a draw to [0, n). */
type Core = { next: () => number; int: (n: number) => number };

const scaled = (next: () => number): Core => ({ next, int: (n) => Math.floor(next() * n) });

function sfc32(seed: string): Core {
  let [a, b, c, d] = cyrb53Words(seed);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up: the first outputs of sfc32 correlate with the seed words.
  for (let i = 0; i < 12; i++) next();
  return scaled(next);
}

function mulberry32(seed: string): Core {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return scaled(() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  });
}

function xorshift32(seed: string): Core {
  let state = hashSeed(seed) || 1;
  const draw = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  return { next: () => draw() / 4294967296, int: (n) => draw() % n };
}

const ALGORITHMS: Record<RandomAlgorithm, (seed: string) => Core> = { sfc32, mulberry32, xorshift32 };

/** A generator for `seed`: the same seed and algorithm always give the same sequence. */
export function seededRandom(seed: Seed, algorithm: RandomAlgorithm = "sfc32"): Random {
  const { next, int } = ALGORITHMS[algorithm](seedText(seed));
  return {
    next,
    int,
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
