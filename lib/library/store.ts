/**
 * The question library in the database (the one part of lib/library that does): recruiters' own
 * questions, saved from drafts (written in the browser or imported), versioned, private to their
 * owner or shared with every recruiter of the instance. Reads give each actor their own questions
 * and the shared ones; only the owner edits or deletes. A stored question becomes a bank Question
 * through the bank format (checkDraft), so kits, practice and sessions use it like any other;
 * `questionBankFor` is the bank as an actor sees it: the loaded banks plus their library.
 */
import "server-only";
import { getQuestionBank } from "../bank/load.ts";
import { createQuestionBank } from "../bank/question-bank.ts";
import type { Bank, Question, QuestionBank } from "../bank/schema.ts";
import { db } from "../db/client.ts";
import { KitError } from "../kits/errors.ts";
import { idParamSchema } from "../kits/schemas.ts";
import { checkDraft } from "./check-draft.ts";
import { slugify } from "./slug.ts";
import { saveLibraryQuestionsSchema, updateLibraryQuestionSchema, type Visibility } from "./persisted.ts";
import { questionDraftSchema, type QuestionDraft } from "./schema.ts";

export type LibraryActor = { id: string; role: string };

/** The bank id library questions carry (in kits, sessions and the search index). */
export const LIBRARY_BANK_ID = "library";
/** Questions one recruiter may keep. */
export const MAX_LIBRARY_QUESTIONS = 2_000;

export type LibraryQuestionRecord = {
  id: string;
  slug: string;
  mine: boolean;
  ownerName: string;
  visibility: Visibility;
  version: number;
  title: string;
  topic: string;
  difficulty: string;
  draft: QuestionDraft;
  updatedAt: Date;
};

const notFound = () => new KitError("not-found", "Question not found.");

function dbId(id: unknown): string {
  const parsed = idParamSchema.safeParse(String(id));
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** Field messages of a draft that does not pass, under `questions.<i>.<field>` (or `<field>` for one question). */
function invalidDraft(problems: { field: string; message: string }[], prefix: string): KitError {
  const fields = Object.fromEntries(problems.map((p) => [`${prefix}${p.field}`, p.message]));
  const first = problems[0];
  return new KitError("invalid", first ? `${first.field}: ${first.message}` : "This question is not valid.", fields);
}

const select = {
  id: true,
  slug: true,
  ownerId: true,
  visibility: true,
  version: true,
  title: true,
  topic: true,
  difficulty: true,
  draft: true,
  updatedAt: true,
  owner: { select: { name: true } },
} as const;

type Row = {
  id: string;
  slug: string;
  ownerId: string;
  visibility: string;
  version: number;
  title: string;
  topic: string;
  difficulty: string;
  draft: string;
  updatedAt: Date;
  owner: { name: string };
};

function toRecord(row: Row, actor: LibraryActor): LibraryQuestionRecord {
  return {
    id: row.id,
    slug: row.slug,
    mine: row.ownerId === actor.id,
    ownerName: row.owner.name,
    visibility: row.visibility === "shared" ? "shared" : "private",
    version: row.version,
    title: row.title,
    topic: row.topic,
    difficulty: row.difficulty,
    draft: questionDraftSchema.parse(JSON.parse(row.draft)),
    updatedAt: row.updatedAt,
  };
}

/** Own questions; shared ones for recruiters (a candidate account sees only what it wrote as a recruiter). */
const visibleTo = (actor: LibraryActor) =>
  actor.role === "recruiter" || actor.role === "admin"
    ? { deletedAt: null, OR: [{ ownerId: actor.id }, { visibility: "shared" }] }
    : { deletedAt: null, ownerId: actor.id };

/**
 * A slug no bank question and no library question has or had: the draft's own id when free, else
 * one from the title, with -2, -3... until free (a deleted question keeps its row, so its slug is
 * never reused; the unique index is the last word under a race).
 */
async function freeSlug(wanted: string, taken: Set<string>): Promise<string> {
  const bank = getQuestionBank();
  const base = wanted.slice(0, 60).replace(/-+$/, "") || "question";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (taken.has(slug) || bank.get(slug)) continue;
    if (await db().libraryQuestion.findUnique({ where: { slug }, select: { id: true } })) continue;
    taken.add(slug);
    return slug;
  }
}

/** Saves new questions (from the editor or an import), all or nothing: one invalid draft saves none. */
export async function saveLibraryQuestions(actor: LibraryActor, raw: unknown): Promise<LibraryQuestionRecord[]> {
  const parsed = saveLibraryQuestionsSchema.safeParse(raw);
  if (!parsed.success)
    throw invalidDraft(
      parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
      "",
    );
  const { questions, visibility } = parsed.data;
  const drafts = questions.map((q, i) => {
    const checked = checkDraft(q);
    if (!checked.ok) throw invalidDraft(checked.problems, questions.length === 1 ? "" : `questions.${i}.`);
    return checked.draft;
  });
  const owned = await db().libraryQuestion.count({ where: { ownerId: actor.id, deletedAt: null } });
  if (owned + drafts.length > MAX_LIBRARY_QUESTIONS) {
    throw new KitError("quota", `Your library can hold ${MAX_LIBRARY_QUESTIONS.toLocaleString("en")} questions. Delete some to make room.`);
  }
  const taken = new Set<string>();
  const rows = [];
  for (const draft of drafts) {
    const slug = await freeSlug(draft.id ?? slugify(draft.title), taken);
    rows.push({ slug, draft: { ...draft, id: slug } });
  }
  const created = await db().$transaction(
    rows.map(({ slug, draft }) =>
      db().libraryQuestion.create({
        data: {
          ownerId: actor.id,
          slug,
          visibility,
          title: draft.title,
          topic: draft.topic,
          difficulty: draft.difficulty,
          draft: JSON.stringify(draft),
          revisions: { create: { version: 1, draft: JSON.stringify(draft) } },
        },
        select,
      }),
    ),
  );
  return created.map((r) => toRecord(r, actor));
}

/** The actor's questions and the shared ones, most recently changed first. */
export async function listLibrary(actor: LibraryActor): Promise<LibraryQuestionRecord[]> {
  const rows = await db().libraryQuestion.findMany({ where: visibleTo(actor), orderBy: [{ updatedAt: "desc" }, { id: "asc" }], select });
  return rows.map((r) => toRecord(r, actor));
}

export async function getLibraryQuestion(actor: LibraryActor, id: string): Promise<LibraryQuestionRecord> {
  const row = await db().libraryQuestion.findFirst({ where: { id: dbId(id), ...visibleTo(actor) }, select });
  if (!row) throw notFound();
  return toRecord(row, actor);
}

/**
 * Saves an edit as the next version (with a revision). `version` must be the one the editor
 * loaded: a stale one is a conflict rather than overwriting a later save. The slug never changes.
 */
export async function updateLibraryQuestion(actor: LibraryActor, id: string, raw: unknown): Promise<LibraryQuestionRecord> {
  const row = await db().libraryQuestion.findFirst({
    where: { id: dbId(id), ownerId: actor.id, deletedAt: null },
    select: { id: true, slug: true, version: true },
  });
  if (!row) throw notFound();
  const parsed = updateLibraryQuestionSchema.safeParse(raw);
  if (!parsed.success)
    throw invalidDraft(
      parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
      "",
    );
  const question = parsed.data.question;
  if (!question || typeof question !== "object" || Array.isArray(question))
    throw invalidDraft([{ field: "question", message: "Send the question as an object." }], "");
  const checked = checkDraft({ ...question, id: row.slug });
  if (!checked.ok) throw invalidDraft(checked.problems, "question.");
  const draft = checked.draft;
  const next = row.version + 1;
  await db().$transaction(async (tx) => {
    const updated = await tx.libraryQuestion.updateMany({
      where: { id: row.id, version: parsed.data.version },
      data: {
        version: next,
        title: draft.title,
        topic: draft.topic,
        difficulty: draft.difficulty,
        draft: JSON.stringify(draft),
        ...(parsed.data.visibility ? { visibility: parsed.data.visibility } : {}),
      },
    });
    if (updated.count !== 1) throw new KitError("conflict", "This question was saved elsewhere since you opened it. Reload to see the latest version.");
    await tx.libraryQuestionRevision.create({ data: { questionId: row.id, version: next, draft: JSON.stringify(draft) } });
  });
  return getLibraryQuestion(actor, row.id);
}

/**
 * Deletes one of the actor's questions: its content and revisions go; the row stays, emptied, so
 * its slug is never given to another question (a kit that named it must not find a stranger).
 * Kits and sessions that used it keep their own copy.
 */
export async function deleteLibraryQuestion(actor: LibraryActor, id: string): Promise<void> {
  const row = await db().libraryQuestion.findFirst({ where: { id: dbId(id), ownerId: actor.id, deletedAt: null }, select: { id: true } });
  if (!row) throw notFound();
  await db().$transaction([
    db().libraryQuestionRevision.deleteMany({ where: { questionId: row.id } }),
    db().libraryQuestion.updateMany({ where: { id: row.id, deletedAt: null }, data: { deletedAt: new Date(), draft: "{}", title: "", topic: "" } }),
  ]);
}

// ---- as bank questions -------------------------------------------------------------------------

/** Parsed questions by `<id>:<version>`: a version never changes, so it is parsed once per process (the oldest go past PARSED_CACHE). */
const parsedQuestions = new Map<string, Question>();
const PARSED_CACHE = 2_000;

function asQuestion(row: { id: string; slug: string; version: number; draft: string }): Question | null {
  const key = `${row.id}:${row.version}`;
  const cached = parsedQuestions.get(key);
  if (cached) return cached;
  const checked = checkDraft({ ...(JSON.parse(row.draft) as object), id: row.slug });
  if (!checked.ok) {
    console.error(`[library] question ${row.id} v${row.version} no longer parses: ${checked.problems[0]?.message ?? "unknown problem"}`);
    return null;
  }
  const question: Question = { ...checked.question, id: row.slug, bankId: LIBRARY_BANK_ID, file: `${row.slug}.md` };
  parsedQuestions.set(key, question);
  if (parsedQuestions.size > PARSED_CACHE) parsedQuestions.delete(parsedQuestions.keys().next().value!);
  return question;
}

/** The library questions an actor may use (theirs, and the shared ones for a recruiter), as bank Questions. */
export async function libraryQuestionsFor(actor: LibraryActor): Promise<Question[]> {
  const rows = await db().libraryQuestion.findMany({
    where: visibleTo(actor),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, version: true, draft: true },
  });
  return rows.map(asQuestion).filter((q): q is Question => q !== null);
}

/**
 * The question bank as `actor` sees it: the loaded banks, then a "Your library" bank with the
 * library questions they may use. Without any, the process's bank itself.
 */
export async function questionBankForUser(userId: string): Promise<QuestionBank> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  return questionBankFor(user);
}

/** As questionBankForUser, for an actor whose role is known. */
export async function questionBankFor(actor: LibraryActor | null): Promise<QuestionBank> {
  // Guests (invited candidates) take what their kit asks (resolved with the kit owner's view), nothing else.
  if (actor?.role === "guest") return getQuestionBank();
  const base = getQuestionBank();
  if (!actor) return base;
  const library = await libraryQuestionsFor(actor);
  if (library.length === 0) return base;
  const banks: Bank[] = base.banks().map((meta) => ({ ...meta, dir: "", questions: base.filter({ bankId: meta.id }) }));
  banks.push({
    id: LIBRARY_BANK_ID,
    name: "Your library",
    description: "Your questions and those your colleagues share",
    order: 1_000,
    dir: "",
    questions: library,
  });
  return createQuestionBank(banks);
}
