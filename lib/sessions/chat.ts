/**
 * POST /api/interview/[id]/chat, everything after authentication and reading the body, in one
 * direction: the answer is checked, stored, scored and planned (answer-flow.ts `submitAnswer`); the
 * interviewer's reply is generated apart from the request, streamed and saved when complete
 * (reply-stream.ts, reply-save.ts), so it is kept even if the browser leaves; the response follows
 * that run as an AI SDK UI message stream, which a reload or another instance can rejoin
 * (resumable.ts).
 */
import "server-only";
import { submitAnswer } from "./answer-flow.ts";
import { startReply } from "./reply-stream.ts";
import { replyResponse } from "./resumable.ts";

/** The reply to an answer, as the response to send. Throws SessionError for a refused answer (its text is not stored). */
export async function answerAndReply(userId: string, sessionId: string, body: unknown): Promise<Response> {
  const pending = await submitAnswer(userId, sessionId, body);
  return replyResponse(startReply(pending), String(pending.replySeq));
}
