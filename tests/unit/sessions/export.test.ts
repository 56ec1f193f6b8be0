import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EXPORT_FORMAT, EXPORT_VERSION, sessionExportSchema } from "../../../lib/sessions/export-schema.ts";
import { exportFilename, toExportJson, toMarkdown } from "../../../lib/sessions/export.ts";
import { answer1, answer2, combined1, transcript } from "./transcript-fixtures.ts";

const exportedAt = new Date("2025-03-04T09:00:00.000Z");

describe("JSON export", () => {
  const json = toExportJson(transcript, exportedAt);

  it("validates against the versioned schema, through a JSON round trip", () => {
    const parsed = sessionExportSchema.parse(JSON.parse(JSON.stringify(json)));
    expect(parsed.format).toBe(EXPORT_FORMAT);
    expect(parsed.version).toBe(EXPORT_VERSION);
    expect(parsed.exportedAt).toBe("2025-03-04T09:00:00.000Z");
  });

  it("carries the session, each question with its answers, turns, score report and reference", () => {
    expect(json.session).toMatchObject({ id: "cksession123", mode: "practice", overallScore: 61, durationMs: 700_000, questionCount: 2 });
    const [q1, q2] = json.questions;
    expect(q1).toMatchObject({ index: 0, questionId: "python-memory-model", score: 72, timeTakenMs: 194_000, followUpsAsked: 1, minutesAllowed: 6 });
    expect(q1!.answerText).toBe(combined1);
    expect(q1!.turns.map((t) => t.kind)).toEqual(["question", "answer", "follow-up", "answer", "move-on"]);
    expect(q1!.turns[3]).toMatchObject({ late: true, elapsedMs: 60_000, at: "2025-03-03T14:08:17.000Z" });
    expect(q1!.reference).toContain("Everything is an object.");
    // Evidence offsets point into answerText.
    for (const kp of q1!.report!.keyPoints) for (const e of kp.evidence) expect(q1!.answerText.slice(e.start, e.end)).toBe(e.text);
    expect(q2).toMatchObject({ report: null, reference: "", prompt: "What is the GIL? | threads" });
  });

  it("rejects a document of another version or with unknown fields", () => {
    expect(sessionExportSchema.safeParse({ ...json, version: 1 }).success).toBe(false);
    expect(sessionExportSchema.safeParse({ ...json, version: 3 }).success).toBe(false);
    expect(sessionExportSchema.safeParse({ ...json, extra: 1 }).success).toBe(false);
  });

  it("converts to a JSON Schema for other tools", () => {
    const schema = z.toJSONSchema(sessionExportSchema, { io: "input", unrepresentable: "any" }) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(["format", "version", "exportedAt", "session", "questions"]);
  });
});

describe("Markdown export", () => {
  const md = toMarkdown(transcript);

  it("has a title, the session facts and a summary table with escaped cells", () => {
    expect(md).toMatch(/^# Interview of 2025-03-03 14:05 UTC\n/);
    expect(md).toContain("- **Overall score:** 61 / 100");
    expect(md).toContain("- **Duration:** 11m 40s");
    expect(md).toContain("| 2 | What is the GIL? \\| threads | Concurrency & Async | Hard | 50 | 30s |");
  });

  it("quotes every turn with its time, the answers' time taken and lateness", () => {
    expect(md).toContain("**You** (+2:14 · 2025-03-03 14:07:14 UTC · took 2m 14s)");
    expect(md).toContain("**You** (+3:17 · 2025-03-03 14:08:17 UTC · took 1m 00s · late)");
    for (const line of answer1.split("\n")) expect(md).toContain(`> ${line}`);
    // A code block inside an answer stays inside the quote.
    expect(md).toContain("> ```python\n> import gc\n> gc.collect()\n> ```");
    expect(answer2).toContain("gc.collect()");
  });

  it("lists key points with status and evidence, red flags, and the reference answer", () => {
    expect(md).toContain("### Score: 72/100 (Solid)");
    expect(md).toContain("- ✅ Covered (weight 5): Variables are names bound to objects.  \n  Evidence: “names bound to objects”");
    expect(md).toContain("- ❌ Missed (weight 2): Small integers are cached.");
    expect(md).toContain("**What was wrong**");
    expect(md).toContain("- ✗ “the object is freed”  \n  Believes del always frees memory.");
    expect(md).toContain("### Reference answer\n\nEverything is an object.\n\n```python\na = [1]\nb = a\n```");
  });

  it("names the download after the date and the session", () => {
    expect(exportFilename(transcript, "md")).toBe("interview-2025-03-03-cksession123.md");
    expect(exportFilename({ id: 'x"/../y', startedAt: transcript.startedAt }, "json")).toBe("interview-2025-03-03-xy.json");
  });
});
