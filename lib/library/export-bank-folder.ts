/**
 * Drafts as a bank folder (docs/bank-format.md): `bank.json` and one `NN-slug.md` per question, in
 * the drafts' order, as files the caller zips or writes; lib/bank/load.ts loads the folder and
 * `npm run bank:check` accepts it. Every draft is checked first (check-draft.ts), so what is written
 * reads back as the same drafts.
 *
 * Ids: a draft's own id is kept (ids are never renamed: sessions refer to them); a draft without
 * one gets `<bank id>-<slug of its title>`, the shipped bank's convention, which keeps ids unique
 * across banks, with -2, -3... when two titles give the same slug. Two drafts that bring the same
 * id are an error, not renamed. File names carry the position (01-, 02-...) and the id without the
 * bank prefix, so the loader lists the questions in the drafts' order.
 */
import type { z } from "zod";
import { bankMetaSchema } from "../bank/schema.ts";
import { checkDraft } from "./check-draft.ts";
import { slugify } from "./slug.ts";
export { slugify } from "./slug.ts";
import type { LibraryIssue } from "./errors.ts";
import { renderQuestionFile } from "./render-question-file.ts";
import type { LibraryFile, QuestionDraftInput } from "./schema.ts";

export type ExportResult = { ok: true; files: LibraryFile[] } | { ok: false; errors: LibraryIssue[] };

/** Longest slug taken from a title: ids stay readable in URLs and file names. */

/** bank.json's fields as a caller gives them (description and order optional). */
export type BankMetaInput = z.input<typeof bankMetaSchema>;

export function exportBankFolder(drafts: readonly QuestionDraftInput[], meta: BankMetaInput): ExportResult {
  const errors: LibraryIssue[] = [];
  const bank = bankMetaSchema.safeParse(meta);
  if (!bank.success)
    return {
      ok: false,
      errors: bank.error.issues.map((i) => ({
        code: "invalid-field",
        file: "bank.json",
        line: 1,
        field: i.path.map(String).join(".") || "bank",
        message: i.message,
      })),
    };
  const width = Math.max(2, String(drafts.length).length);
  const position = (i: number) => String(i + 1).padStart(width, "0");

  const checked = drafts.map((input, i) => ({ i, check: checkDraft(input) }));
  const given = new Map<string, number>(); // id -> position of the draft that brings it
  for (const { i, check } of checked) {
    if (!check.ok) {
      errors.push(...check.problems.map((p) => ({ ...p, file: `${position(i)}.md`, line: 1, message: `question ${i + 1}: ${p.message}` })));
      continue;
    }
    const id = check.draft.id;
    if (id === undefined) continue;
    if (given.has(id))
      errors.push({
        code: "duplicate-id",
        file: `${position(i)}.md`,
        line: 1,
        field: "id",
        message: `question ${i + 1} has the id "${id}" of question ${given.get(id)! + 1}`,
        expected: "unique ids",
      });
    else given.set(id, i);
  }
  if (errors.length > 0) return { ok: false, errors };

  const used = new Set(given.keys());
  const files: LibraryFile[] = [{ path: "bank.json", text: `${JSON.stringify(bank.data, null, 2)}\n` }];
  for (const { i, check } of checked) {
    if (!check.ok) continue;
    let id = check.draft.id;
    if (id === undefined) {
      const base = `${bank.data.id}-${slugify(check.draft.title) || "question"}`;
      id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
    }
    const short = id.startsWith(`${bank.data.id}-`) ? id.slice(bank.data.id.length + 1) : id;
    files.push({ path: `${position(i)}-${short}.md`, text: renderQuestionFile(check.draft, id) });
  }
  return { ok: true, files };
}
