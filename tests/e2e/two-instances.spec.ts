import { randomBytes } from "node:crypto";
import { expect, test, type BrowserContext } from "@playwright/test";
import pg from "pg";
import { startOpenAICompatibleServer, type OpenAICompatibleServer } from "../support/openai-compatible-server";
import { createMigratedPostgresDatabase, REDIS_URL, replyText, sleep, startAppInstance, type AppInstance } from "../support/multi-instance";

/**
 * More than one instance, for real (issue 12): two production app processes (`next start` on the
 * build) share PostgreSQL and Redis. The interview starts on the first (in Chromium), an answer
 * goes to the second while the first resumes its reply stream through Redis, and then the instance
 * streaming a reply is killed mid-way: the answer is kept, the surviving instance repairs the
 * reply when the session is next read (lib/sessions/answer-flow.ts repairLostReply, after
 * LLM_TIMEOUT_MS + 6 s + 15 s), and the candidate goes on there.
 */

const LLM_TIMEOUT_MS = 3_000;
/** lib/sessions/deadlines.ts: a reply unsaved this long after LLM_TIMEOUT_MS + JUDGE_BEFORE_REPLY_MS is lost. */
const LOST_REPLY_MS = 15_000;
const JUDGE_BEFORE_REPLY_MS = 6_000;
// About 30 words, one a chunk, 250 ms apart: a reply streams for ~8 s, long enough to kill mid-way.
const SLOW_REPLY =
  "From the model: thanks, that is a useful start, and I would like to hear a little more about how you would check that behaviour in practice, with an example from a real project you worked on?";

type TurnRow = { seq: number; role: string; kind: string; text: string; engine: string | null; createdAt: Date };

let llm: OpenAICompatibleServer;
let database: Awaited<ReturnType<typeof createMigratedPostgresDatabase>>;
let a: AppInstance;
let b: AppInstance;
let sql: pg.Client;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  llm = await startOpenAICompatibleServer({ modelId: "fake-model", default: { kind: "reply", text: SLOW_REPLY, chunkDelayMs: 250 } });
  database = await createMigratedPostgresDatabase("is_e2e_multi");
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL,
    // The same secret on every instance: a session cookie from one is good on the other.
    AUTH_SECRET: randomBytes(48).toString("base64url"),
    INTERVIEWER_MODEL: "openai:fake-model",
    OPENAI_BASE_URL: llm.url,
    OPENAI_API_KEY: "test-key",
    SCORER_MODEL: "local:rubric",
    LLM_TIMEOUT_MS: String(LLM_TIMEOUT_MS),
    RATE_LIMIT_AUTH_PER_MINUTE: "100",
  };
  [a, b] = await Promise.all([startAppInstance("instance-a", env), startAppInstance("instance-b", env)]);
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
});

test.afterAll(async () => {
  await sql?.end();
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await llm?.close();
  await database?.drop();
});

async function turnsOf(sessionId: string): Promise<TurnRow[]> {
  const { rows } = await sql.query<TurnRow>('SELECT seq, role, kind, text, engine, "createdAt" FROM "Turn" WHERE "sessionId" = $1 ORDER BY seq', [sessionId]);
  return rows;
}

async function stateOf(sessionId: string): Promise<{ currentIndex: number; status: string; questionStatus: string }> {
  const { rows } = await sql.query<{ currentIndex: number; status: string; questionStatus: string }>(
    'SELECT s."currentIndex", s.status, q.status AS "questionStatus" FROM "InterviewSession" s JOIN "SessionQuestion" q ON q."sessionId" = s.id AND q.index = s."currentIndex" WHERE s.id = $1',
    [sessionId],
  );
  return rows[0]!;
}

async function cookieHeader(context: BrowserContext, base: string): Promise<string> {
  return (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Reads an SSE response to the end (or until `until` says stop); returns what arrived. */
async function readSse(res: Response, until?: (sse: string) => boolean): Promise<string> {
  const decoder = new TextDecoder();
  let sse = "";
  const reader = res.body!.getReader();
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      sse += decoder.decode(value, { stream: true });
      if (until?.(sse)) break;
    }
  } catch {
    // the instance died mid-stream: keep what arrived
  } finally {
    reader.releaseLock();
  }
  return sse;
}

test("an interview runs across two instances on PostgreSQL and Redis, and survives the instance streaming a reply being killed", async ({ page, context }) => {
  test.setTimeout(180_000);
  const seqsDense = (turns: TurnRow[]) => turns.every((t, i) => t.seq === i);

  // Sign up and start the interview on instance A, in the browser (cookies are per host, so the
  // same browser is signed in on B too: both instances share AUTH_SECRET).
  const email = `multi-${Date.now().toString(36)}@example.com`;
  await page.goto(`${a.base}/sign-up`);
  await page.getByLabel("Name").fill("Two Instances");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("practice-makes-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/practice/);
  await page.getByLabel("Number of questions").fill("2");
  await page.getByLabel("Interviewer", { exact: true }).selectOption({ label: "LLM interviewer (fake-model)" });
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page).toHaveURL(/\/interview\/[A-Za-z0-9_-]+$/);
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  expect(new URL(page.url()).port).toBe(String(a.port));
  expect(await turnsOf(sessionId)).toHaveLength(1);
  const cookie = await cookieHeader(context, a.base);
  const post = (inst: AppInstance, route: string, body: unknown) =>
    fetch(`${inst.base}/api/interview/${sessionId}/${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(body),
    });

  // 1. Answer on B; while B streams the reply, A resumes the same stream (relayed through Redis).
  const first = await post(b, "chat", { questionIndex: 0, text: "Objects live on the heap and names refer to them.", expectedTurns: 1 });
  expect(first.status).toBe(200);
  const direct = readSse(first);
  await expect.poll(async () => llm.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
  const resumedRes = await fetch(`${a.base}/api/interview/${sessionId}/stream`, { headers: { cookie } });
  expect(resumedRes.status).toBe(200);
  const [directSse, resumedSse] = await Promise.all([direct, readSse(resumedRes)]);
  const directText = replyText(directSse);
  expect(directText.length).toBeGreaterThan(0);
  expect(replyText(resumedSse)).toBe(directText);
  await expect.poll(async () => (await turnsOf(sessionId)).length, { timeout: 10_000 }).toBe(3);
  let turns = await turnsOf(sessionId);
  expect(turns.map((t) => [t.role, t.text])).toEqual([
    ["interviewer", turns[0]!.text],
    ["candidate", "Objects live on the heap and names refer to them."],
    ["interviewer", directText],
  ]);

  // 2. Move on if the interviewer did, then answer on A and kill A while its reply streams.
  if ((await stateOf(sessionId)).questionStatus === "scored") {
    expect((await post(a, "next", { expectedTurns: turns.length })).status).toBe(200);
    turns = await turnsOf(sessionId);
  }
  const state = await stateOf(sessionId);
  const requestsBefore = llm.requests.length;
  const answer = "Reference counting frees objects at once; the cyclic collector handles cycles.";
  const doomed = await post(a, "chat", { questionIndex: state.currentIndex, text: answer, expectedTurns: turns.length });
  expect(doomed.status).toBe(200);
  // Mid-way: the answer is stored, the model is streaming, the reply is not saved yet.
  const partial = await readSse(doomed, (sse) => replyText(sse).split(" ").length >= 4);
  expect(replyText(partial).length).toBeGreaterThan(0);
  expect(llm.requests.length).toBeGreaterThan(requestsBefore);
  await a.kill();
  const afterKill = await turnsOf(sessionId);
  expect(afterKill.at(-1)).toMatchObject({ role: "candidate", text: answer });
  expect(afterKill).toHaveLength(turns.length + 1);
  const answeredAt = afterKill.at(-1)!.createdAt.getTime();

  // 3. B still serves the candidate. Once the reply is overdue, reading the session on B repairs it.
  const wait = answeredAt + LLM_TIMEOUT_MS + JUDGE_BEFORE_REPLY_MS + LOST_REPLY_MS + 1_000 - Date.now();
  if (wait > 0) await sleep(wait);
  await page.goto(`${b.base}/interview/${sessionId}`);
  const transcript = page.getByRole("list", { name: "Interview transcript" });
  await expect(transcript).toContainText(answer);
  const repaired = await turnsOf(sessionId);
  expect(seqsDense(repaired)).toBe(true);
  expect(repaired).toHaveLength(afterKill.length + 1);
  expect(repaired.at(-2)).toMatchObject({ role: "candidate", text: answer });
  expect(repaired.at(-1)).toMatchObject({ role: "interviewer", engine: "offline" });
  // Its first words (the rest may be rendered Markdown: code spans).
  await expect(transcript).toContainText(
    repaired
      .at(-1)!
      .text.split(/[`*_\n]/)[0]!
      .slice(0, 24),
  );

  // 4. The candidate goes on, on B: answer the follow-up, or take the next question, to the end.
  for (let guard = 0; guard < 8; guard++) {
    const now = await stateOf(sessionId);
    const count = (await turnsOf(sessionId)).length;
    if (now.questionStatus === "scored") {
      const res = now.currentIndex === 1 ? await post(b, "finish", {}) : await post(b, "next", { expectedTurns: count });
      expect(res.status, await res.clone().text()).toBe(200);
      if (now.currentIndex === 1) break;
      continue;
    }
    const res = await post(b, "chat", { questionIndex: now.currentIndex, text: "I would measure it with a profiler and compare.", expectedTurns: count });
    expect(res.status).toBe(200);
    expect(replyText(await readSse(res)).length).toBeGreaterThan(0);
    await expect.poll(async () => (await turnsOf(sessionId)).at(-1)!.role, { timeout: 15_000 }).toBe("interviewer");
  }
  expect((await stateOf(sessionId)).status).toBe("finished");
  const final = await turnsOf(sessionId);
  expect(seqsDense(final)).toBe(true);
  // Every answer has the interviewer's reply right after it: nothing was lost.
  final.forEach((t, i) => {
    if (t.role === "candidate") expect(final[i + 1]?.role, `reply to turn ${t.seq}`).toBe("interviewer");
  });
  expect(final.filter((t) => t.role === "candidate").map((t) => t.text)).toContain(answer);
  expect(b.exited()).toBe(false);
});
