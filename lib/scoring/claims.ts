/**
 * Claims, not words: finds what an answer asserts that is wrong.
 *
 * An answer is cut into claims (prose sentences, split again at contrastive words such as "but"
 * and "whereas"); each claim is a bag of stems with a polarity per stem (negation scope and
 * opposites are resolved by `analyze`, so "is immutable", "isn't mutable" and "can't be changed"
 * meet). Two ways to be wrong:
 *
 * - **a misconception**: the claim says what one of the question's misconceptions says (any of its
 *   phrasings, or its description), word order free, with the same polarity;
 * - **a denial of a key point**: the claim is about a key point (shares its specific words) but
 *   with the opposite polarity on them ("the GIL makes counter += 1 thread-safe" against "the GIL
 *   does not make your code thread-safe"). In generic mode the key points come from the
 *   reference's sentences, so this checks user banks too.
 *
 * Sentences that report a misconception as such ("a common myth is that ...") and code are not
 * claims. Everything here is linear in the answer's length (one pass per claim and target).
 */
import type { CorpusStats } from "./corpus.ts";
import { idf } from "./corpus.ts";
import { PARAMS } from "./params.ts";
import type { PKeyPoint, PreparedQuestion } from "./prepare.ts";
import { type Analysis, type Token, analyze, isContent } from "./text.ts";

/** Stem -> IDF weight and polarity (true = denied). Mixed polarity in one claim: `mixed`. */
export type SignedVector = Map<string, { w: number; neg: boolean; mixed: boolean }>;

export interface Claim {
  start: number;
  end: number;
  /** Sentence index in the analysis. */
  sent: number;
  vec: SignedVector;
  norm: number;
}

/**
 * Reports a misconception rather than holding it ("people often think ...", "it's a myth that ...").
 * Not a bare "false": in an answer about Python that is usually the value `False`.
 */
export const DISCLAIMER =
  /\b(?:misconceptions?|myths?|common (?:mistake|error|pitfall|belief|assumption|confusion|gotcha|trap)s?|(?:people|many|some|beginners|developers|juniors|folks|candidates|newcomers|everyone|a lot of (?:people|devs|developers)|lots of (?:people|devs|developers)) (?:often |sometimes |wrongly |mistakenly |usually |also |tend to |will )?(?:think|thinks|believe|assume|say|claim|expect|guess|imagine|call it)|(?:you|one) (?:might|may|would|could|will|often) (?:think|expect|assume|imagine|guess|hear)|you'?ll (?:often )?hear|you'?d (?:think|expect|assume)|i used to (?:think|believe|assume)|others (?:think|believe|assume|say)|they say|(?:i'?ve|i have) heard (?:people|it said|that)|(?:it'?s|it is) (?:tempting|easy|natural) to (?:think|assume|believe|expect)|the (?:belief|assumption|idea|notion|intuition) that|contrary to|not true|isn'?t true|untrue|mistaken(?:ly)?|misunderstanding|misread|wrong to|incorrect(?:ly)?|falsely|a false (?:belief|assumption|claim|idea)|a trap|beware|(?:wrong|mistaken|false|naive|popular|widespread|common|classic) (?:beliefs?|assumptions?|ideas?|notions?|intuitions?|expectations?)|(?:another|one|a|the|second|other) (?:common |classic |frequent |typical |big |subtle )?(?:mistake|pitfall|gotcha|trap|misconception|error) (?:is|was)|(?:that|this) is not the case|(?:it'?s|it is) not the case)\b/i;

/** Words that start a new claim inside a sentence (also read by the cue matcher, `cues.ts`). */
export const CLAIM_SPLIT: ReadonlySet<string> = new Set(["but", "however", "whereas", "although", "though", "yet", "unlike"]);

/**
 * Appearance and concession: "`counter += 1` looks atomic, but ...", "calling `asyncio.run()`
 * technically works but ..." set up what the rest of the sentence turns on. Not "looks up" or
 * "looks at" (the verb of attribute lookup).
 */
const APPEARANCE: ReadonlySet<string> = new Set(["looks", "look", "seems", "seem", "sounds", "technically", "theoretically"]);
const NOT_APPEARANCE_AFTER: ReadonlySet<string> = new Set(["up", "at", "for", "into", "in", "after"]);

/**
 * Where a sentence's claims start: after its first clause when that clause only says how something
 * looks (or what it technically does) and the sentence turns on it right after (a CLAIM_SPLIT word
 * opening the next clause: "`counter += 1` looks atomic but is a load, an add and a store");
 * otherwise the sentence's first token. The appearance word must sit in that first clause, which
 * ends at the turn or at the first comma, colon or semicolon: "Threads run in parallel, which
 * sounds great, but ..." keeps its claim.
 */
export function appearanceSetupEnd(a: Analysis, first: number, last: number): number {
  let seen = false;
  for (let i = first; i < last; i++) {
    const t = a.tokens[i]!;
    if (CLAIM_SPLIT.has(t.word)) return seen ? i : first;
    if (i > first && /[,;:]/.test(a.text.slice(a.tokens[i - 1]!.end, t.start))) return first;
    if (APPEARANCE.has(t.word) && !NOT_APPEARANCE_AFTER.has(a.tokens[i + 1]?.word ?? "")) seen = true;
  }
  return first;
}

/** Words that describe a misconception rather than state it ("Believes that ..."). */
const DESCRIPTION_WORDS: ReadonlySet<string> = new Set(["believ", "think", "assum", "confus", "expect", "claim", "candid", "mistak"]);

function add(vec: SignedVector, t: Token, w: number): void {
  const cur = vec.get(t.stem);
  if (!cur) vec.set(t.stem, { w, neg: t.neg, mixed: false });
  else if (cur.neg !== t.neg) cur.mixed = true;
}

export function normOf(vec: SignedVector): number {
  let s = 0;
  for (const v of vec.values()) s += v.w * v.w;
  return Math.sqrt(s);
}

/** The signed vector of a short text (a phrasing, a key point), without `exclude`d stems. */
export function signedVectorOf(text: string, corpus: CorpusStats, exclude?: ReadonlySet<string>): SignedVector {
  const vec: SignedVector = new Map();
  for (const t of analyze(text).tokens) {
    if (!isContent(t) || exclude?.has(t.stem) || DESCRIPTION_WORDS.has(t.stem)) continue;
    add(vec, t, idf(corpus, t.stem));
  }
  return vec;
}

/** The answer's claims: prose sentences (not disclaimers), split at contrastive words, without a set-up first clause (appearanceSetupEnd). */
export function claimsOf(a: Analysis, masked: Uint8Array, corpus: CorpusStats): Claim[] {
  const out: Claim[] = [];
  for (let si = 0; si < a.sentences.length; si++) {
    const s = a.sentences[si]!;
    if (s.code) continue;
    if (DISCLAIMER.test(a.text.slice(s.start, s.end))) continue;
    let cur: Claim | undefined;
    const flush = () => {
      if (cur && cur.vec.size > 0) {
        cur.norm = normOf(cur.vec);
        out.push(cur);
      }
      cur = undefined;
    };
    for (let i = appearanceSetupEnd(a, s.first, s.last); i < s.last; i++) {
      const t = a.tokens[i]!;
      if (CLAIM_SPLIT.has(t.word)) {
        flush();
        continue;
      }
      if (masked[i] || !isContent(t)) continue;
      if (!cur) cur = { start: t.start, end: t.end, sent: si, vec: new Map(), norm: 0 };
      cur.end = t.end;
      add(cur.vec, t, idf(corpus, t.stem));
    }
    flush();
  }
  return out;
}

export interface Comparison {
  /** Cosine of the two bags, polarity ignored. */
  cos: number;
  /** Share of the overlap (by weight) whose polarity differs. */
  opposed: number;
  /** Stems in common (polarity ignored). */
  shared: number;
}

export function compare(claim: SignedVector, claimNorm: number, target: SignedVector, targetNorm: number): Comparison {
  if (claimNorm === 0 || targetNorm === 0) return { cos: 0, opposed: 0, shared: 0 };
  let dot = 0;
  let opp = 0;
  let shared = 0;
  const [small, large] = claim.size <= target.size ? [claim, target] : [target, claim];
  for (const [stem, a] of small) {
    const b = large.get(stem);
    if (!b) continue;
    const w = a.w * b.w;
    dot += w;
    shared++;
    if (!a.mixed && !b.mixed && a.neg !== b.neg) opp += w;
  }
  return { cos: dot / (claimNorm * targetNorm), opposed: dot > 0 ? opp / dot : 0, shared };
}

/** A misconception's targets: each phrasing and its description, as signed vectors. */
export interface MisconceptionTargets {
  id: string;
  keyPointId: string | null;
  text: string;
  correction: string;
  /**
   * Per phrasing: its signed vector, and what it says that the question's truth (reference and
   * key points) never says: the stems it has with a polarity the truth does not use. A claim must
   * say those to state the misconception; a phrasing without any is matched literally only.
   */
  targets: Array<{ vec: SignedVector; norm: number; wrong: SignedVector; wrongNorm: number }>;
}

/** A key point's target for denials: its statement and terms, the question's own words left out. */
export interface KeyPointTarget {
  point: PKeyPoint;
  vec: SignedVector;
  norm: number;
}

export function misconceptionTargets(P: PreparedQuestion, corpus: CorpusStats, truthText: string): MisconceptionTargets[] {
  const truthOf = (text: string) => {
    const out = new Set<string>();
    for (const t of analyze(text).tokens) if (isContent(t)) out.add((t.neg ? "!" : "") + t.stem);
    return out;
  };
  const common = truthOf(truthText);
  return P.misconceptions.map((m) => {
    // The truth this misconception is checked against: the reference, the key points, and its own correction.
    const own = truthOf(m.correction ?? "");
    const truth = { has: (f: string) => common.has(f) || own.has(f) };
    return {
      id: m.id,
      keyPointId: m.keyPointId ?? null,
      text: m.text,
      correction: m.correction ?? "",
      targets: m.rawPhrasings
        .map((p) => {
          const vec = signedVectorOf(p, corpus);
          const wrong: SignedVector = new Map();
          for (const [stem, v] of vec) if (!truth.has((v.neg ? "!" : "") + stem) && v.w >= PARAMS.wrongMinIdf) wrong.set(stem, v);
          return { vec, norm: normOf(vec), wrong, wrongNorm: normOf(wrong) };
        })
        .filter((t) => t.wrongNorm > 0 && t.vec.size >= 2),
    };
  });
}

export function keyPointTargets(P: PreparedQuestion, corpus: CorpusStats): KeyPointTarget[] {
  return P.keyPoints.map((point) => {
    const vec = signedVectorOf([point.text, ...point.termTexts].join(". "), corpus, P.qStems);
    return { point, vec, norm: normOf(vec) };
  });
}

export interface WrongClaim {
  kind: "misconception" | "denial";
  /** Misconception id, or the key point's id for a denial. */
  id: string;
  keyPointId: string | null;
  start: number;
  end: number;
  strength: number;
}

/** Every wrong claim in the answer: per claim, at most one per misconception and per denied key point (the strongest). */
export function findWrongClaims(claims: readonly Claim[], mcs: readonly MisconceptionTargets[], kps: readonly KeyPointTarget[]): WrongClaim[] {
  const best = new Map<string, WrongClaim>();
  const keep = (w: WrongClaim) => {
    const key = `${w.kind}:${w.id}:${w.start}`;
    const cur = best.get(key);
    if (!cur || w.strength > cur.strength) best.set(key, w);
  };
  for (const c of claims) {
    for (const m of mcs) {
      for (const t of m.targets) {
        const r = compare(c.vec, c.norm, t.vec, t.norm);
        if (r.shared < PARAMS.misconceptionMinShared || r.opposed > PARAMS.misconceptionMaxOpposed) continue;
        // The claim must say most of the phrasing, and what makes it wrong.
        const fit = coverageOf(c.vec, t.vec, t.norm);
        if (fit < PARAMS.misconceptionFit || r.cos < PARAMS.misconceptionMinCos) continue;
        const wrongFit = coverageOf(c.vec, t.wrong, t.wrongNorm);
        if (wrongFit < PARAMS.misconceptionWrongFit) continue;
        keep({ kind: "misconception", id: m.id, keyPointId: m.keyPointId, start: c.start, end: c.end, strength: fit * wrongFit });
      }
    }
    for (const k of kps) {
      const r = compare(c.vec, c.norm, k.vec, k.norm);
      if (r.shared < PARAMS.denialMinShared || r.opposed < PARAMS.denialMinOpposed) continue;
      const strength = r.cos * r.opposed;
      if (r.cos >= PARAMS.denialMinCos && strength >= PARAMS.denialMatch)
        keep({ kind: "denial", id: k.point.id, keyPointId: k.point.id, start: c.start, end: c.end, strength });
    }
  }
  return [...best.values()].sort((a, b) => a.start - b.start);
}

/** How much of `target` (by squared weight) the claim contains, polarity agreeing. */
function coverageOf(claim: SignedVector, target: SignedVector, targetNorm: number): number {
  if (targetNorm === 0) return 0;
  let got = 0;
  for (const [stem, t] of target) {
    const c = claim.get(stem);
    if (c && (c.mixed || c.neg === t.neg)) got += t.w * t.w;
  }
  return Math.sqrt(got) / targetNorm;
}
