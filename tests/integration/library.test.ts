/**
 * The question library on the real database (lib/library/store.ts): saving is all or nothing,
 * slugs are unique, who sees what (private, shared, another recruiter), who may edit or delete,
 * versions and their revisions, and the library as a bank in the recruiter's view of questions.
 */
import { describe, expect, it } from "vitest";
import { KitError } from "../../lib/kits/errors.ts";
import type { QuestionDraftInput } from "../../lib/library/schema.ts";
import {
  LIBRARY_BANK_ID,
  deleteLibraryQuestion,
  getLibraryQuestion,
  listLibrary,
  questionBankFor,
  saveLibraryQuestions,
  updateLibraryQuestion,
} from "../../lib/library/store.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();

async function recruiter(name = "Rita Recruiter") {
  const u = await db().user.create({ data: { email: uniqueEmail("lib-r"), name, role: "recruiter" } });
  return { id: u.id, role: u.role };
}

/** A valid draft; the title is made unique per call so slugs do not collide across tests. */
let n = 0;
function draft(overrides: Partial<QuestionDraftInput> = {}): QuestionDraftInput {
  n += 1;
  return {
    title: `How does the retry queue work ${n}`,
    reference: "Failed jobs go back on the queue with an exponential backoff and a cap on attempts.",
    topic: "Queues",
    difficulty: "medium",
    minutes: 5,
    tags: ["queues"],
    keyPoints: [{ id: "backoff", statement: "Retries back off exponentially between attempts.", weight: 4, terms: ["backoff"], code: [] }],
    followUps: [{ keyPointId: "backoff", text: "What happens when a job keeps failing?" }],
    ...overrides,
  };
}

async function refusal(attempt: Promise<unknown>): Promise<KitError> {
  const outcome = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(KitError);
  return outcome as KitError;
}

describe(`question library on ${TEST_PROVIDER}`, () => {
  it("saves all or nothing: one invalid draft among several saves none, and its field is named by position", async () => {
    const r = await recruiter();
    const before = await db().libraryQuestion.count({ where: { ownerId: r.id } });
    const error = await refusal(saveLibraryQuestions(r, { questions: [draft(), draft({ title: "" }), draft()], visibility: "private" }));
    expect(error.code).toBe("invalid");
    expect(Object.keys(error.fieldErrors ?? {})).toContain("questions.1.title");
    expect(await db().libraryQuestion.count({ where: { ownerId: r.id } })).toBe(before);

    // One question alone: its fields are named without the `questions.<i>.` prefix (what the editor shows).
    const single = await refusal(saveLibraryQuestions(r, { questions: [draft({ keyPoints: [{ id: "x", statement: "short", weight: 3 }] })] }));
    expect(Object.keys(single.fieldErrors ?? {})).toContain("keyPoints.0.statement");

    const saved = await saveLibraryQuestions(r, { questions: [draft(), draft()], visibility: "private" });
    expect(saved).toHaveLength(2);
    expect(saved.every((q) => q.version === 1 && q.mine && q.visibility === "private")).toBe(true);
  });

  it("gives every question a unique slug from its title, and keeps it across edits", async () => {
    const r = await recruiter();
    const same = { title: "What does the outbox pattern guarantee?" };
    const [a, b] = await saveLibraryQuestions(r, { questions: [draft(same), draft(same)] });
    const [c] = await saveLibraryQuestions(r, { questions: [draft(same)] });
    expect(a!.slug).toBe("what-does-the-outbox-pattern-guarantee");
    expect(b!.slug).toBe("what-does-the-outbox-pattern-guarantee-2");
    expect(c!.slug).toBe("what-does-the-outbox-pattern-guarantee-3");
    expect(c!.draft.id).toBe(c!.slug);

    // A bank question's id is taken too: the library never shadows a bank question.
    const bank = await questionBankFor(null);
    const bankQuestion = bank.filter({})[0]!;
    const [d] = await saveLibraryQuestions(r, { questions: [draft({ id: bankQuestion.id })] });
    expect(d!.slug).not.toBe(bankQuestion.id);

    const edited = await updateLibraryQuestion(r, a!.id, { question: { ...a!.draft, id: "another-slug", title: "A renamed question" }, version: 1 });
    expect(edited.slug).toBe(a!.slug);
    expect(edited.draft.id).toBe(a!.slug);
  });

  // A kit or a session that named the deleted question must never find another one under its slug.
  it("does not give a deleted question's slug to a new question, and keeps none of its content", async () => {
    const r = await recruiter();
    const title = "Why is the saga compensating step idempotent?";
    const [first] = await saveLibraryQuestions(r, { questions: [draft({ title })] });
    await deleteLibraryQuestion(r, first!.id);
    const [second] = await saveLibraryQuestions(r, { questions: [draft({ title })] });
    expect(second!.slug).not.toBe(first!.slug);
    const tombstone = await db().libraryQuestion.findUniqueOrThrow({ where: { id: first!.id } });
    expect(tombstone).toMatchObject({ draft: "{}", title: "", topic: "" });
    expect(tombstone.deletedAt).not.toBeNull();
    expect(await db().libraryQuestionRevision.count({ where: { questionId: first!.id } })).toBe(0);
    expect((await listLibrary(r)).map((q) => q.id)).not.toContain(first!.id);
  });

  it("lists the owner's questions and the shared ones; another recruiter sees only the shared ones, read-only", async () => {
    const owner = await recruiter("Owner");
    const other = await recruiter("Other");
    const [mine] = await saveLibraryQuestions(owner, { questions: [draft({ title: "A private question about caches" })], visibility: "private" });
    const [shared] = await saveLibraryQuestions(owner, { questions: [draft({ title: "A shared question about caches" })], visibility: "shared" });

    const ownerIds = (await listLibrary(owner)).map((q) => q.id);
    expect(ownerIds).toEqual(expect.arrayContaining([mine!.id, shared!.id]));

    const seen = await listLibrary(other);
    expect(seen.map((q) => q.id)).toContain(shared!.id);
    expect(seen.map((q) => q.id)).not.toContain(mine!.id);
    const sharedForOther = seen.find((q) => q.id === shared!.id)!;
    expect(sharedForOther.mine).toBe(false);
    expect(sharedForOther.ownerName).toBe("Owner");

    expect((await refusal(getLibraryQuestion(other, mine!.id))).code).toBe("not-found");
    expect((await getLibraryQuestion(other, shared!.id)).title).toBe("A shared question about caches");
    // A malformed id is nobody's question, not a driver error.
    expect((await refusal(getLibraryQuestion(owner, "x".repeat(500)))).code).toBe("not-found");
  });

  it("lets only the owner edit or delete: for anyone else the question is not found, shared or not", async () => {
    const owner = await recruiter();
    const other = await recruiter();
    const [q] = await saveLibraryQuestions(owner, { questions: [draft()], visibility: "shared" });
    const edit = { question: { ...q!.draft, title: "Taken over by someone else" }, version: 1 };
    expect((await refusal(updateLibraryQuestion(other, q!.id, edit))).code).toBe("not-found");
    expect((await refusal(deleteLibraryQuestion(other, q!.id))).code).toBe("not-found");
    const after = await getLibraryQuestion(owner, q!.id);
    expect(after.version).toBe(1);
    expect(after.title).toBe(q!.title);
  });

  it("saves edits as versions with their revisions; a stale version is a conflict and changes nothing", async () => {
    const r = await recruiter();
    const [q] = await saveLibraryQuestions(r, { questions: [draft()] });
    const v2 = await updateLibraryQuestion(r, q!.id, {
      question: { ...q!.draft, reference: "Version two of the reference." },
      version: 1,
      visibility: "shared",
    });
    expect(v2.version).toBe(2);
    expect(v2.visibility).toBe("shared");
    expect(v2.draft.reference).toBe("Version two of the reference.");

    const stale = await refusal(updateLibraryQuestion(r, q!.id, { question: { ...q!.draft, reference: "Written on version one." }, version: 1 }));
    expect(stale.code).toBe("conflict");
    expect((await getLibraryQuestion(r, q!.id)).draft.reference).toBe("Version two of the reference.");

    // An invalid edit names the field under `question.` and saves nothing.
    const invalid = await refusal(updateLibraryQuestion(r, q!.id, { question: { ...v2.draft, title: "" }, version: 2 }));
    expect(invalid.code).toBe("invalid");
    expect(Object.keys(invalid.fieldErrors ?? {})).toContain("question.title");

    const revisions = await db().libraryQuestionRevision.findMany({ where: { questionId: q!.id }, orderBy: { version: "asc" } });
    expect(revisions.map((rev) => rev.version)).toEqual([1, 2]);
    expect((JSON.parse(revisions[0]!.draft) as { reference: string }).reference).toBe(q!.draft.reference);
    expect((JSON.parse(revisions[1]!.draft) as { reference: string }).reference).toBe("Version two of the reference.");
  });

  it("deletes a question with its revisions", async () => {
    const r = await recruiter();
    const [q] = await saveLibraryQuestions(r, { questions: [draft()] });
    await updateLibraryQuestion(r, q!.id, { question: { ...q!.draft, minutes: 7 }, version: 1 });
    await deleteLibraryQuestion(r, q!.id);
    expect((await refusal(getLibraryQuestion(r, q!.id))).code).toBe("not-found");
    expect(await db().libraryQuestionRevision.count({ where: { questionId: q!.id } })).toBe(0);
    expect((await refusal(deleteLibraryQuestion(r, q!.id))).code).toBe("not-found");
  });

  it("adds a 'Your library' bank to the recruiter's view of the questions, with what they may use", async () => {
    const owner = await recruiter();
    const other = await recruiter();
    const [priv] = await saveLibraryQuestions(owner, { questions: [draft({ title: "Library-only question on leases" })], visibility: "private" });
    const [shared] = await saveLibraryQuestions(owner, { questions: [draft({ title: "Library-only shared question on leases" })], visibility: "shared" });

    const ownerBank = await questionBankFor(owner);
    expect(ownerBank.banks().map((b) => b.id)).toContain(LIBRARY_BANK_ID);
    const ownerLibrary = ownerBank.filter({ bankId: LIBRARY_BANK_ID }).map((q) => q.id);
    expect(ownerLibrary).toEqual(expect.arrayContaining([priv!.slug, shared!.slug]));
    const asQuestion = ownerBank.get(priv!.slug)!;
    expect(asQuestion.bankId).toBe(LIBRARY_BANK_ID);
    expect(asQuestion.keyPoints.map((k) => k.id)).toEqual(["backoff"]);
    // The loaded banks are still there.
    expect(ownerBank.banks().length).toBeGreaterThan(1);

    const otherLibrary = (await questionBankFor(other)).filter({ bankId: LIBRARY_BANK_ID }).map((q) => q.id);
    expect(otherLibrary).toContain(shared!.slug);
    expect(otherLibrary).not.toContain(priv!.slug);

    // An edit is seen at once (the parsed question is cached by version).
    await updateLibraryQuestion(owner, priv!.id, { question: { ...priv!.draft, title: "Library-only question on leases, edited" }, version: 1 });
    expect((await questionBankFor(owner)).get(priv!.slug)!.title).toBe("Library-only question on leases, edited");
  });
});
