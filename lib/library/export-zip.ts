/**
 * The library as a zip of a bank folder (library/bank.json and one Markdown file per question),
 * which `npm run bank:check` accepts and BANK_DIRS loads once unpacked. Errors are the exporter's
 * (a question that no longer renders to the format).
 */
import { strToU8, zipSync } from "fflate";
import { exportBankFolder, type BankMetaInput } from "./export-bank-folder.ts";
import type { LibraryIssue } from "./errors.ts";
import type { QuestionDraftInput } from "./schema.ts";

export function exportBankZip(
  drafts: readonly QuestionDraftInput[],
  meta: BankMetaInput,
): { ok: true; zip: Uint8Array<ArrayBuffer> } | { ok: false; errors: LibraryIssue[] } {
  const exported = exportBankFolder(drafts, meta);
  if (!exported.ok) return exported;
  return { ok: true, zip: new Uint8Array(zipSync(Object.fromEntries(exported.files.map((f) => [`${meta.id}/${f.path}`, strToU8(f.text)])))) };
}
