import { interviewParamsSchema, okSchema } from "@/lib/api/interview/schemas";
import { route } from "@/lib/api/route";
import { finishInterview } from "@/lib/sessions/answer-flow";

/** Finishes the interview. The page sends the turns it has seen, as for next; finishing does not need them. */
export const POST = route({ auth: "interviewee", params: interviewParamsSchema, response: okSchema }, async ({ user, params }) => {
  await finishInterview(user.id, params.id);
  return { ok: true as const };
});
