/**
 * Quotes of the candidate's own words for the score views: whole phrases, never cut inside a word
 * or an identifier (create_task, asyncio.gather), never a lone word. Pure; shared by the transcript,
 * the results page and the live score card.
 */

const WORD = /[\p{L}\p{N}_.$@#'’-]/u;
const MAX = 160;
const MIN_WORDS = 3;

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** Widens [start, end) so it starts and ends on word boundaries of `text`. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s > 0 && isWord(text[s - 1]) && isWord(text[s])) s--;
  while (e < text.length && isWord(text[e - 1]) && isWord(text[e])) e++;
  // A trailing dot is punctuation, not part of a dotted name.
  while (e > s && /[.,;:]/.test(text[e - 1]!) && !isWord(text[e])) e--;
  return { start: s, end: e };
}

/** The clause around [start, end): from the previous to the next sentence or clause break. */
function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  const breaks = /[.!?;\n](?=\s|$)|\n/g;
  let s = 0;
  let e = text.length;
  for (const m of text.matchAll(breaks)) {
    const at = m.index!;
    if (at < start) s = at + 1;
    else if (at >= end) {
      e = at + (m[0] === "\n" ? 0 : 1);
      break;
    }
  }
  return { start: s, end: e };
}

function words(s: string): number {
  return s.trim().split(/\s+/).filter(Boolean).length;
}

/** Cuts a long quote at a word boundary, adding an ellipsis. */
export function clip(s: string, max = MAX): string {
  const one = s.replace(/\s+/g, " ").trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max - 1);
  const sp = cut.lastIndexOf(" ");
  return (sp > max / 2 ? cut.slice(0, sp) : cut).replace(/[\s,;:]+$/, "") + "…";
}

/**
 * The words to quote for a span of `text`: the span widened to whole words; a span of fewer than
 * three words is widened to its clause (a lone "GIL" says nothing); long quotes are clipped at a
 * word. When `text` does not hold the span, its own text is used, trimmed to whole words.
 */
export function wholePhrase(text: string, span: { start: number; end: number; text: string }): string {
  let { start, end } = span;
  if (!(end > start && end <= text.length && text.slice(start, end) === span.text)) {
    const at = span.text ? text.indexOf(span.text) : -1;
    if (at < 0) return clip(span.text);
    start = at;
    end = at + span.text.length;
  }
  let r = snapToWords(text, start, end);
  if (words(text.slice(r.start, r.end)) < MIN_WORDS) r = clauseAround(text, r.start, r.end);
  return clip(text.slice(r.start, r.end).replace(/^[\s,;:–—-]+/, ""));
}

/** The distinct whole-phrase quotes of a key point's evidence, at most `max`. */
export function phraseQuotes(text: string, spans: ReadonlyArray<{ start: number; end: number; text: string }>, max = 2): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of spans) {
    const q = wholePhrase(text, s);
    const key = q.toLowerCase();
    if (!q || [...seen].some((k) => k.includes(key) || key.includes(k))) continue;
    seen.add(key);
    out.push(q);
    if (out.length >= max) break;
  }
  return out;
}

type SpanLike = { start: number; end: number; text: string };

/** A span widened to whole words of `text` (its text updated); a span `text` does not hold is kept. */
export function snapSpan<S extends SpanLike>(text: string, span: S): S {
  if (!(span.end > span.start && span.end <= text.length && text.slice(span.start, span.end) === span.text)) return span;
  const r = snapToWords(text, span.start, span.end);
  return { ...span, start: r.start, end: r.end, text: text.slice(r.start, r.end) };
}

/**
 * A report whose evidence spans cover whole words of `text` (the answers joined as the scorer saw
 * them), so a highlight never splits an identifier ("create_" + "task").
 */
export function snapReport<R extends { keyPoints: Array<{ evidence: SpanLike[] }>; misconceptions: Array<{ evidence: SpanLike[] }> }>(
  report: R,
  text: string,
): R {
  return {
    ...report,
    keyPoints: report.keyPoints.map((k) => ({ ...k, evidence: k.evidence.map((e) => snapSpan(text, e)) })),
    misconceptions: report.misconceptions.map((m) => ({ ...m, evidence: m.evidence.map((e) => snapSpan(text, e)) })),
  };
}
