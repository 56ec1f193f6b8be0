/**
 * Finds misconceptions by their authored cue patterns (syntax: `lib/bank/cues.ts`): a claim (a
 * prose sentence that does not report a misconception as such, split again at "but", "whereas"...
 * and at semicolons; a first clause that only sets up the next one, "X looks atomic, but ...", is
 * not one) states a misconception when every required group of one of its patterns occurs in it and no
 * excluded group does. Alternatives match on stems, in order (one other word may sit between two
 * words of a phrase, function words included), with the polarity they are written with, so "doesn't need a lock" meets
 * "no lock" and "isn't thread-safe" does not meet "thread safe".
 *
 * Cost: one pass over the answer to index its stems, then per alternative a walk over the
 * positions of its first stem: linear in the answer's length for a fixed bank.
 */
import { splitCuePattern } from "../bank/cues.ts";
import type { Question } from "../bank/schema.ts";
import { CLAIM_SPLIT, DISCLAIMER, appearanceSetupEnd } from "./claims.ts";
import { type Analysis, type Token, analyze } from "./text.ts";

interface CueWord {
  stem: string;
  neg: boolean;
  /** Matches any negation word ("not", "never", "no", "without"...). */
  anyNegation?: boolean;
}
interface CueGroup {
  absent: boolean;
  alternatives: CueWord[][];
}
export interface CuePattern {
  source: string;
  groups: CueGroup[];
}

const compiled = new Map<string, CuePattern | null>();

function wordsOf(alternative: string): CueWord[] {
  const tokens = analyze(alternative).tokens;
  // Only negation words ("not | never", "!no"): any negation word of the claim.
  if (tokens.length > 0 && tokens.every((t) => t.cue && t.word !== "none")) return [{ stem: "not", neg: false, anyNegation: true }];
  // Every word but the negation cues, whose meaning is the polarity of the words they govern;
  // "none" on its own is Python's None ("== none", "not none").
  return tokens.filter((t) => !t.cue || t.word === "none").map((t) => (t.cue ? { stem: "none", neg: false } : { stem: t.stem, neg: t.neg }));
}

/** Compiles one pattern (cached per source text); null when it is malformed or has no words. */
export function compileCuePattern(source: string): CuePattern | null {
  const hit = compiled.get(source);
  if (hit !== undefined) return hit;
  const split = splitCuePattern(source);
  let out: CuePattern | null = null;
  if (!("error" in split)) {
    const groups = split.groups.map((g) => {
      const alternatives = g.alternatives.map(wordsOf).filter((w) => w.length > 0);
      // A bare "not" among real alternatives adds nothing ("not see | not read | not"); a group of
      // negation words only means "a negation word".
      const real = alternatives.filter((w) => !w[0]!.anyNegation);
      return { absent: g.absent, alternatives: real.length > 0 ? real : alternatives };
    });
    // A group left without words (only negation words: "not | never") would silently loosen the pattern.
    if (groups.every((g) => g.alternatives.length > 0)) out = { source: split.source, groups };
  }
  compiled.set(source, out);
  return out;
}

/** The answer's claims as token index lists, and an index from stem to positions in that list. */
export interface CueIndex {
  /** Per word kept: its claim number. */
  claimOf: Int32Array;
  /** The claims' words, in order (indices into the analysis' tokens); negation words have the stem "not". */
  order: number[];
  /** Stem -> positions in `order`. */
  byStem: Map<string, number[]>;
  /** Claim number -> [start, end) character span. */
  spans: Array<{ start: number; end: number }>;
  /**
   * Claim number -> the claim its pronoun subject refers to ("For timestamps I call utcnow(). It
   * returns an aware datetime."): the claim just before it in the same paragraph, or -1.
   */
  antecedent: Int32Array;
}

/** Words that, near the start of a claim, stand for what the claim before it named. */
const PRONOUN_SUBJECT: ReadonlySet<string> = new Set(["it", "it's", "they", "they're", "this", "that", "that's", "these", "those", "its", "their", "them"]);
/** How many words into a claim its pronoun subject may sit ("And then it ..."). */
const PRONOUN_REACH = 1;
/** Words that may come before that pronoun ("And then it ..."). */
const CLAIM_LEAD: ReadonlySet<string> = new Set(["and", "so", "then", "also", "plus", "now", "which", "because", "since"]);

export function cueIndex(a: Analysis, masked?: Uint8Array): CueIndex {
  const order: number[] = [];
  const claims: number[] = [];
  const byStem = new Map<string, number[]>();
  const spans: Array<{ start: number; end: number }> = [];
  const antecedent: number[] = [];
  // The claim a pronoun at the start of the next one can refer to: the last claim read, unless a
  // skipped sentence (code, a reported myth) or a paragraph break came after it.
  let previous = -1;
  for (let si = 0; si < a.sentences.length; si++) {
    const s = a.sentences[si]!;
    if (previous >= 0 && /\n\s*\n/.test(a.text.slice(spans[previous]!.end, s.start))) previous = -1;
    if (s.code || DISCLAIMER.test(a.text.slice(s.start, s.end))) {
      previous = -1;
      continue;
    }
    let claim = -1;
    let wordsInClaim = 0;
    for (let i = appearanceSetupEnd(a, s.first, s.last); i < s.last; i++) {
      const t = a.tokens[i]!;
      if (CLAIM_SPLIT.has(t.word)) {
        if (claim >= 0) previous = claim;
        claim = -1;
        continue;
      }
      // A semicolon starts a new claim too.
      if (claim >= 0 && a.text.slice(spans[claim]!.end, t.start).includes(";")) {
        previous = claim;
        claim = -1;
      }
      if (masked?.[i]) continue;
      if (claim < 0) {
        claim = spans.length;
        spans.push({ start: t.start, end: t.end });
        antecedent.push(-1);
        wordsInClaim = 0;
      }
      if (!CLAIM_LEAD.has(t.word)) wordsInClaim += 1;
      if (wordsInClaim <= PRONOUN_REACH && PRONOUN_SUBJECT.has(t.word) && antecedent[claim] === -1) antecedent[claim] = previous;
      spans[claim]!.end = t.end;
      const pos = order.length;
      order.push(i);
      claims.push(claim);
      let list = byStem.get(t.stem);
      if (!list) byStem.set(t.stem, (list = []));
      list.push(pos);
    }
    if (claim >= 0) previous = claim;
  }
  return { claimOf: Int32Array.from(claims), order, byStem, spans, antecedent: Int32Array.from(antecedent) };
}

/** Positions (in `order`) where the alternative starts. */
function occurrences(a: Analysis, idx: CueIndex, words: CueWord[], out: number[]): void {
  const first = words[0]!;
  const same = (t: Token, w: CueWord) => (w.anyNegation ? t.cue : !t.cue && t.stem === w.stem && t.neg === w.neg);
  for (const p of idx.byStem.get(first.stem) ?? []) {
    if (!same(a.tokens[idx.order[p]!]!, first)) continue;
    const claim = idx.claimOf[p]!;
    let at = p;
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) {
      const w = words[k]!;
      ok = false;
      for (let step = 1; step <= 2; step++) {
        const q = at + step;
        if (q >= idx.order.length || idx.claimOf[q] !== claim) break;
        const t = a.tokens[idx.order[q]!]!;
        // A phrase does not span a comma or a semicolon ("self.value" is not "(self, obj, value)").
        if (/[,;]/.test(a.text.slice(a.tokens[idx.order[at]!]!.end, t.start))) break;
        if (same(t, w)) {
          at = q;
          ok = true;
          break;
        }
      }
    }
    if (ok) out.push(p);
  }
}

/**
 * Required groups must meet within this many words of one another (a long sentence that lists
 * several ideas is not one claim about all of them).
 */
export const CUE_REACH = 16;

/** Claim numbers in which the pattern holds. */
export function matchCuePattern(a: Analysis, idx: CueIndex, pattern: CuePattern): number[] {
  const required: number[][] = [];
  for (const g of pattern.groups) {
    if (g.absent) continue;
    const at: number[] = [];
    for (const alt of g.alternatives) occurrences(a, idx, alt, at);
    if (at.length === 0) return [];
    required.push(at);
  }
  const excluded = new Set<number>();
  for (const g of pattern.groups) {
    if (!g.absent) continue;
    const at: number[] = [];
    for (const alt of g.alternatives) occurrences(a, idx, alt, at);
    for (const p of at) excluded.add(idx.claimOf[p]!);
  }
  // Anchor on the group with the fewest occurrences; every other group within reach, same claim.
  required.sort((x, y) => x.length - y.length);
  const [anchor, ...rest] = required;
  const out = new Set<number>();
  for (const p of anchor!) {
    const claim = idx.claimOf[p]!;
    if (out.has(claim) || excluded.has(claim)) continue;
    if (rest.every((at) => at.some((q) => idx.claimOf[q] === claim && Math.abs(q - p) <= CUE_REACH))) out.add(claim);
  }
  // A claim whose pronoun subject stands for the claim before it: the groups it lacks may come
  // from that claim (at least one group in the claim itself; nothing excluded in either).
  if (idx.antecedent.some((x) => x >= 0)) {
    const claimsOf = required.map((at) => new Set(Array.from(at, (q) => idx.claimOf[q]!)));
    for (let c = 0; c < idx.antecedent.length; c++) {
      const ante = idx.antecedent[c]!;
      if (ante < 0 || out.has(c) || excluded.has(c) || excluded.has(ante)) continue;
      let own = 0;
      let borrowed = 0;
      for (const claims of claimsOf) {
        if (claims.has(c)) own += 1;
        else if (claims.has(ante)) borrowed += 1;
        else break;
      }
      // The claim before names the subject (one group); the claim itself says the rest.
      if (own >= 1 && borrowed === 1 && own + borrowed === claimsOf.length) out.add(c);
    }
  }
  return [...out];
}

export interface CueHit {
  id: string;
  start: number;
  end: number;
  pattern: string;
}

/** Every claim that states one of the misconceptions by a cue pattern (one hit per misconception and claim). */
export function findCueHits(a: Analysis, misconceptions: ReadonlyArray<{ id: string; cues: readonly string[] }>, masked?: Uint8Array): CueHit[] {
  if (!misconceptions.some((m) => m.cues.length > 0)) return [];
  const idx = cueIndex(a, masked);
  const out: CueHit[] = [];
  for (const m of misconceptions) {
    const seen = new Set<number>();
    for (const source of m.cues) {
      const pattern = compileCuePattern(source);
      if (!pattern) continue;
      for (const c of matchCuePattern(a, idx, pattern)) {
        if (seen.has(c)) continue;
        seen.add(c);
        out.push({ id: m.id, ...idx.spans[c]!, pattern: source });
      }
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** What a question says is true: its reference, key points and terms, corrections, clarifications. */
export function truthTexts(q: Question): Array<{ where: string; text: string }> {
  return [
    { where: "reference", text: q.reference },
    ...q.keyPoints.flatMap((k) => [{ where: `keyPoints.${k.id}`, text: k.text }, ...k.terms.map((t) => ({ where: `keyPoints.${k.id}.terms`, text: t }))]),
    ...q.misconceptions.flatMap((m) => (m.correction ? [{ where: `misconceptions.${m.id}.correction`, text: m.correction }] : [])),
    ...Object.entries(q.clarifications).map(([k, v]) => ({ where: `clarifications.${k}`, text: v ?? "" })),
  ];
}

/**
 * Cue patterns that fire on the question's own truth: a pattern that matches a sentence of the
 * reference, a key point, a correction or a clarification would call a correct answer wrong
 * (bank:check reports these as errors).
 */
export function cuesFiringOnTruth(q: Question): Array<{ misconception: string; pattern: string; where: string; sentence: string }> {
  const out: Array<{ misconception: string; pattern: string; where: string; sentence: string }> = [];
  for (const m of q.misconceptions)
    for (const c of m.cues ?? [])
      if (!compileCuePattern(c))
        out.push({ misconception: m.id, pattern: c, where: "pattern", sentence: "a group has no words the scorer can match (only negation words?)" });
  const withCues = q.misconceptions.map((m) => ({ id: m.id, cues: m.cues ?? [] }));
  for (const { where, text } of truthTexts(q)) {
    const a = analyze(text);
    for (const h of findCueHits(a, withCues)) out.push({ misconception: h.id, pattern: h.pattern, where, sentence: text.slice(h.start, h.end) });
  }
  return out;
}
