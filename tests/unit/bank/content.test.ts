// The shipped banks: content/python carries the seed document's 50 questions (every line of every
// reference answer), with rubrics as the design describes; content/javascript loads without rubrics.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBanks } from "@/lib/bank/load.ts";
import { normaliseForSeedCheck, readSeed } from "@/tests/support/seed.ts";

const projectRoot = path.resolve(import.meta.dirname, "../../..");
const contentDir = path.join(projectRoot, "content");
const { banks, errors } = loadBanks([contentDir], { cwd: projectRoot });
const python = banks.find((b) => b.id === "python");
const javascript = banks.find((b) => b.id === "javascript");
const seed = readSeed();
const sum = (n: (q: NonNullable<typeof python>["questions"][number]) => number) => python?.questions.reduce((total, q) => total + n(q), 0) ?? 0;

describe("content/", () => {
  it("loads without errors", () => {
    expect(errors.map(String)).toEqual([]);
    expect(banks.map((b) => b.id)).toEqual(["python", "javascript"]);
  });
});

describe("content/python", () => {
  it("has the 50 seed questions, numbered 1-50, with the seed's titles and difficulties", () => {
    expect(seed).toHaveLength(50);
    const missing = seed.filter((s) => !python?.questions.some((q) => q.number === s.number)).map((s) => s.number);
    expect(missing, `questions missing: ${missing.join(", ")}`).toEqual([]);
    for (const s of seed) {
      const q = python!.questions.find((x) => x.number === s.number)!;
      expect({ number: q.number, title: q.title, difficulty: q.difficulty }).toEqual({
        number: s.number,
        title: s.title,
        difficulty: s.difficulty,
      });
    }
    expect(python!.questions).toHaveLength(50);
  });

  it("carries every non-empty line of every seed answer", () => {
    const missing: string[] = [];
    for (const s of seed) {
      const q = python?.questions.find((x) => x.number === s.number);
      if (!q) {
        missing.push(`Q${s.number}: no question file`);
        continue;
      }
      const text = normaliseForSeedCheck(readFileSync(path.join(python!.dir, q.file), "utf8"));
      for (const line of s.answerLines) {
        if (!text.includes(normaliseForSeedCheck(line))) missing.push(`Q${s.number} ${q.file}: ${line.trim()}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("groups questions into the seed's five topics, in order", () => {
    expect(python?.questions.map((q) => q.topic).filter((t, i, all) => all.indexOf(t) === i)).toEqual([
      "Core Language & Data Structures",
      "OOP, Decorators & Generators",
      "Concurrency & Async",
      "Standard Library & Ecosystem",
      "Testing, Performance & System Design",
    ]);
  });

  it("has full rubrics: 4-8 key points, 3+ follow-ups and 4+ misconceptions per question", () => {
    const thin = (python?.questions ?? [])
      .filter((q) => q.keyPoints.length < 4 || q.keyPoints.length > 8 || q.followUps.length < 3 || q.misconceptions.length < 4)
      .map((q) => `${q.file}: ${q.keyPoints.length} key points, ${q.followUps.length} follow-ups, ${q.misconceptions.length} misconceptions`);
    expect(thin).toEqual([]);
  });

  it("ties every misconception to a key point, with several phrasings, a correction and a challenge", () => {
    const incomplete = (python?.questions ?? []).flatMap((q) =>
      q.misconceptions
        .filter((m) => !m.keyPointId || !q.keyPoints.some((k) => k.id === m.keyPointId) || m.phrasings.length < 3 || !m.correction || !m.challenge)
        .map((m) => `${q.file}: ${m.id}`),
    );
    expect(incomplete).toEqual([]);
  });

  it("gives every key point a scaffold and every question scope, version and expectations for clarifying questions", () => {
    const missing = (python?.questions ?? []).flatMap((q) => [
      ...q.keyPoints.filter((k) => !k.scaffold).map((k) => `${q.file}: ${k.id} has no scaffold`),
      ...(["scope", "version", "expected"] as const).filter((t) => !q.clarifications[t]).map((t) => `${q.file}: no ${t} clarification`),
    ]);
    expect(missing).toEqual([]);
  });

  it("totals at least 200 key points, 150 follow-ups, 200 misconceptions", () => {
    expect(sum((q) => q.keyPoints.length)).toBeGreaterThanOrEqual(200);
    expect(sum((q) => q.followUps.length)).toBeGreaterThanOrEqual(150);
    expect(sum((q) => q.misconceptions.length)).toBeGreaterThanOrEqual(200);
  });

  it("uses unique ids prefixed with the bank id", () => {
    const ids = python?.questions.map((q) => q.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !id.startsWith("python-"))).toEqual([]);
  });
});

describe("content/javascript", () => {
  it("is a second bank in the same format, without key points (generic scoring) but with misconceptions", () => {
    expect(javascript).toMatchObject({ id: "javascript", name: "JavaScript", language: "javascript" });
    expect(javascript!.questions.map((q) => q.id)).toEqual(["javascript-closures", "javascript-event-loop", "javascript-this"]);
    for (const q of javascript!.questions) {
      expect(q).toMatchObject({ bankId: "javascript", keyPoints: [], followUps: [], errata: "" });
      // Without key points a misconception names none; its phrasings and correction still apply.
      expect(q.misconceptions.length).toBeGreaterThanOrEqual(4);
      for (const m of q.misconceptions) expect(m.keyPointId).toBeUndefined();
      expect(q.reference).toContain("```javascript");
    }
    expect(javascript!.questions[1]!.reference).toContain("| Queue | Filled by | When it runs |");
    expect(javascript!.questions[2]!.prompt).toContain("binding rules");
  });
});
