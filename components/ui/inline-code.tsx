import type { ReactNode } from "react";

/** Text with `backtick` spans shown as code; everything else stays plain text (never HTML). */
export function InlineCode({ text }: { text: string }) {
  return <>{renderInlineCode(text)}</>;
}

export function renderInlineCode(text: string): ReactNode[] {
  return text.split(/(`[^`\n]+`)/).map((part, i) =>
    part.startsWith("`") && part.endsWith("`") && part.length > 2 ? (
      <code key={i} className="inline-code">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}
