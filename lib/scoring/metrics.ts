/**
 * Agreement statistics for the scorer's evaluation: Spearman, Pearson, quadratic weighted kappa,
 * and percentiles. Pure functions.
 */

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return NaN;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** Ranks with ties given their average rank (1-based). */
export function ranks(xs: readonly number[]): number[] {
  const idx = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]!.x === idx[i]!.x) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k]!.i] = avg;
    i = j + 1;
  }
  return r;
}

export function spearman(xs: readonly number[], ys: readonly number[]): number {
  return pearson(ranks(xs), ranks(ys));
}

/**
 * Cut points mapping a 0-100 score to the 0-5 grade scale for QWK: a score below CUTS[0] is 0,
 * below CUTS[1] is 1, ... and at least CUTS[4] is 5. They are the midpoints between grade*20
 * (10, 30, 50, 70, 90) with the top one lowered to 85, so "strong" answers land on 5.
 */
export const GRADE_CUTS = [10, 30, 50, 70, 85] as const;

export function scoreToGrade(score: number, cuts: readonly number[] = GRADE_CUTS): number {
  let g = 0;
  for (const c of cuts) if (score >= c) g++;
  return g;
}

/** Quadratic weighted kappa between two integer ratings on 0..k-1. */
export function quadraticWeightedKappa(a: readonly number[], b: readonly number[], k = 6): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return NaN;
  const O: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const ha = new Array<number>(k).fill(0);
  const hb = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    O[a[i]!]![b[i]!]!++;
    ha[a[i]!]!++;
    hb[b[i]!]!++;
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = ((i - j) * (i - j)) / ((k - 1) * (k - 1));
      num += w * O[i]![j]!;
      den += (w * ha[i]! * hb[j]!) / n;
    }
  }
  return den === 0 ? NaN : 1 - num / den;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}
