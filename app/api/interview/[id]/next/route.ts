import { NextResponse } from "next/server";
import { z } from "zod";
import { advanceToNextQuestion } from "@/lib/sessions/answer-flow";
import { SessionError } from "@/lib/sessions/errors";
import { errorResponse, readJson, unauthorized, userIdOrNull } from "@/lib/sessions/http";

const bodySchema = z.object({ expectedTurns: z.number().int().min(0) }).strict();

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await userIdOrNull();
  if (!userId) return unauthorized();
  const { id } = await params;
  try {
    const body = bodySchema.safeParse(await readJson(req));
    if (!body.success) throw new SessionError("invalid", "expectedTurns: a whole number is required");
    await advanceToNextQuestion(userId, id, body.data.expectedTurns);
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
