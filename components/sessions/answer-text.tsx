import type { Segment } from "@/lib/review/highlight";

const MARK_CLASS = {
  evidence: "evidence",
  partial: "rounded bg-amber-100 px-0.5 text-inherit dark:bg-amber-900/50",
  "red-flag": "red-flag",
} as const;

const MARK_PREFIX = { evidence: "Covers", partial: "Partly covers", "red-flag": "Wrong claim" } as const;

/** A candidate's answer in their own words, with the scorer's evidence marked. */
export function AnswerText({ segments, className }: { segments: Segment[]; className?: string }) {
  if (segments.length === 0) return <p className="text-sm italic text-zinc-500 dark:text-zinc-400">(empty answer)</p>;
  return (
    <div className={`whitespace-pre-wrap break-words font-mono text-[13px] leading-6 ${className ?? ""}`}>
      {segments.map((s, i) =>
        s.mark ? (
          <mark key={i} className={MARK_CLASS[s.mark.kind]} data-kind={s.mark.kind} title={`${MARK_PREFIX[s.mark.kind]}: ${s.mark.labels.join(" · ")}`}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </div>
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
        <mark className={MARK_CLASS.partial}>partly covered</mark>
      </span>
      <span>
        <mark className="red-flag">wrong claim</mark>
      </span>
      <span className="hidden sm:inline print:hidden">(hover a highlight to see the key point)</span>
    </p>
  );
}
