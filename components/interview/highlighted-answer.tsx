import { useId, type ReactNode } from "react";

export type Highlight = { start: number; end: number; kind: "evidence" | "red-flag"; label: string };

const PREFIX = { evidence: "Covers", "red-flag": "Wrong claim" } as const;

/**
 * The candidate's own text with evidence marked: spans are offsets into the answers joined with a
 * blank line (the scorer's convention). Overlapping spans are merged, the first kind winning.
 * Each mark can be reached with Tab; what it covers is its description for screen readers (kept
 * out of the answer's text) and shown beside it on focus or hover. Kinds differ by underline
 * (solid, wavy), not by colour alone.
 */
export function HighlightedAnswer({ text, highlights }: { text: string; highlights: Highlight[] }) {
  const id = useId();
  const notes: ReactNode[] = [];
  const sorted = highlights.filter((h) => h.end > h.start && h.start >= 0 && h.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  const kinds = new Set<Highlight["kind"]>();
  for (const h of sorted) {
    if (h.start < at) continue;
    if (h.start > at) parts.push(text.slice(at, h.start));
    // Every label that covers the same words.
    const labels = [...new Set(sorted.filter((o) => o.kind === h.kind && o.start < h.end && o.end > h.start).map((o) => o.label))];
    kinds.add(h.kind);
    const note = `${PREFIX[h.kind]}: ${labels.join("; ")}`;
    const noteId = `${id}-${h.start}`;
    parts.push(
      <mark
        key={`${h.start}-${h.end}`}
        tabIndex={0}
        className={h.kind === "evidence" ? "evidence" : "red-flag"}
        data-kind={h.kind}
        data-note={note}
        aria-describedby={noteId}
      >
        {text.slice(h.start, h.end)}
      </mark>,
    );
    notes.push(
      <span key={noteId} id={noteId}>
        {note}
      </span>,
    );
    at = h.end;
  }
  parts.push(text.slice(at));
  return (
    <div>
      <div className="relative whitespace-pre-wrap break-words font-mono text-[13px] leading-6">{parts}</div>
      <div hidden>{notes}</div>
      {kinds.size > 0 ? (
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
          {kinds.has("evidence") ? (
            <span>
              <mark className="evidence">underlined</mark>: covers a key point
            </span>
          ) : null}
          {kinds.has("red-flag") ? (
            <span>
              <mark className="red-flag">wavy underline</mark>: a wrong claim
            </span>
          ) : null}
          <span>Tab to a highlight, or hover it, to see which point.</span>
        </p>
      ) : null}
    </div>
  );
}
