/**
 * Code inside an answer: stored after the written answer in a fence, found again as the latest
 * code of a question; nothing else in an answer is taken for code. Linear at the longest answer.
 */
import { describe, expect, it } from "vitest";
import { answerWithCode, latestCode } from "../../../lib/code-runner/answer-code.ts";
import { checksSummary } from "../../../lib/code-runner/summary.ts";
import { weighChecks, TASK_WEIGHT } from "../../../lib/code-runner/weigh.ts";
import { scoreAnswer } from "../../../lib/scoring/rubric.ts";
import { expectLinear, pump } from "../../support/linear.ts";

describe("code in an answer", () => {
  it("stores the code after the answer and finds the latest code of a question", () => {
    const first = answerWithCode("My answer.  \n", "def f():\n    return 1\n\n");
    expect(first).toBe("My answer.\n\n```python sent-code\ndef f():\n    return 1\n```");
    expect(answerWithCode("Only words.", "   \n")).toBe("Only words.");
    expect(answerWithCode("Only words.", undefined)).toBe("Only words.");
    const second = answerWithCode("Fixed.", "def f():\n    return 2");
    expect(latestCode([first, "A prose follow-up answer."])).toBe("def f():\n    return 1");
    expect(latestCode([first, second, "prose"])).toBe("def f():\n    return 2");
    // A fence the candidate typed in the middle of prose is not the stored code.
    expect(latestCode(["Like this: ```python\nx = 1\n``` and then more words."])).toBeNull();
    // Nor one that ends the written answer: only the fence the app writes is the sent code.
    expect(latestCode(["My fix:\n\n```python\nx = 1\n```"])).toBeNull();
    expect(latestCode([])).toBeNull();
  });

  it("is linear on the longest answer", () => {
    expectLinear(
      "answerWithCode",
      (n) => pump("a", " ", "b", n),
      (t) => answerWithCode(t, t),
    );
    expectLinear(
      "latestCode",
      (n) => pump("x", "\n\n```python sent-code\n", "", n),
      (t) => latestCode([`${t}\n\`\`\``]),
    );
  });

  it("weighs the checks into the score, names failing ones, and never marks down for a missing sandbox", () => {
    const report = scoreAnswer({
      question: { title: "What is a closure?", prompt: "What is a closure?", reference: "A closure keeps the variables of its enclosing scope." },
      answers: ["A closure keeps variables of the enclosing scope."],
    });
    const checks = [
      { name: "counts from start", passed: true, message: "" },
      { name: "fails on an empty input", passed: false, message: "AssertionError" },
    ];
    const base = { reason: undefined, stdout: "", stderr: "", durationMs: 5 };
    const weighed = weighChecks(report, { ...base, status: "ok", checks, passed: 1, total: 2 });
    expect(weighed.score).toBe(Math.round((1 - TASK_WEIGHT) * report.score + TASK_WEIGHT * 50));
    expect(weighed.task).toMatchObject({ passed: 1, total: 2, answerScore: report.score });
    expect(weighed.gaps[0]).toBe("Your code fails a check: fails on an empty input.");
    expect(checksSummary(weighed.task!)).toBe("1 of 2 checks pass; fails: fails on an empty input");
    const none = weighChecks(report, {
      ...base,
      status: "unavailable",
      reason: "no bwrap",
      checks: checks.map((c) => ({ ...c, passed: false })),
      passed: 0,
      total: 2,
    });
    expect(none.score).toBe(report.score);
    expect(none.flags).toContain("checks-unavailable");
  });
});
