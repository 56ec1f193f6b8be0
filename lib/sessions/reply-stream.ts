/**
 * Interviewer replies are generated apart from the request that asked for them: the reply keeps
 * streaming and is saved (reply-save.ts) even if the browser disconnects, and a reloaded page can
 * follow a reply still in progress (in this process). The HTTP response only follows the run.
 */
import "server-only";
import { createUIMessageStream } from "ai";
import { LOCAL_RUBRIC } from "../ai/providers.ts";
import { getInterviewer, offlineInterviewer, streamTurnWithFallback } from "../interviewer/index.ts";
import { processWide } from "../process-wide/index.ts";
import { saveReply, type PendingReply } from "./reply-save.ts";

export type ReplyEvent = { type: "text"; text: string } | { type: "notice"; text: string };

type ReplyRun = {
  events: ReplyEvent[];
  done: boolean;
  error?: unknown;
  wake: Set<() => void>;
};

// Process-wide (lib/process-wide): the chat route starts a run, the stream route rejoins it.
const runs = processWide("interviewerReplies", () => new Map<string, ReplyRun>());

/** How long a finished run stays available to a reconnecting client. */
const KEEP_FINISHED_MS = 30_000;

function engineFor(spec: string) {
  return spec === LOCAL_RUBRIC ? offlineInterviewer : getInterviewer();
}

function push(run: ReplyRun, event?: ReplyEvent) {
  if (event) run.events.push(event);
  for (const wake of run.wake) wake();
  run.wake.clear();
}

/** Starts generating (and then saving) the reply; returns the run's key. */
export function startReply(pending: PendingReply): string {
  const key = pending.sessionId;
  const run: ReplyRun = { events: [], done: false, wake: new Set() };
  runs.set(key, run);
  void (async () => {
    try {
      const stream = streamTurnWithFallback(pending.turn, {
        primary: engineFor(pending.engine),
        // A reply replaced after the check ("rejected") is not a failure: no notice.
        onFallback: (info) => {
          if (info.reason !== "rejected")
            push(run, { type: "notice", text: "The AI interviewer stopped responding; the offline interviewer is taking over. Nothing you typed is lost." });
        },
      });
      let step = await stream.next();
      while (!step.done) {
        push(run, { type: "text", text: step.value });
        step = await stream.next();
      }
      await saveReply(pending, step.value);
    } catch (error) {
      run.error = error;
      console.error(`interview ${key}: reply failed:`, error instanceof Error ? error.message : error);
    } finally {
      run.done = true;
      push(run);
      setTimeout(() => {
        if (runs.get(key) === run) runs.delete(key);
      }, KEEP_FINISHED_MS).unref?.();
    }
  })();
  return key;
}

export function hasReply(key: string): boolean {
  return runs.has(key);
}

/** Every event of the run from the start, then new ones as they come, until it is saved. */
export async function* followReply(key: string): AsyncGenerator<ReplyEvent> {
  const run = runs.get(key);
  if (!run) return;
  let i = 0;
  while (true) {
    while (i < run.events.length) yield run.events[i++]!;
    if (run.done) break;
    await new Promise<void>((resolve) => run.wake.add(resolve));
  }
  if (run.error) throw run.error;
}

/** The run as an AI SDK UI message stream: one text part, plus `data-notice` parts on fallback. */
export function replyUIMessageStream(key: string) {
  return createUIMessageStream({
    execute: async ({ writer }) => {
      const textId = `reply-${key}-${Date.now()}`;
      writer.write({ type: "text-start", id: textId });
      for await (const event of followReply(key)) {
        if (event.type === "text") writer.write({ type: "text-delta", id: textId, delta: event.text });
        else writer.write({ type: "data-notice", data: { text: event.text } });
      }
      writer.write({ type: "text-end", id: textId });
    },
    onError: () => "The interviewer could not reply. Reload the page: your answer was saved.",
  });
}
