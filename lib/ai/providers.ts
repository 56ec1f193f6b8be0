/**
 * Every language model the app uses is chosen here, from the validated environment (lib/env.ts):
 *
 * - INTERVIEWER_MODEL=local:rubric (default): no model; the offline interviewer runs.
 * - INTERVIEWER_MODEL=openai:<id>: OpenAI's Responses API with OPENAI_API_KEY, or, when
 *   OPENAI_BASE_URL is set, any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio)
 *   through Chat Completions (`provider.chat(id)`), which is what those servers speak.
 * - SCORER_MODEL: the LLM judge; defaults to the interviewer's model; local:rubric turns it off.
 * - AI_TEST_MODELS=1 (tests only): the interviewer is the AI SDK's MockLanguageModelV4 with
 *   deterministic streamed text, whatever INTERVIEWER_MODEL says; so is the judge unless
 *   SCORER_MODEL=local:rubric. `ai/test` is imported lazily, on the first call of such a model.
 */
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import { env as loadEnv, type ServerEnv } from "../env.ts";

type ModelEnv = Pick<ServerEnv, "INTERVIEWER_MODEL" | "SCORER_MODEL" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "AI_TEST_MODELS">;
type LanguageModelV4 = Extract<LanguageModel, { specificationVersion: "v4" }>;

export const LOCAL_RUBRIC = "local:rubric";

type Models = { interviewer: LanguageModel | null; judge: LanguageModel | null };
const cache = new WeakMap<object, Models>();

/** The interviewer's model, or null when the offline interviewer is configured. */
export function getInterviewerModel(e: ModelEnv = loadEnv()): LanguageModel | null {
  return models(e).interviewer;
}

/** The LLM judge's model (SCORER_MODEL, defaulting to the interviewer's), or null for rubric-only scoring. */
export function getJudgeModel(e: ModelEnv = loadEnv()): LanguageModel | null {
  return models(e).judge;
}

/** The configured model ids: `openai:<id>` or `local:rubric`. */
export function modelSpecs(e: ModelEnv = loadEnv()): { interviewer: string; judge: string } {
  return { interviewer: e.INTERVIEWER_MODEL, judge: e.SCORER_MODEL ?? e.INTERVIEWER_MODEL };
}

function models(e: ModelEnv): Models {
  const cached = cache.get(e);
  if (cached) return cached;
  const specs = modelSpecs(e);
  const built: Models = e.AI_TEST_MODELS
    ? {
        interviewer: lazyTestModel("interviewer"),
        judge: e.SCORER_MODEL === LOCAL_RUBRIC ? null : lazyTestModel("judge"),
      }
    : { interviewer: modelFor(specs.interviewer, e), judge: modelFor(specs.judge, e) };
  cache.set(e, built);
  return built;
}

function modelFor(spec: string, e: ModelEnv): LanguageModel | null {
  if (spec === LOCAL_RUBRIC) return null;
  const match = /^openai:(.+)$/.exec(spec);
  if (!match?.[1]) throw new Error(`Unknown model "${spec}": use local:rubric or openai:<model-id>`);
  const modelId = match[1];
  if (e.OPENAI_BASE_URL) {
    // Local servers usually need no key, but the provider requires one (and would otherwise read
    // process.env itself): send a placeholder.
    const provider = createOpenAI({ apiKey: e.OPENAI_API_KEY ?? "not-needed", baseURL: e.OPENAI_BASE_URL });
    return provider.chat(modelId);
  }
  if (!e.OPENAI_API_KEY) throw new Error(`${spec} needs OPENAI_API_KEY (or OPENAI_BASE_URL for a compatible server)`);
  return createOpenAI({ apiKey: e.OPENAI_API_KEY })(modelId);
}

/** A LanguageModelV4 that loads `ai/test` (through ./test-models.ts) on its first call. */
function lazyTestModel(kind: "interviewer" | "judge"): LanguageModelV4 {
  let instance: Promise<LanguageModelV4> | undefined;
  const load = () =>
    (instance ??= import("./test-models.ts").then((m) => (kind === "interviewer" ? m.createTestInterviewerModel() : m.createTestJudgeModel())));
  return {
    specificationVersion: "v4",
    provider: "test",
    modelId: kind,
    supportedUrls: {},
    doGenerate: async (options) => (await load()).doGenerate(options),
    doStream: async (options) => (await load()).doStream(options),
  };
}

/** A base URL for display: no credentials, no query string. */
function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/$/, "")}`;
  } catch {
    return "(invalid URL)";
  }
}

function describe(spec: string, e: ModelEnv, role: "interviewer" | "judge"): string {
  if (e.AI_TEST_MODELS && !(role === "judge" && e.SCORER_MODEL === LOCAL_RUBRIC)) {
    return `test:${role} (AI_TEST_MODELS mock)`;
  }
  if (spec === LOCAL_RUBRIC) return role === "interviewer" ? "Offline rubric interviewer" : "Offline rubric scorer";
  return e.OPENAI_BASE_URL ? `${spec} via ${displayUrl(e.OPENAI_BASE_URL)}` : `${spec} via OpenAI`;
}

/** For the UI, e.g. { interviewer: "openai:gpt-4.1-mini via http://localhost:11434/v1", judge: ... }. */
export function describeModels(e: ModelEnv = loadEnv()): { interviewer: string; judge: string; usesLlm: boolean } {
  const specs = modelSpecs(e);
  return {
    interviewer: describe(specs.interviewer, e, "interviewer"),
    judge: describe(specs.judge, e, "judge"),
    usesLlm: e.AI_TEST_MODELS || specs.interviewer !== LOCAL_RUBRIC || specs.judge !== LOCAL_RUBRIC,
  };
}
