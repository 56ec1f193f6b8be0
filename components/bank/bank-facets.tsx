import Link from "next/link";
import { cn } from "../ui/cn";
import { bankHref, type BankQuery } from "@/lib/bank/bank-query";
import type { Count } from "@/lib/bank/faceted-search";

const barTone: Record<string, string> = {
  easy: "bg-emerald-500/70",
  medium: "bg-amber-500/70",
  hard: "bg-rose-500/70",
};

/**
 * Counts by topic and difficulty for the current bank and search, as links that toggle the
 * filter (so they work without JavaScript too).
 */
export function BankFacets({ query, topics, difficulties }: { query: BankQuery; topics: Count[]; difficulties: Count[] }) {
  return (
    <div className="space-y-6">
      <FacetGroup
        id="facet-difficulty"
        title="Difficulty"
        items={difficulties}
        active={query.difficulty}
        href={(value) => bankHref({ ...query, difficulty: query.difficulty === value ? "" : value })}
        tone={(value) => barTone[value] ?? "bg-brand-500/70"}
      />
      <FacetGroup
        id="facet-topic"
        title="Topic"
        items={topics}
        active={query.topic}
        href={(value) => bankHref({ ...query, topic: query.topic.toLowerCase() === value.toLowerCase() ? "" : value })}
        tone={() => "bg-brand-500/60"}
      />
    </div>
  );
}

function FacetGroup({
  id,
  title,
  items,
  active,
  href,
  tone,
}: {
  id: string;
  title: string;
  items: Count[];
  active: string;
  href: (value: string) => string;
  tone: (value: string) => string;
}) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {title}
      </h2>
      <ul className="space-y-0.5">
        {items.map((item, i) => {
          const heading = item.group && item.group !== items[i - 1]?.group ? item.group : undefined;
          const isActive = active !== "" && active.toLowerCase() === item.value.toLowerCase();
          return (
            <li key={item.value}>
              {heading ? <p className={cn("px-2.5 pb-0.5 text-xs font-medium text-zinc-500 dark:text-zinc-400", i > 0 && "pt-3")}>{heading}</p> : null}
              <Link
                href={href(item.value)}
                scroll={false}
                prefetch={false}
                aria-current={isActive ? "true" : undefined}
                className={cn(
                  "group block rounded-lg px-2.5 py-1.5 text-sm",
                  isActive
                    ? "bg-brand-50 font-medium text-brand-700 dark:bg-brand-900/40 dark:text-brand-200"
                    : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
                  item.count === 0 && !isActive && "text-zinc-400 dark:text-zinc-500",
                )}
              >
                <span className="flex items-baseline justify-between gap-2">
                  <span className="min-w-0">{item.label}</span>
                  <span className="shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                    {item.count}
                    <span className="sr-only"> {item.count === 1 ? "question" : "questions"}</span>
                  </span>
                </span>
                <span aria-hidden="true" className="mt-1 block h-1 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
                  <span className={cn("block h-full rounded-full", tone(item.value))} style={{ width: `${(item.count / max) * 100}%` }} />
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const chipTone: Record<string, string> = {
  easy: "text-emerald-700 dark:text-emerald-300",
  medium: "text-amber-800 dark:text-amber-300",
  hard: "text-rose-700 dark:text-rose-300",
};

/** The difficulty counts as a row of toggles, for narrow screens where the sidebar is hidden. */
export function DifficultyChips({ query, difficulties }: { query: BankQuery; difficulties: Count[] }) {
  return (
    <ul aria-label="Counts by difficulty" className="flex flex-wrap gap-1.5">
      {difficulties.map((d) => {
        const isActive = query.difficulty === d.value;
        return (
          <li key={d.value}>
            <Link
              href={bankHref({ ...query, difficulty: isActive ? "" : d.value })}
              scroll={false}
              prefetch={false}
              aria-current={isActive ? "true" : undefined}
              className={cn(
                "inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium",
                isActive
                  ? "border-brand-500 bg-brand-50 dark:bg-brand-900/40"
                  : "border-zinc-200 bg-white hover:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-zinc-800",
                chipTone[d.value],
              )}
            >
              {d.label}
              <span className="text-zinc-500 tabular-nums dark:text-zinc-400">{d.count}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
