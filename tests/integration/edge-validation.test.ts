/**
 * What PostgreSQL cannot store is refused at the edge (issue 12): integers above 2^31 - 1 and NUL
 * characters in text used to reach the driver and give 500s there (SQLite took them). Both
 * databases now answer the same 400 with a clear message, or a 404 for an id no row can have.
 */
import { describe, expect, it, vi } from "vitest";
// Route handlers read the signed-in user from lib/auth/current-user.ts: here, whoever the test names.
vi.mock("../../lib/auth/current-user.ts", async (original) => ({
  ...(await original<typeof import("../../lib/auth/current-user.ts")>()),
  getCurrentUser: (await import("../support/fake-session.ts")).getCurrentUser,
}));
import { POST as signUpRoute } from "../../app/api/auth/sign-up/route.ts";
import { authenticate } from "../../lib/auth/users.ts";
import { exportSessionResponse } from "../../lib/sessions/export-response.ts";
import { ownsSession } from "../../lib/sessions/queries.ts";
import { deleteSession } from "../../lib/sessions/service.ts";
import { getTranscript } from "../../lib/sessions/transcript.ts";
import { KitError } from "../../lib/kits/errors.ts";
import { getKit, getSharedKit, type KitActor } from "../../lib/kits/store.ts";
import { kitsApi } from "../support/kits-api.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();
const NUL = "\u0000";
const BIG = [2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER];

async function recruiter(): Promise<KitActor> {
  const u = await db().user.create({ data: { email: uniqueEmail("edge"), name: "edge", role: "recruiter" } });
  return { id: u.id, role: u.role };
}

const req = (body: unknown, method = "POST") =>
  new Request("http://localhost/api/kits", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function expect400(res: Response, message: RegExp) {
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
}

describe(`edge validation on ${TEST_PROVIDER}`, () => {
  it("kits: versions above 2^31 - 1 and NUL characters are a 400 naming the problem", async () => {
    const r = await recruiter();
    const created = await kitsApi.create(r, req({ level: "mid", minutes: 30, seed: "edge" }));
    expect(created.status).toBe(201);
    const { script: kit } = (await created.json()) as {
      script: { id: string; content: { title: string; notes: string; questions: Array<{ notes: string }> } };
    };

    for (const big of BIG) {
      await expect400(await kitsApi.save(r, kit.id, req({ version: big, content: kit.content }, "PUT")), /version must be at most 2147483647/);
      await expect400(await kitsApi.restore(r, kit.id, req({ version: big })), /Say which version/);
      await expect400(
        await kitsApi.scorecardCreate(r, kit.id, req({ candidateName: "Ada", scriptVersion: big, entries: [] })),
        /scriptVersion must be at most 2147483647/,
      );
    }

    const nul = /NUL characters/;
    await expect400(await kitsApi.create(r, req({ level: "mid", minutes: 30, title: `Backend${NUL}` })), nul);
    await expect400(await kitsApi.save(r, kit.id, req({ version: 1, content: { ...kit.content, title: `T${NUL}` } }, "PUT")), nul);
    await expect400(await kitsApi.save(r, kit.id, req({ version: 1, content: { ...kit.content, notes: NUL } }, "PUT")), nul);
    const questions = kit.content.questions.map((q, i) => (i === 0 ? { ...q, notes: `x${NUL}y` } : q));
    await expect400(await kitsApi.save(r, kit.id, req({ version: 1, content: { ...kit.content, questions } }, "PUT")), nul);
    await expect400(await kitsApi.save(r, kit.id, req({ version: 1, content: kit.content, note: NUL }, "PUT")), nul);
    await expect400(await kitsApi.scorecardCreate(r, kit.id, req({ candidateName: `Ada${NUL}`, scriptVersion: 1, entries: [] })), nul);
    await expect400(await kitsApi.scorecardCreate(r, kit.id, req({ candidateName: "Ada", scriptVersion: 1, entries: [], notes: NUL })), nul);

    // Ids in the address.
    for (const bad of [`${kit.id}${NUL}`, NUL, "x".repeat(65), "../etc"]) {
      await expect400(await kitsApi.get(r, bad), /id in the address/);
      await expect400(await kitsApi.save(r, bad, req({ version: 1, content: kit.content }, "PUT")), /id in the address/);
      await expect400(await kitsApi.shareRevoke(r, kit.id, bad), /id in the address/);
      await expect400(await kitsApi.scorecardGet(r, kit.id, bad), /id in the address/);
      // Pages call the store directly: the same id is nobody's kit.
      await expect(getKit(r, bad)).rejects.toMatchObject({ code: "not-found" } satisfies Partial<KitError>);
    }
    expect(await getSharedKit(`${"a".repeat(42)}${NUL}`)).toBeNull();

    // Nothing was written by any of it.
    expect(await db().script.count({ where: { ownerId: r.id } })).toBe(1);
    expect(await db().scriptRevision.count({ where: { scriptId: kit.id } })).toBe(1);
    expect(await db().scorecard.count({ where: { scriptId: kit.id } })).toBe(0);
  });

  it("sign-up and sign-in: NUL characters are a 400 (sign-up) or a plain failure (sign-in), never a driver error", async () => {
    const signUp = (body: unknown) =>
      signUpRoute(
        new Request("http://localhost/api/auth/sign-up", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      );
    for (const body of [
      { name: `Ada${NUL}`, email: uniqueEmail("nul"), password: "correct horse 1" },
      { name: "Ada", email: `a${NUL}${uniqueEmail("nul")}`, password: "correct horse 1" },
      { name: "Ada", email: uniqueEmail("nul"), password: `correct horse 1${NUL}` },
    ]) {
      const res = await signUp(body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toMatch(/NUL characters|valid email/);
    }
    expect(await authenticate({ email: `ada${NUL}@example.com`, password: "whatever 1" }, "127.0.0.9")).toBeNull();
    expect(await authenticate({ email: "ada@example.com", password: `whatever${NUL}` }, "127.0.0.9")).toBeNull();
  });

  it("review: a session id with NUL or other impossible characters is nobody's session (404)", async () => {
    const u = await db().user.create({ data: { email: uniqueEmail("review"), name: "r" } });
    for (const bad of [`c123${NUL}`, NUL, "a b", "x".repeat(65)]) {
      expect(await getTranscript(u.id, bad)).toBeNull();
      expect(await ownsSession(u.id, bad)).toBe(false);
      expect((await exportSessionResponse(u.id, bad, "json")).status).toBe(404);
      expect(await deleteSession(u.id, bad)).toBe(false);
    }
  });
});
