/**
 * Floors for the interviewer evaluation on the held-out simulated candidates (eval/interviewer.ts,
 * eval/INTERVIEWER.md): set a little under the measured figures, so a regression, or a lost data
 * file, fails `npm test`. Targets from issue 11 are in the comments; the misconception floor is low
 * because it depends on the scorer finding the claim (literal phrasings only, for now).
 */
import { describe, expect, it } from "vitest";
import { evaluateInterviewer } from "../../../eval/interviewer.ts";

describe("interviewer evaluation, held-out split", () => {
  const { results } = evaluateInterviewer({ split: "heldout" });
  const heldout = results.find((r) => r.split === "heldout");

  it("has its data", () => {
    expect(heldout, "eval/data/interviewer/*.jsonl has no held-out conversations").toBeDefined();
    expect(heldout!.conversations).toBeGreaterThanOrEqual(80);
  });

  it("meets the floors", () => {
    const m = heldout!;
    expect(m.responsiveFollowUps.share).toBeGreaterThanOrEqual(0.75); // target >= 0.80 (measured 0.80 with keypoint-map.json)
    expect(m.probeWhenExpected.share).toBeGreaterThanOrEqual(0.5); // measured 0.59: the scorer misses paraphrased points, so some probes ask about what was said
    expect(m.misconceptionsChallenged.share).toBeGreaterThanOrEqual(0.15); // target >= 0.90 (scorer-bound)
    expect(m.clarificationsAnswered.share).toBe(1); // target 1
    expect(m.scaffoldsAfterDontKnow.share).toBeGreaterThanOrEqual(0.8); // target 1
    expect(m.redirectsAfterOffTopic.share).toBeGreaterThanOrEqual(0.9); // target 1
    expect(m.singleRedirect.share).toBeGreaterThanOrEqual(0.9);
    expect(m.correctionsAcknowledged.share).toBeGreaterThanOrEqual(0.9);
    expect(m.badQuotes).toBe(0);
    expect(m.contradictoryVerdicts).toBe(0);
    expect(m.mockPraise).toBe(0);
    expect(m.topPhrase.share).toBeLessThanOrEqual(0.1);
    // Follow-ups that use names only the reference defines: the content authors are fixing them.
    expect(m.unanswerableFollowUps).toBeLessThanOrEqual(8); // target 0
  });
}, 60_000);
