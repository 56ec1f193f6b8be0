/**
 * `npm run eval -- --judge`: the evaluation scored as the app scores with a judge model configured
 * (offline report, then the LLM judge blended in), against the local OpenAI-compatible test server
 * (no judge model can be reached from these machines). The server plays two judges: a harsh one that
 * finds every key point missed, and one whose every call fails; the figures must show each.
 */
import { createOpenAI } from "@ai-sdk/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScorerEval, runScorerEvalWithJudge } from "../../../eval/run.ts";
import { messageText, startOpenAICompatibleServer, type OpenAICompatibleServer, type RecordedRequest } from "../../support/openai-compatible-server.ts";

let server: OpenAICompatibleServer;
beforeAll(async () => {
  server = await startOpenAICompatibleServer();
});
afterAll(async () => {
  await server.close();
});

/** Every key point the prompt lists, judged missed, with a score of 0 and no wrong claim. */
function harshJudgement(request: RecordedRequest): string {
  const prompt = (request.body?.messages ?? []).map((m) => messageText(m.content)).join("\n");
  const ids = [...prompt.matchAll(/^- id: (\S+) \(weight /gm)].map((m) => m[1]!);
  return JSON.stringify({
    keyPoints: ids.map((id) => ({ id, status: "missed", evidence: [] })),
    misconceptions: [],
    score: 0,
    offTopic: false,
    rationale: "Nothing in the answer shows the key points.",
  });
}

const args = { split: "heldout", set: "generic" } as const;

type JsonSchema = { properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema };
/** Properties left out of their object's `required`, as paths. */
function optionalFields(schema: JsonSchema, at = "$"): string[] {
  const own = Object.keys(schema.properties ?? {})
    .filter((k) => !(schema.required ?? []).includes(k))
    .map((k) => `${at}.${k}`);
  const nested = Object.entries(schema.properties ?? {}).flatMap(([k, s]) => optionalFields(s, `${at}.${k}`));
  return [...own, ...nested, ...(schema.items ? optionalFields(schema.items, `${at}[]`) : [])];
}

describe("npm run eval -- --judge", () => {
  it("asks the judge once per answer (twice for a detected injection) and reports the blended figures beside the offline ones", async () => {
    server.requests.length = 0;
    server.setDefault((request) => ({ kind: "reply", text: harshJudgement(request), wordsPerChunk: 1000 }));
    const model = createOpenAI({ apiKey: "test", baseURL: server.url }).chat("judge-under-test");
    const { out } = await runScorerEvalWithJudge(args, { model, concurrency: 8 });
    const offline = runScorerEval(args).out.results["generic/heldout"]!;

    const rows = offline.n;
    expect(out.judge.calls).toBe(rows + offline.injection.detected);
    expect(server.requests.length).toBe(out.judge.calls);
    expect(out.judge.failed).toBe(0);
    // The judge saw the candidate's answer as data.
    expect(server.requests.every((r) => r.rawBody.includes("candidate_answer"))).toBe(true);
    // OpenAI's strict structured outputs refuse a schema with an optional field: every object's
    // properties are all required, at every depth.
    const format = server.requests[0]!.body!.response_format as { type: string; json_schema: { schema: JsonSchema } };
    expect(format.type).toBe("json_schema");
    expect(optionalFields(format.json_schema.schema)).toEqual([]);

    const blended = out.results["generic/heldout"]!;
    expect(out.offlineResults["generic/heldout"]).toEqual(offline);
    // A judge that finds nothing pulls the blend down: excellent answers lose about half their score.
    expect(blended.perKind.excellent!.meanScore).toBeLessThan(offline.perKind.excellent!.meanScore * 0.75);
    expect(blended.injection.maxGain).toBeLessThanOrEqual(0);
  });

  it("counts failed judge calls and keeps the offline scores for them", async () => {
    server.requests.length = 0;
    server.setDefault({ kind: "fail", status: 503, message: "model is loading" });
    const model = createOpenAI({ apiKey: "test", baseURL: server.url }).chat("judge-under-test");
    const { out } = await runScorerEvalWithJudge(args, { model, concurrency: 8 });
    expect(out.judge.calls).toBeGreaterThan(40);
    expect(out.judge.failed).toBe(out.judge.calls);
    expect(Object.keys(out.judge.errors).join(" ")).toMatch(/model is loading/);
    const blended = out.results["generic/heldout"]!;
    const offline = out.offlineResults["generic/heldout"]!;
    expect(blended.spearman).toBe(offline.spearman);
    expect(blended.perKind).toEqual(offline.perKind);
  });
});
