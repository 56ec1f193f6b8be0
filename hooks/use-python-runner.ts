"use client";
/**
 * usePythonRunner: Python in the browser for a component (components/code/code-task-panel.tsx).
 * Owns one PythonRunner (lib/browser-python/runner.ts) per mounted component: nothing is
 * downloaded until the first run(), which creates the module worker and loads Pyodide from this
 * origin; unmounting terminates the worker. Stop interrupts the code and keeps Python loaded when
 * the page is cross-origin isolated (next.config.ts sends COOP/COEP on the pages that host it),
 * and restarts the worker otherwise.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { PYODIDE_BASE_PATH } from "@/lib/browser-python/pyodide-assets";
import type { RunResult } from "@/lib/browser-python/protocol";
import { PythonRunner, type RunnerState } from "@/lib/browser-python/runner";

export type { RunResult } from "@/lib/browser-python/protocol";
export type { RunnerState, RunnerStatus } from "@/lib/browser-python/runner";

const SERVER_STATE: RunnerState = { status: "idle", progress: null, loadMs: null, workersStarted: 0, live: null };

export function usePythonRunner(options: { timeLimitMs?: number } = {}) {
  const { timeLimitMs } = options;
  // Created lazily in the browser (it reads crossOriginIsolated and location); the worker itself only on the first run.
  const [runner] = useState(() =>
    typeof window === "undefined"
      ? null
      : new PythonRunner({
          createWorker: () => new Worker(new URL("../lib/browser-python/python.worker.ts", import.meta.url), { type: "module", name: "python" }),
          baseUrl: new URL(PYODIDE_BASE_PATH, window.location.origin).href,
          isolated: window.crossOriginIsolated === true,
          timeLimitMs,
        }),
  );
  useEffect(() => () => runner?.dispose(), [runner]);
  const state = useSyncExternalStore(runner?.subscribe ?? noopSubscribe, runner?.getState ?? (() => SERVER_STATE), () => SERVER_STATE);
  const run = useCallback(
    (code: string): Promise<RunResult> =>
      runner?.run(code) ?? Promise.resolve({ stdout: "", stderr: "", error: "Python runs only in the browser.", durationMs: 0 }),
    [runner],
  );
  const stop = useCallback(() => runner?.stop(), [runner]);
  return { ...state, run, stop, timeLimitMs: runner?.timeLimitMs ?? timeLimitMs ?? 10_000 };
}

const noopSubscribe = () => () => {};
