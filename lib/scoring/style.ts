/**
 * The shape of an answer, independent of its subject: how much is prose and how much code, and
 * whether the prose is a keyword dump (comma lists and short fragments with almost no verbs or
 * function words) rather than statements.
 */
import { VERBISH } from "./lexicon.ts";
import type { Analysis, Token } from "./text.ts";

export interface StyleStats {
  /** Unmasked tokens on prose lines. */
  proseTokens: number;
  /** Unmasked content tokens on prose lines. */
  proseContent: number;
  /** Unmasked tokens on code lines. */
  codeTokens: number;
  /** Only code (and code comments), no prose worth the name. */
  codeOnly: boolean;
  /** Share of prose tokens in label-like fragments (no verb, no function word, <= 4 words). */
  labelShare: number;
  /** Share of prose tokens that are function words. */
  functionShare: number;
  /** 0..1: how much the prose reads as a bare list of terms. */
  dump: number;
}

const FRAGMENT_BREAK = /[,;:|/()\u2022\u2014\u2013\n]|\.\s|\s-\s|\s->\s|\s=>\s/;

function isVerbish(t: Token): boolean {
  if (t.cue || VERBISH.has(t.word)) return true;
  // "-ed"/"-ing" forms of longer words read as verbs ("cached", "blocking"), nouns rarely do.
  return false;
}

export function styleOf(a: Analysis, masked: (t: Token) => boolean): StyleStats {
  let proseTokens = 0;
  let proseContent = 0;
  let codeTokens = 0;
  let functionWords = 0;
  let labelTokens = 0;
  let listTokens = 0;
  for (const s of a.sentences) {
    if (s.code) {
      for (let i = s.first; i < s.last; i++) if (!masked(a.tokens[i]!)) codeTokens++;
      continue;
    }
    let frag: Token[] = [];
    const frags: Token[][] = [];
    const flush = () => {
      if (frag.length === 0) return;
      frags.push(frag);
      frag = [];
    };
    for (let i = s.first; i < s.last; i++) {
      const t = a.tokens[i]!;
      if (masked(t)) continue;
      const prev = frag[frag.length - 1];
      if (prev && FRAGMENT_BREAK.test(a.text.slice(prev.end, t.start))) flush();
      frag.push(t);
      proseTokens++;
      if (t.stop || t.cue) functionWords++;
      else proseContent++;
    }
    flush();
    // A long comma list of short phrases is a list, whatever the phrases contain.
    const n = frags.reduce((x, f) => x + f.length, 0);
    const commas = (a.text.slice(s.start, s.end).match(/[,;\u2022]/g) ?? []).length;
    const listy = commas >= 5 && n / (commas + 1) <= 5;
    if (listy) listTokens += n;
    for (const f of frags) {
      const fw = f.filter((t) => t.stop || t.cue).length;
      const verbs = f.filter(isVerbish).length;
      if (listy || (f.length <= 4 && fw === 0 && verbs === 0) || (f.length <= 2 && verbs === 0)) labelTokens += f.length;
    }
  }
  const labelShare = proseTokens ? labelTokens / proseTokens : 0;
  const functionShare = proseTokens ? functionWords / proseTokens : 0;
  let dump = 0;
  if (proseTokens >= 3) {
    const a1 = clamp01((labelShare - 0.4) / 0.3);
    const b1 = clamp01((0.3 - functionShare) / 0.2);
    dump = a1 * (0.4 + 0.6 * b1);
    if (functionShare < 0.08 && proseTokens >= 6) dump = Math.max(dump, 0.85);
    // Mostly long comma lists of short phrases: a dump, whatever words the phrases contain.
    if (listTokens / proseTokens >= 0.7) dump = Math.max(dump, 0.9 + 0.1 * clamp01((listTokens / proseTokens - 0.7) / 0.3));
  }
  const codeOnly = codeTokens > 0 && proseContent < 4;
  return { proseTokens, proseContent, codeTokens, codeOnly, labelShare, functionShare, dump: codeOnly ? 0 : dump };
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
