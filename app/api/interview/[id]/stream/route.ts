import { unauthorized, userIdOrNull } from "@/lib/sessions/http";
import { loadSession } from "@/lib/sessions/load";
import { resumeReplyResponse } from "@/lib/sessions/resumable";

/** Resumes a reply still being generated (after a reload); 204 when there is none. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await userIdOrNull();
  if (!userId) return unauthorized();
  const { id } = await params;
  if (!(await loadSession(userId, id))) return Response.json({ error: "No such session." }, { status: 404 });
  return resumeReplyResponse(id);
}
