/**
 * Generic mode: derive 3-8 key points from a reference answer when the question has no authored
 * rubric (user banks, any field). Each key point is one claim of the reference (a sentence, or a
 * clause of a long sentence) with its salient words and identifiers as terms, weighted by how much
 * specific content it carries.
 */
import type { KeyPoint } from "../bank/schema.ts";
import { type CorpusStats, idf, maxIdf } from "./corpus.ts";
import { type Token, analyze, isContent } from "./text.ts";

interface Claim {
  text: string;
  tokens: Token[];
  code: string[];
  salience: number;
}

const MIN_CLAIMS = 3;
const MAX_CLAIMS = 8;
const CLAUSE_SPLIT = /\s*(?:;|:\s|\s[-\u2013\u2014]\s|,\s*(?=(?:which|and|but|so|while|whereas|because|so that)\b)|\s(?=because\b|whereas\b))\s*/i;
const IDENT_RE = /`([^`]+)`|\b([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+)\b|\b([A-Za-z]+_[\w]+)\b|\b([A-Za-z_]\w*)\(/g;

function identifiers(text: string): string[] {
  const out: string[] = [];
  IDENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IDENT_RE.exec(text)) !== null) {
    const id = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").trim();
    if (id.length >= 3 && id.length <= 60 && !out.includes(id) && !/\s{2,}/.test(id)) out.push(id);
  }
  return out;
}

function salientTokens(tokens: readonly Token[], qStems: ReadonlySet<string>): Token[] {
  return tokens.filter((t) => isContent(t) && !qStems.has(t.stem) && !/^\d+$/.test(t.word));
}

function salience(tokens: readonly Token[], qStems: ReadonlySet<string>, corpus: CorpusStats): number {
  const seen = new Map<string, number>();
  for (const t of salientTokens(tokens, qStems)) seen.set(t.stem, idf(corpus, t.stem));
  return [...seen.values()]
    .sort((a, b) => b - a)
    .slice(0, 6)
    .reduce((a, b) => a + b, 0);
}

function claimOf(text: string, qStems: ReadonlySet<string>, corpus: CorpusStats): Claim {
  const clean = text.replace(/^\s*(?:[-*\u2022]|\d+[.)])\s+/, "").trim();
  const a = analyze(clean);
  return { text: clean, tokens: a.tokens, code: identifiers(clean), salience: salience(a.tokens, qStems, corpus) };
}

/** Derive key points from `q.reference`. Deterministic. */
export function deriveKeyPoints(q: { prompt: string; reference: string }, qStems: ReadonlySet<string>, corpus: CorpusStats): KeyPoint[] {
  const a = analyze(q.reference);
  let claims: Claim[] = [];
  for (const s of a.sentences) {
    const text = q.reference.slice(s.start, s.end);
    if (s.code) {
      // Code lines lend their identifiers to the claim they illustrate.
      const ids = identifiers(text);
      const prev = claims[claims.length - 1];
      if (prev)
        for (const id of ids)
          if (!prev.code.includes(id) && prev.code.length < 6) prev.code.push(id);
          else if (ids.length > 0) claims.push({ ...claimOf(text, qStems, corpus), code: ids });
      continue;
    }
    claims.push(claimOf(text, qStems, corpus));
  }
  // Fold contentless fragments ("For example:") into their neighbour.
  const folded: Claim[] = [];
  for (const c of claims) {
    const prev = folded[folded.length - 1];
    if (salientTokens(c.tokens, qStems).length < 2 && prev) {
      prev.text = `${prev.text} ${c.text}`;
      prev.tokens = [...prev.tokens, ...c.tokens];
      for (const id of c.code) if (!prev.code.includes(id)) prev.code.push(id);
      prev.salience = salience(prev.tokens, qStems, corpus);
    } else folded.push(c);
  }
  claims = folded.filter((c) => salientTokens(c.tokens, qStems).length > 0 || c.code.length > 0);

  // Too few claims: split the longest at clause boundaries.
  for (let guard = 0; claims.length < MIN_CLAIMS && guard < 8; guard++) {
    let best = -1;
    let bestParts: string[] = [];
    for (let i = 0; i < claims.length; i++) {
      const parts = claims[i]!.text.split(CLAUSE_SPLIT)
        .map((p) => p.trim())
        .filter((p) => salientTokens(analyze(p).tokens, qStems).length >= 2);
      if (parts.length > 1 && (best < 0 || claims[i]!.tokens.length > claims[best]!.tokens.length)) {
        best = i;
        bestParts = parts;
      }
    }
    if (best < 0) break;
    const code = claims[best]!.code;
    const replaced = bestParts.map((p) => claimOf(p, qStems, corpus));
    replaced[0]!.code = [...new Set([...replaced[0]!.code, ...code])];
    claims.splice(best, 1, ...replaced);
  }

  // Too many: keep the most salient, in their original order.
  if (claims.length > MAX_CLAIMS) {
    const keep = new Set(
      claims
        .map((c, i) => ({ i, s: c.salience }))
        .sort((x, y) => y.s - x.s || x.i - y.i)
        .slice(0, MAX_CLAIMS)
        .map((x) => x.i),
    );
    claims = claims.filter((_, i) => keep.has(i));
  }

  const mx = maxIdf(corpus);
  const top = Math.max(...claims.map((c) => c.salience), 1e-9);
  return claims.map((c, i) => {
    let weight = Math.round(1 + 4 * (c.salience / top) * 0.9);
    if (i === 0) weight += 1;
    weight = Math.max(1, Math.min(5, weight));
    return {
      id: `point-${i + 1}`,
      weight,
      text: c.text.length >= 10 ? c.text : `${c.text} (from the reference answer)`,
      terms: claimTerms(c, qStems, corpus, mx),
      code: c.code.slice(0, 6),
    };
  });
}

/** Salient single words and adjacent pairs of a claim, polarity kept ("not safe"). */
function claimTerms(c: Claim, qStems: ReadonlySet<string>, corpus: CorpusStats, mx: number): string[] {
  const terms: string[] = [];
  const content = c.tokens.filter(isContent);
  const sal = salientTokens(c.tokens, qStems);
  const word = (t: Token) => (t.neg ? `not ${t.word}` : t.word);
  // Pairs of adjacent content words in one clause, at least one of them specific.
  for (let i = 0; i + 1 < content.length; i++) {
    const x = content[i]!;
    const y = content[i + 1]!;
    if (x.sent !== y.sent || qStems.has(x.stem) || qStems.has(y.stem) || x.stem === y.stem) continue;
    if (Math.max(idf(corpus, x.stem), idf(corpus, y.stem)) < 0.6 * mx) continue;
    const between = c.text.slice(x.end, y.start);
    if (/[,;:()]/.test(between)) continue;
    const pair = x.neg || y.neg ? `not ${x.word} ${y.word}` : `${x.word} ${y.word}`;
    if (!terms.includes(pair)) terms.push(pair);
    if (terms.length >= 4) break;
  }
  // The most specific single words.
  const singles = [...new Map(sal.map((t) => [t.stem, t])).values()]
    .filter((t) => idf(corpus, t.stem) >= 0.5 * mx && t.word.length >= 3)
    .sort((x, y) => idf(corpus, y.stem) - idf(corpus, x.stem) || x.start - y.start)
    .slice(0, 5);
  for (const t of singles) {
    const w = word(t);
    if (!terms.includes(w)) terms.push(w);
  }
  return terms;
}
