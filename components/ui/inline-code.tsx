import type { ReactNode } from "react";

/** Text with `backtick` spans shown as code; everything else stays plain text (never HTML). */
export function InlineCode({ text }: { text: string }) {
  return <>{renderInlineCode(text)}</>;
}

export function renderInlineCode(text: string): ReactNode[] {
  return text.split(/(`[^`\n]+`)/).map((part, i) =>
    part.startsWith("`") && part.endsWith("`") && part.length > 2 ? (
      <code key={i} className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.85em] dark:bg-zinc-800">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}
