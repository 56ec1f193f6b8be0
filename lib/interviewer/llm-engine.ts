/**
 * The LLM interviewer: phrases the turn the policy decided through the AI SDK and streams the text,
 * one checked sentence at a time: each sentence is released only after the reply so far passes
 * `checkInterviewerReply` (no reference, no unsaid key point terms, no verdict where none belongs).
 * Any failure (provider error, timeout, interrupted stream, empty reply, a rejected reply) is
 * thrown to the caller; `streamTurnWithFallback` (index.ts) turns it into the offline engine's text.
 */
import { streamText, type LanguageModel } from "ai";
import { buildInterviewerPrompt } from "./prompts.ts";
import { checkInterviewerReply } from "./reply-guard.ts";
import type { InterviewerEngine, ReplyTurn, StreamTurnOptions } from "./turns.ts";

export type LlmEngineOptions = {
  model: LanguageModel;
  /** e.g. "llm:openai:gpt-4.1-mini". */
  id?: string;
  label?: string;
  /**
   * Milliseconds without any streamed text (before the first chunk, or between two chunks) after
   * which the call is abandoned. The session service passes env().LLM_TIMEOUT_MS.
   */
  timeoutMs: number;
  /** Retries before the first chunk. Default 0: the offline engine takes over at once instead. */
  maxRetries?: number;
  /** Default 400: an interviewer turn is a few sentences. */
  maxOutputTokens?: number;
  temperature?: number;
};

export class InterviewerLlmError extends Error {
  /** `rejected`: the reply failed the check after the model spoke (see reply-guard.ts). */
  readonly reason: "error" | "timeout" | "interrupted" | "empty" | "rejected";
  constructor(reason: InterviewerLlmError["reason"], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InterviewerLlmError";
    this.reason = reason;
  }
}

function modelName(model: LanguageModel): string {
  return typeof model === "string" ? model : `${model.provider}:${model.modelId}`;
}

export function createLlmInterviewer(options: LlmEngineOptions): InterviewerEngine {
  const name = modelName(options.model);
  return {
    id: options.id ?? `llm:${name}`,
    label: options.label ?? `AI interviewer (${name})`,
    streamTurn(turn: ReplyTurn, streamOptions: StreamTurnOptions = {}) {
      return streamLlmTurn(turn, options, streamOptions.signal);
    },
  };
}

async function* streamLlmTurn(turn: ReplyTurn, options: LlmEngineOptions, callerSignal: AbortSignal | undefined): AsyncGenerator<string> {
  callerSignal?.throwIfAborted();
  const { instructions, messages } = buildInterviewerPrompt(turn);

  // Inactivity timeout: restarted by every chunk, so a slow but steady stream is not cut.
  const timeout = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () => timeout.abort(new InterviewerLlmError("timeout", `the interviewer model sent nothing for ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
  };
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : timeout.signal;
  const failure = (): unknown => (callerSignal?.aborted ? callerSignal.reason : timeout.signal.aborted ? timeout.signal.reason : undefined);

  arm();
  let text = "";
  /** Text received but not yet released: released sentence by sentence once it passes the check. */
  let held = "";
  const release = (all: boolean): string => {
    const cut = all ? held.length : lastSentenceEnd(held);
    if (cut <= 0) return "";
    const candidate = text + held.slice(0, cut);
    const verdict = checkInterviewerReply(candidate, turn);
    if (!verdict.ok) throw new InterviewerLlmError("rejected", `the interviewer reply was replaced (${verdict.reason}: ${verdict.detail})`);
    const out = held.slice(0, cut);
    held = held.slice(cut);
    text = candidate;
    return out;
  };
  try {
    const result = streamText({
      model: options.model,
      instructions,
      messages,
      abortSignal: signal,
      maxRetries: options.maxRetries ?? 0,
      maxOutputTokens: options.maxOutputTokens ?? 400,
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      // Errors are read from the stream below; this only keeps the SDK from logging them.
      onError: () => {},
    });
    for await (const part of result.stream) {
      switch (part.type) {
        case "text-delta":
          if (part.text) {
            arm();
            held += part.text;
            const out = release(false);
            if (out) yield out;
          }
          break;
        case "error":
          throw failure() ?? new InterviewerLlmError("error", describeError(part.error), { cause: part.error });
        case "abort":
          throw failure() ?? new InterviewerLlmError("error", "the interviewer model call was aborted");
        case "finish":
          if (part.finishReason === "interrupted" || part.finishReason === "error") {
            throw new InterviewerLlmError("interrupted", `the interviewer model stream ended early (${part.finishReason})`);
          }
          break;
        default:
          break;
      }
    }
    const f = failure();
    if (f) throw f;
    const rest = release(true);
    if (rest) yield rest;
    if (text.trim() === "") throw new InterviewerLlmError("empty", "the interviewer model returned no text");
  } catch (error) {
    // What the model said before failing is kept when it passes the check; the fallback finishes the turn.
    const rejected = error instanceof InterviewerLlmError && error.reason === "rejected";
    if (!rejected && held.trim()) {
      const out = safeRelease(release);
      if (out) yield out;
    }
    const f = failure();
    if (f && f !== error) throw f;
    throw error;
  } finally {
    clearTimeout(timer);
    // Stop the HTTP request if the consumer stopped reading early.
    if (!timeout.signal.aborted) timeout.abort(new InterviewerLlmError("error", "stream closed"));
  }
  if (turn.kind === "follow-up" && (turn.decision.action === "clarify" || turn.decision.action === "redirect")) {
    // The model wrote only its own words; the question itself is always shown verbatim.
    yield `\n\n${turn.question.prompt.trim()}`;
  }
}

/** The end of the last complete sentence in `text` (after its punctuation and spaces), or 0. */
function lastSentenceEnd(text: string): number {
  for (let i = text.length - 1; i > 0; i -= 1) {
    const c = text[i]!;
    if (c === "\n" || ((c === " " || c === "\t") && /[.?!:"”)]/.test(text[i - 1]!))) return i + 1;
  }
  return 0;
}

/** Releases the held text if it passes the check; "" when it does not (the fallback replaces it). */
function safeRelease(release: (all: boolean) => string): string {
  try {
    return release(true);
  } catch {
    return "";
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : "the interviewer model failed";
}
