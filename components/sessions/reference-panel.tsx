import type { ReactNode } from "react";

/**
 * The reference answer under the candidate's answers and feedback: a disclosure that starts closed
 * at every width (secondary to the candidate's own words; opening it on load moved everything
 * under it, a layout shift) and opens for printing. Its code scrolls sideways rather than clipping.
 */
export function ReferencePanel({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <details
      data-print-open
      className="group rounded-xl border border-zinc-200 bg-zinc-50/70 dark:border-zinc-800 dark:bg-zinc-900/40 print:border-zinc-300 print:bg-white"
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-xl px-4 py-3 text-sm font-semibold hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-zinc-800/60 [&::-webkit-details-marker]:hidden">
        {summary}
        <span aria-hidden="true" className="text-zinc-500 transition-transform group-open:rotate-180 dark:text-zinc-400 print:hidden">
          ▾
        </span>
      </summary>
      <div className="min-w-0 border-t border-zinc-200 px-4 pb-4 dark:border-zinc-800 [&_pre]:max-w-full [&_pre]:overflow-x-auto">{children}</div>
    </details>
  );
}
