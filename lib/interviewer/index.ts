/**
 * The interviewer: one interface (InterviewerEngine), the engine chosen by config in one place
 * (getInterviewer), and the fallback to the offline engine when an LLM fails (streamTurnWithFallback).
 *
 * Typical use from the session service:
 *
 *   const { turn, report, followUpId } = planNextTurn({ question, exchange, score, mode, seed,
 *     sequence, previousText, followUpCount, isLastQuestion, ... });
 *   for await (const chunk of streamTurnWithFallback(turn, {
 *     primary: getInterviewer(), signal, onFallback: (info) => writer.write(notice(info)),
 *     onEnd: ({ text }) => save(text) })) writer.write(textDelta(chunk));
 */
import { env as loadEnv, type ServerEnv } from "../env.ts";
import { describeModels, getInterviewerModel, modelSpecs } from "../ai/providers.ts";
import { InterviewerLlmError, createLlmInterviewer } from "./llm-engine.ts";
import { createOfflineInterviewer } from "./offline-engine.ts";
import type { InterviewerEngine, ReplyTurn } from "./turns.ts";

export type * from "./turns.ts";
export {
  countsAsFollowUp,
  decideNextTurn,
  followUpId,
  isCovered,
  isFollowUpDecision,
  DEFAULT_MAX_FOLLOW_UPS,
  MIN_SECONDS_TO_PROBE,
  type ChallengeDecision,
  type ClarifyDecision,
  type FollowUpDecision,
  type InterviewQuestion,
  type MoveOnDecision,
  type MoveOnReason,
  type PlannedFollowUp,
  type ProbeDecision,
  type RedirectDecision,
  type ScaffoldDecision,
  type TurnDecision,
  type TurnState,
} from "./turn-policy.ts";
export { classifyMessage, type MessageClassification, type MessageKind } from "./classify-message.ts";
export {
  planNextTurn,
  planNextTurnJudged,
  timeUpDecision,
  turnForDecision,
  type DecisionTurnContext,
  type PlanTurnInput,
  type PlannedTurn,
} from "./next-turn.ts";
export { createOfflineInterviewer, renderOfflineTurn, OFFLINE_ENGINE_ID, OFFLINE_ENGINE_LABEL } from "./offline-engine.ts";
export { createLlmInterviewer, InterviewerLlmError, type LlmEngineOptions } from "./llm-engine.ts";
export { buildInterviewerPrompt } from "./prompts.ts";

/** The offline engine, shared (it is stateless). */
export const offlineInterviewer: InterviewerEngine = createOfflineInterviewer();

type InterviewerEnv = Pick<ServerEnv, "INTERVIEWER_MODEL" | "SCORER_MODEL" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "AI_TEST_MODELS" | "LLM_TIMEOUT_MS">;

/**
 * The configured interviewer: the LLM engine when INTERVIEWER_MODEL names a model (or
 * AI_TEST_MODELS=1), else the offline engine. Always pair it with `streamTurnWithFallback`.
 */
export function getInterviewer(options: { env?: InterviewerEnv; timeoutMs?: number } = {}): InterviewerEngine {
  const e = options.env ?? loadEnv();
  const model = getInterviewerModel(e);
  if (!model) return offlineInterviewer;
  return createLlmInterviewer({
    model,
    id: e.AI_TEST_MODELS ? "llm:test" : `llm:${modelSpecs(e).interviewer}`,
    label: describeModels(e).interviewer,
    timeoutMs: options.timeoutMs ?? e.LLM_TIMEOUT_MS,
  });
}

export type FallbackInfo = {
  /** The engine that failed. */
  engineId: string;
  /** The engine that takes over. */
  fallbackEngineId: string;
  /** `rejected`: the reply failed the check after the model spoke and was replaced (no notice needed). */
  reason: "error" | "timeout" | "interrupted" | "empty" | "rejected";
  /** A short message for logs (never shown to candidates as is: it may name the provider). */
  message: string;
  error: unknown;
  /** True when some of the primary's text had already been streamed (it is kept). */
  midStream: boolean;
  /** What the primary streamed before failing. */
  streamedText: string;
};

export type TurnStreamResult = {
  /** The full text the candidate saw: the primary's, or its prefix + separator + the fallback's. */
  text: string;
  /** The engine that finished the turn. */
  engineId: string;
  fallback?: FallbackInfo;
};

export type StreamWithFallbackOptions = {
  primary: InterviewerEngine;
  /** Default: the offline engine. */
  fallback?: InterviewerEngine;
  /** The caller's signal (client gone, session closed): aborting it stops everything, with no fallback. */
  signal?: AbortSignal;
  /** Called once, before the fallback's first chunk: emit a visible notice here. */
  onFallback?: (info: FallbackInfo) => void;
  /** Called when the turn's text is complete (not when the caller aborted): persist it here. */
  onEnd?: (result: TurnStreamResult) => void;
};

/** What goes between the primary's cut-off text and the fallback's text after a mid-stream failure. */
export function fallbackSeparator(streamedText: string): string {
  return /[.?!:)"”]\s*$/.test(streamedText) ? "\n\n" : "…\n\n";
}

function fallbackReason(error: unknown): FallbackInfo["reason"] {
  if (error instanceof InterviewerLlmError) return error.reason;
  if (error instanceof Error && (error.name === "TimeoutError" || /timed? ?out/i.test(error.message))) return "timeout";
  return "error";
}

/**
 * Streams a turn from `primary`; if it fails before or during the stream, continues with the
 * fallback's text for the same turn (after a separator when some text was already streamed) and
 * reports it through `onFallback`. The result (full text, engine, fallback) goes to `onEnd` and is
 * the generator's return value.
 */
export async function* streamTurnWithFallback(turn: ReplyTurn, options: StreamWithFallbackOptions): AsyncGenerator<string, TurnStreamResult> {
  const { primary, signal } = options;
  const fallback = options.fallback ?? offlineInterviewer;
  let text = "";
  let failure: unknown;
  let failed = false;
  try {
    for await (const chunk of primary.streamTurn(turn, { signal })) {
      text += chunk;
      yield chunk;
    }
  } catch (error) {
    if (signal?.aborted || primary === fallback) throw error;
    failure = error;
    failed = true;
  }
  if (!failed) {
    const result: TurnStreamResult = { text, engineId: primary.id };
    options.onEnd?.(result);
    return result;
  }

  const info: FallbackInfo = {
    engineId: primary.id,
    fallbackEngineId: fallback.id,
    reason: fallbackReason(failure),
    message: failure instanceof Error ? failure.message : String(failure),
    error: failure,
    midStream: text.length > 0,
    streamedText: text,
  };
  options.onFallback?.(info);
  if (text.length > 0) {
    const separator = fallbackSeparator(text);
    text += separator;
    yield separator;
  }
  for await (const chunk of fallback.streamTurn(turn, { signal })) {
    text += chunk;
    yield chunk;
  }
  const result: TurnStreamResult = { text, engineId: fallback.id, fallback: info };
  options.onEnd?.(result);
  return result;
}
