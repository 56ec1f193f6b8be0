/**
 * The turn policy: after each candidate message, decide what the interviewer does next. One
 * decision per turn (TurnDecision), in this order:
 *   skip requested -> move on; clarifying question -> answer it from the question's
 *   `clarifications` and hand the question back; off-topic -> redirect once, then move on;
 *   "I don't know" -> a smaller question (a key point's `scaffold`); a stated misconception ->
 *   challenge it (before any probe); a coding task's hidden check failing -> ask about that case
 *   (`probe-check`); an essential key point missing -> probe it, even when the score is high; else
 *   move on, saying why (covered, time, follow-up budget spent, nothing left).
 * A correction of an earlier claim is acknowledged (`acknowledgeCorrection`) on whatever comes next.
 * Pure and deterministic: the same state always gives the same decision.
 *
 * Every decision that keeps the question open carries a `followUp` whose `id` is stored with the
 * interviewer's turn (`<keyPointId>:<n>`, `generic:<keyPointId>`, `challenge:<misconceptionId>`,
 * `scaffold:<keyPointId>`, `clarify:<topic>`, `redirect`, `check:<n>` for the n-th hidden check): passed back in `askedFollowUps`, they
 * are how the policy knows what it already did on this question.
 *
 * The LLM interviewer never decides this; it only phrases what the policy chose.
 */
import { CLARIFICATION_TOPICS, type FollowUp, type Question } from "../bank/schema.ts";
import type { KeyPointResult, MisconceptionHit, ScoreReport } from "../scoring/report.ts";
import type { MessageClassification } from "./classify-message.ts";
import { unanswerableIdentifiers } from "./follow-up-identifiers.ts";
import { PROMPT_STOPWORDS, stem, wordSpans } from "../kernel/text.ts";

/** The part of a question the interviewer needs (a session snapshot may carry only this). */
export type InterviewQuestion = Pick<Question, "id" | "prompt" | "keyPoints" | "followUps"> &
  Partial<Pick<Question, "title" | "topic" | "difficulty" | "minutes" | "misconceptions" | "clarifications" | "reference">>;

export type ClarificationTopic = (typeof CLARIFICATION_TOPICS)[number];

export const DEFAULT_MAX_FOLLOW_UPS = 2;
/** Below this many seconds left (for the question or the interview) the interviewer moves on. */
export const MIN_SECONDS_TO_PROBE = 45;
/** Key points at or above this weight are "essential": all of them covered means covered. */
export const ESSENTIAL_WEIGHT = 4;
/** Clarifying questions answered per question; later ones are read as answers. */
export const MAX_CLARIFICATIONS = 2;

export type TurnState = {
  question: InterviewQuestion;
  /** The scorer's report over all the candidate's answers to this question so far. */
  report: ScoreReport;
  /** What the interviewer already did on this question: follow-up ids (see the header) or follow-up texts. */
  askedFollowUps: readonly string[];
  /** How many budgeted follow-ups (probes, challenges, scaffolds) were asked (defaults to counting askedFollowUps). */
  followUpCount?: number;
  /** Default 2. */
  maxFollowUps?: number;
  /** null/undefined: untimed. */
  secondsLeftForQuestion?: number | null;
  secondsLeftInInterview?: number | null;
  isLastQuestion: boolean;
  /** The latest candidate message, classified (see classify-message.ts). Default: an answer. */
  message?: MessageClassification;
};

export type PlannedFollowUp = {
  /** Stored with the turn; see the header for the forms. */
  id: string;
  /** What the interviewer asks (an authored text, a generic one, or the question itself handed back). */
  text: string;
  source: "authored" | "generic";
};

export type MoveOnReason = "covered" | "max-follow-ups" | "time" | "no-probe-left" | "skipped" | "off-topic";

/** The candidate set an earlier, challenged claim right: say so before the rest of the turn. */
export type CorrectionAcknowledgement = { misconceptionId: string | null; keyPointId: string | null };

type DecisionCommon = { acknowledgeCorrection?: CorrectionAcknowledgement };

export type ProbeDecision = DecisionCommon & {
  action: "probe";
  keyPointId: string;
  /** How the probed key point stands in the report. */
  keyPointStatus: "missed" | "partial";
  /** Weight >= ESSENTIAL_WEIGHT. */
  essential: boolean;
  followUp: PlannedFollowUp;
};

export type ChallengeDecision = DecisionCommon & {
  action: "challenge";
  /** The bank misconception's id, or `contradicts-<keyPointId>`. */
  misconceptionId: string;
  keyPointId: string | null;
  /** The candidate's own sentence that states it. */
  claim: string;
  /** The challenge question: the misconception's authored `challenge`, else a generic one. */
  followUp: PlannedFollowUp;
};

export type ScaffoldDecision = DecisionCommon & {
  action: "scaffold";
  keyPointId: string | null;
  /** The candidate asked for a hint (rather than saying they do not know). */
  hintRequested: boolean;
  followUp: PlannedFollowUp;
};

export type ClarifyDecision = DecisionCommon & {
  action: "clarify";
  /** What to tell the candidate, from the question's `clarifications` (or general guidance when none). */
  answers: readonly { topic: ClarificationTopic | "general"; text: string }[];
  /** `followUp.text` is the question itself, handed back. */
  followUp: PlannedFollowUp;
};

export type RedirectDecision = DecisionCommon & {
  action: "redirect";
  /** `followUp.text` is the question itself, handed back. */
  followUp: PlannedFollowUp;
};

export type MoveOnDecision = DecisionCommon & {
  /** "finish" instead of "move-on" when this was the last question. */
  action: "move-on" | "finish";
  reason: MoveOnReason;
};

/** A decision that keeps the question open: the interviewer asks something and waits. */
/** A hidden check of the question's coding task fails on the candidate's code: ask about that case (never showing the check). */
export type CheckProbeDecision = DecisionCommon & {
  action: "probe-check";
  /** The check's name from the bank, e.g. "expired entries are not returned". */
  checkName: string;
  followUp: PlannedFollowUp;
};

export type FollowUpDecision = ProbeDecision | ChallengeDecision | ScaffoldDecision | ClarifyDecision | RedirectDecision | CheckProbeDecision;
export type TurnDecision = FollowUpDecision | MoveOnDecision;

export function isFollowUpDecision(decision: TurnDecision): decision is FollowUpDecision {
  return decision.action !== "move-on" && decision.action !== "finish";
}

/** Probes (of key points and of failing checks), challenges and scaffolds spend the follow-up budget; clarifications and redirects do not. */
export function countsAsFollowUp(decision: TurnDecision): boolean {
  return decision.action === "probe" || decision.action === "challenge" || decision.action === "scaffold" || decision.action === "probe-check";
}

/** The stable id of an authored follow-up: `<keyPointId>:<n>`, n counting that key point's follow-ups from 1. */
export function followUpId(question: Pick<InterviewQuestion, "followUps">, followUp: FollowUp): string {
  let n = 0;
  for (const f of question.followUps) {
    if (f.keyPointId === followUp.keyPointId) n += 1;
    if (f === followUp || (f.keyPointId === followUp.keyPointId && f.text === followUp.text)) break;
  }
  return `${followUp.keyPointId}:${n}`;
}

/** Case- and whitespace-insensitive form used to compare follow-up texts. */
export function normalizeFollowUpText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

// Follow-up ids that are not about a key point (a `check:<n>` asks about a hidden check, not a key point named "check").
const ACTION_PREFIXES = ["challenge:", "scaffold:", "clarify:", "check:"] as const;

function isBudgeted(id: string): boolean {
  return !id.startsWith("clarify:") && id !== "redirect";
}

export function decideNextTurn(state: TurnState): TurnDecision {
  const { question, report } = state;
  const message = state.message?.kind ?? "answer";
  const maxFollowUps = state.maxFollowUps ?? DEFAULT_MAX_FOLLOW_UPS;
  const followUpCount = state.followUpCount ?? state.askedFollowUps.filter(isBudgeted).length;
  const asked = state.askedFollowUps.map((a) => a.trim());
  const acknowledgeCorrection = correctionToAcknowledge(state);
  const withAck = <D extends TurnDecision>(d: D): D => (acknowledgeCorrection ? { ...d, acknowledgeCorrection } : d);
  const moveOn = (reason: MoveOnReason): MoveOnDecision => withAck({ action: state.isLastQuestion ? "finish" : "move-on", reason });
  const timeShort = isShort(state.secondsLeftForQuestion) || isShort(state.secondsLeftInInterview);
  const budgetSpent = followUpCount >= maxFollowUps;

  if (message === "skip") return moveOn("skipped");
  if (message === "clarifying-question" && asked.filter((a) => a.startsWith("clarify:")).length < MAX_CLARIFICATIONS) {
    if (timeShort) return moveOn("time");
    return clarify(question, state.message?.clarificationTopics ?? []);
  }
  if (message === "off-topic") {
    if (!asked.includes("redirect") && !timeShort) {
      return withAck({ action: "redirect", followUp: { id: "redirect", text: question.prompt.trim(), source: "generic" } });
    }
    return moveOn(isCovered(report) ? "covered" : "off-topic");
  }
  if (message === "dont-know") {
    if (timeShort) return moveOn("time");
    if (budgetSpent) return moveOn("max-follow-ups");
    const scaffold = scaffoldFor(state, followUpCount);
    if (scaffold) return withAck(scaffold);
    return moveOn("no-probe-left");
  }

  const challenge = challengeFor(state);
  const checkProbe = checkProbeFor(state);
  if (!challenge && !checkProbe && isCovered(report)) return moveOn("covered");
  if (timeShort) return moveOn("time");
  if (budgetSpent) return moveOn("max-follow-ups");
  if (challenge) return withAck(challenge);
  if (checkProbe) return withAck(checkProbe);

  const probe = question.followUps.length > 0 ? authoredProbe(state) : genericProbe(state, followUpCount);
  return probe ? withAck(probe) : moveOn("no-probe-left");
}

/**
 * The first hidden check that fails on the candidate's code and was not asked about yet. Its name
 * is shown (the report shows it too); the check's code never is. Only after a real run: a sandbox
 * that could not run says nothing about the code.
 */
function checkProbeFor(state: TurnState): CheckProbeDecision | undefined {
  const task = state.report.task;
  if (!task || task.status === "unavailable") return undefined;
  const asked = new Set(state.askedFollowUps.map((a) => a.trim()));
  const index = task.checks.findIndex((c, i) => !c.passed && !asked.has(`check:${i + 1}`));
  if (index < 0) return undefined;
  const name = task.checks[index]!.name.trim().replace(/[.!?]+$/, "");
  return {
    action: "probe-check",
    checkName: name,
    followUp: {
      id: `check:${index + 1}`,
      text: `Your code does not pass one of the checks: “${name}”. What does your code do in that case, and what would you change?`,
      source: "generic",
    },
  };
}

/**
 * Covered: every essential (weight >= 4) key point covered (every point when none is essential),
 * and no wrong claim left standing. A high score alone is not enough.
 */
export function isCovered(report: ScoreReport): boolean {
  if (report.keyPoints.length === 0) return report.score >= 85 && standingMisconceptions(report).length === 0;
  if (standingMisconceptions(report).length > 0) return false;
  return essentialPoints(report).every((k) => k.status === "covered");
}

/** The key points that must be covered: the essential ones, or all when none is essential. */
export function essentialPoints(report: ScoreReport): KeyPointResult[] {
  const essential = report.keyPoints.filter((k) => k.weight >= ESSENTIAL_WEIGHT);
  return essential.length > 0 ? essential : report.keyPoints;
}

/** Misconceptions the report holds that no later answer corrected, plus contradicted points without one. */
export function standingMisconceptions(report: ScoreReport): MisconceptionHit[] {
  const hits = report.misconceptions.filter((m) => !m.corrected);
  const withHit = new Set(report.misconceptions.map((m) => m.keyPointId).filter(Boolean));
  for (const k of report.keyPoints) {
    if (k.status !== "contradicted" || withHit.has(k.id)) continue;
    hits.push({
      id: `contradicts-${k.id}`,
      keyPointId: k.id,
      text: k.text,
      correction: "",
      evidence: k.evidence,
      answerIndex: 0,
      corrected: false,
      source: "negation",
    });
  }
  return hits;
}

const standsAloneCache = new WeakMap<object, Map<string, boolean>>();

/**
 * Whether an authored follow-up, challenge or scaffold can be answered from what the candidate saw:
 * it names nothing that only the hidden reference defines and refers to no code they never saw
 * (follow-up-identifiers.ts, the `bank:check` rule). One that fails is replaced by a generic one.
 */
export function standsAlone(question: InterviewQuestion, text: string): boolean {
  let byText = standsAloneCache.get(question);
  if (!byText) standsAloneCache.set(question, (byText = new Map()));
  const cached = byText.get(text);
  if (cached !== undefined) return cached;
  const ok = unanswerableIdentifiers(text, `${question.title ?? ""}\n${question.prompt}`, question.reference ?? "").length === 0;
  byText.set(text, ok);
  return ok;
}

function isShort(seconds: number | null | undefined): boolean {
  return typeof seconds === "number" && seconds < MIN_SECONDS_TO_PROBE;
}

// ---------------------------------------------------------------------------------------------
// Clarifications

const GENERAL_CLARIFICATION = "Answer it for standard CPython and a current Python 3, at the depth you would use in a real interview; code is optional.";

function clarify(question: InterviewQuestion, topics: readonly ClarificationTopic[]): ClarifyDecision {
  const authored = question.clarifications ?? {};
  const answers: { topic: ClarificationTopic; text: string }[] = [];
  for (const t of topics) {
    const text = authored[t];
    if (text && answers.length < 2) answers.push({ topic: t, text });
  }
  if (answers.length === 0) {
    for (const t of ["scope", "expected"] as const) {
      const text = authored[t];
      if (text) {
        answers.push({ topic: t, text });
        break;
      }
    }
  }
  const handBack = { text: question.prompt.trim(), source: "authored" as const };
  if (answers.length === 0) {
    return {
      action: "clarify",
      answers: [{ topic: "general", text: GENERAL_CLARIFICATION }],
      followUp: { id: "clarify:general", ...handBack, source: "generic" },
    };
  }
  return { action: "clarify", answers, followUp: { id: `clarify:${answers[0]!.topic}`, ...handBack } };
}

// ---------------------------------------------------------------------------------------------
// Misconceptions

/** The first sentence-like piece of evidence: what the candidate said. */
function claimOf(hit: MisconceptionHit): string {
  const text = hit.evidence.map((e) => e.text).find((t) => t.trim().length > 0) ?? "";
  return text.replace(/\s+/g, " ").trim();
}

function challengeFor(state: TurnState): ChallengeDecision | undefined {
  const { question, report } = state;
  const challenged = new Set(state.askedFollowUps.filter((a) => a.startsWith("challenge:")).map((a) => a.slice("challenge:".length)));
  const retracting = state.message?.kind === "self-correction";
  const weightOf = (kpId: string | null) => report.keyPoints.find((k) => k.id === kpId)?.weight ?? 0;
  const candidates = standingMisconceptions(report)
    .map((hit, i) => ({ hit, i }))
    .filter(({ hit }) => !challenged.has(hit.id) && claimOf(hit).length > 0)
    // A retraction is full of "not" and "wrong": a denial found only by negation there is not a new claim.
    .filter(({ hit }) => !(retracting && hit.source === "negation"))
    // The latest answer first, then the most important point, then the order the answer made them.
    .sort((a, b) => b.hit.answerIndex - a.hit.answerIndex || weightOf(b.hit.keyPointId) - weightOf(a.hit.keyPointId) || a.i - b.i);
  const best = candidates[0]?.hit;
  if (!best) return undefined;
  const authored = question.misconceptions?.find((m) => m.id === best.id);
  const kpId = best.keyPointId ?? authored?.keyPointId ?? null;
  return {
    action: "challenge",
    misconceptionId: best.id,
    keyPointId: kpId,
    claim: claimOf(best),
    followUp:
      authored?.challenge && standsAlone(question, authored.challenge)
        ? { id: `challenge:${best.id}`, text: authored.challenge, source: "authored" }
        : { id: `challenge:${best.id}`, text: "", source: "generic" },
  };
}

/**
 * The latest message corrected a claim the interviewer challenged: the report marks it corrected,
 * or the candidate says so (a self-correction) right after a challenge.
 */
function correctionToAcknowledge(state: TurnState): CorrectionAcknowledgement | undefined {
  const challengedIds = state.askedFollowUps.filter((a) => a.startsWith("challenge:")).map((a) => a.slice("challenge:".length));
  const lastAction = state.askedFollowUps.at(-1) ?? "";
  const corrected = state.report.misconceptions.find((m) => m.corrected && challengedIds.includes(m.id));
  if (corrected && lastAction === `challenge:${corrected.id}`) return { misconceptionId: corrected.id, keyPointId: corrected.keyPointId };
  if (state.message?.kind === "self-correction") {
    const id = lastAction.startsWith("challenge:") ? lastAction.slice("challenge:".length) : (challengedIds.at(-1) ?? null);
    const hit = state.report.misconceptions.find((m) => m.id === id);
    return { misconceptionId: id, keyPointId: hit?.keyPointId ?? null };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Scaffolds

function scaffoldFor(state: TurnState, followUpCount: number): ScaffoldDecision | undefined {
  const { question, report } = state;
  const scaffolded = new Set(state.askedFollowUps.filter((a) => a.startsWith("scaffold:")).map((a) => a.slice("scaffold:".length)));
  const hintRequested = state.message?.hintRequested ?? false;
  const open = report.keyPoints
    .map((k, i) => ({ k, i }))
    .filter(({ k }) => k.status !== "covered" && !scaffolded.has(k.id))
    .sort((a, b) => b.k.weight - a.k.weight || a.i - b.i)
    .map(({ k }) => k);
  for (const k of open) {
    const scaffold = question.keyPoints.find((q) => q.id === k.id)?.scaffold;
    if (scaffold && standsAlone(question, scaffold))
      return { action: "scaffold", keyPointId: k.id, hintRequested, followUp: { id: `scaffold:${k.id}`, text: scaffold, source: "authored" } };
  }
  // No authored scaffold: a smaller question on the prompt's own words (never the key point's).
  const prompt = [question.title, question.prompt].filter(Boolean).join(" ");
  for (const k of open.length > 0 ? open : report.keyPoints) {
    if (scaffolded.has(k.id)) continue;
    const topic = promptTopicFor(prompt, k.text);
    const templates = topic ? SCAFFOLD_TOPIC : SCAFFOLD_OPEN;
    const text = templates[followUpCount % templates.length]!.replace("{topic}", topic ?? "");
    return { action: "scaffold", keyPointId: k.id, hintRequested, followUp: { id: `scaffold:${k.id}`, text, source: "generic" } };
  }
  if (!scaffolded.has("general") && report.keyPoints.length === 0) {
    return { action: "scaffold", keyPointId: null, hintRequested, followUp: { id: "scaffold:general", text: SCAFFOLD_OPEN[0], source: "generic" } };
  }
  return undefined;
}

const SCAFFOLD_TOPIC = [
  "What is the first thing that comes to mind when you hear {topic}? A rough idea is fine.",
  "Where have you come across {topic}, even in passing? Start there.",
] as const;
const SCAFFOLD_OPEN = [
  "Think of the last time you used this in real code. What did it do for you there?",
  "Which part of the question feels most familiar? Start with that, in your own words.",
] as const;

/**
 * The gaps worth a probe, best first: points not yet probed on this question before the others (a
 * second follow-up explores a new gap before insisting on the same one), missed before partial,
 * then a point the candidate showed no sign of (confidence 0) before one they touched (a missed
 * point with some evidence is often one they explained in words the rubric did not credit: asking
 * it again would not listen), then weight (highest first); ties keep the report's order.
 */
function probeCandidates(report: ScoreReport, probedKeyPoints: ReadonlySet<string>): KeyPointResult[] {
  const rank = (k: KeyPointResult) => (k.status === "missed" ? 0 : 1);
  const touched = (k: KeyPointResult) => Number(k.confidence > 0);
  return report.keyPoints
    .map((k, i) => ({ k, i }))
    .filter(({ k }) => k.status === "missed" || k.status === "partial")
    .sort(
      (a, b) =>
        Number(probedKeyPoints.has(a.k.id)) - Number(probedKeyPoints.has(b.k.id)) ||
        rank(a.k) - rank(b.k) ||
        touched(a.k) - touched(b.k) ||
        b.k.weight - a.k.weight ||
        a.i - b.i,
    )
    .map(({ k }) => k);
}

function askedSets(state: TurnState) {
  const asked = new Set(state.askedFollowUps.map(normalizeFollowUpText));
  const probedKeyPoints = new Set<string>();
  for (const a of state.askedFollowUps) {
    if (ACTION_PREFIXES.some((p) => a.startsWith(p)) || a === "redirect") continue;
    const m = /^(?:generic:)?([a-z0-9-]+)(?::\d+)?$/.exec(a.trim());
    if (m?.[1] && (a.includes(":") || state.question.keyPoints.some((k) => k.id === m[1]))) probedKeyPoints.add(m[1]);
  }
  // Asked by text: find which key point each text probed.
  for (const f of state.question.followUps) {
    if (asked.has(normalizeFollowUpText(f.text))) probedKeyPoints.add(f.keyPointId);
  }
  return { asked, probedKeyPoints };
}

function authoredProbe(state: TurnState): ProbeDecision | undefined {
  const { question, report } = state;
  const { asked, probedKeyPoints } = askedSets(state);
  const isAsked = (f: FollowUp) => asked.has(normalizeFollowUpText(followUpId(question, f))) || asked.has(normalizeFollowUpText(f.text));
  for (const k of probeCandidates(report, probedKeyPoints)) {
    const open = question.followUps.filter((f) => f.keyPointId === k.id && !isAsked(f));
    const followUp = open.find((f) => standsAlone(question, f.text));
    if (!followUp && open.length > 0) {
      // The authored follow-ups left for this gap all name things the candidate never saw: a generic probe.
      const generic = genericProbe(state, state.followUpCount ?? 0, k.id);
      if (generic) return generic;
    }
    if (followUp) {
      return {
        action: "probe",
        keyPointId: k.id,
        keyPointStatus: k.status === "partial" ? "partial" : "missed",
        essential: k.weight >= ESSENTIAL_WEIGHT,
        followUp: { id: followUpId(question, followUp), text: followUp.text, source: "authored" },
      };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Generic probes: for questions without authored follow-ups (user banks; key points derived from
// the reference). The probe may name only what the candidate can already see: words of the
// question's own prompt. It never uses the key point's text.

type PromptWord = { word: string; stem: string; start: number; end: number };

/** The prompt's words as written (offsets into it), each with the kernel's light suffix stem. */
function promptWords(prompt: string): PromptWord[] {
  return wordSpans(prompt, "cased-possessive").map((w) => ({ ...w, stem: stem(w.word, "suffix") }));
}

/**
 * The longest run of the prompt's own words that the key point is about (e.g. "garbage collection"
 * for a derived point about the cyclic collector), or undefined when the key point shares no
 * content word with the prompt.
 */
export function promptTopicFor(prompt: string, keyPointText: string): string | undefined {
  const kpStems = new Set(
    promptWords(keyPointText)
      .filter((w) => !PROMPT_STOPWORDS.has(w.word.toLowerCase()) && w.word.length >= 3)
      .map((w) => w.stem),
  );
  const words = promptWords(prompt);
  let best: { from: number; to: number } | undefined;
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (!w || PROMPT_STOPWORDS.has(w.word.toLowerCase()) || !kpStems.has(w.stem)) {
      i += 1;
      continue;
    }
    let j = i;
    // Extend over matching words, allowing one stopword inside ("context of use" stays whole).
    while (j + 1 < words.length) {
      const next = words[j + 1];
      const after = words[j + 2];
      if (next && kpStems.has(next.stem) && !PROMPT_STOPWORDS.has(next.word.toLowerCase())) j += 1;
      else if (next && after && PROMPT_STOPWORDS.has(next.word.toLowerCase()) && kpStems.has(after.stem)) j += 2;
      else break;
    }
    const from = w.start;
    const to = words[j]?.end ?? w.end;
    if (!best || to - from > best.to - best.from) best = { from, to };
    i = j + 1;
  }
  if (!best) return undefined;
  // Keep inline code whole: `bind` rather than `bind.
  let { from, to } = best;
  if (prompt[from - 1] === "`") from -= 1;
  if (prompt[to] === "`") to += 1;
  let phrase = prompt.slice(from, to).replace(/\s+/g, " ").trim();
  if ((phrase.match(/`/g) ?? []).length % 2 === 1) phrase = phrase.replace(/`/g, "");
  // Lower-case a capitalised word that only starts a sentence ("Explain Decorators" stays as is).
  const atSentenceStart = /(^|[.?!:]\s*)$/.test(prompt.slice(0, from));
  return atSentenceStart && /^[A-Z][a-z]+\b/.test(phrase) ? phrase[0]!.toLowerCase() + phrase.slice(1) : phrase;
}

export const TOPIC_PROBES = [
  "You haven't said much yet about {topic}. Can you walk me through that part?",
  "Tell me more about the {topic} side of this. What matters most there?",
  "What else would you say on the {topic} part of the question?",
] as const;

export const OPEN_PROBES = [
  "Is there an important part of this you haven't covered yet? Take a moment and walk me through it.",
  "What would you add to make this answer complete: how it works under the hood, or where it breaks down?",
  "Can you show a short, concrete example that illustrates your answer?",
] as const;

function genericProbe(state: TurnState, followUpCount: number, onlyKeyPoint?: string): ProbeDecision | undefined {
  const { question, report } = state;
  const { asked, probedKeyPoints } = askedSets(state);
  const prompt = [question.title, question.prompt].filter(Boolean).join(" ");
  for (const k of probeCandidates(report, probedKeyPoints)) {
    if (onlyKeyPoint && k.id !== onlyKeyPoint) continue;
    const id = `generic:${k.id}`;
    if (asked.has(normalizeFollowUpText(id))) continue;
    const topic = promptTopicFor(prompt, k.text);
    const templates: readonly string[] = topic ? TOPIC_PROBES : OPEN_PROBES;
    // Rotate by how many follow-ups were asked so two generic probes never read the same.
    for (let t = 0; t < templates.length; t += 1) {
      const template = templates[(followUpCount + t) % templates.length] ?? templates[0]!;
      const text = template.replace("{topic}", topic ?? "");
      if (asked.has(normalizeFollowUpText(text))) continue;
      return {
        action: "probe",
        keyPointId: k.id,
        keyPointStatus: k.status === "partial" ? "partial" : "missed",
        essential: k.weight >= ESSENTIAL_WEIGHT,
        followUp: { id, text, source: "generic" },
      };
    }
  }
  return undefined;
}
