import Link from "next/link";
import { formatDuration, sessionDurationMs } from "@/lib/sessions/format";
import type { SessionListItem } from "@/lib/sessions/views";
import { Badge, scoreTone } from "../ui/badge";
import { LocalTime } from "../ui/local-time";

/**
 * The user's sessions as rows: date, questions, mode, duration, score, and a link to the
 * transcript. One grid: on a phone date and score share the first line; on wider screens each
 * part is a column.
 */
export function SessionList({ items }: { items: SessionListItem[] }) {
  return (
    <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/60">
      {items.map((s) => {
        const active = s.status !== "finished";
        const iso = s.startedAt.toISOString();
        const label = `${s.mode === "mock" ? "mock interview" : "practice interview"} started ${iso.slice(0, 16).replace("T", " ")} UTC`;
        const shown = s.questions.slice(0, 3);
        const topics = [...new Set(s.questions.map((q) => q.topic))];
        return (
          <li
            key={s.id}
            className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-4 gap-y-2 p-4 sm:grid-cols-[9rem_minmax(0,1fr)_4.5rem_auto] sm:items-center"
          >
            <div>
              <LocalTime iso={iso} pattern="date" className="block text-sm font-medium" />
              <span className="text-xs text-zinc-500 dark:text-zinc-400">
                <LocalTime iso={iso} pattern="hm" /> · {active ? "in progress" : formatDuration(sessionDurationMs(s))}
              </span>
            </div>
            <div className="justify-self-end sm:order-3">
              {active ? (
                <Badge tone="brand">In progress</Badge>
              ) : s.overallScore == null ? (
                <Badge>Not scored</Badge>
              ) : (
                <span className="flex items-baseline gap-1">
                  <span className="sr-only">Overall score </span>
                  <Badge tone={scoreTone(s.overallScore)} className="px-2.5 py-1 text-base font-semibold tabular-nums">
                    {s.overallScore}
                  </Badge>
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">/100</span>
                </span>
              )}
            </div>
            <div className="col-span-2 min-w-0 sm:order-2 sm:col-span-1">
              <ol className="space-y-0.5 text-sm">
                {shown.map((q) => (
                  <li key={q.index} className="flex min-w-0 items-baseline gap-2">
                    <span className="truncate">{q.title}</span>
                    {q.score != null ? (
                      <span className="shrink-0 text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
                        <span className="sr-only">score </span>
                        {q.score}
                      </span>
                    ) : null}
                  </li>
                ))}
                {s.questions.length > shown.length ? (
                  <li className="text-xs text-zinc-500 dark:text-zinc-400">+{s.questions.length - shown.length} more</li>
                ) : null}
              </ol>
              <p className="mt-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                {s.mode === "mock" ? <Badge tone="warn">Mock</Badge> : "Practice"} · {s.questionCount} question{s.questionCount === 1 ? "" : "s"} ·{" "}
                {topics.join(", ")}
              </p>
            </div>
            <div className="col-span-2 flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium sm:order-4 sm:col-span-1">
              {active ? (
                <Link href={`/interview/${s.id}`} prefetch={false} className="text-brand-600 hover:underline dark:text-brand-200">
                  Resume<span className="sr-only"> {label}</span>
                </Link>
              ) : null}
              <Link href={`/sessions/${s.id}`} prefetch={false} className="whitespace-nowrap text-brand-600 hover:underline dark:text-brand-200">
                View transcript<span className="sr-only"> of the {label}</span>
                <span aria-hidden="true"> →</span>
              </Link>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
