/**
 * The turn policy's actions beyond probing (issue 11, issue 10.4) and the offline text that carries
 * them out: challenge a wrong claim first, answer a clarification and hand the question back,
 * scaffold after "I don't know", redirect an off-topic answer once, honour a skip, acknowledge a
 * self-correction; verdicts that agree with the report. Reports are built by hand (fixtures.ts).
 */
import { describe, expect, it } from "vitest";
import type { MisconceptionHit, ScoreReport } from "../../../lib/scoring/report.ts";
import type { MessageClassification } from "../../../lib/interviewer/classify-message.ts";
import { planNextTurn, turnForDecision } from "../../../lib/interviewer/next-turn.ts";
import { renderOfflineTurn } from "../../../lib/interviewer/offline-engine.ts";
import { decideNextTurn, type TurnState } from "../../../lib/interviewer/turn-policy.ts";
import type { Question } from "../../../lib/bank/schema.ts";
import { firstAnswer, firstReport, makeReport, memoryQuestion } from "./fixtures.ts";

const question: Question = {
  ...memoryQuestion,
  keyPoints: memoryQuestion.keyPoints.map((k) =>
    k.id === "cyclic-gc" ? { ...k, scaffold: "If two lists hold each other and you delete both names, what is each list's count?" } : k,
  ),
  misconceptions: [
    {
      id: "refcount-copies",
      text: "Believes assignment copies the object.",
      keyPointId: "names-references",
      phrasings: ["assignment copies the object"],
      correction: "Assignment binds another name to the same object.",
      challenge: "After `b = a` and `b.append(1)`, what does `a` look like, and what does that tell you?",
    },
  ],
  clarifications: { scope: "CPython, the standard interpreter.", code: "Code is optional; a few lines are fine." },
};

const msg = (kind: MessageClassification["kind"], over: Partial<MessageClassification> = {}): MessageClassification => ({
  kind,
  clarificationTopics: [],
  hintRequested: false,
  ...over,
});

const wrongAnswer = "In Python assignment copies the object, so b = a gives you a new list. The refcount of an object drops to zero and it is freed.";
function hit(over: Partial<MisconceptionHit> = {}): MisconceptionHit {
  const text = "In Python assignment copies the object, so b = a gives you a new list";
  return {
    id: "refcount-copies",
    keyPointId: "names-references",
    text: "Believes assignment copies the object.",
    correction: "Assignment binds another name to the same object.",
    evidence: [{ start: 0, end: text.length, text }],
    answerIndex: 0,
    corrected: false,
    source: "authored",
    ...over,
  };
}
function wrongReport(over: Partial<ScoreReport> = {}): ScoreReport {
  return makeReport(
    question.keyPoints,
    { "names-references": "contradicted", refcount: { status: "covered", evidence: ["The refcount of an object drops to zero and it is freed"] } },
    [wrongAnswer],
    { misconceptions: [hit()], flags: ["misconception"], ...over },
  );
}
const state = (over: Partial<TurnState>): TurnState => ({ question, report: firstReport(), askedFollowUps: [], isLastQuestion: false, ...over });
const render = (s: TurnState, answers: string[], mode: "practice" | "mock" = "practice", seed = "t") =>
  renderOfflineTurn(turnForDecision(decideNextTurn(s), { mode, seed, sequence: 1, question, answers, report: s.report }));

describe("challenge a misconception", () => {
  it("comes before any probe, with the authored challenge and the candidate's claim quoted", () => {
    const s = state({ report: wrongReport() });
    expect(decideNextTurn(s)).toMatchObject({
      action: "challenge",
      misconceptionId: "refcount-copies",
      followUp: { id: "challenge:refcount-copies", source: "authored" },
    });
    for (let seed = 0; seed < 10; seed += 1) {
      const text = render(s, [wrongAnswer], "practice", `c${seed}`);
      expect(text).toContain(question.misconceptions[0]!.challenge!);
      expect(text).toContain("assignment copies the object");
      expect(text).not.toContain(question.misconceptions[0]!.correction!);
      expect(text).not.toMatch(/\b(right|correct|good)\b/i);
    }
  });

  it("a denial without an authored challenge gets a generic one that quotes the claim", () => {
    const s = state({ report: wrongReport({ misconceptions: [hit({ id: "contradicts-names-references", source: "negation" })] }) });
    const d = decideNextTurn(s);
    expect(d).toMatchObject({ action: "challenge", followUp: { source: "generic" } });
    expect(render(s, [wrongAnswer])).toMatch(/“[^”]*assignment copies the object[^”]*”.*\?/);
  });

  it("is not repeated, and a corrected claim is acknowledged on the next turn", () => {
    const corrected = wrongReport({ misconceptions: [hit({ corrected: true })] });
    const s = state({ report: corrected, askedFollowUps: ["challenge:refcount-copies"] });
    const d = decideNextTurn(s);
    expect(d.action).not.toBe("challenge");
    expect(d.acknowledgeCorrection).toEqual({ misconceptionId: "refcount-copies", keyPointId: "names-references" });
    const standing = state({ report: wrongReport(), askedFollowUps: ["challenge:refcount-copies"] });
    expect(decideNextTurn(standing).action).not.toBe("challenge");
  });

  it("a self-correction message is acknowledged in the text", () => {
    const s = state({ report: firstReport(), askedFollowUps: ["challenge:refcount-copies"], message: msg("self-correction") });
    const d = decideNextTurn(s);
    expect(d.acknowledgeCorrection).toBeDefined();
    const text = render(s, [wrongAnswer, firstAnswer]);
    expect(text).toMatch(/correct|better way|accurate|revised/i);
  });
});

describe("messages that are not answers", () => {
  it("a clarifying question is answered from the clarifications and the question is handed back", () => {
    const s = state({
      report: makeReport(question.keyPoints, {}, ["Do you mean CPython?"]),
      message: msg("clarifying-question", { clarificationTopics: ["scope"] }),
    });
    const d = decideNextTurn(s);
    expect(d).toMatchObject({ action: "clarify", answers: [{ topic: "scope" }], followUp: { id: "clarify:scope" } });
    const text = render(s, ["Do you mean CPython?"]);
    expect(text).toContain("CPython, the standard interpreter.");
    expect(text.endsWith(`\n\n${question.prompt}`)).toBe(true);
    // Does not spend the follow-up budget.
    expect(decideNextTurn({ ...s, askedFollowUps: ["clarify:scope"], message: undefined, report: firstReport() }).action).toBe("probe");
  });

  it("without authored clarifications, general guidance and the question back", () => {
    const s = state({
      question: memoryQuestion,
      report: makeReport(memoryQuestion.keyPoints, {}, ["Which version?"]),
      message: msg("clarifying-question", { clarificationTopics: ["version"] }),
    });
    expect(decideNextTurn(s)).toMatchObject({ action: "clarify", answers: [{ topic: "general" }] });
  });

  it("after I don't know: the authored scaffold of the most important open point, never praise", () => {
    const s = state({ report: makeReport(question.keyPoints, {}, ["I don't know."]), message: msg("dont-know") });
    expect(decideNextTurn(s)).toMatchObject({ action: "scaffold", keyPointId: "cyclic-gc", followUp: { source: "authored" } });
    for (let seed = 0; seed < 10; seed += 1) {
      const text = render(s, ["I don't know."], "practice", `i${seed}`);
      expect(text).toContain(question.keyPoints.find((k) => k.id === "cyclic-gc")!.scaffold!);
      expect(text).not.toMatch(/that's a start|thanks/i);
    }
  });

  it("without authored scaffolds, a smaller generic question on the prompt's words", () => {
    const s = state({ question: memoryQuestion, report: makeReport(memoryQuestion.keyPoints, {}, ["no idea"]), message: msg("dont-know") });
    expect(decideNextTurn(s)).toMatchObject({ action: "scaffold", followUp: { source: "generic" } });
  });

  it("off-topic: one redirect with the question handed back, then move on", () => {
    const s = state({ report: makeReport(question.keyPoints, {}, ["JavaScript closures"]), message: msg("off-topic") });
    expect(decideNextTurn(s)).toMatchObject({ action: "redirect" });
    expect(render(s, ["JavaScript closures"]).endsWith(question.prompt)).toBe(true);
    expect(decideNextTurn({ ...s, askedFollowUps: ["redirect"] })).toEqual({ action: "move-on", reason: "off-topic" });
  });

  it("a skip is honoured at once", () => {
    expect(decideNextTurn(state({ message: msg("skip") }))).toEqual({ action: "move-on", reason: "skipped" });
  });
});

describe("verdicts agree with the report", () => {
  const moveOn = (report: ScoreReport, reason: "covered" | "max-follow-ups", seed: string) =>
    renderOfflineTurn({ kind: "move-on", mode: "practice", seed, sequence: 3, question, answers: [wrongAnswer], report, reason, isLastQuestion: false });
  it("never 'complete' or 'every key point' with an essential point missing or a wrong claim standing", () => {
    for (let seed = 0; seed < 30; seed += 1) {
      const gap = moveOn(firstReport({ score: 92 }), "max-follow-ups", `v${seed}`);
      expect(gap).toMatch(/essential point/);
      expect(gap).not.toMatch(/complete|every key point|nothing (was )?missed|all the key points/i);
      const wrong = moveOn(wrongReport(), "max-follow-ups", `w${seed}`);
      expect(wrong).toMatch(/claim|not correct|wrong/i);
      expect(wrong).not.toMatch(/complete|every key point/i);
    }
  });
  it("no fixed boilerplate: no sentence repeats in more than a third of 30 move-ons", () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 30; seed += 1) {
      for (const sentence of moveOn(firstReport(), "max-follow-ups", `b${seed}`).split(/(?<=[.!?])\s+/)) counts.set(sentence, (counts.get(sentence) ?? 0) + 1);
    }
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(10);
    expect([...counts.keys()]).not.toContain("The feedback shows the details.");
  });
});

describe("acknowledgements", () => {
  it("never quote a sentence that states a misconception, or drop a negation", () => {
    const answer = "Variables are not names that point to objects, they hold values. The refcount of an object drops to zero and it is freed.";
    const report = makeReport(
      question.keyPoints,
      {
        "names-references": { status: "covered", evidence: ["names that point to objects"] },
        refcount: { status: "covered", evidence: ["The refcount of an object drops to zero"] },
      },
      [answer],
    );
    for (let seed = 0; seed < 30; seed += 1) {
      const text = renderOfflineTurn(
        turnForDecision(decideNextTurn(state({ report })), { mode: "practice", seed: `q${seed}`, sequence: 2, question, answers: [answer], report }),
      );
      expect(text).not.toContain("“names that point to objects");
      for (const m of text.matchAll(/“([^”]+)”/g)) expect(m[1]!.split(" ").length).toBeGreaterThanOrEqual(4);
    }
  });
  it("never quote the same span twice on a question", () => {
    const report = firstReport();
    const first = renderOfflineTurn(
      turnForDecision(decideNextTurn(state({ report })), { mode: "practice", seed: "x", sequence: 0, question, answers: [firstAnswer], report }),
    );
    const quoted = /“([^”]+)”/.exec(first)?.[1];
    if (!quoted) return;
    for (let seed = 0; seed < 10; seed += 1) {
      const next = renderOfflineTurn(
        turnForDecision(decideNextTurn(state({ report, askedFollowUps: ["cyclic-gc:1"] })), {
          mode: "practice",
          seed: `y${seed}`,
          sequence: 2,
          question,
          answers: [firstAnswer],
          report,
          exchange: [
            { role: "candidate", text: firstAnswer },
            { role: "interviewer", text: first, action: "cyclic-gc:1" },
          ],
        }),
      );
      expect(next).not.toContain(`“${quoted}”`);
    }
  });
});

describe("planNextTurn (the answer flow's planning, shared with the evaluation)", () => {
  it("classifies the latest message, scores every answer, and says what to store", () => {
    const plan = planNextTurn({
      question,
      mode: "practice",
      seed: "p",
      sequence: 1,
      exchange: [{ role: "candidate", text: "Sorry, do you mean CPython specifically?" }],
      score: (answers) => makeReport(question.keyPoints, {}, answers),
      followUpCount: 0,
      isLastQuestion: false,
    });
    expect(plan.message.kind).toBe("clarifying-question");
    expect(plan.followUpId).toBe("clarify:scope");
    expect(plan.countsAsFollowUp).toBe(false);
    expect(plan.turn.kind).toBe("follow-up");
  });
});
