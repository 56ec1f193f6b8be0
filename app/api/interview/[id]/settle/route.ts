import { interviewParamsSchema, okSchema } from "@/lib/api/interview/schemas";
import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { settleInterview } from "@/lib/sessions/answer-flow";

/**
 * Settles what the clock says is due (a question or the interview whose time ran out while the tab
 * was closed, a reply lost with its process). The interview page asks for it when its view says
 * `settleDue`: rendering a page never writes.
 */
export const POST = route({ auth: "interviewee", params: interviewParamsSchema, response: okSchema }, async ({ user, params }) => {
  if (!(await settleInterview(user.id, params.id))) throw new ApiError("not_found", "No such interview.");
  return { ok: true as const };
});
