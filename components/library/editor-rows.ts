/**
 * The question editor's rows and what it sends and shows, as plain functions (unit-tested in
 * tests/unit/library/editor-rows.test.ts): key point ids, the draft a save sends, and where a
 * server field error goes. Client-safe.
 */
import type { ApiFields } from "@/lib/api/errors";
import { pointId } from "@/lib/library/slug";
import type { DraftKeyPoint, QuestionDraft, QuestionDraftInput } from "@/lib/library/schema";

/**
 * A key point row. `key` is the row's identity in the form (React key, element ids, what a
 * follow-up points at), so a follow-up stays with its key point while the statement, and hence
 * the derived id, changes. `id` is the stored id: kept when editing (kits and sessions name key
 * points by id); absent for a new row, which gets a slug of its statement on save.
 */
export type KeyPointRow = { key: string; id?: string; statement: string; weight: number; terms: string; code: string; scaffold: string };
export type FollowUpRow = { key: string; keyPointKey: string; text: string };
// Rows added in the browser get keys from this counter; the rows a page opens with get keys from
// their position ("kp-0"), the same on the server and in the browser, as hydration requires.
let rowCounter = 0;
export const newKey = (prefix: "kp" | "fu") => `${prefix}-new-${++rowCounter}`;

export function keyPointRow(kp: DraftKeyPoint, key: string = newKey("kp")): KeyPointRow {
  return { key, id: kp.id, statement: kp.statement, weight: kp.weight, terms: kp.terms.join("; "), code: kp.code.join(", "), scaffold: kp.scaffold ?? "" };
}

/**
 * The ids the rows are saved under: stored ids first (they never change), then a slug of each new
 * row's statement, numbered when taken, so two similar statements never share an id.
 */
export function keyPointIds(rows: KeyPointRow[]): Map<string, string> {
  const taken = new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
  const ids = new Map<string, string>();
  for (const row of rows) {
    if (row.id) {
      ids.set(row.key, row.id);
      continue;
    }
    ids.set(row.key, pointId(row.statement, taken));
  }
  return ids;
}

/**
 * An accepted proposal as a new row: the drafter numbers its points ("point-1"), which says
 * nothing in a kit or a score report, so the row gets a slug of its statement like any new row.
 */
export function proposedRow(kp: DraftKeyPoint): KeyPointRow {
  const { id: _proposed, ...row } = keyPointRow(kp);
  return row;
}

/** The rows of a stored question: follow-ups point at their key point's row by its stored id. */
export function initialRows(draft: QuestionDraft | undefined): { keyPoints: KeyPointRow[]; followUps: FollowUpRow[] } {
  if (!draft) return { keyPoints: [], followUps: [] };
  const keyPoints = draft.keyPoints.map((kp, i) => keyPointRow(kp, `kp-${i}`));
  const byId = new Map(keyPoints.map((r) => [r.id, r.key]));
  return {
    keyPoints,
    followUps: draft.followUps.map((fu, i) => ({ key: `fu-${i}`, keyPointKey: byId.get(fu.keyPointId) ?? "", text: fu.text })),
  };
}

export const splitList = (text: string, separator: string) =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Where a server field error goes: its key without the envelope's prefix (`question.` for an
 * edit, `questions.0.` for a save) and a list item's index inside a list field (`tags.2` is the
 * tags input). Rubric fields stay by position: the rows are sent in the order they are shown.
 */
export function fieldKey(key: string): string {
  const bare = key.replace(/^questions\.\d+\./, "").replace(/^question\./, "");
  const kp = /^keyPoints\.(\d+)\.(\w+)/.exec(bare);
  if (kp) return `keyPoints.${kp[1]}.${kp[2] === "id" ? "statement" : kp[2]}`;
  const fu = /^followUps\.(\d+)\.(\w+)/.exec(bare);
  if (fu) return `followUps.${fu[1]}.${fu[2]}`;
  return bare.replace(/\.\d+$/, "");
}

export function normaliseFields(fields: ApiFields): ApiFields {
  const out: ApiFields = {};
  for (const [key, message] of Object.entries(fields)) {
    const k = fieldKey(key);
    out[k] ??= message;
  }
  return out;
}

export const TOP_FIELDS = ["title", "prompt", "reference", "topic", "difficulty", "minutes", "tags", "visibility"];
/** The fields this form shows beside an input; any other error (misconceptions...) is shown above the form. */
export function shownField(key: string): boolean {
  return TOP_FIELDS.includes(key) || /^keyPoints\.\d+\.(statement|weight|terms|code|scaffold)$/.test(key) || /^followUps\.\d+\.(keyPointId|text)$/.test(key);
}

/** The form's text fields as typed. */
export type EditorFields = { title: string; prompt: string; reference: string; topic: string; difficulty: string; minutes: string; tags: string };

/**
 * The draft a save sends: the fields as typed (the server checks them and names what is wrong),
 * the rows in the order shown, and what this form does not edit (misconceptions, clarifications,
 * errata) as the stored question has it.
 */
export function draftFromForm(fields: EditorFields, keyPoints: KeyPointRow[], followUps: FollowUpRow[], stored: QuestionDraft | undefined): QuestionDraftInput {
  const ids = keyPointIds(keyPoints);
  return {
    title: fields.title,
    ...(fields.prompt.trim() ? { prompt: fields.prompt } : {}),
    reference: fields.reference,
    topic: fields.topic,
    difficulty: fields.difficulty as QuestionDraft["difficulty"],
    // Not a number (empty, or "abc" where the browser allows it) goes as NaN, which JSON sends as null: the server says so beside the field.
    minutes: Number(fields.minutes),
    tags: splitList(fields.tags, ","),
    keyPoints: keyPoints.map((row) => {
      const scaffold = row.scaffold.trim();
      return {
        id: ids.get(row.key)!,
        statement: row.statement,
        weight: row.weight,
        terms: splitList(row.terms, ";"),
        code: splitList(row.code, ","),
        ...(scaffold ? { scaffold } : {}),
      };
    }),
    // A follow-up whose key point was removed is sent without one: the server says so beside it.
    followUps: followUps.map((row) => ({ keyPointId: ids.get(row.keyPointKey) ?? "", text: row.text })),
    misconceptions: stored?.misconceptions ?? [],
    clarifications: stored?.clarifications ?? {},
    errata: stored?.errata ?? "",
  };
}
