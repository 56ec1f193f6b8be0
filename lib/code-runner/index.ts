/** Server-side grading of coding tasks in a bubblewrap sandbox: see grade.ts for the contract. */
export {
  gradeTask,
  gradeChecks,
  sandboxAvailability,
  resetSandboxProbe,
  candidateCodeSchema,
  MAX_CODE_CHARS,
  MAX_CONCURRENT_RUNS,
  CHECK_TIMEOUT_MS,
} from "./grade.ts";
export { gradeResultSchema, checkResultSchema, runStatusSchema, RUN_STATUSES, type GradeResult, type CheckResult, type RunStatus } from "./schema.ts";
export { DEFAULT_LIMITS, type SandboxLimits } from "./sandbox.ts";
