/**
 * Share links (issue 12): the shared view is the version saved when the link was made, without the
 * interviewer's private notes; links expire (SHARE_LINK_EXPIRY_DAYS, or fewer days on request);
 * the owner can always list and revoke, even after switching to a candidate account, and a link
 * stops opening while its owner is not a recruiter.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
// Route handlers read the signed-in user from lib/auth/current-user.ts: here, whoever the test names.
vi.mock("../../lib/auth/current-user.ts", async (original) => ({
  ...(await original<typeof import("../../lib/auth/current-user.ts")>()),
  getCurrentUser: (await import("../support/fake-session.ts")).getCurrentUser,
}));
import { resetEnvForTests } from "../../lib/env.ts";
import { getSharedScript, type ScriptActor } from "../../lib/scripts/store.ts";
import { scriptsApi } from "../support/scripts-api.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();
const DAY = 86_400_000;

async function user(role: "candidate" | "recruiter"): Promise<ScriptActor> {
  const u = await db().user.create({ data: { email: uniqueEmail(role), name: role, role } });
  return { id: u.id, role: u.role };
}

const req = (body: unknown, method = "POST") =>
  new Request("http://localhost/api/scripts", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

type ScriptJson = { id: string; version: number; content: { notes: string; title: string; questions: Array<{ notes: string; title: string }> } };

async function newScript(owner: ScriptActor): Promise<ScriptJson> {
  const res = await scriptsApi.create(owner, req({ level: "mid", minutes: 40, seed: "share" }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { script: ScriptJson }).script;
}

async function share(owner: ScriptActor, scriptId: string, body?: unknown) {
  const res = await scriptsApi.shareCreate(owner, scriptId, body === undefined ? undefined : req(body));
  const data = (await res.json()) as { link?: { id: string; version: number; expiresAt: string | null; path: string }; error?: { message: string } };
  return { status: res.status, ...data, token: data.link?.path.slice("/share/".length) ?? "" };
}

afterEach(() => {
  delete process.env.SHARE_LINK_EXPIRY_DAYS;
  resetEnvForTests();
});

describe(`share links on ${TEST_PROVIDER}`, () => {
  it("show the version saved when the link was made, without private notes", async () => {
    const owner = await user("recruiter");
    const script = await newScript(owner);
    // Version 2 has private notes on the script and on a question.
    const withNotes = {
      ...script.content,
      notes: "PRIVATE: candidate referred by Bob, push on salary",
      questions: script.content.questions.map((q, i) => (i === 0 ? { ...q, notes: "PRIVATE: skip if they mention Django" } : q)),
    };
    expect((await scriptsApi.save(owner, script.id, req({ version: 1, content: withNotes }, "PUT"))).status).toBe(200);
    const link = await share(owner, script.id);
    expect(link.status).toBe(201);
    expect(link.link!.version).toBe(2);

    // Later edits: another title and other notes.
    const later = { ...withNotes, title: "Renamed after sharing", notes: "PRIVATE: later note" };
    expect((await scriptsApi.save(owner, script.id, req({ version: 2, content: later }, "PUT"))).status).toBe(200);

    const shared = (await getSharedScript(link.token))!;
    expect(shared.version).toBe(2);
    expect(shared.title).toBe(script.content.title);
    expect(shared.content.notes).toBe("");
    expect(shared.content.questions.every((q) => q.notes === "")).toBe(true);
    expect(JSON.stringify(shared)).not.toContain("PRIVATE");
    expect(shared.content.questions.map((q) => q.title)).toEqual(script.content.questions.map((q) => q.title));
  });

  it("expire: after SHARE_LINK_EXPIRY_DAYS by default, sooner on request, never with 0", async () => {
    const owner = await user("recruiter");
    const script = await newScript(owner);
    const now = Date.now();

    const byDefault = await share(owner, script.id);
    expect(Date.parse(byDefault.link!.expiresAt!) - now).toBeGreaterThan(29.9 * DAY);
    expect(Date.parse(byDefault.link!.expiresAt!) - now).toBeLessThan(30.1 * DAY);
    expect(await getSharedScript(byDefault.token, new Date(now + 29 * DAY))).not.toBeNull();
    expect(await getSharedScript(byDefault.token, new Date(now + 31 * DAY))).toBeNull();

    const oneDay = await share(owner, script.id, { expiresInDays: 1 });
    expect(oneDay.status).toBe(201);
    expect(await getSharedScript(oneDay.token)).not.toBeNull();
    expect(await getSharedScript(oneDay.token, new Date(now + 2 * DAY))).toBeNull();

    const tooLong = await share(owner, script.id, { expiresInDays: 31 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.error?.message).toMatch(/at most 30 days/);
    expect((await share(owner, script.id, { expiresInDays: 0 })).status).toBe(400);
    expect((await share(owner, script.id, { expiresInDays: 2 ** 40 })).status).toBe(400);
    expect((await share(owner, script.id, { expiresInDays: "soon" })).status).toBe(400);

    process.env.SHARE_LINK_EXPIRY_DAYS = "0";
    resetEnvForTests();
    const forever = await share(owner, script.id);
    expect(forever.link!.expiresAt).toBeNull();
    expect(await getSharedScript(forever.token, new Date(now + 3650 * DAY))).not.toBeNull();
    expect((await share(owner, script.id, { expiresInDays: 400 })).status).toBe(201);

    // The owner's list says when each link expires.
    const { links } = (await (await scriptsApi.shareList(owner, script.id)).json()) as { links: Array<{ id: string; expiresAt: string | null }> };
    expect(links.find((l) => l.id === forever.link!.id)!.expiresAt).toBeNull();
    expect(links.find((l) => l.id === oneDay.link!.id)!.expiresAt).toBe(oneDay.link!.expiresAt);
  });

  it("the owner can always revoke, even after switching to a candidate account; meanwhile the link is closed", async () => {
    const owner = await user("recruiter");
    const script = await newScript(owner);
    const link = await share(owner, script.id);
    expect(await getSharedScript(link.token)).not.toBeNull();

    // Settings: the owner switches to candidate. The link no longer opens...
    await db().user.update({ where: { id: owner.id }, data: { role: "candidate" } });
    const asCandidate: ScriptActor = { id: owner.id, role: "candidate" };
    expect(await getSharedScript(link.token)).toBeNull();
    // ...the owner still sees and revokes it (no 403), and nobody else can.
    const listed = await scriptsApi.shareList(asCandidate, script.id);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { links: unknown[] }).links).toHaveLength(1);
    const stranger = await user("candidate");
    expect((await scriptsApi.shareRevoke(stranger, script.id, link.link!.id)).status).toBe(404);
    expect((await scriptsApi.shareRevoke(null, script.id, link.link!.id)).status).toBe(401);
    expect((await scriptsApi.shareRevoke(asCandidate, script.id, link.link!.id)).status).toBe(204);
    // Creating links still needs a recruiter account.
    expect((await scriptsApi.shareCreate(asCandidate, script.id)).status).toBe(403);

    // Back to recruiter: the revoked link stays closed.
    await db().user.update({ where: { id: owner.id }, data: { role: "recruiter" } });
    expect(await getSharedScript(link.token)).toBeNull();
  });
});
