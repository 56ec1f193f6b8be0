import { checksSummary } from "@/lib/code-runner/summary";
import type { TaskReport } from "@/lib/scoring/report";
import { Badge } from "../ui/badge";

/**
 * A coding task's hidden checks as evidence: the summary ("3 of 4 checks pass; fails: ..."), then
 * each check by name with its verdict and, when it failed, why (the assertion's message). The
 * checks' code is never shown: the report does not hold it.
 */
export function TaskChecks({ task, questionNumber }: { task: TaskReport; questionNumber?: number }) {
  const label = `Hidden checks${questionNumber ? ` of question ${questionNumber}` : ""}`;
  return (
    <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <p className="text-sm font-medium">{checksSummary(task)}</p>
      {task.status !== "ok" && task.status !== "unavailable" ? (
        <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">
          The run stopped early ({task.status}){task.reason ? `: ${task.reason}` : ""}.
        </p>
      ) : null}
      {task.status !== "unavailable" ? (
        <ul className="mt-2 space-y-1.5" aria-label={label}>
          {task.checks.map((c) => (
            <li key={c.name} className="text-sm">
              <Badge tone={c.passed ? "good" : "bad"}>{c.passed ? "Passes" : "Fails"}</Badge> <span>{c.name}</span>
              {!c.passed && c.message ? <span className="block pl-1 font-mono text-xs text-zinc-600 dark:text-zinc-400">{c.message}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        The written answer scored {task.answerScore}/100{task.status === "unavailable" ? "." : "; the checks count for 40% of this question's score."}
      </p>
    </div>
  );
}
