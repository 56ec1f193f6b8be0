import { describe, expect, it, vi } from "vitest";
// Route handlers read the signed-in user from lib/auth/current-user.ts: here, whoever the test names.
vi.mock("../../lib/auth/current-user.ts", async (original) => ({
  ...(await original<typeof import("../../lib/auth/current-user.ts")>()),
  getCurrentUser: (await import("../support/fake-session.ts")).getCurrentUser,
}));
import { getQuestionBank } from "../../lib/bank/load.ts";
import { buildKit } from "../../lib/kits/builder.ts";
import { setQuestionMinutes } from "../../lib/kits/edit.ts";
import { KitError } from "../../lib/kits/errors.ts";
import { hashShareToken } from "../../lib/kits/share-token.ts";
import {
  createScorecard,
  createKit,
  createShareLink,
  deleteScorecard,
  deleteKit,
  getRevision,
  getScorecard,
  getKit,
  getSharedKit,
  listRevisions,
  listScorecards,
  listKits,
  listShareLinks,
  restoreRevision,
  revokeShareLink,
  saveKit,
  type KitActor,
} from "../../lib/kits/store.ts";
import { request } from "../support/routes.ts";
import { kitsApi } from "../support/kits-api.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();

async function user(role: "candidate" | "recruiter" | "admin"): Promise<KitActor> {
  const u = await db().user.create({ data: { email: uniqueEmail(role), name: `${role} person`, role } });
  return { id: u.id, role: u.role };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected a KitError").toBeInstanceOf(KitError);
  return (error as KitError).code;
}

const INPUT = { level: "senior" as const, minutes: 45, topics: ["async", "testing"], seed: "42" };

describe(`kits on ${TEST_PROVIDER}`, () => {
  it("a recruiter builds a kit: the same document the CLI and the builder give, saved as version 1 with its first revision", async () => {
    const r = await user("recruiter");
    const kit = await createKit(r, INPUT);
    expect(kit.version).toBe(1);
    expect(kit.content).toEqual(buildKit(INPUT, getQuestionBank()));
    expect(kit.inputs).toMatchObject({ level: "senior", minutes: 45, seed: "42" });
    const revisions = await listRevisions(r, kit.id);
    expect(revisions).toEqual([expect.objectContaining({ version: 1, note: "Created" })]);
    const reread = await getKit(r, kit.id);
    expect(reread.content).toEqual(kit.content);
  });

  it("a blank seed gets a random one, kept in the inputs so the kit can be rebuilt", async () => {
    const r = await user("recruiter");
    const a = await createKit(r, { level: "mid", minutes: 30, seed: "" });
    const b = await createKit(r, { level: "mid", minutes: 30 });
    expect(a.inputs.seed).toMatch(/^[a-z2-9]{6}$/);
    expect(a.content.seed).toBe(a.inputs.seed);
    expect(b.inputs.seed).not.toBe(a.inputs.seed);
    expect(buildKit(a.inputs, getQuestionBank())).toEqual(a.content);
  });

  it("invalid inputs are refused with field errors and nothing is saved", async () => {
    const r = await user("recruiter");
    const before = await db().script.count();
    const error = await createKit(r, { level: "senior", minutes: 3 }).catch((e) => e);
    expect(error).toBeInstanceOf(KitError);
    expect(error.code).toBe("invalid");
    expect(error.fieldErrors.minutes).toMatch(/at least 10/);
    expect((await createKit(r, { level: "senior", minutes: 45, topics: ["cobol"] }).catch((e) => e)).fieldErrors.topics).toMatch(/Unknown topic/);
    expect((await createKit(r, "not an object").catch((e) => e)).code).toBe("invalid");
    expect(await db().script.count()).toBe(before);
  });

  // The role is checked in one layer, the API's route() (and the /kits pages): the store only scopes by owner.
  it("candidates cannot use kits at all; signed-out users are told to sign in", async () => {
    const c = await user("candidate");
    const r = await user("recruiter");
    const kit = await createKit(r, INPUT);
    const body = (json: unknown) => request("/api/kits", { body: json });
    expect((await kitsApi.create(c, body(INPUT))).status).toBe(403);
    expect((await kitsApi.create(null, body(INPUT))).status).toBe(401);
    for (const call of [
      () => kitsApi.list(c),
      () => kitsApi.get(c, kit.id),
      () => kitsApi.save(c, kit.id, body({ version: 1, content: kit.content })),
      () => kitsApi.shareCreate(c, kit.id),
      () => kitsApi.scorecardList(c, kit.id),
      () => kitsApi.scorecardCreate(c, kit.id, body({ candidateName: "X", scriptVersion: 1, entries: [] })),
      () => kitsApi.remove(c, kit.id),
    ]) {
      const res = await call();
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    expect(await db().script.count({ where: { ownerId: r.id } })).toBe(1);
  });

  it("admins can use kits (their own)", async () => {
    const a = await user("admin");
    const kit = await createKit(a, INPUT);
    expect((await listKits(a)).map((s) => s.id)).toEqual([kit.id]);
    expect((await kitsApi.get(a, kit.id)).status).toBe(200);
  });

  it("a recruiter sees only their own kits: every function answers not-found for someone else's", async () => {
    const owner = await user("recruiter");
    const other = await user("recruiter");
    const kit = await createKit(owner, INPUT);
    const { id: linkId } = await createShareLink(owner, kit.id);
    const card = await createScorecard(owner, kit.id, { candidateName: "Ada", scriptVersion: 1, entries: [] });
    expect((await listKits(other)).map((s) => s.id)).not.toContain(kit.id);
    const calls: Array<[string, () => Promise<unknown>]> = [
      ["getKit", () => getKit(other, kit.id)],
      ["saveKit", () => saveKit(other, kit.id, { version: 1, content: kit.content })],
      ["saveKit (bad body)", () => saveKit(other, kit.id, { nonsense: true })],
      ["listRevisions", () => listRevisions(other, kit.id)],
      ["getRevision", () => getRevision(other, kit.id, 1)],
      ["restoreRevision", () => restoreRevision(other, kit.id, { version: 1 })],
      ["deleteKit", () => deleteKit(other, kit.id)],
      ["createShareLink", () => createShareLink(other, kit.id)],
      ["listShareLinks", () => listShareLinks(other, kit.id)],
      ["revokeShareLink", () => revokeShareLink(other, kit.id, linkId)],
      ["createScorecard", () => createScorecard(other, kit.id, { candidateName: "Eve", scriptVersion: 1, entries: [] })],
      ["listScorecards", () => listScorecards(other, kit.id)],
      ["getScorecard", () => getScorecard(other, kit.id, card.id)],
      ["deleteScorecard", () => deleteScorecard(other, kit.id, card.id)],
      ["unknown id", () => getKit(owner, "does-not-exist")],
    ];
    for (const [name, call] of calls) expect(await codeOf(call()), name).toBe("not-found");
    // Nothing changed.
    expect((await getKit(owner, kit.id)).version).toBe(1);
    expect(await listScorecards(owner, kit.id)).toHaveLength(1);
    expect((await listShareLinks(owner, kit.id))[0]!.revokedAt).toBeNull();
    // A scorecard id under another of the owner's kits is not found either.
    const second = await createKit(owner, { ...INPUT, seed: "2" });
    expect(await codeOf(getScorecard(owner, second.id, card.id))).toBe("not-found");
  });

  it("saving an edit creates the next version and a revision with a summary of the change", async () => {
    const r = await user("recruiter");
    const kit = await createKit(r, INPUT);
    const doc = kit.content;
    const reordered = { ...doc, questions: [...doc.questions].reverse(), notes: "Panel: Ann and Bob" };
    const saved = await saveKit(r, kit.id, { version: 1, content: reordered });
    expect(saved.version).toBe(2);
    expect(saved.content.questions.map((q) => q.id)).toEqual(doc.questions.map((q) => q.id).reverse());
    const retimed = setQuestionMinutes(saved.content, 0, saved.content.questions[0]!.minutes + 2).doc;
    const third = await saveKit(r, kit.id, { version: 2, content: { ...retimed, title: "Backend interview" }, note: "Longer first question" });
    expect(third).toMatchObject({ version: 3, title: "Backend interview" });
    const revisions = await listRevisions(r, kit.id);
    expect(revisions.map((x) => [x.version, x.note])).toEqual([
      [3, "Longer first question"],
      [2, "Reordered questions, edited notes"],
      [1, "Created"],
    ]);
    expect((await getRevision(r, kit.id, 1)).content).toEqual(doc);
  });

  it("refuses a stale version (409) and a plan that does not fit, saving nothing", async () => {
    const r = await user("recruiter");
    const kit = await createKit(r, INPUT);
    await saveKit(r, kit.id, { version: 1, content: { ...kit.content, notes: "first" } });
    const stale = await saveKit(r, kit.id, { version: 1, content: { ...kit.content, notes: "second" } }).catch((e) => e);
    expect(stale.code).toBe("conflict");
    expect(stale.message).toMatch(/saved elsewhere.*version 2/);
    const overfull = { ...kit.content, questions: kit.content.questions.map((q, i) => (i === 0 ? { ...q, minutes: q.minutes + 5, pinned: true } : q)) };
    const bad = await saveKit(r, kit.id, { version: 2, content: overfull }).catch((e) => e);
    expect(bad.code).toBe("invalid");
    expect(bad.message).toMatch(/no longer fits: it needs 5 minutes more than the 45-minute interview/);
    const dup = { ...kit.content, questions: [kit.content.questions[0]!, kit.content.questions[0]!] };
    expect((await saveKit(r, kit.id, { version: 2, content: dup }).catch((e) => e)).code).toBe("invalid");
    expect((await saveKit(r, kit.id, { version: 2, content: { ...kit.content, title: "" } }).catch((e) => e)).fieldErrors.content).toBeTruthy();
    expect((await getKit(r, kit.id)).content.notes).toBe("first");
    expect(await listRevisions(r, kit.id)).toHaveLength(2);
  });

  it("two saves racing from the same version: exactly one wins, no revision is lost or duplicated", async () => {
    const r = await user("recruiter");
    const kit = await createKit(r, INPUT);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => saveKit(r, kit.id, { version: 1, content: { ...kit.content, notes: `writer ${i}` } })),
    );
    const ok = results.filter((x) => x.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const x of results) if (x.status === "rejected") expect((x.reason as KitError).code).toBe("conflict");
    const final = await getKit(r, kit.id);
    expect(final.version).toBe(2);
    const revs = await listRevisions(r, kit.id);
    expect(revs.map((x) => x.version)).toEqual([2, 1]);
    expect((await getRevision(r, kit.id, 2)).content.notes).toBe(final.content.notes);
  });

  it("restoring an old version saves it as the next version; history is never rewritten", async () => {
    const r = await user("recruiter");
    const kit = await createKit(r, INPUT);
    await saveKit(r, kit.id, { version: 1, content: { ...kit.content, notes: "v2 notes" } });
    const restored = await restoreRevision(r, kit.id, { version: 1 });
    expect(restored.version).toBe(3);
    expect(restored.content).toEqual(kit.content);
    expect((await listRevisions(r, kit.id))[0]).toMatchObject({ version: 3, note: "Restored version 1" });
    expect(await codeOf(restoreRevision(r, kit.id, { version: 99 }))).toBe("not-found");
    expect(await codeOf(restoreRevision(r, kit.id, { nope: 1 }))).toBe("invalid");
  });

  it("share links: a token shown once, only its hash stored, readable without an account, revocable", async () => {
    const r = await user("recruiter");
    const kit = await createKit(r, INPUT);
    await createScorecard(r, kit.id, { candidateName: "Secret Candidate", scriptVersion: 1, entries: [], notes: "private notes" });
    const link = await createShareLink(r, kit.id);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db().shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashShareToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);

    const shared = await getSharedKit(link.token);
    expect(shared).not.toBeNull();
    expect(shared!.content).toEqual(kit.content);
    expect(Object.keys(shared!).sort()).toEqual(["content", "expiresAt", "title", "updatedAt", "version"]);
    expect(JSON.stringify(shared)).not.toMatch(/Secret Candidate|private notes|ownerId|@example\.com/);

    // Later edits do not show through the link: it keeps the version it was made from
    // (tests/integration/share-links.test.ts).
    await saveKit(r, kit.id, { version: 1, content: { ...kit.content, title: "Renamed" } });
    expect((await getSharedKit(link.token))!.title).toBe(kit.content.title);

    // Unknown, malformed and near-miss tokens are all just "not found".
    const flipped = (link.token[0] === "A" ? "B" : "A") + link.token.slice(1);
    for (const t of [flipped, "short", `${link.token}x`, "", hashShareToken(link.token)]) expect(await getSharedKit(t)).toBeNull();

    const second = await createShareLink(r, kit.id);
    await revokeShareLink(r, kit.id, link.id);
    expect(await getSharedKit(link.token)).toBeNull();
    expect(await getSharedKit(second.token)).not.toBeNull(); // other links keep working
    await revokeShareLink(r, kit.id, link.id); // revoking twice is harmless
    const links = await listShareLinks(r, kit.id);
    expect(links.find((l) => l.id === link.id)!.revokedAt).toBeInstanceOf(Date);
    expect(links.find((l) => l.id === second.id)!.revokedAt).toBeNull();
    expect(await codeOf(revokeShareLink(r, kit.id, "no-such-link"))).toBe("not-found");

    // Deleting the kit kills its links.
    await deleteKit(r, kit.id);
    expect(await getSharedKit(second.token)).toBeNull();
  });

  it("live mode: a scorecard is saved against the kit version it ran, listed, and read back", async () => {
    const r = await user("recruiter");
    const kit = await createKit(r, INPUT);
    const [q1, q2] = kit.content.questions;
    const card = await createScorecard(r, kit.id, {
      candidateName: "  Grace Hopper ",
      scriptVersion: 1,
      entries: [
        { questionId: q1!.id, ticked: [q1!.keyPoints[0]!.id, q1!.keyPoints[1]!.id], rating: 3, notes: "solid", seconds: 420 },
        { questionId: q2!.id, ticked: [], rating: 1, notes: "", seconds: 300 },
      ],
      notes: "Good communicator.",
      recommendation: "hire",
    });
    expect(card).toMatchObject({ candidateName: "Grace Hopper", recommendation: "hire", scriptVersion: 1, notes: "Good communicator." });
    expect(card.entries).toHaveLength(kit.content.questions.length); // every question, rated or not
    expect(card.entries[0]).toMatchObject({ questionId: q1!.id, title: q1!.title, rating: 3, seconds: 420 });
    expect(card.entries[0]!.keyPoints.filter((k) => k.ticked).map((k) => k.id)).toEqual([q1!.keyPoints[0]!.id, q1!.keyPoints[1]!.id]);
    expect(card.entries.at(-1)).toMatchObject({ rating: null, notes: "", seconds: 0 });

    // The kit changes afterwards; the scorecard still reads as it was run.
    const swapped = { ...kit.content, questions: [...kit.content.questions].reverse() };
    await saveKit(r, kit.id, { version: 1, content: swapped });
    const second = await createScorecard(r, kit.id, { candidateName: "Alan", scriptVersion: 2, entries: [], recommendation: "no-hire" });
    const list = await listScorecards(r, kit.id);
    expect(list.map((c) => c.candidateName).sort()).toEqual(["Alan", "Grace Hopper"]);
    expect((await getScorecard(r, kit.id, card.id)).entries[0]!.questionId).toBe(q1!.id);
    expect((await getScorecard(r, kit.id, second.id)).entries[0]!.questionId).toBe(swapped.questions[0]!.id);
    expect((await listKits(r)).find((s) => s.id === kit.id)!.scorecardCount).toBe(2);

    await deleteScorecard(r, kit.id, second.id);
    expect(await listScorecards(r, kit.id)).toHaveLength(1);
  });

  it("scorecards are checked against the kit: unknown questions, key points or versions are refused", async () => {
    const r = await user("recruiter");
    const kit = await createKit(r, INPUT);
    const q = kit.content.questions[0]!;
    const bad = async (body: unknown) => (await createScorecard(r, kit.id, body).catch((e) => e)) as KitError;
    expect((await bad({ candidateName: "", scriptVersion: 1, entries: [] })).fieldErrors?.candidateName).toMatch(/candidate's name/);
    expect((await bad({ candidateName: "X", scriptVersion: 7, entries: [] })).message).toMatch(/Version 7/);
    expect((await bad({ candidateName: "X", scriptVersion: 1, entries: [{ questionId: "python-nope" }] })).message).toMatch(/does not have/);
    expect((await bad({ candidateName: "X", scriptVersion: 1, entries: [{ questionId: q.id, ticked: ["made-up"] }] })).message).toMatch(/key point/);
    expect((await bad({ candidateName: "X", scriptVersion: 1, entries: [{ questionId: q.id, rating: 5 }] })).code).toBe("invalid");
    expect((await bad({ candidateName: "X", scriptVersion: 1, entries: [{ questionId: q.id }, { questionId: q.id }] })).message).toMatch(/twice/);
    expect((await bad({ candidateName: "X", scriptVersion: 1, entries: [], recommendation: "maybe" })).code).toBe("invalid");
    expect(await listScorecards(r, kit.id)).toHaveLength(0);
  });

  it("lists a recruiter's kits newest first with counts; deleting removes revisions, links and scorecards", async () => {
    const r = await user("recruiter");
    const a = await createKit(r, { ...INPUT, seed: "a" });
    const b = await createKit(r, { ...INPUT, seed: "b" });
    await createShareLink(r, b.id);
    await saveKit(r, a.id, { version: 1, content: { ...a.content, notes: "touched" } });
    const list = await listKits(r);
    expect(list.map((s) => s.id)).toEqual([a.id, b.id]);
    expect(list[1]).toMatchObject({ activeShareCount: 1, scorecardCount: 0, totalMinutes: 45, version: 1 });
    await createScorecard(r, b.id, { candidateName: "Z", scriptVersion: 1, entries: [] });
    await deleteKit(r, b.id);
    expect(await codeOf(getKit(r, b.id))).toBe("not-found");
    expect(await db().scriptRevision.count({ where: { scriptId: b.id } })).toBe(0);
    expect(await db().shareLink.count({ where: { scriptId: b.id } })).toBe(0);
    expect(await db().scorecard.count({ where: { scriptId: b.id } })).toBe(0);
    expect(await codeOf(deleteKit(r, b.id))).toBe("not-found");
  });
});
