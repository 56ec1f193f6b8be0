/**
 * Contrastive claims: a claim states a misconception when it is clearly closer to that
 * misconception's phrasings than to anything the question holds true.
 *
 * A bag of words with polarity cannot tell "utcnow returns a datetime that knows it is UTC" from
 * "utcnow returns a naive datetime holding UTC digits" on its own: both share most of the words of
 * the misconception. What separates them is which side of the question the claim sits on. Every
 * question carries both sides: the misconceptions (phrasings and description) on one, and the
 * truth (the reference's sentences, each key point's statement and terms, each misconception's
 * correction) on the other. A claim is compared to every example of both sides by a signed cosine
 * (shared words with the same polarity count for, with opposite polarity against) over the words
 * that are not the question's own, and it states a misconception only when its nearest wrong
 * example beats its nearest true example by a margin (a local, nearest-neighbour decision: the
 * truth the claim must not resemble is the one about the same subject).
 *
 * Linear in the answer: one pass per claim and example (a few dozen short examples per question).
 */
import type { CorpusStats } from "./corpus.ts";
import { type Claim, type SignedVector, normOf, signedVectorOf } from "./claims.ts";
import { PARAMS } from "./params.ts";
import type { PreparedQuestion } from "./prepare.ts";
import { analyze } from "./text.ts";

interface Example {
  vec: SignedVector;
  norm: number;
  /** Misconception id (wrong side), or null (true side). */
  id: string | null;
}

export interface ContrastTargets {
  wrong: Example[];
  truth: Example[];
  /** The question's own words, left out of claims too. */
  exclude: ReadonlySet<string>;
}

export interface ContrastHit {
  id: string;
  start: number;
  end: number;
  /** Nearest wrong example's similarity minus the nearest true example's. */
  margin: number;
  sim: number;
}

/**
 * Signed cosine: shared stems with the same polarity add, with opposite polarity subtract. With
 * `minShared`, fewer agreeing stems than that give 0 (one word in common is not a claim).
 */
function signedCos(a: SignedVector, an: number, b: SignedVector, bn: number, minShared = 0): number {
  if (an === 0 || bn === 0) return 0;
  let d = 0;
  let agree = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [s, x] of small) {
    const y = large.get(s);
    if (!y) continue;
    const w = x.w * y.w;
    if (x.mixed || y.mixed || x.neg === y.neg) {
      d += w;
      agree++;
    } else d -= w;
  }
  return agree < minShared ? 0 : d / (an * bn);
}

function proseSentences(text: string): string[] {
  const a = analyze(text);
  return a.sentences.filter((s) => !s.code).map((s) => text.slice(s.start, s.end));
}

export function contrastTargets(P: PreparedQuestion, corpus: CorpusStats): ContrastTargets {
  const exclude = P.qStems;
  const ex = (text: string, id: string | null): Example => {
    const vec = signedVectorOf(text, corpus, exclude);
    return { vec, norm: normOf(vec), id };
  };
  const wrong = P.misconceptions.flatMap((m) => [...m.rawPhrasings.map((p) => ex(p, m.id)), ex(m.text, m.id)]).filter((e) => e.vec.size >= 2);
  const truth = [
    ...proseSentences(P.reference).map((s) => ex(s, null)),
    ...P.keyPoints.flatMap((k) => [ex(k.text, null), ...k.termTexts.map((t) => ex(t, null))]),
    ...P.misconceptions.flatMap((m) => proseSentences(m.correction).map((s) => ex(s, null))),
  ].filter((e) => e.vec.size >= 1);
  return { wrong, truth, exclude };
}

/** Claims nearer a misconception than any truth, by at least `contrastMargin`. */
export function contrastMisconceptions(claims: readonly Claim[], T: ContrastTargets): ContrastHit[] {
  const out: ContrastHit[] = [];
  if (T.wrong.length === 0) return out;
  for (const c of claims) {
    const vec: SignedVector = new Map();
    for (const [s, v] of c.vec) if (!T.exclude.has(s)) vec.set(s, v);
    if (vec.size < PARAMS.contrastMinStems) continue;
    const n = normOf(vec);
    let bw = 0;
    let bwId: string | null = null;
    for (const e of T.wrong) {
      const s = signedCos(vec, n, e.vec, e.norm, PARAMS.contrastMinShared);
      if (s > bw) {
        bw = s;
        bwId = e.id;
      }
    }
    if (!bwId || bw < PARAMS.contrastMinSim) continue;
    let bt = 0;
    for (const e of T.truth) bt = Math.max(bt, signedCos(vec, n, e.vec, e.norm));
    const margin = bw - bt;
    if (margin >= PARAMS.contrastMargin) out.push({ id: bwId, start: c.start, end: c.end, margin, sim: bw });
  }
  return out;
}
