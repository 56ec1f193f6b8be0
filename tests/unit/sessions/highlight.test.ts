import { describe, expect, it } from "vitest";
import { evidenceQuotes, highlightAnswers, locateSpans, segmentText } from "../../../lib/sessions/highlight.ts";
import { answer1, answer2, combined1, report1 } from "./transcript-fixtures.ts";

const marked = (segs: { text: string; mark?: { kind: string } }[]) => segs.filter((s) => s.mark).map((s) => [s.mark!.kind, s.text]);

describe("evidence highlighting", () => {
  it("maps spans over the joined answers back onto each answer, in the candidate's own words", () => {
    const [a, b] = highlightAnswers([answer1, answer2], report1);
    expect(a!.map((s) => s.text).join("")).toBe(answer1);
    expect(b!.map((s) => s.text).join("")).toBe(answer2);
    expect(marked(a!)).toEqual([
      ["evidence", "names bound to objects"],
      ["partial", "refcount drops to zero"],
      ["red-flag", "the object is freed"],
    ]);
    expect(marked(b!)).toEqual([
      ["evidence", "gc module"],
      ["evidence", "gc.collect()"],
    ]);
    const names = a!.find((s) => s.text === "names bound to objects")!;
    expect(names.mark!.labels).toEqual(["Variables are names bound to objects."]);
  });

  it("never marks missed key points", () => {
    const spans = locateSpans(combined1, report1);
    expect(spans.some((s) => s.label === "Small integers are cached.")).toBe(false);
  });

  it("finds a span whose offsets drifted by its text, and drops one whose text is not there", () => {
    const drifted = structuredClone(report1);
    drifted.keyPoints[0]!.evidence = [{ start: 3, end: 10, text: "names bound to objects" }];
    drifted.keyPoints[2]!.evidence = [{ start: 0, end: 5, text: "not in the answer" }];
    const spans = locateSpans(combined1, drifted);
    const names = spans.find((s) => s.label.startsWith("Variables"))!;
    expect(combined1.slice(names.start, names.end)).toBe("names bound to objects");
    expect(spans.some((s) => s.label.startsWith("A cyclic"))).toBe(false);
  });

  it("skips empty answers, which the scorer does not see, without shifting later spans", () => {
    const [empty, a, b] = highlightAnswers(["", answer1, answer2], report1);
    expect(empty).toEqual([]);
    expect(marked(a!)[0]).toEqual(["evidence", "names bound to objects"]);
    expect(marked(b!)).toHaveLength(2);
  });

  it("merges overlapping spans, the stronger highlight winning, and keeps every label", () => {
    const text = "abcdefghij";
    const segs = segmentText(text, 0, [
      { start: 2, end: 6, kind: "evidence", label: "A" },
      { start: 4, end: 8, kind: "red-flag", label: "B" },
    ]);
    expect(segs).toEqual([
      { text: "ab" },
      { text: "cd", mark: { kind: "evidence", labels: ["A"] } },
      { text: "ef", mark: { kind: "red-flag", labels: ["A", "B"] } },
      { text: "gh", mark: { kind: "red-flag", labels: ["B"] } },
      { text: "ij" },
    ]);
  });

  it("returns the answer unmarked without a report", () => {
    expect(highlightAnswers([answer1], null)).toEqual([[{ text: answer1 }]]);
  });

  it("quotes evidence without repeats, clipped", () => {
    expect(evidenceQuotes([{ text: "a  b" }, { text: "A B" }, { text: "x".repeat(200) }])).toEqual(["a b", `${"x".repeat(157)}…`]);
  });
});
