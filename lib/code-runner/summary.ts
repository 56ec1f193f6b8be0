/** A coding task's checks in words, for the score report (client-safe: no scorer, no sandbox). */

/** "3 of 4 checks pass; fails on an empty input" */
export function checksSummary(task: { passed: number; total: number; status: string; checks: { name: string; passed: boolean }[] }): string {
  if (task.status === "unavailable") return "The checks could not run on this server: the score is the written answer's.";
  const failing = task.checks.filter((c) => !c.passed).map((c) => c.name);
  const head = `${task.passed} of ${task.total} check${task.total === 1 ? "" : "s"} pass${task.passed === 1 && task.total === 1 ? "es" : ""}`;
  return failing.length ? `${head}; fails: ${failing.join("; ")}` : head;
}
