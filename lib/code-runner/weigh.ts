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
