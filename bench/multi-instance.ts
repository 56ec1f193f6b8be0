/**
 * Load benchmark of two app instances on PostgreSQL and Redis (issue 12), against the production
 * build (`.next`, or NEXT_DIST_DIR):
 *
 *   node bench/multi-instance.ts [--candidates 50] [--questions 5] [--seconds 10] [--record]
 *
 * Makes a fresh PostgreSQL database (migrated), starts two `next start` processes sharing it and
 * Redis (same AUTH_SECRET, the offline interviewer, rate limits out of the way), and then:
 *
 *   (1) --candidates candidates sign up on one instance and sign in on the other (HTTP, next-auth
 *       credentials flow); each gets a session of --questions questions (the memory-model question,
 *       created by the session service on the same database, as bench/interview.ts does);
 *   (2) all candidates at once go through their whole interview: three scripted answers per
 *       question (probe, probe, move on: tests/support/interview-fixtures.ts), reading each reply
 *       stream to the end, "next question", and "finish" at the end; every request goes to the
 *       other instance than the candidate's previous one;
 *   (3) the same number of concurrent clients call GET /api/health on both instances for --seconds.
 *
 * Reports errors (any non-2xx or incomplete reply stream: must be 0), lost turns (every session
 * finished, with every answer and reply in the database, seqs dense: must be 0), interview
 * requests/s against health requests/s as a ratio, and answer latency. --record appends the results
 * to bench/RESULTS.md. Loopback only; every loop is bounded.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { registerHooks } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    candidates: { type: "string", default: "50" },
    questions: { type: "string", default: "5" },
    seconds: { type: "string", default: "10" },
    record: { type: "boolean", default: false },
  },
});
const CANDIDATES = Math.max(1, Math.min(200, Number(args.candidates)));
const QUESTIONS = Math.max(1, Math.min(10, Number(args.questions)));
const SECONDS = Math.max(1, Math.min(120, Number(args.seconds)));
const ANSWERS_PER_QUESTION = 3;

// The session service is server code ("server-only"): outside Next, the marker module is empty.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "server-only") return { url: "data:text/javascript,export{}", format: "module", shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

const { createMigratedPostgresDatabase, hasBuild, buildDir, REDIS_URL, replyText, signUpAndIn, startAppInstance } =
  await import("../tests/support/multi-instance.ts");
if (!hasBuild()) {
  console.error(`No production build in ${buildDir()}: run \`next build\` first (NEXT_DIST_DIR to build elsewhere).`);
  process.exit(1);
}

const loadAtStart = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(", ");
const database = await createMigratedPostgresDatabase("is_bench_multi");
for (const name of ["INTERVIEWER_MODEL", "SCORER_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "AI_TEST_MODELS"]) delete process.env[name];
// This process writes sessions on the same database.
process.env.DATABASE_URL = database.url;
const env = {
  DATABASE_URL: database.url,
  REDIS_URL,
  AUTH_SECRET: randomBytes(48).toString("base64url"),
  RATE_LIMIT_ANSWERS_PER_MINUTE: "1000000000",
  RATE_LIMIT_AUTH_PER_MINUTE: "100000",
};

const { MEMORY_QUESTION, PARTIAL_MEMORY_ANSWER, REFCOUNT_MEMORY_ANSWER, CYCLIC_MEMORY_ANSWER } = await import("../tests/support/interview-fixtures.ts");
const SCRIPT = [PARTIAL_MEMORY_ANSWER, REFCOUNT_MEMORY_ANSWER, CYCLIC_MEMORY_ANSWER];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : "n/a");
const describeError = (error: unknown) =>
  error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error);

const instances = await Promise.all([startAppInstance("bench-a", env), startAppInstance("bench-b", env)]);
let exitCode = 0;
try {
  const { startSession } = await import("../lib/sessions/service.ts");
  const { db } = await import("../lib/db/client.ts");

  // (1) Candidates and their sessions.
  type Candidate = { n: number; cookie: string; sessionId: string; turns: number; requests: number };
  const candidates: Candidate[] = [];
  const stamp = Date.now().toString(36);
  for (let start = 0; start < CANDIDATES; start += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, CANDIDATES - start) }, async (_, k) => {
        const n = start + k;
        const who = { name: `Bench ${n}`, email: `bench-multi-${stamp}-${n}@example.com`, password: "bench-password-1" };
        const { userId, jar } = await signUpAndIn(instances[n % 2]!.base, instances[(n + 1) % 2]!.base, who);
        const { id } = await startSession(userId, { questionIds: Array(QUESTIONS).fill(MEMORY_QUESTION), mode: "practice", seed: `bench-${n}` });
        return { n, cookie: jar.header(), sessionId: id, turns: 1, requests: 0 };
      }),
    );
    candidates.push(...batch);
  }

  // (2) Every candidate through the whole interview at once, alternating instances.
  let errors = 0;
  const errorSamples: string[] = [];
  const answerMs: number[] = [];
  let requests = 0;
  const fail = (what: string) => {
    errors += 1;
    if (errorSamples.length < 5) errorSamples.push(what);
  };
  const call = async (c: Candidate, route: string, body: unknown): Promise<Response> => {
    const inst = instances[(c.n + c.requests++) % 2]!;
    requests += 1;
    return fetch(`${inst.base}/api/interview/${c.sessionId}/${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: c.cookie },
      body: JSON.stringify(body),
    });
  };
  const interview = async (c: Candidate) => {
    for (let q = 0; q < QUESTIONS; q++) {
      for (const text of SCRIPT) {
        const t0 = performance.now();
        const res = await call(c, "chat", { questionIndex: q, text, expectedTurns: c.turns, timeUp: false });
        const sse = await res.text();
        if (res.status !== 200 || !sse.includes('"type":"text-end"') || sse.includes('"type":"error"') || !replyText(sse)) {
          return fail(`candidate ${c.n} answer ${q}.${SCRIPT.indexOf(text)}: ${res.status} ${sse.slice(0, 200)}`);
        }
        answerMs.push(performance.now() - t0);
        c.turns += 2;
        // The reply is saved right after its stream ends: the next answer must see it.
        for (let i = 0; i < 100 && (await db().turn.count({ where: { sessionId: c.sessionId } })) < c.turns; i++) await new Promise((r) => setTimeout(r, 10));
      }
      const last = q === QUESTIONS - 1;
      const res = await call(c, last ? "finish" : "next", last ? {} : { expectedTurns: c.turns });
      const body = await res.text();
      if (res.status !== 200) return fail(`candidate ${c.n} ${last ? "finish" : "next"} ${q}: ${res.status} ${body.slice(0, 200)}`);
      c.turns += 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(candidates.map((c) => interview(c).catch((error) => fail(`candidate ${c.n}: ${describeError(error)}`))));
  const interviewSeconds = (performance.now() - t0) / 1000;
  const interviewRps = requests / interviewSeconds;

  // Lost turns: every session finished with all its turns, seqs dense, every answer followed by its reply.
  const expectedTurns = 1 + QUESTIONS * ANSWERS_PER_QUESTION * 2 + (QUESTIONS - 1) + 1;
  let lostTurns = 0;
  let unfinished = 0;
  for (const c of candidates) {
    const [session, turns] = await Promise.all([
      db().interviewSession.findUniqueOrThrow({ where: { id: c.sessionId }, select: { status: true } }),
      db().turn.findMany({ where: { sessionId: c.sessionId }, orderBy: { seq: "asc" }, select: { seq: true, role: true } }),
    ]);
    if (session.status !== "finished") unfinished += 1;
    lostTurns += Math.max(0, expectedTurns - turns.length);
    turns.forEach((t, i) => {
      if (t.seq !== i) lostTurns += 1;
      if (t.role === "candidate" && turns[i + 1]?.role !== "interviewer") lostTurns += 1;
    });
  }

  // (3) The trivial route under the same concurrency, on both instances.
  let healthRequests = 0;
  let healthErrors = 0;
  const h0 = performance.now();
  const deadline = h0 + SECONDS * 1000;
  await Promise.all(
    candidates.map(async (c) => {
      let i = c.n;
      while (performance.now() < deadline) {
        try {
          const res = await fetch(`${instances[i++ % 2]!.base}/api/health`);
          await res.arrayBuffer();
          if (res.ok) healthRequests += 1;
          else healthErrors += 1;
        } catch {
          healthErrors += 1;
        }
      }
    }),
  );
  const healthRps = healthRequests / ((performance.now() - h0) / 1000);

  const sorted = [...answerMs].sort((x, y) => x - y);
  const result = {
    candidates: CANDIDATES,
    questions: QUESTIONS,
    answers: answerMs.length,
    requests,
    interviewSeconds,
    interviewRps,
    healthRps,
    ratio: interviewRps / healthRps,
    errors,
    healthErrors,
    lostTurns,
    unfinished,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
  };
  console.log(JSON.stringify(result, null, 2));
  if (errorSamples.length) console.log(`error samples:\n  ${errorSamples.join("\n  ")}`);
  for (const inst of instances) if (inst.exited()) console.log(`${inst.name} exited:\n${inst.logText().slice(-2000)}`);
  if (errors || lostTurns || unfinished || healthErrors) exitCode = 1;

  if (args.record) {
    const cpu = os.cpus();
    appendFileSync(
      path.join(root, "bench/RESULTS.md"),
      [
        "",
        "## Two instances on PostgreSQL and Redis",
        "",
        "`node bench/multi-instance.ts` (`--candidates`, `--questions`, `--seconds`, `--record`): two `next start`",
        "processes on one production build, one PostgreSQL database and Redis (resumable reply streams and rate",
        "limits shared), the offline interviewer. Every candidate signs up on one instance and signs in on the other,",
        "then all go through a whole interview at once (three answers a question, each reply stream read to the end,",
        "next question, finish), every request to the other instance than the previous one. Then the same number of",
        "clients call `GET /api/health` on both instances.",
        "",
        `- **Date:** ${new Date().toISOString().slice(0, 10)}`,
        `- **Machine:** ${cpu.length} cores (${cpu[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average at start ${loadAtStart} (a shared machine)`,
        "",
        "| measure | result | budget |",
        "|---|---|---|",
        `| candidates at once × questions | ${CANDIDATES} × ${QUESTIONS} (${result.answers} answers, ${requests} interview requests) | 50 candidates |`,
        `| errors (non-2xx or broken reply stream) | ${errors} | 0 |`,
        `| lost turns (answers or replies missing, seq gaps) / sessions not finished | ${lostTurns} / ${unfinished} | 0 / 0 |`,
        `| interview requests/s (answers with their whole reply, next, finish) | ${interviewRps.toFixed(1)} | |`,
        `| \`GET /api/health\` requests/s, same concurrency | ${healthRps.toFixed(1)} | |`,
        `| ratio interview / health | ${result.ratio.toFixed(2)} | |`,
        `| answer to end of reply stream, p50 / p95 / max | ${ms(result.p50)} / ${ms(result.p95)} / ${ms(result.max)} | |`,
        `| whole run of the interviews | ${interviewSeconds.toFixed(1)} s | |`,
        "",
      ].join("\n"),
    );
    console.log("recorded in bench/RESULTS.md");
  }
} catch (error) {
  console.error(describeError(error));
  exitCode = 1;
} finally {
  await Promise.allSettled(instances.map((i) => i.stop()));
  try {
    const { db } = await import("../lib/db/client.ts");
    await db().$disconnect();
  } catch {
    /* never connected */
  }
  await database.drop();
}
process.exit(exitCode);
