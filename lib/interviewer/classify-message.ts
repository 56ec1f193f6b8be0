/**
 * Reads a candidate's message before the interviewer answers it: is it an answer, a clarifying
 * question to the interviewer, "I don't know" / a request for a hint, a request to skip, an answer
 * to a different question (off-topic), or a correction of the candidate's own earlier claim?
 *
 * Deterministic rules, no model. Every regular expression here is a flat alternation of literal
 * phrases (no nested or adjacent unbounded quantifiers), so each runs in linear time on any input;
 * long messages are also only searched in their first and last MESSAGE_WINDOW characters for the
 * cue phrases (a clarifying question or "I don't know" is short; a long message is an answer).
 */
import { stemmer } from "stemmer";
import type { ScoreReport } from "../scoring/report.ts";
import type { ClarificationTopic, InterviewQuestion } from "./turn-policy.ts";

export const MESSAGE_KINDS = ["answer", "clarifying-question", "dont-know", "skip", "off-topic", "self-correction"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type MessageClassification = {
  kind: MessageKind;
  /** For a clarifying question: what it asks about, most likely first (may be empty: answer generally). */
  clarificationTopics: ClarificationTopic[];
  /** For "dont-know": the candidate asked for a hint rather than saying they do not know. */
  hintRequested: boolean;
};

export type ClassifyContext = {
  question: InterviewQuestion;
  /** The scorer's report of this message alone (its `off-topic` flag is used), when available. */
  messageReport?: ScoreReport;
  /** True when an earlier answer to this question stated a claim the interviewer challenged or the report holds. */
  hasEarlierClaim: boolean;
  /** True when this is not the candidate's first message on the question. */
  hasEarlierAnswer?: boolean;
  /** True when the report over all answers marks an earlier misconception as corrected by this message. */
  correctsEarlierClaim?: boolean;
};

/** Cue phrases are looked for in this many characters at each end of a long message. */
export const MESSAGE_WINDOW = 600;
/** Messages longer than this (in words) are answers whatever cue phrases they contain. */
const SHORT_MESSAGE_WORDS = 45;

const SKIP = /\b(?:skip(?: this)?(?: one| question)?|pass on this|i(?:'ll| will) pass|next question(?: please)?|can we move on|let'?s move on|move on to the next|i give up)\b/i;
const HINT = /\b(?:a hint|any hints?|hint\s*\?|hint,? please|give me a clue|give me a clue|a pointer|point me in (?:a|the right|some) direction|nudge|help me get started|where should i start|where do i start|get me started)\b/i;
const DONT_KNOW =
  /\b(?:i (?:do not|don'?t|really don'?t|honestly don'?t) know|i don'?t really know|i do not really know|never (?:really )?used|haven'?t (?:really )?(?:used|worked with|done)|no idea|not sure where to start|no clue|i'?m blanking|i (?:can'?t|cannot|don'?t) remember|never heard of|not familiar with|i have not used|i haven'?t used|i'?m not sure|i am not sure|not really sure|i'?m stuck|i am stuck|drawing a blank|i forget)\b/i;
const CLARIFY_CUES =
  /(?:^|[.?!]\s+|:\s+)(?:is (?:this|it|that)|are (?:we|you)|could you (?:give|clarify|say|tell)|can you (?:clarify|give|say|tell)|do i|should i|would you|which|what kind|how (?:much|many|big|stale|deep|long))\b|\b(?:before i (?:answer|start|design|begin|write|go)|what you'?re after|do you mean|did you mean|what do you mean|what you mean|are you asking|is the question|just to clarify|to clarify|quick question|before i answer|before i start|should i|do you want|would you like me|can i assume|may i assume|should we assume|are we talking about|does it matter|which version|what version|how much detail|how deep|how detailed|how long should|is it ok if|is it okay if|am i allowed|do i need to|are you looking for|what are you looking for|in which context|in what context|which interpreter|cpython or|python 2 or|for python 2|python 3 only|by .{1,40}? do you mean)\b/i;
const CORRECTION_CUES =
  /\b(?:actually|i was wrong|i stand corrected|that was wrong|that's wrong|that is wrong|that's not right|that is not right|that wasn't right|not quite right|let me correct|correct myself|correction|i misspoke|scratch that|i take that back|on second thought|thinking about it again|now that i think|come to think of it|i see now|i realise|i realize|you're right|you are right|good point|hmm,? no|wait,? no|i mixed up|my mistake)\b/i;

/** Opening words that take back what the candidate said before ("Wait, actually no", "Hmm, that's wrong"). */
const RETRACTION_OPENING =
  /^(?:(?:hmm+|wait|oh|ah|um+|okay|ok|right|no|sorry)[,.!:]?\s+){0,3}(?:actually|no[,.]|that'?s (?:wrong|backwards|not (?:true|right))|i was wrong|thinking (?:about )?it|scratch that|let me correct|i take that back|i stand corrected|on second thought|my mistake|i mixed|that'?s only true|that'?s the opposite)/i;

const TOPIC_CUES: readonly [ClarificationTopic, RegExp][] = [
  ["version", /\b(?:version|python ?[23]\b|3\.\d+|py2|py3|older python|newer python|latest python|free-threaded)/i],
  ["code", /\b(?:code|write|implement|snippet|example|pseudo-?code|syntax|type hints|run it|an ide|a function)\b/i],
  ["expected", /\b(?:how much detail|how deep|detailed|depth|how long|high[- ]level|looking for|expected|expect|cover|focus|in depth|briefly|overview|internals)\b/i],
  ["scope", /\b(?:do you mean|did you mean|mean|cpython|pypy|jython|interpreter|in general|only|include|scope|context|which|specifically|talking about|referring to|assume|standard library|framework)\b/i],
];

/** Another language or ecosystem named: with little of the question's vocabulary, an answer to another question. */
const OTHER_STACK = /\b(?:javascript|typescript|java|golang|c#|c\+\+|rust|ruby|php|kotlin|swift|scala|node\.?js|lombok|spring|react|excel)\b|\bin go\b/i;

const STOPWORDS = new Set(
  (
    "the a an and or but if then so of to in on at by for with from as is are was were be been being it its this that these those " +
    "there their they them we you your i me my our he she his her not no yes do does did done have has had can could would should will " +
    "shall may might must just very really also about into over under than more most some any all each every other such only own same " +
    "what which who whom whose when where why how here because while though although until again once out up down off one two three " +
    "lot lots thing things stuff way ways like well think know mean basically actually probably maybe kind sort quite much many get got " +
    "make makes made use used uses using work works python code example examples"
  ).split(" "),
);

/** Words of 3+ letters outside the stop list, stemmed. Linear: one pass of a flat token regex. */
function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[a-z_][a-z0-9_]*/g)) {
    const w = m[0];
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    out.push(stemmer(w));
  }
  return out;
}

const vocabularyCache = new WeakMap<object, Set<string>>();

/** Every content stem the question's own material uses: prompt, key points, follow-ups, misconceptions. */
export function questionVocabulary(question: InterviewQuestion): Set<string> {
  const cached = vocabularyCache.get(question);
  if (cached) return cached;
  const parts: string[] = [question.title ?? "", question.prompt, question.topic ?? ""];
  for (const k of question.keyPoints) parts.push(k.text, ...k.terms, ...k.code.map((c) => c.replace(/[._]/g, " ")), k.scaffold ?? "");
  for (const f of question.followUps) parts.push(f.text);
  for (const m of question.misconceptions ?? []) parts.push(m.text, ...m.phrasings, m.challenge ?? "");
  const vocabulary = new Set(contentStems(parts.join(" ")));
  vocabularyCache.set(question, vocabulary);
  return vocabulary;
}

/** Share (0..1) of the message's content words that belong to the question's vocabulary; null when too few words. */
export function topicShare(text: string, question: InterviewQuestion): number | null {
  const stems = contentStems(text);
  if (stems.length < 6) return null;
  const vocabulary = questionVocabulary(question);
  return stems.filter((s) => vocabulary.has(s)).length / stems.length;
}

/** Below this share of question vocabulary (with enough words), an answer is off-topic. */
export const OFF_TOPIC_SHARE = 0.12;

function window(text: string): string {
  return text.length <= 2 * MESSAGE_WINDOW ? text : `${text.slice(0, MESSAGE_WINDOW)}\n${text.slice(-MESSAGE_WINDOW)}`;
}

function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n += 1;
  return n;
}

export function clarificationTopicsOf(text: string): ClarificationTopic[] {
  return TOPIC_CUES.filter(([, cue]) => cue.test(text)).map(([topic]) => topic);
}

export function classifyMessage(text: string, context: ClassifyContext): MessageClassification {
  const result = (kind: MessageKind, extra: Partial<MessageClassification> = {}): MessageClassification => ({
    kind,
    clarificationTopics: [],
    hintRequested: false,
    ...extra,
  });
  const trimmed = text.trim();
  const words = wordCount(trimmed);
  const short = words <= SHORT_MESSAGE_WORDS;
  const cues = window(trimmed);
  const share = topicShare(trimmed, context.question);
  const substantive = share !== null && share >= 0.3 && words >= 12;

  if (short && SKIP.test(cues) && !substantive) return result("skip");
  if (short && HINT.test(cues)) return result("dont-know", { hintRequested: true });
  const asks = trimmed.includes("?");
  if (short && asks && CLARIFY_CUES.test(cues) && !(context.hasEarlierClaim && CORRECTION_CUES.test(cues))) {
    return result("clarifying-question", { clarificationTopics: clarificationTopicsOf(cues) });
  }
  if (words <= 25 && DONT_KNOW.test(cues) && !substantive) return result("dont-know");
  const retracts = RETRACTION_OPENING.test(trimmed.slice(0, 160));
  if (
    (context.hasEarlierClaim && (context.correctsEarlierClaim || CORRECTION_CUES.test(trimmed.slice(0, 200)))) ||
    (context.hasEarlierAnswer && retracts)
  ) {
    return result("self-correction");
  }
  const flagged = context.messageReport?.flags.includes("off-topic") ?? false;
  const lowScore = (context.messageReport?.score ?? 0) < 30;
  if (
    (flagged && (share === null || share < 0.46)) ||
    (share !== null && share < OFF_TOPIC_SHARE) ||
    (share !== null && share < 0.6 && lowScore && OTHER_STACK.test(cues))
  ) {
    return result("off-topic");
  }
  return result("answer");
}
