/**
 * Validates one draft, whatever its source: the zod schema (field constraints and cross-field
 * rules), then a round trip through the bank format: the draft is written as a question file
 * (render-question-file.ts), parsed by the bank's own parser (lib/bank/parse-question.ts) and read
 * back (draft-from-question.ts). A draft passes only when it reads back equal, so every draft an
 * importer returns exports to a file the bank loader accepts with the same content. Markdown the
 * format would misread (a `##` heading inside a reference, a `;` inside a term...) is caught here,
 * with the field it concerns.
 */
import { parseQuestion } from "../bank/parse-question.ts";
import type { Question } from "../bank/schema.ts";
import { issueFromBankError, type LibraryIssueCode } from "./errors.ts";
import { draftFromQuestion } from "./draft-from-question.ts";
import { renderQuestionFile } from "./render-question-file.ts";
import { questionDraftSchema, type QuestionDraft } from "./schema.ts";

/** A problem of one draft, without a location: the caller knows where the draft came from. */
export type DraftProblem = { code: LibraryIssueCode; field: string; message: string; expected?: string };

export type DraftCheck = { ok: true; draft: QuestionDraft; question: Question } | { ok: false; problems: DraftProblem[] };

/** The id a draft without one is checked under (ids are given on export). */
const PLACEHOLDER_ID = "library-draft";

export function checkDraft(input: unknown): DraftCheck {
  const parsed = questionDraftSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        code: issue.path[0] === "difficulty" ? "unknown-difficulty" : "invalid-field",
        field: issue.path.map(String).join(".") || "question",
        message: issue.message,
      })),
    };
  const draft = parsed.data;
  const id = draft.id ?? PLACEHOLDER_ID;
  const file = `${id}.md`;
  const { question, errors } = parseQuestion({ bytes: Buffer.from(renderQuestionFile(draft, id), "utf8"), bankId: "library", file, displayPath: file });
  if (!question)
    return {
      ok: false,
      // The lines are the rendered file's, which the caller never saw: the field and message say it.
      problems: errors.map((e) => {
        const { message, expected } = issueFromBankError(e);
        const owner = e.code === "unknown-section" ? headingOwner(draft, e.field) : undefined;
        const problem = owner
          ? { code: e.code, field: owner, message: `the heading "${e.field}" would start a section of the question file: ${message}` }
          : { code: e.code, field: draftField(draft, e.field), message };
        return expected === undefined ? problem : { ...problem, expected };
      }),
    };
  const back = draftFromQuestion(question);
  if (draft.id === undefined) delete back.id;
  const difference = firstDifference(normalise(draft), back, "");
  if (difference !== undefined)
    return {
      ok: false,
      problems: [
        {
          code: "invalid-field",
          field: difference || "question",
          message:
            "the bank's Markdown format reads this back differently (Markdown syntax inside it, such as a heading, a list item or a separator, changes its meaning)",
          expected: "text that reads back as written",
        },
      ],
    };
  return { ok: true, draft, question };
}

/**
 * The bank parser names rubric fields by id ("keyPoints.refcount.text"); a draft's fields are named
 * by position, as zod names them ("keyPoints.0.statement"), so an editor finds both the same way.
 */
function draftField(draft: QuestionDraft, field: string): string {
  const [list, id, ...rest] = field.split(".");
  const index =
    list === "keyPoints"
      ? draft.keyPoints.findIndex((k) => k.id === id)
      : list === "misconceptions"
        ? draft.misconceptions.findIndex((m) => m.id === id)
        : list === "followUps"
          ? draft.followUps.findIndex((f) => f.keyPointId === id)
          : -1;
  if (index < 0) return field;
  const names: Record<string, string> = { text: list === "keyPoints" ? "statement" : "text", contradicts: "keyPointId" };
  return [list, String(index), ...rest.map((r, i) => (i === 0 ? (names[r] ?? r) : r))].join(".");
}

/**
 * The free-Markdown field that holds a `#` or `##` heading the parser took for a section ("## Notes"
 * inside a reference): the editor shows the problem beside that field, not beside a section the
 * recruiter never wrote.
 */
function headingOwner(draft: QuestionDraft, heading: string): string | undefined {
  // Outside code fences only: "# a comment" in a fenced block is code, not a heading.
  const holds = (text: string | undefined) => {
    if (text === undefined) return false;
    let fence = "";
    for (const line of text.split("\n")) {
      const marks = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (marks && marks[0] === fence[0] && marks.length >= fence.length) fence = "";
      } else if (marks) fence = marks;
      else if (line.trim() === heading) return true;
    }
    return false;
  };
  if (holds(draft.prompt)) return "prompt";
  if (holds(draft.reference)) return "reference";
  if (holds(draft.errata)) return "errata";
  const kp = draft.keyPoints.findIndex((k) => holds(k.statement));
  if (kp >= 0) return `keyPoints.${kp}.statement`;
  const fu = draft.followUps.findIndex((f) => holds(f.text));
  if (fu >= 0) return `followUps.${fu}.text`;
  const m = draft.misconceptions.findIndex((x) => holds(x.text));
  return m >= 0 ? `misconceptions.${m}.text` : undefined;
}

/** The title asked as the prompt is the same as no prompt. */
function normalise(draft: QuestionDraft): QuestionDraft {
  if (draft.prompt === undefined || draft.prompt !== draft.title) return draft;
  const { prompt: _prompt, ...rest } = draft;
  return rest;
}

/** The path of the first difference between two JSON-like values ("" for the root); undefined when equal. */
function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return path;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (x === undefined && y === undefined) continue;
    const found = firstDifference(x, y, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return path;
  return undefined;
}
