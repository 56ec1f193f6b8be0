/**
 * Lighthouse benchmark (npm run bench:lighthouse): accessibility score, cumulative layout shift and
 * total blocking time of six pages on the production build, with Lighthouse's mobile profile
 * (Moto G Power screen, simulated slow 4G and 4× CPU slowdown).
 *
 * 1. `next build` into NEXT_DIST_DIR (default .next-lighthouse, so nobody else's build is touched;
 *    skip with --no-build when that build is current), a fresh data folder (new SQLite file, migrated).
 * 2. `next start` on a free port; a user signs up through the app's own sign-up endpoint and signs in
 *    through next-auth's credentials flow (tests/support/multi-instance.ts): the session cookie is
 *    sent by Lighthouse as a header on the signed-in pages.
 * 3. That user gets 30 finished interviews (tests/support/seed-sessions.ts: real bank snapshots,
 *    answers, score reports with evidence), so /progress has charts and a transcript exists.
 * 4. Lighthouse (Chromium at CHROMIUM_PATH, default /usr/bin/chromium, --headless=new --no-sandbox)
 *    runs each page RUNS times (default 3) and the median run by performance score is kept.
 *
 * Targets (issue 13): accessibility 100 on every page, CLS <= 0.1, /progress TBT < 300 ms. Writes the
 * "Lighthouse" section of bench/RESULTS.md (other sections kept) and exits non-zero on a miss.
 * Flags: --no-build, --runs=N, --json (print the results), --no-write, --details (failing nodes and
 * shifted elements on stderr).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { createDb } from "../lib/db/client.ts";
import { resolveTarget } from "../lib/db/adapters.ts";
import { freePort, signUpAndIn, waitForOk } from "../tests/support/multi-instance.ts";
import { seedSessions } from "../tests/support/seed-sessions.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: cli } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
    json: { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    details: { type: "boolean", default: false },
  },
});
const flag = (name: "no-build" | "json" | "no-write" | "details") => cli[name];
const RUNS = Number(cli.runs);
const DIST = process.env.NEXT_DIST_DIR || ".next-lighthouse";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TARGET = { accessibility: 100, cls: 0.1, progressTbtMs: 300 };
const log = (...a: unknown[]) => console.error(...a);

type Page = { name: string; path: string; signedIn: boolean };
type Result = Page & { accessibility: number; performance: number; cls: number; tbtMs: number; failing: string[] };

async function audit(port: number, url: string, cookie: string | null): Promise<Omit<Result, keyof Page>> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["accessibility", "performance"],
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const a11y = lhr.categories.accessibility!;
  const failingAudits = a11y.auditRefs.map((r) => lhr.audits[r.id]!).filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === "binary");
  const failing = failingAudits.map((x) => x.id);
  if (flag("details")) {
    // What to fix: the failing accessibility nodes and the elements that shifted.
    for (const a of [...failingAudits, lhr.audits["layout-shifts"], lhr.audits["long-tasks"], lhr.audits["bootup-time"]].filter(Boolean)) {
      const items = (a!.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
      for (const item of items.slice(0, 8)) {
        const node = item.node as { snippet?: string; selector?: string; explanation?: string } | undefined;
        const where = typeof item.url === "string" ? `${item.url.split("/").pop()} ${Math.round(Number(item.duration ?? item.total ?? 0))} ms` : "";
        log(`  ${a!.id}: ${where}${node?.selector ?? ""} ${node?.snippet?.slice(0, 160) ?? ""} ${node?.explanation?.slice(0, 200) ?? ""} ${item.score ?? ""}`);
      }
    }
  }
  return {
    accessibility: Math.round((a11y.score ?? 0) * 100),
    performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
    cls: Math.round((lhr.audits["cumulative-layout-shift"]!.numericValue ?? 0) * 1000) / 1000,
    tbtMs: Math.round(lhr.audits["total-blocking-time"]!.numericValue ?? 0),
    failing,
  };
}

/** Lighthouse sometimes fails to record a trace (NO_NAVSTART): that run is taken again, twice at most. */
async function auditWithRetry(port: number, url: string, cookie: string | null): Promise<Omit<Result, keyof Page>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(port, url, cookie);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("NO_NAVSTART")) throw error;
      log(`${url}: ${String(error).slice(0, 80)}; running it again`);
    }
  }
}

function writeResults(results: Result[], meta: { load: [number, number]; version: string }) {
  const file = path.join(root, "bench/RESULTS.md");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n";
  const ok = (r: Result) => r.accessibility >= TARGET.accessibility && r.cls <= TARGET.cls && (r.path !== "/progress" || r.tbtMs < TARGET.progressTbtMs);
  const lines = [
    "## Lighthouse",
    "",
    `Recorded ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench:lighthouse\` (Lighthouse ${meta.version}, ` +
      `mobile profile: simulated slow 4G and 4× CPU slowdown; Chromium ${CHROMIUM} --headless=new) on ${os.cpus().length} × ` +
      `${os.cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}, production build (\`next start\`), SQLite in a fresh data folder. ` +
      `The signed-in pages send the session cookie of a user who signed up through the app (30 finished interviews). ` +
      `Median of ${RUNS} runs per page (by performance score). Load average (1 min) ${meta.load[0].toFixed(1)} at the start and ${meta.load[1].toFixed(1)} at the end.`,
    "",
    "Targets: accessibility 100, CLS ≤ 0.1 on every page, total blocking time under 300 ms on `/progress`.",
    "",
    "| Page | Path | Accessibility | CLS | TBT ms | Performance | Target |",
    "|---|---|---:|---:|---:|---:|---|",
    ...results.map(
      (r) =>
        `| ${r.name} | \`${r.path}\` | ${r.accessibility}${r.failing.length ? ` (${r.failing.join(", ")})` : ""} | ${r.cls} | ${r.tbtMs} | ${r.performance} | ${ok(r) ? "✅" : "❌"} |`,
    ),
    "",
  ];
  const section = lines.join("\n");
  const re = /^## Lighthouse\n[\s\S]*?(?=^## |(?![\s\S]))/m;
  const next = re.test(existing) ? existing.replace(re, `${section}\n`) : `${existing.trimEnd()}\n\n${section}`;
  writeFileSync(file, next.endsWith("\n") ? next : `${next}\n`);
  return results.every(ok);
}

let server: ChildProcess | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "is-bench-lighthouse-"));
const cleanup = async () => {
  await chrome?.kill();
  server?.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
};
process.on("SIGINT", () => {
  void cleanup().then(() => process.exit(130));
});

try {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: DIST,
    DATA_DIR: dataDir,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    RATE_LIMIT_AUTH_PER_MINUTE: "100",
  };
  delete env.DATABASE_URL;
  const load0 = os.loadavg()[0]!;

  if (!flag("no-build")) {
    log(`building (next build into ${DIST})…`);
    const b = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    if (b.status !== 0) throw new Error("next build failed");
  } else if (!existsSync(path.join(root, DIST, "BUILD_ID"))) {
    throw new Error(`--no-build, but there is no build in ${DIST}: run NEXT_DIST_DIR=${DIST} next build first`);
  }
  const m = spawnSync(process.execPath, ["scripts/db-migrate.ts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (m.status !== 0) throw new Error("migration failed");

  const appPort = await freePort();
  const base = `http://127.0.0.1:${appPort}`;
  // As scripts/start.ts serves it: the peer-address hook stamps each request with the socket's address.
  server = spawn(
    process.execPath,
    ["--import", "./scripts/peer-address-hook.ts", "node_modules/next/dist/bin/next", "start", "-p", String(appPort), "-H", "127.0.0.1"],
    {
      cwd: root,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  await waitForOk(`${base}/api/health`, 60_000);

  log("signing up…");
  // A real account, through the app's sign-up and sign-in.
  const { userId, jar } = await signUpAndIn(base, base, {
    name: "Lighthouse Candidate",
    email: `lighthouse-${Date.now()}@example.com`,
    password: "lighthouse-password-1",
  });
  const database = createDb(resolveTarget(undefined, dataDir));
  const seeded = await seedSessions(database, { userId, count: 30, seed: 7, spacingHours: 20 });
  await database.$disconnect();
  const cookie = jar.header();
  log(`seeded ${seeded.length} interviews; checking the pages…`);

  const pages: Page[] = [
    { name: "Home", path: "/", signedIn: false },
    { name: "Question bank", path: "/bank", signedIn: false },
    { name: "A bank question", path: "/bank/python-gil", signedIn: false },
    { name: "Sign in", path: "/sign-in", signedIn: false },
    { name: "A transcript (3 questions)", path: `/sessions/${seeded.at(-1)!.id}`, signedIn: true },
    { name: "Progress", path: "/progress", signedIn: true },
  ];
  for (const p of pages) {
    // A fresh connection: a pooled one may have been closed by the server while the seeding ran.
    const get = () => fetch(`${base}${p.path}`, { headers: { connection: "close", ...(p.signedIn ? { cookie } : {}) }, redirect: "manual" });
    const res = await get().catch(get);
    const body = await res.text().catch((e: unknown) => {
      throw new Error(`${p.path}: the response was cut off (${String(e)})`, { cause: e });
    });
    if (res.status !== 200) throw new Error(`${p.path}: HTTP ${res.status} ${body.slice(0, 200)}`);
  }

  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const results: Result[] = [];
  for (const p of pages) {
    const runs: Array<Omit<Result, keyof Page>> = [];
    for (let i = 0; i < RUNS; i++) runs.push(await auditWithRetry(chrome.port, `${base}${p.path}`, p.signedIn ? cookie : null));
    runs.sort((a, b) => a.performance - b.performance);
    const median = runs[Math.floor(runs.length / 2)]!;
    results.push({ ...p, ...median });
    log(
      `${p.path}: accessibility ${median.accessibility}, CLS ${median.cls}, TBT ${median.tbtMs} ms, performance ${median.performance}${median.failing.length ? ` (failing: ${median.failing.join(", ")})` : ""}`,
    );
  }
  const version = JSON.parse(readFileSync(path.join(root, "node_modules/lighthouse/package.json"), "utf8")).version as string;
  const load1 = os.loadavg()[0]!;
  if (flag("json")) console.log(JSON.stringify(results, null, 2));
  const ok = flag("no-write")
    ? results.every((r) => r.accessibility >= TARGET.accessibility && r.cls <= TARGET.cls && (r.path !== "/progress" || r.tbtMs < TARGET.progressTbtMs))
    : writeResults(results, { load: [load0, load1], version });
  await cleanup();
  process.exit(ok ? 0 : 1);
} catch (err) {
  log(err);
  await cleanup();
  process.exit(2);
}
