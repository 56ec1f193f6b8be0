"use client";
/**
 * A Python code editor (CodeMirror 6): highlighting, auto-indent, bracket matching, undo history,
 * line numbers. Controlled: `value` is the code, `onChange` gets every edit. Keyboard: Tab and
 * Shift+Tab indent and dedent; Esc, then Tab (or Shift+Tab), leaves the editor, as in the answer
 * box (CodeMirror's own tab-focus escape). The editable element is named by `labelledBy` (the id
 * of a visible label the parent renders) and described by the key hint below it. Colours follow
 * the app's theme (next-themes' resolved light/dark), with text contrast of at least 4.5:1.
 * Client only: load it with next/dynamic, so CodeMirror stays out of pages without a code task.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { Compartment, EditorState } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { useTheme } from "next-themes";
import { useEffect, useId, useRef } from "react";

type Palette = { background: string; text: string; gutter: string; gutterText: string; activeLine: string; selection: string; cursor: string; match: string };

// Token colours checked against their background (WCAG AA, 4.5:1): Tailwind's 700 shades on white, 300 shades on zinc-900.
const PALETTES: Record<"light" | "dark", Palette & { tokens: Record<"keyword" | "string" | "comment" | "number" | "name" | "builtin", string> }> = {
  light: {
    background: "#ffffff",
    text: "#18181b",
    gutter: "#fafafa",
    gutterText: "#52525b",
    activeLine: "#f4f4f5",
    selection: "#bfdbfe",
    cursor: "#18181b",
    match: "#fde68a",
    tokens: { keyword: "#6d28d9", string: "#047857", comment: "#52525b", number: "#b45309", name: "#1d4ed8", builtin: "#be123c" },
  },
  dark: {
    background: "#18181b",
    text: "#f4f4f5",
    gutter: "#18181b",
    gutterText: "#a1a1aa",
    activeLine: "#27272a",
    selection: "#1e3a8a",
    cursor: "#f4f4f5",
    match: "#713f12",
    tokens: { keyword: "#c4b5fd", string: "#6ee7b7", comment: "#a1a1aa", number: "#fcd34d", name: "#93c5fd", builtin: "#fda4af" },
  },
};

function themeExtensions(mode: "light" | "dark") {
  const p = PALETTES[mode];
  const t = p.tokens;
  return [
    EditorView.theme(
      {
        "&": { backgroundColor: p.background, color: p.text, fontSize: "13px" },
        ".cm-content": { caretColor: p.cursor, padding: "0.5rem 0" },
        // On the scroller, so the line numbers get the same font and line height as the code.
        ".cm-scroller": { fontFamily: "var(--font-mono, ui-monospace, monospace)", lineHeight: "1.5rem" },
        ".cm-cursor, .cm-dropCursor": { borderLeftColor: p.cursor },
        "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection": { backgroundColor: p.selection },
        ".cm-activeLine": { backgroundColor: p.activeLine },
        ".cm-gutters": { backgroundColor: p.gutter, color: p.gutterText, borderRight: "none" },
        ".cm-activeLineGutter": { backgroundColor: p.activeLine },
        "&.cm-focused .cm-matchingBracket": { backgroundColor: p.match, outline: "none" },
        "&.cm-focused": { outline: "none" },
      },
      { dark: mode === "dark" },
    ),
    syntaxHighlighting(
      HighlightStyle.define([
        { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword, tags.self], color: t.keyword },
        { tag: [tags.string, tags.special(tags.string)], color: t.string },
        { tag: [tags.comment, tags.lineComment], color: t.comment, fontStyle: "italic" },
        { tag: [tags.number, tags.bool, tags.null], color: t.number },
        { tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)], color: t.name },
        { tag: [tags.standard(tags.variableName), tags.className], color: t.builtin },
      ]),
    ),
  ];
}

export function CodeEditor({
  value,
  onChange,
  labelledBy,
  describedBy,
  minLines = 10,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Id of the visible label of the editor. */
  labelledBy: string;
  /** Ids of further descriptions (the key hint is always included). */
  describedBy?: string;
  /** Height of the editor when the code is shorter, in lines. */
  minLines?: number;
}) {
  const hintId = useId();
  const host = useRef<HTMLDivElement | null>(null);
  const view = useRef<EditorView | null>(null);
  const themeSlot = useRef(new Compartment());
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const { resolvedTheme } = useTheme();
  const mode: "light" | "dark" = resolvedTheme === "dark" ? "dark" : "light";
  // The first value and theme build the editor; later ones are dispatched into it (below).
  const initial = useRef({ value, mode });

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial.current.value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          indentUnit.of("    "),
          EditorState.tabSize.of(4),
          python(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.contentAttributes.of({
            "aria-labelledby": labelledBy,
            "aria-describedby": [hintId, describedBy].filter(Boolean).join(" "),
            spellcheck: "false",
            // Focusable by itself, so the scroller around it (scrolled sideways on a phone) has keyboard access (axe: scrollable-region-focusable).
            tabindex: "0",
          }),
          themeSlot.current.of(themeExtensions(initial.current.mode)),
          EditorView.theme({ ".cm-content, .cm-gutter": { minHeight: `${minLines * 1.5 + 1}rem` } }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [labelledBy, describedBy, hintId, minLines]);

  // A new value from the parent (a reset, a restored draft) replaces the text; our own edits already match.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== value) editor.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: themeSlot.current.reconfigure(themeExtensions(mode)) });
  }, [mode]);

  return (
    <div className="space-y-1.5">
      <div
        ref={host}
        className="overflow-hidden rounded-lg border border-zinc-300 shadow-sm focus-within:border-brand-500 focus-within:outline-2 focus-within:outline-brand-500/30 dark:border-zinc-700"
      />
      <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
        Tab indents, Shift+Tab dedents · Esc, then Tab, leaves the editor
      </p>
    </div>
  );
}
