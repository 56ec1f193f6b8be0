import { describe, expect, it } from "vitest";
import { decideNextTurn, followUpId, isCovered, promptTopicFor, type TurnState } from "../../../lib/interviewer/turn-policy.ts";
import { derivedKeyPoints, derivedQuestion, firstReport, makeReport, memoryQuestion } from "./fixtures.ts";

const kps = memoryQuestion.keyPoints;
const base = (over: Partial<TurnState> = {}): TurnState => ({
  question: memoryQuestion,
  report: makeReport(kps, {}),
  askedFollowUps: [],
  isLastQuestion: false,
  ...over,
});

describe("decideNextTurn", () => {
  const cases: { name: string; state: TurnState; expected: unknown }[] = [
    {
      name: "nothing covered: the highest-weight missed point with a follow-up (first of the weight-5 points)",
      state: base(),
      expected: { action: "probe", keyPointId: "refcount", keyPointStatus: "missed", followUp: { id: "refcount:1", source: "authored" } },
    },
    {
      name: "refcount covered: probes the cyclic collector",
      state: base({ report: firstReport() }),
      expected: { action: "probe", keyPointId: "cyclic-gc", followUp: { id: "cyclic-gc:1", text: memoryQuestion.followUps[1]!.text } },
    },
    {
      name: "a point already probed gives way to an unprobed gap (asked by id)",
      state: base({ report: firstReport(), askedFollowUps: ["cyclic-gc:1"] }),
      expected: { action: "probe", keyPointId: "shallow-copy", followUp: { id: "shallow-copy:1" } },
    },
    {
      name: "asked follow-ups may be given by text",
      state: base({ report: firstReport(), askedFollowUps: [`  ${memoryQuestion.followUps[1]!.text.toUpperCase()} `] }),
      expected: { action: "probe", keyPointId: "shallow-copy" },
    },
    {
      name: "when every gap was probed, the same point's next follow-up is used",
      state: base({
        report: makeReport(kps, { "names-references": "covered", refcount: "covered", "shallow-copy": "covered", "small-int-cache": "covered" }),
        askedFollowUps: ["cyclic-gc:1"],
        maxFollowUps: 3,
      }),
      expected: { action: "probe", keyPointId: "cyclic-gc", followUp: { id: "cyclic-gc:2", text: memoryQuestion.followUps[2]!.text } },
    },
    {
      name: "missed points come before partial ones",
      state: base({
        report: makeReport(kps, { "names-references": "covered", refcount: "partial", "cyclic-gc": "covered", "small-int-cache": "covered" }),
      }),
      expected: { action: "probe", keyPointId: "shallow-copy", keyPointStatus: "missed" },
    },
    {
      name: "a partial point is probed when no missed point has a follow-up",
      state: base({
        report: makeReport(kps, { refcount: "partial", "cyclic-gc": "covered", "shallow-copy": "covered", "small-int-cache": "covered" }),
      }),
      expected: { action: "probe", keyPointId: "refcount", keyPointStatus: "partial" },
    },
    {
      name: "a high score with an essential point missing still probes it (issue 11)",
      state: base({ report: firstReport({ score: 90 }) }),
      expected: { action: "probe", keyPointId: "cyclic-gc", essential: true },
    },
    {
      name: "a high score with only minor points missing moves on as covered",
      state: base({ report: makeReport(kps, { "names-references": "covered", refcount: "covered", "cyclic-gc": "covered" }, [], { score: 86 }) }),
      expected: { action: "move-on", reason: "covered" },
    },
    {
      name: "a high score with an essential point missing and the budget spent says so",
      state: base({ report: firstReport({ score: 90 }), askedFollowUps: ["cyclic-gc:1", "shallow-copy:1"] }),
      expected: { action: "move-on", reason: "max-follow-ups" },
    },
    {
      name: "all essential points covered moves on even below 85",
      state: base({ report: makeReport(kps, { "names-references": "covered", refcount: "covered", "cyclic-gc": "covered" }) }),
      expected: { action: "move-on", reason: "covered" },
    },
    {
      name: "max follow-ups reached (default 2)",
      state: base({ report: firstReport(), askedFollowUps: ["cyclic-gc:1", "shallow-copy:1"], followUpCount: 2 }),
      expected: { action: "move-on", reason: "max-follow-ups" },
    },
    {
      name: "followUpCount defaults to the number of asked follow-ups",
      state: base({ report: firstReport(), askedFollowUps: ["cyclic-gc:1", "shallow-copy:1"] }),
      expected: { action: "move-on", reason: "max-follow-ups" },
    },
    {
      name: "a higher maxFollowUps allows a third probe",
      state: base({ report: firstReport(), askedFollowUps: ["cyclic-gc:1", "shallow-copy:1"], maxFollowUps: 3 }),
      expected: { action: "probe", keyPointId: "small-int-cache" },
    },
    {
      name: "under 45 s left for the question",
      state: base({ report: firstReport(), secondsLeftForQuestion: 44 }),
      expected: { action: "move-on", reason: "time" },
    },
    {
      name: "under 45 s left in the interview",
      state: base({ report: firstReport(), secondsLeftForQuestion: 300, secondsLeftInInterview: 30 }),
      expected: { action: "move-on", reason: "time" },
    },
    {
      name: "exactly 45 s left still probes; null means untimed",
      state: base({ report: firstReport(), secondsLeftForQuestion: 45, secondsLeftInInterview: null }),
      expected: { action: "probe", keyPointId: "cyclic-gc" },
    },
    {
      name: "the last question finishes instead of moving on",
      state: base({ report: firstReport(), secondsLeftInInterview: 10, isLastQuestion: true }),
      expected: { action: "finish", reason: "time" },
    },
    {
      name: "coverage wins over time as the reason",
      state: base({ report: makeReport(kps, { "names-references": "covered", refcount: "covered", "cyclic-gc": "covered" }), secondsLeftForQuestion: 5 }),
      expected: { action: "move-on", reason: "covered" },
    },
    {
      name: "every follow-up of every gap already asked",
      state: base({
        report: makeReport(kps, { "names-references": "covered", refcount: "covered", "cyclic-gc": "partial", "shallow-copy": "covered" }),
        askedFollowUps: ["cyclic-gc:1", "cyclic-gc:2", "small-int-cache:1"],
        maxFollowUps: 5,
      }),
      expected: { action: "move-on", reason: "no-probe-left" },
    },
    {
      name: "a missed point without an authored follow-up is skipped",
      state: base({
        report: makeReport(kps, { refcount: "covered", "cyclic-gc": "covered", "shallow-copy": "covered", "small-int-cache": "covered" }),
      }),
      expected: { action: "move-on", reason: "no-probe-left" },
    },
  ];

  it.each(cases)("$name", ({ state, expected }) => {
    expect(decideNextTurn(state)).toMatchObject(expected as object);
  });

  it("is deterministic and does not mutate its input", () => {
    const state = base({ report: firstReport(), askedFollowUps: ["refcount:1"] });
    const copy = structuredClone(state);
    expect(decideNextTurn(state)).toEqual(decideNextTurn(copy));
    expect(state).toEqual(copy);
  });

  it("never proposes a follow-up that was already asked, over a whole question", () => {
    const asked: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const d = decideNextTurn(base({ report: makeReport(kps, {}), askedFollowUps: asked, maxFollowUps: 10 }));
      if (d.action !== "probe") break;
      expect(asked).not.toContain(d.followUp.id);
      asked.push(d.followUp.id);
    }
    expect(asked).toHaveLength(memoryQuestion.followUps.length);
    expect(new Set(asked).size).toBe(asked.length);
  });
});

describe("generic probes (no authored follow-ups)", () => {
  const report = makeReport(derivedKeyPoints, { d1: "covered" }, [], { method: "generic" });
  const state = (asked: string[] = []): TurnState => ({ question: derivedQuestion, report, askedFollowUps: asked, isLastQuestion: false });

  it("probes a missed derived point with a question that reveals nothing of it", () => {
    const d = decideNextTurn(state());
    expect(d).toMatchObject({ action: "probe", keyPointId: "d2", followUp: { id: "generic:d2", source: "generic" } });
    if (d.action !== "probe") throw new Error("expected a probe");
    // Only words of the prompt may name the topic.
    expect(d.followUp.text).toContain("context managers");
    for (const secret of ["contextlib", "generator", "yield", "__exit__", "__enter__", "suppress"]) {
      expect(d.followUp.text).not.toContain(secret);
    }
  });

  it("a second generic probe moves to another point and reads differently", () => {
    const first = decideNextTurn(state());
    if (first.action !== "probe") throw new Error("expected a probe");
    const second = decideNextTurn(state([first.followUp.id]));
    if (second.action !== "probe") throw new Error("expected a probe");
    expect(second.keyPointId).toBe("d3");
    expect(second.followUp.text).not.toBe(first.followUp.text);
  });

  it("falls back to an open question when the point shares no word with the prompt", () => {
    const r = makeReport([{ id: "x", weight: 3, text: "Locks guarantee mutual exclusion between threads." }], {});
    const d = decideNextTurn({ question: derivedQuestion, report: r, askedFollowUps: [], isLastQuestion: false });
    if (d.action !== "probe") throw new Error("expected a probe");
    expect(d.followUp.text).not.toMatch(/lock|mutual|exclusion|thread/i);
  });
});

describe("helpers", () => {
  it("followUpId numbers a key point's follow-ups from 1", () => {
    expect(memoryQuestion.followUps.map((f) => followUpId(memoryQuestion, f))).toEqual([
      "refcount:1",
      "cyclic-gc:1",
      "cyclic-gc:2",
      "shallow-copy:1",
      "small-int-cache:1",
    ]);
  });

  it("isCovered needs every point when none is essential", () => {
    const pts = [
      { id: "a", weight: 2, text: "aaaaaaaaaaaa" },
      { id: "b", weight: 3, text: "bbbbbbbbbbbb" },
    ];
    expect(isCovered(makeReport(pts, { a: "covered" }))).toBe(false);
    expect(isCovered(makeReport(pts, { a: "covered", b: "covered" }))).toBe(true);
  });

  it("promptTopicFor takes the longest run of the prompt's own words", () => {
    expect(promptTopicFor(memoryQuestion.prompt, "A cyclic garbage collector frees unreachable cycles.")).toBe("garbage collection");
    expect(promptTopicFor(memoryQuestion.prompt, "Threads and locks.")).toBeUndefined();
  });
});
