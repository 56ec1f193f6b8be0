/**
 * An import as the app runs it: the files (read by the browser) through the importer of their
 * format, all or nothing, then, for each question that came without key points, the offline
 * rubric draft as a proposal beside it (nothing drafted is saved until the recruiter accepts it).
 * Errors point at the file and line; the caller shows them all.
 */
import { formatIssue, type LibraryIssue } from "./errors.ts";
import { draftRubric, type RubricDraft } from "./draft-rubric.ts";
import { importBankFolder } from "./import-bank-folder.ts";
import { importCsv } from "./import-csv.ts";
import { importQaText } from "./import-qa-text.ts";
import type { ImportRequest } from "./persisted.ts";
import type { QuestionDraft } from "./schema.ts";

export type ImportedQuestion = { draft: QuestionDraft; proposedRubric: RubricDraft | null };
export type ImportOutcome = { ok: true; questions: ImportedQuestion[] } | { ok: false; errors: { where: string; message: string }[] };

function run(request: ImportRequest) {
  if (request.format === "bank") return importBankFolder(request.files);
  if (request.files.length !== 1) return null;
  const file = request.files[0]!;
  return request.format === "csv" ? importCsv(file) : importQaText(file, { topic: request.topic });
}

export function importFiles(request: ImportRequest): ImportOutcome {
  const result = run(request);
  if (!result) return { ok: false, errors: [{ where: "files", message: "A CSV or Q&A import takes one file; a bank folder takes its files." }] };
  if (!result.ok) return { ok: false, errors: result.errors.map((e: LibraryIssue) => ({ where: `${e.file}:${e.line}`, message: formatIssue(e) })) };
  return {
    ok: true,
    questions: result.drafts.map((draft) => ({ draft, proposedRubric: draft.keyPoints.length ? null : draftRubric(draft.reference, draft.title) })),
  };
}
