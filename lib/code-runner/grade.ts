/**
 * Grades a candidate's code against a question's hidden checks, in the sandbox.
 *
 * Contract:
 * - `gradeTask(question, code)` resolves (never rejects for anything the code does) to a
 *   GradeResult: one CheckResult per hidden check, in bank order, with its name and a truncated
 *   message; the checks' code never appears in it. Code longer than MAX_CODE_CHARS is refused with
 *   a RangeError: routes validate with `candidateCodeSchema` first; a question without a task is an
 *   Error (a caller's bug: check `hasTask(question)`).
 * - Nothing runs without the sandbox: when bwrap, prlimit or python3 is missing, or namespaces are
 *   refused, or the grader's queue is full, the result is status "unavailable" with a reason and
 *   every check unpassed (message "not run").
 * - At most MAX_CONCURRENT_RUNS sandboxes run at once per process; MAX_WAITING more wait their turn.
 * - A run is bounded by DEFAULT_LIMITS (sandbox.ts) and each check by CHECK_TIMEOUT_MS.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Question, TaskCheck } from "../bank/schema.ts";
import { processWide } from "../process-wide/index.ts";
import { CHECK_OUTCOMES, HARNESS_SOURCE, type HarnessPayload } from "./harness.ts";
import { DEFAULT_LIMITS, findTools, runSandboxed, type SandboxLimits, type SandboxRun, type SandboxTools } from "./sandbox.ts";
import { gradeResultSchema, type CheckResult, type GradeResult, type RunStatus } from "./schema.ts";
import { SlotSemaphore } from "./semaphore.ts";

export const MAX_CODE_CHARS = 64_000;
export const candidateCodeSchema = z.string().max(MAX_CODE_CHARS);
export const MAX_CONCURRENT_RUNS = 2;
export const MAX_WAITING = 16;
/** Wall-clock bound of one check (the harness kills its process). */
export const CHECK_TIMEOUT_MS = 2_000;
/** Messages are cut here (the harness cuts at 2000 characters already). */
const MESSAGE_CHARS = 500;
/** The probe's verdict is kept this long when negative: an admin may install bwrap meanwhile. */
const PROBE_RETRY_MS = 60_000;

export type Availability = { ok: true; tools: SandboxTools } | { ok: false; reason: string };
type State = { semaphore: SlotSemaphore; probe?: { at: number; result: Promise<Availability> } };
const state = () => processWide("codeRunner", (): State => ({ semaphore: new SlotSemaphore(MAX_CONCURRENT_RUNS, MAX_WAITING) }));

/**
 * Whether the sandbox works here: the binaries exist and a trivial run inside bwrap prints what it
 * should. Cached (a negative answer for PROBE_RETRY_MS).
 */
export function sandboxAvailability(): Promise<Availability> {
  const s = state();
  // A success is kept for good (its `at` becomes Infinity), a failure for PROBE_RETRY_MS.
  if (s.probe && s.probe.at + PROBE_RETRY_MS > Date.now()) return s.probe.result;
  const result = probe();
  s.probe = { at: Date.now(), result };
  void result.then((r) => {
    if (r.ok && s.probe?.result === result) s.probe.at = Infinity;
  });
  return result;
}

/** Forgets the probe's verdict (tests; an admin installed bubblewrap). */
export function resetSandboxProbe(): void {
  state().probe = undefined;
}

async function probe(): Promise<Availability> {
  const tools = findTools();
  if ("missing" in tools) return { ok: false, reason: tools.missing };
  return probeTools(tools);
}

/** Whether these tools can build the sandbox: a trivial run must report from inside a new pid namespace. */
export async function probeTools(tools: SandboxTools): Promise<Availability> {
  const s = state();
  const slot = await s.semaphore.acquire();
  if (slot === undefined) return { ok: false, reason: "the grader is busy" };
  try {
    const run = await runSandboxed({
      tools,
      slot,
      limits: { ...DEFAULT_LIMITS, wallMs: 5_000 },
      pythonArgs: ["-c", "import os, sys; os.write(3, b'sandbox-ok'); sys.stdout.write(str(os.getpid()))"],
      stdin: "",
    });
    // pid 1 is bwrap's init in the new pid namespace: the run really is namespaced.
    if (run.channel === "sandbox-ok" && /^\d+$/.test(run.stdout) && Number(run.stdout) < 10) return { ok: true, tools };
    const why = run.spawnError ?? (run.stderr.trim().split("\n")[0] || `exit ${run.exitCode ?? run.signal}`);
    return { ok: false, reason: `bubblewrap cannot create the sandbox here: ${why.slice(0, 300)}` };
  } finally {
    s.semaphore.release(slot);
  }
}

/** Grades `code` against the question's hidden checks. See the module contract. */
export async function gradeTask(question: Pick<Question, "id" | "task">, code: string, options: GradeOptions = {}): Promise<GradeResult> {
  if (!question.task) throw new Error(`question ${question.id} has no coding task`);
  return gradeChecks(question.task.checks, code, options);
}

export type GradeOptions = {
  /** Tighter (or looser) limits than DEFAULT_LIMITS; the benchmark and tests use them. */
  limits?: Partial<SandboxLimits>;
  /** The sandbox's availability, when the caller has it (tests); default: the cached probe. */
  availability?: Availability;
};

/** Grades `code` against explicit checks (the bank's tests and the benchmark use this too). */
export async function gradeChecks(checks: TaskCheck[], code: string, options: GradeOptions = {}): Promise<GradeResult> {
  const limits = options.limits ?? {};
  if (code.length > MAX_CODE_CHARS) throw new RangeError(`code is longer than ${MAX_CODE_CHARS} characters`);
  const started = performance.now();
  const finish = (status: RunStatus, results: CheckResult[], run?: SandboxRun, reason?: string): GradeResult =>
    gradeResultSchema.parse({
      status,
      reason,
      checks: results,
      passed: results.filter((r) => r.passed).length,
      total: results.length,
      stdout: run?.stdout ?? "",
      stderr: run?.stderr ?? "",
      durationMs: Math.round(performance.now() - started),
    });
  const notRun = (why: string) => checks.map((c) => ({ name: c.name, passed: false, message: `not run: ${why}` }));

  const available = options.availability ?? (await sandboxAvailability());
  if (!available.ok) return finish("unavailable", notRun("the sandbox is unavailable"), undefined, available.reason);
  const s = state();
  const slot = await s.semaphore.acquire();
  if (slot === undefined) return finish("unavailable", notRun("the grader is busy"), undefined, "the grader is busy: try again in a moment");
  let run: SandboxRun;
  const nonce = randomBytes(16).toString("hex");
  try {
    const payload: HarnessPayload = { nonce, code, checks: checks.map((c) => ({ name: c.name, code: c.code })), checkTimeoutMs: CHECK_TIMEOUT_MS };
    const full: SandboxLimits = { ...DEFAULT_LIMITS, wallMs: Math.min(DEFAULT_LIMITS.wallMs, 1_500 + checks.length * (CHECK_TIMEOUT_MS + 200)), ...limits };
    run = await runSandboxed({
      tools: available.tools,
      slot,
      limits: full,
      pythonArgs: ["-c", HARNESS_SOURCE],
      stdin: JSON.stringify(payload),
      stopWhen: (channel) => readReport(channel, nonce).done,
    });
  } finally {
    s.semaphore.release(slot);
  }
  if (run.spawnError) return finish("unavailable", notRun("the sandbox did not start"), run, `the sandbox did not start: ${run.spawnError}`);

  const report = readReport(run.channel, nonce);
  const results: CheckResult[] = checks.map((check, index) => {
    if (report.syntax) return { name: check.name, passed: false, message: cut(report.syntax) };
    const verdict = report.checks.get(index);
    if (!verdict) return { name: check.name, passed: false, message: "not run: the run was stopped before this check" };
    return { name: check.name, passed: verdict.outcome === "passed", message: verdict.outcome === "passed" ? "" : cut(verdict.message) };
  });
  if (run.outputLimited) return finish("output-limit", results, run, "the code printed more than the output limit; the run was stopped");
  if (run.timedOut) return finish("timeout", results, run, "the run passed its time limit and was stopped");
  const outcomes = new Set([...report.checks.values()].map((v) => v.outcome));
  if (!report.done) return finish("crashed", results, run, `the grader stopped unexpectedly (exit ${run.exitCode ?? run.signal})`);
  if (outcomes.has("timeout")) return finish("timeout", results, run, "a check passed its time or CPU limit");
  if (outcomes.has("memory")) return finish("memory", results, run, "a check ran out of memory");
  if (outcomes.has("crashed")) return finish("crashed", results, run, "a check's process was killed");
  return finish("ok", results, run);
}

const verdictSchema = z.object({ kind: z.literal("check"), index: z.number().int().nonnegative(), outcome: z.enum(CHECK_OUTCOMES), message: z.string() });
const recordSchema = z.union([verdictSchema, z.object({ kind: z.literal("syntax"), message: z.string() }), z.object({ kind: z.literal("done") })]);
type Verdict = z.infer<typeof verdictSchema>;
type Report = { checks: Map<number, Verdict>; syntax?: string; done: boolean };

/** The harness's complete JSON lines on fd 3 that carry this run's nonce; anything else is ignored. */
function readReport(channel: string, nonce: string): Report {
  const report: Report = { checks: new Map(), done: false };
  const lines = channel.split("\n");
  lines.pop(); // the last piece is an unfinished line (or empty)
  for (const line of lines) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof value !== "object" || value === null || (value as { nonce?: unknown }).nonce !== nonce) continue;
    const record = recordSchema.safeParse(value);
    if (!record.success) continue;
    if (record.data.kind === "done") report.done = true;
    else if (record.data.kind === "syntax") report.syntax = record.data.message;
    else if (!report.checks.has(record.data.index)) report.checks.set(record.data.index, record.data);
  }
  return report;
}

function cut(message: string): string {
  return message.length > MESSAGE_CHARS ? `${message.slice(0, MESSAGE_CHARS)}…` : message;
}
