import { generateText, Output, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseEnv } from "../../../lib/env.ts";
import { describeModels, getInterviewerModel, getJudgeModel } from "../../../lib/ai/providers.ts";
import { sampleFromJsonSchema } from "../../../lib/ai/test-models.ts";
import { getInterviewer, offlineInterviewer } from "../../../lib/interviewer/index.ts";
import { decideNextTurn, type ProbeDecision } from "../../../lib/interviewer/turn-policy.ts";
import { collect, firstAnswer, firstReport, memoryQuestion } from "./fixtures.ts";

describe("providers", () => {
  it("local:rubric: no models, offline interviewer", () => {
    const env = parseEnv({});
    expect(getInterviewerModel(env)).toBeNull();
    expect(getJudgeModel(env)).toBeNull();
    expect(getInterviewer({ env })).toBe(offlineInterviewer);
    expect(describeModels(env)).toEqual({ interviewer: "Offline rubric interviewer", judge: "Offline rubric scorer", usesLlm: false });
  });

  it("openai with a base URL: Chat Completions to the compatible server", () => {
    const env = parseEnv({ INTERVIEWER_MODEL: "openai:gpt-4.1-mini", OPENAI_BASE_URL: "http://localhost:11434/v1" });
    expect(getInterviewerModel(env)).toMatchObject({ provider: "openai.chat", modelId: "gpt-4.1-mini" });
    expect(getJudgeModel(env)).toMatchObject({ provider: "openai.chat", modelId: "gpt-4.1-mini" });
    expect(describeModels(env).interviewer).toBe("openai:gpt-4.1-mini via http://localhost:11434/v1");
    expect(getInterviewer({ env })).toMatchObject({ id: "llm:openai:gpt-4.1-mini", label: "openai:gpt-4.1-mini via http://localhost:11434/v1" });
  });

  it("openai with a key only: the Responses API", () => {
    const env = parseEnv({ INTERVIEWER_MODEL: "openai:gpt-4.1-mini", OPENAI_API_KEY: "sk-test" });
    expect(getInterviewerModel(env)).toMatchObject({ provider: "openai.responses", modelId: "gpt-4.1-mini" });
    expect(describeModels(env).interviewer).toBe("openai:gpt-4.1-mini via OpenAI");
  });

  it("SCORER_MODEL picks the judge, local:rubric turns it off", () => {
    const base = { INTERVIEWER_MODEL: "openai:gpt-4.1-mini", OPENAI_API_KEY: "sk-test" };
    expect(getJudgeModel(parseEnv({ ...base, SCORER_MODEL: "openai:gpt-4.1" }))).toMatchObject({ modelId: "gpt-4.1" });
    expect(getJudgeModel(parseEnv({ ...base, SCORER_MODEL: "local:rubric" }))).toBeNull();
    expect(getInterviewerModel(parseEnv({ SCORER_MODEL: "openai:gpt-4.1", OPENAI_API_KEY: "k" }))).toBeNull();
  });

  it("never shows credentials of the base URL", () => {
    const env = parseEnv({ INTERVIEWER_MODEL: "openai:m", OPENAI_BASE_URL: "https://user:secret@llm.example.com/v1/?token=abc" });
    expect(describeModels(env).interviewer).toBe("openai:m via https://llm.example.com/v1");
  });
});

describe("AI_TEST_MODELS=1", () => {
  const env = parseEnv({ AI_TEST_MODELS: "1" });
  const report = firstReport();
  const decision = decideNextTurn({ question: memoryQuestion, report, askedFollowUps: [], isLastQuestion: false }) as ProbeDecision;

  it("the interviewer streams deterministic text that follows the decision", async () => {
    const interviewer = getInterviewer({ env });
    expect(interviewer.id).toBe("llm:test");
    const turn = { kind: "follow-up", mode: "practice", seed: "t", sequence: 1, question: memoryQuestion, answers: [firstAnswer], report, decision } as const;
    const first = (await collect(interviewer.streamTurn(turn))).join("");
    expect(first).toBe(`(test model) Thanks for that. ${decision.followUp.text}`);
    expect((await collect(interviewer.streamTurn(turn))).join("")).toBe(first);
    expect(describeModels(env)).toMatchObject({ interviewer: "test:interviewer (AI_TEST_MODELS mock)", usesLlm: true });
  });

  it("the judge returns a value of the requested schema", async () => {
    const judge = getJudgeModel(env)!;
    const schema = z.object({ score: z.number().int().min(0).max(100), covered: z.array(z.string()), verdict: z.enum(["pass", "fail"]) });
    const { output } = await generateText({ model: judge, output: Output.object({ schema }), prompt: "grade" });
    expect(output).toEqual({ score: 50, covered: [], verdict: "pass" });
    const streamed = streamText({ model: judge, prompt: "hi" });
    expect(await streamed.text).toBe("(test model) judge");
  });

  it("the judge can be turned off", () => {
    expect(getJudgeModel(parseEnv({ AI_TEST_MODELS: "1", SCORER_MODEL: "local:rubric" }))).toBeNull();
  });

  it("sampleFromJsonSchema handles refs, unions and bounds", () => {
    expect(
      sampleFromJsonSchema({
        type: "object",
        properties: {
          a: { $ref: "#/definitions/A" },
          b: { anyOf: [{ type: "null" }, { type: "string", minLength: 2 }] },
          c: { type: "number", exclusiveMinimum: 0, maximum: 1 },
          d: { type: "array", items: { type: "boolean" }, minItems: 2 },
        },
        definitions: { A: { type: "integer", minimum: 1, maximum: 5 } },
      }),
    ).toEqual({ a: 3, b: "xx", c: 1, d: [false, false] });
  });
});

describe("turnForDecision", () => {
  it("builds the probe or move-on turn for a decision", async () => {
    const { turnForDecision } = await import("../../../lib/interviewer/index.ts");
    const report = firstReport();
    const context = { mode: "mock" as const, seed: "s", sequence: 3, question: memoryQuestion, answers: [firstAnswer], report };
    const probe = decideNextTurn({ question: memoryQuestion, report, askedFollowUps: [], isLastQuestion: false });
    expect(turnForDecision(probe, context)).toMatchObject({ kind: "follow-up", decision: { keyPointId: "cyclic-gc" } });
    expect(turnForDecision({ action: "finish", reason: "time" }, context)).toMatchObject({ kind: "move-on", reason: "time", isLastQuestion: true });
  });
});
