/** cli/score.ts: JSON Lines in, JSON Lines out, in order; bad lines give errors and the run goes on. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

describe("score CLI", () => {
  // Spawns a Node process: allow for a loaded CI machine.
  it("scores each line in order and reports bad lines", { timeout: 30_000 }, () => {
    const input = [
      JSON.stringify({ id: "a", questionId: "python-gil", answer: "The GIL is a mutex: only one thread runs Python bytecode at a time." }),
      "this is not json",
      JSON.stringify({ id: "b", questionId: "no-such-question", answer: "x" }),
      "",
      JSON.stringify({ id: "c", questionId: "python-gil" }),
      JSON.stringify({
        id: "d",
        question: "What is photosynthesis?",
        reference: "Plants convert light energy into chemical energy. Chlorophyll absorbs light. Carbon dioxide and water become glucose and oxygen.",
        answer: "Plants use chlorophyll to turn light, water and carbon dioxide into glucose and oxygen.",
      }),
      JSON.stringify({ id: "e", questionId: "python-gil", answers: ["The GIL is a mutex.", "Use multiprocessing for CPU-bound work."] }),
    ].join("\n");
    const res = spawnSync(process.execPath, [path.join(root, "cli/score.ts"), "--jsonl"], { cwd: root, input, encoding: "utf8" });
    expect(res.status).toBe(0);
    const out = res.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(["a", null, "b", "c", "d", "e"]);
    expect(out[0]).toMatchObject({ method: "rubric" });
    expect(typeof out[0]!.score).toBe("number");
    expect(Array.isArray(out[0]!.keyPoints)).toBe(true);
    expect(out[1]!.error).toMatch(/JSON/);
    expect(out[2]!.error).toMatch(/unknown questionId/);
    expect(out[3]!.error).toMatch(/answer/);
    expect(out[4]).toMatchObject({ method: "generic" });
    expect(out[5]).toMatchObject({ method: "rubric" });
    expect(res.stderr).toMatch(/answers\/s/);
  });
});
