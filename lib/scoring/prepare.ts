/**
 * Per-question structures for the scorer, computed once and cached: stemmed terms and code
 * identifiers, key-point vectors, red-flag phrasings, the question's own words and the topic
 * vocabulary. For questions without authored key points (generic mode) the key points are derived
 * from the reference answer here.
 */
import type { KeyPoint, Misconception } from "../bank/schema.ts";
import { type CorpusStats, buildCorpusStats, idf, maxIdf, questionDocument } from "./corpus.ts";
import { deriveKeyPoints } from "./derive.ts";
import { PARAMS } from "./params.ts";
import { QUANTIFIERS, analyze, isContent, phraseStems } from "./text.ts";

/** What `scoreAnswer` accepts as a question: a bank question, or a prompt with a reference. */
export interface ScorableQuestion {
  id?: string;
  title?: string;
  prompt: string;
  reference: string;
  keyPoints?: readonly KeyPoint[];
  misconceptions?: readonly Misconception[];
  contentHash?: string;
  difficulty?: string;
}

export type Vector = Map<string, number>;

export interface PTerm {
  label: string;
  kind: "term" | "code";
  stems: string[];
  negs: boolean[];
  /** The term is itself a denial ("not thread safe"). */
  neg: boolean;
  idfs: number[];
  /** Total IDF of the stems that are not the question's own words. */
  info: number;
  /** How much one match of this term evidences its key point (0..1). */
  strength: number;
  /** Per stem: must be present in a match (quantifiers of red-flag phrasings). */
  required?: boolean[];
}

export interface PKeyPoint {
  id: string;
  text: string;
  weight: number;
  terms: PTerm[];
  /** Labels for gaps: the authored terms, most specific first. */
  labels: string[];
  /** The authored terms as written. */
  termTexts: readonly string[];
  vec: Vector;
  norm: number;
  /** For contrast questions ("X vs Y"): the compared things this point is about. */
  subject: ReadonlySet<string>;
}

export interface PMisconception {
  id: string;
  text: string;
  /** The key point it contradicts (null in banks that do not say). */
  keyPointId: string | null;
  correction: string;
  /** Phrasings as stemmed terms (literal matching). */
  phrasings: PTerm[];
  /** Phrasings as written (claim matching). */
  rawPhrasings: readonly string[];
  /** Cue patterns (lib/scoring/cues.ts). */
  cues: readonly string[];
}

export interface PreparedQuestion {
  mode: "rubric" | "generic";
  /** The reference answer (the truth wrong claims are checked against). */
  reference: string;
  keyPoints: PKeyPoint[];
  misconceptions: PMisconception[];
  /** Stems of the question's own words (title and prompt). */
  qStems: ReadonlySet<string>;
  /** Stems of everything the question is about (prompt, reference, key points, red flags). */
  topic: ReadonlySet<string>;
  corpus: CorpusStats;
  maxIdf: number;
  /** Contrast questions: the compared things (question words that are the subject of some key points). */
  entities: ReadonlySet<string>;
}

/** Words of the question itself, as stems. */
export function questionStems(q: ScorableQuestion): Set<string> {
  const out = new Set<string>();
  for (const text of [q.title ?? "", q.prompt]) {
    for (const t of analyze(text).tokens) if (isContent(t)) out.add(t.stem);
  }
  return out;
}

/** Identifier forms of a code item: "`functools.lru_cache()`" -> "functools.lru_cache". */
function cleanCode(code: string): string {
  return code
    .replace(/`/g, "")
    .replace(/\(\s*\)$/, "")
    .replace(/^@/, "")
    .replace(/:$/, "")
    .trim();
}

function makeTerm(label: string, kind: "term" | "code", qStems: ReadonlySet<string>, corpus: CorpusStats, mx: number, keepQuantifiers = false): PTerm | null {
  const ps = phraseStems(label, keepQuantifiers);
  if (ps.stems.length === 0) return null;
  const idfs = ps.stems.map((s) => idf(corpus, s));
  let info = 0;
  for (let i = 0; i < ps.stems.length; i++) if (!qStems.has(ps.stems[i]!)) info += idfs[i]!;
  // Specificity in units of one rare word; two rare words or a code identifier are strong evidence.
  const units = info / mx;
  let strength = Math.min(PARAMS.termMax, PARAMS.termBase + PARAMS.termUnit * units + (ps.stems.length > 1 ? PARAMS.multiWord : 0));
  if (kind === "code") strength = Math.min(PARAMS.codeMax, strength + PARAMS.codeBonus);
  if (info === 0) strength = 0;
  const required = keepQuantifiers ? ps.stems.map((s) => QUANTIFIERS.has(s)) : undefined;
  return { label, kind, stems: ps.stems, negs: ps.negs, neg: ps.neg, idfs, info, strength, required };
}

/** IDF-weighted bag of (polarity-marked) stems, question words removed. */
export function textVector(text: string, qStems: ReadonlySet<string>, corpus: CorpusStats, into: Vector = new Map(), scale = 1): Vector {
  for (const t of analyze(text).tokens) {
    if (!isContent(t) || qStems.has(t.stem)) continue;
    const f = t.neg ? "!" + t.stem : t.stem;
    const w = idf(corpus, t.stem) * scale;
    if ((into.get(f) ?? 0) < w) into.set(f, w);
  }
  return into;
}

export function vectorNorm(v: Vector): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

function prepareKeyPoint(kp: KeyPoint, qStems: ReadonlySet<string>, corpus: CorpusStats, mx: number): PKeyPoint {
  const terms: PTerm[] = [];
  const seen = new Set<string>();
  const add = (t: PTerm | null) => {
    if (!t || t.strength <= 0) return;
    const key = (t.neg ? "!" : "") + t.stems.join(" ");
    if (seen.has(key)) return;
    seen.add(key);
    terms.push(t);
  };
  for (const term of kp.terms) add(makeTerm(term, "term", qStems, corpus, mx));
  for (const raw of kp.code) {
    const code = cleanCode(raw);
    add(makeTerm(code, "code", qStems, corpus, mx));
    // The last segment of a dotted name alone ("getrefcount") when it is distinctive.
    const last = code.split(".").pop() ?? "";
    if (last !== code && (last.length >= 8 || /[_\d]|[a-z][A-Z]/.test(last))) add(makeTerm(last, "code", qStems, corpus, mx));
  }
  const vec = textVector(kp.text, qStems, corpus);
  for (const t of terms) {
    for (let i = 0; i < t.stems.length; i++) {
      const s = t.stems[i]!;
      if (qStems.has(s)) continue;
      const f = t.negs[i] ? "!" + s : s;
      const w = t.idfs[i]! * 0.5;
      if ((vec.get(f) ?? 0) < w) vec.set(f, w);
    }
  }
  const labels = [...kp.terms, ...kp.code.map((c) => "`" + cleanCode(c) + "`")];
  return { id: kp.id, text: kp.text, weight: kp.weight, terms, labels, termTexts: kp.terms, vec, norm: vectorNorm(vec), subject: new Set() };
}

function prepareMisconception(rf: Misconception, qStems: ReadonlySet<string>, corpus: CorpusStats, mx: number): PMisconception {
  const phrasings: PTerm[] = [];
  // Red-flag phrasings keep the question's words ("the gil makes code thread safe" needs "gil")
  // and their quantifiers ("only", "must", "always").
  const none = new Set<string>();
  for (const p of rf.phrasings) {
    const t = makeTerm(p, "term", none, corpus, mx, true);
    // A phrasing needs two words that are not quantifiers ("== and is are the same thing" has
    // one), three when single-letter names were dropped ("in b super calls a").
    const words = t ? t.stems.filter((s) => !QUANTIFIERS.has(s)).length : 0;
    const lettersDropped = /(?:^|[^\w.])[a-z](?:$|[^\w(])/i.test(p.replace(/\ba\b/gi, ""));
    if (t && words >= (lettersDropped ? 3 : 2)) phrasings.push(t);
  }
  return {
    id: rf.id,
    text: rf.text,
    keyPointId: rf.keyPointId ?? null,
    correction: rf.correction ?? "",
    phrasings,
    rawPhrasings: rf.phrasings,
    cues: rf.cues ?? [],
  };
}

function prepare(q: ScorableQuestion, corpus: CorpusStats): PreparedQuestion {
  const mx = maxIdf(corpus);
  const qStems = questionStems(q);
  const authored = q.keyPoints && q.keyPoints.length > 0;
  const keyPoints: readonly KeyPoint[] = authored ? q.keyPoints! : deriveKeyPoints(q, qStems, corpus);
  const topic = new Set<string>();
  for (const t of analyze(questionDocument({ ...q, keyPoints, misconceptions: q.misconceptions ?? [] })).tokens) {
    if (isContent(t)) topic.add(t.stem);
  }
  const points = keyPoints.map((kp) => prepareKeyPoint(kp, qStems, corpus, mx));
  const entities = contrastEntities(q, qStems, points);
  return {
    mode: authored ? "rubric" : "generic",
    reference: q.reference,
    keyPoints: points,
    entities,
    misconceptions: (q.misconceptions ?? []).map((rf) => prepareMisconception(rf, qStems, corpus, mx)),
    qStems,
    topic,
    corpus,
    maxIdf: mx,
  };
}

const CONTRAST = /\b(?:differences?|differ|differs|vs\.?|versus|compare[sd]?|comparison|contrast|when (?:would|should|do) you use each)\b/i;

/**
 * For a contrast question ("INNER JOIN vs LEFT JOIN", "TCP and UDP, when would you use each"), the
 * question words that are the subject of some key points but not most: evidence for a point about
 * one of them must not come from a sentence about only another (swapped attributes are a classic
 * confidently-wrong answer). Sets each point's `subject`.
 */
function contrastEntities(q: ScorableQuestion, qStems: ReadonlySet<string>, points: PKeyPoint[]): Set<string> {
  const entities = new Set<string>();
  if (!CONTRAST.test(`${q.title ?? ""} ${q.prompt}`) || points.length < 2) return entities;
  const perPoint = points.map((p) => {
    const stems = new Set<string>();
    for (const t of analyze(p.text).tokens) if (isContent(t) && qStems.has(t.stem) && !t.neg) stems.add(t.stem);
    return stems;
  });
  for (const s of qStems) {
    if (COMMON_STEMS_FOR_ENTITIES.has(s)) continue;
    const n = perPoint.filter((p) => p.has(s)).length;
    if (n >= 1 && n < points.length) entities.add(s);
  }
  if (entities.size < 2) return new Set();
  points.forEach((p, i) => {
    p.subject = new Set([...perPoint[i]!].filter((s) => entities.has(s)));
  });
  return entities;
}

const COMMON_STEMS_FOR_ENTITIES: ReadonlySet<string> = new Set(
  ["differ", "differ", "compar", "contrast", "versu", "use", "when", "each", "implic", "python", "explain", "work", "type", "what", "how"].map((w) => w),
);

// ---------------------------------------------------------------------------------------------
// Caches: by question object (bank questions are long-lived), and by content for plain objects
// rebuilt per call (a CLI line, a request body).

const byObject = new WeakMap<object, Map<CorpusStats, PreparedQuestion>>();
const byContent = new Map<string, { corpus: CorpusStats; prepared: PreparedQuestion }>();
const BY_CONTENT_MAX = 512;
const ownCorpus = new Map<string, CorpusStats>();

function contentKey(q: ScorableQuestion): string {
  if (q.contentHash) return `h:${q.id ?? ""}:${q.contentHash}`;
  return `t:${q.title ?? ""}\u0000${q.prompt}\u0000${q.reference}`;
}

/** The corpus a question is scored against: the caller's (the bank's, in the app), or its own. */
export function corpusFor(q: ScorableQuestion, corpus?: CorpusStats): CorpusStats {
  if (corpus) return corpus;
  const key = contentKey(q);
  let c = ownCorpus.get(key);
  if (!c) {
    c = buildCorpusStats([questionDocument(q)]);
    if (ownCorpus.size >= BY_CONTENT_MAX) ownCorpus.clear();
    ownCorpus.set(key, c);
  }
  return c;
}

/** The prepared form of `q` under `corpus`, cached. */
export function prepareQuestion(q: ScorableQuestion, corpus: CorpusStats): PreparedQuestion {
  let m = byObject.get(q);
  const hit = m?.get(corpus);
  if (hit) return hit;
  const key = contentKey(q) + "\u0000" + corpus.id;
  const c = byContent.get(key);
  let prepared: PreparedQuestion;
  if (c && c.corpus === corpus) {
    prepared = c.prepared;
  } else {
    prepared = prepare(q, corpus);
    if (byContent.size >= BY_CONTENT_MAX) byContent.delete(byContent.keys().next().value!);
    byContent.set(key, { corpus, prepared });
  }
  if (!m) {
    m = new Map();
    byObject.set(q, m);
  }
  m.set(corpus, prepared);
  return prepared;
}
