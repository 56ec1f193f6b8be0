import { submitAnswer } from "@/lib/sessions/answer-flow";
import { errorResponse, readJson, unauthorized, userIdOrNull } from "@/lib/sessions/http";
import { startReply } from "@/lib/sessions/reply-stream";
import { replyResponse } from "@/lib/sessions/resumable";

/**
 * Posts an answer (body: answerBodySchema in lib/sessions/schemas.ts) and streams the interviewer's reply as an AI SDK UI message
 * stream. The reply is generated apart from this request: it is saved even if the browser leaves.
 */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await userIdOrNull();
  if (!userId) return unauthorized();
  const { id } = await params;
  try {
    const pending = await submitAnswer(userId, id, await readJson(req));
    return await replyResponse(startReply(pending), String(pending.replySeq));
  } catch (error) {
    return errorResponse(error);
  }
}
