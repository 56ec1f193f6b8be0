/**
 * The LLM interviewer sees the whole conversation on the current question, its own earlier
 * follow-ups included (prompt rule 5: "do not repeat a question that was already asked"), on the
 * path production takes: the chat route's one call (lib/sessions/chat.ts `answerAndReply`) stores
 * and plans the answer, the reply run asks the session's model (lib/interviewer/index.ts
 * `getInterviewer`), and the saved reply is what the next prompt shows. The model is the AI SDK's
 * MockLanguageModelV4, put where lib/ai/providers.ts would put the configured one.
 */
import type { LanguageModel } from "ai";
import { simulateReadableStream } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { answerAndReply } from "../../lib/sessions/chat.ts";
import {
  answerBody,
  createUser,
  mustLoad,
  PARTIAL_MEMORY_ANSWER,
  REFCOUNT_MEMORY_ANSWER,
  startTestSession,
  waitForTurns,
} from "../support/interview-fixtures.ts";
import { setEnvForTests } from "../support/env.ts";
import { TEST_PROVIDER, useTestDatabase } from "../support/test-db.ts";

const configured = vi.hoisted(() => ({ model: null as LanguageModel | null }));
vi.mock("../../lib/ai/providers.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/ai/providers.ts")>()),
  getInterviewerModel: () => configured.model,
}));

useTestDatabase();

type StreamPart = Awaited<ReturnType<MockLanguageModelV4["doStream"]>>["stream"] extends ReadableStream<infer P> ? P : never;
const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } };

/** The model's replies, one per call, in order: plain questions the reply check lets through. */
const REPLIES = [
  "Thanks for that. Could you walk me through a small script, step by step, and say what you expect to see? (ALPHA-FOLLOW-UP)",
  "Good. Now picture two objects that point at each other and nothing else: what would you expect? (BETA-FOLLOW-UP)",
];

function scriptedModel(): MockLanguageModelV4 {
  let call = 0;
  return new MockLanguageModelV4({
    doStream: async () => {
      const text = REPLIES[call++] ?? "Okay.";
      const chunks: StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "text-start", id: "1" },
        ...(text.match(/\S+\s*/g) ?? []).map((delta) => ({ type: "text-delta" as const, id: "1", delta })),
        { type: "text-end", id: "1" },
        { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
      ];
      return { stream: simulateReadableStream({ chunks, initialDelayInMs: null, chunkDelayInMs: null }) };
    },
  });
}

/** The text of every user message of a model call. */
function userText(call: MockLanguageModelV4["doStreamCalls"][number]): string {
  return call.prompt
    .filter((m) => m.role === "user")
    .flatMap((m) => m.content.map((p) => (p.type === "text" ? p.text : "")))
    .join("\n");
}

describe(`the LLM interviewer's view of the exchange on ${TEST_PROVIDER}`, () => {
  let restore: () => void;
  beforeAll(() => {
    restore = setEnvForTests({
      INTERVIEWER_MODEL: "openai:test-model",
      OPENAI_API_KEY: "test", // never used: the model is the mock above
      SCORER_MODEL: "local:rubric",
      AI_TEST_MODELS: undefined,
      REDIS_URL: undefined,
    });
  });
  afterAll(() => restore());

  it("sends the model its own first follow-up, as saved, when it phrases the second", async () => {
    const model = scriptedModel();
    configured.model = model;
    const user = await createUser("llm-exchange");
    const session = await startTestSession(user.id, { interviewer: "openai:test-model" });

    // First answer: the policy probes; the model phrases the follow-up, which is saved as the candidate saw it.
    const first = await answerAndReply(user.id, session.id, answerBody(session, PARTIAL_MEMORY_ANSWER));
    expect(first.status).toBe(200);
    await first.text();
    await waitForTurns(session.id, 3);
    const afterFirst = await mustLoad(user.id, session.id);
    expect(afterFirst.turns[2]).toMatchObject({ role: "interviewer", kind: "follow-up", engine: "llm:openai:test-model", text: REPLIES[0] });

    // Second answer: still open, so a second follow-up; its request carries the whole exchange.
    const second = await answerAndReply(user.id, session.id, answerBody(afterFirst, REFCOUNT_MEMORY_ANSWER));
    await second.text();
    await waitForTurns(session.id, 5);
    const afterSecond = await mustLoad(user.id, session.id);
    expect(afterSecond.turns[4]).toMatchObject({ role: "interviewer", kind: "follow-up", text: REPLIES[1] });
    expect(afterSecond.turns[4]!.keyPointId).not.toBe(afterFirst.turns[2]!.keyPointId);

    expect(model.doStreamCalls).toHaveLength(2);
    const prompt = userText(model.doStreamCalls[1]!);
    expect(prompt).toContain(`Interviewer: ${REPLIES[0]}`);
    expect(prompt).toContain(PARTIAL_MEMORY_ANSWER);
    expect(prompt).toContain(REFCOUNT_MEMORY_ANSWER);
    // In order: the question as asked, the first answer, the first follow-up, the second answer.
    const order = [afterFirst.turns[0]!.text.slice(0, 30), PARTIAL_MEMORY_ANSWER, REPLIES[0]!, REFCOUNT_MEMORY_ANSWER].map((t) => prompt.indexOf(t));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The first request had no follow-up of the model's own to show yet.
    expect(userText(model.doStreamCalls[0]!)).not.toContain("ALPHA-FOLLOW-UP");
  });
});
