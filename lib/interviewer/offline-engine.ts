/**
 * The offline interviewer: no model, no key, deterministic for a given seed. Grounded in the rubric:
 * it asks the question verbatim, acknowledges what the candidate got right in the candidate's own
 * words (evidence spans from the score report), asks the follow-up the turn policy chose, and gives
 * a verdict in general terms. It never states the reference answer or a key point: every word it
 * says about the subject is either the question's prompt, an authored follow-up, or a quote of the
 * candidate.
 */
import type { KeyPointResult, ScoreReport } from "../scoring/report.ts";
import type {
  AskTurn,
  InterviewerEngine,
  InterviewerTurn,
  MoveOnTurn,
  ProbeTurn,
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
    case "probe":
      return renderProbe(turn);
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

type Quote = { keyPointId: string; status: KeyPointResult["status"]; weight: number; text: string };

/** A short, clean quote from an evidence span: at most ~12 words, whitespace collapsed. */
export function shortQuote(span: string): string | undefined {
  let text = span.replace(/\s+/g, " ").trim();
  text = text.replace(/^[\s,.;:!?)\]}"'“”‘’-]+/, "").replace(/[\s,.;:!?([{"'“”‘’-]+$/, "");
  // Drop leading filler ("I think", "basically, ...") so the quote is the substance.
  let previous = "";
  while (previous !== text) {
    previous = text;
    text = text.replace(/^(i think|i believe|i guess|i'd say|basically|so|well|um+|uh+|and|but|also|like)\b[\s,]*/i, "");
  }
  if (text.length < 2) return undefined;
  const words = text.split(" ");
  if (words.length > 12) text = `${words.slice(0, 10).join(" ")}…`;
  if (text.length > 90) {
    const cut = text.slice(0, 80);
    text = `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 40)).trimEnd()}…`;
  }
  return text;
}

/** Quotes from the candidate's evidence: covered points first (by weight), then partial ones. */
export function candidateQuotes(report: ScoreReport): Quote[] {
  const quotes: Quote[] = [];
  const rank = (k: KeyPointResult) => (k.status === "covered" ? 0 : k.status === "partial" ? 1 : 2);
  const points = report.keyPoints
    .map((k, i) => ({ k, i }))
    .filter(({ k }) => k.status !== "missed" && k.evidence.length > 0)
    .sort((a, b) => rank(a.k) - rank(b.k) || b.k.weight - a.k.weight || b.k.confidence - a.k.confidence || a.i - b.i);
  for (const { k } of points) {
    const spans = k.evidence
      .map((e) => shortQuote(e.text))
      .filter((q): q is string => q !== undefined);
    // Prefer a span of a few words (reads naturally) over a lone term.
    const best = spans.find((q) => q.split(" ").length >= 2) ?? spans[0];
    if (best) quotes.push({ keyPointId: k.id, status: k.status, weight: k.weight, text: best });
  }
  return quotes;
}

/** The quote to acknowledge: the best one not already quoted in the previous message. */
function chooseQuote(quotes: Quote[], previousText: string | undefined, status?: "covered"): Quote | undefined {
  const pool = status ? quotes.filter((q) => q.status === status) : quotes;
  return pool.find((q) => !previousText?.includes(q.text)) ?? pool[0];
}

// ---------------------------------------------------------------------------------------------
// Probe

const ACK_PRACTICE = [
  "Good, you said “{q}”.",
  "You mentioned “{q}”, and that's right.",
  "Yes, “{q}” is right.",
  "I like that you brought up “{q}”.",
  "Right, “{q}” is a good point.",
  "That part is solid: “{q}”.",
];
/** Neutral: mock interviews, and partial evidence in practice (not praised as right). */
const ACK_NEUTRAL = [
  "You mentioned “{q}”.",
  "Noted: “{q}”.",
  "Okay, you said “{q}”.",
  "Thanks. You brought up “{q}”.",
];
const ACK_NONE_PRACTICE = ["Thanks, that's a start.", "Okay, thanks for that.", "Alright, thanks."];
const ACK_NONE_MOCK = ["Okay.", "Thanks.", "Alright."];

const LEAD_INS = [
  "Let me push on that a bit. {f}",
  "Building on that: {f}",
  "Here's a follow-up. {f}",
  "Let's dig a little deeper. {f}",
  "One more angle. {f}",
  "Now, a follow-up question. {f}",
  "I'd like to go a bit further. {f}",
  "A related question. {f}",
];

/** When nothing the candidate said earned credit yet, "building on that" would ring false. */
const LEAD_INS_FRESH = [
  "Let me ask you something more. {f}",
  "Here's a follow-up. {f}",
  "Let's look at one aspect. {f}",
  "A follow-up question. {f}",
];

function renderProbe(turn: ProbeTurn): string {
  const quotes = candidateQuotes(turn.report);
  const covered = chooseQuote(quotes, turn.previousText, "covered");
  let ack: string;
  let leadIns = LEAD_INS;
  if (turn.mode === "practice" && covered) {
    ack = fill(pick(ACK_PRACTICE, turn, "ack-practice"), { q: covered.text });
  } else {
    const quote = covered ?? chooseQuote(quotes, turn.previousText);
    if (quote) {
      ack = fill(pick(ACK_NEUTRAL, turn, "ack-neutral"), { q: quote.text });
    } else {
      ack = pick(turn.mode === "practice" ? ACK_NONE_PRACTICE : ACK_NONE_MOCK, turn, `ack-none-${turn.mode}`);
      leadIns = LEAD_INS_FRESH;
    }
  }
  const followUp = turn.decision.followUp.text.trim();
  return `${ack} ${fill(pick(leadIns, turn, leadIns === LEAD_INS ? "lead-in" : "lead-in-fresh"), { f: followUp })}`;
}

// ---------------------------------------------------------------------------------------------
// Move on

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const count = (n: number) => NUMBER_WORDS[n] ?? String(n);

const MOVE_ON_LEAD: Record<MoveOnTurn["reason"], string[]> = {
  covered: ["That covers it.", "Good, that covers what I was looking for.", "That's a complete answer."],
  time: ["We're nearly out of time on this one.", "Time is short on this question.", "We're running low on time here."],
  "max-follow-ups": ["Let's leave it there.", "Okay, let's stop there.", "That's enough on this one."],
  "no-probe-left": ["Okay, let's leave it there.", "Alright, that's this question done.", "Let's stop there."],
};
const MOVE_ON_CLOSE = ["Let's move on.", "On to the next one.", "Let's keep going."];
const MOCK_MOVE_ON = ["Thanks, let's move on.", "Thank you. Let's move on.", "Okay, thanks. Let's move on."];
const MOCK_TIME_MOVE_ON = ["We're short on time, so let's move on.", "Thanks. We're short on time, so let's move on."];
const MOCK_LAST = ["Thanks, that was the last question.", "Thank you, that was the final question."];

/**
 * A one-line verdict in general terms: how many key points were covered (with a quote of the
 * candidate for a covered one) and how many essential points were missing, never which ones.
 */
export function practiceVerdict(report: ScoreReport, previousText?: string): string {
  const points = report.keyPoints;
  const n = points.length;
  const covered = points.filter((k) => k.status === "covered");
  const partial = points.filter((k) => k.status === "partial");
  const missed = points.filter((k) => k.status === "missed");
  const essentialMissed = missed.filter((k) => k.weight >= 4).length;
  const quote = chooseQuote(candidateQuotes(report), previousText, "covered");
  if (n === 0) return `Your score for this one is ${report.score}.`;
  if (covered.length === n) {
    return quote
      ? `You covered every key point, including “${quote.text}”.`
      : "You covered every key point.";
  }
  if (covered.length === 0 && partial.length === 0) {
    return "This one needs more work: the key points I was looking for were missing. The feedback shows what a full answer covers.";
  }
  const coveredPart =
    covered.length > 0
      ? `You covered ${covered.length} of ${n} key points${quote ? `, for example “${quote.text}”` : ""}`
      : `You were partly there on ${partial.length} of ${n} key points`;
  const missing: string[] = [];
  if (essentialMissed > 0) missing.push(`${count(essentialMissed)} essential point${essentialMissed === 1 ? "" : "s"}`);
  const otherMissed = missed.length - essentialMissed;
  if (otherMissed > 0) missing.push(otherMissed === 1 ? "a detail" : `${count(otherMissed)} details`);
  let gapText = "";
  if (missing.length > 0) gapText = `; ${joinList(missing)} ${missed.length === 1 ? "was" : "were"} missing`;
  if (covered.length > 0 && partial.length > 0) {
    const partly = `${count(partial.length)} ${partial.length === 1 ? "was" : "were"} only partly there`;
    gapText += gapText ? `, and ${partly}` : `; ${partly}`;
  }
  return `${coveredPart}${gapText}. The feedback shows the details.`;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function renderMoveOn(turn: MoveOnTurn): string {
  if (turn.mode === "mock") {
    if (turn.isLastQuestion) return pick(MOCK_LAST, turn, "mock-last");
    return pick(turn.reason === "time" ? MOCK_TIME_MOVE_ON : MOCK_MOVE_ON, turn, "mock-move-on");
  }
  const lead = pick(MOVE_ON_LEAD[turn.reason], turn, `move-on-${turn.reason}`);
  const verdict = practiceVerdict(turn.report, turn.previousText);
  const close = turn.isLastQuestion ? "That was the last question." : pick(MOVE_ON_CLOSE, turn, "move-on-close");
  return `${lead} ${verdict} ${close}`;
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
