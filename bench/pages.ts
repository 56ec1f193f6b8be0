/**
 * Pages benchmark (npm run bench:pages): server response time of the review pages on a production
 * build with 1,000 finished sessions for one user.
 *
 * 1. A fresh data folder (new SQLite file, migrated), one user with a password, and 1,000 realistic
 *    sessions of 3 questions each (tests/support/seed-sessions.ts: real bank snapshots, answers,
 *    follow-ups, score reports with evidence).
 * 2. `next build` (skip with --no-build when .next is current), then `next start` on a free port
 *    with that DATA_DIR.
 * 3. Signs in through next-auth's credentials endpoint for a session cookie.
 * 4. For each route, after a warm-up, REQUESTS sequential requests; the time from sending the request
 *    to the last byte of the body, p50/p95/p99; /api/health is the baseline.
 *
 * Budget (DESIGN.md): p50 < 50 ms for /sessions, a transcript and /progress. Writes the results to
 * the "Pages" section of bench/RESULTS.md (other sections are kept) and exits non-zero when the
 * budget is missed. Flags: --no-build, --requests=N, --sessions=N, --serve (seed, start, print the
 * URL and credentials, and keep serving for a look in the browser), --json.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { hashPassword } from "../lib/auth/password.ts";
import { createDb } from "../lib/db/client.ts";
import { resolveTarget } from "../lib/db/adapters.ts";
import { freePort, waitForOk } from "../tests/support/multi-instance.ts";
import { seedSessions } from "../tests/support/seed-sessions.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: cli } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    requests: { type: "string", default: "200" },
    sessions: { type: "string", default: "1000" },
    serve: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const flag = (name: "no-build" | "serve" | "json") => cli[name];
const REQUESTS = Number(cli.requests);
const WARMUP = 20;
const SESSIONS = Number(cli.sessions);
const BUDGET_P50_MS = 50;
const EMAIL = "bench@example.com";
const PASSWORD = "bench-password-1";
const log = (...a: unknown[]) => console.error(...a);

/** Cookies from Set-Cookie headers, merged into a jar. */
function absorb(jar: Map<string, string>, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function signIn(base: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  absorb(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, callbackUrl: `${base}/sessions`, json: "true" }),
  });
  absorb(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in failed (HTTP ${res.status})`);
  return cookieHeader(jar);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

type Kind = "baseline" | "budget" | "info";
type Result = { name: string; path: string; p50: number; p95: number; p99: number; max: number; bytes: number; kind: Kind };

async function measure(base: string, cookie: string, name: string, route: string, kind: Kind, before?: () => Promise<void>): Promise<Result> {
  const once = async () => {
    await before?.();
    const t0 = performance.now();
    const res = await fetch(`${base}${route}`, { headers: { Cookie: cookie }, redirect: "manual" });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${route}: HTTP ${res.status}`);
    return { ms, bytes: body.byteLength };
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const r = await once();
    times.push(r.ms);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    name,
    path: route,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    max: round(times.at(-1)!),
    bytes,
    kind,
  };
}

function writeResults(results: Result[], meta: { sessions: number; load: [number, number] }) {
  const file = path.join(root, "bench/RESULTS.md");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n";
  const baseline = results.find((r) => r.name === "baseline")!;
  const lines = [
    "## Pages",
    "",
    `Recorded ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench:pages\` on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}, ` +
      `production build (\`next start\`), SQLite in a fresh data folder, one user with ${meta.sessions.toLocaleString("en")} finished sessions ` +
      `(${(meta.sessions * 3).toLocaleString("en")} questions with score reports). Signed in through next-auth's credentials endpoint; ` +
      `${REQUESTS} sequential requests per route after ${WARMUP} warm-up requests; time from request to the last byte of the body over loopback. ` +
      `Load average (1 min) ${meta.load[0].toFixed(1)} at the start and ${meta.load[1].toFixed(1)} at the end (other work on the machine shows in p95/p99).`,
    "",
    "| Route | What | p50 ms | p95 ms | p99 ms | max ms | body | p50 − baseline | Budget p50 < 50 ms |",
    "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ...results.map(
      (r) =>
        `| \`${r.path}\` | ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${(r.bytes / 1024).toFixed(0)} kB | ${r === baseline ? "—" : (r.p50 - baseline.p50).toFixed(1)} | ${r.kind === "budget" ? (r.p50 < BUDGET_P50_MS ? "✅" : "❌") : r.kind === "baseline" ? "baseline" : "—"} |`,
    ),
    "",
    "Notes: `/progress` keeps each user's computed view in the process until one of their sessions changes (checked on every request with one " +
      "aggregate query); after a change only the changed sessions are read again (the last row). The first view in a fresh process reads " +
      "everything: about 40 ms of database time on SQLite for 1,000 sessions, because `score` and `completedAt` sit after the large `snapshot` " +
      "column; an index on `SessionQuestion(sessionId, score, completedAt, topic, difficulty, questionId)` brings that to about 18 ms. " +
      "The session list and the transcript use a constant number of queries (tests/integration/review-query-count.test.ts).",
    "",
  ];
  const section = lines.join("\n");
  const re = /^## Pages\n[\s\S]*?(?=^## |(?![\s\S]))/m;
  const next = re.test(existing) ? existing.replace(re, `${section}\n`) : `${existing.trimEnd()}\n\n${section}`;
  writeFileSync(file, next.endsWith("\n") ? next : `${next}\n`);
}

let server: ChildProcess | undefined;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "is-bench-pages-"));
const cleanup = () => {
  server?.kill("SIGTERM");
  if (!flag("serve")) rmSync(dataDir, { recursive: true, force: true });
};
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

try {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", RATE_LIMIT_AUTH_PER_MINUTE: "100" };
  delete env.DATABASE_URL;

  if (!flag("no-build")) {
    log("building (next build)…");
    const b = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    if (b.status !== 0) throw new Error("next build failed");
  } else if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    throw new Error("--no-build, but there is no build in .next: run next build first");
  }

  log(`seeding ${SESSIONS} sessions into ${dataDir}…`);
  const m = spawnSync(process.execPath, ["scripts/db-migrate.ts"], { cwd: root, env, stdio: "inherit" });
  if (m.status !== 0) throw new Error("migration failed");
  const target = resolveTarget(undefined, dataDir);
  const database = createDb(target);
  const t0 = performance.now();
  const user = await database.user.create({ data: { email: EMAIL, name: "Bench Candidate", passwordHash: await hashPassword(PASSWORD) } });
  const seeded = await seedSessions(database, { userId: user.id, count: SESSIONS, seed: 1, spacingHours: 9 });
  // A question attempted several times, so the transcript shows attempts side by side.
  const transcriptId = seeded[0]!.id;
  const topic = (await database.sessionQuestion.findFirst({ where: { sessionId: transcriptId }, select: { topic: true } }))!.topic;
  await database.$disconnect();
  log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForOk(`${base}/api/health`, 60_000);
  const cookie = await signIn(base);

  if (flag("serve")) {
    console.log(`Serving ${base} (data ${dataDir})\nSign in as ${EMAIL} / ${PASSWORD}\nA transcript: ${base}/sessions/${transcriptId}\nCtrl+C to stop.`);
    await new Promise(() => {});
  }

  const routes: Array<[string, string, Kind]> = [
    ["baseline", "/api/health", "baseline"],
    ["home page, signed in (layout + auth)", "/", "baseline"],
    ["session list", "/sessions", "budget"],
    ["session list, filtered, page 3", `/sessions?topic=${encodeURIComponent(topic)}&score=60-79&page=3`, "budget"],
    ["transcript (3 questions, attempts compared)", `/sessions/${transcriptId}`, "budget"],
    ["progress charts (repeat view)", "/progress", "budget"],
    ["Markdown export", `/api/sessions/${transcriptId}/export?format=md`, "info"],
  ];
  const results: Result[] = [];
  const report = (r: Result) => {
    results.push(r);
    log(
      `${r.name.padEnd(50)} p50 ${String(r.p50).padStart(6)} ms  p95 ${String(r.p95).padStart(6)} ms  p99 ${String(r.p99).padStart(6)} ms  ${(r.bytes / 1024).toFixed(0)} kB`,
    );
  };
  const loadStart = os.loadavg()[0]!;
  for (const [name, route, kind] of routes) report(await measure(base, cookie, name, route, kind));
  // /progress keeps its computed view until one of the user's sessions changes: measure that
  // path too, with a session's version bumped (outside the timed request) before every request.
  const writer = createDb(target);
  let bump = 0;
  report(
    await measure(base, cookie, "progress charts, a session changed before each request", "/progress", "budget", async () => {
      await writer.interviewSession.update({ where: { id: seeded[1 + (bump++ % 50)]!.id }, data: { version: { increment: 1 } } });
    }),
  );
  await writer.$disconnect();
  writeResults(results, { sessions: SESSIONS, load: [loadStart, os.loadavg()[0]!] });
  if (flag("json")) console.log(JSON.stringify({ sessions: SESSIONS, requests: REQUESTS, results }, null, 2));
  const missed = results.filter((r) => r.kind === "budget" && r.p50 >= BUDGET_P50_MS);
  log(missed.length ? `budget missed: ${missed.map((r) => r.path).join(", ")}` : `all pages within p50 < ${BUDGET_P50_MS} ms; results in bench/RESULTS.md`);
  cleanup();
  process.exit(missed.length ? 1 : 0);
} catch (error) {
  log(error instanceof Error ? error.message : error);
  cleanup();
  process.exit(1);
}
