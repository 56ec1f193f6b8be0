import { describe, expect, it, vi } from "vitest";
// Route handlers read the signed-in user from lib/auth/current-user.ts: here, whoever the test names.
vi.mock("../../lib/auth/current-user.ts", async (original) => ({
  ...(await original<typeof import("../../lib/auth/current-user.ts")>()),
  getCurrentUser: (await import("../support/fake-session.ts")).getCurrentUser,
}));
import { getQuestionBank } from "../../lib/bank/load.ts";
import { buildScript } from "../../lib/scripts/builder.ts";
import { setQuestionMinutes } from "../../lib/scripts/edit.ts";
import { ScriptError } from "../../lib/scripts/errors.ts";
import { hashShareToken } from "../../lib/scripts/share-token.ts";
import {
  createScorecard,
  createScript,
  createShareLink,
  deleteScorecard,
  deleteScript,
  getRevision,
  getScorecard,
  getScript,
  getSharedScript,
  listRevisions,
  listScorecards,
  listScripts,
  listShareLinks,
  restoreRevision,
  revokeShareLink,
  saveScript,
  type ScriptActor,
} from "../../lib/scripts/store.ts";
import { request } from "../support/routes.ts";
import { scriptsApi } from "../support/scripts-api.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();

async function user(role: "candidate" | "recruiter" | "admin"): Promise<ScriptActor> {
  const u = await db().user.create({ data: { email: uniqueEmail(role), name: `${role} person`, role } });
  return { id: u.id, role: u.role };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected a ScriptError").toBeInstanceOf(ScriptError);
  return (error as ScriptError).code;
}

const INPUT = { level: "senior" as const, minutes: 45, topics: ["async", "testing"], seed: "42" };

describe(`scripts on ${TEST_PROVIDER}`, () => {
  it("a recruiter builds a script: the same document the CLI and the builder give, saved as version 1 with its first revision", async () => {
    const r = await user("recruiter");
    const script = await createScript(r, INPUT);
    expect(script.version).toBe(1);
    expect(script.content).toEqual(buildScript(INPUT, getQuestionBank()));
    expect(script.inputs).toMatchObject({ level: "senior", minutes: 45, seed: "42" });
    const revisions = await listRevisions(r, script.id);
    expect(revisions).toEqual([expect.objectContaining({ version: 1, note: "Created" })]);
    const reread = await getScript(r, script.id);
    expect(reread.content).toEqual(script.content);
  });

  it("a blank seed gets a random one, kept in the inputs so the script can be rebuilt", async () => {
    const r = await user("recruiter");
    const a = await createScript(r, { level: "mid", minutes: 30, seed: "" });
    const b = await createScript(r, { level: "mid", minutes: 30 });
    expect(a.inputs.seed).toMatch(/^[a-z2-9]{6}$/);
    expect(a.content.seed).toBe(a.inputs.seed);
    expect(b.inputs.seed).not.toBe(a.inputs.seed);
    expect(buildScript(a.inputs, getQuestionBank())).toEqual(a.content);
  });

  it("invalid inputs are refused with field errors and nothing is saved", async () => {
    const r = await user("recruiter");
    const before = await db().script.count();
    const error = await createScript(r, { level: "senior", minutes: 3 }).catch((e) => e);
    expect(error).toBeInstanceOf(ScriptError);
    expect(error.code).toBe("invalid");
    expect(error.fieldErrors.minutes).toMatch(/at least 10/);
    expect((await createScript(r, { level: "senior", minutes: 45, topics: ["cobol"] }).catch((e) => e)).fieldErrors.topics).toMatch(/Unknown topic/);
    expect((await createScript(r, "not an object").catch((e) => e)).code).toBe("invalid");
    expect(await db().script.count()).toBe(before);
  });

  // The role is checked in one layer, the API's route() (and the /scripts pages): the store only scopes by owner.
  it("candidates cannot use scripts at all; signed-out users are told to sign in", async () => {
    const c = await user("candidate");
    const r = await user("recruiter");
    const script = await createScript(r, INPUT);
    const body = (json: unknown) => request("/api/scripts", { body: json });
    expect((await scriptsApi.create(c, body(INPUT))).status).toBe(403);
    expect((await scriptsApi.create(null, body(INPUT))).status).toBe(401);
    for (const call of [
      () => scriptsApi.list(c),
      () => scriptsApi.get(c, script.id),
      () => scriptsApi.save(c, script.id, body({ version: 1, content: script.content })),
      () => scriptsApi.shareCreate(c, script.id),
      () => scriptsApi.scorecardList(c, script.id),
      () => scriptsApi.scorecardCreate(c, script.id, body({ candidateName: "X", scriptVersion: 1, entries: [] })),
      () => scriptsApi.remove(c, script.id),
    ]) {
      const res = await call();
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    expect(await db().script.count({ where: { ownerId: r.id } })).toBe(1);
  });

  it("admins can use scripts (their own)", async () => {
    const a = await user("admin");
    const script = await createScript(a, INPUT);
    expect((await listScripts(a)).map((s) => s.id)).toEqual([script.id]);
    expect((await scriptsApi.get(a, script.id)).status).toBe(200);
  });

  it("a recruiter sees only their own scripts: every function answers not-found for someone else's", async () => {
    const owner = await user("recruiter");
    const other = await user("recruiter");
    const script = await createScript(owner, INPUT);
    const { id: linkId } = await createShareLink(owner, script.id);
    const card = await createScorecard(owner, script.id, { candidateName: "Ada", scriptVersion: 1, entries: [] });
    expect((await listScripts(other)).map((s) => s.id)).not.toContain(script.id);
    const calls: Array<[string, () => Promise<unknown>]> = [
      ["getScript", () => getScript(other, script.id)],
      ["saveScript", () => saveScript(other, script.id, { version: 1, content: script.content })],
      ["saveScript (bad body)", () => saveScript(other, script.id, { nonsense: true })],
      ["listRevisions", () => listRevisions(other, script.id)],
      ["getRevision", () => getRevision(other, script.id, 1)],
      ["restoreRevision", () => restoreRevision(other, script.id, { version: 1 })],
      ["deleteScript", () => deleteScript(other, script.id)],
      ["createShareLink", () => createShareLink(other, script.id)],
      ["listShareLinks", () => listShareLinks(other, script.id)],
      ["revokeShareLink", () => revokeShareLink(other, script.id, linkId)],
      ["createScorecard", () => createScorecard(other, script.id, { candidateName: "Eve", scriptVersion: 1, entries: [] })],
      ["listScorecards", () => listScorecards(other, script.id)],
      ["getScorecard", () => getScorecard(other, script.id, card.id)],
      ["deleteScorecard", () => deleteScorecard(other, script.id, card.id)],
      ["unknown id", () => getScript(owner, "does-not-exist")],
    ];
    for (const [name, call] of calls) expect(await codeOf(call()), name).toBe("not-found");
    // Nothing changed.
    expect((await getScript(owner, script.id)).version).toBe(1);
    expect(await listScorecards(owner, script.id)).toHaveLength(1);
    expect((await listShareLinks(owner, script.id))[0]!.revokedAt).toBeNull();
    // A scorecard id under another of the owner's scripts is not found either.
    const second = await createScript(owner, { ...INPUT, seed: "2" });
    expect(await codeOf(getScorecard(owner, second.id, card.id))).toBe("not-found");
  });

  it("saving an edit creates the next version and a revision with a summary of the change", async () => {
    const r = await user("recruiter");
    const script = await createScript(r, INPUT);
    const doc = script.content;
    const reordered = { ...doc, questions: [...doc.questions].reverse(), notes: "Panel: Ann and Bob" };
    const saved = await saveScript(r, script.id, { version: 1, content: reordered });
    expect(saved.version).toBe(2);
    expect(saved.content.questions.map((q) => q.id)).toEqual(doc.questions.map((q) => q.id).reverse());
    const retimed = setQuestionMinutes(saved.content, 0, saved.content.questions[0]!.minutes + 2).doc;
    const third = await saveScript(r, script.id, { version: 2, content: { ...retimed, title: "Backend interview" }, note: "Longer first question" });
    expect(third).toMatchObject({ version: 3, title: "Backend interview" });
    const revisions = await listRevisions(r, script.id);
    expect(revisions.map((x) => [x.version, x.note])).toEqual([
      [3, "Longer first question"],
      [2, "Reordered questions, edited notes"],
      [1, "Created"],
    ]);
    expect((await getRevision(r, script.id, 1)).content).toEqual(doc);
  });

  it("refuses a stale version (409) and a plan that does not fit, saving nothing", async () => {
    const r = await user("recruiter");
    const script = await createScript(r, INPUT);
    await saveScript(r, script.id, { version: 1, content: { ...script.content, notes: "first" } });
    const stale = await saveScript(r, script.id, { version: 1, content: { ...script.content, notes: "second" } }).catch((e) => e);
    expect(stale.code).toBe("conflict");
    expect(stale.message).toMatch(/saved elsewhere.*version 2/);
    const overfull = { ...script.content, questions: script.content.questions.map((q, i) => (i === 0 ? { ...q, minutes: q.minutes + 5, pinned: true } : q)) };
    const bad = await saveScript(r, script.id, { version: 2, content: overfull }).catch((e) => e);
    expect(bad.code).toBe("invalid");
    expect(bad.message).toMatch(/no longer fits: it needs 5 minutes more than the 45-minute interview/);
    const dup = { ...script.content, questions: [script.content.questions[0]!, script.content.questions[0]!] };
    expect((await saveScript(r, script.id, { version: 2, content: dup }).catch((e) => e)).code).toBe("invalid");
    expect((await saveScript(r, script.id, { version: 2, content: { ...script.content, title: "" } }).catch((e) => e)).fieldErrors.content).toBeTruthy();
    expect((await getScript(r, script.id)).content.notes).toBe("first");
    expect(await listRevisions(r, script.id)).toHaveLength(2);
  });

  it("two saves racing from the same version: exactly one wins, no revision is lost or duplicated", async () => {
    const r = await user("recruiter");
    const script = await createScript(r, INPUT);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => saveScript(r, script.id, { version: 1, content: { ...script.content, notes: `writer ${i}` } })),
    );
    const ok = results.filter((x) => x.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const x of results) if (x.status === "rejected") expect((x.reason as ScriptError).code).toBe("conflict");
    const final = await getScript(r, script.id);
    expect(final.version).toBe(2);
    const revs = await listRevisions(r, script.id);
    expect(revs.map((x) => x.version)).toEqual([2, 1]);
    expect((await getRevision(r, script.id, 2)).content.notes).toBe(final.content.notes);
  });

  it("restoring an old version saves it as the next version; history is never rewritten", async () => {
    const r = await user("recruiter");
    const script = await createScript(r, INPUT);
    await saveScript(r, script.id, { version: 1, content: { ...script.content, notes: "v2 notes" } });
    const restored = await restoreRevision(r, script.id, { version: 1 });
    expect(restored.version).toBe(3);
    expect(restored.content).toEqual(script.content);
    expect((await listRevisions(r, script.id))[0]).toMatchObject({ version: 3, note: "Restored version 1" });
    expect(await codeOf(restoreRevision(r, script.id, { version: 99 }))).toBe("not-found");
    expect(await codeOf(restoreRevision(r, script.id, { nope: 1 }))).toBe("invalid");
  });

  it("share links: a token shown once, only its hash stored, readable without an account, revocable", async () => {
    const r = await user("recruiter");
    const script = await createScript(r, INPUT);
    await createScorecard(r, script.id, { candidateName: "Secret Candidate", scriptVersion: 1, entries: [], notes: "private notes" });
    const link = await createShareLink(r, script.id);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db().shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashShareToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);

    const shared = await getSharedScript(link.token);
    expect(shared).not.toBeNull();
    expect(shared!.content).toEqual(script.content);
    expect(Object.keys(shared!).sort()).toEqual(["content", "expiresAt", "title", "updatedAt", "version"]);
    expect(JSON.stringify(shared)).not.toMatch(/Secret Candidate|private notes|ownerId|@example\.com/);

    // Later edits do not show through the link: it keeps the version it was made from
    // (tests/integration/share-links.test.ts).
    await saveScript(r, script.id, { version: 1, content: { ...script.content, title: "Renamed" } });
    expect((await getSharedScript(link.token))!.title).toBe(script.content.title);

    // Unknown, malformed and near-miss tokens are all just "not found".
    const flipped = (link.token[0] === "A" ? "B" : "A") + link.token.slice(1);
    for (const t of [flipped, "short", `${link.token}x`, "", hashShareToken(link.token)]) expect(await getSharedScript(t)).toBeNull();

    const second = await createShareLink(r, script.id);
    await revokeShareLink(r, script.id, link.id);
    expect(await getSharedScript(link.token)).toBeNull();
    expect(await getSharedScript(second.token)).not.toBeNull(); // other links keep working
    await revokeShareLink(r, script.id, link.id); // revoking twice is harmless
    const links = await listShareLinks(r, script.id);
    expect(links.find((l) => l.id === link.id)!.revokedAt).toBeInstanceOf(Date);
    expect(links.find((l) => l.id === second.id)!.revokedAt).toBeNull();
    expect(await codeOf(revokeShareLink(r, script.id, "no-such-link"))).toBe("not-found");

    // Deleting the script kills its links.
    await deleteScript(r, script.id);
    expect(await getSharedScript(second.token)).toBeNull();
  });

  it("live mode: a scorecard is saved against the script version it ran, listed, and read back", async () => {
    const r = await user("recruiter");
    const script = await createScript(r, INPUT);
    const [q1, q2] = script.content.questions;
    const card = await createScorecard(r, script.id, {
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
    expect(card.entries).toHaveLength(script.content.questions.length); // every question, rated or not
    expect(card.entries[0]).toMatchObject({ questionId: q1!.id, title: q1!.title, rating: 3, seconds: 420 });
    expect(card.entries[0]!.keyPoints.filter((k) => k.ticked).map((k) => k.id)).toEqual([q1!.keyPoints[0]!.id, q1!.keyPoints[1]!.id]);
    expect(card.entries.at(-1)).toMatchObject({ rating: null, notes: "", seconds: 0 });

    // The script changes afterwards; the scorecard still reads as it was run.
    const swapped = { ...script.content, questions: [...script.content.questions].reverse() };
    await saveScript(r, script.id, { version: 1, content: swapped });
    const second = await createScorecard(r, script.id, { candidateName: "Alan", scriptVersion: 2, entries: [], recommendation: "no-hire" });
    const list = await listScorecards(r, script.id);
    expect(list.map((c) => c.candidateName).sort()).toEqual(["Alan", "Grace Hopper"]);
    expect((await getScorecard(r, script.id, card.id)).entries[0]!.questionId).toBe(q1!.id);
    expect((await getScorecard(r, script.id, second.id)).entries[0]!.questionId).toBe(swapped.questions[0]!.id);
    expect((await listScripts(r)).find((s) => s.id === script.id)!.scorecardCount).toBe(2);

    await deleteScorecard(r, script.id, second.id);
    expect(await listScorecards(r, script.id)).toHaveLength(1);
  });

  it("scorecards are checked against the script: unknown questions, key points or versions are refused", async () => {
    const r = await user("recruiter");
    const script = await createScript(r, INPUT);
    const q = script.content.questions[0]!;
    const bad = async (body: unknown) => (await createScorecard(r, script.id, body).catch((e) => e)) as ScriptError;
    expect((await bad({ candidateName: "", scriptVersion: 1, entries: [] })).fieldErrors?.candidateName).toMatch(/candidate's name/);
    expect((await bad({ candidateName: "X", scriptVersion: 7, entries: [] })).message).toMatch(/Version 7/);
    expect((await bad({ candidateName: "X", scriptVersion: 1, entries: [{ questionId: "python-nope" }] })).message).toMatch(/does not have/);
    expect((await bad({ candidateName: "X", scriptVersion: 1, entries: [{ questionId: q.id, ticked: ["made-up"] }] })).message).toMatch(/key point/);
    expect((await bad({ candidateName: "X", scriptVersion: 1, entries: [{ questionId: q.id, rating: 5 }] })).code).toBe("invalid");
    expect((await bad({ candidateName: "X", scriptVersion: 1, entries: [{ questionId: q.id }, { questionId: q.id }] })).message).toMatch(/twice/);
    expect((await bad({ candidateName: "X", scriptVersion: 1, entries: [], recommendation: "maybe" })).code).toBe("invalid");
    expect(await listScorecards(r, script.id)).toHaveLength(0);
  });

  it("lists a recruiter's scripts newest first with counts; deleting removes revisions, links and scorecards", async () => {
    const r = await user("recruiter");
    const a = await createScript(r, { ...INPUT, seed: "a" });
    const b = await createScript(r, { ...INPUT, seed: "b" });
    await createShareLink(r, b.id);
    await saveScript(r, a.id, { version: 1, content: { ...a.content, notes: "touched" } });
    const list = await listScripts(r);
    expect(list.map((s) => s.id)).toEqual([a.id, b.id]);
    expect(list[1]).toMatchObject({ activeShareCount: 1, scorecardCount: 0, totalMinutes: 45, version: 1 });
    await createScorecard(r, b.id, { candidateName: "Z", scriptVersion: 1, entries: [] });
    await deleteScript(r, b.id);
    expect(await codeOf(getScript(r, b.id))).toBe("not-found");
    expect(await db().scriptRevision.count({ where: { scriptId: b.id } })).toBe(0);
    expect(await db().shareLink.count({ where: { scriptId: b.id } })).toBe(0);
    expect(await db().scorecard.count({ where: { scriptId: b.id } })).toBe(0);
    expect(await codeOf(deleteScript(r, b.id))).toBe("not-found");
  });
});
