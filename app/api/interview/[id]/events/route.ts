import { interviewParamsSchema } from "@/lib/api/interview/schemas";
import { route } from "@/lib/api/route";
import { recordIntegrityEvents } from "@/lib/invitations/integrity";
import { integrityReportSchema } from "@/lib/invitations/schemas";

/**
 * The interview room's integrity signals (pastes, focus lost, first keystroke, timer submissions):
 * kept for interviews taken through an invitation, whose candidate agreed to them; ignored for the
 * others. Answers { recorded }.
 */
export const POST = route(
  { auth: "interviewee", params: interviewParamsSchema, body: { limit: "interview", schema: integrityReportSchema, subject: "integrity report" } },
  async ({ user, params, body }) => recordIntegrityEvents(user.id, params.id, body),
);
