import type { ReactNode } from "react";

/** Text with `inline code` (as key points and red flags are written), never raw HTML. */
export function InlineCode({ text }: { text: string }): ReactNode {
  const parts = text.split(/(`[^`\n]+`)/);
  return parts.map((part, i) =>
    part.length > 2 && part.startsWith("`") && part.endsWith("`") ? (
      <code key={i} className="rounded bg-zinc-100 px-1 py-px font-mono text-[0.85em] dark:bg-zinc-800">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}
