/**
 * The check an LLM interviewer's reply passes after the model speaks (before the candidate sees
 * it, sentence by sentence): it must not state the reference answer, must not name a key point's
 * terms or code the candidate has not said (unless the question or the policy's own text for this
 * turn says them), and must not give a verdict where none belongs (any follow-up turn, and every
 * turn in Mock mode). A reply that fails is replaced by the offline engine's text.
 *
 * Linear time: word n-grams in sets, literal term look-ups, and flat regular expressions.
 */
import type { ReplyTurn } from "./turns.ts";

export type GuardResult = { ok: true } | { ok: false; reason: "reference" | "key-point-term" | "verdict"; detail: string };

/** This many consecutive words shared with the reference (and said by nobody else) count as stating it. */
export const REFERENCE_NGRAM = 6;

const VERDICT =
  /\b(?:complete answer|incomplete answer|full marks|your score|out of 100|nothing (?:is |was )?missing|you(?:'ve| have) covered (?:everything|every key point|all)|that(?:'s| is) (?:wrong|incorrect|not right|not correct)|you(?:'re| are) (?:wrong|incorrect|right|correct)|incorrect|missed (?:a|one|two|an) (?:essential|key) point)\b|\d+\s?\/\s?100/i;
const MOCK_PRAISE = /\b(?:correct|right|good|great|excellent|well done|perfect|nice|exactly|spot on|impressive|strong answer)\b/i;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^a-z0-9_'.+=()\s-]/g, " ");
}

function wordList(text: string): string[] {
  return normalise(text)
    .split(/\s+/)
    .map((w) => w.replace(/^[.'()-]+|[.'()-]+$/g, ""))
    .filter(Boolean);
}

function ngrams(ws: readonly string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i += 1) out.add(ws.slice(i, i + n).join(" "));
  return out;
}

/** Whether `term` occurs in `text` as whole words (both already normalised). */
function hasTerm(text: string, term: string): boolean {
  let at = text.indexOf(term);
  while (at >= 0) {
    const before = text[at - 1];
    const after = text[at + term.length];
    if ((!before || !/[a-z0-9_]/.test(before)) && (!after || !/[a-z0-9_]/.test(after))) return true;
    at = text.indexOf(term, at + 1);
  }
  return false;
}

/** Everything the interviewer may say about the subject on this turn: the candidate's words, the question, the policy's text. */
function allowedText(turn: ReplyTurn): string {
  const parts = [turn.question.title ?? "", turn.question.prompt, ...turn.answers, ...(turn.exchange ?? []).map((m) => m.text)];
  if (turn.kind === "follow-up") {
    const d = turn.decision;
    parts.push(d.followUp.text);
    if (d.action === "clarify") parts.push(...d.answers.map((a) => a.text));
    if (d.action === "challenge") parts.push(d.claim);
  }
  return parts.join("\n");
}

export function checkInterviewerReply(text: string, turn: ReplyTurn): GuardResult {
  const reply = normalise(text);
  const allowed = normalise(allowedText(turn));
  const verdictAllowed = turn.kind === "move-on" && turn.mode === "practice";
  if (!verdictAllowed) {
    const m = VERDICT.exec(text) ?? (turn.mode === "mock" ? MOCK_PRAISE.exec(text) : null);
    if (m) return { ok: false, reason: "verdict", detail: m[0] };
  }
  const reference = turn.question.reference;
  if (reference) {
    const refGrams = ngrams(wordList(reference), REFERENCE_NGRAM);
    const allowedGrams = ngrams(wordList(allowed), REFERENCE_NGRAM);
    for (const g of ngrams(wordList(text), REFERENCE_NGRAM)) {
      if (refGrams.has(g) && !allowedGrams.has(g)) return { ok: false, reason: "reference", detail: g };
    }
  }
  for (const k of turn.question.keyPoints) {
    for (const raw of [...k.terms, ...k.code]) {
      const term = normalise(raw).trim();
      if (term.length < 3) continue;
      if (hasTerm(reply, term) && !hasTerm(allowed, term)) return { ok: false, reason: "key-point-term", detail: raw };
    }
  }
  return { ok: true };
}
