"use client";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * The reference answer beside the candidate's: a disclosure that starts open on wide screens and
 * closed on a phone (where it would push the transcript down), and opens for printing.
 */
export function ReferencePanel({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(min-width: 1024px)").matches) ref.current.open = true;
  }, []);
  return (
    <details
      ref={ref}
      data-print-open
      className="group rounded-xl border border-zinc-200 bg-zinc-50/70 dark:border-zinc-800 dark:bg-zinc-900/40 print:border-zinc-300 print:bg-white"
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-xl px-4 py-3 text-sm font-semibold hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-zinc-800/60 [&::-webkit-details-marker]:hidden">
        {summary}
        <span aria-hidden="true" className="text-zinc-400 transition-transform group-open:rotate-180 print:hidden">
          ▾
        </span>
      </summary>
      <div className="overflow-y-auto border-t border-zinc-200 px-4 pb-4 lg:max-h-[calc(100vh-10rem)] dark:border-zinc-800 print:max-h-none print:overflow-visible">
        {children}
      </div>
    </details>
  );
}
