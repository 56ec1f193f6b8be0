"use client";
/**
 * A coding task to try in the browser: the prompt (HTML the server rendered from the bank's
 * Markdown), its visible examples, a Python editor holding `code`, Run / Stop / Reset, and the
 * output of the last run. Python (Pyodide) is loaded in a worker on the first Run only
 * (hooks/use-python-runner.ts). The code is the parent's (`code` / `onCodeChange`), so the bank
 * page and the interview room can each keep it where they need it. Never given the hidden checks:
 * it runs only what the candidate wrote. Load it with next/dynamic ({ ssr: false }): CodeMirror
 * must stay out of pages without a task.
 */
import { useId, useState, type KeyboardEvent } from "react";
import { CodeEditor } from "@/components/code/code-editor";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { usePythonRunner, type RunResult } from "@/hooks/use-python-runner";

export type CodeTaskPanelProps = {
  promptHtml: string;
  /** The task's examples, each rendered to HTML (usually one code block). */
  examplesHtml: string[];
  /** The starter code (what Reset puts back). */
  starter: string;
  code: string;
  onCodeChange: (code: string) => void;
  /** Level of the panel's own headings (Task, Examples, Your code, Output), to fit the page's outline. */
  headingLevel?: 2 | 3 | 4;
  timeLimitMs?: number;
};

export function CodeTaskPanel({ promptHtml, examplesHtml, starter, code, onCodeChange, headingLevel = 3, timeLimitMs }: CodeTaskPanelProps) {
  const Heading = `h${headingLevel}` as const;
  const ids = useId();
  const editorLabel = `${ids}-editor`;
  const outputHeading = `${ids}-output`;
  const runner = usePythonRunner({ timeLimitMs });
  const [result, setResult] = useState<RunResult | null>(null);
  const [runs, setRuns] = useState(0);
  const busy = runner.status === "loading" || runner.status === "running";

  async function run() {
    if (busy) return;
    const outcome = await runner.run(code);
    setResult(outcome);
    setRuns((n) => n + 1);
  }

  // Ctrl/⌘+Enter runs from inside the editor (caught before CodeMirror inserts a line).
  function onEditorKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      void run();
    }
  }

  const headingClass = "text-sm font-semibold tracking-tight";
  return (
    // The data attributes let the e2e and bench/python-browser.ts read what the page cannot show plainly.
    <div className="space-y-5" data-python-workers={runner.workersStarted} data-python-load-ms={runner.loadMs ?? undefined}>
      <div>
        <Heading className={headingClass}>Task</Heading>
        <div className="prose-md mt-1" dangerouslySetInnerHTML={{ __html: promptHtml }} />
      </div>
      {examplesHtml.length ? (
        <div>
          <Heading className={headingClass}>{examplesHtml.length === 1 ? "Example" : "Examples"}</Heading>
          {examplesHtml.map((html, i) => (
            <div key={i} className="prose-md" dangerouslySetInnerHTML={{ __html: html }} />
          ))}
        </div>
      ) : null}
      <div onKeyDownCapture={onEditorKeyDown}>
        <Heading id={editorLabel} className={cn(headingClass, "mb-1.5")}>
          Your code (Python)
        </Heading>
        <CodeEditor value={code} onChange={onCodeChange} labelledBy={editorLabel} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" onClick={() => void run()} aria-disabled={busy || undefined} className={busy ? "cursor-not-allowed opacity-60" : undefined}>
          <span aria-hidden="true">▶</span> Run
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={runner.stop}
          aria-disabled={!busy || undefined}
          className={!busy ? "cursor-not-allowed opacity-60" : undefined}
        >
          <span aria-hidden="true">■</span> Stop
        </Button>
        <Button type="button" variant="ghost" onClick={() => onCodeChange(starter)}>
          Reset to starter code
        </Button>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">Ctrl/⌘+Enter runs · runs stop after {Math.round(runner.timeLimitMs / 1000)} s</span>
      </div>
      <div role="status" className="min-h-5 text-sm text-zinc-700 dark:text-zinc-300">
        {runner.status === "loading" ? (
          <span className="inline-flex items-center gap-2">
            <span aria-hidden="true" className="size-3.5 animate-spin rounded-full border-2 border-brand-500 border-t-transparent motion-reduce:animate-none" />
            Loading Python… (first run takes a few seconds){runner.progress && runner.progress !== "Loading Python…" ? ` ${runner.progress}` : ""}
          </span>
        ) : runner.status === "running" ? (
          "Running…"
        ) : null}
      </div>
      <section aria-labelledby={outputHeading}>
        <Heading id={outputHeading} className={headingClass}>
          Output
        </Heading>
        {/* The finished run is announced; the output growing while it runs is not (it would be read out line by line). */}
        <div aria-live="polite" className="mt-1.5">
          {runner.live ? null : result ? (
            <RunOutput key={runs} result={result} />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Run your code to see what it prints.</p>
          )}
        </div>
        {runner.live ? <LiveOutput stdout={runner.live.stdout} stderr={runner.live.stderr} /> : null}
      </section>
    </div>
  );
}

const pre = "max-h-80 overflow-auto rounded-lg border px-3 py-2 font-mono text-[13px] leading-6 whitespace-pre-wrap";

function LiveOutput({ stdout, stderr }: { stdout: string; stderr: string }) {
  if (!stdout && !stderr) return null;
  return (
    <div className="space-y-2" data-testid="live-output">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">Output so far</p>
      {stdout ? (
        <pre aria-label="Standard output so far" tabIndex={0} className={cn(pre, "border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900")}>
          {stdout}
        </pre>
      ) : null}
      {stderr ? (
        <pre
          aria-label="Standard error so far"
          tabIndex={0}
          className={cn(pre, "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100")}
        >
          {stderr}
        </pre>
      ) : null}
    </div>
  );
}

function RunOutput({ result }: { result: RunResult }) {
  const nothing = !result.stdout && !result.stderr && !result.error;
  return (
    <div className="space-y-2" data-testid="run-output">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {result.error ? "Finished with an error" : "Finished"} in {result.durationMs} ms
      </p>
      {nothing ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No output.</p> : null}
      {result.stdout ? (
        <pre aria-label="Standard output" tabIndex={0} className={cn(pre, "border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900")}>
          {result.stdout}
        </pre>
      ) : null}
      {result.stderr ? (
        <pre
          aria-label="Standard error"
          tabIndex={0}
          className={cn(pre, "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100")}
        >
          {result.stderr}
        </pre>
      ) : null}
      {result.error ? (
        <pre
          aria-label="Error"
          tabIndex={0}
          className={cn(pre, "border-rose-300 bg-rose-50 text-rose-950 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100")}
        >
          {result.error}
        </pre>
      ) : null}
    </div>
  );
}
