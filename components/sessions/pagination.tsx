import Link from "next/link";
import { sessionsHref } from "@/lib/sessions/list-filters";
import { buttonClass } from "../ui/button";

/** Previous / next links that keep the filters, with "Page 2 of 7". */
export function Pagination({ page, pageCount, topic, score }: { page: number; pageCount: number; topic?: string; score?: string }) {
  if (pageCount <= 1 && page <= 1) return null;
  const prev = page > 1 ? sessionsHref({ topic, score, page: Math.min(page - 1, pageCount) }) : null;
  const next = page < pageCount ? sessionsHref({ topic, score, page: page + 1 }) : null;
  const disabled = "pointer-events-none opacity-40";
  return (
    <nav aria-label="Pagination" className="mt-6 flex items-center justify-between gap-3 print:hidden">
      {prev ? (
        <Link href={prev} rel="prev" className={buttonClass("secondary", "sm")}>
          ← Previous<span className="sr-only"> page</span>
        </Link>
      ) : (
        <span aria-hidden="true" className={buttonClass("secondary", "sm", disabled)}>
          ← Previous
        </span>
      )}
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-current="page">
        Page {page} of {pageCount}
      </p>
      {next ? (
        <Link href={next} rel="next" className={buttonClass("secondary", "sm")}>
          Next<span className="sr-only"> page</span> →
        </Link>
      ) : (
        <span aria-hidden="true" className={buttonClass("secondary", "sm", disabled)}>
          Next →
        </span>
      )}
    </nav>
  );
}
