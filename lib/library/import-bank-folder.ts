/**
 * Imports a bank folder in the Markdown format of docs/bank-format.md, given as files (the caller
 * unpacks a zip or a multi-file upload): each question file is parsed by the bank's own parser
 * (lib/bank/parse-question.ts), so a folder imports exactly when `npm run bank:check` would accept
 * it, with the same errors (file, line, field). The files are chosen as the loader chooses them
 * (lib/bank/load.ts isQuestionFileName), in any subfolder; folders whose name starts with `_` or `.`
 * (drafts, `__MACOSX`) are skipped. bank.json, when present, is checked and returned as `bank`;
 * the drafts themselves do not depend on it. Questions come in the loader's order (number, then
 * file). All or nothing: any error, and no draft is returned.
 */
import { BankError } from "../bank/errors.ts";
import { idLine, isQuestionFileName } from "../bank/load.ts";
import { parseQuestion } from "../bank/parse-question.ts";
import { compareQuestions } from "../bank/question-bank.ts";
import { bankMetaSchema, type BankMeta, type Question } from "../bank/schema.ts";
import { checkDraft } from "./check-draft.ts";
import { draftFromQuestion } from "./draft-from-question.ts";
import { failed, issueFromBankError, type ImportResult, type LibraryIssue } from "./errors.ts";
import { checkFileLimits, questionLimitIssue, resolveLimits, type LibraryLimits } from "./limits.ts";
import type { LibraryFile } from "./schema.ts";

export type BankFolderImport = ImportResult & { bank?: BankMeta };

export function importBankFolder(files: readonly LibraryFile[], limits: Partial<LibraryLimits> = {}): BankFolderImport {
  const max = resolveLimits(limits);
  const overLimit = checkFileLimits(files, max);
  if (overLimit.length > 0) return failed(overLimit);

  const errors: LibraryIssue[] = [];
  const seenPaths = new Set<string>();
  const questionFiles: LibraryFile[] = [];
  let bankFile: LibraryFile | undefined;
  for (const file of files) {
    const path = file.path.replaceAll("\\", "/").replace(/^(?:\.\/)+/, "");
    if (seenPaths.has(path)) {
      errors.push({
        code: "duplicate-id",
        file: file.path,
        line: 1,
        field: "file",
        message: "the upload holds two files with this path",
        expected: "each path once",
      });
      continue;
    }
    seenPaths.add(path);
    const segments = path.split("/");
    const name = segments[segments.length - 1]!;
    if (segments.slice(0, -1).some((s) => s.startsWith("_") || s.startsWith("."))) continue;
    if (name === "bank.json") {
      if (bankFile)
        errors.push({
          code: "duplicate-id",
          file: file.path,
          line: 1,
          field: "bank.json",
          message: `a second bank.json (the first is ${bankFile.path})`,
          expected: "one bank per import",
        });
      else bankFile = file;
    } else if (isQuestionFileName(name)) questionFiles.push({ path, text: file.text });
  }
  const bank = bankFile ? readBankJson(bankFile, errors) : undefined;
  if (questionFiles.length === 0)
    errors.push({
      code: "no-bank",
      file: files[0]?.path ?? "(upload)",
      line: 1,
      field: "files",
      message: "no question files in the upload",
      expected: "NN-slug.md files in the bank format",
    });
  const tooMany = questionLimitIssue(questionFiles.length, max, { file: questionFiles[max.maxQuestions]?.path ?? "(upload)", line: 1 });
  if (tooMany) return failed([...errors, tooMany]);

  const questions: Question[] = [];
  const ids = new Map<string, string>();
  for (const file of questionFiles) {
    const bytes = Buffer.from(file.text, "utf8");
    const { question, errors: fileErrors } = parseQuestion({ bytes, bankId: bank?.id ?? "library", file: file.path, displayPath: file.path });
    errors.push(...fileErrors.map(issueFromBankError));
    if (!question) continue;
    const other = ids.get(question.id);
    if (other) {
      errors.push(
        issueFromBankError(
          new BankError({
            code: "duplicate-id",
            file: file.path,
            line: idLine(bytes),
            field: "id",
            message: `duplicate question id "${question.id}": also used by ${other}`,
            expected: "an id unique in the bank",
          }),
        ),
      );
      continue;
    }
    ids.set(question.id, file.path);
    questions.push(question);
  }
  if (errors.length > 0) return failed(errors);

  questions.sort(compareQuestions);
  const drafts = [];
  for (const question of questions) {
    // Parsed by the bank parser, a question can still hold what a draft cannot write back the same way.
    const check = checkDraft(draftFromQuestion(question));
    if (check.ok) drafts.push(check.draft);
    else errors.push(...check.problems.map((p) => ({ ...p, file: question.file, line: 1 })));
  }
  if (errors.length > 0) return failed(errors);
  return { ok: true, drafts, ...(bank ? { bank } : {}) };
}

function readBankJson(file: LibraryFile, errors: LibraryIssue[]): BankMeta | undefined {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (error) {
    errors.push({ code: "unreadable", file: file.path, line: 1, field: "bank.json", message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
  const parsed = bankMetaSchema.strict().safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = file.text.split("\n");
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? (issue.code === "unrecognized_keys" ? issue.keys[0] : "") ?? "");
    const at = lines.findIndex((l) => l.includes(`"${key}"`));
    errors.push({
      code: issue.code === "unrecognized_keys" ? "unknown-field" : "invalid-field",
      file: file.path,
      line: at >= 0 ? at + 1 : 1,
      field: key || "bank.json",
      message: issue.message,
    });
  }
  return undefined;
}
