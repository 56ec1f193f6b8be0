/**
 * A plain-text answer (lines as typed in a Q&A document) as the Markdown of a reference answer:
 * runs of code lines become ```python fenced blocks (blank lines inside a run stay in it), every
 * other line is a paragraph of its own. That is how content/python presents the seed document's
 * answers, so an imported answer renders like a shipped one (tests/unit/library/qa-text.test.ts
 * measures the agreement line by line).
 */
import { isCodeLine } from "../scoring/text.ts";

/**
 * Lines longer than this are prose, never code: lib/scoring's isCodeLine backtracks on very long
 * lines, and bounding its input keeps a whole document's conversion linear in its length.
 */
export const CODE_LINE_MAX_CHARS = 400;
/** A line between two code lines that is at most this long and no sentence is code too ("D.__mro__"). */
const SANDWICH_MAX_CHARS = 60;

/** One line, on its own: lib/scoring's judgement, plus what answers in documents add to it. */
export function isAnswerCodeLine(line: string): boolean {
  if (!line.trim() || line.length > CODE_LINE_MAX_CHARS) return false;
  // Prose in these documents starts at the margin; an indented line is the body of a block ("    pass").
  if (/^\s/.test(line)) return true;
  // "a is b   # False (different objects)": an expression with a comment aligned after it.
  if (/\S[ \t]{2,}#/.test(line)) return true;
  // "async with session:", "async for x in it:"; a call or literal left open ("logging.basicConfig(").
  if (/^async (?:with|for|def) /.test(line) || /[([{]$/.test(line)) return true;
  // A comment, and an import of many names (isCodeLine takes a comma list for prose). A line that
  // starts with # must be fenced anyway: as Markdown it would be a heading, which the format refuses.
  if (/^#/.test(line) || /^(?:from [\w.]+ )?import [\w.]/.test(line)) return true;
  return isCodeLine(line);
}

/** Code (true) or prose (false) for each line, with the neighbours taken into account. */
export function classifyAnswerLines(lines: readonly string[]): boolean[] {
  const code = lines.map(isAnswerCodeLine);
  const nonBlank = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  for (let k = 1; k + 1 < nonBlank.length; k++) {
    const i = nonBlank[k]!;
    const line = lines[i]!.trim();
    if (code[i] || line.length > SANDWICH_MAX_CHARS || /[.!?:]$/.test(line)) continue;
    if (code[nonBlank[k - 1]!] && isAnswerCodeLine(lines[nonBlank[k + 1]!]!)) code[i] = true;
  }
  return code;
}

export function answerToMarkdown(lines: readonly string[], language = "python"): string {
  const code = classifyAnswerLines(lines);
  const blocks: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    if (!code[i]) {
      blocks.push(line.trim());
      i++;
      continue;
    }
    // A code run: code lines and the blank lines between them.
    let last = i;
    for (let j = i + 1; j < lines.length && (!lines[j]!.trim() || code[j]); j++) if (lines[j]!.trim()) last = j;
    blocks.push(fence(lines.slice(i, last + 1), language));
    i = last + 1;
  }
  return blocks.join("\n\n");
}

/** A fence longer than any backtick run at the start of a code line, so the code cannot close it. */
function fence(code: readonly string[], language: string): string {
  let longest = 0;
  for (const line of code) {
    const t = line.trimStart();
    let n = 0;
    while (n < t.length && t[n] === "`") n++;
    longest = Math.max(longest, n);
  }
  const marks = "`".repeat(Math.max(3, longest + 1));
  return `${marks}${language}\n${code.join("\n")}\n${marks}`;
}
