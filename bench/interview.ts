/**
 * Interview benchmark against the production build (run `npx next build` first):
 *
 *   node bench/interview.ts [--clients 8] [--seconds 20] [--answers 100] [--record] [--identity] [--compare-encoding] [--keep]
 *
 * Starts `next start` on a free loopback port with a fresh DATA_DIR (SQLite, migrated), the offline
 * interviewer and the answer rate limit set out of the way; signs up and signs in over HTTP (the
 * next-auth credentials flow, cookies kept); creates interview sessions by calling the session
 * service directly on the same SQLite file; then measures
 *
 *   (a) first-token latency of the offline interviewer: from POST /api/interview/<id>/chat to the
 *       first `text-delta` chunk of the SSE body, sequentially, p50/p95 over --answers answers
 *       (budget: p50 < 100 ms);
 *   (b) answer throughput: --clients concurrent clients answering their own sessions for --seconds,
 *       each reading the whole reply stream, against GET /api/health under the same concurrency;
 *       requests/s of both and their ratio, errors (must be 0), and lost turns (every accepted
 *       answer must have its candidate turn and the interviewer's reply in the database: must be 0).
 *
 * Every answer is to the bank's memory-model question (ten per session) with the three scripted
 * answers of tests/support/interview-fixtures.ts, so the offline turn policy's path is known:
 * probe, probe, move on, then "Next question". --record appends the results to bench/RESULTS.md;
 * --identity asks for uncompressed reply streams; --compare-encoding then alternates uncompressed and
 * gzip load phases on the same server; --keep keeps the data folder (and server log).
 * Loopback only; every loop is bounded by time or by the sessions created up front.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, rmSync, createWriteStream } from "node:fs";
import { registerHooks } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { type Jar, freePort, signUpAndIn, sleep } from "../tests/support/multi-instance.ts";

// One bench user starts many interviews: the per-user session quotas would stop it (they have their own tests).
process.env.QUOTA_ACTIVE_SESSIONS ??= "1000000";
process.env.QUOTA_SESSIONS_PER_DAY ??= "1000000";

const root = path.resolve(import.meta.dirname, "..");

const { values: args } = parseArgs({
  options: {
    clients: { type: "string", default: "8" },
    seconds: { type: "string", default: "20" },
    answers: { type: "string", default: "100" },
    record: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    /** Ask for uncompressed reply streams (browsers ask for gzip; this shows what compression costs). */
    identity: { type: "boolean", default: false },
    /** After the main load phase, alternate uncompressed and gzip phases on the same server (4 × --seconds more). */
    "compare-encoding": { type: "boolean", default: false },
  },
});
const CLIENTS = Math.max(1, Math.min(64, Number(args.clients)));
const SECONDS = Math.max(1, Math.min(300, Number(args.seconds)));
const LATENCY_ANSWERS = Math.max(10, Math.min(1000, Number(args.answers)));
const QUESTIONS_PER_SESSION = 10;
const ANSWERS_PER_QUESTION = 3;
const WARM_UP_ANSWERS = 10;
const LATENCY_BUDGET_MS = 100;

// The session service is server code ("server-only"): outside Next, the marker module is empty.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "server-only") return { url: "data:text/javascript,export{}", format: "module", shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

// --- environment shared by the server and this process ---------------------------------------

if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.error("No production build: run `npx next build` first.");
  process.exit(1);
}
const loadAtStart = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(", ");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "is-bench-interview-"));
for (const name of ["DATABASE_URL", "REDIS_URL", "INTERVIEWER_MODEL", "SCORER_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "AI_TEST_MODELS"]) {
  delete process.env[name];
}
Object.assign(process.env, {
  DATA_DIR: dataDir,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  RATE_LIMIT_ANSWERS_PER_MINUTE: "1000000000",
  RATE_LIMIT_AUTH_PER_MINUTE: "1000",
});

const { MEMORY_QUESTION, PARTIAL_MEMORY_ANSWER, REFCOUNT_MEMORY_ANSWER, CYCLIC_MEMORY_ANSWER } = await import("../tests/support/interview-fixtures.ts");
const SCRIPT = [PARTIAL_MEMORY_ANSWER, REFCOUNT_MEMORY_ANSWER, CYCLIC_MEMORY_ANSWER];

// --- helpers ---------------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN, mean };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause
    ? `${error.message} (${cause instanceof Error ? `${(cause as { code?: string }).code ?? cause.name}: ${cause.message}` : String(cause)})`
    : error.message;
}

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "n/a");

// --- server ----------------------------------------------------------------------------------

const migrate = spawnSync(process.execPath, ["scripts/db-migrate.ts"], { cwd: root, env: process.env, encoding: "utf8" });
if (migrate.status !== 0) {
  console.error(migrate.stdout, migrate.stderr);
  process.exit(1);
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const serverLog = path.join(dataDir, "server.log");
const logStream = createWriteStream(serverLog);
const server: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
  cwd: root,
  env: process.env,
  stdio: ["ignore", "pipe", "pipe"],
});
server.stdout!.pipe(logStream);
server.stderr!.pipe(logStream);
let serverExited = false;
server.on("exit", () => (serverExited = true));

async function stopServer() {
  if (!serverExited && server.pid) {
    server.kill("SIGTERM");
    for (let i = 0; i < 50 && !serverExited; i++) await sleep(100);
    if (!serverExited) server.kill("SIGKILL");
  }
}

async function cleanUp() {
  await stopServer();
  if (!args.keep) rmSync(dataDir, { recursive: true, force: true });
}

process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));

async function waitForHealth() {
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (serverExited) throw new Error(`the server exited; see ${serverLog}`);
    try {
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error("the server did not become healthy within 60 s");
}

// --- the measured calls ----------------------------------------------------------------------

type SessionState = { id: string; turns: number; index: number; step: number; accepted: number; done: boolean };

type AnswerResult = { ok: boolean; status: number; firstTokenMs: number; totalMs: number; error?: string };

/** The reply stream's Content-Encoding (fetch asks for gzip, as browsers do). */
let replyEncoding = "";

async function postAnswer(jar: Jar, s: SessionState, text: string, identity: boolean): Promise<AnswerResult> {
  const t0 = performance.now();
  let firstTokenMs = NaN;
  try {
    const res = await fetch(`${base}/api/interview/${s.id}/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: jar.header(), ...(identity ? { "accept-encoding": "identity" } : {}) },
      body: JSON.stringify({ questionIndex: s.index, text, expectedTurns: s.turns, timeUp: false }),
    });
    if (res.status !== 200 || !res.body) {
      const body = await res.text();
      return { ok: false, status: res.status, firstTokenMs, totalMs: performance.now() - t0, error: body.slice(0, 200) };
    }
    if (identity === args.identity) replyEncoding ||= res.headers.get("content-encoding") ?? "identity";
    const decoder = new TextDecoder();
    let body = "";
    for await (const chunk of res.body) {
      body += decoder.decode(chunk, { stream: true });
      if (Number.isNaN(firstTokenMs) && body.includes('"type":"text-delta"')) firstTokenMs = performance.now() - t0;
    }
    const totalMs = performance.now() - t0;
    const complete = body.includes('"type":"text-end"') && !body.includes('"type":"error"');
    return { ok: complete, status: 200, firstTokenMs, totalMs, error: complete ? undefined : `incomplete stream: ${body.slice(-200)}` };
  } catch (error) {
    return {
      ok: false,
      status: 0,
      firstTokenMs,
      totalMs: performance.now() - t0,
      error: `${describe(error)} after ${(performance.now() - t0).toFixed(0)} ms${Number.isNaN(firstTokenMs) ? "" : ", mid-stream"}`,
    };
  }
}

async function postNext(jar: Jar, s: SessionState): Promise<{ ok: boolean; status: number; error?: string }> {
  try {
    const res = await fetch(`${base}/api/interview/${s.id}/next`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: jar.header() },
      body: JSON.stringify({ expectedTurns: s.turns }),
    });
    const body = await res.text();
    return { ok: res.ok, status: res.status, error: res.ok ? undefined : body.slice(0, 200) };
  } catch (error) {
    return { ok: false, status: 0, error: describe(error) };
  }
}

type Tally = { answers: number; nexts: number; errors: number; errorSamples: string[]; answerMs: number[]; firstTokenMs: number[] };
const newTally = (): Tally => ({ answers: 0, nexts: 0, errors: 0, errorSamples: [], answerMs: [], firstTokenMs: [] });

function recordError(t: Tally, what: string) {
  t.errors += 1;
  if (t.errorSamples.length < 5) t.errorSamples.push(what);
}

/** One answer in the session's script; then "next question" after the third. False when the session is used up or broke. */
async function step(jar: Jar, s: SessionState, tally: Tally, identity = args.identity): Promise<boolean> {
  if (s.done) return false;
  const result = await postAnswer(jar, s, SCRIPT[s.step]!, identity);
  if (!result.ok) {
    recordError(
      tally,
      `answer ${result.status} (session ${s.id}, question ${s.index}, step ${s.step}, ${tally.answers} answers into the phase): ${result.error}`,
    );
    s.done = true; // its turn count is unknown now: stop using it
    return false;
  }
  tally.answers += 1;
  tally.answerMs.push(result.totalMs);
  tally.firstTokenMs.push(result.firstTokenMs);
  s.accepted += 1;
  s.turns += 2;
  s.step += 1;
  if (s.step === ANSWERS_PER_QUESTION) {
    if (s.index === QUESTIONS_PER_SESSION - 1) {
      s.done = true;
      return true;
    }
    const next = await postNext(jar, s);
    if (!next.ok) {
      recordError(tally, `next ${next.status}: ${next.error}`);
      s.done = true;
      return false;
    }
    tally.nexts += 1;
    s.turns += 1;
    s.index += 1;
    s.step = 0;
  }
  return true;
}

// --- run -------------------------------------------------------------------------------------

let exitCode = 0;
try {
  await waitForHealth();

  // Sign up and sign in over HTTP.
  const { userId, jar } = await signUpAndIn(base, base, {
    name: "Bench",
    email: `bench-${Date.now().toString(36)}@example.com`,
    password: "bench-password-1",
  });

  // Sessions, created on the server's SQLite file by the session service itself.
  const { startSession } = await import("../lib/sessions/service.ts");
  const { db } = await import("../lib/db/client.ts");
  const makeSession = async (i: number): Promise<SessionState> => {
    const { id } = await startSession(userId, { questionIds: Array(QUESTIONS_PER_SESSION).fill(MEMORY_QUESTION), mode: "practice", seed: `bench-${i}` });
    return { id, turns: 1, index: 0, step: 0, accepted: 0, done: false };
  };
  const answersPerSession = QUESTIONS_PER_SESSION * ANSWERS_PER_QUESTION;
  const latencySessions: SessionState[] = [];
  for (let i = 0; i < Math.ceil((LATENCY_ANSWERS + WARM_UP_ANSWERS) / answersPerSession); i++) latencySessions.push(await makeSession(i));
  // Enough for ~150 answers/s per client-set; a client that runs out stops early (reported).
  const loadSecondsPlanned = SECONDS * (args["compare-encoding"] ? 5 : 1);
  const sessionsPerClient = Math.max(4, Math.ceil((loadSecondsPlanned * 150) / CLIENTS / answersPerSession));
  const clientSessions: SessionState[][] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const list: SessionState[] = [];
    for (let i = 0; i < sessionsPerClient; i++) list.push(await makeSession(1000 + c * 1000 + i));
    clientSessions.push(list);
  }
  console.error(`server ${base}, data ${dataDir}; ${latencySessions.length + CLIENTS * sessionsPerClient} sessions created`);

  // Creating the sessions left the client's keep-alive sockets idle for seconds: the server may have
  // closed them, and a POST on such a socket fails ("other side closed"). Flush them with GETs,
  // which are safe to repeat, before the first measured POST.
  for (let i = 0; i < 3; i++) {
    try {
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      /* a stale socket: the next attempt opens a new one */
    }
  }

  // (a) First-token latency, one answer at a time.
  const latency = newTally();
  const warm = newTally();
  const latencyQueue = [...latencySessions];
  const nextSession = () => {
    while (latencyQueue.length && latencyQueue[0]!.done) latencyQueue.shift();
    return latencyQueue[0];
  };
  for (let i = 0; i < WARM_UP_ANSWERS; i++) await step(jar, nextSession()!, warm);
  // The first answer after start-up also loads the bank and its IDF corpus for scoring.
  const coldAnswerMs = warm.answerMs[0] ?? NaN;
  const coldFirstTokenMs = warm.firstTokenMs[0] ?? NaN;
  while (latency.answers < LATENCY_ANSWERS) {
    const s = nextSession();
    if (!s) break;
    await step(jar, s, latency);
  }
  const healthSeq: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    healthSeq.push(performance.now() - t0);
  }

  // (b) Throughput: the trivial route, then answers, under the same concurrency.
  const health = newTally();
  const healthMs: number[] = [];
  const t0 = performance.now();
  const deadline = t0 + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const s0 = performance.now();
        try {
          const res = await fetch(`${base}/api/health`);
          await res.arrayBuffer();
          if (res.ok) health.answers += 1;
          else recordError(health, `health ${res.status}`);
        } catch (error) {
          recordError(health, describe(error));
        }
        healthMs.push(performance.now() - s0);
      }
    }),
  );
  const healthSeconds = (performance.now() - t0) / 1000;

  let ranOut = 0;
  const runLoad = async (tally: Tally, identity: boolean): Promise<number> => {
    const start = performance.now();
    const end = start + SECONDS * 1000;
    await Promise.all(
      clientSessions.map(async (sessions) => {
        let i = 0;
        while (performance.now() < end) {
          while (i < sessions.length && sessions[i]!.done) i++;
          if (i >= sessions.length) {
            ranOut += 1;
            return;
          }
          await step(jar, sessions[i]!, tally, identity);
        }
      }),
    );
    return (performance.now() - start) / 1000;
  };
  const load = newTally();
  const loadSeconds = await runLoad(load, args.identity);
  // Optional: uncompressed and gzip phases alternated on the same server, same sessions.
  const byEncoding = { identity: { tally: newTally(), seconds: 0 }, gzip: { tally: newTally(), seconds: 0 } };
  if (args["compare-encoding"]) {
    for (const identity of [true, false, true, false]) {
      const slot = identity ? byEncoding.identity : byEncoding.gzip;
      slot.seconds += await runLoad(slot.tally, identity);
    }
  }
  const encodingRate = (slot: { tally: Tally; seconds: number }) => slot.tally.answers / slot.seconds;

  // Lost turns: every accepted answer must have its candidate turn and the reply right after it.
  await sleep(200);
  const all = [...latencySessions, ...clientSessions.flat()].filter((s) => s.accepted > 0 || s.done);
  let accepted = 0;
  let candidateTurns = 0;
  let lost = 0;
  let badSeq = 0;
  for (const s of all) {
    const turns = await db().turn.findMany({ where: { sessionId: s.id }, orderBy: { seq: "asc" }, select: { seq: true, role: true, kind: true } });
    const bySeq = new Map(turns.map((t) => [t.seq, t]));
    if (turns.some((t, i) => t.seq !== i)) badSeq += 1;
    const answers = turns.filter((t) => t.role === "candidate" && t.kind === "answer");
    const answered = answers.filter((t) => {
      const reply = bySeq.get(t.seq + 1);
      return reply?.role === "interviewer" && (reply.kind === "follow-up" || reply.kind === "move-on");
    });
    accepted += s.accepted;
    candidateTurns += answers.length;
    lost += Math.max(0, s.accepted - answered.length);
  }
  await db().$disconnect();

  const latencyStats = stats(latency.firstTokenMs);
  const latencyTotal = stats(latency.answerMs);
  const loadFirst = stats(load.firstTokenMs);
  const loadTotal = stats(load.answerMs);
  const healthLoad = stats(healthMs);
  const healthRps = health.answers / healthSeconds;
  const answerRps = load.answers / loadSeconds;
  const requestRps = (load.answers + load.nexts) / loadSeconds;
  const errors = latency.errors + warm.errors + load.errors + health.errors + byEncoding.identity.tally.errors + byEncoding.gzip.tally.errors;
  const summary = {
    latency: {
      coldFirstAnswer: { firstTokenMs: coldFirstTokenMs, wholeReplyMs: coldAnswerMs },
      replyEncoding,
      answers: latency.answers,
      firstToken: latencyStats,
      wholeReply: latencyTotal,
      healthSequential: stats(healthSeq),
    },
    throughput: {
      clients: CLIENTS,
      seconds: SECONDS,
      answers: load.answers,
      nexts: load.nexts,
      answersPerSecond: answerRps,
      requestsPerSecond: requestRps,
      healthPerSecond: healthRps,
      ratio: answerRps / healthRps,
      firstToken: loadFirst,
      wholeReply: loadTotal,
      health: healthLoad,
      clientsThatRanOut: ranOut,
    },
    errors,
    errorSamples: [
      ...warm.errorSamples,
      ...latency.errorSamples,
      ...load.errorSamples,
      ...health.errorSamples,
      ...byEncoding.identity.tally.errorSamples,
      ...byEncoding.gzip.tally.errorSamples,
    ],
    ...(args["compare-encoding"]
      ? {
          encodingComparison: {
            identity: {
              answersPerSecond: encodingRate(byEncoding.identity),
              firstToken: stats(byEncoding.identity.tally.firstTokenMs),
              wholeReply: stats(byEncoding.identity.tally.answerMs),
            },
            gzip: {
              answersPerSecond: encodingRate(byEncoding.gzip),
              firstToken: stats(byEncoding.gzip.tally.firstTokenMs),
              wholeReply: stats(byEncoding.gzip.tally.answerMs),
            },
          },
        }
      : {}),
    accepted,
    candidateTurns,
    lostTurns: lost,
    sessionsWithBadSeq: badSeq,
  };
  console.log(JSON.stringify(summary, null, 2));

  const pass = latencyStats.p50 < LATENCY_BUDGET_MS && errors === 0 && lost === 0 && badSeq === 0 && candidateTurns === accepted;
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).stdout.trim() ? " (with uncommitted changes)" : "";
  const cpu = os.cpus();
  const loadAvg = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");
  const lines = [
    "",
    `### Interview: ${new Date().toISOString().slice(0, 10)}, commit ${commit}${dirty}`,
    "",
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()}. ` +
      `Production build (\`next start\`), SQLite in a fresh DATA_DIR, offline interviewer, loopback HTTP; the bench client shares the machine (load average at the start ${loadAtStart}, at the end ${loadAvg}).`,
    "",
    `Command: \`node bench/interview.ts --clients ${CLIENTS} --seconds ${SECONDS} --answers ${LATENCY_ANSWERS}${args.identity ? " --identity" : ""}${args["compare-encoding"] ? " --compare-encoding" : ""}\``,
    "",
    "| Measure | Result |",
    "| --- | --- |",
    `| First token after the answer POST, sequential (n=${latencyStats.n}) | p50 ${ms(latencyStats.p50)}, p95 ${ms(latencyStats.p95)}, max ${ms(latencyStats.max)} (budget p50 < ${LATENCY_BUDGET_MS} ms: ${latencyStats.p50 < LATENCY_BUDGET_MS ? "met" : "MISSED"}) |`,
    `| First answer after the server started (cold: loads the bank and its IDF corpus) | first token ${ms(coldFirstTokenMs)}, whole reply ${ms(coldAnswerMs)} |`,
    `| Whole reply streamed, sequential | p50 ${ms(latencyTotal.p50)}, p95 ${ms(latencyTotal.p95)} |`,
    `| GET /api/health, sequential | p50 ${ms(summary.latency.healthSequential.p50)}, p95 ${ms(summary.latency.healthSequential.p95)} |`,
    `| Answers under load (${CLIENTS} clients, ${SECONDS} s, whole stream read) | ${answerRps.toFixed(1)} answers/s (${requestRps.toFixed(1)} req/s with the ${load.nexts} "next question" posts); first token p50 ${ms(loadFirst.p50)}, p95 ${ms(loadFirst.p95)}; whole reply p95 ${ms(loadTotal.p95)} |`,
    `| GET /api/health under the same load | ${healthRps.toFixed(1)} req/s; p50 ${ms(healthLoad.p50)}, p95 ${ms(healthLoad.p95)} |`,
    `| Reply stream Content-Encoding | ${replyEncoding} |`,
    `| Answers/s ÷ health/s | ${(answerRps / healthRps).toFixed(3)} |`,
    ...(args["compare-encoding"]
      ? (["identity", "gzip"] as const).map((enc) => {
          const slot = byEncoding[enc];
          const ft = stats(slot.tally.firstTokenMs);
          return `| Answers under load, ${enc === "gzip" ? "gzip" : "uncompressed"} reply streams (2 × ${SECONDS} s, alternated on the same server) | ${encodingRate(slot).toFixed(1)} answers/s; first token p50 ${ms(ft.p50)}, p95 ${ms(ft.p95)}; whole reply p95 ${ms(stats(slot.tally.answerMs).p95)} |`;
        })
      : []),
    `| Errors | ${errors} |`,
    `| Lost turns (accepted answers without their candidate turn and reply) | ${lost} of ${accepted} accepted (${candidateTurns} candidate turns stored; ${badSeq} sessions with a gap or duplicate in seq) |`,
    "",
  ];
  console.log(lines.join("\n"));
  if (args.record) appendFileSync(path.join(root, "bench/RESULTS.md"), lines.join("\n"));
  if (!pass) exitCode = 1;
} catch (error) {
  console.error(error);
  console.error(`server log: ${serverLog}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
