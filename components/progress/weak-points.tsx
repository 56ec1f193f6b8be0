import Link from "next/link";
import type { WeakPoint } from "@/lib/sessions/progress-aggregate";
import { InlineCode } from "../ui/inline-code";
import { Badge, DifficultyBadge } from "../ui/badge";

const LAST = { covered: "covered last time", partial: "partly covered last time", missed: "missed last time" } as const;

/** The key points missed most often across sessions, with the question each belongs to. */
export function WeakPointsList({ points }: { points: WeakPoint[] }) {
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Weakest key points">
      {points.map((p, i) => (
        <li key={`${p.questionId}:${p.keyPointId}`} className="flex gap-3 py-3">
          <span className="mt-0.5 w-5 shrink-0 text-sm font-medium text-zinc-500 tabular-nums dark:text-zinc-400">{i + 1}.</span>
          <div className="flex min-w-0 flex-1 flex-col gap-2 sm:flex-row sm:items-start sm:gap-4">
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium leading-6">
                <InlineCode text={p.keyPointText} />
              </p>
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                <span className="sr-only">Question: </span>
                <Link href={`/bank/${p.questionId}`} className="text-brand-600 hover:underline dark:text-brand-200">
                  {p.questionTitle}
                </Link>{" "}
                <DifficultyBadge difficulty={p.difficulty} />
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap items-center gap-2 sm:block sm:text-right">
              <Badge tone={p.missRate >= 0.75 ? "bad" : p.missRate >= 0.4 ? "warn" : "neutral"} className="tabular-nums">
                {Math.round(p.missRate * 100)}% missed
              </Badge>
              <p className="text-xs text-zinc-500 sm:mt-1 dark:text-zinc-400">
                {p.missed + p.partial} of {p.attempts} · {LAST[p.lastStatus]}
              </p>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
