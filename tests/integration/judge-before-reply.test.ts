/**
 * In an LLM session the judge reads an answer before the interviewer replies
 * (`planNextTurnJudged` in lib/interviewer/next-turn.ts, called by lib/sessions/answer-flow.ts): a wrong claim the rubric's cues missed is challenged,
 * quoted from the candidate's own words; when the judge finds nothing the turn is the rubric's, and
 * a question that closes keeps the judged report without a second judge call after the reply. On
 * the path production takes (`answerAndReply`, real database); the interviewer and the judge are
 * the AI SDK's mock models, put where lib/ai/providers.ts would put the configured ones. A first
 * answer the judge reads as being about something else (which the rubric's rules took for an
 * answer) is redirected.
 */
import type { LanguageModel } from "ai";
import { simulateReadableStream } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db/client.ts";
import { settleInterview, submitAnswer } from "../../lib/sessions/answer-flow.ts";
import { answerAndReply } from "../../lib/sessions/chat.ts";
import { scoreSnapshot } from "../../lib/sessions/scoring.ts";
import {
  answerBody,
  createUser,
  FULL_MEMORY_ANSWER,
  GIL_QUESTION,
  MEMORY_QUESTION,
  mustLoad,
  startTestSession,
  waitForTurns,
} from "../support/interview-fixtures.ts";
import { setEnvForTests } from "../support/env.ts";
import { TEST_PROVIDER, useTestDatabase } from "../support/test-db.ts";

const configured = vi.hoisted(() => ({ interviewer: null as LanguageModel | null, judge: null as LanguageModel | null }));
vi.mock("../../lib/ai/providers.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/ai/providers.ts")>()),
  getInterviewerModel: () => configured.interviewer,
  getJudgeModel: () => configured.judge,
}));

useTestDatabase();

const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } };
type StreamPart = Awaited<ReturnType<MockLanguageModelV4["doStream"]>>["stream"] extends ReadableStream<infer P> ? P : never;

/** An interviewer that says the same plain question every time (the reply check lets it through). */
function interviewerModel(): MockLanguageModelV4 {
  const text = "Let me push on one thing you said: how would you check it in a quick experiment?";
  return new MockLanguageModelV4({
    doStream: async () => {
      const chunks: StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "text-start", id: "1" },
        { type: "text-delta", id: "1", delta: text },
        { type: "text-end", id: "1" },
        { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
      ];
      return { stream: simulateReadableStream({ chunks, initialDelayInMs: null, chunkDelayInMs: null }) };
    },
  });
}

/** A judge that returns `output` for every answer. */
function judgeModel(output: Record<string, unknown>): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    modelId: "mock-judge",
    doGenerate: async () => ({
      content: [{ type: "text", text: JSON.stringify({ keyPoints: [], misconceptions: [], score: 80, offTopic: false, rationale: "ok", ...output }) }],
      finishReason: { unified: "stop", raw: "stop" },
      usage,
      warnings: [],
    }),
  });
}

/** The user messages of an interviewer call. */
function userText(call: MockLanguageModelV4["doStreamCalls"][number]): string {
  return call.prompt
    .filter((m) => m.role === "user")
    .flatMap((m) => m.content.map((p) => (p.type === "text" ? p.text : "")))
    .join("\n");
}

// A wrong claim none of the bank's cues reads: CPython never moves an object (id() is its address
// for its whole life).
const WRONG = "Objects are moved around in memory by a compacting collector, so id() of an object can change over its life.";

describe(`the judge reads an answer before the LLM interviewer replies, on ${TEST_PROVIDER}`, () => {
  let restore: () => void;
  beforeAll(() => {
    restore = setEnvForTests({
      INTERVIEWER_MODEL: "openai:test-model",
      OPENAI_API_KEY: "test", // never used: the models are the mocks above
      SCORER_MODEL: undefined,
      AI_TEST_MODELS: undefined,
      REDIS_URL: undefined,
    });
  });
  afterAll(() => restore());

  it("challenges a wrong claim only the judge found, quoting the candidate", async () => {
    const answer = `${FULL_MEMORY_ANSWER}\n\n${WRONG}`;
    const interviewer = interviewerModel();
    const judge = judgeModel({
      misconceptions: [
        { id: "other", keyPointId: null, description: "CPython never moves objects: id() is fixed for an object's lifetime.", quote: WRONG, corrected: false },
      ],
      score: 60,
    });
    configured.interviewer = interviewer;
    configured.judge = judge;
    const user = await createUser("judge-first");
    const session = await startTestSession(user.id, { interviewer: "openai:test-model" });
    // The rubric alone finds no wrong claim here, and the offline interviewer moves on.
    expect(scoreSnapshot(session.questions[0]!.snapshot, [answer]).misconceptions).toEqual([]);
    const offline = await startTestSession(user.id);
    expect((await submitAnswer(user.id, offline.id, answerBody(offline, answer))).turn.kind).toBe("move-on");

    const res = await answerAndReply(user.id, session.id, answerBody(session, answer));
    expect(res.status).toBe(200);
    await res.text();
    await waitForTurns(session.id, 3);
    const after = await mustLoad(user.id, session.id);

    expect(judge.doGenerateCalls).toHaveLength(1);
    // The rubric alone covers every point and would have moved on; the judge's claim is challenged.
    expect(after.turns[2]).toMatchObject({ role: "interviewer", kind: "follow-up" });
    expect(after.turns[2]!.keyPointId).toMatch(/^challenge:llm-claim-/);
    expect(after.questions[0]!.status).toBe("answering");
    // The interviewer model was told to challenge, with the candidate's own sentence.
    expect(userText(interviewer.doStreamCalls[0]!)).toContain("moved around in memory by a compacting collector");
  });

  it("keeps the rubric's turn when the judge finds nothing, and stores the judged report without judging again", async () => {
    const interviewer = interviewerModel();
    const judge = judgeModel({ score: 95 });
    configured.interviewer = interviewer;
    configured.judge = judge;
    const user = await createUser("judge-first-clean");
    const session = await startTestSession(user.id, { interviewer: "openai:test-model" });

    const res = await answerAndReply(user.id, session.id, answerBody(session, FULL_MEMORY_ANSWER));
    await res.text();
    await waitForTurns(session.id, 3);
    const after = await mustLoad(user.id, session.id);
    expect(after.turns[2]).toMatchObject({ role: "interviewer", kind: "move-on" });
    const report = after.questions[0]!.report!;
    expect(report.method).toBe("rubric+llm");
    expect(report.llm?.model).toContain("mock-judge");
    // A background re-grade after the reply would be a second call.
    await new Promise((r) => setTimeout(r, 300));
    expect(judge.doGenerateCalls).toHaveLength(1);
  });

  it("redirects a first answer the judge reads as being about something else", async () => {
    // A neighbouring subject (the object model, not names, references and their collection), in the
    // question's words: the rubric's rules take it for a thin answer and probe.
    const story =
      "Objects in Python live on the heap and everything is an object, even functions and classes, which you can pass around and store like any other value.";
    const interviewer = interviewerModel();
    const judge = judgeModel({ offTopic: true, score: 5 });
    configured.interviewer = interviewer;
    configured.judge = judge;
    const user = await createUser("judge-first-away");
    // The offline interviewer on the same answer: no redirect.
    const offline = await startTestSession(user.id);
    expect((await submitAnswer(user.id, offline.id, answerBody(offline, story))).turn).not.toMatchObject({ decision: { action: "redirect" } });

    const session = await startTestSession(user.id, { interviewer: "openai:test-model" });
    const res = await answerAndReply(user.id, session.id, answerBody(session, story));
    await res.text();
    await waitForTurns(session.id, 3);
    const after = await mustLoad(user.id, session.id);
    expect(judge.doGenerateCalls).toHaveLength(1);
    expect(after.turns[2]).toMatchObject({ role: "interviewer", kind: "follow-up", keyPointId: "redirect" });
    expect(after.questions[0]!.status).toBe("answering");
  });

  it("repairs a judge's challenge lost with its process: the offline move-on also scores and closes the question", async () => {
    configured.interviewer = interviewerModel();
    configured.judge = judgeModel({
      misconceptions: [{ id: "other", keyPointId: null, description: "CPython never moves objects.", quote: WRONG, corrected: false }],
      score: 60,
    });
    const user = await createUser("judge-first-lost");
    const session = await startTestSession(user.id, { interviewer: "openai:test-model", questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
    // The judge's challenge is decided and recorded, then the process dies before the reply is saved.
    const pending = await submitAnswer(user.id, session.id, answerBody(session, `${FULL_MEMORY_ANSWER}\n\n${WRONG}`));
    expect(pending.turn).toMatchObject({ kind: "follow-up", decision: { action: "challenge" } });
    expect((await mustLoad(user.id, session.id)).questions[0]!.status).toBe("answering");
    const last = await db().turn.findFirstOrThrow({ where: { sessionId: session.id }, orderBy: { seq: "desc" } });
    await db().turn.update({ where: { id: last.id }, data: { createdAt: new Date(last.createdAt.getTime() - 120_000) } });

    // The repair plans offline: the rubric alone moves on, so the question is scored with it.
    await settleInterview(user.id, session.id);
    const repaired = await mustLoad(user.id, session.id);
    expect(repaired.turns[2]).toMatchObject({ seq: 2, role: "interviewer", kind: "move-on", engine: "offline" });
    expect(repaired.questions[0]).toMatchObject({ status: "scored" });
    expect(repaired.questions[0]!.score).toBe(repaired.questions[0]!.report!.score);
  });

  it("goes ahead on the rubric's turn when the judge is too slow, and the judge grades the question after the reply", async () => {
    const restoreTimeout = setEnvForTests({ LLM_TIMEOUT_MS: "800" });
    try {
      const judge = new MockLanguageModelV4({
        modelId: "mock-judge",
        // Never answers: only the timeout ends the call.
        doGenerate: (options) => new Promise((_, reject) => options.abortSignal?.addEventListener("abort", () => reject(new Error("aborted")))),
      });
      configured.interviewer = interviewerModel();
      configured.judge = judge;
      const user = await createUser("judge-first-slow");
      const session = await startTestSession(user.id, { interviewer: "openai:test-model" });
      const started = Date.now();
      const res = await answerAndReply(user.id, session.id, answerBody(session, FULL_MEMORY_ANSWER));
      await res.text();
      expect(Date.now() - started).toBeLessThan(5_000);
      await waitForTurns(session.id, 3);
      expect((await mustLoad(user.id, session.id)).turns[2]).toMatchObject({ role: "interviewer", kind: "move-on" });
      // The judge's read before the reply timed out; the background grade after it runs (and times out too).
      let report = (await mustLoad(user.id, session.id)).questions[0]!.report;
      for (let i = 0; i < 60 && !report?.flags.includes("llm-timeout"); i++) {
        await new Promise((r) => setTimeout(r, 50));
        report = (await mustLoad(user.id, session.id)).questions[0]!.report;
      }
      expect(judge.doGenerateCalls).toHaveLength(2);
      expect(report?.flags).toContain("llm-timeout");
    } finally {
      restoreTimeout();
    }
  });
});
