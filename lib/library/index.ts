/**
 * The recruiters' question library, framework-free: drafts (schema.ts), importers (bank folder,
 * CSV, plain-text Q&A), offline rubric drafting, and exporters (bank folder, CSV). Nothing here
 * reads or writes files, a database or the network: callers pass file texts in and get drafts,
 * files or located errors back.
 */
export * from "./schema.ts";
export { formatIssue, type ImportResult, type LibraryIssue, type LibraryIssueCode } from "./errors.ts";
export { LIBRARY_LIMITS, type LibraryLimits } from "./limits.ts";
export { checkDraft, type DraftCheck, type DraftProblem } from "./check-draft.ts";
export { draftFromQuestion } from "./draft-from-question.ts";
export { renderQuestionFile } from "./render-question-file.ts";
export { importBankFolder, type BankFolderImport } from "./import-bank-folder.ts";
export { importCsv } from "./import-csv.ts";
export { importQaText, DEFAULT_QA_TOPIC, type QaImportOptions } from "./import-qa-text.ts";
export { parseQaText, type QaParse, type QaQuestion } from "./parse-qa-text.ts";
export { answerToMarkdown } from "./answer-to-markdown.ts";
export { draftRubric, type DraftRubricOptions, type RubricDraft } from "./draft-rubric.ts";
export { exportBankFolder, slugify, type BankMetaInput, type ExportResult } from "./export-bank-folder.ts";
export { toCsv } from "./export-csv.ts";
export { CSV_COLUMNS, REQUIRED_CSV_COLUMNS } from "./csv-columns.ts";
