/**
 * Matching stemmed phrases against an answer: multi-word terms as stem sequences within a small
 * window of one sentence (order-free, small gaps allowed, long phrasings partially), with the
 * polarity of every matched word compared against the phrase's (so a denial is not a match).
 */
import type { PTerm, Vector } from "./prepare.ts";
import type { Token } from "./text.ts";

export interface AnswerIndex {
  /** Unmasked content tokens, in order. */
  content: Token[];
  /** stem -> positions in `content`. */
  positions: Map<string, number[]>;
}

export function indexContent(content: Token[]): AnswerIndex {
  const positions = new Map<string, number[]>();
  for (let i = 0; i < content.length; i++) {
    const s = content[i]!.stem;
    const list = positions.get(s);
    if (list) list.push(i);
    else positions.set(s, [i]);
  }
  return { content, positions };
}

export interface Hit {
  start: number;
  end: number;
  sent: number;
  /** Share (by IDF) of the phrase's words found. */
  frac: number;
  /** Every matched word has the phrase's polarity. */
  agrees: boolean;
  /** The anchor token (for its clause's subject). */
  anchor: Token;
}

/** The share of a phrase (by IDF) that must be present in the window. */
export function requiredShare(k: number, strict: boolean): number {
  if (k <= 2) return 1;
  if (strict) return k <= 3 ? 1 : RED_FLAG_SHARE;
  return k === 3 ? 0.66 : 0.7;
}

/** Red-flag phrasings of 4+ words: the share (by IDF) that must match, within one clause, and the fewest words. */
const RED_FLAG_SHARE = 0.9;
const RED_FLAG_MIN_WORDS = 3;

/**
 * All matches of `term` in the answer (at most one per anchor occurrence, deduplicated by span).
 * `strict` asks for more of a long phrase (red-flag phrasings).
 */
export function matchPhrase(term: PTerm, idx: AnswerIndex, strict = false): Hit[] {
  const k = term.stems.length;
  const need = requiredShare(k, strict);
  let total = 0;
  for (const w of term.idfs) total += w;
  // Anchor on the most specific word that occurs; if even that is absent, a full match is impossible
  // for short phrases, and long ones need their anchor-or-next.
  const present: number[] = [];
  for (let i = 0; i < k; i++) {
    if (idx.positions.has(term.stems[i]!)) present.push(i);
    else if (term.required?.[i]) return [];
  }
  if (present.length === 0) return [];
  let presentIdf = 0;
  for (const i of present) presentIdf += term.idfs[i]!;
  if (presentIdf / total < need - 1e-9) return [];
  present.sort((a, b) => term.idfs[b]! - term.idfs[a]!);
  const anchor = present[0]!;
  const window = strict ? k + 1 : k + 2;
  const ordered = term.kind === "code";
  const hits: Hit[] = [];
  const seen = new Set<string>();
  for (const p of idx.positions.get(term.stems[anchor]!)!) {
    const at = idx.content[p]!;
    let got = term.idfs[anchor]!;
    let agrees = at.neg === term.negs[anchor];
    let lo = p;
    let hi = p;
    let missingRequired = false;
    let matchedCount = 1;
    for (let i = 0; i < k; i++) {
      if (i === anchor) continue;
      const list = idx.positions.get(term.stems[i]!);
      if (!list) continue;
      let best = -1;
      let bestD = Infinity;
      if (ordered) {
        // Code identifiers: the parts in order, adjacent ("threading.Lock", not "lock ... thread").
        const want = p + (i - anchor);
        if (list.includes(want) && idx.content[want]!.sent === at.sent) best = want;
      } else {
        for (const q of list) {
          const d = Math.abs(q - p);
          const c = idx.content[q]!;
          if (d <= window && d < bestD && c.sent === at.sent && (!strict || c.clause === at.clause)) {
            best = q;
            bestD = d;
          }
        }
      }
      if (best < 0) {
        if (term.required?.[i]) missingRequired = true;
        continue;
      }
      got += term.idfs[i]!;
      matchedCount++;
      if (idx.content[best]!.neg !== term.negs[i]) agrees = false;
      if (best < lo) lo = best;
      if (best > hi) hi = best;
    }
    const frac = got / total;
    if (frac < need - 1e-9 || missingRequired) continue;
    if (strict && k >= 4 && frac < 1 && matchedCount < RED_FLAG_MIN_WORDS) continue;
    const start = idx.content[lo]!.start;
    const end = idx.content[hi]!.end;
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push({ start, end, sent: at.sent, frac, agrees, anchor: at });
  }
  return hits;
}

/** Dot product of two sparse vectors. */
export function dot(a: Vector, b: Vector): number {
  let s = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [f, w] of small) {
    const v = large.get(f);
    if (v !== undefined) s += w * v;
  }
  return s;
}
