import { describe, expect, it } from "vitest";
import { gapsOf, strengthsOf } from "../../../lib/scoring/feedback.ts";
import type { PKeyPoint } from "../../../lib/scoring/prepare.ts";
import type { KeyPointResult } from "../../../lib/scoring/report.ts";

// Suggestions are sentences a person would say: never a key point's id, never a list of rubric terms.
const point = (id: string, termTexts: string[], labels: string[] = termTexts) =>
  ({ id, text: "x", weight: 3, terms: [], labels, termTexts, vec: new Map(), norm: 0, subject: new Set() }) as unknown as PKeyPoint;
const result = (id: string, status: KeyPointResult["status"], weight = 3, text = "The statement."): KeyPointResult => ({
  id,
  text,
  weight,
  status,
  confidence: 0.5,
  evidence: [],
});

describe("gapsOf", () => {
  const points = [
    point("asgi-in-process", ["ASGITransport", "httpx.AsyncClient", "in-process ASGI app", "no network"]),
    point("dependency-injection", ["Depends", "dependency injection", "resolved per request"]),
    point("code-only", ["__slots__", "sys.getrefcount"]),
  ];
  const gaps = gapsOf([result("asgi-in-process", "missed", 5), result("dependency-injection", "partial", 4), result("code-only", "missed", 2)], points, false);

  it("names no slug and lists no terms", () => {
    expect(gaps).toHaveLength(3);
    for (const g of gaps) {
      expect(g).not.toMatch(/asgi in process|dependency injection\b.*,|\(e\.g\./);
      expect(g).not.toMatch(/\b[a-z]+-[a-z]+-[a-z]+\b/);
      expect(g).toMatch(/^[A-Z].*[.]$/);
    }
  });

  it("says what to add with one authored term of plain words, most important first", () => {
    expect(gaps[0]).toBe("Add what you know about in-process ASGI app, and explain why it matters.");
    expect(gaps[1]).toBe("Go further on dependency injection: you touched on it; say what it is and why it matters.");
    // Only identifiers: no term is named, the sentence points to the score instead.
    expect(gaps[2]).toBe("Add the key point you missed (it is listed with the score), and explain why it matters.");
  });
});

describe("strengthsOf", () => {
  it("uses the key point's statement and the candidate's whole sentence, not the id", () => {
    const r = { ...result("gil-one-thread", "covered", 5, "Only one thread runs Python bytecode at a time."), evidence: [{ start: 4, end: 7, text: "GIL" }] };
    const [s] = strengthsOf([r], () => "The GIL lets only one thread run bytecode at once.");
    expect(s).toBe("Only one thread runs Python bytecode at a time: you said “The GIL lets only one thread run bytecode at once.”");
  });
});
