import { createUIMessageStreamResponse } from "ai";
import { submitAnswer } from "@/lib/sessions/answer-flow";
import { errorResponse, readJson, unauthorized, userIdOrNull } from "@/lib/sessions/http";
import { replyUIMessageStream, startReply } from "@/lib/sessions/reply-stream";

/** Posts an answer (body: ./schema.ts); streams the interviewer's reply as a UI message stream. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await userIdOrNull();
  if (!userId) return unauthorized();
  const { id } = await params;
  try {
    const pending = await submitAnswer(userId, id, await readJson(req));
    return createUIMessageStreamResponse({ stream: replyUIMessageStream(startReply(pending)) });
  } catch (error) {
    return errorResponse(error);
  }
}
