import type { ReactNode } from "react";

export type Highlight = { start: number; end: number; kind: "evidence" | "red-flag"; label: string };

/**
 * The candidate's own text with evidence marked: spans are offsets into the answers joined with a
 * blank line (the scorer's convention). Overlapping spans are merged, the first kind winning.
 */
export function HighlightedAnswer({ text, highlights }: { text: string; highlights: Highlight[] }) {
  const sorted = highlights
    .filter((h) => h.end > h.start && h.start >= 0 && h.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const h of sorted) {
    if (h.start < at) continue;
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(
      <mark key={`${h.start}-${h.end}`} className={h.kind === "evidence" ? "evidence" : "red-flag"} title={h.label}>
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  parts.push(text.slice(at));
  return <div className="whitespace-pre-wrap break-words font-mono text-[13px] leading-6">{parts}</div>;
}
