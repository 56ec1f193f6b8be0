/// <reference lib="webworker" />
/**
 * The module worker that runs a candidate's Python with Pyodide, off the page's main thread.
 * Loads Pyodide from the app's origin (baseUrl, lib/browser-python/pyodide-assets.ts) on the first
 * `load` message; each `run` executes in a fresh `__main__` namespace (no state leaks between
 * runs) with stdout/stderr captured (capped, and sent as they grow) and stdin closed (input() raises instead of
 * blocking). Stopping: when the page shares an interrupt buffer (cross-origin isolated), writing
 * SIGINT into it raises KeyboardInterrupt in the running code and this worker answers as usual;
 * otherwise the page terminates the worker. Protocol: lib/browser-python/protocol.ts.
 */
import { appendCapped, cleanTraceback, explainError, OUTPUT_EAGER_MESSAGES, OUTPUT_INTERVAL_MS, type FromWorker, type ToWorker } from "./protocol.ts";

type PyProxy = { set(key: string, value: unknown): void; destroy(): void };
type Pyodide = {
  globals: { get(name: string): (...args: unknown[]) => PyProxy };
  runPythonAsync(code: string, options?: { globals?: PyProxy; filename?: string }): Promise<unknown>;
  setStdout(options: { batched: (text: string) => void }): void;
  setStderr(options: { batched: (text: string) => void }): void;
  setStdin(options: { error: boolean }): void;
  setInterruptBuffer(buffer: Int32Array): void;
  checkInterrupt(): void;
};

const scope = self as unknown as DedicatedWorkerGlobalScope;
let pyodide: Pyodide | null = null;
let interrupt: Int32Array | null = null;

function post(message: FromWorker) {
  scope.postMessage(message);
}

async function load(baseUrl: string, interruptBuffer: SharedArrayBuffer | null) {
  const started = performance.now();
  try {
    post({ type: "progress", text: "Downloading Python…" });
    // A runtime URL on our own origin: the bundler must leave this import alone (the file is not part of the build).
    const { loadPyodide } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${baseUrl}pyodide.mjs`)) as {
      loadPyodide(options: { indexURL: string; fullStdLib?: boolean }): Promise<Pyodide>;
    };
    post({ type: "progress", text: "Starting Python…" });
    pyodide = await loadPyodide({ indexURL: baseUrl, fullStdLib: false });
    pyodide.setStdin({ error: true });
    if (interruptBuffer) {
      interrupt = new Int32Array(interruptBuffer);
      pyodide.setInterruptBuffer(interrupt);
    }
    post({ type: "ready", loadMs: Math.round(performance.now() - started) });
  } catch (e) {
    post({ type: "load-failed", message: e instanceof Error ? e.message : String(e) });
  }
}

async function run(id: number, code: string) {
  if (!pyodide) {
    post({ type: "result", id, stdout: "", stderr: "", error: "Python is not loaded.", durationMs: 0, interrupted: false });
    return;
  }
  let stdout = "";
  let stderr = "";
  // Posted from the write callbacks themselves: while Python runs, this worker's timers never fire,
  // so nothing could flush later. The first lines always go out (a few prints and then a hang
  // must show them); after that, a print loop sends at most one message per OUTPUT_INTERVAL_MS.
  let lastSent = 0;
  let sent = 0;
  const sendSoFar = () => {
    const now = performance.now();
    if (sent >= OUTPUT_EAGER_MESSAGES && now - lastSent < OUTPUT_INTERVAL_MS) return;
    lastSent = now;
    sent++;
    post({ type: "output", id, stdout, stderr });
  };
  pyodide.setStdout({
    batched: (text) => {
      stdout = appendCapped(stdout, `${text}\n`);
      sendSoFar();
    },
  });
  pyodide.setStderr({
    batched: (text) => {
      stderr = appendCapped(stderr, `${text}\n`);
      sendSoFar();
    },
  });
  // A stop requested after the previous run ended must not interrupt this one.
  if (interrupt) Atomics.store(interrupt, 0, 0);
  const namespace = pyodide.globals.get("dict")();
  namespace.set("__name__", "__main__");
  const started = performance.now();
  let error: string | null = null;
  let interrupted = false;
  try {
    await pyodide.runPythonAsync(code, { globals: namespace, filename: "<task>" });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    interrupted = /\bKeyboardInterrupt\b/.test(message);
    error = explainError(cleanTraceback(message));
  } finally {
    namespace.destroy();
  }
  const durationMs = Math.round(performance.now() - started);
  post({ type: "result", id, stdout, stderr, error, durationMs, interrupted });
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "load") void load(message.baseUrl, message.interruptBuffer);
  else if (message.type === "run") void run(message.id, message.code);
};
