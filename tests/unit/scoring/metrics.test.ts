import { describe, expect, it } from "vitest";
import { pearson, percentile, quadraticWeightedKappa, ranks, scoreToGrade, spearman } from "../../../lib/scoring/metrics.ts";

describe("agreement metrics", () => {
  it("computes rank correlations with ties", () => {
    expect(ranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
  });
  it("computes quadratic weighted kappa", () => {
    expect(quadraticWeightedKappa([0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5])).toBeCloseTo(1);
    expect(quadraticWeightedKappa([0, 0, 5, 5], [5, 5, 0, 0])).toBeLessThan(0);
  });
  it("maps scores to grades with the documented cuts", () => {
    expect([0, 9, 10, 29, 30, 50, 69, 70, 84, 85, 100].map((s) => scoreToGrade(s))).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 5]);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
  });
});
