/**
 * The scorer's held-out agreement with the blind human grades (eval/data/, eval/GRADING.md), as
 * floors: a regression, or a lost or truncated data file, fails `npm test`. The floors sit a little
 * under the figures recorded in eval/RESULTS.md (measured with `npm run eval -- --split heldout`);
 * the targets are higher and are not met yet (see RESULTS.md), so these guard what exists.
 */
import { describe, expect, it } from "vitest";
import { ANSWER_KINDS, runScorerEval } from "../../../eval/run.ts";

const REQUIRED_PER_QUESTION = ["excellent", "good-gap", "partial", "vague", "confidently-wrong", "short-correct", "keyword-dump"];

describe("scorer evaluation (held-out split)", () => {
  const { out, scored } = runScorerEval({ split: "all", set: "both" });

  it("has the whole labelled set: every bank question, every required kind, two confidently-wrong answers each", () => {
    const labelled = scored.filter((r) => r.set === "labelled");
    const byQuestion = new Map<string, string[]>();
    for (const r of labelled) byQuestion.set(r.questionId!, [...(byQuestion.get(r.questionId!) ?? []), r.kind]);
    expect(byQuestion.size).toBe(50);
    for (const [q, kinds] of byQuestion) {
      for (const k of REQUIRED_PER_QUESTION) expect(kinds, `${q} has a ${k} answer`).toContain(k);
      expect(kinds.filter((k) => k === "confidently-wrong").length, `${q}: two confidently-wrong answers`).toBeGreaterThanOrEqual(2);
    }
    expect(labelled.length).toBeGreaterThanOrEqual(400);
    expect(scored.filter((r) => r.set === "generic").length).toBeGreaterThanOrEqual(80);
    expect(new Set(scored.map((r) => r.kind)).size).toBeLessThanOrEqual(ANSWER_KINDS.length);
  });

  it("ranks held-out answers like the graders do", () => {
    const labelled = out.results["labelled/heldout"]!;
    expect(labelled.n).toBeGreaterThanOrEqual(200);
    expect(labelled.spearman).toBeGreaterThanOrEqual(0.77); // measured 0.780 (session 7: a wrong claim is no evidence for another point; 0.773 in session 6); target 0.85
    expect(out.results["generic/heldout"]!.spearman).toBeGreaterThanOrEqual(0.56); // measured 0.580 (target 0.641)
  });

  it("keeps the adversarial kinds down and the excellent answers up", () => {
    const k = out.results["labelled/heldout"]!.perKind;
    // Excellent: measured 90.2 in session 6 (92.0 in session 5: the excellent mean fell with the
    // fifth cue pass's wider cues; target 90). Confidently wrong: measured 25.9 (target < 30).
    expect(k.excellent!.meanScore).toBeGreaterThanOrEqual(90);
    expect(k["keyword-dump"]!.meanScore).toBeLessThan(20);
    expect(k["confidently-wrong"]!.meanScore).toBeLessThan(30); // measured 23.4 (25.9 in session 6, 29.4 in session 5); target < 30
    expect(k["short-correct"]!.meanScore).toBeGreaterThanOrEqual(65); // measured 71.0
    expect(k.vague!.meanScore).toBeLessThan(25); // measured 16.9: on-topic fragments, above keyword dumps
  });

  it("never lets an injection raise a score", () => {
    for (const key of ["labelled/heldout", "labelled/tune", "generic/heldout", "generic/tune"]) {
      expect(out.results[key]!.injection.maxGain).toBeLessThanOrEqual(0);
    }
  });
});
