/**
 * The offline scorer: `scoreAnswer(input, options) -> ScoreReport`. Synchronous, pure and
 * deterministic. Rubric mode uses a question's authored key points and red flags; generic mode
 * (no key points) derives them from the reference answer. See lib/scoring/README.md.
 */
import type { Question } from "../bank/schema.ts";
import { type CorpusStats, idf } from "./corpus.ts";
import { findCueHits } from "./cues.ts";
import {
  type Claim,
  type KeyPointTarget,
  type MisconceptionTargets,
  DISCLAIMER,
  claimsOf,
  findWrongClaims,
  keyPointTargets,
  misconceptionTargets,
} from "./claims.ts";
import { type ContrastTargets, contrastMisconceptions, contrastTargets } from "./contrast.ts";
import { feedbackOf, gapsOf, strengthsOf } from "./feedback.ts";
import { detectInjection } from "./injection.ts";
import { type AnswerIndex, type Hit, dot, indexContent, matchPhrase } from "./match.ts";
import { type PKeyPoint, type PreparedQuestion, type ScorableQuestion, type Vector, corpusFor, prepareQuestion } from "./prepare.ts";
import { type Band, type Coverage, type KeyPointResult, type MisconceptionHit, type ScoreReport, type Span, SCORE_REPORT_VERSION } from "./report.ts";
import { PARAMS } from "./params.ts";
import { type StyleStats, clamp01, styleOf } from "./style.ts";
import { readInQuestionWords } from "./synonyms.ts";
import { type Analysis, answerStarts, type Token, analyze, combineAnswers, isContent, isContentOrQuantifier } from "./text.ts";

export const SCORER_VERSION = "rubric-2.1.0";

/** What `scoreAnswer` scores: one question and the candidate's answers to it (main + follow-ups). */
export interface ScoreInput {
  question: Question | ScorableQuestion | { prompt: string; reference: string; title?: string };
  /** The main answer, then each follow-up answer. Spans are offsets into `combineAnswers(answers)`. */
  answers: readonly string[];
}

export interface ScoreOptions {
  /**
   * IDF statistics, e.g. `corpusFromQuestions(bank.list())` (what the app and the evaluation pass).
   * Without it the question's own corpus (a one-document corpus of its text, cached by content):
   * deterministic, and independent of anything else the process scored, but with flatter weights.
   */
  corpus?: CorpusStats;
}

interface SentVec {
  vec: Vector;
  /** Norm without the question's own words (for key points, whose vectors exclude them). */
  normNoQ: number;
  start: number;
  end: number;
}

interface KpEval {
  point: PKeyPoint;
  conf: number;
  status: Coverage;
  spans: Array<{ start: number; end: number; score: number }>;
  /** Strong evidence found only in clauses about another compared thing (contrast questions). */
  swapped: boolean;
}

export function bandOf(score: number): Band {
  if (score >= 80) return "strong";
  if (score >= 60) return "solid";
  if (score >= 35) return "partial";
  return "weak";
}

/** One vector per sentence from the tokens `keep` accepts, plus one per pair of adjacent sentences. */
function sentenceVectors(a: Analysis, masked: Uint8Array, P: PreparedQuestion, keep?: (t: Token) => boolean): SentVec[] {
  const out: SentVec[] = [];
  for (const s of a.sentences) {
    const vec: Vector = new Map();
    let nq = 0;
    let first = -1;
    let last = -1;
    for (let i = s.first; i < s.last; i++) {
      const t = a.tokens[i]!;
      if (masked[i] || !isContent(t) || (keep && !keep(t))) continue;
      if (first < 0) first = i;
      last = i;
      const f = t.neg ? "!" + t.stem : t.stem;
      if (vec.has(f)) continue;
      const w = idf(P.corpus, t.stem);
      vec.set(f, w);
      if (!P.qStems.has(t.stem)) nq += w * w;
    }
    out.push({
      vec,
      normNoQ: Math.sqrt(nq),
      start: first >= 0 ? Math.min(s.start, a.tokens[first]!.start) : s.start,
      end: last >= 0 ? Math.max(s.end, a.tokens[last]!.end) : s.end,
    });
  }
  const n = out.length;
  for (let i = 0; i + 1 < n; i++) {
    const x = out[i]!;
    const y = out[i + 1]!;
    if (x.vec.size === 0 || y.vec.size === 0) continue;
    const vec = new Map(x.vec);
    for (const [f, w] of y.vec) vec.set(f, w);
    let nq = 0;
    for (const [f, w] of vec) if (!P.qStems.has(f.startsWith("!") ? f.slice(1) : f)) nq += w * w;
    // A pair is discounted: it must beat a single sentence clearly to count.
    out.push({ vec, normNoQ: Math.sqrt(nq) / PAIR_DISCOUNT, start: x.start, end: y.end });
  }
  return out;
}

const PAIR_DISCOUNT = 0.92;

function cosineNoQ(sv: SentVec, kp: PKeyPoint): number {
  if (sv.normNoQ === 0 || kp.norm === 0) return 0;
  return dot(sv.vec, kp.vec) / (sv.normNoQ * kp.norm);
}

/** Subject compatibility (contrast questions): a clause about only another compared thing does not count. */
function compatible(kp: PKeyPoint, subj: ReadonlySet<string> | undefined): boolean {
  if (!subj || kp.subject.size === 0 || subj.size === 0) return true;
  for (const s of subj) if (kp.subject.has(s)) return true;
  return false;
}

/**
 * Contrast questions: give every token the compared things its clause names, carried forward
 * from the previous clause when it names none ("UDP is reliable; it never loses data").
 */
function trackSubjects(a: Analysis, P: PreparedQuestion): void {
  let current: ReadonlySet<string> = new Set();
  let i = 0;
  const toks = a.tokens;
  while (i < toks.length) {
    let j = i;
    const found = new Set<string>();
    // The first compared thing a clause names is its subject ("an INNER JOIN returns every row
    // from the left table" is about INNER JOIN).
    while (j < toks.length && toks[j]!.clause === toks[i]!.clause) {
      if (found.size === 0 && P.entities.has(toks[j]!.stem) && !toks[j]!.neg) found.add(toks[j]!.stem);
      j++;
    }
    if (found.size > 0) current = found;
    for (let k = i; k < j; k++) toks[k]!.subj = current;
    i = j;
  }
}

/** A key point's status from its confidence. */
function coverageOf(conf: number): Coverage {
  return conf >= PARAMS.covered ? "covered" : conf >= PARAMS.partial ? "partial" : "missed";
}

function evaluateKeyPoint(kp: PKeyPoint, idx: AnswerIndex, sims: SentVec[], swapSims: SentVec[] | undefined, others: readonly PKeyPoint[] = []): KpEval {
  const spans: KpEval["spans"] = [];
  let miss = 1;
  let swapped = 0;
  for (const term of kp.terms) {
    let best: Hit | undefined;
    let swappedTerm = false;
    for (const h of matchPhrase(term, idx)) {
      if (!h.agrees) continue; // a denial is not coverage
      if (!compatible(kp, h.anchor.subj)) {
        // Said about another compared thing: a swap when no point about that thing uses these words.
        if (!swappedTerm && h.frac >= 0.99 && !others.some((o) => compatible(o, h.anchor.subj) && term.stems.every((s) => o.vec.has(s)))) {
          swapped += term.strength;
          swappedTerm = true;
        }
        continue;
      }
      if (!best || h.frac > best.frac) best = h;
    }
    if (best) {
      const s = term.strength * (0.6 + 0.4 * best.frac);
      miss *= 1 - s;
      spans.push({ start: best.start, end: best.end, score: s });
    }
  }
  const termEv = 1 - miss;
  let sim = 0;
  let simSpan: SentVec | undefined;
  for (const sv of sims) {
    const c = cosineNoQ(sv, kp);
    if (c > sim) {
      sim = c;
      simSpan = sv;
    }
  }
  const simEv = clamp01((sim - PARAMS.simLow) / (PARAMS.simHigh - PARAMS.simLow));
  const conf = 1 - (1 - termEv) * (1 - PARAMS.simShare * simEv);
  if (simSpan && simEv >= 0.35) spans.push({ start: simSpan.start, end: simSpan.end, score: simEv * PARAMS.simShare * 0.9 });
  const status = coverageOf(conf);
  if (swapSims) {
    // The point's words mostly said about another compared thing.
    let wrong = 0;
    for (const sv of swapSims) wrong = Math.max(wrong, cosineNoQ(sv, kp));
    if (wrong >= PARAMS.simHigh && wrong > sim + 0.1) swapped += 0.5;
  }
  return { point: kp, conf, status, spans, swapped: swapped >= 0.8 && status !== "covered" };
}

/** Keep the strongest non-overlapping spans, in text order. */
function pickSpans(spans: KpEval["spans"], text: string, max: number): Span[] {
  const chosen: Array<{ start: number; end: number }> = [];
  for (const s of [...spans].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= max) break;
    if (chosen.some((c) => s.start < c.end && c.start < s.end)) continue;
    chosen.push(s);
  }
  return chosen.sort((a, b) => a.start - b.start).map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) }));
}

/** Literal matches of the misconceptions' phrasings (stemmed, order-free, within a clause). */
function literalMisconceptions(P: PreparedQuestion, idx: AnswerIndex, a: Analysis, text: string): Array<{ id: string; start: number; end: number }> {
  const out: Array<{ id: string; start: number; end: number }> = [];
  const disclaimer = new Map<number, boolean>();
  const isDisclaimer = (sent: number) => {
    let d = disclaimer.get(sent);
    if (d === undefined) {
      const s = a.sentences[sent]!;
      d = DISCLAIMER.test(text.slice(s.start, s.end));
      disclaimer.set(sent, d);
    }
    return d;
  };
  for (const rf of P.misconceptions) {
    const spans: Array<{ start: number; end: number; score: number }> = [];
    for (const ph of rf.phrasings) {
      for (const h of matchPhrase(ph, idx, true)) {
        // Prose only: code and its comments are too terse to read a misconception from.
        if (!h.agrees || a.sentences[h.sent]!.code || isDisclaimer(h.sent)) continue;
        spans.push({ start: h.start, end: h.end, score: h.frac });
      }
    }
    for (const sp of spans) out.push({ id: rf.id, start: sp.start, end: sp.end });
  }
  return out;
}

/**
 * Whether wrong claims are also read from the phrasings (near-literal), by resemblance and by
 * denial, besides the cue patterns: only for a question without cue patterns (a user's bank,
 * generic mode), unless PARAMS.otherRoutesWithCues. With cues they add little and misread
 * correct answers (a reported myth, a denied phrasing, a sentence near a myth's words).
 */
function otherRoutes(P: PreparedQuestion): boolean {
  return PARAMS.otherRoutesWithCues || !P.misconceptions.some((m) => m.cues.length > 0);
}

/** A candidate taking back what they said ("actually, no", "I was wrong", "scratch that"). */
const SELF_CORRECTION =
  /\b(?:actually,? no|i was wrong|i'm wrong|i am wrong|scratch that|i take (?:that|it) back|correction:|let me correct|on second thought|i misspoke|wait,? no)\b/i;

const targetCache = new WeakMap<PreparedQuestion, { mcs: MisconceptionTargets[]; kps: KeyPointTarget[]; contrast: ContrastTargets }>();

/**
 * The wrong claims of the answers, as the report lists them: per misconception (or denied key
 * point), the latest answer that states it; `corrected` when a later answer covers its key point.
 * A denial of a key point that the same answer also states correctly, or that a misconception
 * about the same point already explains, is left out.
 */
function judgeClaims(
  P: PreparedQuestion,
  corpus: CorpusStats,
  a: Analysis,
  masked: Uint8Array,
  text: string,
  answers: readonly string[],
  evals: readonly KpEval[],
  literal: ReadonlyArray<{ id: string; start: number; end: number }>,
  cued: ReadonlyArray<{ id: string; start: number; end: number }>,
): MisconceptionHit[] {
  let targets = targetCache.get(P);
  if (!targets) {
    const truth = [P.reference, ...P.keyPoints.map((k) => `${k.text}. ${k.termTexts.join(". ")}`)].join("\n");
    targets = { mcs: misconceptionTargets(P, corpus, truth), kps: keyPointTargets(P, corpus), contrast: contrastTargets(P, corpus) };
    targetCache.set(P, targets);
  }
  const claims: Claim[] = claimsOf(a, masked, corpus);
  const broad = otherRoutes(P);
  const found = findWrongClaims(claims, broad && PARAMS.fuzzyMisconceptions ? targets.mcs : [], broad && PARAMS.denials ? targets.kps : []);
  const contrasted = broad && PARAMS.contrast ? contrastMisconceptions(claims, targets.contrast) : [];
  const starts = answerStarts(answers);
  const answerOf = (pos: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= pos) i++;
    return i;
  };
  // Latest statement per wrong claim.
  // `sure`: stated in the bank's own words (a phrasing or a cue), not a resemblance.
  const latest = new Map<string, { kind: "misconception" | "denial"; id: string; keyPointId: string | null; start: number; end: number; sure: boolean }>();
  // Authored cues are as sure as the literal phrasings: they count even beside a covered point.
  for (const l of [...literal, ...cued]) {
    const m = P.misconceptions.find((x) => x.id === l.id)!;
    const key = `misconception:${l.id}`;
    const cur = latest.get(key);
    if (!cur || l.start > cur.start) latest.set(key, { kind: "misconception", id: l.id, keyPointId: m.keyPointId, start: l.start, end: l.end, sure: true });
  }
  for (const w of found) {
    // A claim that merely resembles a misconception counts only when the answer does not state
    // the point it contradicts correctly (words in common are not a wrong claim by themselves).
    if (w.kind === "misconception") {
      const e = w.keyPointId ? evals.find((x) => x.point.id === w.keyPointId) : undefined;
      if (!e || e.status === "covered") continue;
    }
    const key = `${w.kind}:${w.id}`;
    const cur = latest.get(key);
    if (!cur || answerOf(w.start) > answerOf(cur.start)) latest.set(key, { ...w, sure: false });
  }
  for (const h of contrasted) {
    const m = P.misconceptions.find((x) => x.id === h.id)!;
    // The point stated right elsewhere in the answer (evidence outside the claim's sentence): the
    // resemblance is not a wrong claim. Evidence only inside the claim is its vocabulary, not the truth.
    const e = m.keyPointId ? evals.find((x) => x.point.id === m.keyPointId) : undefined;
    if (e && e.status === "covered") {
      const sent = a.sentences.find((x) => x.start <= h.start && h.start < x.end);
      if (e.spans.some((sp) => sp.score >= PARAMS.contrastElsewhere && (!sent || sp.end <= sent.start || sp.start >= sent.end))) continue;
    }
    const key = `misconception:${h.id}`;
    const cur = latest.get(key);
    if (!cur || answerOf(h.start) > answerOf(cur.start))
      latest.set(key, { kind: "misconception", id: h.id, keyPointId: m.keyPointId, start: h.start, end: h.end, sure: false });
  }
  // A later denial of a point that a misconception already contradicts restates that misconception.
  for (const w of [...latest.values()]) {
    if (w.kind !== "denial") continue;
    const m = [...latest.values()].find((x) => x.kind === "misconception" && x.keyPointId === w.keyPointId);
    if (m && answerOf(w.start) > answerOf(m.start)) {
      m.start = w.start;
      m.end = w.end;
    }
  }
  const misconceptionPoints = new Set([...latest.values()].filter((w) => w.kind === "misconception").map((w) => w.keyPointId));
  const sentenceIndex = (pos: number) => a.sentences.findIndex((x) => x.start <= pos && pos < x.end);
  const misconceptionSentences = new Set([...latest.values()].filter((w) => w.kind === "misconception").map((w) => sentenceIndex(w.start)));
  const out: MisconceptionHit[] = [];
  for (const w of [...latest.values()].sort((x, y) => x.start - y.start)) {
    const answerIndex = answerOf(w.start);
    const e = w.keyPointId ? evals.find((x) => x.point.id === w.keyPointId) : undefined;
    const evidenceIn = (from: number, to: number) =>
      !!e && e.status !== "missed" && e.spans.some((sp) => sp.score >= PARAMS.correctionEvidence && answerOf(sp.start) >= from && answerOf(sp.start) <= to);
    if (w.kind === "denial") {
      if (misconceptionPoints.has(w.keyPointId) || misconceptionSentences.has(sentenceIndex(w.start))) continue;
      // The same answer also says it right: not a denial of the point.
      if (e?.status === "covered" && evidenceIn(answerIndex, answerIndex)) continue;
    }
    // Set right later: a later answer evidences the point (or, when the bank does not say which
    // point it contradicts, a later answer takes it back in so many words).
    const corrected =
      answerIndex < answers.length - 1 &&
      (e ? evidenceIn(answerIndex + 1, answers.length - 1) : answers.slice(answerIndex + 1).some((x) => SELF_CORRECTION.test(x)));
    const sentence = a.sentences.find((x) => x.start <= w.start && w.start < x.end);
    const span = sentence && sentence.end - sentence.start <= 400 ? { start: sentence.start, end: sentence.end } : { start: w.start, end: w.end };
    const evidence = [{ ...span, text: text.slice(span.start, span.end) }];
    if (w.kind === "misconception") {
      const m = P.misconceptions.find((x) => x.id === w.id)!;
      out.push({
        id: m.id,
        keyPointId: m.keyPointId,
        text: m.text,
        correction: m.correction,
        evidence,
        answerIndex,
        corrected,
        source: w.sure ? "authored" : "resemblance",
      });
    } else {
      const kp = e!.point;
      out.push({
        id: `contradicts-${kp.id}`,
        keyPointId: kp.id,
        text: "Says the opposite of a key point.",
        correction: kp.text,
        evidence,
        answerIndex,
        corrected,
        source: "negation",
      });
    }
  }
  return out;
}

/** Score one question's answers. Synchronous, pure and deterministic. */
export function scoreAnswer(input: ScoreInput, options: ScoreOptions = {}): ScoreReport {
  const question = input.question as ScorableQuestion;
  const corpus = corpusFor(question, options.corpus);
  const P = prepareQuestion(question, corpus);
  const text = combineAnswers(input.answers);
  const a = analyze(text);
  // Generic mode has no authored terms for paraphrases: WordNet synonyms stand in (synonyms.ts).
  if (P.mode === "generic") readInQuestionWords(a.tokens, P.topic);

  // Prompt injection: excluded from every piece of evidence.
  const injected = detectInjection(text);
  const masked = new Uint8Array(a.tokens.length);
  if (injected.length > 0) {
    for (let i = 0; i < a.tokens.length; i++) {
      const t = a.tokens[i]!;
      if (injected.some((s) => t.start < s.end && s.start < t.end)) masked[i] = 1;
    }
  }
  const maskedTok = new Set<Token>();
  for (let i = 0; i < a.tokens.length; i++) if (masked[i]) maskedTok.add(a.tokens[i]!);
  const style: StyleStats = styleOf(a, (t) => maskedTok.has(t));
  const content: Token[] = [];
  for (let i = 0; i < a.tokens.length; i++) if (!masked[i] && isContent(a.tokens[i]!)) content.push(a.tokens[i]!);
  const idx = indexContent(content);
  const rfIdx = P.misconceptions.length ? indexContent(a.tokens.filter((t, i) => !masked[i] && isContentOrQuantifier(t))) : idx;

  let evals: KpEval[];
  if (P.entities.size > 0) {
    trackSubjects(a, P);
    evals = P.keyPoints.map((kp) =>
      evaluateKeyPoint(
        kp,
        idx,
        sentenceVectors(a, masked, P, (t) => compatible(kp, t.subj)),
        sentenceVectors(a, masked, P, (t) => !compatible(kp, t.subj)),
        P.keyPoints.filter((o) => o !== kp && o.subject.size > 0),
      ),
    );
  } else {
    const sims = sentenceVectors(a, masked, P);
    evals = P.keyPoints.map((kp) => evaluateKeyPoint(kp, idx, sims, undefined));
  }
  const misconceptions = judgeClaims(
    P,
    corpus,
    a,
    masked,
    text,
    input.answers,
    evals,
    otherRoutes(P) ? literalMisconceptions(P, rfIdx, a, text) : [],
    findCueHits(a, P.misconceptions, masked),
  );
  const standing = misconceptions.filter((m) => !m.corrected);
  // A wrong claim next to a correct statement of the same point elsewhere in the answer (evidence
  // outside the claim's sentence) is "a significant error next to an otherwise correct core"
  // (eval/GRADING.md): it costs about a band instead of capping the answer.
  const besideCore = new Set(
    standing
      .filter((m) => {
        const e = evals.find((x) => x.point.id === m.keyPointId);
        const claim = m.evidence[0];
        return (
          !!e &&
          !!claim &&
          e.status === "covered" &&
          e.spans.some((sp) => sp.score >= PARAMS.besideCoreEvidence && (sp.end <= claim.start || sp.start >= claim.end))
        );
      })
      .map((m) => m.id),
  );
  for (const m of standing) {
    const e = evals.find((x) => x.point.id === m.keyPointId);
    if (e) e.status = "contradicted";
  }
  // A sentence that states a wrong claim is no evidence for another point either ("Threads run in
  // parallel on all cores for CPU-bound work" does not cover "use processes for CPU-bound work"):
  // spans mostly inside a standing wrong claim are dropped and the point judged on the rest. Only
  // where wrong claims come from cue patterns: the other routes misread correct sentences often
  // enough (PARAMS.otherRoutesWithCues) that taking their evidence away too costs correct answers.
  const wrongClaims = otherRoutes(P) ? [] : standing.flatMap((m) => m.evidence);
  const insideWrongClaim = (sp: { start: number; end: number }) =>
    wrongClaims.reduce((n, w) => n + Math.max(0, Math.min(sp.end, w.end) - Math.max(sp.start, w.start)), 0) > (sp.end - sp.start) / 2;
  for (const e of wrongClaims.length > 0 ? evals : []) {
    if (e.status === "contradicted" || e.status === "missed") continue;
    const kept = e.spans.filter((sp) => !insideWrongClaim(sp));
    if (kept.length === e.spans.length) continue;
    e.spans = kept;
    e.conf = Math.min(e.conf, 1 - kept.reduce((miss, sp) => miss * (1 - sp.score), 1));
    e.status = coverageOf(e.conf);
  }

  // Weighted coverage.
  let wsum = 0;
  let got = 0;
  for (const e of evals) {
    const discrete = e.status === "covered" ? 1 : e.status === "partial" ? 0.5 : 0;
    if (e.status === "contradicted") {
      wsum += e.point.weight;
      continue;
    }
    const v = (1 - PARAMS.continuous) * discrete + PARAMS.continuous * e.conf;
    wsum += e.point.weight;
    got += e.point.weight * v;
  }
  const coverage = wsum > 0 ? got / wsum : 0;
  let score = 100 * Math.pow(Math.min(1, coverage / PARAMS.target), PARAMS.gamma);

  // Adjustments.
  const flags: string[] = [];
  if (content.length === 0) {
    flags.push(injected.length > 0 ? "injection-only" : "empty");
    score = 0;
  }
  if (injected.length > 0) flags.push("injection");

  // Off-topic: little of the answer's vocabulary belongs to the question's.
  let onTopic = 0;
  let allIdf = 0;
  const seenStem = new Set<string>();
  for (const t of content) {
    if (seenStem.has(t.stem)) continue;
    seenStem.add(t.stem);
    const w = idf(corpus, t.stem);
    allIdf += w;
    if (P.topic.has(t.stem)) onTopic += w;
  }
  const topicShare = allIdf > 0 ? onTopic / allIdf : 0;
  if (content.length >= 4 && topicShare < 0.3 && coverage < 0.3) {
    flags.push("off-topic");
    score = Math.min(score, PARAMS.offTopicCap);
  }

  // An on-topic answer that states nothing checkable still shows the candidate has heard of the
  // subject ("Thin or vague … some signal", grade 1-2 in eval/GRADING.md): it ranks above a keyword
  // dump and an answer to another question, not below them. Not for a wrong claim (capped below).
  // It needs a few words of its own and some evidence for a key point: "I don't know" is not it.
  if (!flags.includes("off-topic") && standing.length === 0 && seenStem.size >= PARAMS.onTopicFloorMinWords && coverage >= PARAMS.onTopicFloorMinCoverage) {
    score = Math.max(score, PARAMS.onTopicFloor * Math.min(1, topicShare / PARAMS.onTopicFloorShare));
  }
  if (standing.length > 0) {
    // A wrong claim about a central point caps the score the way a grader caps the grade.
    flags.push("misconception");
    const weightOf = (id: string | null) => (id ? (P.keyPoints.find((k) => k.id === id)?.weight ?? 5) : 5);
    const capping = standing.filter((m) => !besideCore.has(m.id));
    const central = capping.filter((m) => weightOf(m.keyPointId) >= PARAMS.centralWeight).length;
    score -= PARAMS.misconceptionPenalty * Math.min(2, standing.length);
    score = Math.min(
      score,
      central >= 2
        ? PARAMS.misconceptionCap2
        : central === 1
          ? PARAMS.misconceptionCap
          : capping.length > 0
            ? PARAMS.minorMisconceptionCap
            : PARAMS.besideCoreCap,
    );
  }
  if (misconceptions.length > standing.length) {
    flags.push("corrected");
    score -= PARAMS.correctedPenalty;
  }
  const contradictions = evals.filter((e) => e.swapped).length;
  if (contradictions > 0) {
    flags.push("contradiction");
    score -= PARAMS.contradictionPenalty * Math.min(2, contradictions);
  }
  if (style.dump > 0.3) {
    flags.push("keyword-dump");
    score = Math.min(score, 100 - (100 - PARAMS.dumpCap) * style.dump);
  }
  if (style.codeOnly) {
    flags.push("code-only");
    score = Math.min(score, PARAMS.codeOnlyCap);
  }
  score = Math.max(0, Math.min(100, Math.round(score)));
  const band = bandOf(score);

  const keyPoints: KeyPointResult[] = evals.map((e) => ({
    id: e.point.id,
    text: e.point.text,
    weight: e.point.weight,
    status: e.status,
    confidence: Math.round(e.conf * 1000) / 1000,
    evidence:
      e.status === "contradicted"
        ? standing.filter((m) => m.keyPointId === e.point.id).flatMap((m) => m.evidence)
        : e.status === "missed"
          ? []
          : pickSpans(e.spans, text, PARAMS.maxSpans),
  }));
  const sentenceOf = (pos: number): string => {
    const s = a.sentences.find((x) => x.start <= pos && pos < x.end);
    return s ? text.slice(s.start, s.end) : "";
  };
  const strengths = strengthsOf(keyPoints, sentenceOf);
  const gaps = gapsOf(keyPoints, P.keyPoints, P.mode === "generic");
  const covered = keyPoints.filter((k) => k.status === "covered").length;
  const partial = keyPoints.filter((k) => k.status === "partial").length;
  const feedback = feedbackOf({
    band,
    covered,
    partial,
    total: keyPoints.length,
    flags,
    topGap: gaps[0],
    misconceptions: standing,
  });

  return {
    version: SCORE_REPORT_VERSION,
    scorerVersion: P.mode === "generic" ? SCORER_VERSION.replace("rubric", "generic") : SCORER_VERSION,
    method: P.mode,
    score,
    band,
    keyPoints,
    misconceptions,
    strengths,
    gaps,
    feedback,
    flags,
  };
}
