/**
 * No N+1: the review queries issue the same number of SQL statements for a user with a few
 * sessions as for a user with many. Counted with Prisma's query log on a client of our own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient as PostgresClient } from "../../generated/postgresql/client.ts";
import { PrismaClient as SqliteClient } from "../../generated/sqlite/client.ts";
import { createAdapterFactory } from "../../lib/db/adapters.ts";
import { setDbForTests, type Db } from "../../lib/db/client.ts";
import { clearProgressCache, getProgress } from "../../lib/sessions/progress.ts";
import { getAttempts, getProgressRows, listSessions, listSessionTopics } from "../../lib/sessions/queries.ts";
import { getTranscript } from "../../lib/sessions/transcript.ts";
import { createSeedUser, seedSessions, type SeededSession } from "../support/seed-sessions.ts";
import { createTestDatabase, TEST_PROVIDER, uniqueEmail } from "../support/test-db.ts";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Db;
let queries = 0;

let few: { user: string; sessions: SeededSession[] };
let many: { user: string; sessions: SeededSession[] };

beforeAll(async () => {
  handle = await createTestDatabase();
  const options = { adapter: createAdapterFactory(handle.target) as never, log: [{ emit: "event" as const, level: "query" as const }] };
  client = (handle.target.provider === "postgresql" ? new PostgresClient(options) : new SqliteClient(options)) as unknown as Db;
  (client as unknown as { $on(e: "query", cb: () => void): void }).$on("query", () => queries++);
  await setDbForTests(handle.target, client);
  const u1 = await createSeedUser(client, uniqueEmail("few"));
  const u2 = await createSeedUser(client, uniqueEmail("many"));
  few = {
    user: u1.id,
    sessions: await seedSessions(client, { userId: u1.id, count: 3, seed: 1, questionIds: ["python-memory-model", "python-gil", "python-slots"] }),
  };
  many = {
    user: u2.id,
    sessions: await seedSessions(client, {
      userId: u2.id,
      count: 60,
      seed: 2,
      questionIds: ["python-memory-model", "python-gil", "python-slots", "python-decorators"],
    }),
  };
});

afterAll(async () => {
  await client?.$disconnect();
  await handle?.drop();
});

async function count(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm up (a first call may prepare statements)
  queries = 0;
  await fn();
  return queries;
}

describe(`query counts on ${TEST_PROVIDER}`, () => {
  it("issues as many statements for 60 sessions as for 3, on every review query", async () => {
    const cases: Array<[string, (u: typeof few) => () => Promise<unknown>]> = [
      ["list", (u) => () => listSessions(u.user, { page: 1 })],
      ["list filtered", (u) => () => listSessions(u.user, { page: 1, topic: "Concurrency & Async", minScore: 0, maxScore: 100 })],
      ["topics", (u) => () => listSessionTopics(u.user)],
      ["transcript", (u) => () => getTranscript(u.user, u.sessions[0]!.id)],
      [
        "attempts",
        (u) => async () => {
          const t = await getTranscript(u.user, u.sessions[0]!.id);
          return getAttempts(u.user, t!);
        },
      ],
      ["progress rows", (u) => () => getProgressRows(u.user)],
      [
        "progress view, uncached",
        (u) => async () => {
          clearProgressCache();
          return getProgress(u.user);
        },
      ],
    ];
    for (const [name, make] of cases) {
      const small = await count(make(few));
      const large = await count(make(many));
      expect({ name, large }).toEqual({ name, large: small });
      expect(small, name).toBeGreaterThan(0);
      expect(small, name).toBeLessThanOrEqual(8);
    }
  });
});

describe(`a heavy user on ${TEST_PROVIDER}`, () => {
  it("with 1,100 sessions, every review query still works (no parameter-limit failures)", async () => {
    const u = await createSeedUser(client, uniqueEmail("heavy"));
    const seeded = await seedSessions(client, {
      userId: u.id,
      count: 1100,
      seed: 5,
      questionsPerSession: 1,
      questionIds: ["python-memory-model", "python-gil"],
    });
    expect((await listSessions(u.id, { page: 55 })).items).toHaveLength(20);
    expect((await listSessionTopics(u.id)).length).toBeGreaterThan(0);
    const t = (await getTranscript(u.id, seeded[0]!.id))!;
    expect((await getAttempts(u.id, t)).get(t.questions[0]!.id)!.attempts).toHaveLength(550);
    clearProgressCache();
    const p = await getProgress(u.id);
    expect(p.summary.sessions).toBe(1100);
    await client.interviewSession.update({ where: { id: seeded[3]!.id }, data: { version: { increment: 1 } } });
    expect((await getProgress(u.id)).summary.sessions).toBe(1100);
  }, 120_000);
});
