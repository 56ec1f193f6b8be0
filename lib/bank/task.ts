/**
 * The coding task's two audiences. `publicTask` is the only view of a task that may leave the
 * server (prompt, starter code, examples); the hidden checks stay in `question.task.checks` and are
 * read only by the grader (lib/code-runner/grade.ts), so a candidate cannot fit code to them.
 */
import type { PublicTask, Question } from "./schema.ts";

/** The part of a question's task a browser may receive, or undefined when it has no task. A copy: callers may not reach the checks through it. */
export function publicTask(question: Pick<Question, "task">): PublicTask | undefined {
  const task = question.task?.public;
  if (!task) return undefined;
  return { prompt: task.prompt, starter: task.starter, examples: [...task.examples] };
}

/** Whether a question has a coding task. */
export function hasTask(question: Pick<Question, "task">): boolean {
  return question.task !== undefined;
}
