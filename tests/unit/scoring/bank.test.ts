/** The scorer against the real bank: structural properties that must hold for every question. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBanks } from "../../../lib/bank/load.ts";
import { corpusFromQuestions } from "../../../lib/scoring/corpus.ts";
import { scoreAnswer } from "../../../lib/scoring/rubric.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const { banks } = loadBanks([path.join(root, "content")], { cwd: root });
const questions = banks.flatMap((b) => b.questions).filter((q) => q.keyPoints.length > 0);
const corpus = corpusFromQuestions(questions);

describe("scorer on the bank", () => {
  it("has questions with key points to check", () => {
    expect(questions.length).toBeGreaterThan(10);
  });

  it("caps a dump of every rubric term of a question", () => {
    for (const q of questions) {
      const dump = q.keyPoints.flatMap((k) => k.terms).join(", ");
      const r = scoreAnswer({ question: q, answers: [dump] }, { corpus });
      expect(r.score, q.id).toBeLessThanOrEqual(30);
    }
  });

  it("gives nothing for the question's own title", () => {
    for (const q of questions) {
      expect(scoreAnswer({ question: q, answers: [q.title] }, { corpus }).score, q.id).toBeLessThanOrEqual(20);
    }
  });

  it("scores the key points, stated as prose, high", () => {
    const scores = questions.map((q) => scoreAnswer({ question: q, answers: [q.keyPoints.map((k) => k.text).join(" ")] }, { corpus }).score);
    const sorted = [...scores].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThanOrEqual(90);
  });

  it("stays within the latency budget per answer", () => {
    const q = questions[0]!;
    const answer = q.keyPoints
      .map((k) => k.text)
      .join(" ")
      .repeat(3);
    scoreAnswer({ question: q, answers: [answer] }, { corpus });
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) scoreAnswer({ question: q, answers: [answer] }, { corpus });
    expect((performance.now() - t0) / 50).toBeLessThan(25);
  });
});
