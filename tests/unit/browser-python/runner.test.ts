// PythonRunner (lib/browser-python/runner.ts) against a fake worker: lazy start, one run at a time,
// stop by interrupt (isolated) or by terminating, the time limit, and failed or hung loads.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FromWorker, ToWorker } from "@/lib/browser-python/protocol.ts";
import { PythonRunner, type WorkerLike } from "@/lib/browser-python/runner.ts";

class FakeWorker implements WorkerLike {
  posted: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(message: FromWorker) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  get interrupt(): Int32Array | null {
    const load = this.posted.find((m) => m.type === "load");
    return load?.type === "load" && load.interruptBuffer ? new Int32Array(load.interruptBuffer) : null;
  }
  lastRunId(): number {
    const runs = this.posted.filter((m) => m.type === "run");
    const last = runs[runs.length - 1];
    if (last?.type !== "run") throw new Error("no run posted");
    return last.id;
  }
}

function setup(options: { isolated?: boolean; timeLimitMs?: number } = {}) {
  const workers: FakeWorker[] = [];
  const runner = new PythonRunner({
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    baseUrl: "http://app.test/pyodide/1/",
    isolated: options.isolated ?? true,
    timeLimitMs: options.timeLimitMs ?? 10_000,
    graceMs: 1_000,
    loadTimeoutMs: 30_000,
  });
  return { runner, workers };
}

function nth(workers: FakeWorker[], index: number): FakeWorker {
  const worker = workers.at(index);
  if (!worker) throw new Error(`no worker ${index}`);
  return worker;
}

/** Lets the runner's awaits settle (it awaits the load before posting the run). */
const flush = () => vi.advanceTimersByTimeAsync(0);

async function startLoaded(runner: PythonRunner, workers: FakeWorker[], code = "print(1)") {
  const result = runner.run(code);
  await flush();
  const worker = nth(workers, -1);
  worker.emit({ type: "ready", loadMs: 1234 });
  await flush();
  return { result, worker };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("PythonRunner", () => {
  it("creates no worker until the first run, then loads Python once and reuses it", async () => {
    const { runner, workers } = setup();
    expect(workers).toHaveLength(0);
    expect(runner.getState().status).toBe("idle");

    const result = runner.run("print(1)");
    await flush();
    expect(workers).toHaveLength(1);
    const worker = nth(workers, 0);
    expect(worker.posted[0]).toMatchObject({ type: "load", baseUrl: "http://app.test/pyodide/1/" });
    expect(worker.interrupt).toBeInstanceOf(Int32Array);
    expect(runner.getState()).toMatchObject({ status: "loading", progress: "Loading Python…" });
    worker.emit({ type: "progress", text: "Downloading Python…" });
    expect(runner.getState().progress).toBe("Downloading Python…");
    worker.emit({ type: "ready", loadMs: 1234 });
    await flush();
    expect(runner.getState()).toMatchObject({ status: "running", loadMs: 1234 });
    expect(worker.posted[1]).toEqual({ type: "run", id: 1, code: "print(1)" });

    worker.emit({ type: "result", id: 1, stdout: "1\n", stderr: "", error: null, durationMs: 3.4, interrupted: false });
    await expect(result).resolves.toEqual({ stdout: "1\n", stderr: "", error: null, durationMs: 3 });
    expect(runner.getState().status).toBe("ready");

    const second = runner.run("print(2)");
    await flush();
    expect(workers).toHaveLength(1);
    worker.emit({ type: "result", id: worker.lastRunId(), stdout: "2\n", stderr: "", error: null, durationMs: 1, interrupted: false });
    await expect(second).resolves.toMatchObject({ stdout: "2\n" });
    expect(runner.getState().workersStarted).toBe(1);
  });

  it("refuses a second run while one is under way", async () => {
    const { runner, workers } = setup();
    await startLoaded(runner, workers);
    await expect(runner.run("print(2)")).resolves.toMatchObject({ error: "A run is already under way." });
  });

  it("tells subscribers about every change of state", async () => {
    const { runner, workers } = setup();
    const seen: string[] = [];
    runner.subscribe(() => seen.push(runner.getState().status));
    const { result, worker } = await startLoaded(runner, workers);
    worker.emit({ type: "result", id: 1, stdout: "", stderr: "", error: null, durationMs: 1, interrupted: false });
    await result;
    expect(seen.filter((s, i) => s !== seen[i - 1])).toEqual(["loading", "ready", "running", "ready"]);
  });

  it("stops by interrupting when isolated: the output so far is kept and the worker stays", async () => {
    const { runner, workers } = setup();
    const { result, worker } = await startLoaded(runner, workers, "while True: pass");
    runner.stop();
    expect(worker.interrupt?.[0]).toBe(2);
    worker.emit({ type: "result", id: 1, stdout: "spinning\n", stderr: "", error: "KeyboardInterrupt", durationMs: 500, interrupted: true });
    await expect(result).resolves.toEqual({ stdout: "spinning\n", stderr: "", error: "Stopped.", durationMs: 500 });
    expect(worker.terminated).toBe(false);
    expect(runner.getState().status).toBe("ready");
  });

  it("terminates the worker when the code does not give way to the interrupt, and starts a new one next time", async () => {
    const { runner, workers } = setup();
    const { result } = await startLoaded(runner, workers, "while True: pass");
    runner.stop();
    await vi.advanceTimersByTimeAsync(999);
    expect(nth(workers, 0).terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(nth(workers, 0).terminated).toBe(true);
    await expect(result).resolves.toMatchObject({ stdout: "", error: "Stopped. Python was restarted; the next run loads it again." });
    expect(runner.getState().status).toBe("idle");

    void runner.run("print(1)");
    await flush();
    expect(workers).toHaveLength(2);
    expect(runner.getState().workersStarted).toBe(2);
  });

  it("terminates at once when the page is not isolated (no interrupt buffer)", async () => {
    const { runner, workers } = setup({ isolated: false });
    const { result, worker } = await startLoaded(runner, workers, "while True: pass");
    expect(worker.interrupt).toBeNull();
    runner.stop();
    expect(worker.terminated).toBe(true);
    await expect(result).resolves.toMatchObject({ error: "Stopped. Python was restarted; the next run loads it again." });
  });

  it("stops a run at the time limit (loading not counted)", async () => {
    const { runner, workers } = setup({ timeLimitMs: 5_000 });
    const result = runner.run("while True: pass");
    await flush();
    await vi.advanceTimersByTimeAsync(20_000); // a slow load
    const worker = nth(workers, 0);
    worker.emit({ type: "ready", loadMs: 20_000 });
    await flush();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(worker.interrupt?.[0]).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(worker.interrupt?.[0]).toBe(2);
    worker.emit({ type: "result", id: 1, stdout: "", stderr: "", error: "KeyboardInterrupt", durationMs: 5_000, interrupted: true });
    await expect(result).resolves.toMatchObject({ error: "Stopped: the code ran longer than the 5 s limit." });
  });

  it("keeps the worker's own error when the code failed before a stop reached it", async () => {
    const { runner, workers } = setup();
    const { result, worker } = await startLoaded(runner, workers, "1/0");
    runner.stop();
    worker.emit({ type: "result", id: 1, stdout: "", stderr: "", error: "ZeroDivisionError: division by zero", durationMs: 1, interrupted: false });
    await expect(result).resolves.toMatchObject({ error: "ZeroDivisionError: division by zero" });
  });

  it("stops while Python is still loading", async () => {
    const { runner, workers } = setup();
    const result = runner.run("print(1)");
    await flush();
    runner.stop();
    await expect(result).resolves.toMatchObject({ error: "Stopped." });
    expect(nth(workers, 0).terminated).toBe(true);
    expect(runner.getState().status).toBe("idle");
  });

  it("reports a failed load, and a load that hangs, and tries again on the next run", async () => {
    const { runner, workers } = setup();
    const failed = runner.run("print(1)");
    await flush();
    nth(workers, 0).emit({ type: "load-failed", message: "404" });
    await expect(failed).resolves.toMatchObject({ error: "Python could not be loaded: 404" });
    expect(nth(workers, 0).terminated).toBe(true);

    const hung = runner.run("print(1)");
    await flush();
    await vi.advanceTimersByTimeAsync(30_000);
    await expect(hung).resolves.toMatchObject({ error: "Python did not load within 30 s." });
    expect(workers).toHaveLength(2);
    expect(runner.getState().status).toBe("idle");
  });

  it("dispose ends a run under way and the worker", async () => {
    const { runner, workers } = setup();
    const { result, worker } = await startLoaded(runner, workers);
    runner.dispose();
    await expect(result).resolves.toMatchObject({ error: expect.stringMatching(/^Stopped\./) });
    expect(worker.terminated).toBe(true);
  });
});

describe("PythonRunner's live output", () => {
  it("shows the output so far while a run goes on, and keeps it when the worker has to be terminated", async () => {
    const { runner, workers } = setup({ isolated: false });
    const { result, worker } = await startLoaded(runner, workers, "while True: print('tick')");
    expect(runner.getState().live).toEqual({ stdout: "", stderr: "" });
    worker.emit({ type: "output", id: 1, stdout: "tick\ntick\n", stderr: "" });
    expect(runner.getState().live).toEqual({ stdout: "tick\ntick\n", stderr: "" });
    worker.emit({ type: "output", id: 99, stdout: "another run's", stderr: "" });
    expect(runner.getState().live?.stdout).toBe("tick\ntick\n");
    runner.stop();
    await expect(result).resolves.toMatchObject({ stdout: "tick\ntick\n", error: expect.stringMatching(/^Stopped\./) });
    expect(runner.getState().live).toBeNull();
  });

  it("clears when the run finishes", async () => {
    const { runner, workers } = setup();
    const { result, worker } = await startLoaded(runner, workers);
    worker.emit({ type: "output", id: 1, stdout: "1\n", stderr: "" });
    worker.emit({ type: "result", id: 1, stdout: "1\n2\n", stderr: "", error: null, durationMs: 1, interrupted: false });
    await expect(result).resolves.toMatchObject({ stdout: "1\n2\n" });
    expect(runner.getState().live).toBeNull();
  });
});
