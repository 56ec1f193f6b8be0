/**
 * Imports a plain-text Q&A document shaped like docs/source/python-questions-2026.txt (the shape is
 * described in parse-qa-text.ts): each numbered question becomes a draft whose reference is its
 * answer, code lines fenced (answer-to-markdown.ts), whose topic is the section line above it (or
 * `topic` when the document has none). Every error names the file and the line. All or nothing:
 * any error, and no draft is returned.
 */
import { answerToMarkdown } from "./answer-to-markdown.ts";
import { checkDraft } from "./check-draft.ts";
import { failed, type ImportResult, type LibraryIssue } from "./errors.ts";
import { checkFileLimits, questionLimitIssue, resolveLimits, type LibraryLimits } from "./limits.ts";
import { parseQaText } from "./parse-qa-text.ts";
import type { LibraryFile, QuestionDraft } from "./schema.ts";

export type QaImportOptions = {
  /** The topic of questions with no section line above them. */
  topic?: string;
  /** Suggested answer time of every question (the document does not say). */
  minutes?: number;
  /** The fence language of code lines. */
  language?: string;
  limits?: Partial<LibraryLimits>;
};

export const DEFAULT_QA_TOPIC = "General";

export function importQaText(file: LibraryFile, options: QaImportOptions = {}): ImportResult {
  const max = resolveLimits(options.limits);
  const overLimit = checkFileLimits([file], max);
  if (overLimit.length > 0) return failed(overLimit);

  const { questions, problems } = parseQaText(file.text);
  const errors: LibraryIssue[] = problems.map((p) => ({ code: p.field === "difficulty" ? "unknown-difficulty" : "invalid-field", file: file.path, ...p }));
  if (questions.length === 0 && errors.length === 0)
    errors.push({
      code: "missing-field",
      file: file.path,
      line: 1,
      field: "questions",
      message: "no numbered questions found",
      expected: "a number alone on a line (1, 2, 3...), then the title ending with Easy, Medium or Hard, then the answer",
    });
  const tooMany = questionLimitIssue(questions.length, max, { file: file.path, line: questions[max.maxQuestions]?.line ?? 1 });
  if (tooMany) errors.push(tooMany);
  if (errors.length > 0) return failed(errors);

  const drafts: QuestionDraft[] = [];
  for (const q of questions) {
    const titleLine = q.line + 1;
    const answerLine = q.answer[0]?.line ?? titleLine;
    if (q.answer.length === 0) {
      errors.push({
        code: "empty-section",
        file: file.path,
        line: titleLine,
        field: "reference",
        message: `question ${q.number} has no answer`,
        expected: "the answer on the lines after the title",
      });
      continue;
    }
    const check = checkDraft({
      title: q.title,
      reference: answerToMarkdown(
        q.answer.map((l) => l.text),
        options.language,
      ),
      topic: q.topic ?? options.topic ?? DEFAULT_QA_TOPIC,
      difficulty: q.difficulty,
      ...(options.minutes === undefined ? {} : { minutes: options.minutes }),
    });
    if (check.ok) drafts.push(check.draft);
    else
      for (const p of check.problems)
        errors.push({ ...p, file: file.path, line: p.field.startsWith("reference") ? answerLine : titleLine, message: `question ${q.number}: ${p.message}` });
  }
  if (errors.length > 0) return failed(errors);
  return { ok: true, drafts };
}
