/** Contrastive claims: nearer a misconception than anything the question holds true. */
import { describe, expect, it } from "vitest";
import { claimsOf } from "../../../lib/scoring/claims.ts";
import { contrastMisconceptions, contrastTargets } from "../../../lib/scoring/contrast.ts";
import { corpusFor, prepareQuestion } from "../../../lib/scoring/prepare.ts";
import { analyze } from "../../../lib/scoring/text.ts";
import { scoreAnswer } from "../../../lib/scoring/index.ts";
import { gil, gilGood } from "./fixtures.ts";

function hits(text: string) {
  const corpus = corpusFor(gil);
  const P = prepareQuestion(gil, corpus);
  const a = analyze(text);
  return contrastMisconceptions(claimsOf(a, new Uint8Array(a.tokens.length), corpus), contrastTargets(P, corpus));
}

describe("contrastive claims", () => {
  const paraphrase = "Threads in Python execute code in parallel on every core, so adding threads scales number crunching with the core count.";

  it("finds a misconception in the writer's own words, nearer its phrasings than any truth", () => {
    const h = hits(paraphrase);
    expect(h.map((x) => x.id)).toContain("threads-parallel-cpu");
    expect(h[0]!.margin).toBeGreaterThan(0);
  });

  it("does not flag the truth about the same subject", () => {
    expect(hits(gilGood)).toEqual([]);
    expect(hits("Threads take turns on the GIL, so CPU-bound Python code gets no speedup from more cores; use processes.")).toEqual([]);
  });

  it("marks the point contradicted in the report when the answer does not state it right elsewhere", () => {
    const r = scoreAnswer({ question: gil, answers: [`The GIL is a mutex in CPython. ${paraphrase}`] });
    expect(r.misconceptions.map((m) => m.id)).toContain("threads-parallel-cpu");
    expect(r.keyPoints.find((k) => k.id === "cpu-bound-no-speedup")!.status).toBe("contradicted");
  });

  it("is linear on a long answer", () => {
    const long = `${paraphrase} `.repeat(150).slice(0, 20_000);
    const t0 = performance.now();
    hits(long);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
