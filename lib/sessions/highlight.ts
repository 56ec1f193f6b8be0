/**
 * Evidence highlighting: a ScoreReport's spans are offsets into the question's answers joined by
 * ANSWER_SEPARATOR (combineAnswers). These functions map them back onto each answer turn as
 * segments to wrap in <mark>, checking every span against the text (a span whose text does not
 * match is looked up by its text, and dropped when it cannot be found).
 */
import type { ScoreReport } from "../scoring/report.ts";
import { ANSWER_SEPARATOR, combineAnswers } from "../scoring/text.ts";

export type MarkKind = "evidence" | "partial" | "red-flag";

export type Segment = {
  text: string;
  /** Present on highlighted text: what kind of highlight and the key points / red flags it evidences. */
  mark?: { kind: MarkKind; labels: string[] };
};

export type LocatedSpan = { start: number; end: number; kind: MarkKind; label: string };

/** The spans of a report that really point at `combined`, each with the key point or red flag it evidences. */
export function locateSpans(combined: string, report: ScoreReport | null): LocatedSpan[] {
  if (!report) return [];
  const out: LocatedSpan[] = [];
  const add = (span: { start: number; end: number; text: string }, kind: MarkKind, label: string) => {
    let { start, end } = span;
    if (!(end > start && end <= combined.length && combined.slice(start, end) === span.text)) {
      if (!span.text.trim()) return;
      const found = nearestIndexOf(combined, span.text, start);
      if (found < 0) return;
      start = found;
      end = found + span.text.length;
    }
    out.push({ start, end, kind, label });
  };
  for (const kp of report.keyPoints) {
    if (kp.status === "missed") continue;
    for (const span of kp.evidence) add(span, kp.status === "covered" ? "evidence" : "partial", kp.text);
  }
  for (const flag of report.misconceptions) for (const span of flag.evidence) add(span, "red-flag", flag.text);
  return out;
}

function nearestIndexOf(haystack: string, needle: string, near: number): number {
  let best = -1;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best;
}

const PRECEDENCE: Record<MarkKind, number> = { "red-flag": 3, evidence: 2, partial: 1 };

/** Splits `text` (which starts at `offset` in the combined text) into plain and highlighted segments. */
export function segmentText(text: string, offset: number, spans: readonly LocatedSpan[]): Segment[] {
  const end = offset + text.length;
  const inside = spans.map((s) => ({ ...s, start: Math.max(s.start, offset) - offset, end: Math.min(s.end, end) - offset })).filter((s) => s.end > s.start);
  if (inside.length === 0) return text ? [{ text }] : [];
  const cuts = new Set<number>([0, text.length]);
  for (const s of inside) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const active = inside.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    let segment: Segment;
    if (active.length === 0) {
      segment = { text: piece };
    } else {
      const kind = active.reduce<MarkKind>((k, s) => (PRECEDENCE[s.kind] > PRECEDENCE[k] ? s.kind : k), active[0]!.kind);
      const labels = [...new Set(active.map((s) => s.label))];
      segment = { text: piece, mark: { kind, labels } };
    }
    const prev = segments.at(-1);
    if (prev && sameMark(prev.mark, segment.mark)) prev.text += segment.text;
    else segments.push(segment);
  }
  return segments;
}

function sameMark(a: Segment["mark"], b: Segment["mark"]): boolean {
  if (!a || !b) return !a && !b;
  return a.kind === b.kind && a.labels.length === b.labels.length && a.labels.every((l, i) => l === b.labels[i]);
}

/**
 * The text the scorer saw: the non-empty answers joined by ANSWER_SEPARATOR (an empty answer, sent
 * at time-up, is not scored).
 */
export function scoredText(answers: readonly string[]): string {
  return combineAnswers(answers.filter((a) => a.trim()));
}

/** One list of segments per answer, in turn order, with the report's evidence marked. */
export function highlightAnswers(answers: readonly string[], report: ScoreReport | null): Segment[][] {
  const spans = locateSpans(scoredText(answers), report);
  const result: Segment[][] = [];
  let offset = 0;
  for (const answer of answers) {
    if (!answer.trim()) {
      result.push(answer ? [{ text: answer }] : []);
      continue;
    }
    result.push(segmentText(answer, offset, spans));
    offset += answer.length + ANSWER_SEPARATOR.length;
  }
  return result;
}

/** The quoted evidence of one key point, clipped to readable length. */
export function evidenceQuotes(spans: ReadonlyArray<{ text: string }>, max = 3): string[] {
  const seen = new Set<string>();
  const quotes: string[] = [];
  for (const s of spans) {
    const t = s.text.replace(/\s+/g, " ").trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    quotes.push(t.length > 160 ? `${t.slice(0, 157)}…` : t);
    if (quotes.length >= max) break;
  }
  return quotes;
}
