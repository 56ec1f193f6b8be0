import { useId } from "react";
import type { Segment } from "@/lib/sessions/highlight";

const MARK_CLASS = {
  evidence: "evidence",
  partial: "rounded-sm bg-amber-100 text-inherit dark:bg-amber-900/50",
  "red-flag": "red-flag",
} as const;

const MARK_PREFIX = { evidence: "Covers", partial: "Partly covers", "red-flag": "Wrong claim" } as const;

/** A candidate's answer in their own words, with the scorer's evidence marked. */
export function AnswerText({ segments, className }: { segments: Segment[]; className?: string }) {
  const id = useId();
  if (segments.length === 0) return <p className="text-sm italic text-zinc-500 dark:text-zinc-400">(empty answer)</p>;
  const note = (s: Segment) => (s.mark ? `${MARK_PREFIX[s.mark.kind]}: ${s.mark.labels.join("; ")}` : "");
  return (
    <>
      <div className={`relative whitespace-pre-wrap break-words font-mono text-[13px] leading-6 ${className ?? ""}`}>
        {segments.map((s, i) =>
          s.mark ? (
            // Reachable with Tab; what it covers is its description (kept out of the answer's text)
            // for screen readers, and shown beside it on focus or hover.
            <mark key={i} tabIndex={0} className={MARK_CLASS[s.mark.kind]} data-kind={s.mark.kind} data-note={note(s)} aria-describedby={`${id}-${i}`}>
              {s.text}
            </mark>
          ) : (
            s.text
          ),
        )}
      </div>
      <div hidden>
        {segments.map((s, i) =>
          s.mark ? (
            <span key={i} id={`${id}-${i}`}>
              {note(s)}
            </span>
          ) : null,
        )}
      </div>
    </>
  );
}

/** What the colours mean, shown once above the transcript. */
export function MarkLegend() {
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      <span>In your answers:</span>
      <span>
        <mark className="evidence">covered key point</mark>
      </span>
      <span>
        <mark className={MARK_CLASS.partial} data-kind="partial">
          partly covered
        </mark>
      </span>
      <span>
        <mark className="red-flag">wrong claim</mark>
      </span>
      <span className="hidden sm:inline print:hidden">
        (solid underline: covered, dashed: partly, wavy: wrong; Tab to or hover a highlight to see the key point)
      </span>
    </p>
  );
}
