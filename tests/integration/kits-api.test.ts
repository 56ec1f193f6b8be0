/**
 * The /api/kits route handlers (app/api/kits/**), called as Next calls them, with the
 * signed-in user (or null) and the Request. Status codes for every role and owner.
 */
import { describe, expect, it, vi } from "vitest";
// Route handlers read the signed-in user from lib/auth/current-user.ts: here, whoever the test names.
vi.mock("../../lib/auth/current-user.ts", async (original) => ({
  ...(await original<typeof import("../../lib/auth/current-user.ts")>()),
  getCurrentUser: (await import("../support/fake-session.ts")).getCurrentUser,
}));
import { kitsApi } from "../support/kits-api.ts";
import type { KitActor } from "../../lib/kits/store.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();

async function user(role: "candidate" | "recruiter"): Promise<KitActor> {
  const u = await db().user.create({ data: { email: uniqueEmail(role), name: role, role } });
  return { id: u.id, role: u.role };
}

const req = (body: unknown, method = "POST", type = "application/json") =>
  new Request("http://localhost/api/kits", { method, headers: { "content-type": type }, body: typeof body === "string" ? body : JSON.stringify(body) });

const INPUT = { level: "mid", minutes: 40, seed: "api" };

async function newKit(owner: KitActor) {
  const res = await kitsApi.create(owner, req(INPUT));
  expect(res.status).toBe(201);
  return ((await res.json()) as { script: { id: string; version: number; content: Record<string, unknown> } }).script;
}

describe(`/api/kits handlers on ${TEST_PROVIDER}`, () => {
  it("POST /api/kits: 201 for a recruiter, 400 with field errors, 415 not JSON, 401 signed out, 403 for a candidate", async () => {
    const r = await user("recruiter");
    const res = await kitsApi.create(r, req(INPUT));
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { script: kit } = await res.json();
    expect(res.headers.get("location")).toBe(`/kits/${kit.id}`);
    expect(kit.content.totalMinutes).toBe(40);

    const bad = await kitsApi.create(r, req({ level: "mid", minutes: 1000 }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.minutes).toMatch(/at most 240/);
    expect((await kitsApi.create(r, req("{not json"))).status).toBe(400);
    const wrongType = await kitsApi.create(r, req(INPUT, "POST", "text/plain"));
    expect(wrongType.status).toBe(415);
    expect((await wrongType.json()).error.message).toMatch(/JSON/);
    const huge = await kitsApi.create(r, req({ ...INPUT, jobDescription: "x".repeat(600_000) }));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toMatch(/too large \(the limit is 512 kB\)/);

    expect((await kitsApi.create(null, req(INPUT))).status).toBe(401);
    const candidate = await user("candidate");
    expect((await kitsApi.create(candidate, req("{not json"))).status).toBe(403);
    const forbidden = await kitsApi.create(candidate, req(INPUT));
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.message).toMatch(/recruiter.*Settings/);
  });

  it("every kit route: 200 for the owner, 404 for another recruiter, 403 for a candidate, 401 signed out", async () => {
    const owner = await user("recruiter");
    const other = await user("recruiter");
    const candidate = await user("candidate");
    const kit = await newKit(owner);
    const linkRes = await kitsApi.shareCreate(owner, kit.id);
    const { link } = await linkRes.json();
    const cardRes = await kitsApi.scorecardCreate(owner, kit.id, req({ candidateName: "Ada", scriptVersion: 1, entries: [] }));
    expect(cardRes.status).toBe(201);
    const { scorecard } = await cardRes.json();

    const routes: Array<[string, (u: KitActor | null) => Promise<Response>, number]> = [
      ["GET /api/kits/:id", (u) => kitsApi.get(u, kit.id), 200],
      ["PUT /api/kits/:id", (u) => kitsApi.save(u, kit.id, req({ version: 1, content: kit.content }, "PUT")), 200],
      ["GET export md", (u) => kitsApi.exportKit(u, kit.id, "md"), 200],
      ["GET export json", (u) => kitsApi.exportKit(u, kit.id, "json"), 200],
      ["GET revisions", (u) => kitsApi.revisions(u, kit.id), 200],
      ["POST revisions (restore)", (u) => kitsApi.restore(u, kit.id, req({ version: 1 })), 200],

      ["POST share", (u) => kitsApi.shareCreate(u, kit.id), 201],
      ["GET scorecards", (u) => kitsApi.scorecardList(u, kit.id), 200],
      ["POST scorecards", (u) => kitsApi.scorecardCreate(u, kit.id, req({ candidateName: "Bo", scriptVersion: 1, entries: [] })), 201],
      ["GET scorecard", (u) => kitsApi.scorecardGet(u, kit.id, scorecard.id), 200],
      ["GET scorecards export", (u) => kitsApi.scorecardExport(u, kit.id, "csv"), 200],
    ];
    // The owner's share links: listed and revoked by ownership alone (an owner who switched to a
    // candidate account can still revoke: tests/integration/share-links.test.ts), so a candidate
    // who is not the owner gets the same 404 as another recruiter.
    expect((await kitsApi.shareList(null, kit.id)).status).toBe(401);
    expect((await kitsApi.shareList(candidate, kit.id)).status).toBe(404);
    expect((await kitsApi.shareList(other, kit.id)).status).toBe(404);
    expect((await kitsApi.shareList(owner, kit.id)).status).toBe(200);
    for (const [name, call, ownerStatus] of routes) {
      expect((await call(null)).status, `${name} signed out`).toBe(401);
      expect((await call(candidate)).status, `${name} candidate`).toBe(403);
      const strangers = await call(other);
      expect(strangers.status, `${name} other recruiter`).toBe(404);
      expect(await strangers.json()).toEqual({ error: { code: "not_found", message: expect.stringMatching(/not found/) } });
      expect((await call(owner)).status, `${name} owner`).toBe(ownerStatus);
    }
    // Deletes last.
    for (const [name, call] of [
      ["DELETE share link", (u: KitActor | null) => kitsApi.shareRevoke(u, kit.id, link.id)],
      ["DELETE scorecard", (u: KitActor | null) => kitsApi.scorecardDelete(u, kit.id, scorecard.id)],
      ["DELETE kit", (u: KitActor | null) => kitsApi.remove(u, kit.id)],
    ] as const) {
      expect((await call(null)).status, name).toBe(401);
      expect((await call(candidate)).status, name).toBe(name === "DELETE share link" ? 404 : 403);
      expect((await call(other)).status, name).toBe(404);
      expect((await call(owner)).status, name).toBe(204);
    }
    expect((await kitsApi.get(owner, kit.id)).status).toBe(404);
  });

  it("PUT saves with the version it started from; a stale version gets 409; a plan that does not fit gets 400", async () => {
    const r = await user("recruiter");
    const kit = await newKit(r);
    const content = { ...kit.content, notes: "hello" };
    const ok = await kitsApi.save(r, kit.id, req({ version: 1, content, note: "notes" }, "PUT"));
    expect(ok.status).toBe(200);
    expect((await ok.json()).script.version).toBe(2);
    const stale = await kitsApi.save(r, kit.id, req({ version: 1, content }, "PUT"));
    expect(stale.status).toBe(409);
    const questions = (kit.content.questions as Array<{ minutes: number }>).map((q, i) => (i === 0 ? { ...q, minutes: q.minutes + 1 } : q));
    const overfull = await kitsApi.save(r, kit.id, req({ version: 2, content: { ...content, questions } }, "PUT"));
    expect(overfull.status).toBe(400);
    expect((await overfull.json()).error.message).toMatch(/no longer fits/);
    expect((await kitsApi.save(r, kit.id, req({ version: 2 }, "PUT"))).status).toBe(400);
  });

  it("exports: Markdown and JSON downloads with file names; unknown formats are 400", async () => {
    const r = await user("recruiter");
    const kit = await newKit(r);
    const md = await kitsApi.exportKit(r, kit.id, "md");
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(md.headers.get("content-disposition")).toMatch(/^attachment; filename="mid-level-python-engineer\.md"$/);
    expect(await md.text()).toMatch(/^# Mid-level Python engineer\n/);
    const json = await kitsApi.exportKit(r, kit.id, "json");
    expect(JSON.parse(await json.text())).toEqual(kit.content);
    expect((await kitsApi.exportKit(r, kit.id, "docx")).status).toBe(400);
    await kitsApi.scorecardCreate(r, kit.id, req({ candidateName: "Ada", scriptVersion: 1, entries: [], recommendation: "hire" }));
    const csv = await kitsApi.scorecardExport(r, kit.id, "csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toMatch(/^scorecard_id,candidate,.*\r\n.*,Ada,.*,Hire,/s);
    expect((await kitsApi.scorecardExport(r, kit.id, "md")).status).toBe(200);
    expect(JSON.parse(await (await kitsApi.scorecardExport(r, kit.id, "json")).text()).scorecards).toHaveLength(1);
  });

  it("share: the token appears once, in the create response's path, and never in listings", async () => {
    const r = await user("recruiter");
    const kit = await newKit(r);
    const res = await kitsApi.shareCreate(r, kit.id);
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { link } = await res.json();
    expect(link.path).toMatch(/^\/share\/[A-Za-z0-9_-]{43}$/);
    const token = link.path.slice("/share/".length);
    const listed = await (await kitsApi.shareList(r, kit.id)).text();
    expect(listed).not.toContain(token);
    expect(JSON.parse(listed).links[0]).toEqual({ id: link.id, version: 1, createdAt: expect.any(String), expiresAt: expect.any(String), revokedAt: null });
  });
});
