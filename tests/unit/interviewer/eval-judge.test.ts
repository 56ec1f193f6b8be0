/**
 * `npm run eval:interviewer -- --judge`: the simulated candidates with the LLM judge reading each
 * answer before the turn is final (as the app's LLM sessions do), against the local
 * OpenAI-compatible test server (no judge model can be reached from these machines). A judge that
 * finds nothing leaves every metric as the offline run has it; a judge that calls every answer's
 * opening words wrong gets every held-out wrong claim challenged, and one that reads every answer as
 * off the question gets every held-out off-topic answer redirected; the offline run does neither.
 */
import { createOpenAI } from "@ai-sdk/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateInterviewer, evaluateInterviewerWithJudge } from "../../../eval/interviewer.ts";
import { messageText, startOpenAICompatibleServer, type OpenAICompatibleServer, type RecordedRequest } from "../../support/openai-compatible-server.ts";

let server: OpenAICompatibleServer;
beforeAll(async () => {
  server = await startOpenAICompatibleServer();
});
afterAll(async () => {
  await server.close();
});

/** The candidate's answer as the judge's prompt carries it (escaped data between tags). */
function answerIn(request: RecordedRequest): string {
  const prompt = (request.body?.messages ?? []).map((m) => messageText(m.content)).join("\n");
  return /<candidate_answer>\n([\s\S]*?)\n<\/candidate_answer>/.exec(prompt)?.[1] ?? "";
}

function judgement(misconceptions: unknown[], offTopic = false): string {
  return JSON.stringify({ keyPoints: [], misconceptions, score: 50, offTopic, rationale: "test judge" });
}

const offline = evaluateInterviewer({ split: "heldout" }).results[0]!;

describe("npm run eval:interviewer -- --judge", () => {
  it("changes nothing when the judge finds no wrong claim", async () => {
    server.requests.length = 0;
    server.setDefault({ kind: "reply", text: judgement([]), wordsPerChunk: 1000 });
    const model = createOpenAI({ apiKey: "test", baseURL: server.url }).chat("judge-under-test");
    const judged = await evaluateInterviewerWithJudge({ split: "heldout", model, concurrency: 8 });
    expect(judged.judge.calls).toBeGreaterThan(100);
    expect(judged.judge.failed).toBe(0);
    expect(server.requests.length).toBe(judged.judge.calls);
    expect(judged.results[0]).toEqual(offline);
  });

  it("challenges the wrong claims the judge finds, quoted from the answer", async () => {
    server.requests.length = 0;
    server.setDefault((request) => {
      const words = answerIn(request).split(/\s+/).slice(0, 6).join(" ");
      const claim = { id: "other", keyPointId: null, description: "The opening claim is wrong.", quote: words, corrected: false };
      return { kind: "reply", text: judgement(words ? [claim] : []), wordsPerChunk: 1000 };
    });
    const model = createOpenAI({ apiKey: "test", baseURL: server.url }).chat("judge-under-test");
    const judged = (await evaluateInterviewerWithJudge({ split: "heldout", model, concurrency: 8 })).results[0]!;
    expect(offline.misconceptionsChallenged.hit).toBeLessThan(offline.misconceptionsChallenged.of);
    expect(judged.misconceptionsChallenged.hit).toBe(judged.misconceptionsChallenged.of);
    expect(judged.challenges).toBeGreaterThan(offline.challenges);
  });

  it("redirects the first answers the judge reads as off the question", async () => {
    server.requests.length = 0;
    server.setDefault({ kind: "reply", text: judgement([], true), wordsPerChunk: 1000 });
    const model = createOpenAI({ apiKey: "test", baseURL: server.url }).chat("judge-under-test");
    const judged = (await evaluateInterviewerWithJudge({ split: "heldout", model, concurrency: 8 })).results[0]!;
    expect(offline.redirectsAfterOffTopic.hit).toBeLessThan(offline.redirectsAfterOffTopic.of);
    expect(judged.redirectsAfterOffTopic.hit).toBe(judged.redirectsAfterOffTopic.of);
    // A judge that calls everything off-topic also redirects genuine answers: the metric that shows a bad judge.
    expect(judged.falseRedirects).toBeGreaterThan(offline.falseRedirects);
  });
});
