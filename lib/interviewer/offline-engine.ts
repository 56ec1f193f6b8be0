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
import { answeredSentence, numberWord } from "../format/count.ts";
import type { KeyPointResult, ScoreReport } from "../scoring/report.ts";
import type { InterviewQuestion } from "./turn-policy.ts";
import type { AskTurn, InterviewerEngine, InterviewerTurn, FollowUpTurn, MoveOnTurn, StreamTurnOptions, WrapUpTurn } from "./turns.ts";
import { OTHER_STACK } from "./classify-message.ts";
import { sayMinutes } from "../format/duration.ts";
import { hashSeed, seededRandom } from "../kernel/random.ts";
import { BASE_STOPWORDS, wordCount } from "../kernel/text.ts";
import { answerStarts, combineAnswers } from "../scoring/text.ts";

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
export async function* streamText(produce: () => string, options: { delayMs?: number; signal?: AbortSignal } = {}): AsyncGenerator<string> {
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

/** The longest literal piece of a template: what makes two messages "open the same way". */
function marker(template: string): string {
  return template
    .split(/\{[a-z]+\}/)
    .map((s) => s.trim())
    .sort((a, b) => b.length - a.length)[0]!;
}

/** The kernel generator the phrasing choices are pinned to (stored transcripts, the interviewer eval). */
const PHRASING_RANDOM = "xorshift32";

/**
 * Picks a template for a slot. Within a session (seed) the slot walks a seeded permutation of its
 * templates by `sequence`, so consecutive uses differ; a template whose text already appears in the
 * previous message is skipped when another one is available.
 */
function pick(templates: readonly string[], turn: { seed: string; sequence: number; previousText?: string }, slot: string): string {
  const order = seededRandom([turn.seed, slot], PHRASING_RANDOM).shuffle(templates.map((_, i) => i));
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
const ASK_LAST = ["Last one, question {n} of {total}.", "Final question, {n} of {total}.", "And the last one, question {n} of {total}."];

function renderAsk(turn: AskTurn): string {
  const total = Math.max(turn.total, turn.index + 1);
  const templates = total === 1 ? ASK_ONLY : turn.index === 0 ? ASK_FIRST : turn.index === total - 1 ? ASK_LAST : ASK_NEXT;
  let intro = fill(pick(templates, turn, "ask"), { n: turn.index + 1, total });
  if (turn.minutes && turn.minutes > 0) {
    intro += ` You have about ${sayMinutes(turn.minutes)}.`;
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
  /**
   * May be quoted with approving words ("right", "agree", "fair", "good", "holds"): the clause is
   * evidence of a key point the report marks covered, and its sentence has no wrong claim (a
   * misconception hit or a contradicted point, corrected or not), no sweeping or hedged wording
   * (where unflagged misconceptions live), and names no other language or stack. Else it may only
   * be quoted neutrally ("You said …").
   */
  approvable: boolean;
};

export const MIN_QUOTE_WORDS = 4;
export const MAX_QUOTE_WORDS = 14;

/** Negation cues: a quote taken from a sentence that has one outside the quote would drop it. */
const NEGATION =
  /(?:\bnot\b|n't\b|\bnever\b|\bno\b|\bnor\b|\bneither\b|\bwithout\b|\binstead of\b|\brather than\b|\bhardly\b|\bwrong\b|\bmyth\b|\bfalse\b|\bisnt\b|\bdont\b|\bdoesnt\b)/i;
const LEADING_FILLER =
  /^(?:i think|i believe|i guess|i'd say|basically|honestly|anyway|so|well|um+|uh+|hmm+|ok|okay|oh|yes|yeah|right|and|but|also|plus|like|then|because|since)\b[\s,]*/i;
/** A clause that opens like this is a supposition or a condition, not something the candidate claims. */
const NOT_A_CLAIM = /^(?:if|when|whether|unless|say|suppose|imagine|assuming|let's say|what if|although|though|while)\b/i;
/**
 * Sweeping or hedged wording in a sentence: the candidate may be right, but the scorer cannot tell
 * "can't be changed at all" from "can't be rebound", so such a sentence is never praised.
 */
const CAUTION =
  /\b(?:always|never|at all|all the way|basically|just|simply|completely|entirely|totally|automatically|no need|guarantee[sd]?|i think|i guess|i believe|i suppose|maybe|probably|somehow|sort of|kind of|stuff|not sure)\b/i;
const OPENERS = "([{";
const PROTECTED_MAX = 200;
const CLOSERS = ")]}";

/**
 * Sentence and clause boundaries of a text, in one linear pass. A sentence ends at a newline, or at
 * . ! ? followed by whitespace or the end (so `f.close()`, `3.11` and `e.g.` do not end one). A
 * clause ends at , ; : or a dash outside brackets, backticks and quotation marks, and at a prose
 * parenthesis (one opened after a space, not a call like `super()`). An apostrophe inside a word
 * (doesn't) is not a quotation mark.
 */
export type Segments = { sentenceEnds: number[]; clauseEnds: number[] };

export function segment(text: string): Segments {
  const sentenceEnds: number[] = [];
  const clauseEnds: number[] = [];
  let depth = 0;
  let inBacktick = false;
  let inSingle = false;
  let inDouble = false;
  const prose: boolean[] = [];
  const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
  const endSentence = (i: number) => {
    sentenceEnds.push(i);
    clauseEnds.push(i);
    depth = 0;
    inBacktick = inSingle = inDouble = false;
    prose.length = 0;
  };
  // Where the innermost protected stretch (brackets, backticks, quotation marks) opened: a stretch
  // left open for more than PROTECTED_MAX characters was not one (a stray mark), so it is dropped.
  let protectedSince = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    const isProtected = depth > 0 || inBacktick || inSingle || inDouble;
    if (!isProtected) protectedSince = -1;
    else if (protectedSince < 0) protectedSince = i;
    else if (i - protectedSince > PROTECTED_MAX) {
      depth = 0;
      inBacktick = inSingle = inDouble = false;
      protectedSince = -1;
    }
    if (c === "\n") {
      endSentence(i);
      continue;
    }
    if (c === "`") {
      inBacktick = !inBacktick;
      continue;
    }
    if (inBacktick) continue;
    if (c === "'" || c === "‘" || c === "’") {
      if (isWord(text[i - 1]) && isWord(text[i + 1])) continue; // an apostrophe: doesn't, it's
      const opening = !text[i - 1] || /[\s([{"“]/.test(text[i - 1]!);
      if (opening && !inSingle) inSingle = true;
      else if (inSingle && !opening) inSingle = false;
      continue;
    }
    if (c === '"' || c === "“" || c === "”") {
      inDouble = c === "“" ? true : c === "”" ? false : !inDouble;
      continue;
    }
    if (OPENERS.includes(c)) {
      const isProse = c === "(" && (i === 0 || /\s/.test(text[i - 1]!)) && depth === 0;
      prose.push(isProse);
      if (isProse) clauseEnds.push(i);
      else depth += 1;
      continue;
    }
    if (CLOSERS.includes(c)) {
      const wasProse = prose.pop();
      if (wasProse) clauseEnds.push(i);
      else if (depth > 0) depth -= 1;
      continue;
    }
    if (depth > 0 || inSingle || inDouble) continue;
    if (c === "." || c === "!" || c === "?") {
      let j = i + 1;
      while (j < text.length && /["'”’)]/.test(text[j]!)) j += 1;
      const atEnd = j >= text.length || /\s/.test(text[j]!);
      const abbreviation = c === "." && /(?:^|[^A-Za-z])(?:e\.g|i\.e|etc|vs|cf)$/i.test(text.slice(Math.max(0, i - 5), i));
      if (atEnd && !abbreviation) endSentence(i);
      continue;
    }
    // A comma between digits is a thousands separator ("1,000 requests"), not a clause break.
    const inNumber = (c === "," || c === ":") && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "");
    if (!inNumber && (c === "," || c === ";" || c === ":" || c === "\u2013" || c === "\u2014" || (c === "-" && text[i - 1] === " " && text[i + 1] === " "))) {
      clauseEnds.push(i);
    }
  }
  return { sentenceEnds, clauseEnds };
}

/** The [start, end) of the piece holding `at`, between sorted boundary positions (a boundary char belongs to neither side). */
function pieceAround(ends: readonly number[], at: number, length: number): { start: number; end: number } {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  const start = lo > 0 ? ends[lo - 1]! + 1 : 0;
  const end = lo < ends.length ? ends[lo]! : length;
  return { start, end };
}

function balanced(text: string): boolean {
  let single = 0;
  let double = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === "'" || c === "‘" || c === "’") {
      if (/[A-Za-z0-9]/.test(text[i - 1] ?? "") && /[A-Za-z0-9]/.test(text[i + 1] ?? "")) continue;
      single += 1;
    } else if (c === '"') double += 1;
    else if (c === "“" || c === "”") return false;
  }
  return single % 2 === 0 && double % 2 === 0 && (text.match(/`/g) ?? []).length % 2 === 0;
}

function cleanQuote(raw: string): string {
  let text = raw.replace(/\s+/g, " ").trim();
  text = text.replace(/^[\s,.;:!?)\]}-]+/, "").replace(/[\s,.;:!?([{-]+$/, "");
  let previous = "";
  while (previous !== text) {
    previous = text;
    text = text.replace(LEADING_FILLER, "");
  }
  // Quotation marks stay when they pair up inside the quote ('my parent'); a stray one at an end goes.
  if (!balanced(text)) text = text.replace(/^["'‘’]+/, "").replace(/["'‘’]+$/, "");
  return text;
}

type Range = { start: number; end: number };
const overlaps = (a: Range, b: Range) => a.start < b.end && a.end > b.start;

/**
 * A quotable phrase around an evidence span: the whole clause that holds its start, inside one
 * sentence, cleaned of filler, 4 to 14 words, never cut (at an apostrophe, a bracket or a quotation
 * mark); undefined when the sentence states a misconception (`claimSpans`), carries a negation
 * outside the clause (quoting the clause alone would drop it), or the clause is a supposition.
 */
export function quotablePhrase(
  combined: string,
  span: { start: number; end: number; text: string },
  claimSpans: readonly Range[] = [],
  segments: Segments = segment(combined),
): string | undefined {
  return quotableClause(combined, span, claimSpans, segments)?.text;
}

function quotableClause(
  combined: string,
  span: { start: number; end: number; text: string },
  claimSpans: readonly Range[],
  segments: Segments,
): { text: string; sentence: Range; clause: Range } | undefined {
  let from = span.start;
  if (combined.slice(span.start, span.end) !== span.text) {
    from = combined.indexOf(span.text);
    if (from < 0) return undefined;
  }
  // Skip leading whitespace and punctuation so the span starts inside its sentence.
  while (from < combined.length - 1 && /[\s.,;:!?]/.test(combined[from]!)) from += 1;
  const sentence = pieceAround(segments.sentenceEnds, from, combined.length);
  if (claimSpans.some((c) => overlaps(c, sentence))) return undefined;
  const to = Math.min(from + span.text.length, sentence.end);
  const first = pieceAround(segments.clauseEnds, from, combined.length);
  const last = pieceAround(segments.clauseEnds, Math.max(from, to - 1), combined.length);
  const clause = { start: Math.max(first.start, sentence.start), end: Math.min(last.end, sentence.end) };
  const outside = combined.slice(sentence.start, clause.start) + " " + combined.slice(clause.end, sentence.end);
  if (NEGATION.test(outside)) return undefined;
  const text = cleanQuote(combined.slice(clause.start, clause.end));
  const n = wordCount(text);
  if (n < MIN_QUOTE_WORDS || n > MAX_QUOTE_WORDS || text.length > 110) return undefined;
  if (!balanced(text) || NOT_A_CLAIM.test(text)) return undefined;
  // A phrase, not a list of names: at least three words of three letters or more ("B, C, A, object" is not one).
  if ((text.match(/[A-Za-z_]{3,}/g) ?? []).length < 3) return undefined;
  return { text, sentence, clause };
}

/** Answers (by index) the candidate gave to another question: the interviewer redirected right after them. */
export function offTopicAnswers(exchange: readonly { role: string; action?: string | null }[] | undefined): Set<number> {
  const out = new Set<number>();
  let n = -1;
  for (const m of exchange ?? []) {
    if (m.role === "candidate") n += 1;
    else if (m.action === "redirect" && n >= 0) out.add(n);
  }
  return out;
}

/**
 * Quotes of the candidate for covered (then partial) key points: whole clauses only, never from a
 * sentence that states a misconception, never dropping a negation, never from an answer to another
 * question (`skipAnswers`); the latest answer first. `approvable` says which may be praised.
 */
export function candidateQuotes(report: ScoreReport, answers: readonly string[], skipAnswers: ReadonlySet<number> = new Set()): Quote[] {
  const combined = combineAnswers(answers);
  const segments = segment(combined);
  const starts = answerStarts(answers);
  const answerOf = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i += 1;
    return i;
  };
  const standingClaims = report.misconceptions.filter((m) => !m.corrected).flatMap((m) => m.evidence);
  // Any sentence that ever stated a wrong claim (corrected later or not) is never praised.
  const wrongSpans = [
    ...report.misconceptions.flatMap((m) => m.evidence),
    ...report.keyPoints.filter((k) => k.status === "contradicted").flatMap((k) => k.evidence),
  ];
  const quotes: Quote[] = [];
  const seen = new Set<string>();
  for (const k of report.keyPoints) {
    if (k.status !== "covered" && k.status !== "partial") continue;
    for (const e of k.evidence) {
      const found = quotableClause(combined, e, standingClaims, segments);
      if (!found || seen.has(found.text.toLowerCase())) continue;
      const answerIndex = answerOf(found.sentence.start);
      if (skipAnswers.has(answerIndex)) continue;
      seen.add(found.text.toLowerCase());
      const sentenceText = combined.slice(found.sentence.start, found.sentence.end);
      const approvable =
        k.status === "covered" && !wrongSpans.some((w) => overlaps(w, found.sentence)) && !CAUTION.test(sentenceText) && !OTHER_STACK.test(sentenceText);
      quotes.push({ keyPointId: k.id, status: k.status, weight: k.weight, text: found.text, answerIndex, approvable });
    }
  }
  const rank = (q: Quote) => (q.approvable ? 0 : q.status === "covered" ? 1 : 2);
  return quotes.sort((a, b) => b.answerIndex - a.answerIndex || rank(a) - rank(b) || b.weight - a.weight);
}

/** Every interviewer message on this question (and the previous one): a quote in any of them is not used again. */
function spokenBefore(turn: FollowUpTurn | MoveOnTurn): string {
  const own = (turn.exchange ?? []).filter((m) => m.role === "interviewer").map((m) => m.text);
  return [...own, turn.previousText ?? ""].join("\n").toLowerCase();
}

/**
 * The quote to acknowledge, or undefined (then the acknowledgement is neutral or absent).
 * `approving`: only a quote that may be praised, from the candidate's latest answer (praise for
 * something said two turns ago reads as if it were just said).
 */
function chooseQuote(turn: FollowUpTurn | MoveOnTurn, options: { approving?: boolean; latestOnly?: boolean } = {}): Quote | undefined {
  const spoken = spokenBefore(turn);
  const skip = offTopicAnswers(turn.exchange);
  if (turn.kind === "move-on" && turn.reason === "off-topic") skip.add(turn.answers.length - 1);
  const latest = turn.answers.length - 1;
  return candidateQuotes(turn.report, turn.answers, skip).find(
    (q) => (!options.approving || q.approvable) && (!options.latestOnly || q.answerIndex === latest) && !spoken.includes(q.text.toLowerCase()),
  );
}

/** At most this many words in a challenge's quote. */
const CLAIM_QUOTE_MAX_WORDS = 24;
/** At most this many clauses (empty ones included: ", , ,") in one quoted run. */
const CLAIM_QUOTE_MAX_CLAUSES = 12;
/** Among runs that share as many of the misconception's words, the one nearest this length wins. */
const CLAIM_QUOTE_AIM_WORDS = 12;

/** Distinct words of 3+ characters that are not stop words: what a quote shares with a misconception. */
function contentWordsOf(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z0-9_+=.]{3,}/g) ?? []).filter((w) => !BASE_STOPWORDS.has(w)));
}

/**
 * A claim the candidate made, for a challenge: the whole claim when it is short, else the run of
 * whole clauses (at most CLAIM_QUOTE_MAX_WORDS words) that shares most content words with the
 * misconception (`hint`), then the one nearest a dozen words. Runs, not single clauses: "It goes
 * depth-first, left to right: for D(B, C) it checks D" says the claim; its last clause alone is
 * true. Linear in the claim: each start extends over at most CLAIM_QUOTE_MAX_CLAUSES clauses.
 */
export function claimQuote(claim: string, hint = ""): string | undefined {
  const text = cleanQuote(claim);
  const n = wordCount(text);
  if (n >= MIN_QUOTE_WORDS && n <= CLAIM_QUOTE_MAX_WORDS && balanced(text)) return text;
  if (n < MIN_QUOTE_WORDS) return undefined;
  const hintWords = contentWordsOf(hint);
  const { clauseEnds } = segment(text);
  const starts = [0, ...clauseEnds.map((end) => end + 1)];
  const ends = [...clauseEnds, text.length];
  const words = ends.map((end, i) => (end > starts[i]! ? wordCount(text.slice(starts[i], end)) : 0));
  let best: { quote: string; score: number; fit: number } | undefined;
  for (let i = 0; i < starts.length; i++) {
    if (words[i] === 0) continue;
    let total = 0;
    for (let j = i; j < ends.length && j < i + CLAIM_QUOTE_MAX_CLAUSES; j++) {
      total += words[j]!;
      if (total > CLAIM_QUOTE_MAX_WORDS) break;
      if (total < MIN_QUOTE_WORDS) continue;
      const quote = cleanQuote(text.slice(starts[i], ends[j]));
      const count = wordCount(quote);
      if (count < MIN_QUOTE_WORDS || !balanced(quote)) continue;
      let score = 0;
      for (const w of contentWordsOf(quote)) if (hintWords.has(w)) score++;
      const fit = Math.abs(count - CLAIM_QUOTE_AIM_WORDS);
      if (!best || score > best.score || (score === best.score && fit < best.fit)) best = { quote, score, fit };
    }
  }
  return best?.quote;
}

/** The quote of a challenged claim, with the misconception's description and phrasings as the hint. */
export function challengedClaimQuote(question: InterviewQuestion, misconceptionId: string | null | undefined, claim: string): string | undefined {
  const authored = question.misconceptions?.find((m) => m.id === misconceptionId);
  return claimQuote(claim, [authored?.text, ...(authored?.phrasings ?? [])].join(" "));
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

/**
 * Challenges quote the claim and ask; they never say or hint that it is wrong before the candidate
 * answers (the scorer that flagged it can be mistaken), so each reads as a fair question whether
 * the claim is right or wrong.
 */
const CHALLENGE_FORMS = [
  "You said “{c}”. {f}",
  "Let's look more closely at “{c}”. {f}",
  "I'd like to dig into one thing you said: “{c}”. {f}",
  "Before we go on: you said “{c}”. {f}",
  "Take “{c}”. {f}",
  "Let's check “{c}” together. {f}",
  "You mentioned “{c}”. {f}",
];
const CHALLENGE_UNQUOTED = [
  "Let me dig into one point from your answer. {f}",
  "I'd like to look more closely at one thing you said. {f}",
  "One point from your answer to think through. {f}",
];
const GENERIC_CHALLENGE = [
  "Walk me through why that is, step by step.",
  "How would you check that? What would you run, and what result would you expect?",
  "Walk me through the reasoning behind it, one step at a time.",
  "Walk me through what Python actually does there, step by step.",
];

const SCAFFOLD_FORMS = [
  "No problem. Let's take a smaller step: {f}",
  "That's fine, let's start smaller. {f}",
  "Let's break it down. {f}",
  "Okay, a simpler question first. {f}",
  "Fair enough. Try this one: {f}",
  "Let's come at it from an easier side. {f}",
];
const HINT_FORMS = ["Here's a way in: {f}", "Sure. Start from this: {f}", "A hint, as a question: {f}", "Think about this first. {f}"];

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

// A practice interviewer has no answers about a job or a company: it says so, without promising later.
const ASIDE_REDIRECT_FORMS = [
  "That's not something I can answer here. Back to the question: {p}",
  "I'll leave that aside and keep to the interview question: {p}",
  "That's outside this interview, so let's stay with the question: {p}",
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
  const covered = turn.mode === "practice" ? chooseQuote(turn, { approving: true, latestOnly: true }) : undefined;
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
      const question = d.followUp.source === "authored" && f ? f : pick(GENERIC_CHALLENGE, turn, "generic-challenge");
      const claim = challengedClaimQuote(turn.question, d.misconceptionId, d.claim);
      return claim
        ? compose(pick(CHALLENGE_FORMS, turn, "challenge"), { c: claim }, question)
        : compose(pick(CHALLENGE_UNQUOTED, turn, "challenge-unquoted"), {}, question);
    }
    case "probe-check":
      // The question is the interviewer's own (naming the check, never its code): said as it is.
      return f;
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
      // A question to the interviewer about the job or the process gets an aside, not "that answers
      // another question".
      const asked = (turn.answers.at(-1) ?? "").trim().endsWith("?");
      const form = asked ? pick(ASIDE_REDIRECT_FORMS, turn, "redirect-aside") : pick(REDIRECT_FORMS, turn, "redirect");
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

const MOVE_ON_LEAD: Record<MoveOnTurn["reason"], string[]> = {
  covered: ["Good.", "Okay, good.", "That does it.", "Nicely done.", "", "Right."],
  time: ["We're nearly out of time on this one.", "Time is short here.", "The clock is running down on this one.", "We're low on time."],
  "max-follow-ups": ["Let's leave it there.", "Okay, let's stop there.", "That's enough on this one.", "I'll stop you there.", ""],
  "no-probe-left": ["Okay, let's leave it there.", "Alright, that's this question done.", "Let's stop there.", ""],
  skipped: ["Sure, we can skip it.", "No problem, let's skip this one.", "Fine, skipping it."],
  "off-topic": [
    "That's still another subject, so let's leave this question.",
    "We've drifted, so let's stop this one here.",
    "Let's leave this question there.",
  ],
};
const MOVE_ON_CLOSE = ["Let's move on.", "On to the next one.", "Next question.", "Let's keep going.", "Moving on.", "", ""];
const MOCK_MOVE_ON = [
  "Thanks, let's move on.",
  "Thank you. Next one.",
  "Okay, thanks.",
  "Noted. Moving on.",
  "Alright, next.",
  "Thanks.",
  "Okay. Let's continue.",
];
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
  const standing =
    report.misconceptions.filter((m) => !m.corrected).length +
    points.filter((k) => k.status === "contradicted" && !report.misconceptions.some((m) => m.keyPointId === k.id)).length;
  const corrected = report.misconceptions.filter((m) => m.corrected).length;
  const parts: string[] = [];
  if (standing > 0) {
    parts.push(
      pick(
        [
          `${standing === 1 ? "One claim" : `${numberWord(standing)} claims`} in your answer ${standing === 1 ? "doesn't" : "don't"} hold up; the feedback below sets ${standing === 1 ? "it" : "them"} right.`,
          `Watch out: ${standing === 1 ? "something you stated is" : `${numberWord(standing)} things you stated are`} not correct, and the report explains why.`,
          `There's ${standing === 1 ? "a wrong claim" : `more than one wrong claim`} in there; read the correction in the report.`,
        ],
        turn,
        "verdict-claim",
      ),
    );
  } else if (corrected > 0) {
    parts.push(
      pick(
        ["You corrected your earlier claim, and the report shows both.", "Your correction counts; the report notes the first version too."],
        turn,
        "verdict-corrected",
      ),
    );
  }
  if (n === 0) return [...parts, `Your score for this one is ${report.score}.`].join(" ");
  if (covered.length === n) {
    parts.push(
      quote
        ? fill(
            pick(
              [
                "You covered every key point, including “{q}”.",
                "Every key point was there, “{q}” among them.",
                "All the key points were there; “{q}” was a good one.",
              ],
              turn,
              "verdict-all-q",
            ),
            { q: quote.text },
          )
        : pick(["You covered every key point.", "All the key points were there.", "Nothing important was left out."], turn, "verdict-all"),
    );
    return parts.join(" ");
  }
  if (covered.length === 0 && partial.length === 0) {
    parts.push(
      pick(
        [
          "The key points I was listening for didn't come up yet.",
          "This one needs more work: the main points were not there.",
          "Most of what matters here is still to come; the report lists it.",
        ],
        turn,
        "verdict-none",
      ),
    );
    return parts.join(" ");
  }
  const got = covered.length > 0 ? covered.length : partial.length;
  const gotForms =
    covered.length > 0
      ? [
          `${got} of ${n} key points`,
          `${got} of the ${n} points`,
          `${numberWord(got)} key ${got === 1 ? "point" : "points"} out of ${numberWord(n)}`,
          `${got} ${got === 1 ? "point" : "points"} of ${n}`,
        ]
      : [`part of ${got} of ${n} key points`, `some of ${got} points out of ${numberWord(n)}`];
  const gotText = pick(gotForms, turn, "verdict-count");
  const missingText =
    essentialMissing > 0
      ? `${numberWord(essentialMissing)} essential ${essentialMissing === 1 ? "point was" : "points were"} missing`
      : notCovered.length + partial.length > 0
        ? `${notCovered.length + partial.length === 1 ? "one detail" : `${numberWord(notCovered.length + partial.length)} details`} could be added`
        : "";
  const forms = [
    `You got ${gotText}{q}; ${missingText}.`,
    `That's ${gotText}{q}, and ${missingText}.`,
    `${cap(gotText)} are there{q}. ${cap(missingText)}.`,
    `In all, ${gotText} landed{q}; ${missingText}.`,
    `${cap(missingText)}, but ${gotText} came through{q}.`,
  ];
  const form = pick(forms, turn, "verdict-some");
  parts.push(
    fill(form, { q: quote && covered.length > 0 ? `, such as “${quote.text}”` : "" })
      .replace(/; \.$/, ".")
      .replace(/, and \.$/, "."),
  );
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
  const verdict = practiceVerdict(turn.report, turn, chooseQuote(turn, { approving: true }));
  const close = turn.isLastQuestion
    ? pick(["That was the last question.", "That's the last one.", "And that was the final question."], turn, "last")
    : pick(MOVE_ON_CLOSE, turn, "move-on-close");
  return tidy(`${ack} ${lead} ${verdict} ${close}`);
}

// ---------------------------------------------------------------------------------------------
// Wrap-up

function renderWrapUp(turn: WrapUpTurn): string {
  const parts: string[] = [];
  parts.push(turn.timeUp ? "Time's up, so that's the end of the interview." : "That's the end of the interview.");
  const results = turn.results ?? [];
  if (turn.total > 0) {
    parts.push(answeredSentence(Math.min(turn.answered, turn.total), turn.total));
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
