/**
 * The offline interviewer: no model, no key, deterministic for a given seed. Grounded in the rubric:
 * it asks the question verbatim and carries out the turn policy's decision: a probe, a challenge of
 * a wrong claim (quoting it), a smaller question after "I don't know", an answer to a clarifying
 * question with the question handed back, a redirect, or a move-on with a verdict in general terms
 * that agrees with the score report. It never states the reference answer or a key point: every
 * word it says about the subject is the question's prompt or authored material meant for the
 * candidate (follow-ups, challenges, scaffolds, clarifications), or a quote of the candidate.
 *
 * Quotes of the candidate are whole clauses of 4 to 14 words, never from a sentence that states a
 * misconception or carries a negation the quote would drop, never one already quoted on this
 * question, the latest answer first; otherwise the acknowledgement is neutral or absent. Mock mode
 * never praises. Template pools are large and short on shared wording so no phrase dominates.
 */
import type { KeyPointResult, ScoreReport } from "../scoring/report.ts";
import type {
  AskTurn,
  InterviewerEngine,
  InterviewerTurn,
  FollowUpTurn,
  MoveOnTurn,
  StreamTurnOptions,
  WrapUpTurn,
} from "./turns.ts";

export const OFFLINE_ENGINE_ID = "offline";
export const OFFLINE_ENGINE_LABEL = "Offline rubric interviewer";

export type OfflineEngineOptions = {
  /** Pause between chunks, for demos. Default 0: chunks come as fast as they are read. */
  delayMs?: number;
};

export function createOfflineInterviewer(options: OfflineEngineOptions = {}): InterviewerEngine {
  return {
    id: OFFLINE_ENGINE_ID,
    label: OFFLINE_ENGINE_LABEL,
    streamTurn(turn: InterviewerTurn, streamOptions: StreamTurnOptions = {}): AsyncIterable<string> {
      return streamText(() => renderOfflineTurn(turn), { delayMs: options.delayMs, signal: streamOptions.signal });
    },
  };
}

/** The whole text of a turn at once (what `streamTurn` yields, concatenated). */
export function renderOfflineTurn(turn: InterviewerTurn): string {
  switch (turn.kind) {
    case "ask":
      return renderAsk(turn);
    case "follow-up":
      return renderFollowUp(turn);
    case "move-on":
      return renderMoveOn(turn);
    case "wrap-up":
      return renderWrapUp(turn);
  }
}

// ---------------------------------------------------------------------------------------------
// Streaming

/** Splits text into chunks of one word with its trailing whitespace; the chunks concatenate to the text. */
export function chunkWords(text: string): string[] {
  const lead = /^\s*/.exec(text)?.[0] ?? "";
  const words = text.slice(lead.length).match(/\S+\s*/g) ?? [];
  if (words.length === 0) return text ? [text] : [];
  words[0] = lead + words[0];
  return words;
}

/**
 * Streams a text word by word. `produce` runs on the first pull, so the first chunk is available as
 * soon as the text is computed (well under a millisecond for any turn).
 */
export async function* streamText(
  produce: () => string,
  options: { delayMs?: number; signal?: AbortSignal } = {},
): AsyncGenerator<string> {
  const { delayMs = 0, signal } = options;
  signal?.throwIfAborted();
  const chunks = chunkWords(produce());
  for (let i = 0; i < chunks.length; i += 1) {
    if (i > 0 && delayMs > 0) await sleep(delayMs, signal);
    signal?.throwIfAborted();
    yield chunks[i]!;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// ---------------------------------------------------------------------------------------------
// Seeded choice

/** FNV-1a over the parts, then a murmur-style finaliser: a well-spread 32-bit hash. */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join("\u241f");
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A permutation of 0..n-1 determined by the seed (Fisher-Yates driven by a xorshift generator). */
function permutation(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = seed || 1;
  for (let i = n - 1; i > 0; i -= 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = (state >>> 0) % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The longest literal piece of a template: what makes two messages "open the same way". */
function marker(template: string): string {
  return template
    .split(/\{[a-z]+\}/)
    .map((s) => s.trim())
    .sort((a, b) => b.length - a.length)[0]!;
}

/**
 * Picks a template for a slot. Within a session (seed) the slot walks a seeded permutation of its
 * templates by `sequence`, so consecutive uses differ; a template whose text already appears in the
 * previous message is skipped when another one is available.
 */
function pick(
  templates: readonly string[],
  turn: { seed: string; sequence: number; previousText?: string },
  slot: string,
): string {
  const order = permutation(templates.length, hashSeed(turn.seed, slot));
  const start = ((turn.sequence % templates.length) + templates.length) % templates.length;
  const previous = turn.previousText ?? "";
  for (let k = 0; k < templates.length; k += 1) {
    const template = templates[order[(start + k) % templates.length]!]!;
    const m = marker(template);
    if (!previous || m.length < 3 || !previous.includes(m)) return template;
  }
  return templates[order[start]!]!;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([a-z]+)\}/g, (_, key: string) => String(values[key] ?? ""));
}

// ---------------------------------------------------------------------------------------------
// Ask

const ASK_ONLY = ["Here's your question.", "Let's begin with this one.", "Let's get started. Here's the question."];
const ASK_FIRST = [
  "Let's start with question 1 of {total}.",
  "Let's begin with question 1 of {total}.",
  "First question, 1 of {total}.",
  "Let's get started with question 1 of {total}.",
];
const ASK_NEXT = [
  "Next one, question {n} of {total}.",
  "On to question {n} of {total}.",
  "Moving on to question {n} of {total}.",
  "Here's question {n} of {total}.",
];
const ASK_LAST = [
  "Last one, question {n} of {total}.",
  "Final question, {n} of {total}.",
  "And the last one, question {n} of {total}.",
];

function renderAsk(turn: AskTurn): string {
  const total = Math.max(turn.total, turn.index + 1);
  const templates =
    total === 1 ? ASK_ONLY : turn.index === 0 ? ASK_FIRST : turn.index === total - 1 ? ASK_LAST : ASK_NEXT;
  let intro = fill(pick(templates, turn, "ask"), { n: turn.index + 1, total });
  if (turn.minutes && turn.minutes > 0) {
    intro += ` You have about ${turn.minutes} minute${turn.minutes === 1 ? "" : "s"}.`;
  }
  return `${intro}\n\n${turn.question.prompt.trim()}`;
}

// ---------------------------------------------------------------------------------------------
// The candidate's own words

export type Quote = {
  keyPointId: string;
  status: KeyPointResult["status"];
  weight: number;
  /** A whole clause of the candidate's, 4 to MAX_QUOTE_WORDS words, as they wrote it. */
  text: string;
  /** Which answer it comes from (0 = the main answer). */
  answerIndex: number;
};

export const MIN_QUOTE_WORDS = 4;
export const MAX_QUOTE_WORDS = 14;

/** Negation cues: a quote taken from a sentence that has one outside the quote would drop it. */
const NEGATION = /(?:\bnot\b|n't\b|\bnever\b|\bno\b|\bnor\b|\bneither\b|\bwithout\b|\binstead of\b|\brather than\b|\bhardly\b|\bwrong\b|\bmyth\b|\bfalse\b|\bisnt\b|\bdont\b|\bdoesnt\b)/i;
const LEADING_FILLER = /^(?:i think|i believe|i guess|i'd say|basically|so|well|um+|uh+|and|but|also|like|then|because)\b[\s,]*/i;

/** Where each answer starts in the combined text (answers joined by a blank line, as the scorer joins them). */
function answerStarts(answers: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const a of answers) {
    starts.push(at);
    at += a.length + 2;
  }
  return starts;
}

function sentenceAround(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1]!)) start -= 1;
  let end = to;
  while (end < text.length && !/[.!?\n]/.test(text[end]!)) end += 1;
  return { start, end };
}

/** The clause (between , ; : ( ) and dashes) of the sentence that holds [from, to). */
function clauseAround(text: string, sentence: { start: number; end: number }, from: number, to: number) {
  let start = Math.max(sentence.start, Math.min(from, sentence.end));
  while (start > sentence.start && !/[,;:()\u2013\u2014]/.test(text[start - 1]!)) start -= 1;
  let end = Math.min(Math.max(to, start), sentence.end);
  while (end < sentence.end && !/[,;:()\u2013\u2014]/.test(text[end]!)) end += 1;
  return { start, end };
}

function cleanQuote(raw: string): string {
  let text = raw.replace(/\s+/g, " ").trim();
  text = text.replace(/^[\s,.;:!?)\]}"'“”‘’-]+/, "").replace(/[\s,.;:!?([{"'“”‘’-]+$/, "");
  let previous = "";
  while (previous !== text) {
    previous = text;
    text = text.replace(LEADING_FILLER, "");
  }
  return text;
}

function words(text: string): number {
  return text.split(" ").filter(Boolean).length;
}

/**
 * A quotable phrase around an evidence span: the whole clause that holds it, cleaned of filler,
 * 4 to 14 words, never cut; undefined when the sentence states a misconception (`claimSpans`) or
 * carries a negation outside the clause (quoting the clause alone would drop it).
 */
export function quotablePhrase(
  combined: string,
  span: { start: number; end: number; text: string },
  claimSpans: readonly { start: number; end: number }[] = [],
): string | undefined {
  let from = span.start;
  if (combined.slice(span.start, span.end) !== span.text) {
    from = combined.indexOf(span.text);
    if (from < 0) return undefined;
  }
  const to = from + span.text.length;
  const sentence = sentenceAround(combined, from, to);
  if (claimSpans.some((c) => c.start < sentence.end && c.end > sentence.start)) return undefined;
  const clause = clauseAround(combined, sentence, from, to);
  const outside = combined.slice(sentence.start, clause.start) + " " + combined.slice(clause.end, sentence.end);
  if (NEGATION.test(outside)) return undefined;
  const text = cleanQuote(combined.slice(clause.start, clause.end));
  const n = words(text);
  if (n < MIN_QUOTE_WORDS || n > MAX_QUOTE_WORDS || text.length > 110) return undefined;
  if (text.includes("`") && (text.match(/`/g) ?? []).length % 2 === 1) return undefined;
  return text;
}

/**
 * Quotes of the candidate for covered (then partial) key points: whole clauses only, never from a
 * sentence that states a misconception, never dropping a negation; the latest answer first.
 */
export function candidateQuotes(report: ScoreReport, answers: readonly string[]): Quote[] {
  const combined = answers.join("\n\n");
  const starts = answerStarts(answers);
  const answerOf = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i += 1;
    return i;
  };
  const claimSpans = report.misconceptions.filter((m) => !m.corrected).flatMap((m) => m.evidence);
  const rank = (k: KeyPointResult) => (k.status === "covered" ? 0 : 1);
  const quotes: Quote[] = [];
  const seen = new Set<string>();
  for (const k of report.keyPoints) {
    if (k.status !== "covered" && k.status !== "partial") continue;
    for (const e of k.evidence) {
      const text = quotablePhrase(combined, e, claimSpans);
      if (!text || seen.has(text.toLowerCase())) continue;
      seen.add(text.toLowerCase());
      quotes.push({ keyPointId: k.id, status: k.status, weight: k.weight, text, answerIndex: answerOf(e.start) });
    }
  }
  return quotes.sort((a, b) => b.answerIndex - a.answerIndex || rankOf(a) - rankOf(b) || b.weight - a.weight);
  function rankOf(q: Quote) {
    return rank({ status: q.status } as KeyPointResult);
  }
}

/** Every interviewer message on this question (and the previous one): a quote in any of them is not used again. */
function spokenBefore(turn: FollowUpTurn | MoveOnTurn): string {
  const own = (turn.exchange ?? []).filter((m) => m.role === "interviewer").map((m) => m.text);
  return [...own, turn.previousText ?? ""].join("\n").toLowerCase();
}

/** The quote to acknowledge, or undefined (then the acknowledgement is neutral or absent). */
function chooseQuote(turn: FollowUpTurn | MoveOnTurn, status?: "covered"): Quote | undefined {
  const spoken = spokenBefore(turn);
  return candidateQuotes(turn.report, turn.answers).find(
    (q) => (!status || q.status === status) && !spoken.includes(q.text.toLowerCase()),
  );
}

/** A claim the candidate made, for a challenge: their sentence, or its clause when the sentence is long. */
export function claimQuote(claim: string, hint = ""): string | undefined {
  const text = cleanQuote(claim);
  const n = words(text);
  if (n >= MIN_QUOTE_WORDS && n <= 24) return text;
  if (n < MIN_QUOTE_WORDS) return undefined;
  const hintWords = new Set(hint.toLowerCase().match(/[a-z0-9_+=.]+/g) ?? []);
  const clauses = text.split(/[,;:\u2013\u2014]/).map(cleanQuote).filter((c) => words(c) >= MIN_QUOTE_WORDS && words(c) <= 24);
  const score = (c: string) => (c.toLowerCase().match(/[a-z0-9_+=.]+/g) ?? []).filter((w) => hintWords.has(w)).length;
  return clauses.sort((a, b) => score(b) - score(a))[0];
}

// ---------------------------------------------------------------------------------------------
// Follow-ups: probe, challenge, scaffold, clarification, redirect

const ACK_PRACTICE = [
  "You said “{q}”, and that's right.",
  "“{q}”: yes, that part holds.",
  "Good, “{q}” is the right idea.",
  "I agree with “{q}”.",
  "“{q}” is a fair way to put it.",
  "Right: “{q}”.",
];
/** Neutral: mock interviews, and partial evidence in practice (never praised as right). */
const ACK_NEUTRAL = ["You said “{q}”.", "Noted: “{q}”.", "“{q}”, you said.", "I heard “{q}”.", "So, “{q}”."];

const PROBE_FORMS = [
  "{ack} {f}",
  "{ack} Next: {f}",
  "{ack} Let me push on another part. {f}",
  "{ack} Now a different angle. {f}",
  "{f}",
  "{ack} I'd like to hear about one more thing. {f}",
  "{ack} Building on that: {f}",
  "{ack} Here's what I'd ask next. {f}",
  "Another part of this. {f}",
  "{ack} Tell me this. {f}",
  "{ack} Consider this. {f}",
  "{ack} Going a bit further. {f}",
];

const CHALLENGE_FORMS = [
  "You said “{c}”. {f}",
  "Let me push back on one thing: “{c}”. {f}",
  "I want to test a claim of yours, “{c}”. {f}",
  "Before we go on: you said “{c}”. {f}",
  "Hold on. “{c}”, is that so? {f}",
  "One thing I'd question: “{c}”. {f}",
  "Let's check “{c}” together. {f}",
];
const CHALLENGE_UNQUOTED = [
  "Let me test one claim from your answer. {f}",
  "Something in your answer doesn't sit right with me. {f}",
  "I'd like to check one thing you said. {f}",
];
const GENERIC_CHALLENGE = [
  "How would you convince yourself of that? Walk me through what actually happens, step by step.",
  "What would you run to check it, and what result would you expect?",
  "Can you walk me through why that would be true, one step at a time?",
  "If a colleague doubted that, what small experiment would settle it?",
];

const SCAFFOLD_FORMS = [
  "No problem. Let's take a smaller step: {f}",
  "That's fine, let's start smaller. {f}",
  "Let's break it down. {f}",
  "Okay, a simpler question first. {f}",
  "Fair enough. Try this one: {f}",
  "Let's come at it from an easier side. {f}",
];
const HINT_FORMS = [
  "Here's a way in: {f}",
  "Sure. Start from this: {f}",
  "A hint, as a question: {f}",
  "Think about this first. {f}",
];

const CLARIFY_OPENERS = ["Good question.", "Fair question.", "Sure.", "Happy to clarify.", "Yes, let me clarify.", ""];
const CLARIFY_OPENERS_MOCK = ["Sure.", "Let me clarify.", "Okay.", ""];
const CLARIFY_TOPIC_LEADS: Record<string, string[]> = {
  scope: ["On scope: {t}", "Scope-wise: {t}", "What I have in mind: {t}"],
  version: ["On the version: {t}", "Version-wise: {t}", "As for the version: {t}"],
  expected: ["What I'm after: {t}", "What I'd like to hear: {t}", "As for depth: {t}"],
  code: ["About code: {t}", "On code: {t}", "As for code: {t}"],
  general: ["{t}"],
};
const HAND_BACK = [
  "So, back to the question: {p}",
  "With that in mind, over to you. {p}",
  "Here's the question again: {p}",
  "Now, the question stands: {p}",
  "Go ahead whenever you're ready. {p}",
  "Over to you: {p}",
];

const REDIRECT_FORMS = [
  "That's a different subject from the one I asked about. Let's come back to it: {p}",
  "I think that answers another question. Mine was this: {p}",
  "Let's bring it back to the question I asked. {p}",
  "That's off the topic of this question. Could you take another go at it? {p}",
];

const CORRECTION_ACK_PRACTICE = [
  "Good, that's a better way to put it.",
  "Right, that correction matters.",
  "Yes, that's more accurate than what you said first.",
  "Good catch on your own claim.",
  "That's the right correction.",
];
const CORRECTION_ACK_MOCK = ["Okay, noted: you've revised that.", "Understood, you're changing your answer there.", "Noted, that's your revised view."];

function correctionAck(turn: FollowUpTurn | MoveOnTurn): string {
  const ack = turn.kind === "follow-up" ? turn.decision.acknowledgeCorrection : turn.acknowledgeCorrection;
  if (!ack) return "";
  return pick(turn.mode === "mock" ? CORRECTION_ACK_MOCK : CORRECTION_ACK_PRACTICE, turn, `correction-${turn.mode}`);
}

function acknowledgement(turn: FollowUpTurn): string {
  if (turn.decision.acknowledgeCorrection) return correctionAck(turn);
  const covered = turn.mode === "practice" ? chooseQuote(turn, "covered") : undefined;
  if (covered) return fill(pick(ACK_PRACTICE, turn, "ack-practice"), { q: covered.text });
  const quote = chooseQuote(turn);
  // Quote neutrally about half the time at most: an acknowledgement on every turn reads as a tic.
  if (quote && hashSeed(turn.seed, turn.sequence, "ack") % 2 === 0) return fill(pick(ACK_NEUTRAL, turn, "ack-neutral"), { q: quote.text });
  return "";
}

/** The interviewer's own words (whitespace collapsed), then authored text exactly as written (it may hold code). */
function compose(form: string, values: Record<string, string>, authored: string): string {
  const [before = "", after = ""] = form.split("{f}");
  const own = (text: string) => fill(text, values).replace(/\s+/g, " ").trim();
  return [own(before), authored, own(after)].filter(Boolean).join(" ");
}

function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function renderFollowUp(turn: FollowUpTurn): string {
  const d = turn.decision;
  const f = d.followUp.text.trim();
  switch (d.action) {
    case "probe": {
      const ack = acknowledgement(turn);
      let forms = PROBE_FORMS;
      if (!ack) forms = forms.filter((t) => !t.includes("Building on that"));
      return compose(pick(forms, turn, "probe"), { ack }, f);
    }
    case "challenge": {
      const authored = turn.question.misconceptions?.find((m) => m.id === d.misconceptionId);
      const question = d.followUp.source === "authored" && f ? f : pick(GENERIC_CHALLENGE, turn, "generic-challenge");
      const claim = claimQuote(d.claim, [authored?.text, ...(authored?.phrasings ?? [])].join(" "));
      return claim
        ? compose(pick(CHALLENGE_FORMS, turn, "challenge"), { c: claim }, question)
        : compose(pick(CHALLENGE_UNQUOTED, turn, "challenge-unquoted"), {}, question);
    }
    case "scaffold": {
      const lead = correctionAck(turn);
      const form = pick(d.hintRequested ? HINT_FORMS : SCAFFOLD_FORMS, turn, d.hintRequested ? "hint" : "scaffold");
      return compose(`{lead} ${form}`, { lead }, f);
    }
    case "clarify": {
      const opener = pick(turn.mode === "mock" ? CLARIFY_OPENERS_MOCK : CLARIFY_OPENERS, turn, `clarify-open-${turn.mode}`);
      const answers = d.answers.map((a) => {
        const leads = CLARIFY_TOPIC_LEADS[a.topic] ?? ["{t}"];
        const text = /[.!?]$/.test(a.text.trim()) ? a.text.trim() : `${a.text.trim()}.`;
        return fill(pick(leads, turn, `clarify-${a.topic}`), { t: a.topic === "general" ? text : lowerFirstSafe(text) });
      });
      const handBack = fill(pick(HAND_BACK, turn, "hand-back"), { p: "" }).trim();
      return `${tidy(`${opener} ${answers.join(" ")} ${handBack}`)}\n\n${f}`;
    }
    case "redirect": {
      const form = pick(REDIRECT_FORMS, turn, "redirect");
      return `${form.replace("{p}", "").trim()}\n\n${f}`;
    }
  }
}

/** Lower-cases the first letter only when it is a plain capitalised word ("CPython" stays). */
function lowerFirstSafe(text: string): string {
  return /^[A-Z][a-z]+\b/.test(text) && !/^(?:I|Python)\b/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------------
// Move on

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const count = (n: number) => NUMBER_WORDS[n] ?? String(n);

const MOVE_ON_LEAD: Record<MoveOnTurn["reason"], string[]> = {
  covered: ["Good.", "Okay, good.", "That does it.", "Nicely done.", "", "Right."],
  time: ["We're nearly out of time on this one.", "Time is short here.", "The clock is running down on this one.", "We're low on time."],
  "max-follow-ups": ["Let's leave it there.", "Okay, let's stop there.", "That's enough on this one.", "I'll stop you there.", ""],
  "no-probe-left": ["Okay, let's leave it there.", "Alright, that's this question done.", "Let's stop there.", ""],
  skipped: ["Sure, we can skip it.", "No problem, let's skip this one.", "Fine, skipping it."],
  "off-topic": ["That's still another subject, so let's leave this question.", "We've drifted, so let's stop this one here.", "Let's leave this question there."],
};
const MOVE_ON_CLOSE = ["Let's move on.", "On to the next one.", "Next question.", "Let's keep going.", "Moving on.", "", ""];
const MOCK_MOVE_ON = ["Thanks, let's move on.", "Thank you. Next one.", "Okay, thanks.", "Noted. Moving on.", "Alright, next.", "Thanks.", "Okay. Let's continue."];
const MOCK_TIME_MOVE_ON = ["We're short on time, so let's move on.", "Time's nearly up here; moving on.", "Let's keep an eye on the clock and continue."];
const MOCK_SKIP = ["Sure, we'll skip it.", "Okay, skipping this one.", "Fine, next one then."];
const MOCK_LAST = ["Thanks, that was the last question.", "Thank you, that was the final question.", "That's the last one, thanks."];

/**
 * A one-line verdict in general terms, agreeing with the report: a wrong claim left standing comes
 * first; "every key point" only when every point is covered; the number of essential points missing,
 * never which. Never "complete" while an essential point is missing or a claim stands.
 */
export function practiceVerdict(report: ScoreReport, turn: { seed: string; sequence: number; previousText?: string }, quote?: Quote): string {
  const points = report.keyPoints;
  const n = points.length;
  const covered = points.filter((k) => k.status === "covered");
  const partial = points.filter((k) => k.status === "partial");
  const notCovered = points.filter((k) => k.status === "missed" || k.status === "contradicted");
  const essentialMissing = points.filter((k) => k.weight >= 4 && k.status !== "covered").length;
  const standing = report.misconceptions.filter((m) => !m.corrected).length + points.filter((k) => k.status === "contradicted" && !report.misconceptions.some((m) => m.keyPointId === k.id)).length;
  const corrected = report.misconceptions.filter((m) => m.corrected).length;
  const parts: string[] = [];
  if (standing > 0) {
    parts.push(
      pick(
        [
          `${standing === 1 ? "One claim" : `${count(standing)} claims`} in your answer ${standing === 1 ? "doesn't" : "don't"} hold up; the feedback below sets ${standing === 1 ? "it" : "them"} right.`,
          `Watch out: ${standing === 1 ? "something you stated is" : `${count(standing)} things you stated are`} not correct, and the report explains why.`,
          `There's ${standing === 1 ? "a wrong claim" : `more than one wrong claim`} in there; read the correction in the report.`,
        ],
        turn,
        "verdict-claim",
      ),
    );
  } else if (corrected > 0) {
    parts.push(pick(["You corrected your earlier claim, and the report shows both.", "Your correction counts; the report notes the first version too."], turn, "verdict-corrected"));
  }
  if (n === 0) return [...parts, `Your score for this one is ${report.score}.`].join(" ");
  if (covered.length === n) {
    parts.push(
      quote
        ? fill(pick(["You covered every key point, including “{q}”.", "Every key point was there, “{q}” among them.", "All the key points were there; “{q}” was a good one."], turn, "verdict-all-q"), { q: quote.text })
        : pick(["You covered every key point.", "All the key points were there.", "Nothing important was left out."], turn, "verdict-all"),
    );
    return parts.join(" ");
  }
  if (covered.length === 0 && partial.length === 0) {
    parts.push(pick(["The key points I was listening for didn't come up yet.", "This one needs more work: the main points were not there.", "Most of what matters here is still to come; the report lists it."], turn, "verdict-none"));
    return parts.join(" ");
  }
  const got = covered.length > 0 ? covered.length : partial.length;
  const gotForms =
    covered.length > 0
      ? [`${got} of ${n} key points`, `${got} of the ${n} points`, `${count(got)} key points out of ${count(n)}`, `${got} points of ${n}`]
      : [`part of ${got} of ${n} key points`, `some of ${got} points out of ${count(n)}`];
  const gotText = pick(gotForms, turn, "verdict-count");
  const missingText =
    essentialMissing > 0
      ? `${count(essentialMissing)} essential ${essentialMissing === 1 ? "point was" : "points were"} missing`
      : notCovered.length + partial.length > 0
        ? `${notCovered.length + partial.length === 1 ? "one detail" : `${count(notCovered.length + partial.length)} details`} could be added`
        : "";
  const forms = [
    `You got ${gotText}{q}; ${missingText}.`,
    `That's ${gotText}{q}, and ${missingText}.`,
    `${cap(gotText)} are there{q}. ${cap(missingText)}.`,
    `In all, ${gotText} landed{q}; ${missingText}.`,
    `${cap(missingText)}, but ${gotText} came through{q}.`,
  ];
  const form = pick(forms, turn, "verdict-some");
  parts.push(fill(form, { q: quote && covered.length > 0 ? `, such as “${quote.text}”` : "" }).replace(/; \.$/, ".").replace(/, and \.$/, "."));
  return parts.join(" ");
}

function cap(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function renderMoveOn(turn: MoveOnTurn): string {
  const ack = correctionAck(turn);
  if (turn.mode === "mock") {
    const pool = turn.isLastQuestion ? MOCK_LAST : turn.reason === "time" ? MOCK_TIME_MOVE_ON : turn.reason === "skipped" ? MOCK_SKIP : MOCK_MOVE_ON;
    return tidy(`${ack} ${pick(pool, turn, `mock-${turn.reason}-${turn.isLastQuestion}`)}`);
  }
  const lead = pick(MOVE_ON_LEAD[turn.reason], turn, `move-on-${turn.reason}`);
  const verdict = practiceVerdict(turn.report, turn, chooseQuote(turn, "covered"));
  const close = turn.isLastQuestion ? pick(["That was the last question.", "That's the last one.", "And that was the final question."], turn, "last") : pick(MOVE_ON_CLOSE, turn, "move-on-close");
  return tidy(`${ack} ${lead} ${verdict} ${close}`);
}

// ---------------------------------------------------------------------------------------------
// Wrap-up

function renderWrapUp(turn: WrapUpTurn): string {
  const parts: string[] = [];
  parts.push(turn.timeUp ? "Time's up, so that's the end of the interview." : "That's the end of the interview.");
  const results = turn.results ?? [];
  if (turn.total > 0) {
    parts.push(
      turn.answered >= turn.total
        ? turn.total === 1
          ? "You answered the question."
          : `You answered all ${count(turn.total)} questions.`
        : `You answered ${turn.answered} of ${turn.total} questions.`,
    );
  }
  if (results.length > 0) {
    const average = Math.round(results.reduce((sum, r) => sum + r.report.score, 0) / results.length);
    parts.push(`Your average score is ${average} out of 100.`);
    if (results.length > 1) {
      const sorted = [...results].sort((a, b) => b.report.score - a.report.score);
      const best = sorted[0]!;
      const worst = sorted[sorted.length - 1]!;
      if (best.report.score > worst.report.score) {
        parts.push(`Your strongest answer was on “${best.title}”; “${worst.title}” is the one to practise next.`);
      }
    }
  }
  parts.push(
    turn.mode === "mock"
      ? "Thank you for your time. Your feedback report, with the reference answers, is ready below."
      : "Thanks for practising. The full breakdown, with the reference answers, is ready below.",
  );
  return parts.join(" ");
}
