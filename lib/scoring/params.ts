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
  /** A claim states a misconception: at least this many shared stems, at most this share opposed, and fit. */
  misconceptionMinShared: 2,
  misconceptionMaxOpposed: 0.15,
  misconceptionFit: 0.8,
  misconceptionMinCos: 0.45,
  /** Words this common (IDF below) never make a phrasing wrong on their own. */
  wrongMinIdf: 1.5,
  misconceptionWrongFit: 0.75,
  /** A claim denies a key point: shared stems, opposed share, cosine, and cosine x opposed. */
  denialMinShared: 2,
  denialMinOpposed: 0.5,
  denialMinCos: 0.2,
  denialMatch: 0.15,
  /**
   * Contrastive claims (contrast.ts): a claim of at least `contrastMinStems` words (not the
   * question's own) states a misconception when its nearest misconception example shares at least
   * `contrastMinShared` words with it (same polarity), has a signed cosine of at least
   * `contrastMinSim`, and beats the nearest true example (reference sentence, key point, term,
   * correction) by `contrastMargin`. It is dropped when the contradicted key point is evidenced
   * (a span of at least `contrastElsewhere`) outside the claim's own sentence.
   */
  contrastMinStems: 3,
  contrastMinShared: 2,
  contrastMinSim: 0.3,
  contrastMargin: 0.22,
  contrastElsewhere: 0.3,
  /**
   * Which ways of finding a wrong claim run besides the literal phrasings and the authored cue
   * patterns (lib/scoring/cues.ts): the fuzzy phrasing match and key-point denials (claims.ts),
   * and the nearest-example contrast (contrast.ts).
   */
  fuzzyMisconceptions: true,
  denials: true,
  contrast: true,
  /**
   * Whether those three routes and the near-literal phrasing match also run for a question whose
   * misconceptions have cue patterns (the shipped bank). Off: on 550 correct answers written for
   * development (tests/fixtures/cues-correct) they flagged 82 as wrong (phrasings 25, resemblance
   * 37, denial 29; the cues none), and on the tune split they found 2 more of 50 confidently-wrong
   * answers than the cues alone (Spearman 0.866 with them, 0.861 without). Questions without cues
   * (user banks, generic mode) keep them: there they are the only way to find a wrong claim.
   */
  otherRoutesWithCues: false,
  /** Key points at or above this weight are central: a wrong claim about one caps the score. */
  centralWeight: 4,
  /** Points off per standing wrong claim (two at most), and the caps (one / two central, minor only). */
  misconceptionPenalty: 15,
  // A falsehood that is the answer grades "at most 1" (eval/GRADING.md): 20 sits inside that band
  // (scores 10-29). Tune split: caps 30/18/60 gave Spearman 0.861, 20/12/40 give 0.866.
  misconceptionCap: 20,
  misconceptionCap2: 12,
  minorMisconceptionCap: 40,
  /**
   * Wrong claims that each sit next to a correct statement of their point (evidence of at least
   * `besideCoreEvidence` outside the claim's sentence) cap the score at `besideCoreCap`, the
   * "about one band off" of eval/GRADING.md (still in the partial band), instead of the caps above.
   */
  besideCoreCap: 55,
  besideCoreEvidence: 0.45,
  /** A wrong claim corrected in a later answer costs a little. */
  correctedPenalty: 5,
  /** Evidence strength (a span's score) that counts as a later answer setting a claim right. */
  correctionEvidence: 0.3,
  /** Points off per key point the answer contradicts (at most two count). */
  contradictionPenalty: 8,
  /** Score cap for a full keyword dump (scaled by how much of a dump it is). */
  dumpCap: 15,
  offTopicCap: 8,
  /**
   * The least an on-topic answer without a wrong claim scores: onTopicFloor when at least
   * onTopicFloorShare of its (IDF-weighted) words are the question's, proportionally below; only
   * with at least onTopicFloorMinWords different content words and some evidence for a key point.
   */
  onTopicFloor: 30,
  onTopicFloorShare: 0.4,
  onTopicFloorMinWords: 8,
  onTopicFloorMinCoverage: 0.01,
  codeOnlyCap: 75,
  /** Evidence spans reported per key point. */
  maxSpans: 3,
};
