/**
 * Linear-time guards for code that reads candidate text: the worst input at the maximum answer
 * length must stay under a generous bound, and 10x the input may cost about 10x the time, not 100x
 * (quadratic). Not speed claims: speed is proven by the benchmarks (`npm run bench:score`).
 */
import { expect } from "vitest";
import { MAX_ANSWER_CHARS } from "../../lib/sessions/limits.ts";

/** The maximum answer length the app accepts. */
export const MAX = MAX_ANSWER_CHARS;
export const SMALL = 2_000;
/**
 * Time bound for the worst input at MAX: generous, because the test suite shares two cores with
 * builds and browsers; the quadratic patterns this guards against took seconds at this size.
 */
export const BOUND_MS = 600;
/**
 * 10x the input may cost at most this many times the time, plus slack for timer noise: linear code
 * measures 10-45x here (allocation and GC grow a little faster than the input on a busy machine),
 * quadratic code 100x or more.
 */
export const GROWTH = 50;
export const SLACK_MS = 20;

/** Best of `reps` runs, in ms (the minimum filters out GC pauses and a busy machine). */
function best(fn: () => void, reps: number): number {
  let min = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** `prefix`, then `unit` repeated, then `suffix`: exactly `n` characters. */
export function pump(prefix: string, unit: string, suffix: string, n: number): string {
  const body = unit.repeat(Math.ceil(Math.max(0, n - prefix.length - suffix.length) / unit.length) + 1);
  return (prefix + body).slice(0, n - suffix.length) + suffix;
}

/**
 * Asserts the bound at MAX and linear growth from SMALL to MAX. Code that reads longer input than an
 * answer (an imported file: lib/library/limits.ts) passes its own longest size, and a small one a
 * tenth of it.
 */
export function expectLinear(
  label: string,
  make: (n: number) => string,
  run: (s: string) => void,
  sizes: { small: number; max: number } = { small: SMALL, max: MAX },
): void {
  const small = make(sizes.small);
  const large = make(sizes.max);
  expect(large.length, label).toBe(sizes.max);
  run(small); // warm up the JIT and the regex compiler
  const ts = best(() => run(small), 7);
  const tl = best(() => run(large), 5);
  expect(tl, `${label}: ${tl.toFixed(2)} ms at ${sizes.max}`).toBeLessThan(BOUND_MS);
  expect(tl, `${label}: ${tl.toFixed(2)} ms at ${sizes.max} vs ${ts.toFixed(3)} ms at ${sizes.small}`).toBeLessThan(GROWTH * ts + SLACK_MS);
}
