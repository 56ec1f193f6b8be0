/**
 * Imports questions from a CSV file (csv-parse; RFC 4180 quoting, so a reference may span lines):
 * a header row with the columns of csv-columns.ts, then one question per row. Difficulty is read
 * case-insensitively ("Hard" from a spreadsheet is hard), minutes default to 5, `question` empty
 * means the title is asked, tags are separated by `;`. The reference is Markdown, taken as written.
 * Every error names the file, the line where the row starts, the column's position and its name.
 * All or nothing: any error, and no draft is returned.
 */
import { CsvError } from "csv-parse";
import { restoreFormula } from "../format/csv-formula.ts";
import { parse } from "csv-parse/sync";
import { checkDraft } from "./check-draft.ts";
import { CSV_COLUMNS, CSV_TAG_SEPARATOR, REQUIRED_CSV_COLUMNS, type CsvColumn } from "./csv-columns.ts";
import { failed, type ImportResult, type LibraryIssue } from "./errors.ts";
import { checkFileLimits, questionLimitIssue, resolveLimits, type LibraryLimits } from "./limits.ts";
import type { LibraryFile, QuestionDraft, QuestionDraftInput } from "./schema.ts";

type Row = { record: string[]; raw: string; info: { lines: number } };

/** Draft fields as CSV columns, for errors. */
const COLUMN_OF_FIELD: Partial<Record<string, CsvColumn>> = { prompt: "question" };

export function importCsv(file: LibraryFile, limits: Partial<LibraryLimits> = {}): ImportResult {
  const max = resolveLimits(limits);
  const overLimit = checkFileLimits([file], max);
  if (overLimit.length > 0) return failed(overLimit);
  const at = (
    line: number,
    field: string,
    message: string,
    code: LibraryIssue["code"] = "invalid-field",
    column?: number,
    expected?: string,
  ): LibraryIssue => ({
    code,
    file: file.path,
    line,
    ...(column === undefined ? {} : { column }),
    field,
    message,
    ...(expected === undefined ? {} : { expected }),
  });

  let rows: Row[];
  try {
    rows = parse(file.text.replace(/\r\n?/g, "\n"), {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // The header, the most rows an import takes, and one more to know it is over.
      to: max.maxQuestions + 2,
    }) as unknown as Row[];
  } catch (error) {
    if (error instanceof CsvError) return failed([at((error as CsvError & { lines?: number }).lines ?? 1, "csv", error.message, "malformed-csv")]);
    throw error;
  }
  const [header, ...records] = rows;
  if (!header) return failed([at(1, "header", "the file is empty", "missing-column", undefined, `a header row: ${CSV_COLUMNS.join(", ")}`)]);

  // ---- header -----------------------------------------------------------------------------------
  const errors: LibraryIssue[] = [];
  const headerLine = startLine(header);
  const columns = new Map<CsvColumn, number>(); // column -> index
  header.record.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    if (!(CSV_COLUMNS as readonly string[]).includes(name))
      errors.push(at(headerLine, cell.trim() || `column ${i + 1}`, `unknown column "${cell.trim()}"`, "unknown-column", i + 1, CSV_COLUMNS.join(", ")));
    else if (columns.has(name as CsvColumn)) errors.push(at(headerLine, name, `column "${name}" appears twice`, "unknown-column", i + 1, "each column once"));
    else columns.set(name as CsvColumn, i);
  });
  for (const name of REQUIRED_CSV_COLUMNS)
    if (!columns.has(name))
      errors.push(
        at(headerLine, name, `the required column "${name}" is missing`, "missing-column", undefined, `a header with ${REQUIRED_CSV_COLUMNS.join(", ")}`),
      );
  if (errors.length > 0) return failed(errors);
  if (records.length === 0) return failed([at(headerLine, "rows", "no question rows after the header", "missing-field", undefined, "one question per row")]);
  const tooMany = questionLimitIssue(records.length, max, { file: file.path, line: startLine(records[records.length - 1]!), counted: "up-to-limit" });
  if (tooMany) return failed([tooMany]);

  // ---- rows -------------------------------------------------------------------------------------
  const drafts: QuestionDraft[] = [];
  const ids = new Map<string, number>(); // id -> line
  for (const row of records) {
    const line = startLine(row);
    if (row.record.length !== header.record.length) {
      errors.push(
        at(line, "row", `the row has ${row.record.length} cells, the header ${header.record.length}`, "malformed-csv", undefined, "one cell per column"),
      );
      continue;
    }
    const cell = (name: CsvColumn) => {
      const i = columns.get(name);
      return i === undefined ? "" : restoreFormula(row.record[i]!.trim());
    };
    /** A draft field's CSV column name and position ("prompt" is the question column, "tags.0" the tags one). */
    const columnOf = (field: string): { name: string; column?: number } => {
      const top = field.split(".")[0]!;
      const name = COLUMN_OF_FIELD[top] ?? top;
      const i = columns.get(name as CsvColumn);
      return i === undefined ? { name: field } : { name, column: i + 1 };
    };
    const rowErrors: LibraryIssue[] = [];
    const minutesText = cell("minutes");
    if (minutesText && !/^\d{1,3}$/.test(minutesText))
      rowErrors.push(
        at(line, "minutes", `minutes "${minutesText}" is not a whole number`, "invalid-field", columnOf("minutes").column, "an integer from 1 to 60"),
      );
    const difficulty = cell("difficulty").toLowerCase();
    const input: QuestionDraftInput = {
      ...(cell("id") ? { id: cell("id") } : {}),
      title: cell("title"),
      ...(cell("question") ? { prompt: cell("question") } : {}),
      reference: cell("reference"),
      topic: cell("topic"),
      difficulty: difficulty as QuestionDraftInput["difficulty"],
      ...(minutesText ? { minutes: Number(minutesText) } : {}),
      tags: cell("tags")
        .split(CSV_TAG_SEPARATOR)
        .map((t) => t.trim())
        .filter(Boolean),
    };
    if (rowErrors.length === 0) {
      const check = checkDraft(input);
      if (check.ok) {
        const id = check.draft.id;
        if (id !== undefined && ids.has(id))
          rowErrors.push(
            at(
              line,
              "id",
              `duplicate question id "${id}": also used on line ${ids.get(id)}`,
              "duplicate-id",
              columnOf("id").column,
              "an id unique in the file",
            ),
          );
        else {
          if (id !== undefined) ids.set(id, line);
          drafts.push(check.draft);
        }
      } else
        for (const p of check.problems) {
          const { name, column } = columnOf(p.field);
          const message =
            p.field === "difficulty"
              ? `unknown difficulty "${cell("difficulty")}"`
              : name === "reference" && !cell("reference")
                ? "the reference answer is empty"
                : p.message;
          rowErrors.push(at(line, name, message, p.code, column, p.field === "difficulty" ? "easy | medium | hard" : p.expected));
        }
    }
    errors.push(...rowErrors);
  }
  if (errors.length > 0) return failed(errors);
  return { ok: true, drafts };
}

/** The line a record starts on: csv-parse counts the line it ends on; a quoted cell may span lines. */
function startLine(row: Row): number {
  const body = row.raw.replace(/^\n+/, "").replace(/\n$/, "");
  let newlines = 0;
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) newlines++;
  return row.info.lines - newlines;
}
