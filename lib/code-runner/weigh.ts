/**
 * How a coding task's checks weigh in a question's score, and the code a candidate's answer holds.
 * Pure (no sandbox here): the answer flow grades with gradeTask and weighs with `weighChecks`.
 *
 * - The checks count for TASK_WEIGHT of the score: score = (1 - w) * answer + w * 100 * passed / total,
 *   so a clear explanation with code that fails every check cannot be "strong", and passing code with
 *   no explanation cannot either.
 * - When the sandbox is unavailable nothing ran: the score is the answer's alone, and the report says
 *   so (flag `checks-unavailable`): a candidate is never marked down for the server's missing tool.
 * - A failing check's name becomes a gap, so the report and the interviewer can name it.
 */
import { bandOf } from "../scoring/rubric.ts";
import type { ScoreReport } from "../scoring/report.ts";
import type { GradeResult } from "./schema.ts";

export const TASK_WEIGHT = 0.4;

/** The fence an answer's code is stored in, after the written answer (see `answerWithCode`). */
const FENCE_OPEN = "\n\n```python\n";
const FENCE_CLOSE = "\n```";

/** The stored answer: what was written, then the code in a fenced block (shown, exported and scored with it). */
export function answerWithCode(text: string, code: string | undefined): string {
  const body = code?.replace(/\s+$/, "") ?? "";
  if (!body.trim()) return text;
  return `${text.replace(/\s+$/, "")}${FENCE_OPEN}${body}${FENCE_CLOSE}`;
}

/** The code of the latest answer that carries some (stored by `answerWithCode`), or null. */
export function latestCode(answers: readonly string[]): string | null {
  for (let i = answers.length - 1; i >= 0; i--) {
    const a = answers[i]!;
    if (!a.endsWith(FENCE_CLOSE)) continue;
    const open = a.lastIndexOf(FENCE_OPEN);
    if (open < 0) continue;
    return a.slice(open + FENCE_OPEN.length, a.length - FENCE_CLOSE.length);
  }
  return null;
}

/** The report with the checks as evidence and, when they ran, in the score. */
export function weighChecks(report: ScoreReport, grade: GradeResult): ScoreReport {
  const task = {
    status: grade.status,
    ...(grade.reason ? { reason: grade.reason } : {}),
    passed: grade.passed,
    total: grade.total,
    checks: grade.checks.map((c) => ({ name: c.name, passed: c.passed, message: c.message })),
    answerScore: report.score,
  };
  if (grade.status === "unavailable" || grade.total === 0) return { ...report, task, flags: [...report.flags, "checks-unavailable"] };
  const score = Math.round((1 - TASK_WEIGHT) * report.score + TASK_WEIGHT * ((100 * grade.passed) / grade.total));
  const failing = grade.checks.filter((c) => !c.passed).map((c) => `Your code fails a check: ${c.name}.`);
  return {
    ...report,
    task,
    score,
    band: bandOf(score),
    gaps: [...failing, ...report.gaps],
    flags: grade.passed < grade.total ? [...report.flags, "checks-failed"] : report.flags,
  };
}

/** "3 of 4 checks pass; fails on an empty input" */
export function checksSummary(task: { passed: number; total: number; status: string; checks: { name: string; passed: boolean }[] }): string {
  if (task.status === "unavailable") return "The checks could not run on this server: the score is the written answer's.";
  const failing = task.checks.filter((c) => !c.passed).map((c) => c.name);
  const head = `${task.passed} of ${task.total} check${task.total === 1 ? "" : "s"} pass${task.passed === 1 && task.total === 1 ? "es" : ""}`;
  return failing.length ? `${head}; fails: ${failing.join("; ")}` : head;
}
