/**
 * BankError: one problem in one bank file, with where it is (file and 1-based line), which field it
 * concerns and what was expected. The loader collects every error of a load instead of stopping at
 * the first, so `npm run bank:check` can list them all.
 */

export const BANK_ERROR_CODES = [
  /** The folder, bank.json or question file cannot be read or is not valid JSON/YAML. */
  "unreadable",
  /** A BANK_DIRS folder (or content/) holds no bank. */
  "no-bank",
  /** A required front-matter field or section is absent. */
  "missing-field",
  /** A field is present but has the wrong type or shape. */
  "invalid-field",
  /** A front-matter field the format does not know (usually a typo). */
  "unknown-field",
  "unknown-difficulty",
  /** Two questions (across all banks), two banks, two key points or two red flags share an id. */
  "duplicate-id",
  /** A follow-up names a key point the question does not have. */
  "unknown-key-point",
  /** `## Reference answer` (or another section that needs content) is empty. */
  "empty-section",
  "weight-out-of-range",
  /** A `##` section the format does not know, or one given twice, or text outside any section. */
  "unknown-section",
  /** A `###` heading inside Key points / Follow-ups / Red flags that does not follow the format. */
  "malformed-heading",
  /** A list item or paragraph in a rubric section that does not follow the format. */
  "malformed-item",
] as const;
export type BankErrorCode = (typeof BANK_ERROR_CODES)[number];

export type BankErrorInit = {
  code: BankErrorCode;
  /** Path of the offending file (relative to the working directory when inside it). */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** The field or section: `difficulty`, `keyPoints.refcount.weight`, `## Follow-ups`, `id`, ... */
  field: string;
  /** What is wrong, in words. */
  message: string;
  /** What the format expects there, e.g. `easy | medium | hard`. */
  expected?: string;
};

export class BankError extends Error {
  readonly code: BankErrorCode;
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly expected: string | undefined;
  /** The message without location, as given. */
  readonly detail: string;

  constructor(init: BankErrorInit) {
    const detail = init.expected ? `${init.message} (expected ${init.expected})` : init.message;
    super(`${init.file}:${init.line} ${init.field}: ${detail}`);
    this.name = "BankError";
    this.code = init.code;
    this.file = init.file;
    this.line = init.line;
    this.field = init.field;
    this.expected = init.expected;
    this.detail = detail;
  }

  /** `file:line field: message (expected ...)` */
  override toString(): string {
    return this.message;
  }

  toJSON(): BankErrorInit {
    return {
      code: this.code,
      file: this.file,
      line: this.line,
      field: this.field,
      message: this.detail,
      ...(this.expected === undefined ? {} : { expected: this.expected }),
    };
  }
}

/** Thrown by callers that want a load to be all-or-nothing (the loader itself never throws). */
export class BankLoadError extends Error {
  readonly errors: BankError[];
  constructor(errors: BankError[]) {
    super(`The question bank has ${errors.length} error(s):\n${errors.map((e) => `  ${e.message}`).join("\n")}`);
    this.name = "BankLoadError";
    this.errors = errors;
  }
}
