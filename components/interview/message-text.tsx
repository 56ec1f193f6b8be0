import { renderInlineCode } from "../ui/inline-code";

/** Plain chat text with `inline code` and ``` fenced blocks; never raw HTML. */
export function MessageText({ text }: { text: string }) {
  const blocks = text.split(/```[a-zA-Z0-9_-]*\n?/);
  return (
    <div className="space-y-2 text-[15px] leading-7">
      {blocks.map((block, i) =>
        i % 2 === 1 ? (
          // Focusable: a long line scrolls sideways, and a keyboard user must be able to scroll it too.
          <pre
            key={i}
            tabIndex={0}
            className="overflow-x-auto rounded-lg bg-zinc-100 p-3 font-mono text-[13px] leading-6 focus-visible:outline-2 focus-visible:outline-brand-500 dark:bg-zinc-800"
          >
            {block.replace(/\n$/, "")}
          </pre>
        ) : (
          <p key={i} className="whitespace-pre-wrap break-words">
            {renderInlineCode(block)}
          </p>
        ),
      )}
    </div>
  );
}
