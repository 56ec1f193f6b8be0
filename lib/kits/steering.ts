/**
 * Job-description steering. The description's words are read as bank search reads them (words,
 * stopwords and stems: lib/bank/search.ts on the text kernel), less job-ad words, and weighed
 * by how rare they are across the candidate questions (a word every question has, like "python",
 * weighs nothing). A question scores for each description term found in its title, tags or topic
 * (x3) or in its prompt and key points (x1); topics score by the share of their questions' scores.
 * The builder ranks questions by score (plus their topic's share), so the description steers both
 * the topics and the questions. Pure and deterministic.
 */
import { stemmedTerms, tokenize, stem } from "../bank/search.ts";
import { JOB_AD_WORDS } from "../kernel/text.ts";
import type { Question } from "../bank/schema.ts";
import { isTellingTerm, wordKey } from "./terms.ts";

/** Job-ad words (the kernel's JOB_AD_WORDS), stemmed as search stems: compared with the description's stems. */
const JD_STOPWORDS = new Set([...JOB_AD_WORDS].map(stem));

const PRIMARY_WEIGHT = 3;
const BODY_WEIGHT = 1;

export type Steering = {
  /** Relevance of each question id (0 when nothing matched). */
  scores: Map<string, number>;
  /**
   * Per question id, the words it matched, most telling first, for display: only words found in
   * the question's title, tags or topic in the same form as in the description (so never a stem
   * collision such as "suites" for "suitable"), and never a generic word.
   */
  matched: Map<string, string[]>;
  /** The description's words shown as matching some question (same rule as `matched`), most telling first. */
  terms: string[];
  /** Topics by their share of the total relevance, highest first. */
  topics: { topic: string; share: number }[];
};

function primaryText(q: Question): string {
  return `${q.title} ${q.tags.join(" ")} ${q.topic} ${q.id.replace(/-/g, " ")}`;
}

function bodyText(q: Question): string {
  const points = q.keyPoints.map((k) => `${k.text} ${k.terms.join(" ")} ${k.code.join(" ")}`).join(" ");
  return `${q.prompt} ${points}`;
}

type QuestionTerms = { primary: Set<string>; body: Set<string>; primaryWords: Map<string, string> };

/** Stemmed terms of a question's fields, computed once per loaded question. */
const termCache = new WeakMap<Question, QuestionTerms>();
function termsOf(q: Question): QuestionTerms {
  let t = termCache.get(q);
  if (!t) {
    const primaryWords = new Map<string, string>();
    for (const w of tokenize(primaryText(q))) if (!primaryWords.has(wordKey(w))) primaryWords.set(wordKey(w), w);
    t = { primary: new Set(stemmedTerms(primaryText(q))), body: new Set(stemmedTerms(bodyText(q))), primaryWords };
    termCache.set(q, t);
  }
  return t;
}

/** Returns null for an empty (or all-stopword) description. */
export function steer(jobDescription: string | undefined, questions: readonly Question[]): Steering | null {
  if (!jobDescription?.trim()) return null;
  const tf = new Map<string, number>();
  const surface = new Map<string, Map<string, number>>();
  for (const word of tokenize(jobDescription)) {
    const terms = stemmedTerms(word);
    const s = terms[0];
    if (!s || terms.length !== 1 || JD_STOPWORDS.has(s) || /^\d+$/.test(s) || word.length < 2) continue;
    tf.set(s, (tf.get(s) ?? 0) + 1);
    const forms = surface.get(s) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + 1);
    surface.set(s, forms);
  }
  if (tf.size === 0) return null;

  const docs = questions.map((q) => ({ q, ...termsOf(q) }));
  const n = docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set([...d.primary, ...d.body])) if (tf.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = new Map<string, number>();
  for (const [t, count] of tf) {
    const f = df.get(t) ?? 0;
    if (f === 0 || f === n) continue;
    weight.set(t, Math.sqrt(count) * Math.log(n / f));
  }

  const scores = new Map<string, number>();
  const matched = new Map<string, string[]>();
  const display = (t: string) => [...(surface.get(t) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? t;
  /** The question's own word for a description term, when it has the same word (plural aside). */
  const shownIn = (d: QuestionTerms, t: string): string | null => {
    if (!d.primary.has(t)) return null;
    for (const form of surface.get(t)?.keys() ?? []) {
      const own = d.primaryWords.get(wordKey(form));
      if (own && isTellingTerm(own)) return own;
    }
    return null;
  };
  const shownAnywhere = new Map<string, string>();
  for (const d of docs) {
    const hits: { t: string; v: number }[] = [];
    for (const [t, w] of weight) {
      const v = d.primary.has(t) ? w * PRIMARY_WEIGHT : d.body.has(t) ? w * BODY_WEIGHT : 0;
      if (v > 0) hits.push({ t, v });
    }
    hits.sort((a, b) => b.v - a.v || (a.t < b.t ? -1 : 1));
    scores.set(
      d.q.id,
      hits.reduce((s, h) => s + h.v, 0),
    );
    const shown: string[] = [];
    for (const h of hits) {
      const word = shownIn(d, h.t);
      if (word && !shown.includes(word)) shown.push(word);
      if (word && !shownAnywhere.has(h.t)) shownAnywhere.set(h.t, display(h.t));
    }
    matched.set(d.q.id, shown.slice(0, 5));
  }

  const terms = [...weight]
    .filter(([t]) => shownAnywhere.has(t))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 12)
    .map(([t]) => shownAnywhere.get(t)!);

  const byTopic = new Map<string, number>();
  let total = 0;
  for (const q of questions) {
    const s = scores.get(q.id) ?? 0;
    byTopic.set(q.topic, (byTopic.get(q.topic) ?? 0) + s);
    total += s;
  }
  const topics = [...byTopic]
    .map(([topic, s]) => ({ topic, share: total > 0 ? Math.round((s / total) * 100) / 100 : 0 }))
    .sort((a, b) => b.share - a.share || (a.topic < b.topic ? -1 : 1));

  return { scores, matched, terms, topics };
}
