/**
 * Grading a coding task inside an interview: the latest code the candidate sent on the question
 * (stored in their answer, lib/code-runner/answer-code.ts) run against the bank question's hidden checks
 * in the sandbox. The checks are read from the bank this process loaded (sessions snapshot what is
 * asked, never the checks). Results are kept per question and code for the process, so the
 * follow-up answers that do not change the code do not run it again.
 */
import "server-only";
import { createHash } from "node:crypto";
import { getQuestionBank } from "../bank/load.ts";
import { gradeTask } from "../code-runner/grade.ts";
import type { GradeResult } from "../code-runner/schema.ts";
import { latestCode } from "../code-runner/answer-code.ts";
import { weighChecks } from "../code-runner/weigh.ts";
import { processWide } from "../process-wide/index.ts";
import type { ScoreReport } from "../scoring/report.ts";

const CACHE_SIZE = 200;
const graded = processWide("taskGrades", () => new Map<string, Promise<GradeResult>>());

/** The checks' verdict on the latest code among `answers`, or null when the question has no task or no code was sent. */
export async function gradeAnswers(questionId: string, answers: readonly string[]): Promise<GradeResult | null> {
  const question = getQuestionBank().get(questionId);
  if (!question?.task) return null;
  const code = latestCode(answers);
  if (code === null || !code.trim()) return null;
  const key = createHash("sha256").update(`${question.id}\0${question.contentHash}\0${code}`).digest("hex");
  let result = graded.get(key);
  if (!result) {
    result = gradeTask(question, code);
    graded.set(key, result);
    if (graded.size > CACHE_SIZE) graded.delete(graded.keys().next().value!);
    // Only a complete run is kept: an unavailable sandbox may be fixed later, and a timeout or a
    // crash may come from the host's load rather than the code.
    void result.then((r) => r.status !== "ok" && graded.delete(key)).catch(() => graded.delete(key));
  }
  return result;
}

/** The report with the checks weighed in, when there are any. */
export function withChecks(report: ScoreReport, grade: GradeResult | null): ScoreReport {
  return grade ? weighChecks(report, grade) : report;
}
