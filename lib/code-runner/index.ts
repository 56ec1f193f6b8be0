/** Server-side grading of coding tasks in a bubblewrap sandbox: see grade.ts for the contract. */
export {
  gradeTask,
  gradeChecks,
  sandboxAvailability,
  probeTools,
  type Availability,
  type GradeOptions,
  resetSandboxProbe,
  candidateCodeSchema,
  MAX_CODE_CHARS,
  MAX_CONCURRENT_RUNS,
  CHECK_TIMEOUT_MS,
} from "./grade.ts";
export { gradeResultSchema, checkResultSchema, runStatusSchema, RUN_STATUSES, type GradeResult, type CheckResult, type RunStatus } from "./schema.ts";
export { DEFAULT_LIMITS, findTools, type SandboxLimits, type SandboxTools } from "./sandbox.ts";
