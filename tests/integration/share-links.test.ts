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
import { getSharedKit, type KitActor } from "../../lib/kits/store.ts";
import { kitsApi } from "../support/kits-api.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();
const DAY = 86_400_000;

async function user(role: "candidate" | "recruiter"): Promise<KitActor> {
  const u = await db().user.create({ data: { email: uniqueEmail(role), name: role, role } });
  return { id: u.id, role: u.role };
}

const req = (body: unknown, method = "POST") =>
  new Request("http://localhost/api/kits", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

type KitJson = { id: string; version: number; content: { notes: string; title: string; questions: Array<{ notes: string; title: string }> } };

async function newKit(owner: KitActor): Promise<KitJson> {
  const res = await kitsApi.create(owner, req({ level: "mid", minutes: 40, seed: "share" }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { script: KitJson }).script;
}

async function share(owner: KitActor, kitId: string, body?: unknown) {
  const res = await kitsApi.shareCreate(owner, kitId, body === undefined ? undefined : req(body));
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
    const kit = await newKit(owner);
    // Version 2 has private notes on the kit and on a question.
    const withNotes = {
      ...kit.content,
      notes: "PRIVATE: candidate referred by Bob, push on salary",
      questions: kit.content.questions.map((q, i) => (i === 0 ? { ...q, notes: "PRIVATE: skip if they mention Django" } : q)),
    };
    expect((await kitsApi.save(owner, kit.id, req({ version: 1, content: withNotes }, "PUT"))).status).toBe(200);
    const link = await share(owner, kit.id);
    expect(link.status).toBe(201);
    expect(link.link!.version).toBe(2);

    // Later edits: another title and other notes.
    const later = { ...withNotes, title: "Renamed after sharing", notes: "PRIVATE: later note" };
    expect((await kitsApi.save(owner, kit.id, req({ version: 2, content: later }, "PUT"))).status).toBe(200);

    const shared = (await getSharedKit(link.token))!;
    expect(shared.version).toBe(2);
    expect(shared.title).toBe(kit.content.title);
    expect(shared.content.notes).toBe("");
    expect(shared.content.questions.every((q) => q.notes === "")).toBe(true);
    expect(JSON.stringify(shared)).not.toContain("PRIVATE");
    expect(shared.content.questions.map((q) => q.title)).toEqual(kit.content.questions.map((q) => q.title));
  });

  it("expire: after SHARE_LINK_EXPIRY_DAYS by default, sooner on request, never with 0", async () => {
    const owner = await user("recruiter");
    const kit = await newKit(owner);
    const now = Date.now();

    const byDefault = await share(owner, kit.id);
    expect(Date.parse(byDefault.link!.expiresAt!) - now).toBeGreaterThan(29.9 * DAY);
    expect(Date.parse(byDefault.link!.expiresAt!) - now).toBeLessThan(30.1 * DAY);
    expect(await getSharedKit(byDefault.token, new Date(now + 29 * DAY))).not.toBeNull();
    expect(await getSharedKit(byDefault.token, new Date(now + 31 * DAY))).toBeNull();

    const oneDay = await share(owner, kit.id, { expiresInDays: 1 });
    expect(oneDay.status).toBe(201);
    expect(await getSharedKit(oneDay.token)).not.toBeNull();
    expect(await getSharedKit(oneDay.token, new Date(now + 2 * DAY))).toBeNull();

    const tooLong = await share(owner, kit.id, { expiresInDays: 31 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.error?.message).toMatch(/at most 30 days/);
    expect((await share(owner, kit.id, { expiresInDays: 0 })).status).toBe(400);
    expect((await share(owner, kit.id, { expiresInDays: 2 ** 40 })).status).toBe(400);
    expect((await share(owner, kit.id, { expiresInDays: "soon" })).status).toBe(400);

    process.env.SHARE_LINK_EXPIRY_DAYS = "0";
    resetEnvForTests();
    const forever = await share(owner, kit.id);
    expect(forever.link!.expiresAt).toBeNull();
    expect(await getSharedKit(forever.token, new Date(now + 3650 * DAY))).not.toBeNull();
    expect((await share(owner, kit.id, { expiresInDays: 400 })).status).toBe(201);

    // The owner's list says when each link expires.
    const { links } = (await (await kitsApi.shareList(owner, kit.id)).json()) as { links: Array<{ id: string; expiresAt: string | null }> };
    expect(links.find((l) => l.id === forever.link!.id)!.expiresAt).toBeNull();
    expect(links.find((l) => l.id === oneDay.link!.id)!.expiresAt).toBe(oneDay.link!.expiresAt);
  });

  it("the owner can always revoke, even after switching to a candidate account; meanwhile the link is closed", async () => {
    const owner = await user("recruiter");
    const kit = await newKit(owner);
    const link = await share(owner, kit.id);
    expect(await getSharedKit(link.token)).not.toBeNull();

    // Settings: the owner switches to candidate. The link no longer opens...
    await db().user.update({ where: { id: owner.id }, data: { role: "candidate" } });
    const asCandidate: KitActor = { id: owner.id, role: "candidate" };
    expect(await getSharedKit(link.token)).toBeNull();
    // ...the owner still sees and revokes it (no 403), and nobody else can.
    const listed = await kitsApi.shareList(asCandidate, kit.id);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { links: unknown[] }).links).toHaveLength(1);
    const stranger = await user("candidate");
    expect((await kitsApi.shareRevoke(stranger, kit.id, link.link!.id)).status).toBe(404);
    expect((await kitsApi.shareRevoke(null, kit.id, link.link!.id)).status).toBe(401);
    expect((await kitsApi.shareRevoke(asCandidate, kit.id, link.link!.id)).status).toBe(204);
    // Creating links still needs a recruiter account.
    expect((await kitsApi.shareCreate(asCandidate, kit.id)).status).toBe(403);

    // Back to recruiter: the revoked link stays closed.
    await db().user.update({ where: { id: owner.id }, data: { role: "recruiter" } });
    expect(await getSharedKit(link.token)).toBeNull();
  });
});
