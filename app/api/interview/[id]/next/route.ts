import { NextResponse } from "next/server";
import { advanceToNextQuestion } from "@/lib/sessions/answer-flow";
import { SessionError } from "@/lib/sessions/errors";
import { errorResponse, readJson, unauthorized, userIdOrNull } from "@/lib/sessions/http";
import { advanceBodySchema, personMessage } from "@/lib/sessions/schemas";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await userIdOrNull();
  if (!userId) return unauthorized();
  const { id } = await params;
  try {
    const body = advanceBodySchema.safeParse(await readJson(req));
    if (!body.success) throw new SessionError("invalid", personMessage(body.error));
    await advanceToNextQuestion(userId, id, body.data.expectedTurns);
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
