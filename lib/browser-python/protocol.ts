/**
 * The messages between hooks/use-python-runner.ts (the page) and python.worker.ts (the worker
 * that owns Pyodide), and the pure helpers both sides share. Contract: the page sends `load` once
 * (with a SharedArrayBuffer for interrupts when the page is cross-origin isolated), then `run`
 * messages one at a time; the worker answers each run with exactly one `result` carrying the same
 * id, unless the page terminates it first, and may send `output` messages for that id before it.
 */

/** What one run produced. `error` is Python's traceback (cleaned of Pyodide's own frames) or a runner message; null when the code finished. */
export type RunResult = { stdout: string; stderr: string; error: string | null; durationMs: number };

export type ToWorker = { type: "load"; baseUrl: string; interruptBuffer: SharedArrayBuffer | null } | { type: "run"; id: number; code: string };

export type FromWorker =
  | { type: "progress"; text: string }
  | { type: "ready"; loadMs: number }
  | { type: "load-failed"; message: string }
  /** The output so far (whole, not a delta) while the code runs: the first OUTPUT_EAGER_MESSAGES writes, then at most one per OUTPUT_INTERVAL_MS. */
  | { type: "output"; id: number; stdout: string; stderr: string }
  | ({ type: "result"; id: number; interrupted: boolean } & RunResult);

/** How often a run's output so far is sent while it runs: often enough to watch, rarely enough to cost nothing. */
export const OUTPUT_INTERVAL_MS = 100;
/** Output messages a run sends at once, before the interval applies. */
export const OUTPUT_EAGER_MESSAGES = 20;

/** Most characters kept per stream: a print loop must not grow the page's memory without end. */
export const OUTPUT_CAP = 64_000;
export const TRUNCATED_NOTE = "\n[output truncated]\n";

/** Appends a chunk to a stream's text, keeping at most `cap` characters of output and noting the cut once. */
export function appendCapped(text: string, chunk: string, cap = OUTPUT_CAP): string {
  if (text.endsWith(TRUNCATED_NOTE)) return text;
  if (text.length + chunk.length <= cap) return text + chunk;
  return text + chunk.slice(0, Math.max(0, cap - text.length)) + TRUNCATED_NOTE;
}

/**
 * Python's traceback without the frames of Pyodide's own machinery (its `_pyodide` package and
 * the standard library files under /lib/python...), which only confuse a candidate: what is left
 * is the header, the frames of their code (`File "<exec>"`) and the exception line.
 */
export function cleanTraceback(message: string): string {
  const lines = message.trimEnd().split("\n");
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines) {
    // A frame's source and caret lines are indented further than its `File` line: they go with it.
    if (skipping && line.startsWith("    ")) continue;
    const file = /^ {2}File "([^"]+)"/.exec(line)?.[1];
    skipping = file !== undefined && file.startsWith("/lib/python");
    if (!skipping) kept.push(line);
  }
  return kept.join("\n");
}

/** The message a run gets when the page stopped it: by the candidate, or at the time limit. */
export function stopMessage(reason: "user" | "time-limit", timeLimitMs: number): string {
  return reason === "user" ? "Stopped." : `Stopped: the code ran longer than the ${Math.round(timeLimitMs / 1000)} s limit.`;
}

/** Limits of Python in the browser that a traceback does not explain, keyed by the error they cause. */
const BROWSER_LIMITS: { pattern: RegExp; note: string }[] = [
  {
    pattern: /RuntimeError: can't start new thread/,
    note: "Threads cannot start when Python runs in the browser (Pyodide has no threads); code that needs them runs only where it is graded.",
  },
  {
    pattern: /OSError: \[Errno 29\] I\/O error/,
    note: "input() has nothing to read here: the browser's Python has no keyboard input. Set the value in the code instead.",
  },
];

/** The error with a note added when it comes from a limit of the browser's Python rather than from the code. */
export function explainError(error: string): string {
  const limit = BROWSER_LIMITS.find((l) => l.pattern.test(error));
  return limit ? `${error}\n\n${limit.note}` : error;
}
