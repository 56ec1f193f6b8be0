/**
 * Drafts as CSV (csv-stringify): the header of csv-columns.ts, one row per draft; importCsv reads it
 * back. Only the CSV's columns travel: key points, follow-ups, misconceptions, clarifications and
 * errata need the bank folder (exportBankFolder).
 */
import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "../format/csv-formula.ts";
import { CSV_COLUMNS, CSV_TAG_SEPARATOR } from "./csv-columns.ts";
import type { QuestionDraft } from "./schema.ts";

export function toCsv(drafts: readonly QuestionDraft[]): string {
  const rows = drafts.map((d) => [
    d.id ?? "",
    d.title,
    d.prompt ?? "",
    d.reference,
    d.topic,
    d.difficulty,
    String(d.minutes),
    d.tags.join(`${CSV_TAG_SEPARATOR} `),
  ]);
  return stringify([[...CSV_COLUMNS], ...rows.map((row) => row.map(neutraliseFormula))], { record_delimiter: "unix" });
}
