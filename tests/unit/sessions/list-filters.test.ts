import { describe, expect, it } from "vitest";
import { parseScoreRange, parseSessionFilters, sessionsHref } from "../../../lib/sessions/list-filters.ts";
import { formatDuration, formatOffset } from "../../../lib/sessions/format.ts";

describe("session filters in the URL", () => {
  it("reads topic, score range and page, ignoring junk", () => {
    expect(parseSessionFilters({ topic: " Core ", score: "60-79", page: "3" })).toEqual({ topic: "Core", score: "60-79", minScore: 60, maxScore: 79, page: 3 });
    expect(parseSessionFilters({ score: "banana", page: "-1" })).toEqual({ page: 1 });
    expect(parseSessionFilters({ page: "2.5", topic: ["A", "B"] })).toEqual({ page: 1, topic: "A" });
    expect(parseScoreRange("90-10")).toBeNull();
    expect(parseScoreRange("0-100")).toEqual({ min: 0, max: 100 });
  });

  it("writes the URL back, page 1 left out", () => {
    expect(sessionsHref({})).toBe("/sessions");
    expect(sessionsHref({ topic: "Concurrency & Async", score: "80-100", page: 2 })).toBe("/sessions?topic=Concurrency+%26+Async&score=80-100&page=2");
    expect(sessionsHref({ page: 1 })).toBe("/sessions");
  });
});

describe("durations", () => {
  it("formats durations and offsets", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(65_000)).toBe("1m 05s");
    expect(formatDuration(3_725_000)).toBe("1h 02m");
    expect(formatDuration(null)).toBe("—");
    expect(formatOffset(187_000)).toBe("+3:07");
    expect(formatOffset(3_725_000)).toBe("+1:02:05");
  });
});
