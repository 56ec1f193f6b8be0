/**
 * LibraryIssue: one problem of an import, with where it is (file, 1-based line, column when it
 * helps), the field it concerns and what was expected. The shape is BankError's JSON (a bank folder's
 * errors come from the bank parser unchanged) plus a column and the library's own codes.
 * Importers are all-or-nothing: any issue means no draft is returned.
 */
import type { BankError, BankErrorCode } from "../bank/errors.ts";
import type { QuestionDraft } from "./schema.ts";

export type LibraryIssueCode =
  | BankErrorCode
  /** A file, a file count, a question count or a line is over the import's limit. */
  | "over-limit"
  /** A CSV header lacks a required column, or names one the format does not know. */
  | "missing-column"
  | "unknown-column"
  /** The text is not valid CSV (unclosed quote, wrong number of fields...). */
  | "malformed-csv";

export type LibraryIssue = {
  code: LibraryIssueCode;
  /** The path the caller gave for the file. */
  file: string;
  /** 1-based; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column (a CSV column's position), when it says more than the field. */
  column?: number;
  /** The field: `difficulty`, `reference`, `keyPoints.refcount.weight`, `file`... */
  field: string;
  message: string;
  expected?: string;
};

/** `file:line[:column] field: message (expected ...)`, the bank loader's error format. */
export function formatIssue(issue: LibraryIssue): string {
  const at = issue.column === undefined ? `${issue.file}:${issue.line}` : `${issue.file}:${issue.line}:${issue.column}`;
  return `${at} ${issue.field}: ${issue.message}${issue.expected ? ` (expected ${issue.expected})` : ""}`;
}

export function issueFromBankError(error: BankError): LibraryIssue {
  const { code, file, line, field, message: detail, expected } = error.toJSON();
  // BankError's detail carries the expectation already; the issue keeps it apart, as BankErrorInit does.
  const suffix = expected === undefined ? "" : ` (expected ${expected})`;
  const message = suffix && detail.endsWith(suffix) ? detail.slice(0, -suffix.length) : detail;
  return { code, file, line, field, message, ...(expected === undefined ? {} : { expected }) };
}

/** Every importer's result: all the drafts, or the issues and no drafts. */
export type ImportResult = { ok: true; drafts: QuestionDraft[] } | { ok: false; errors: LibraryIssue[] };

export function failed(errors: LibraryIssue[]): ImportResult {
  return { ok: false, errors };
}
