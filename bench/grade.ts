/**
 * Code-grading benchmark (npm run bench:grade).
 *
 * 1. Grading latency: every task's verified solution (tests/fixtures/code-tasks/<id>/correct.py)
 *    graded ROUNDS times, one at a time, through `gradeTask` (sandbox + harness + all hidden
 *    checks); p50/p95/max over all runs, and the slowest tasks by p50. The checks' own sleeps count
 *    (a few tasks measure concurrency with 0.1 s sleeps), so this is the latency a candidate sees.
 * 2. Burst: every task graded at once (the semaphore lets MAX_CONCURRENT_RUNS run, the rest wait):
 *    wall time for the whole burst.
 * 3. Sandbox overhead: a trivial `python3 -I -S -B -c pass`, bare (spawned directly, here only, to
 *    measure) against the same under prlimit + bwrap; and the smallest full grade (one `pass` check).
 *
 * Prints a summary; `--json` for machine output. No budgets: the figures are recorded in bench/RESULTS.md.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getQuestionBank } from "../lib/bank/index.ts";
import { MAX_CONCURRENT_RUNS, findTools, gradeChecks, gradeTask, sandboxAvailability } from "../lib/code-runner/index.ts";
import { DEFAULT_LIMITS, runSandboxed } from "../lib/code-runner/sandbox.ts";
import { percentile } from "../lib/scoring/metrics.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const json = process.argv.includes("--json");
const ROUNDS = 5;
const TRIVIAL_ROUNDS = 30;

const available = await sandboxAvailability();
if (!available.ok) {
  console.error(`the sandbox is unavailable: ${available.reason}`);
  process.exit(1);
}
const tools = findTools();
if ("missing" in tools) throw new Error(tools.missing);

const tasks = getQuestionBank()
  .list()
  .filter((q) => q.task !== undefined);
const solutions = new Map(tasks.map((q) => [q.id, readFileSync(path.join(root, "tests/fixtures/code-tasks", q.id, "correct.py"), "utf8")]));

// 1. latency, one at a time
const all: number[] = [];
const byTask = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const q of tasks) {
    const t = performance.now();
    const result = await gradeTask(q, solutions.get(q.id)!);
    const ms = performance.now() - t;
    if (result.status !== "ok" || result.passed !== result.total) throw new Error(`${q.id}: ${result.status} ${result.passed}/${result.total}`);
    all.push(ms);
    byTask.set(q.id, [...(byTask.get(q.id) ?? []), ms]);
  }
}
const slowest = [...byTask].map(([id, xs]) => ({ id, p50: percentile(xs, 50) })).sort((a, b) => b.p50 - a.p50);

// 2. burst
const burstStart = performance.now();
await Promise.all(tasks.map((q) => gradeTask(q, solutions.get(q.id)!)));
const burstMs = performance.now() - burstStart;

// 3. overhead
const PYTHON_ARGS = ["-I", "-S", "-B", "-c", "pass"];
function bare(): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/python3", PYTHON_ARGS, { stdio: "ignore" });
    child.on("error", reject);
    child.on("close", () => resolve(performance.now() - t));
  });
}
async function sandboxed(): Promise<number> {
  const t = performance.now();
  await runSandboxed({ tools: tools as Exclude<typeof tools, { missing: string }>, slot: 0, limits: DEFAULT_LIMITS, pythonArgs: ["-c", "pass"], stdin: "" });
  return performance.now() - t;
}
async function smallestGrade(): Promise<number> {
  const t = performance.now();
  await gradeChecks([{ name: "runs", code: "pass" }], "x = 1");
  return performance.now() - t;
}
const measure = async (fn: () => Promise<number>) => {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < TRIVIAL_ROUNDS; i++) xs.push(await fn());
  return { p50: percentile(xs, 50), p95: percentile(xs, 95) };
};
const bareMs = await measure(bare);
const sandboxMs = await measure(sandboxed);
const gradeMs = await measure(smallestGrade);

const summary = {
  tasks: tasks.length,
  checks: tasks.reduce((n, q) => n + q.task!.checks.length, 0),
  runs: all.length,
  gradeMs: { p50: percentile(all, 50), p95: percentile(all, 95), max: Math.max(...all) },
  slowest: slowest.slice(0, 3),
  burst: { tasks: tasks.length, concurrency: MAX_CONCURRENT_RUNS, wallMs: burstMs },
  overheadMs: { bare: bareMs, sandboxed: sandboxMs, smallestGrade: gradeMs, added: sandboxMs.p50 - bareMs.p50 },
  machine: {
    cores: os.cpus().length,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
    node: process.version,
  },
};

const f = (ms: number) => `${ms.toFixed(1)} ms`;
if (json) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(`grading: ${summary.tasks} tasks, ${summary.checks} hidden checks, ${summary.runs} runs of the correct solutions`);
  console.log(`  per task, one at a time: p50 ${f(summary.gradeMs.p50)}, p95 ${f(summary.gradeMs.p95)}, max ${f(summary.gradeMs.max)}`);
  console.log(`  slowest by p50: ${summary.slowest.map((s) => `${s.id} ${f(s.p50)}`).join(", ")}`);
  console.log(`  burst: all ${summary.tasks} at once (${MAX_CONCURRENT_RUNS} sandboxes at a time): ${f(burstMs)} wall`);
  console.log(`sandbox overhead (python3 -c pass, ${TRIVIAL_ROUNDS} runs):`);
  console.log(`  bare python3:              p50 ${f(bareMs.p50)}, p95 ${f(bareMs.p95)}`);
  console.log(`  prlimit + bwrap + python3: p50 ${f(sandboxMs.p50)}, p95 ${f(sandboxMs.p95)} (+${f(summary.overheadMs.added)} at p50)`);
  console.log(`  smallest full grade (harness, one check): p50 ${f(gradeMs.p50)}, p95 ${f(gradeMs.p95)}`);
  console.log(`machine: ${summary.machine.cores} cores, load ${summary.machine.load}, node ${summary.machine.node}`);
}
