/**
 * Import limits, checked before any parsing: an upload is bounded in bytes per file, files, total
 * bytes and questions, so the work an import can cause is bounded whatever is uploaded. Every
 * importer takes `Partial<LibraryLimits>` (tests pass small ones; the app passes none).
 */
import type { LibraryIssue } from "./errors.ts";
import type { LibraryFile } from "./schema.ts";

export type LibraryLimits = {
  /** Bytes (UTF-8) of one file: a CSV or Q&A document of a few hundred questions fits. */
  maxFileBytes: number;
  /** Files of one bank-folder import. */
  maxFiles: number;
  /** Bytes of all the files of one import together. */
  maxTotalBytes: number;
  /** Questions one import may create. */
  maxQuestions: number;
};

export const LIBRARY_LIMITS: Readonly<LibraryLimits> = Object.freeze({
  maxFileBytes: 1_000_000,
  maxFiles: 500,
  maxTotalBytes: 5_000_000,
  maxQuestions: 500,
});

export function resolveLimits(limits: Partial<LibraryLimits> = {}): LibraryLimits {
  return { ...LIBRARY_LIMITS, ...limits };
}

/** Size limits of a set of files; empty when they may be parsed. */
export function checkFileLimits(files: readonly LibraryFile[], limits: LibraryLimits): LibraryIssue[] {
  const issues: LibraryIssue[] = [];
  if (files.length > limits.maxFiles) {
    issues.push({
      code: "over-limit",
      file: files[limits.maxFiles]!.path,
      line: 1,
      field: "files",
      message: `${files.length} files is more than one import takes`,
      expected: `at most ${limits.maxFiles} files`,
    });
    return issues;
  }
  let total = 0;
  for (const file of files) {
    const bytes = Buffer.byteLength(file.text, "utf8");
    total += bytes;
    if (bytes > limits.maxFileBytes)
      issues.push({
        code: "over-limit",
        file: file.path,
        line: 1,
        field: "file",
        message: `the file has ${bytes} bytes`,
        expected: `at most ${limits.maxFileBytes} bytes`,
      });
  }
  if (issues.length === 0 && total > limits.maxTotalBytes)
    issues.push({
      code: "over-limit",
      file: files[files.length - 1]!.path,
      line: 1,
      field: "files",
      message: `the files have ${total} bytes together`,
      expected: `at most ${limits.maxTotalBytes} bytes in one import`,
    });
  return issues;
}

/** The question-count limit, reported at the first question over it. */
export function questionLimitIssue(
  count: number,
  limits: LibraryLimits,
  at: { file: string; line: number; counted?: "all" | "up-to-limit" },
): LibraryIssue | undefined {
  if (count <= limits.maxQuestions) return undefined;
  // A reader that stops one past the limit (the CSV parser) knows only that there are more.
  if (at.counted === "up-to-limit")
    return {
      code: "over-limit",
      file: at.file,
      line: at.line,
      field: "questions",
      message: `more than ${limits.maxQuestions} questions`,
      expected: `at most ${limits.maxQuestions} questions in one import`,
    };
  return {
    code: "over-limit",
    file: at.file,
    line: at.line,
    field: "questions",
    message: `${count} questions is more than one import takes`,
    expected: `at most ${limits.maxQuestions} questions`,
  };
}
