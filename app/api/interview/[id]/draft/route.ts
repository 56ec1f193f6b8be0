import { NextResponse } from "next/server";
import { errorResponse, readJson, unauthorized, userIdOrNull } from "@/lib/sessions/http";
import { saveDraft } from "@/lib/sessions/service";

export async function PUT(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await userIdOrNull();
  if (!userId) return unauthorized();
  const { id } = await params;
  try {
    return NextResponse.json(await saveDraft(userId, id, await readJson(req)));
  } catch (error) {
    return errorResponse(error);
  }
}
