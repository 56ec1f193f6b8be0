/**
 * Floors for the interviewer evaluation on the held-out simulated candidates (eval/interviewer.ts,
 * eval/INTERVIEWER.md): set a little under the measured figures, so a regression, or a lost data
 * file, fails `npm test`. Targets from issue 11 are in the comments; the misconception floor is low
 * because it depends on the scorer finding the claim (phrasings, cue patterns and resemblance).
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
    // Measured on held-out (npm run eval:interviewer, session 6: probe order by evidence, the
    // practice-talk and foreign-code off-topic rules, fourth and fifth cue passes; session 5 figures
    // in brackets): floors a little under.
    expect(m.responsiveFollowUps.share).toBeGreaterThanOrEqual(0.78); // target >= 0.80; measured 0.82 (108/131) [0.79]
    expect(m.probeWhenExpected.share).toBeGreaterThanOrEqual(0.52); // measured 0.59 (23/39) [0.49]
    expect(m.misconceptionsChallenged.share).toBeGreaterThanOrEqual(0.8); // target >= 0.90; measured 0.83 (10/12, scorer-bound) [0.83]
    expect(m.clarificationsAnswered.share).toBe(1); // target 1
    expect(m.scaffoldsAfterDontKnow.share).toBe(1); // target 1; measured 1 (12/12)
    expect(m.redirectsAfterOffTopic.share).toBeGreaterThanOrEqual(0.6); // target 1; measured 0.67 (8/12) [0.58]
    expect(m.redirectThenMoveOn.share).toBeGreaterThanOrEqual(0.6); // target 1; measured 0.67 [0.58]
    expect(m.singleRedirect.share).toBeGreaterThanOrEqual(0.9); // measured 0.92
    expect(m.falseRedirects).toBeLessThanOrEqual(1); // target 0; measured 1
    expect(m.correctionsAcknowledged.share).toBeGreaterThanOrEqual(0.95); // measured 1
    expect(m.badQuotes).toBe(0);
    expect(m.unsupportedApprovals).toBe(0);
    expect(m.prejudgedChallenges).toBe(0);
    expect(m.contradictoryVerdicts).toBe(0);
    expect(m.mockPraise).toBe(0);
    expect(m.topPhrase.share).toBeLessThanOrEqual(0.1);
    // Authored follow-ups that name what only the reference has fall back to generic ones.
    expect(m.unanswerableFollowUps).toBe(0);
  });
}, 60_000);
