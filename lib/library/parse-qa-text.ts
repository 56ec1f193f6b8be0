/**
 * Reads a plain-text Q&A document shaped like docs/source/python-questions-2026.txt into its
 * questions, without judging them (lib/library/import-qa-text.ts makes drafts of them; the bank's
 * tests read the seed document with it, tests/support/seed.ts). The shape:
 *
 *   Core Language & Data Structures            <- optional section line: the topic of what follows
 *   1                                          <- the question's number, alone on its line (1, 2, 3...)
 *   What is the GIL?Hard                       <- the title, then Easy, Medium or Hard at the end
 *   The Global Interpreter Lock is ...         <- the answer, up to the next question
 *
 * Lines before the first question are a preamble and are skipped. A section line is the last
 * non-blank line before a question's number that reads as a heading: short, in title case, not
 * code, not ending like a sentence or a call. Only plain string operations and anchored, single-pass
 * regexes are used, so the time is linear in the text.
 */
import { DIFFICULTIES, type Difficulty } from "../bank/schema.ts";
import { isCodeLine } from "../scoring/text.ts";
import { isAnswerCodeLine } from "./answer-to-markdown.ts";

export type QaLine = { /** 1-based line in the document. */ line: number; text: string };

export type QaQuestion = {
  number: number;
  /** Line of the number. */
  line: number;
  title: string;
  difficulty: Difficulty;
  /** The last section line before the question, if any. */
  topic?: string;
  /** The answer's lines, blank ones included (they separate code blocks), none trailing. */
  answer: QaLine[];
};

export type QaProblem = { line: number; field: string; message: string; expected?: string };

export type QaParse = { questions: QaQuestion[]; problems: QaProblem[] };

/** Difficulty words as the document writes them, after the title. */
const DIFFICULTY_WORDS: ReadonlyArray<readonly [string, Difficulty]> = DIFFICULTIES.map((d) => [d[0]!.toUpperCase() + d.slice(1), d] as const);
/** Section lines are headings: longer than this is a sentence. */
const SECTION_MAX_CHARS = 80;
const NUMBER_LINE = /^\d{1,4}$/;

export function parseQaText(text: string): QaParse {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const questions: QaQuestion[] = [];
  const problems: QaProblem[] = [];
  let current: QaQuestion | undefined;
  let topic: string | undefined;
  let lastPreambleLine = "";
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (NUMBER_LINE.test(trimmed)) {
      // The title is on the next line; one blank line between is forgiven.
      const titleAt = !lines[i + 1]?.trim() && lines[i + 2]?.trim() ? i + 2 : i + 1;
      const next = lines[titleAt] ?? "";
      const split = splitTitleLine(next);
      const expected = questions.length + 1;
      const number = Number(trimmed);
      if (split) {
        // The section line, if any, was read as the previous question's last answer line.
        const before = current ? lastNonBlank(current.answer) : lastPreambleLine;
        if (before !== undefined && isSectionLine(before)) {
          topic = before.trim();
          if (current) dropLastNonBlank(current.answer);
        }
        if (number !== expected)
          problems.push({
            line: i + 1,
            field: "number",
            message: `question numbered ${number} where ${expected} was expected`,
            expected: "questions numbered 1, 2, 3... in order",
          });
        if (split.title.length < 3)
          problems.push({
            line: titleAt + 1,
            field: "title",
            message: `the title ${JSON.stringify(split.title)} is too short`,
            expected: "the question, then Easy, Medium or Hard",
          });
        if (current) trimTrailingBlank(current.answer);
        current = { number, line: i + 1, title: split.title, difficulty: split.difficulty, ...(topic === undefined ? {} : { topic }), answer: [] };
        questions.push(current);
        i = titleAt;
        continue;
      }
      // The expected number before what reads as a title with a difficulty the format does not know
      // ("What is a set?Tricky"); a number in an answer ("3", the output of the code above) is not one.
      if (number === expected && looksLikeTitle(next))
        problems.push({
          line: titleAt + 1,
          field: "difficulty",
          message: `question ${number}: the title line does not end with a difficulty word (got ${JSON.stringify(truncate(next.trim()))})`,
          expected: "the title, then Easy, Medium or Hard",
        });
    }
    if (current) {
      if (trimmed || current.answer.length > 0) current.answer.push({ line: i + 1, text: raw.trimEnd() });
    } else if (trimmed) lastPreambleLine = raw;
  }
  if (current) trimTrailingBlank(current.answer);
  return { questions, problems };
}

/** "What is the GIL?Hard" -> title and difficulty; undefined when the line does not end with one. */
export function splitTitleLine(line: string): { title: string; difficulty: Difficulty } | undefined {
  const s = line.trimEnd();
  for (const [word, difficulty] of DIFFICULTY_WORDS) {
    if (!s.endsWith(word)) continue;
    let end = s.length - word.length;
    // "Title - Hard", "Title | Hard": a separator before the word is not part of the title.
    while (end > 0 && " \t-\u2013\u2014|:".includes(s[end - 1]!)) end--;
    return { title: s.slice(0, end).trim(), difficulty };
  }
  return undefined;
}

/** Prose, not code, that asks a question or ends with a word in the place of the difficulty. */
function looksLikeTitle(line: string): boolean {
  const t = line.trim();
  if (!t || NUMBER_LINE.test(t) || isAnswerCodeLine(line)) return false;
  return t.includes("?") || /[.?!)]\s*\p{L}+$/u.test(t) || /\b(?:easy|medium|hard|difficult|tricky|simple|beginner|intermediate|advanced|expert)\w*$/i.test(t);
}

/** A heading-like line: "Concurrency & Async", not "x = 1", "outer()" or a sentence. */
export function isSectionLine(line: string): boolean {
  const t = line.trim();
  if (t !== line.trimEnd() || t.length < 3 || t.length > SECTION_MAX_CHARS) return false;
  if (!/^\p{Lu}/u.test(t) || ".,;:?!)]}".includes(t[t.length - 1]!)) return false;
  // Headings are in title case ("Concurrency & Async"); an answer's last line without a full stop
  // ("Prefer composition over inheritance") is a sentence and stays in the answer.
  if (t.split(/\s+/).some((word) => /^\p{Ll}{4}/u.test(word))) return false;
  // The length bound above also bounds isCodeLine's work (it backtracks on very long lines).
  return !isCodeLine(t);
}

function lastNonBlank(answer: QaLine[]): string | undefined {
  for (let i = answer.length - 1; i >= 0; i--) if (answer[i]!.text.trim()) return answer[i]!.text;
  return undefined;
}

function dropLastNonBlank(answer: QaLine[]): void {
  trimTrailingBlank(answer);
  answer.pop();
  trimTrailingBlank(answer);
}

function trimTrailingBlank(answer: QaLine[]): void {
  while (answer.length > 0 && !answer[answer.length - 1]!.text.trim()) answer.pop();
}

function truncate(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
