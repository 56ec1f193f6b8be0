import Link from "next/link";
import { SCORE_RANGES } from "@/lib/sessions/views";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import { cn } from "../ui/cn";

/** The /sessions filters: a plain GET form, so the filters live in the URL and work without JavaScript. */
export function SessionFilters({ topics, topic, score }: { topics: string[]; topic?: string; score?: string }) {
  const active = Boolean(topic || score);
  const customScore = score && !SCORE_RANGES.some((r) => r.value === score) ? score : undefined;
  return (
    <form method="get" action="/sessions" role="search" aria-label="Filter sessions" className="grid grid-cols-2 gap-3 sm:flex sm:items-end">
      <div className="min-w-0 space-y-1.5 sm:flex-1">
        <label htmlFor="filter-topic" className="block text-sm font-medium">
          Topic
        </label>
        <select id="filter-topic" name="topic" defaultValue={topic ?? ""} className={cn(inputClass, "h-10")}>
          <option value="">All topics</option>
          {topics.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
          {topic && !topics.includes(topic) ? <option value={topic}>{topic}</option> : null}
        </select>
      </div>
      <div className="min-w-0 space-y-1.5 sm:w-56">
        <label htmlFor="filter-score" className="block text-sm font-medium">
          Overall score
        </label>
        <select id="filter-score" name="score" defaultValue={score ?? ""} className={cn(inputClass, "h-10")}>
          <option value="">Any score</option>
          {SCORE_RANGES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
          {customScore ? <option value={customScore}>{customScore}</option> : null}
        </select>
      </div>
      <div className="col-span-2 flex gap-2">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        {active ? (
          <Link
            href="/sessions"
            className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
