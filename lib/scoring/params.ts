/**
 * The offline scorer's tunable constants, in one place. Tuned on the eval's "tune" split only
 * (eval/RESULTS.md); held-out results are for reporting.
 */
/** Tunable constants, in one place (tuned on the eval's "tune" split only). */
export const PARAMS = {
  /** Term strength: base + unit * (specificity in rare-word units) (+ multiWord), at most termMax. */
  termBase: 0.2,
  termUnit: 0.28,
  multiWord: 0.08,
  termMax: 0.8,
  /** Code identifiers: extra strength and cap. */
  codeBonus: -0.12,
  codeMax: 0.5,
  /** Similarity (cosine) at which a sentence starts / fully evidences a key point. */
  simLow: 0.12,
  simHigh: 0.45,
  /** Share of similarity in a key point's confidence. */
  simShare: 0.85,
  /** Confidence thresholds for covered / partial. */
  covered: 0.6,
  partial: 0.3,
  /** Weight of the continuous confidence next to the discrete status in the coverage value. */
  continuous: 0.25,
  /** Weighted coverage that maps to 100, and the curve's exponent (< 1: concave). */
  target: 0.9,
  gamma: 0.8,
  /** Points off per red flag (at most two count), and the cap once one is found. */
  redFlagPenalty: 30,
  redFlagCap: 45,
  /** Points off per key point the answer contradicts (at most two count). */
  contradictionPenalty: 8,
  /** Score cap for a full keyword dump (scaled by how much of a dump it is). */
  dumpCap: 15,
  offTopicCap: 8,
  codeOnlyCap: 75,
  /** Evidence spans reported per key point. */
  maxSpans: 3,
};

