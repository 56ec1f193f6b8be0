import Link from "next/link";
import type { WeakPoint } from "@/lib/review/aggregate";
import { InlineCode } from "../sessions/inline-code";
import { Badge, DifficultyBadge } from "../ui/badge";

const LAST = { covered: "covered last time", partial: "partly covered last time", missed: "missed last time" } as const;

/** The key points missed most often across sessions, with the question each belongs to. */
export function WeakPointsList({ points }: { points: WeakPoint[] }) {
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Weakest key points">
      {points.map((p, i) => (
        <li key={`${p.questionId}:${p.keyPointId}`} className="flex gap-3 py-3">
          <span className="mt-0.5 w-5 shrink-0 text-sm font-medium text-zinc-400 tabular-nums">{i + 1}.</span>
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium leading-6">
              <InlineCode text={p.keyPointText} />
            </p>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
              <Link href={`/bank/${p.questionId}`} className="max-w-full truncate text-brand-600 hover:underline dark:text-brand-200">
                {p.questionTitle}
              </Link>
              <DifficultyBadge difficulty={p.difficulty} />
            </p>
          </div>
          <div className="shrink-0 text-right">
            <Badge tone={p.missRate >= 0.75 ? "bad" : p.missRate >= 0.4 ? "warn" : "neutral"} className="tabular-nums">
              {Math.round(p.missRate * 100)}% missed
            </Badge>
            <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
              {p.missed + p.partial} of {p.attempts} · {LAST[p.lastStatus]}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
