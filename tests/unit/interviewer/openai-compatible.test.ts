/**
 * The LLM path end to end against a local OpenAI-compatible server (what Ollama, vLLM and
 * llama.cpp speak), through createOpenAI({ baseURL }).chat(...) chosen by lib/ai/providers.ts.
 */
import { createOpenAI } from "@ai-sdk/openai";
import { generateText } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "../../../lib/env.ts";
import { getInterviewerModel } from "../../../lib/ai/providers.ts";
import { fallbackSeparator, getInterviewer, streamTurnWithFallback, type FallbackInfo } from "../../../lib/interviewer/index.ts";
import { createLlmInterviewer } from "../../../lib/interviewer/llm-engine.ts";
import { renderOfflineTurn } from "../../../lib/interviewer/offline-engine.ts";
import { decideNextTurn, type ProbeDecision } from "../../../lib/interviewer/turn-policy.ts";
import type { FollowUpTurn } from "../../../lib/interviewer/turns.ts";
import { messageText, startOpenAICompatibleServer, type OpenAICompatibleServer } from "../../support/openai-compatible-server.ts";
import { collect, firstAnswer, firstReport, memoryQuestion } from "./fixtures.ts";

let server: OpenAICompatibleServer;
beforeAll(async () => {
  server = await startOpenAICompatibleServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.setDefault({ kind: "reply", text: "Okay." });
});

const report = firstReport();
const decision = decideNextTurn({ question: memoryQuestion, report, askedFollowUps: [], isLastQuestion: false }) as ProbeDecision;
const probe: FollowUpTurn = {
  kind: "follow-up",
  mode: "practice",
  seed: "srv",
  sequence: 1,
  question: memoryQuestion,
  answers: [firstAnswer],
  report,
  decision,
};
const offline = renderOfflineTurn(probe);

function engine(timeoutMs = 5_000) {
  const env = parseEnv({ INTERVIEWER_MODEL: "openai:llama3.1-8b", OPENAI_BASE_URL: server.url, LLM_TIMEOUT_MS: String(timeoutMs) });
  return getInterviewer({ env });
}

async function run(timeoutMs = 5_000) {
  const fallbacks: FallbackInfo[] = [];
  const chunks = await collect(streamTurnWithFallback(probe, { primary: engine(timeoutMs), onFallback: (f) => fallbacks.push(f) }));
  return { chunks, text: chunks.join(""), fallbacks };
}

describe("the test server", () => {
  it("answers non-streaming requests too", async () => {
    server.enqueue({ kind: "reply", text: "Plain answer." });
    const model = createOpenAI({ apiKey: "k", baseURL: server.url }).chat("m");
    const { text } = await generateText({ model, prompt: "hi", maxRetries: 0 });
    expect(text).toBe("Plain answer.");
    expect(server.requests[0]!.body).toMatchObject({ model: "m" });
    expect(server.requests[0]!.body!.stream).toBeFalsy();
  });
});

describe("LLM interviewer against an OpenAI-compatible server", () => {
  it("the provider speaks Chat Completions to OPENAI_BASE_URL", () => {
    const model = getInterviewerModel(parseEnv({ INTERVIEWER_MODEL: "openai:llama3.1-8b", OPENAI_BASE_URL: server.url }));
    expect(model).toMatchObject({ provider: "openai.chat", modelId: "llama3.1-8b" });
  });

  it("streams a normal reply, chunk by chunk", async () => {
    server.enqueue({ kind: "reply", text: "Good, you said the refcount drops to zero. What happens when two objects point at each other?" });
    const { chunks, text, fallbacks } = await run();
    expect(text).toBe("Good, you said the refcount drops to zero. What happens when two objects point at each other?");
    // Released one checked sentence at a time.
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(fallbacks).toHaveLength(0);

    const request = server.requests[0]!;
    expect(request.path).toBe("/v1/chat/completions");
    expect(request.body).toMatchObject({ model: "llama3.1-8b", stream: true });
    const messages = request.body!.messages;
    expect(messages[0]!.role).toMatch(/system|developer/);
    expect(messageText(messages[0]!.content)).toMatch(/Never reveal the reference answer/);
    const user = messageText(messages.at(-1)!.content);
    expect(user).toContain(decision.followUp.text);
    expect(user).toContain(`<candidate_answer n="1">\n${firstAnswer}\n</candidate_answer>`);
  });

  it("falls back to the offline text on a 500, without retrying", async () => {
    server.enqueue({ kind: "fail", status: 500, message: "model crashed" });
    const { text, fallbacks } = await run();
    expect(text).toBe(offline);
    expect(fallbacks).toMatchObject([{ midStream: false, reason: "error" }]);
    expect(server.requests).toHaveLength(1);
  });

  it("keeps the streamed prefix when the connection drops mid-stream", async () => {
    server.enqueue({ kind: "drop", text: "Right, the refcount part is correct. Now, what about", afterChunks: 4 });
    const { text, fallbacks } = await run();
    const prefix = "Right, the refcount part "; // four chunks, each a word with its space
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toMatchObject({ midStream: true, streamedText: prefix });
    expect(text).toBe(`${prefix}${fallbackSeparator(prefix)}${offline}`);
  });

  it("treats a stream that ends without finishing as a failure", async () => {
    server.enqueue({ kind: "truncate", text: "One two three four", afterChunks: 2 });
    const { text, fallbacks } = await run();
    expect(fallbacks[0]).toMatchObject({ midStream: true, reason: "interrupted" });
    expect(text).toBe(`One two ${fallbackSeparator("One two ")}${offline}`);
  });

  it("treats an SSE error event as a failure", async () => {
    server.enqueue({ kind: "stream-error", text: "Alpha beta gamma", afterChunks: 2, message: "overloaded" });
    const { text, fallbacks } = await run();
    expect(fallbacks[0]!.midStream).toBe(true);
    expect(text.endsWith(offline)).toBe(true);
  });

  it("gives up on a server that never answers after the timeout", async () => {
    server.enqueue({ kind: "hang" });
    const started = Date.now();
    const { text, fallbacks } = await run(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(text).toBe(offline);
    expect(fallbacks[0]!.reason).toBe("timeout");
  });

  it("gives up on a stall between chunks", async () => {
    server.enqueue({ kind: "reply", text: "Slow and steady", chunkDelayMs: 600 });
    const { text, fallbacks } = await run(200);
    expect(fallbacks[0]!.reason).toBe("timeout");
    expect(text.startsWith("Slow")).toBe(true);
    expect(text.endsWith(offline)).toBe(true);
  });

  it("createLlmInterviewer accepts any chat model (injectable timeout)", async () => {
    server.enqueue({ kind: "reply", text: "Hello there.", delayMs: 50 });
    const model = createOpenAI({ apiKey: "k", baseURL: server.url }).chat("x");
    const chunks = await collect(createLlmInterviewer({ model, timeoutMs: 2_000 }).streamTurn(probe));
    expect(chunks.join("")).toBe("Hello there.");
  });
});
