"use client";
import { forwardRef, useId, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { MAX_ANSWER_CHARS } from "@/lib/sessions/limits";
import { cn } from "../ui/cn";
import { checkLength, counterText, insideCodeFence, lengthAnnouncement } from "./answer-messages";

/**
 * A code-friendly answer box: monospace; Tab moves focus on like in any other field, except inside
 * a ``` code block (or when the candidate turns on "Tab indents", an announced checkbox), where it
 * indents, and Esc then Tab still leaves. Ctrl/Cmd+Enter sends. Past 90% of the length limit a
 * counter appears; over it the box is marked invalid, but nothing typed is ever cut.
 */
export const AnswerEditor = forwardRef<
  HTMLTextAreaElement,
  {
    value: string;
    onChange: (value: string) => void;
    onSubmit: () => void;
    /** While the interviewer replies: the text stays focusable and readable, but not editable. */
    readOnly?: boolean;
    /** Ids of messages about the answer (an error) that the box should be described by. */
    describedBy?: string;
    /** Integrity signals of an invited interview (hooks/use-integrity-signals.ts). */
    onPaste?: (e: ClipboardEvent<HTMLTextAreaElement>) => void;
    onFirstKey?: () => void;
  }
>(function AnswerEditor({ value, onChange, onSubmit, readOnly, describedBy, onPaste, onFirstKey }, ref) {
  const escaped = useRef(false);
  const box = useRef<HTMLTextAreaElement | null>(null);
  // Where the caret goes after an indent: set as soon as React has written the new value, before
  // the next key press is handled (a later frame would move it under fast typing).
  const caretAfterIndent = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfterIndent.current === null || !box.current) return;
    box.current.setSelectionRange(caretAfterIndent.current, caretAfterIndent.current);
    caretAfterIndent.current = null;
  }, [value]);
  const [tabIndents, setTabIndents] = useState(false);
  const toggleId = useId();
  const check = checkLength(value);
  const over = check.over > 0;

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    // A modifier alone (the Ctrl of Ctrl+V) is not typing.
    if (!readOnly && !["Control", "Meta", "Shift", "Alt"].includes(e.key)) onFirstKey?.();
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
      return;
    }
    if (e.key === "Escape") {
      escaped.current = true;
      return;
    }
    if (e.key === "Tab" && !escaped.current && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && !readOnly) {
      const { selectionStart: start, selectionEnd: end } = e.currentTarget;
      if (tabIndents || insideCodeFence(value, start)) {
        e.preventDefault();
        caretAfterIndent.current = start + 4;
        onChange(`${value.slice(0, start)}    ${value.slice(end)}`);
        return;
      }
    }
    escaped.current = false;
  }

  const describedByIds = ["answer-hint", check.showCounter ? "answer-count" : null, describedBy ?? null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1.5">
      <label htmlFor="answer" className="block text-sm font-medium">
        Your answer
      </label>
      <textarea
        ref={(el) => {
          box.current = el;
          if (typeof ref === "function") ref(el);
          else if (ref) ref.current = el;
        }}
        id="answer"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        readOnly={readOnly}
        aria-readonly={readOnly || undefined}
        aria-invalid={over || undefined}
        rows={10}
        spellCheck={false}
        aria-describedby={describedByIds}
        className={cn(
          "block w-full resize-y rounded-lg border bg-white px-3 py-2 font-mono text-[13px] leading-6 shadow-sm focus:border-brand-500 focus:outline-2 focus:outline-brand-500/30 read-only:bg-zinc-50 dark:bg-zinc-900 dark:read-only:bg-zinc-900/60",
          over ? "border-rose-500 dark:border-rose-400" : "border-zinc-300 dark:border-zinc-700",
        )}
      />
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <p id="answer-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
          {tabIndents ? "Tab indents (Esc, then Tab, leaves the box)" : "Tab moves on; inside a ``` code block it indents (Esc, then Tab, leaves)"} ·
          Ctrl/⌘+Enter sends
        </p>
        {check.showCounter ? (
          <p
            id="answer-count"
            className={cn("text-xs tabular-nums", over ? "font-semibold text-rose-700 dark:text-rose-300" : "text-zinc-600 dark:text-zinc-400")}
          >
            {over ? <span aria-hidden="true">⚠ </span> : null}
            {counterText(check)}
          </p>
        ) : null}
      </div>
      <label htmlFor={toggleId} className="inline-flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <input id={toggleId} type="checkbox" checked={tabIndents} onChange={(e) => setTabIndents(e.target.checked)} className="size-3.5 accent-brand-600" />
        Tab indents everywhere in the answer
      </label>
      {/* Announced once per band (near the limit, over it), not on every keystroke. */}
      <p className="sr-only" aria-live="polite">
        {lengthAnnouncement(check, MAX_ANSWER_CHARS)}
      </p>
      <p className="sr-only" aria-live="polite">
        {tabIndents ? "Tab now indents in the answer box. Press Escape, then Tab, to leave it." : ""}
      </p>
    </div>
  );
});
