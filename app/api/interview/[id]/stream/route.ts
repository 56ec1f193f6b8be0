import { interviewParamsSchema } from "@/lib/api/interview/schemas";
import { route } from "@/lib/api/route";
import { notFound } from "@/lib/sessions/errors";
import { loadSession } from "@/lib/sessions/read-model";
import { resumeReplyResponse } from "@/lib/sessions/resumable";

/** Resumes a reply still being generated (after a reload); 204 when there is none. */
export const GET = route({ auth: "interviewee", params: interviewParamsSchema }, async ({ user, params }) => {
  if (!(await loadSession(user.id, params.id))) throw notFound();
  return resumeReplyResponse(params.id);
});
