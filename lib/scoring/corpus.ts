/**
 * Corpus statistics for IDF weights: one "document" per question (prompt, reference, key points,
 * terms, red flags). Computed once per question set and cached. Callers pass the corpus to
 * `scoreAnswer(input, { corpus })` (the app: its bank's, lib/sessions/scoring.ts; the evaluation and
 * the CLIs: the banks they load); without one a question is scored against its own corpus
 * (lib/scoring/prepare.ts `corpusFor`). Nothing here is process-wide state.
 */
import { COMMON_WORDS } from "./lexicon.ts";
import { analyze, isContent, stem } from "./text.ts";

export interface CorpusStats {
  /** Number of documents. */
  readonly docs: number;
  /** Document frequency per stem. */
  readonly df: ReadonlyMap<string, number>;
  /** A short identifier for caches (changes when the documents change). */
  readonly id: string;
}

/** The parts of a question the corpus reads; a bank `Question` fits, and so does a generic one. */
export interface CorpusQuestion {
  prompt?: string;
  title?: string;
  reference: string;
  keyPoints?: ReadonlyArray<{ text: string; terms?: readonly string[]; code?: readonly string[] }>;
  misconceptions?: ReadonlyArray<{ text: string; phrasings: readonly string[] }>;
}

/** All the text of a question, as one document. */
export function questionDocument(q: CorpusQuestion): string {
  const parts: string[] = [q.title ?? "", q.prompt ?? "", q.reference];
  for (const kp of q.keyPoints ?? []) {
    parts.push(kp.text, (kp.terms ?? []).join("; "), (kp.code ?? []).join(", "));
  }
  for (const rf of q.misconceptions ?? []) parts.push(rf.text, rf.phrasings.join("; "));
  return parts.join("\n");
}

let corpusCounter = 0;

/** Document frequencies over `documents` (any strings). */
export function buildCorpusStats(documents: Iterable<string>): CorpusStats {
  const df = new Map<string, number>();
  let docs = 0;
  for (const doc of documents) {
    docs++;
    const seen = new Set<string>();
    for (const t of analyze(doc).tokens) if (isContent(t)) seen.add(t.stem);
    for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
  }
  corpusCounter++;
  return { docs, df, id: `c${corpusCounter}-${docs}` };
}

const byQuestionList = new WeakMap<readonly CorpusQuestion[], CorpusStats>();
const byHashes = new Map<string, CorpusStats>();

/**
 * Corpus statistics of a question set (a bank's `list()`), cached per array and, when every
 * question has a `contentHash`, per set of hashes (so a fresh `list()` array hits the cache).
 */
export function corpusFromQuestions(questions: readonly (CorpusQuestion & { id?: string; contentHash?: string })[]): CorpusStats {
  let c = byQuestionList.get(questions);
  if (c) return c;
  const hashed = questions.length > 0 && questions.every((q) => q.contentHash);
  const key = hashed ? questions.map((q) => `${q.id ?? ""}:${q.contentHash}`).join(",") : "";
  if (hashed) c = byHashes.get(key);
  if (!c) {
    c = buildCorpusStats(questions.map(questionDocument));
    if (hashed) {
      if (byHashes.size >= 16) byHashes.clear();
      byHashes.set(key, c);
    }
  }
  byQuestionList.set(questions, c);
  return c;
}

const COMMON_STEMS: ReadonlySet<string> = new Set([...COMMON_WORDS].map((w) => stem(w)));

/** IDF cap for common English words that say little about any subject. */
const COMMON_IDF = 1.0;

const idfCaches = new WeakMap<CorpusStats, Map<string, number>>();

/** Smoothed IDF: ln((N+1)/(df+1)) + 1; common English words are capped low. */
export function idf(corpus: CorpusStats, s: string): number {
  let cache = idfCaches.get(corpus);
  if (!cache) {
    cache = new Map();
    idfCaches.set(corpus, cache);
  }
  let v = cache.get(s);
  if (v === undefined) {
    const df = corpus.df.get(s) ?? 0;
    v = Math.log((corpus.docs + 1) / (df + 1)) + 1;
    if (COMMON_STEMS.has(s)) v = Math.min(v, COMMON_IDF);
    if (s.length <= 1 || /^\d+$/.test(s)) v = Math.min(v, COMMON_IDF);
    cache.set(s, v);
  }
  return v;
}

/** The largest IDF in this corpus (an unseen word). */
export function maxIdf(corpus: CorpusStats): number {
  return Math.log(corpus.docs + 1) + 1;
}
