/**
 * The grader's result types, as zod schemas (the source of the TypeScript types). A GradeResult is
 * what `gradeTask` returns and what a route may send to the browser: check names and messages, never
 * the checks' code.
 */
import { z } from "zod";

/**
 * How a run ended, worst first when several apply:
 * - unavailable: the sandbox cannot run here (bwrap, prlimit or python3 missing, namespaces refused,
 *   or the grader is saturated); nothing ran, and nothing ever runs outside the sandbox;
 * - output-limit: stdout + stderr passed the cap; the run was killed there;
 * - timeout: the whole run passed its wall-clock bound, or a check passed its own time or CPU limit;
 * - memory: a check ran out of its address-space limit;
 * - crashed: the harness died before reporting every check (or a check was killed by a signal);
 * - ok: every check ran and has a verdict (which may be a failure).
 */
export const RUN_STATUSES = ["ok", "timeout", "output-limit", "memory", "crashed", "unavailable"] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const checkResultSchema = z.object({
  /** The check's human name from the bank, e.g. "fails on an empty input". */
  name: z.string(),
  passed: z.boolean(),
  /** Why it failed: the assertion's text or the exception, truncated; empty when it passed. */
  message: z.string(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const gradeResultSchema = z.object({
  status: runStatusSchema,
  /** A sentence for a status other than ok (what was missing, which limit was hit). */
  reason: z.string().optional(),
  checks: z.array(checkResultSchema),
  passed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** What the candidate's code printed, truncated (see OUTPUT_KEEP_BYTES). */
  stdout: z.string(),
  stderr: z.string(),
  durationMs: z.number().nonnegative(),
});
export type GradeResult = z.infer<typeof gradeResultSchema>;
