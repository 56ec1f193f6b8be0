/**
 * Per-user quotas on recruiter data (issue 12): kits, saved versions per kit, scorecards and
 * open share links, set by QUOTA_* (lib/env.ts). Reaching one is a 409 that says which limit and
 * what to do; deleting (or revoking) makes room again. One user's use never counts against another.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
// Route handlers read the signed-in user from lib/auth/current-user.ts: here, whoever the test names.
vi.mock("../../lib/auth/current-user.ts", async (original) => ({
  ...(await original<typeof import("../../lib/auth/current-user.ts")>()),
  getCurrentUser: (await import("../support/fake-session.ts")).getCurrentUser,
}));
import { parseEnv, resetEnvForTests } from "../../lib/env.ts";
import type { KitActor } from "../../lib/kits/store.ts";
import { kitsApi } from "../support/kits-api.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();
const QUOTAS = { QUOTA_SCRIPTS: "2", QUOTA_REVISIONS_PER_SCRIPT: "3", QUOTA_SCORECARDS: "2", QUOTA_SHARE_LINKS: "2" };

function setQuotas() {
  Object.assign(process.env, QUOTAS);
  resetEnvForTests();
}
afterEach(() => {
  for (const k of Object.keys(QUOTAS)) delete process.env[k];
  resetEnvForTests();
});

async function recruiter(): Promise<KitActor> {
  const u = await db().user.create({ data: { email: uniqueEmail("quota"), name: "q", role: "recruiter" } });
  return { id: u.id, role: u.role };
}
const req = (body: unknown, method = "POST") =>
  new Request("http://localhost/api/kits", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

type Kit = { id: string; version: number; content: Record<string, unknown> };
async function create(r: KitActor) {
  return kitsApi.create(r, req({ level: "mid", minutes: 30, seed: "quota" }));
}
async function expectQuota(res: Response, message: RegExp) {
  expect(res.status).toBe(409);
  expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
}

describe(`quotas on ${TEST_PROVIDER}`, () => {
  it("defaults are generous and documented; bad values stop the server naming the variable", () => {
    const e = parseEnv({});
    expect([e.QUOTA_SCRIPTS, e.QUOTA_REVISIONS_PER_SCRIPT, e.QUOTA_SCORECARDS, e.QUOTA_SHARE_LINKS, e.SHARE_LINK_EXPIRY_DAYS]).toEqual([
      200, 500, 2000, 50, 30,
    ]);
    expect(() => parseEnv({ QUOTA_SCRIPTS: "0" })).toThrow(/QUOTA_SCRIPTS/);
    expect(() => parseEnv({ QUOTA_SHARE_LINKS: "lots" })).toThrow(/QUOTA_SHARE_LINKS/);
  });

  it("kits, versions, scorecards and share links stop at the limit with a clear 409, per user", async () => {
    setQuotas();
    const r = await recruiter();
    const first = (await (await create(r)).json()) as { script: Kit };
    expect((await create(r)).status).toBe(201);
    await expectQuota(await create(r), /limit of 2 kits/);
    // Another recruiter has their own allowance.
    expect((await create(await recruiter())).status).toBe(201);
    // Deleting makes room.
    expect((await kitsApi.remove(r, first.script.id)).status).toBe(204);
    const { script: kit } = (await (await create(r)).json()) as { script: Kit };

    // Saved versions: version 1 plus two saves make three.
    for (const version of [1, 2]) {
      expect((await kitsApi.save(r, kit.id, req({ version, content: kit.content }, "PUT"))).status).toBe(200);
    }
    await expectQuota(await kitsApi.save(r, kit.id, req({ version: 3, content: kit.content }, "PUT")), /limit of 3 saved versions of this kit/);
    await expectQuota(await kitsApi.restore(r, kit.id, req({ version: 1 })), /limit of 3 saved versions/);
    expect(await db().scriptRevision.count({ where: { scriptId: kit.id } })).toBe(3);

    // Scorecards, over all the user's kits.
    for (let i = 0; i < 2; i++) {
      expect((await kitsApi.scorecardCreate(r, kit.id, req({ candidateName: `C${i}`, scriptVersion: 1, entries: [] }))).status).toBe(201);
    }
    await expectQuota(await kitsApi.scorecardCreate(r, kit.id, req({ candidateName: "C3", scriptVersion: 1, entries: [] })), /limit of 2 scorecards/);

    // Open share links: revoked ones do not count.
    const links: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await kitsApi.shareCreate(r, kit.id);
      expect(res.status).toBe(201);
      links.push(((await res.json()) as { link: { id: string } }).link.id);
    }
    await expectQuota(await kitsApi.shareCreate(r, kit.id), /limit of 2 open share links \(revoke some first\)/);
    expect((await kitsApi.shareRevoke(r, kit.id, links[0]!)).status).toBe(204);
    expect((await kitsApi.shareCreate(r, kit.id)).status).toBe(201);
    // Expired links do not count either.
    await db().shareLink.updateMany({ where: { id: links[1] }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await kitsApi.shareCreate(r, kit.id)).status).toBe(201);
  });
});
