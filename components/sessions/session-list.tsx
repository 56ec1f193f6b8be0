import Link from "next/link";
import { formatDuration, sessionDurationMs } from "@/lib/review/format";
import type { SessionListItem } from "@/lib/review/types";
import { Badge, DifficultyBadge, scoreTone } from "../ui/badge";
import { LocalTime } from "./local-time";

function ScoreBlock({ score, active }: { score: number | null; active: boolean }) {
  if (active) return <Badge tone="brand">In progress</Badge>;
  if (score == null) return <Badge>Not scored</Badge>;
  return (
    <span className="flex items-baseline gap-1">
      <Badge tone={scoreTone(score)} className="px-2.5 py-1 text-base font-semibold tabular-nums">
        {score}
      </Badge>
      <span className="text-xs text-zinc-500 dark:text-zinc-400">/100</span>
    </span>
  );
}

/** The user's sessions as rows: date, questions, mode, duration, score, and a link to the transcript. */
export function SessionList({ items }: { items: SessionListItem[] }) {
  return (
    <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/60">
      {items.map((s) => {
        const active = s.status !== "finished";
        const label = `${s.mode === "mock" ? "mock interview" : "practice interview"} started ${s.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
        const shown = s.questions.slice(0, 3);
        const topics = [...new Set(s.questions.map((q) => q.topic))];
        return (
          <li key={s.id} className="grid gap-3 p-4 sm:grid-cols-[10rem_minmax(0,1fr)_auto] sm:items-center sm:gap-5">
            <div className="flex items-center justify-between gap-3 sm:block">
              <div>
                <LocalTime iso={s.startedAt.toISOString()} pattern="date" className="block text-sm font-medium" />
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  <LocalTime iso={s.startedAt.toISOString()} pattern="hm" /> · {active ? "in progress" : formatDuration(sessionDurationMs(s))}
                </span>
              </div>
              <div className="sm:hidden">
                <ScoreBlock score={s.overallScore} active={active} />
              </div>
            </div>
            <div className="min-w-0">
              <ol className="space-y-1 text-sm">
                {shown.map((q) => (
                  <li key={q.index} className="flex min-w-0 items-center gap-2">
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
              <div className="mt-2 flex flex-wrap items-center gap-1.5">
                <Badge tone={s.mode === "mock" ? "warn" : "neutral"}>{s.mode === "mock" ? "Mock" : "Practice"}</Badge>
                <Badge>
                  {s.questionCount} question{s.questionCount === 1 ? "" : "s"}
                </Badge>
                {topics.slice(0, 2).map((t) => (
                  <Badge key={t}>{t}</Badge>
                ))}
                {[...new Set(s.questions.map((q) => q.difficulty))].map((d) => (
                  <DifficultyBadge key={d} difficulty={d} />
                ))}
              </div>
            </div>
            <div className="flex items-center justify-between gap-4 sm:justify-end">
              <div className="hidden sm:block">
                <ScoreBlock score={s.overallScore} active={active} />
              </div>
              <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium">
                {active ? (
                  <Link href={`/interview/${s.id}`} className="text-brand-600 hover:underline dark:text-brand-200">
                    Resume<span className="sr-only"> {label}</span>
                  </Link>
                ) : null}
                <Link href={`/sessions/${s.id}`} className="whitespace-nowrap text-brand-600 hover:underline dark:text-brand-200">
                  View transcript<span className="sr-only"> of the {label}</span>
                  <span aria-hidden="true"> →</span>
                </Link>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
