// /progress reads the key points of stored reports: a contradicted point (a misconception stated
// about it) is a weak spot like a missed one, never dropped from the analysis.
import { describe, expect, it } from "vitest";
import { weakestKeyPoints } from "@/lib/sessions/progress-aggregate.ts";
import { keyPointsOnlySchema } from "@/lib/sessions/snapshot.ts";
import type { ProgressReportRow } from "@/lib/sessions/views.ts";

describe("key points of a stored report, for /progress", () => {
  it("reads a contradicted point as missed instead of refusing the report", () => {
    const parsed = keyPointsOnlySchema.parse({
      keyPoints: [
        { id: "gil", text: "The GIL lets one thread run bytecode at a time", weight: 5, status: "contradicted" },
        { id: "io", text: "Blocking I/O releases the GIL", weight: 3, status: "covered" },
      ],
    });
    expect(parsed.keyPoints.map((k) => k.status)).toEqual(["missed", "covered"]);
    const row: ProgressReportRow = {
      sessionId: "s1",
      questionId: "python-gil",
      title: "The GIL",
      topic: "Concurrency",
      difficulty: "medium",
      completedAt: new Date("2026-12-01"),
      keyPoints: parsed.keyPoints,
    };
    const weak = weakestKeyPoints([row]);
    expect(weak[0]?.keyPointId).toBe("gil");
    expect(weak[0]?.lastStatus).toBe("missed");
  });
});
