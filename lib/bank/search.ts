/**
 * A small inverted index over the questions, built once per bank load. Words are folded (case and
 * accents), stopped (the base list) and stemmed (Porter alone, no paraphrases) by the text kernel
 * (lib/kernel/text.ts), so "decorators" finds "decorator" and "threading" finds "threads". Hits in
 * the title, tags, topic or id rank above hits that only occur in the body (prompt, key points,
 * follow-ups, red flags, reference, errata): per query term the body can add at most BODY_CAP, less
 * than the weakest primary field. Questions matching more of the query's terms rank first. The
 * last query word also matches as a prefix ("gen" finds "generators"), so a search box can call it
 * as the user types.
 */
import { SEARCH_STOPWORDS as STOPWORDS, stem as kernelStem, tokenize as kernelTokenize } from "../kernel/text.ts";
import type { Question } from "./schema.ts";

/** Field weights. Primary fields: every hit outranks any body-only hit. */
const PRIMARY = { title: 10, tags: 8, topic: 6, id: 6 } as const;
const BODY = { prompt: 3, keyPoints: 2, followUps: 1, misconceptions: 1, reference: 1, errata: 1 } as const;
const BODY_CAP = 5;
const PREFIX_FACTOR = 0.5;

/** Search's words of a text: lower-cased, accents removed, letters and digits of any script, in order. */
export function tokenize(text: string): string[] {
  return kernelTokenize(text, "folded");
}

/** Search's stem of one word: Porter (memoised). */
export function stem(word: string): string {
  return kernelStem(word, "porter");
}

/** Stemmed words of a text without stopwords: the terms search indexes and looks up. */
export function stemmedTerms(text: string): string[] {
  return tokenize(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

type Posting = { primary: number; body: number };

export type SearchIndex = {
  /** Indices into the question list, best first; `limit` defaults to 20. */
  search(query: string, limit?: number): number[];
};

export function buildSearchIndex(questions: readonly Question[]): SearchIndex {
  const postings = new Map<string, Map<number, Posting>>();
  /** Every indexed surface word, for prefix matching of the last query word. */
  const words = new Map<string, string>(); // word -> stem

  const add = (doc: number, text: string, weight: number, kind: keyof Posting) => {
    const counts = new Map<string, number>();
    for (const word of tokenize(text)) {
      if (STOPWORDS.has(word)) continue;
      const s = stem(word);
      if (!words.has(word)) words.set(word, s);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    for (const [term, tf] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = new Map()));
      let p = list.get(doc);
      if (!p) list.set(doc, (p = { primary: 0, body: 0 }));
      p[kind] += weight * (1 + Math.log(tf));
    }
  };

  questions.forEach((q, doc) => {
    add(doc, q.title, PRIMARY.title, "primary");
    add(doc, q.tags.join(" "), PRIMARY.tags, "primary");
    add(doc, q.topic, PRIMARY.topic, "primary");
    add(doc, q.id, PRIMARY.id, "primary");
    if (q.prompt !== q.title) add(doc, q.prompt, BODY.prompt, "body");
    add(doc, q.keyPoints.map((k) => `${k.text} ${k.terms.join(" ")} ${k.code.join(" ")}`).join(" "), BODY.keyPoints, "body");
    add(doc, q.followUps.map((f) => f.text).join(" "), BODY.followUps, "body");
    add(doc, q.misconceptions.map((r) => `${r.text} ${r.phrasings.join(" ")}`).join(" "), BODY.misconceptions, "body");
    add(doc, q.reference, BODY.reference, "body");
    if (q.errata) add(doc, q.errata, BODY.errata, "body");
  });

  const n = questions.length;
  const idf = (term: string) => Math.log(1 + n / (postings.get(term)?.size ?? n));

  return {
    search(query, limit = 20) {
      const qWords = tokenize(query).filter((w) => !STOPWORDS.has(w));
      if (qWords.length === 0 || limit <= 0) return [];
      const groups: Array<Array<{ term: string; factor: number }>> = [];
      const seen = new Set<string>();
      qWords.forEach((word, i) => {
        const s = stem(word);
        if (seen.has(s)) return;
        seen.add(s);
        const group = [{ term: s, factor: 1 }];
        if (i === qWords.length - 1 && word.length >= 2) {
          const extra = new Set<string>();
          for (const [w, ws] of words) if (ws !== s && w.startsWith(word)) extra.add(ws);
          for (const t of extra) group.push({ term: t, factor: PREFIX_FACTOR });
        }
        groups.push(group);
      });

      const scores = new Map<number, { score: number; matched: number }>();
      for (const group of groups) {
        const best = new Map<number, number>(); // a query word counts once per doc: its best variant
        for (const { term, factor } of group) {
          const list = postings.get(term);
          if (!list) continue;
          const weight = idf(term) * factor;
          for (const [doc, p] of list) {
            const value = weight * (p.primary + Math.min(p.body, BODY_CAP));
            if (value > (best.get(doc) ?? 0)) best.set(doc, value);
          }
        }
        for (const [doc, value] of best) {
          const s = scores.get(doc) ?? { score: 0, matched: 0 };
          s.score += value;
          s.matched += 1;
          scores.set(doc, s);
        }
      }
      const phrase = query.trim().toLowerCase();
      const ranked = [...scores].map(([doc, { score, matched }]) => {
        const coverage = matched / groups.length;
        let total = score * coverage * coverage;
        const q = questions[doc]!;
        if (q.id === phrase) total += 1000;
        else if (phrase.length >= 4 && q.title.toLowerCase().includes(phrase)) total *= 1.5;
        return { doc, total };
      });
      ranked.sort((a, b) => b.total - a.total || a.doc - b.doc);
      return ranked.slice(0, limit).map((r) => r.doc);
    },
  };
}
