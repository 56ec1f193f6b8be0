/**
 * The turn policy: after each answer, decide whether the interviewer probes a gap (and with which
 * follow-up) or moves on. Pure and deterministic: the same state always gives the same decision.
 *
 * The LLM interviewer never decides this; it only phrases what the policy chose.
 */
import type { FollowUp, Question } from "../bank/schema.ts";
import type { KeyPointResult, ScoreReport } from "../scoring/report.ts";

/** The part of a question the interviewer needs (a session snapshot may carry only this). */
export type InterviewQuestion = Pick<Question, "id" | "prompt" | "keyPoints" | "followUps"> &
  Partial<Pick<Question, "title" | "topic" | "difficulty" | "minutes" | "misconceptions" | "clarifications">>;

export const DEFAULT_MAX_FOLLOW_UPS = 2;
/** Below this many seconds left (for the question or the interview) the interviewer moves on. */
export const MIN_SECONDS_TO_PROBE = 45;
/** At or above this score the answer is considered covered. */
export const COVERED_SCORE = 85;
/** Key points at or above this weight are "essential": all of them covered means covered. */
export const ESSENTIAL_WEIGHT = 4;

export type TurnState = {
  question: InterviewQuestion;
  /** The scorer's report over all the candidate's answers to this question so far. */
  report: ScoreReport;
  /** Follow-ups already asked for this question: ids (see `followUpId`) or their texts. */
  askedFollowUps: readonly string[];
  /** How many follow-ups were asked for this question (defaults to askedFollowUps.length). */
  followUpCount?: number;
  /** Default 2. */
  maxFollowUps?: number;
  /** null/undefined: untimed. */
  secondsLeftForQuestion?: number | null;
  secondsLeftInInterview?: number | null;
  isLastQuestion: boolean;
};

export type PlannedFollowUp = {
  /** `<keyPointId>:<n>` for the n-th (1-based) authored follow-up of a key point, `generic:<keyPointId>` otherwise. */
  id: string;
  text: string;
  source: "authored" | "generic";
};

export type MoveOnReason = "covered" | "max-follow-ups" | "time" | "no-probe-left";

export type ProbeDecision = {
  action: "probe";
  keyPointId: string;
  /** How the probed key point stands in the report. */
  keyPointStatus: "missed" | "partial";
  followUp: PlannedFollowUp;
};

export type MoveOnDecision = {
  /** "finish" instead of "move-on" when this was the last question. */
  action: "move-on" | "finish";
  reason: MoveOnReason;
};

export type TurnDecision = ProbeDecision | MoveOnDecision;

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

export function decideNextTurn(state: TurnState): TurnDecision {
  const { question, report } = state;
  const maxFollowUps = state.maxFollowUps ?? DEFAULT_MAX_FOLLOW_UPS;
  const followUpCount = state.followUpCount ?? state.askedFollowUps.length;
  const moveOn = (reason: MoveOnReason): MoveOnDecision => ({
    action: state.isLastQuestion ? "finish" : "move-on",
    reason,
  });

  if (isCovered(report)) return moveOn("covered");
  if (isShort(state.secondsLeftForQuestion) || isShort(state.secondsLeftInInterview)) return moveOn("time");
  if (followUpCount >= maxFollowUps) return moveOn("max-follow-ups");

  const probe = question.followUps.length > 0 ? authoredProbe(state) : genericProbe(state, followUpCount);
  return probe ?? moveOn("no-probe-left");
}

/** Score >= 85, or every essential (weight >= 4) key point covered (every point when none is essential). */
export function isCovered(report: ScoreReport): boolean {
  if (report.score >= COVERED_SCORE) return true;
  if (report.keyPoints.length === 0) return false;
  const essential = report.keyPoints.filter((k) => k.weight >= ESSENTIAL_WEIGHT);
  const mustCover = essential.length > 0 ? essential : report.keyPoints;
  return mustCover.every((k) => k.status === "covered");
}

function isShort(seconds: number | null | undefined): boolean {
  return typeof seconds === "number" && seconds < MIN_SECONDS_TO_PROBE;
}

/**
 * Key points worth probing, best first: missed ones by weight (highest first), then partial ones by
 * weight; ties keep the report's order. Points already probed this question go after the others, so
 * a second follow-up explores a new gap before insisting on the same one.
 */
function probeCandidates(report: ScoreReport, probedKeyPoints: ReadonlySet<string>): KeyPointResult[] {
  const rank = (k: KeyPointResult) => (k.status === "missed" ? 0 : 1);
  return report.keyPoints
    .map((k, i) => ({ k, i }))
    .filter(({ k }) => k.status !== "covered")
    .sort(
      (a, b) =>
        Number(probedKeyPoints.has(a.k.id)) - Number(probedKeyPoints.has(b.k.id)) ||
        rank(a.k) - rank(b.k) ||
        b.k.weight - a.k.weight ||
        a.i - b.i,
    )
    .map(({ k }) => k);
}

function askedSets(state: TurnState) {
  const asked = new Set(state.askedFollowUps.map(normalizeFollowUpText));
  const probedKeyPoints = new Set<string>();
  for (const a of state.askedFollowUps) {
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
  const isAsked = (f: FollowUp) =>
    asked.has(normalizeFollowUpText(followUpId(question, f))) || asked.has(normalizeFollowUpText(f.text));
  for (const k of probeCandidates(report, probedKeyPoints)) {
    const followUp = question.followUps.find((f) => f.keyPointId === k.id && !isAsked(f));
    if (followUp) {
      return {
        action: "probe",
        keyPointId: k.id,
        keyPointStatus: k.status === "partial" ? "partial" : "missed",
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

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from has have how i if in into is it its " +
    "of on or should so than that the their them then there these they this those to use used using was " +
    "what when where which while who why will with would you your explain describe difference between " +
    "example examples give show python implement write work works"
  ).split(" "),
);

function stem(word: string): string {
  let w = word.toLowerCase();
  for (const suffix of ["ations", "ation", "ions", "ion", "ors", "or", "ers", "er", "ing", "ies", "es", "ed", "s"]) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

type PromptWord = { word: string; stem: string; start: number; end: number };

function promptWords(prompt: string): PromptWord[] {
  const words: PromptWord[] = [];
  for (const m of prompt.matchAll(/[A-Za-z][A-Za-z0-9_']*/g)) {
    const word = m[0].replace(/'s$/i, "");
    words.push({ word, stem: stem(word), start: m.index, end: m.index + m[0].length });
  }
  return words;
}

/**
 * The longest run of the prompt's own words that the key point is about (e.g. "garbage collection"
 * for a derived point about the cyclic collector), or undefined when the key point shares no
 * content word with the prompt.
 */
export function promptTopicFor(prompt: string, keyPointText: string): string | undefined {
  const kpStems = new Set(
    promptWords(keyPointText)
      .filter((w) => !STOPWORDS.has(w.word.toLowerCase()) && w.word.length >= 3)
      .map((w) => w.stem),
  );
  const words = promptWords(prompt);
  let best: { from: number; to: number } | undefined;
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (!w || STOPWORDS.has(w.word.toLowerCase()) || !kpStems.has(w.stem)) {
      i += 1;
      continue;
    }
    let j = i;
    // Extend over matching words, allowing one stopword inside ("context of use" stays whole).
    while (j + 1 < words.length) {
      const next = words[j + 1];
      const after = words[j + 2];
      if (next && kpStems.has(next.stem) && !STOPWORDS.has(next.word.toLowerCase())) j += 1;
      else if (next && after && STOPWORDS.has(next.word.toLowerCase()) && kpStems.has(after.stem)) j += 2;
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

const TOPIC_PROBES = [
  "You haven't said much yet about {topic}. Can you walk me through that part?",
  "Tell me more about the {topic} side of this. What matters most there?",
  "What else would you say on the {topic} part of the question?",
] as const;

const OPEN_PROBES = [
  "Is there an important part of this you haven't covered yet? Take a moment and walk me through it.",
  "What would you add to make this answer complete: how it works under the hood, or where it breaks down?",
  "Can you show a short, concrete example that illustrates your answer?",
] as const;

function genericProbe(state: TurnState, followUpCount: number): ProbeDecision | undefined {
  const { question, report } = state;
  const { asked, probedKeyPoints } = askedSets(state);
  const prompt = [question.title, question.prompt].filter(Boolean).join(" ");
  for (const k of probeCandidates(report, probedKeyPoints)) {
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
        followUp: { id, text, source: "generic" },
      };
    }
  }
  return undefined;
}
