/**
 * PythonRunner: the page side of the Python worker, without React (hooks/use-python-runner.ts
 * wraps it). Contract:
 * - the worker is created, and Pyodide loaded, on the first run() only (nothing before it);
 * - one run at a time: run() while a run is under way resolves at once with an error;
 * - every run() resolves exactly once: with the worker's result, or with a stop message;
 * - a run longer than `timeLimitMs` (loading excluded) is stopped like stop() stops it;
 * - stop(): with an interrupt buffer (a cross-origin isolated page), KeyboardInterrupt is raised
 *   in the code and the worker, with Python loaded, is kept for the next run; if the code does not
 *   give way within `graceMs` (or without a buffer, or while loading), the worker is terminated and
 *   the next run starts a new one.
 * - while a run is under way, `live` holds its output so far (the worker sends it as it grows);
 *   a run ended by terminating the worker keeps that output in its result.
 * State changes are announced to subscribers (useSyncExternalStore).
 */
import { stopMessage, type FromWorker, type RunResult, type ToWorker } from "./protocol.ts";

export type RunnerStatus = "idle" | "loading" | "ready" | "running";
export type RunnerState = {
  status: RunnerStatus;
  /** What loading is doing now ("Downloading Python…"), while status is "loading". */
  progress: string | null;
  /** How long the last load of Pyodide took, once loaded. */
  loadMs: number | null;
  /** Workers created so far: stays 1 when stops interrupt instead of terminating. */
  workersStarted: number;
  /** The output of the run under way so far (null when none is running). */
  live: { stdout: string; stderr: string } | null;
};

/** The part of a Worker the runner uses, so tests can give it a fake. */
export type WorkerLike = {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

export type RunnerOptions = {
  createWorker: () => WorkerLike;
  /** URL of the Pyodide folder, with a trailing slash. */
  baseUrl: string;
  /** Whether SharedArrayBuffer may be used (the page's crossOriginIsolated). */
  isolated: boolean;
  timeLimitMs?: number;
  graceMs?: number;
  /** Longest a load may take before it counts as failed (Pyodide can hang rather than fail, e.g. when a policy refuses WebAssembly). */
  loadTimeoutMs?: number;
};

const SIGINT = 2;

type PendingRun = {
  id: number;
  started: number;
  resolve: (result: RunResult) => void;
  stopReason: "user" | "time-limit" | null;
  timers: ReturnType<typeof setTimeout>[];
};

export class PythonRunner {
  private state: RunnerState = { status: "idle", progress: null, loadMs: null, workersStarted: 0, live: null };
  private listeners = new Set<() => void>();
  private worker: WorkerLike | null = null;
  private interrupt: Int32Array | null = null;
  private loaded: Promise<void> | null = null;
  private failLoad: ((error: Error) => void) | null = null;
  private pending: PendingRun | null = null;
  private nextId = 1;
  readonly timeLimitMs: number;
  private readonly graceMs: number;

  private readonly options: RunnerOptions;

  constructor(options: RunnerOptions) {
    this.options = options;
    this.timeLimitMs = options.timeLimitMs ?? 10_000;
    this.graceMs = options.graceMs ?? 1_500;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = () => this.state;

  private set(patch: Partial<RunnerState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private start(): Promise<void> {
    if (this.loaded) return this.loaded;
    const worker = this.options.createWorker();
    this.worker = worker;
    const buffer = this.options.isolated ? new SharedArrayBuffer(4) : null;
    this.interrupt = buffer ? new Int32Array(buffer) : null;
    this.set({ status: "loading", progress: "Loading Python…", workersStarted: this.state.workersStarted + 1 });
    const loadTimeoutMs = this.options.loadTimeoutMs ?? 60_000;
    this.loaded = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Python did not load within ${Math.round(loadTimeoutMs / 1000)} s.`)), loadTimeoutMs);
      this.failLoad = (error) => {
        clearTimeout(timer);
        reject(error);
      };
      worker.onmessage = (event) => {
        const message = event.data;
        if (message.type === "progress") this.set({ progress: message.text });
        else if (message.type === "ready") {
          clearTimeout(timer);
          this.failLoad = null;
          this.set({ status: "ready", progress: null, loadMs: message.loadMs });
          resolve();
        } else if (message.type === "load-failed") this.failLoad?.(new Error(`Python could not be loaded: ${message.message}`));
        else if (message.type === "output") {
          if (this.pending?.id === message.id) this.set({ live: { stdout: message.stdout, stderr: message.stderr } });
        } else if (message.type === "result") this.finish(message.id, message);
      };
      worker.onerror = (event) => {
        const error = new Error(`The Python worker failed: ${event.message || "unknown error"}`);
        if (this.failLoad) this.failLoad(error);
        else if (this.pending) this.restart({ stdout: "", stderr: "", error: error.message, durationMs: performance.now() - this.pending.started });
      };
    });
    worker.postMessage({ type: "load", baseUrl: this.options.baseUrl, interruptBuffer: buffer });
    return this.loaded;
  }

  async run(code: string): Promise<RunResult> {
    if (this.pending) return { stdout: "", stderr: "", error: "A run is already under way.", durationMs: 0 };
    const id = this.nextId++;
    const result = new Promise<RunResult>((resolve) => {
      this.pending = { id, started: performance.now(), resolve, stopReason: null, timers: [] };
    });
    try {
      await this.start();
    } catch (e) {
      // Only this run's own failure to load ends here; a stop during loading already resolved it.
      if (this.currentRun()?.id === id) this.restart({ stdout: "", stderr: "", error: e instanceof Error ? e.message : String(e), durationMs: 0 });
      return result;
    }
    // A stop while loading may have ended this run already.
    const pending = this.currentRun();
    if (pending?.id !== id || !this.worker) return result;
    pending.started = performance.now();
    pending.timers.push(setTimeout(() => this.stopWith("time-limit"), this.timeLimitMs));
    this.set({ status: "running", live: { stdout: "", stderr: "" } });
    this.worker.postMessage({ type: "run", id, code });
    return result;
  }

  private currentRun(): PendingRun | null {
    return this.pending;
  }

  /** Stops the run under way (or the loading before it); does nothing when idle. */
  stop() {
    this.stopWith("user");
  }

  private stopWith(reason: "user" | "time-limit") {
    const pending = this.pending;
    if (!pending) return;
    if (pending.stopReason) return;
    pending.stopReason = reason;
    if (this.state.status === "running" && this.interrupt) {
      Atomics.store(this.interrupt, 0, SIGINT);
      pending.timers.push(setTimeout(() => this.hardStop(), this.graceMs));
    } else this.hardStop();
  }

  private hardStop() {
    const pending = this.pending;
    if (!pending?.stopReason) return;
    const note = this.state.status === "running" ? " Python was restarted; the next run loads it again." : "";
    // The worker is gone: what it sent before is all the output there is.
    const live = this.state.live ?? { stdout: "", stderr: "" };
    this.restart({
      ...live,
      error: stopMessage(pending.stopReason, this.timeLimitMs) + note,
      durationMs: Math.round(performance.now() - pending.started),
    });
  }

  /** Ends the pending run with `result` and throws the worker away (the next run starts another). */
  private restart(result: RunResult) {
    this.worker?.terminate();
    this.worker = null;
    this.interrupt = null;
    this.loaded = null;
    // A load under way ends too, so the run() awaiting it returns.
    this.failLoad?.(new Error("stopped"));
    this.failLoad = null;
    this.set({ status: "idle", progress: null, live: null });
    this.settle(result);
  }

  private finish(id: number, message: RunResult & { interrupted: boolean }) {
    const pending = this.pending;
    if (pending?.id !== id) return;
    const { stdout, stderr, durationMs } = message;
    const error = pending.stopReason && message.interrupted ? stopMessage(pending.stopReason, this.timeLimitMs) : message.error;
    this.set({ status: "ready", live: null });
    this.settle({ stdout, stderr, error, durationMs });
  }

  private settle(result: RunResult) {
    const pending = this.pending;
    if (!pending) return;
    for (const timer of pending.timers) clearTimeout(timer);
    this.pending = null;
    pending.resolve({ ...result, durationMs: Math.round(result.durationMs) });
  }

  /** Terminates the worker (the page is leaving); a run under way resolves as stopped. */
  dispose() {
    if (this.pending) {
      this.pending.stopReason ??= "user";
      this.hardStop();
    } else this.restart({ stdout: "", stderr: "", error: null, durationMs: 0 });
  }
}
