import { describe, expect, it } from "vitest";
import type { Difficulty } from "../../../lib/bank/schema.ts";
import { chooseQuestions } from "../../../lib/sessions/choose-questions.ts";

type Q = { id: string; topic: string; difficulty: Difficulty };

const DIFFICULTIES: Difficulty[] = ["easy", "medium", "hard"];
/** 4 topics: A has 8 questions, B 4, C 2, D 1 (uneven on purpose); difficulties cycle. */
const POOL: Q[] = [
  ...Array.from({ length: 8 }, (_, i) => ({ id: `a${i}`, topic: "A", difficulty: DIFFICULTIES[i % 3]! })),
  ...Array.from({ length: 4 }, (_, i) => ({ id: `b${i}`, topic: "B", difficulty: DIFFICULTIES[(i + 1) % 3]! })),
  ...Array.from({ length: 2 }, (_, i) => ({ id: `c${i}`, topic: "C", difficulty: DIFFICULTIES[(i + 2) % 3]! })),
  { id: "d0", topic: "D", difficulty: "hard" },
];

function topicCounts(chosen: Q[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of chosen) counts.set(q.topic, (counts.get(q.topic) ?? 0) + 1);
  return counts;
}

describe("chooseQuestions", () => {
  it("balances topics: with enough topics, no topic gets a second question before every topic has one", () => {
    for (let s = 0; s < 50; s++) {
      const chosen = chooseQuestions({ questions: POOL, count: 4, seed: `balance-${s}` });
      expect(chosen).toHaveLength(4);
      expect(new Set(chosen.map((q) => q.topic)).size).toBe(4);
    }
  });

  it("spreads a larger count as evenly as the pool allows (round-robin over topics)", () => {
    for (let s = 0; s < 50; s++) {
      const chosen = chooseQuestions({ questions: POOL, count: 8, seed: `spread-${s}` });
      const counts = topicCounts(chosen);
      // D has 1 question and C has 2: the remaining 5 go to A and B, 3 and 2 (or 2 and 3 when B comes first).
      expect(counts.get("D")).toBe(1);
      expect(counts.get("C")).toBe(2);
      expect(Math.abs((counts.get("A") ?? 0) - (counts.get("B") ?? 0))).toBeLessThanOrEqual(1);
      expect(new Set(chosen.map((q) => q.id)).size).toBe(8);
    }
  });

  it("keeps to the chosen topics", () => {
    const chosen = chooseQuestions({ questions: POOL, count: 6, topics: ["B", "C"], seed: "topics" });
    expect(chosen).toHaveLength(6);
    expect(chosen.every((q) => q.topic === "B" || q.topic === "C")).toBe(true);
  });

  it("respects the difficulty filter, and returns fewer questions when fewer match", () => {
    for (let s = 0; s < 20; s++) {
      const hard = chooseQuestions({ questions: POOL, count: 10, difficulties: ["hard"], seed: `hard-${s}` });
      const expected = POOL.filter((q) => q.difficulty === "hard");
      expect(hard.every((q) => q.difficulty === "hard")).toBe(true);
      expect(hard.map((q) => q.id).sort()).toEqual(expected.map((q) => q.id).sort());
      const mix = chooseQuestions({ questions: POOL, count: 3, difficulties: ["easy", "medium"], seed: `mix-${s}` });
      expect(mix).toHaveLength(3);
      expect(mix.every((q) => q.difficulty !== "hard")).toBe(true);
    }
    expect(chooseQuestions({ questions: POOL, count: 3, topics: ["D"], difficulties: ["easy"], seed: "none" })).toEqual([]);
  });

  // Every question of topic A and two of B were practised recently (a0..a7, b0, b1).
  const RECENT = POOL.filter((q) => q.topic !== "D")
    .slice(0, 10)
    .map((q) => q.id);

  it("picks topics that still have fresh questions before a topic whose questions were all practised recently", () => {
    for (let s = 0; s < 30; s++) {
      const chosen = chooseQuestions({ questions: POOL, count: 3, recentIds: RECENT, seed: `recent-${s}` });
      expect(chosen.every((q) => !RECENT.includes(q.id))).toBe(true);
      expect(new Set(chosen.map((q) => q.topic))).toEqual(new Set(["B", "C", "D"]));
    }
  });

  // Regression: the first round-robin round used to take topic A's least recent question (a7)
  // before the second round reached the fresh b3/c1 (fixed in 75120d4: fresh first, then recent).
  it("never picks a recently practised question while a fresh one remains", () => {
    for (let s = 0; s < 30; s++) {
      const chosen = chooseQuestions({ questions: POOL, count: 5, recentIds: RECENT, seed: `recent-${s}` });
      expect(chosen.map((q) => q.id).sort()).toEqual(["b2", "b3", "c0", "c1", "d0"]);
    }
  });

  it("takes recent questions only when it must, least recent first", () => {
    const onlyA = POOL.filter((q) => q.topic === "A");
    // Most recent first (a0 practised last, a5 longest ago); a6 and a7 were never practised.
    const recent = ["a0", "a1", "a2", "a3", "a4", "a5"];
    const chosen = chooseQuestions({ questions: onlyA, count: 4, recentIds: recent, seed: "least-recent" });
    expect(
      chosen
        .slice(0, 2)
        .map((q) => q.id)
        .sort(),
    ).toEqual(["a6", "a7"]);
    expect(chosen.slice(2).map((q) => q.id)).toEqual(["a5", "a4"]);
  });

  it("is reproducible: the same seed and set-up choose the same questions in the same order", () => {
    const options = { questions: POOL, count: 5, recentIds: ["a1", "b2"], seed: "reproduce-me" };
    const first = chooseQuestions(options).map((q) => q.id);
    expect(chooseQuestions(options).map((q) => q.id)).toEqual(first);
    expect(chooseQuestions({ ...options, questions: [...POOL] }).map((q) => q.id)).toEqual(first);
    const others = new Set(
      Array.from({ length: 20 }, (_, i) =>
        chooseQuestions({ ...options, seed: `other-${i}` })
          .map((q) => q.id)
          .join(),
      ),
    );
    expect(others.size).toBeGreaterThan(1);
  });

  it("never returns more than asked nor duplicates", () => {
    for (const count of [1, 2, 7, 15, 40]) {
      const chosen = chooseQuestions({ questions: POOL, count, seed: `count-${count}` });
      expect(chosen).toHaveLength(Math.min(count, POOL.length));
      expect(new Set(chosen).size).toBe(chosen.length);
    }
  });
});
