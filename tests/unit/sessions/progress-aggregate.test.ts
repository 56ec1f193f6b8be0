import { describe, expect, it } from "vitest";
import {
  progressSummary,
  scoreByDifficulty,
  scoreByTopic,
  scoreOverTime,
  weakestKeyPoints,
  weakSpotQuestionIds,
} from "../../../lib/sessions/progress-aggregate.ts";
import type { ProgressQuestionRow, ProgressReportRow, ProgressSessionRow } from "../../../lib/sessions/views.ts";

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n));

describe("score over time", () => {
  it("orders sessions by time and adds a moving average", () => {
    const sessions: ProgressSessionRow[] = [
      { id: "c", startedAt: day(3), finishedAt: day(3), overallScore: 90 },
      { id: "a", startedAt: day(1), finishedAt: day(1), overallScore: 40 },
      { id: "b", startedAt: day(2), finishedAt: null, overallScore: 60 },
    ];
    expect(scoreOverTime(sessions, 2)).toEqual([
      { sessionId: "a", t: day(1).getTime(), score: 40, average: 40 },
      { sessionId: "b", t: day(2).getTime(), score: 60, average: 50 },
      { sessionId: "c", t: day(3).getTime(), score: 90, average: 75 },
    ]);
  });

  it("is empty without sessions", () => {
    expect(scoreOverTime([])).toEqual([]);
    expect(progressSummary([], [])).toMatchObject({ sessions: 0, average: null, best: null, recentAverage: null, lastPractisedAt: null });
  });
});

const q = (topic: string, difficulty: string, score: number, n: number): ProgressQuestionRow => ({
  sessionId: `s${n}`,
  questionId: `q-${topic}-${n}`,
  topic,
  difficulty,
  score,
  completedAt: day(n),
});

describe("scores by topic and difficulty", () => {
  const rows = [q("Async", "hard", 30, 1), q("Async", "hard", 50, 2), q("Core", "easy", 90, 3), q("Core", "medium", 70, 4), q("Async", "medium", 70, 5)];

  it("averages per topic, weakest first, with the recent average, count and best", () => {
    expect(scoreByTopic(rows, 2)).toEqual([
      { label: "Async", average: 50, recentAverage: 60, count: 3, best: 70 },
      { label: "Core", average: 80, recentAverage: 80, count: 2, best: 90 },
    ]);
  });

  it("orders difficulties easy, medium, hard", () => {
    expect(scoreByDifficulty(rows).map((g) => [g.label, g.average, g.count])).toEqual([
      ["easy", 90, 1],
      ["medium", 70, 2],
      ["hard", 40, 2],
    ]);
  });
});

describe("weakest key points", () => {
  const kp = (id: string, status: "covered" | "partial" | "missed", weight = 3) => ({ id, text: `Point ${id}`, weight, status });
  const report = (questionId: string, n: number, keyPoints: ProgressReportRow["keyPoints"]): ProgressReportRow => ({
    sessionId: `s${n}`,
    questionId,
    title: `Question ${questionId}`,
    topic: "Core",
    difficulty: "medium",
    completedAt: day(n),
    keyPoints,
  });
  const reports = [
    report("q1", 1, [kp("a", "missed"), kp("b", "covered"), kp("c", "missed", 5)]),
    report("q1", 2, [kp("a", "missed"), kp("b", "covered"), kp("c", "covered", 5)]),
    report("q2", 3, [kp("a", "partial"), kp("d", "missed", 1)]),
  ];

  it("ranks by miss rate across sessions, per question, and leaves out points never missed", () => {
    const weak = weakestKeyPoints(reports);
    expect(weak.map((w) => [w.questionId, w.keyPointId, w.missRate, w.attempts])).toEqual([
      ["q1", "a", 1, 2],
      ["q2", "d", 1, 1],
      ["q2", "a", 0.5, 1],
      ["q1", "c", 0.5, 2],
    ]);
    expect(weak[0]).toMatchObject({ missed: 2, covered: 0, lastStatus: "missed", questionTitle: "Question q1" });
  });

  it("ranks a point covered at the latest attempt below an equally missed one", () => {
    const weak = weakestKeyPoints(reports);
    const c = weak.findIndex((w) => w.keyPointId === "c");
    const a2 = weak.findIndex((w) => w.questionId === "q2" && w.keyPointId === "a");
    expect(a2).toBeLessThan(c);
  });

  it("gives the questions behind the weak points once each, in order, up to a limit", () => {
    expect(weakSpotQuestionIds(weakestKeyPoints(reports))).toEqual(["q1", "q2"]);
    expect(weakSpotQuestionIds(weakestKeyPoints(reports), 1)).toEqual(["q1"]);
    expect(weakestKeyPoints(reports, 2)).toHaveLength(2);
  });
});

describe("summary", () => {
  it("compares the last sessions with the ones before", () => {
    const sessions = [10, 20, 30, 40, 50, 60].map((score, i) => ({ id: `s${i}`, startedAt: day(i), finishedAt: day(i), overallScore: score }));
    expect(progressSummary(sessions, [], 3)).toEqual({
      sessions: 6,
      questions: 0,
      average: 35,
      best: 60,
      recentAverage: 50,
      previousAverage: 20,
      lastPractisedAt: day(5),
    });
  });
});

describe("score by month", () => {
  it("groups sessions by UTC month, oldest first", async () => {
    const { scoreByMonth } = await import("../../../lib/sessions/progress-aggregate.ts");
    const t = (iso: string) => new Date(iso).getTime();
    expect(
      scoreByMonth([
        { t: t("2025-02-28T23:59:00Z"), score: 40 },
        { t: t("2025-01-05T10:00:00Z"), score: 50 },
        { t: t("2025-02-01T00:00:00Z"), score: 61 },
      ]),
    ).toEqual([
      { month: "2025-01", sessions: 1, average: 50, best: 50 },
      { month: "2025-02", sessions: 2, average: 51, best: 61 },
    ]);
  });
});
