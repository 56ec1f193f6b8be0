import { NextResponse } from "next/server";
import { finishInterview } from "@/lib/sessions/answer-flow";
import { errorResponse, unauthorized, userIdOrNull } from "@/lib/sessions/http";

export async function POST(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await userIdOrNull();
  if (!userId) return unauthorized();
  const { id } = await params;
  try {
    await finishInterview(userId, id);
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
