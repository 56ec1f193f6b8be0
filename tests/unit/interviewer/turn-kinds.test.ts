// What kind of message the candidate sent (lib/interviewer/classify-message.ts), measured on a
// development set written by a helper who never read lib/interviewer, lib/scoring or eval/:
// tests/fixtures/turns/<question id>.json holds, for each of the 50 Python questions, 16 messages as
// candidates type them (5 off-topic: another question's answer twice, career talk, another
// language, small talk; 4 "I don't know" / hint requests; 3 clarifying questions; 1 skip; 3 hard
// answers: hedged, ending with a check-in question, comparing with another language). Correct whole
// answers (tests/fixtures/cues-correct) must all stay answers. Floors per kind, set below what the
// classifier reaches (2026-12-05: off-topic 228/250, don't-know 196/200, clarifying 149/150, skip
// 50/50, answers 150/150, correct answers 410/410), so a regression fails here. The held-out
// interviewer evaluation (eval-floors.test.ts) is separate: this set is for development.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadBanks } from "@/lib/bank/load.ts";
import { MESSAGE_KINDS, classifyMessage, type MessageKind } from "@/lib/interviewer/classify-message.ts";
import { corpusFromQuestions, scoreAnswer } from "@/lib/scoring/index.ts";

const projectRoot = path.resolve(import.meta.dirname, "../../..");
const { banks } = loadBanks([path.join(projectRoot, "content")], { cwd: projectRoot });
const python = banks.flatMap((b) => b.questions).filter((q) => q.id.startsWith("python-"));
// As the app scores: IDF over every shipped question (lib/sessions/scoring.ts).
const corpus = corpusFromQuestions(banks.flatMap((b) => b.questions));

const turnFile = z.object({
  questionId: z.string(),
  turns: z.array(z.object({ kind: z.enum(MESSAGE_KINDS), text: z.string().min(1), why: z.string().optional() })),
});

function classify(questionId: string, text: string): MessageKind {
  const question = python.find((q) => q.id === questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  const report = scoreAnswer({ question, answers: [text] }, { corpus });
  const scoreAgainst = (id: string, message: string) => scoreAnswer({ question: python.find((q) => q.id === id)!, answers: [message] }, { corpus }).score;
  return classifyMessage(text, { question, messageReport: report, hasEarlierClaim: false, hasEarlierAnswer: false, bank: python, scoreAgainst }).kind;
}

const turnsDir = path.join(projectRoot, "tests/fixtures/turns");
const files = readdirSync(turnsDir).filter((f) => f.endsWith(".json"));
const rows = files.flatMap((f) => {
  const parsed = turnFile.parse(JSON.parse(readFileSync(path.join(turnsDir, f), "utf8")));
  return parsed.turns.map((t) => ({ questionId: parsed.questionId, ...t }));
});

const FLOORS: Partial<Record<MessageKind, number>> = {
  "off-topic": 0.88,
  "dont-know": 0.95,
  "clarifying-question": 0.95,
  skip: 0.95,
  answer: 0.97,
};

describe("message kinds on the development set", () => {
  it("covers every Python question with the five kinds", () => {
    expect(new Set(rows.map((r) => r.questionId)).size).toBe(50);
    for (const kind of Object.keys(FLOORS)) expect(rows.filter((r) => r.kind === kind).length).toBeGreaterThanOrEqual(50);
  });

  const results = rows.map((r) => ({ ...r, got: classify(r.questionId, r.text) }));
  it.each(Object.entries(FLOORS))("%s: recognised at or above the floor %s", (kind, floor) => {
    const of = results.filter((r) => r.kind === kind);
    const right = of.filter((r) => r.got === kind).length;
    const misses = of.filter((r) => r.got !== kind).map((r) => `${r.questionId} -> ${r.got}: ${r.text.slice(0, 100)}`);
    expect(right / of.length, misses.join("\n")).toBeGreaterThanOrEqual(floor);
  });

  it("every correct whole answer stays an answer (never off-topic, a question or an 'I don't know')", () => {
    const correctDir = path.join(projectRoot, "tests/fixtures/cues-correct");
    const wrong: string[] = [];
    let n = 0;
    for (const f of readdirSync(correctDir).filter((x) => x.endsWith(".json"))) {
      const questionId = f.replace(/\.json$/, "");
      if (!python.some((q) => q.id === questionId)) continue;
      for (const text of z.array(z.string()).parse(JSON.parse(readFileSync(path.join(correctDir, f), "utf8")))) {
        n += 1;
        const got = classify(questionId, text);
        if (got !== "answer") wrong.push(`${questionId} -> ${got}: ${text.slice(0, 100)}`);
      }
    }
    expect(n).toBeGreaterThanOrEqual(250);
    expect(wrong).toEqual([]);
  });
});
