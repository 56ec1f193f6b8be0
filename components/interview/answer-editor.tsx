"use client";
import { useRef, type KeyboardEvent } from "react";

/**
 * A code-friendly answer box: monospace, Tab indents (Esc, then Tab, leaves the box, so keyboard
 * users are never trapped), Ctrl/Cmd+Enter sends.
 */
export function AnswerEditor({
  value,
  onChange,
  onSubmit,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  disabled?: boolean;
}) {
  const escaped = useRef(false);
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
      return;
    }
    if (e.key === "Escape") {
      escaped.current = true;
      return;
    }
    if (e.key === "Tab" && !escaped.current && !e.shiftKey) {
      e.preventDefault();
      const el = e.currentTarget;
      const { selectionStart: start, selectionEnd: end } = el;
      const next = `${value.slice(0, start)}    ${value.slice(end)}`;
      onChange(next);
      requestAnimationFrame(() => el.setSelectionRange(start + 4, start + 4));
      return;
    }
    escaped.current = false;
  }
  return (
    <div className="space-y-1.5">
      <label htmlFor="answer" className="block text-sm font-medium">
        Your answer
      </label>
      <textarea
        id="answer"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        disabled={disabled}
        rows={10}
        spellCheck={false}
        aria-describedby="answer-hint"
        className="block w-full resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono text-[13px] leading-6 shadow-sm focus:border-brand-500 focus:outline-2 focus:outline-brand-500/30 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <p id="answer-hint" className="text-xs text-zinc-500">
        Tab indents · Esc then Tab leaves the box · Ctrl/⌘+Enter sends
      </p>
    </div>
  );
}
