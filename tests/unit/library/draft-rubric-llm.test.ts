/**
 * LLM rubric drafting with the AI SDK's mock model: a valid proposal becomes key points, follow-ups
 * and misconceptions tied to them (checked by the bank format); a broken answer, one that does not
 * fit the format, or no model at all falls back to the offline draft and says why. The prompt
 * carries the title and the reference answer.
 */
import { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it } from "vitest";
import { draftRubricWith } from "../../../lib/library/draft-rubric-llm.ts";

type GenerateResult = Awaited<ReturnType<MockLanguageModelV4["doGenerate"]>>;
const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 10, text: 10, reasoning: 0 } };
const answering = (text: string) =>
  new MockLanguageModelV4({
    modelId: "mock-drafter",
    doGenerate: async (): Promise<GenerateResult> => ({
      content: [{ type: "text", text }],
      finishReason: { unified: "stop", raw: "stop" },
      usage,
      warnings: [],
    }),
  });

const question = {
  title: "What does the walrus operator do?",
  reference:
    "The walrus operator := is an assignment expression (PEP 572, Python 3.8): it binds a name and returns the value, so a value is computed once and reused.",
};

const proposal = {
  keyPoints: [
    { statement: "`:=` binds a name and returns the value in one expression.", weight: 5, terms: ["assignment expression", "binds; returns"] },
    { statement: "It arrived in Python 3.8 with PEP 572.", weight: 2, terms: ["PEP 572", "3.8"] },
  ],
  followUps: [
    { keyPoint: 1, question: "Where would it save you a repeated call?" },
    { keyPoint: 9, question: "A follow-up tied to no key point is dropped." },
  ],
  misconceptions: [{ keyPoint: 1, belief: "Thinks := compares two values.", phrasings: ["walrus compares values"], correction: "It assigns; == compares." }],
};

describe("LLM rubric drafting", () => {
  it("turns a valid proposal into a draft's key points, follow-ups and misconceptions", async () => {
    const model = answering(JSON.stringify(proposal));
    const out = await draftRubricWith(model, question);
    expect(out.source).toBe("llm");
    expect(out.rubric.keyPoints.map((k) => k.weight)).toEqual([5, 2]);
    // `;` separates terms in the bank format: a term holding one is kept as one term.
    expect(out.rubric.keyPoints[0]!.terms).toEqual(["assignment expression", "binds, returns"]);
    expect(out.rubric.followUps).toEqual([{ keyPointId: out.rubric.keyPoints[0]!.id, text: "Where would it save you a repeated call?" }]);
    expect(out.rubric.misconceptions).toHaveLength(1);
    expect(out.rubric.misconceptions[0]!.keyPointId).toBe(out.rubric.keyPoints[0]!.id);
    const prompt = JSON.stringify(model.doGenerateCalls[0]!.prompt);
    expect(prompt).toContain("walrus operator do?");
    expect(prompt).toContain("PEP 572, Python 3.8");
  });

  it("falls back to the offline draft, saying why, on a broken answer or one the format refuses", async () => {
    const broken = await draftRubricWith(answering("not json"), question);
    expect(broken.source).toBe("offline");
    expect(broken.note).toMatch(/could not be used/);
    expect(broken.rubric.keyPoints.length).toBeGreaterThan(0);
    const bad = { ...proposal, keyPoints: [{ statement: "x", weight: 3, terms: [] }] };
    const refused = await draftRubricWith(answering(JSON.stringify(bad)), question);
    expect(refused.source).toBe("offline");
    expect(refused.note).toMatch(/did not fit the question format/);
  });

  it("without a model, drafts offline with no note", async () => {
    const out = await draftRubricWith(null, question);
    expect(out).toMatchObject({ source: "offline" });
    expect(out.note).toBeUndefined();
    expect(out.rubric.misconceptions).toEqual([]);
  });
});
