/**
 * Test-only models (AI_TEST_MODELS=1): the AI SDK's MockLanguageModelV4 with deterministic output,
 * so e2e tests run the LLM path with no server. Imported lazily by providers.ts, never statically,
 * so production bundles do not carry `ai/test`.
 *
 * - The interviewer mock streams a short reply that follows the task in the prompt (it repeats the
 *   follow-up it was told to ask), prefixed "(test model)".
 * - The judge mock answers structured-output calls with the minimal value of the requested JSON
 *   schema (numbers at their midpoint, strings from `examples`/`enum` or "", arrays with minItems
 *   elements) and streams/returns a fixed text otherwise.
 */
import { simulateReadableStream } from "ai";
import { MockLanguageModelV4 } from "ai/test";

type CallOptions = MockLanguageModelV4["doStreamCalls"][number];
type StreamResult = Awaited<ReturnType<MockLanguageModelV4["doStream"]>>;
type StreamPart = StreamResult["stream"] extends ReadableStream<infer P> ? P : never;

const USAGE = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 10, text: 10, reasoning: 0 },
};

/** The text of the prompt's last user message. */
export function lastUserText(options: CallOptions): string {
  for (let i = options.prompt.length - 1; i >= 0; i -= 1) {
    const m = options.prompt[i];
    if (m?.role !== "user") continue;
    return m.content.map((p) => (p.type === "text" ? p.text : "")).join("");
  }
  return "";
}

/** What the test interviewer says for a prompt built by lib/interviewer/prompts.ts. */
export function testInterviewerReply(prompt: string): string {
  const followUp = /^FOLLOW-UP TO ASK:\s*\n([\s\S]+)$/m.exec(prompt)?.[1]?.trim().split("\n")[0];
  if (followUp) return `(test model) Thanks for that. ${followUp}`;
  if (/TASK: Write ONE short sentence that introduces/.test(prompt)) return "(test model) Here is the next question.";
  if (/TASK: Close the interview/.test(prompt)) return "(test model) That's the end of the interview. Thank you for your time.";
  if (/TASK: Close this question/.test(prompt)) return "(test model) Thanks, let's move on.";
  return "(test model) Okay.";
}

function textStream(text: string): ReadableStream<StreamPart> {
  const words = text.match(/\S+\s*/g) ?? [text];
  const chunks = [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "t0" },
    ...words.map((delta) => ({ type: "text-delta", id: "t0", delta })),
    { type: "text-end", id: "t0" },
    { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage: USAGE },
  ] as StreamPart[];
  return simulateReadableStream<StreamPart>({ chunks, initialDelayInMs: null, chunkDelayInMs: null });
}

function generateResult(text: string) {
  return {
    content: [{ type: "text" as const, text }],
    finishReason: { unified: "stop" as const, raw: "stop" },
    usage: USAGE,
    warnings: [],
  };
}

export function createTestInterviewerModel(): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    provider: "test",
    modelId: "interviewer",
    doStream: async (options) => ({ stream: textStream(testInterviewerReply(lastUserText(options))) }),
    doGenerate: async (options) => generateResult(testInterviewerReply(lastUserText(options))),
  });
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  minLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
};

/** A deterministic value that satisfies a (simple) JSON schema. */
export function sampleFromJsonSchema(schema: JsonSchema | undefined, root: JsonSchema | undefined = schema, depth = 0): unknown {
  if (!schema || depth > 20) return null;
  if (schema.$ref && root) {
    const name = schema.$ref.replace(/^#\/(definitions|\$defs)\//, "");
    return sampleFromJsonSchema(root.definitions?.[name] ?? root.$defs?.[name], root, depth + 1);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.examples && schema.examples.length > 0) return schema.examples[0];
  const alternative = schema.anyOf ?? schema.oneOf;
  if (alternative && alternative.length > 0) {
    return sampleFromJsonSchema(alternative.find((s) => s.type !== "null") ?? alternative[0], root, depth + 1);
  }
  if (schema.allOf && schema.allOf.length > 0) {
    return Object.assign({}, ...schema.allOf.map((s) => sampleFromJsonSchema(s, root, depth + 1) as object));
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? "null") : schema.type;
  switch (type) {
    case "object":
    case undefined: {
      if (!schema.properties && type === undefined) return null;
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        out[key] = sampleFromJsonSchema(value, root, depth + 1);
      }
      return out;
    }
    case "array": {
      const items = Array.isArray(schema.items) ? schema.items : [];
      const n = Math.max(schema.minItems ?? 0, items.length);
      return Array.from({ length: n }, (_, i) => sampleFromJsonSchema(Array.isArray(schema.items) ? schema.items[i] : schema.items, root, depth + 1));
    }
    case "string":
      return "x".repeat(schema.minLength ?? 0);
    case "integer":
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined);
      const value = min !== undefined && max !== undefined ? (min + max) / 2 : (min ?? max ?? 0);
      return type === "integer" ? Math.round(value) : value;
    }
    case "boolean":
      return false;
    default:
      return null;
  }
}

export function createTestJudgeModel(): MockLanguageModelV4 {
  const reply = (options: CallOptions) =>
    options.responseFormat?.type === "json"
      ? JSON.stringify(sampleFromJsonSchema(options.responseFormat.schema as JsonSchema | undefined))
      : "(test model) judge";
  return new MockLanguageModelV4({
    provider: "test",
    modelId: "judge",
    doGenerate: async (options) => generateResult(reply(options)),
    doStream: async (options) => ({ stream: textStream(reply(options)) }),
  });
}
